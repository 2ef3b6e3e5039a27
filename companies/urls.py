"""Analyst URLs. Each concern's views live in their own module under companies/views/."""

from django.urls import path

from . import feeds
from .views import api, changes, events, explorer, maps, pages, search

app_name = "companies"

urlpatterns: list = [
    path("", pages.home, name="home"),
    path("companies/", pages.company_list, name="company_list"),
    path("companies/<slug:slug>/", pages.company_detail, name="company_detail"),
    path("facilities/<int:pk>/", pages.facility_detail, name="facility_detail"),
    path("releases/<int:pk>/", pages.release_detail, name="release_detail"),
]

# The maps' points (GeoJSON), fetched by static/js/map.js.
urlpatterns += [
    path("companies/<slug:slug>/map.geojson", maps.company_points, name="company_map"),
    path("facilities/map.geojson", maps.facility_points, name="facility_map"),
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

# Changes between two dates, Atom feeds and site search.
urlpatterns += [
    path("changes/", changes.changes, name="changes"),
    path("companies/<slug:slug>/changes/", changes.company_changes, name="company_changes"),
    path("events/feed/", feeds.EventFeed(), name="event_feed"),
    path("companies/<slug:slug>/feed/", feeds.CompanyFeed(), name="company_feed"),
    path("search/", search.search, name="search"),
]
