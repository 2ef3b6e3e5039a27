"""Django admin for Footprint, one module per model admin.

Statuses are read-only everywhere in the admin: they follow from accepted events, and every
write path here (forms, inlines, actions, deletes) goes through code that refreshes the
facility's cached status in the same transaction.
"""

from . import claims, companies, events, facilities, locations, releases  # noqa: F401
