"""Footprint's data model: companies, places, facilities, releases, events and claims."""

from .claim import FootprintClaim
from .company import Company
from .event import Event, EventType, ReviewState
from .facility import Facility, FacilityKind, FacilityStatus
from .import_batch import (
    ImportBatch,
    ImportBatchState,
    ImportFile,
    ImportFileState,
    ImportRecord,
    ImportRecordStatus,
)
from .location import Location
from .release import ImportState, Release
from .span import StatusSpan

__all__ = [
    "Company",
    "Event",
    "EventType",
    "Facility",
    "FacilityKind",
    "FacilityStatus",
    "FootprintClaim",
    "ImportBatch",
    "ImportBatchState",
    "ImportFile",
    "ImportFileState",
    "ImportRecord",
    "ImportRecordStatus",
    "ImportState",
    "Location",
    "Release",
    "ReviewState",
    "StatusSpan",
]
