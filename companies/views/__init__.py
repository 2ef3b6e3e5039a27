"""Analyst pages, one module per concern. Views stay thin: a queryset method, a context, a render."""
