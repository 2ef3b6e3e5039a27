"""Analyst URLs. Each concern's views live in their own module under companies/views/."""

from django.urls import path

from .views import api, events, explorer, pages

app_name = "companies"

urlpatterns: list = [
    path("", pages.home, name="home"),
    path("companies/", pages.company_list, name="company_list"),
    path("companies/<slug:slug>/", pages.company_detail, name="company_detail"),
    path("facilities/<int:pk>/", pages.facility_detail, name="facility_detail"),
    path("releases/<int:pk>/", pages.release_detail, name="release_detail"),
]

# Facility explorer, events page and the read-only JSON API (docs/api.md).
urlpatterns += [
    path("facilities/", explorer.facility_list, name="facility_list"),
    path("events/", events.event_list, name="event_list"),
    path("api/companies/", api.company_list, name="api_company_list"),
    path("api/companies/<slug:slug>/", api.company_detail, name="api_company_detail"),
    path("api/facilities/", api.facility_list, name="api_facility_list"),
    path("api/events/", api.event_list, name="api_event_list"),
]
