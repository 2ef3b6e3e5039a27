"""The release text with each event's evidence sentence highlighted, for the review step.

The body is untrusted: every piece of it is escaped; only our own ``<mark>`` tags are markup.
Evidence is matched whitespace-insensitively (the extractor normalises whitespace), then
case-insensitively; evidence that cannot be found is listed under the text so nothing is hidden.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

# Inline, so the marks read the same in the admin and on the public release page.
STATE_STYLES = {
    "proposed": "background: #fff3a0;",
    "accepted": "background: #d5f2d5;",
    "rejected": "background: #eee; text-decoration: line-through;",
}


@dataclass
class _Span:
    start: int
    end: int
    labels: list[str] = field(default_factory=list)
    states: set[str] = field(default_factory=set)


def _evidence_pattern(evidence: str) -> re.Pattern | None:
    words = evidence.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words))


def _find(body: str, evidence: str) -> tuple[int, int] | None:
    pattern = _evidence_pattern(evidence)
    if pattern is None:
        return None
    match = pattern.search(body) or re.compile(pattern.pattern, re.IGNORECASE).search(body)
    return match.span() if match else None


def _event_label(event) -> str:
    facility = getattr(event, "facility", None)
    where = f" — {facility.location.label}" if facility is not None else ""
    return f"{event.get_type_display()}{where} ({event.get_review_state_display().lower()})"


def _merge(spans: list[_Span]) -> list[_Span]:
    merged: list[_Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            last.end = max(last.end, span.end)
            last.labels += [label for label in span.labels if label not in last.labels]
            last.states |= span.states
        else:
            merged.append(span)
    return merged


def highlighted_body(release, events: Iterable | None = None) -> SafeString:
    """``release.body`` escaped, with each event's evidence wrapped in ``<mark>``.

    Pass ``events`` (with ``facility__location`` selected) to avoid a query; by default the
    release's events are loaded in one query. Marks carry the event type, place and review
    state as a title and a ``state-…`` class, so proposed evidence can be styled apart.
    """
    body = release.body or ""
    if events is None:
        events = release.events.select_related("facility__location").order_by("id")
    spans: list[_Span] = []
    missing: list[str] = []
    for event in events:
        if not event.evidence:
            continue
        found = _find(body, event.evidence)
        if found:
            spans.append(_Span(*found, labels=[_event_label(event)], states={event.review_state}))
        else:
            missing.append(f"{_event_label(event)}: {event.evidence}")

    parts: list[str] = []
    position = 0
    for span in _merge(spans):
        parts.append(escape(body[position : span.start]))
        # One class per state; "proposed" wins so editors see what still needs a decision.
        state = next((s for s in ("proposed", "accepted", "rejected") if s in span.states), "proposed")
        parts.append(
            format_html(
                '<mark class="evidence state-{}" style="{}" title="{}">{}</mark>',
                state,
                STATE_STYLES[state],
                "; ".join(span.labels),
                body[span.start : span.end],
            )
        )
        position = span.end
    parts.append(escape(body[position:]))
    text = mark_safe("".join(parts))  # every part above is escaped

    html = format_html(
        '<div class="release-body" style="white-space: pre-wrap; max-width: 60em">{}</div>', text
    )
    if missing:
        html += format_html(
            '<p class="help">Evidence not found verbatim in the text:</p><ul class="evidence-missing">{}</ul>',
            format_html_join("", "<li>{}</li>", ((m,) for m in missing)),
        )
    return html
