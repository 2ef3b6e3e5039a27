"""What the mixins of ``spans``' sentence reader (``facility_towns``, ``prep_places``) read
and call on it, declared once: the sentence, the release's context, the mentions found so far
and the reader's lookups. ``spans._SentenceReader`` sets and defines them.

Pure Python: no Django, no network.
"""

from __future__ import annotations

from collections.abc import Callable

from .mention_context import Mention
from .proposal import PlaceRef


class ReaderParts:
    """The sentence reader's state and helpers, as its mixins see them."""

    sentence: str
    issuer_words: frozenset[str]
    named: frozenset[str]
    default_country: str | None
    known: dict[str, PlaceRef]
    out: list[Mention]
    taken: list[tuple[int, int]]
    _lookup: Callable[[str], PlaceRef | None]
    add: Callable[[int, int, PlaceRef], None]
    free: Callable[[int, int], bool]
