"""Shared pytest fixtures."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (``companies.cached`` keeps a few reads for minutes)."""
    cache.clear()
    yield
    cache.clear()
