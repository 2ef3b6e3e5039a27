"""Analyst URLs. Each concern's views live in their own module under companies/views/."""

from django.urls import path

app_name = "companies"

urlpatterns: list = []
