"""Analyst URLs. Each concern's views live in their own module under companies/views/."""

app_name = "companies"

urlpatterns: list = []
