"""Analyst pages. Thin: each calls a queryset method, builds a context and renders."""
