"""Root URLs: the admin and the analyst pages."""

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Footprint editors"
admin.site.site_title = "Footprint admin"
admin.site.index_title = "Curate companies, facilities, releases and events"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("companies.urls")),
]
