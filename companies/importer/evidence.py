"""Evidence and warnings kept to a size an editor reads, whatever the release.

An event's evidence is its sentence, and a sentence is at most ``text.MAX_SENTENCE`` long;
but a "sentence" that lists hundreds of towns would give each of their events the same long
list as evidence, and a warning per town repeating it. Here:

* ``window``: evidence longer than ``EVIDENCE_MAX`` is the part of its sentence around the
  place (and the event word, when both fit), cut at word boundaries. It stays a slice of the
  body, so the review page still finds and highlights it. Real releases' evidence is shorter
  (the longest in the labelled corpora is about 410 characters), so it is untouched.
* ``place_warnings`` says once per sentence which places could not be resolved, and at most
  ``MAX_WARNINGS`` times per release, then how many more; ``hedged_warnings`` likewise.
"""

from __future__ import annotations

from .proposal import PlaceRef

EVIDENCE_MAX = 400
MAX_WARNINGS = 10
_NAMES_SHOWN = 5


def window(sentence: str, place: PlaceRef | None = None, trigger_at: int | None = None) -> str:
    """``sentence`` itself, or the ``EVIDENCE_MAX`` characters of it around the place."""
    if len(sentence) <= EVIDENCE_MAX:
        return sentence
    anchors = []
    for name in (place.text, place.locality) if place is not None else ():
        at = sentence.find(name) if name else -1
        if at >= 0:
            anchors.append((at, at + len(name)))
            break
    if trigger_at is not None and 0 <= trigger_at < len(sentence):
        trigger = (trigger_at, trigger_at + 1)
        if not anchors or max(anchors[0][1], trigger[1]) - min(anchors[0][0], trigger[0]) <= EVIDENCE_MAX:
            anchors.append(trigger)  # the event word too, when it fits beside the place
    if not anchors:
        anchors = [(0, 1)]
    lo, hi = min(a for a, _ in anchors), max(b for _, b in anchors)
    room = max(0, EVIDENCE_MAX - (hi - lo))
    start = max(0, lo - room // 2)
    end = min(len(sentence), start + max(EVIDENCE_MAX, hi - start))
    start = max(0, min(start, end - EVIDENCE_MAX))
    # whole words only: move each cut to the nearest space inside the window
    if start > 0 and sentence[start - 1] != " ":
        space = sentence.find(" ", start, lo)
        start = space + 1 if space >= 0 else start
    if end < len(sentence) and sentence[end] != " ":
        space = sentence.rfind(" ", hi, end)
        end = space if space >= 0 else end
    return sentence[start:end].strip(" ,;:")


def shorten(text: str, limit: int = EVIDENCE_MAX) -> str:
    """``text`` cut at a word boundary with an ellipsis, for messages (never for evidence)."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:") + "\u2026"


def place_warnings(unresolved: list[tuple[str, str, str]]) -> list[str]:
    """One warning per sentence naming places that could not be resolved, at most
    ``MAX_WARNINGS``; ``unresolved`` holds (event type, place name, sentence) in text order."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for type_, name, sentence in unresolved:
        groups.setdefault(sentence, [])
        if (type_, name) not in groups[sentence]:
            groups[sentence].append((type_, name))
    out = []
    for sentence, found in list(groups.items())[:MAX_WARNINGS]:
        types = sorted({t for t, _ in found})
        kinds = " and ".join(types) + (" events" if len(found) > 1 else " event")
        if len(found) == 1:
            (_, name), text = found[0], window(sentence, PlaceRef(found[0][1], text=found[0][1]))
            out.append(f"Unresolved place {name!r} for a {kinds}: {text}")
            continue
        names = ", ".join(repr(n) for _, n in found[:_NAMES_SHOWN])
        more = f" and {len(found) - _NAMES_SHOWN} more" if len(found) > _NAMES_SHOWN else ""
        out.append(f"Unresolved places {names}{more} for {kinds}: {shorten(sentence)}")
    rest = list(groups.values())[MAX_WARNINGS:]
    if rest:
        places = sum(len(found) for found in rest)
        out.append(
            f"{places} more unresolved places in {len(rest)} more sentences: "
            "check this is one press release, and the places on the review page"
        )
    return out


def hedged_warnings(sentences: list[str]) -> list[str]:
    """Events not proposed because they are hedged or conditional, at most ``MAX_WARNINGS``."""
    out = [
        f"Possible event not proposed (hedged or conditional): {shorten(text)}"
        for text in sentences[:MAX_WARNINGS]
    ]
    if len(sentences) > MAX_WARNINGS:
        out.append(f"{len(sentences) - MAX_WARNINGS} more sentences with hedged or conditional events")
    return out
