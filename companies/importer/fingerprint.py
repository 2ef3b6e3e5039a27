"""What makes two texts the same release: the words of its body, nothing around them.

Copies of one release differ in more than their words: whitespace and line breaks, quotes and
dashes, letter case, an "Exhibit 99.1" label or a newsroom's menu above the headline, the
dateline as each wire writes it ("/PRNewswire/", "(BUSINESS WIRE)"), "-more-" and page-number
lines, and the About, forward-looking-statements and contact blocks that a wire adds or a filing
drops. The body's words, found with the same layout as extraction (``text.normalize``,
``document.read_layout``) and case-folded, are what the release's content hash is taken over
(``identity``, ``Release.content_hash``), so such copies are one release. Where whitespace
changes the layout itself (a hard wrap through the dateline), ``all_words`` still matches.

A near-duplicate (a corrected re-issue, a reprint that cut a paragraph) shares most of its
five-word shingles with the other (``shingles``). Pure string work, no database:
``companies.services.duplicates`` picks the candidates, the measure and the threshold.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from .datelines import find_dateline
from .document import is_chrome, page_date, read_layout, split_dateline_line
from .text import is_preamble, normalize, paragraphs

SHINGLE_WORDS = 5
"""Words per shingle: long enough that two different releases share few, short enough that one
changed sentence leaves most of a long body's shingles in place."""

# Letters and digits: punctuation, quotes and dashes differ between copies of one text.
_TOKEN = re.compile(r"[^\W_]+")
# The wire's tag in a dateline, which differs between the wires that carried the same text.
_WIRE_TAG = re.compile(
    r"[/(]\s*(?:pr\s*newswire(?:-\w+)*|business\s*wire|globe\s*newswire|marketwired?|cnw|"
    r"canada\s*newswire|accesswire|newsfile|prweb|eqs-news)\s*[/)]",
    re.I,
)


@dataclass(frozen=True)
class Fingerprint:
    """The parts of a release that duplicates share."""

    words: tuple[str, ...]
    """The body's words, case-folded: what the content hash is taken over."""
    headline: str = ""
    """The headline as the layout reads it, case-folded, single-spaced ("" when none)."""
    published: date | None = None
    """The dateline's date, if it gives one."""

    @property
    def identity(self) -> str:
        return " ".join(self.words)


def fingerprint(text: str) -> Fingerprint:
    """The release's body words, headline and dateline date (see the module docstring)."""
    text, _ = page_date(text)
    paras = paragraphs(split_dateline_line(normalize(text)))
    if not paras:
        return Fingerprint(words=())
    if len(paras) == 1:
        # One paragraph has no layout to read (generated and flattened texts): all of it after
        # the dateline is body. Reading the layout would cost ten times as much.
        dateline = find_dateline(paras[0].text)
        body = paras[0].text[dateline.end :] if dateline is not None else paras[0].text
        words = _words([body])
        published = dateline.published if dateline is not None else None
        return Fingerprint(words=words, published=published)
    layout = read_layout(paras)
    dateline = layout.dateline
    body: list[str] = []
    for i, para in enumerate(paras):
        if para.section != "body":
            continue  # headline block, chrome, About, forward-looking statements, contacts
        # each wire writes the place, the date and its tag its own way: the body starts after
        body.append(para.text[dateline.end :] if i == layout.dateline_index and dateline else para.text)
    words = _words(body) or _words([para.text for para in paras])  # no body found: all there is
    return Fingerprint(
        words=words,
        headline=" ".join((layout.headline or "").split()).casefold().rstrip("."),
        published=dateline.published if dateline is not None else None,
    )


CHROME_LINE_MAX = 100
"""Chrome and preamble lines are short ("Exhibit 99.1", "Share this article"); a longer line is
prose, whatever words it has (a body sentence may speak of subscribers)."""


def _words(paras: list[str]) -> tuple[str, ...]:
    """Case-folded words of the paragraphs, without chrome and preamble lines and wire tags."""
    lines = [
        line
        for para in paras
        for line in para.split("\n")
        if len(line) > CHROME_LINE_MAX or not (is_preamble(line) or is_chrome(line))
    ]
    return tuple(_TOKEN.findall(_WIRE_TAG.sub(" ", "\n".join(lines)).casefold()))


def all_words(text: str) -> str:
    """Every word of the text, case-folded, single-spaced, wire tags aside: the same for any two
    copies that differ only in whitespace, line breaks, case or punctuation, however the layout
    reads them (``Release.words_hash``)."""
    flat = unicodedata.normalize("NFKC", text)
    return " ".join(_TOKEN.findall(_WIRE_TAG.sub(" ", flat).casefold()))


def identity(text: str) -> str:
    """The body's words, single-spaced: what the content hash is taken over."""
    return fingerprint(text).identity


def shingles(words: tuple[str, ...], size: int = SHINGLE_WORDS) -> frozenset[int]:
    """Hashes of every run of ``size`` words (the whole text when it is shorter). In-process
    only: ``hash`` of strings changes between processes, so these are never stored."""
    if len(words) <= size:
        return frozenset({hash(words)}) if words else frozenset()
    return frozenset(hash(words[i : i + size]) for i in range(len(words) - size + 1))
