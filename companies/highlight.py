"""A release's text with its evidence sentences highlighted — for the public release page and
the admin's review step alike.

The body is untrusted: every piece of it is escaped; only our own ``<p>`` and ``<mark>`` tags
are markup. Evidence is matched whitespace-insensitively (the extractor normalises whitespace,
releases are re-wrapped), then case-insensitively.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")

# Inline, because the admin has no stylesheet of ours.
STATE_STYLES = {
    "proposed": "background: #fff3a0;",
    "accepted": "background: #d5f2d5;",
    "rejected": "background: #eee; text-decoration: line-through;",
}


@dataclass(frozen=True)
class Mark:
    """One sentence to highlight: ``key`` names its ``id="evidence-<key>"`` anchor."""

    key: object
    sentence: str
    attrs: tuple[tuple[str, str], ...] = ()


def _pattern(sentence: str) -> re.Pattern | None:
    words = sentence.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words))


def _find_all(body: str, sentence: str) -> list[tuple[int, int]]:
    pattern = _pattern(sentence or "")
    if pattern is None:
        return []
    spans = [m.span() for m in pattern.finditer(body)]
    if not spans:
        spans = [m.span() for m in re.compile(pattern.pattern, re.IGNORECASE).finditer(body)]
    return spans


def evidence_found(body: str, sentence: str) -> bool:
    return bool(_find_all(body or "", sentence))


def evidence_spans(body: str, marks: Iterable[Mark]) -> list[tuple[int, int, Mark]]:
    """Where each mark's sentence occurs, merged so spans never overlap (first mark wins)."""
    found = [(start, end, mark) for mark in marks for start, end in _find_all(body, mark.sentence)]
    found.sort(key=lambda s: (s[0], -s[1]))
    merged: list[tuple[int, int, Mark]] = []
    for start, end, mark in found:
        if merged and start < merged[-1][1]:
            last_start, last_end, last_mark = merged[-1]
            merged[-1] = (last_start, max(last_end, end), last_mark)
        else:
            merged.append((start, end, mark))
    return merged


def _open_mark(mark: Mark, with_id: bool) -> str:
    attrs = ((("id", f"evidence-{mark.key}"),) if with_id else ()) + mark.attrs
    return "<mark" + "".join(format_html(' {}="{}"', name, value) for name, value in attrs) + ">"


def highlight_text(body: str, marks: Iterable[Mark]) -> SafeString:
    """``body`` as escaped HTML paragraphs with each mark's sentence in ``<mark>``; the first
    occurrence of each sentence gets ``id="evidence-<key>"`` so tables can link to it."""
    body = (body or "").replace("\r\n", "\n").strip()
    spans = evidence_spans(body, list(marks))
    seen: set = set()
    paragraphs = []
    start = 0
    bounds = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(body)] + [(len(body), len(body))]
    for break_start, break_end in bounds:
        para_start, para_end = start, break_start
        start = break_end
        if para_start >= para_end:
            continue
        parts = []
        pos = para_start
        for span_start, span_end, mark in spans:
            a, b = max(span_start, para_start), min(span_end, para_end)
            if a >= b:
                continue
            first = mark.key not in seen and span_start >= para_start
            seen.add(mark.key)
            parts += [escape(body[pos:a]), _open_mark(mark, first), escape(body[a:b]), "</mark>"]
            pos = b
        parts.append(escape(body[pos:para_end]))
        paragraphs.append("<p>" + "".join(str(p) for p in parts) + "</p>")
    return mark_safe("\n".join(paragraphs))  # every fragment of the body above is escaped


def _event_label(event) -> str:
    facility = getattr(event, "facility", None)
    where = f" — {facility.location.label}" if facility is not None else ""
    return f"{event.get_type_display()}{where} ({event.get_review_state_display().lower()})"


def highlighted_body(release, events: Iterable | None = None) -> SafeString:
    """The admin's review view: marks carry the event, place and review state (as a title and a
    ``state-…`` class); evidence that cannot be found is listed under the text, never hidden."""
    body = release.body or ""
    if events is None:
        events = release.events.select_related("facility__location").order_by("id")
    events = [e for e in events if e.evidence]
    # Several events often share one sentence ("idling its A and B plants"): one mark for all,
    # titled with each, styled by the state that still needs a decision first.
    by_sentence: dict[str, list] = {}
    for event in events:
        by_sentence.setdefault(" ".join(event.evidence.split()), []).append(event)
    marks = []
    for group in by_sentence.values():
        states = {e.review_state for e in group}
        state = next((s for s in ("proposed", "accepted", "rejected") if s in states), "proposed")
        attrs = (
            ("class", f"evidence state-{state}"),
            ("style", STATE_STYLES[state]),
            ("title", "; ".join(_event_label(e) for e in group)),
        )
        marks.append(Mark(group[0].pk, group[0].evidence, attrs))
    html = format_html(
        '<div class="release-body" style="max-width: 60em">{}</div>', highlight_text(body, marks)
    )
    missing = [e for e in events if not evidence_found(body, e.evidence)]
    if missing:
        html += format_html(
            '<p class="help">Evidence not found verbatim in the text:</p><ul class="evidence-missing">{}</ul>',
            format_html_join("", "<li>{}: {}</li>", ((_event_label(e), e.evidence) for e in missing)),
        )
    return html
