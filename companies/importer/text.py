"""Text plumbing for the extractor: normalisation, sentence splitting and release sections.

Everything here is pure string work on precompiled regexes; it knows nothing about events.
The normalised text is what ``Proposal.body`` holds, and every sentence is a slice of it, so
an evidence sentence can always be found (and highlighted) in the body by its offset.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .dates import MONTH_RX

# The only characters outside ASCII that a case-insensitive pattern matches to an ASCII letter
# (Python's simple case folding): with them mapped, a lower-cased text holds every needle any
# match of a case-insensitive pattern holds, whatever the script of the text.
_FOLDS_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def needle_view(text: str) -> str:
    """``text`` lower-cased for substring checks that stand in for a case-insensitive pattern."""
    if text.isascii() or not any(c in text for c in "\u0130\u0131\u017f\u212a"):
        return text.lower()  # (str.translate looks each character up in Python: only when needed)
    return text.translate(_FOLDS_TO_ASCII).lower()


class Gated:
    """A case-insensitive pattern behind a cheap substring check, for ``search(text)`` only.

    Every match of ``rx`` must contain one of ``needles`` (lowercase ASCII) case-insensitively,
    so a text whose ``needle_view`` holds no needle cannot match and the regex scan is skipped.
    Same results.
    """

    __slots__ = ("needles", "reach", "rx")

    def __init__(self, rx: re.Pattern[str], needles: tuple[str, ...], reach: int = 80) -> None:
        self.rx = rx
        self.needles = needles
        # how far before its needle a match may start ("distribution center": 13 characters):
        # the scan starts that far before the first needle, not at each character before it
        self.reach = reach

    def search(self, text: str) -> re.Match[str] | None:
        low = needle_view(text)  # (as long as ``text``: the four folded letters map one to one)
        first = -1
        for needle in self.needles:
            at = low.find(needle)
            if at >= 0 and (first < 0 or at < first):
                first = at
        return self.rx.search(text, max(0, first - self.reach)) if first >= 0 else None


# --- normalisation -----------------------------------------------------------------------------

_CHAR_MAP = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",  # en dash: ranges and "Hamilton - Ont." style joins
        "\u2212": "-",
        "\u2014": "--",  # em dash: wires use it where plain text has "--"
        "\u2015": "--",
        "\u2026": "...",
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\u2060": "",
        "\ufeff": "",
        "\u00ad": "",  # soft hyphen
        "\u00ae": "",  # registered and trade marks: "Intertape Polymer Group\u00ae Inc." is the name
        "\u2122": "",
        "\t": " ",
        "\f": "\n",
        "\v": "\n",
    }
)
_MAPPED_CHAR = re.compile("[" + "".join(re.escape(chr(c)) for c in _CHAR_MAP) + "]")
_SPACES = re.compile(r"[ ]{2,}")
_TRAILING = re.compile(r"[ ]+\n|\n[ ]+")
_BLANKS = re.compile(r"\n{3,}")
# a line that ends a sentence (a closing quote or bracket may follow the stop)
SENTENCE_END = re.compile(r"""[.!?:;]["')\]]*$""")


def normalize(text: str) -> str:
    """Plain, predictable text: straight quotes, ASCII dashes, single spaces, one paragraph a block.

    Paragraphs are separated by one blank line. Inside a block, lines are joined when they are
    pieces of one sentence: hard-wrapped e-mail (lines near the block's wrap width), table cells
    cut mid-phrase (a line ending in a comma or a joining word, a next line starting in lower
    case). Pages that put one paragraph on each line (EDGAR exhibits, scraped newsrooms) get a
    block per line, so a headline never runs into the dateline below it. Table remnants (lines
    of "|" and bullets) and exhibit labels are page chrome and go.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    if text.count("\\n") >= 5:
        # a page that embeds the release as a JSON string: its line breaks are written "\n"
        text = text.replace("\\n", "\n").replace('\\"', '"')
    if _MAPPED_CHAR.search(text):  # (str.translate looks up every character in Python)
        text = _MAPPED_CHAR.sub(lambda m: _CHAR_MAP[ord(m[0])], text)
    # each rewrite only when its pattern can occur: most texts need none of them
    if "  " in text:
        text = _SPACES.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = _TRAILING.sub("\n", text)
    if "|" in text or _BULLET_CHARS.search(text):
        text = _DECORATION.sub("", text)
    text = text.strip()
    if "\n\n\n" in text:
        text = _BLANKS.sub("\n\n", text)
    blocks = (_unwrap(p) for p in text.split("\n\n"))
    return "\n\n".join(b for b in (_lay_out(b) for b in blocks) if b)


_BULLET_CHARS = re.compile("[\u25cf\u2022\u00b7\u25e6\u25aa\u25a0\u00d8]")
# "|" table remnants and bullet glyphs at the start of a line, and lines made only of them
_DECORATION = re.compile(
    "^(?:[ ]*(?:\\|[ ]*)+|[ ]*[\u25cf\u2022\u00b7\u25e6\u25aa\u25a0\u00d8][ ]*)+(?=\\S)"
    "|^[ |\u25cf\u2022\u00b7\u25e6\u25aa\u25a0\u00d8]+$",
    re.M,
)
_EXHIBIT = re.compile(r"^(?:exhibit|ex-?)\s*\d{1,3}(?:\.\d{1,3})?$", re.I)
# a line that cannot end a sentence: it ends with a comma, a dash or a joining word
_OPEN_END = re.compile(r"(?:,|\s-{1,2}|&|\b(?:and|or|of|the|a|an|in|to|for|at|by|with|its|our))$")
_WORD = re.compile(r"[^\W\d_][\w'&.-]*")


def _is_heading(line: str) -> bool:
    """Title Case or capitals: a headline's line, which a wrap width must not join to the next."""
    found = _WORD.findall(line)
    capital = sum(w[0].isupper() for w in found)
    return len(found) >= 2 and capital >= 0.7 * len(found)


_CAPS_OR_NUMBER = re.compile(r"(?:[^\W\d_]*[A-Z][^\W\d_a-z]*|\d[\d.]*)(?:\s|$)")
_PROSE_LINE = 150  # a line this long is a paragraph of prose, not a heading or a table cell


_MONTH = rf"{MONTH_RX}\.?"
# a line that is only a date ("April 27, 2020", "27 April 2020 10:15"): a page's date line under
# its headline, never a piece of the sentence around it
_DATE_LINE = re.compile(
    rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:{_MONTH}\s+\d{{1,2}},?|\d{{1,2}}\.?\s+{_MONTH},?)"
    r"\s+(?:19|20)\d\d(?:,?\s+\d{1,2}:\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?\s*"
)


def _unwrap(paragraph: str) -> str:
    lines = [line for line in paragraph.split("\n") if not _EXHIBIT.match(line)]
    if len(lines) <= 1:
        return lines[0] if lines else ""
    # hard-wrapped text breaks every line near one width; a line well short of it ends a paragraph
    width = max(len(line) for line in lines)
    wrap = max(40, int(width * 0.6)) if width < _PROSE_LINE else None
    out = [lines[0]]
    for line in lines[1:]:
        prev = out[-1]
        if len(line) < 40 and _DATE_LINE.fullmatch(line) or len(prev) < 40 and _DATE_LINE.fullmatch(prev):
            out.append(line)
            continue
        # a list wrapped over lines goes on after a semicolon: "in A, Michigan;" / "B, Indiana; and C"
        open_end = not SENTENCE_END.search(prev) or prev.endswith(";")
        wrapped = (
            line[:1].islower()
            or (open_end and wrap is not None and len(prev) >= wrap and not _is_heading(prev))
            or (open_end and _OPEN_END.search(prev) is not None)
            # table cells cut a heading word by word: "SUPERIOR" / "INDUSTRIES TO CLOSE ..."
            or (" " not in prev and len(line) < 60 and prev.isupper() and _CAPS_OR_NUMBER.match(line))
        )  # fmt: skip
        if wrapped:
            out[-1] = prev + " " + line
        else:
            out.append(line)
    return "\n".join(out)


def _lay_out(block: str) -> str:
    """A block that mixes prose lines with others is a page with one paragraph a line."""
    lines = [line for line in block.split("\n") if not _EXHIBIT.match(line)]
    if len(lines) > 1 and any(len(line) >= _PROSE_LINE for line in lines):
        return "\n\n".join(lines)
    return "\n".join(lines)


def words(text: str) -> frozenset[str]:
    """A word list written as one string (readable in source, a set at run time)."""
    return frozenset(text.split())


# --- sentences ---------------------------------------------------------------------------------

# Words that end with a period without ending the sentence. Honorifics and months are never
# sentence ends in wire copy (a month is followed by a day); the others usually are not, unless
# the next word is a typical sentence opener (see _OPENERS).
_NEVER_END = words(
    "mr mrs ms dr prof sen rep gov gen lt col capt sgt rev hon st ste mt ft messrs "
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vs approx e.g i.e fig dept "
    "est tel ext"
)
_ABBREVIATIONS = words(
    # corporate suffixes
    "inc corp co ltd cos bros mfg intl assn plc l.p l.l.c n.v s.a s.p.a b.v a.g "
    # countries and US/Canadian AP abbreviations
    "u.s u.k u.s.a e.u "
    "ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo "
    "mont neb nev n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d tenn tex va vt wash w.va wis "
    "wyo d.c ont que alta man sask b.c n.s n.b nfld p.e.i"
)
_OPENERS = words(
    "the this that these those it its we our he she they their there a an in as at on for "
    "with after following once when while during since under upon all both each customers "
    "employees production operations additionally however further furthermore also "
    "meanwhile accordingly separately"
)
# (a feed copy may drop the space after the full stop: "... to the Aurangabad plant.It was")
_BOUNDARY = re.compile(
    r"""([.!?])(["')\]]*)(?:\s+(?=["'(\[]?[A-Z0-9$])|(?<=[a-z]{3}[.!?])(?=[A-Z][a-z]+\s))"""
)
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.&")


def _last_word(line: str, end: int) -> str:
    """The word that ends at ``end``: the run of letters, dots and "&" before it, from its first
    letter ("U.S", "Inc", "R&D"); read backwards, as a pattern anchored at ``end`` would be tried
    at every character of the line before it."""
    start = end
    while start > 0 and line[start - 1] in _WORD_CHARS:
        start -= 1
    while start < end and not line[start].isalpha():  # ("." and "&" cannot begin it)
        start += 1
    return line[start:end]


_NEXT_WORD = re.compile(r"""["'(\[]?([A-Za-z]+)""")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as a slice of the normalised body; ``section`` says what part it is in."""

    text: str
    start: int
    section: str  # headline, body, about, boilerplate, contact, other
    paragraph: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _is_boundary(line: str, dot: int, after: int) -> bool:
    if line[dot] != ".":
        return True
    word = _last_word(line, dot)
    if not word:
        return True
    word = word.lower()
    if word in ("st", "nd", "rd", "th") and dot > len(word) and line[dot - len(word) - 1].isdigit():
        return True  # an ordinal ends the sentence: "effective as of September 1st. It follows"
    if word in _NEVER_END:
        return False
    if len(word) == 1 and word.isalpha():  # initials: "Glenn J. Holler"
        return False
    if word in _ABBREVIATIONS or ("." in word and len(word) <= 6):
        n = _NEXT_WORD.match(line, after)
        return bool(n and n.group(1).lower() in _OPENERS)
    return True


# Longer than this is not a sentence but text without sentence ends (a table, a list run
# together, a hostile upload): it is cut into pieces this long at most, so that the work per
# sentence is bounded and extraction time stays linear in the size of the text.
MAX_SENTENCE = 600
_SOFT_BREAK = re.compile(r"[;,:]\s|\s-{1,2}\s|\s")


def _bounded(start: int, piece: str) -> list[tuple[int, str]]:
    """Cut an over-long sentence at the last clause break (else space) before each limit."""
    out: list[tuple[int, str]] = []
    while len(piece) > MAX_SENTENCE:
        cut = None
        for m in _SOFT_BREAK.finditer(piece, MAX_SENTENCE // 2, MAX_SENTENCE):
            if cut is None or m.group(0) != " " or cut[1] == " ":
                cut = (m.end(), m.group(0))
        end = cut[0] if cut else MAX_SENTENCE
        head = piece[:end].rstrip()
        out.append((start, head))
        rest = piece[end:]
        stripped = rest.lstrip()
        start += end + (len(rest) - len(stripped))
        piece = stripped
    if piece:
        out.append((start, piece))
    return out


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, str]]:
    """(start, sentence) pairs for one paragraph; a line break always ends a sentence, and no
    sentence is longer than ``MAX_SENTENCE``."""
    pieces = _split_sentences(text, offset)
    if all(len(p) <= MAX_SENTENCE for _, p in pieces):
        return pieces
    return [bounded for start, p in pieces for bounded in _bounded(start, p)]


def _split_sentences(text: str, offset: int = 0) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        start = 0
        for m in _BOUNDARY.finditer(line):
            if _is_boundary(line, m.start(1), m.end()):
                piece = line[start : m.end(2)].strip()
                if piece:
                    out.append((offset + pos + line.index(piece, start), piece))
                start = m.end()
        piece = line[start:].strip()
        if piece:
            out.append((offset + pos + line.index(piece, start), piece))
        pos += len(line) + 1
    return out


# --- sections ----------------------------------------------------------------------------------

# Case-sensitive on purpose: "About 150 employees" is prose, "About Acme Inc." a heading.
_ABOUT = re.compile(r"^(?:About|ABOUT|More [Aa]bout)\s+(?:the\s+)?[A-Z\"']")
_ABOUT_INLINE = re.compile(r"^.{0,160}?\b(?:is|are)\s+(?:a|an|the|one of)\b")
_FLS = Gated(
    re.compile(
        r"forward[- ]looking (?:statements?|information)|safe harbou?r|cautionary (?:statement|note)"
        r"|private securities litigation reform act|litigation reform act of 1995",
        re.I,
    ),
    ("forward", "safe harbo", "cautionary", "litigation reform act"),
)
# an exchange's disclaimer above an announcement (Hong Kong, Singapore): never the body
EXCHANGE_DISCLAIMER = re.compile(
    r"\btake\s+no\s+responsibility\s+for\s+the\s+contents\s+of\s+this\s+announcement", re.I
)
_CONTACT = re.compile(
    r"^(?:(?:media|investor|press|analyst|company|news|editorial)s?\s+(?:and\s+\w+\s+)?"
    r"(?:contacts?|relations|inquiries|information)|contacts?|for (?:further|more|additional) "
    r"information(?:,? (?:please )?contact)?|for information|inquiries|source|web ?site|e-?mail"
    r"|tel(?:ephone)?|phone|fax)\b\s*[:\-]?",
    re.I,
)
# a phone number, e-mail or web address: the stuff of contact blocks
CONTACT_LINE = re.compile(
    r"\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}|\b\d{2,3}-\d{2,3}-\d{3,4}-\d{4}\b|@[\w-]+\.\w|\+\d[\d ()-]{7,}|www\.|https?://",
    re.I,
)
_END_MARK = re.compile(r"^(?:#{3,}|-30-|- ?30 ?-|--30--|\*{3,}|copyright\b|\(c\) ?\d{4}|©)", re.I)
_SOURCE = re.compile(r"^SOURCE\s*:?\s+\S", re.I)
_PREAMBLE = re.compile(
    r"^(?:for immediate release|news release|press release|media release|embargoed\b.*"
    r"|release date\b.*|page \d+ of \d+|-?\s*more\s*-?)$",
    re.I,
)
_TICKER_SLUG = re.compile(r"^[A-Z0-9]{2,8}(?:-[A-Z0-9]{1,4})+$")  # "ITWG-G" wire slugs


def classify_paragraph(paragraph: str) -> str | None:
    """The section a paragraph opens or belongs to, judged from the paragraph alone."""
    first = paragraph.split("\n", 1)[0].strip()
    if _ABOUT.match(first) and (
        len(first) < 90 or "\n" in paragraph or _looks_like_heading(first) or _ABOUT_INLINE.match(first)
    ):
        return "about"
    if _SOURCE.match(first):
        return "contact"
    if _END_MARK.match(first) or _TICKER_SLUG.match(first):
        return "other"
    if (
        _FLS.search(first[:160])
        or "Litigation Reform Act" in paragraph
        or EXCHANGE_DISCLAIMER.search(first[:400])
    ):
        return "boilerplate"
    if _CONTACT.match(first):
        return "contact"
    lines = paragraph.split("\n")
    if 2 <= len(lines) <= 40 and sum(bool(CONTACT_LINE.search(x)) for x in lines if len(x) < 200) * 3 >= len(
        lines
    ):
        return "contact"
    if len(lines) == 1 and len(first) < 80 and CONTACT_LINE.search(first):
        return "contact"
    return None


def _looks_like_heading(line: str) -> bool:
    return not line.rstrip().endswith((".", ":")) or line.rstrip().endswith(("Inc.", "Corp.", "Co.", "Ltd."))


def is_preamble(line: str) -> bool:
    """Lines before the headline that are not the headline ("FOR IMMEDIATE RELEASE")."""
    return bool(_PREAMBLE.match(line.strip()))


# --- layout ------------------------------------------------------------------------------------


@dataclass(slots=True)
class Paragraph:
    text: str
    start: int
    section: str = "body"


def paragraphs(body: str) -> list[Paragraph]:
    """Blank-line separated paragraphs of normalised text, with their offsets."""
    out: list[Paragraph] = []
    pos = 0
    for chunk in body.split("\n\n"):
        if chunk.strip():
            out.append(Paragraph(chunk, pos))
        pos += len(chunk) + 2
    return out


_TAIL = frozenset({"about", "boilerplate", "contact", "other"})


def label_sections(paras: list[Paragraph], body_start: int) -> None:
    """Set each paragraph's section in place.

    Paragraphs before ``body_start`` (the dateline paragraph) are the headline block. From
    there the release is body until the first tail marker (About, forward-looking statements,
    contacts, SOURCE line, "###"); after it every paragraph is tail, taking the label of the
    last marker unless it opens a new tail section itself, because wires put nothing but
    boilerplate after the About section.
    """
    current = "body"
    for i, para in enumerate(paras):
        label = classify_paragraph(para.text)
        if i < body_start:
            para.section = label if label in ("contact", "other") else "headline"
            continue
        if label is not None and not (i == body_start and label != "about" and current == "body"):
            current = label
        elif current == "body" and label is None:
            pass
        para.section = current if current in _TAIL else "body"


def sentences(paras: list[Paragraph]) -> list[Sentence]:
    out: list[Sentence] = []
    for i, para in enumerate(paras):
        for start, piece in split_sentences(para.text, para.start):
            out.append(Sentence(piece, start, para.section, i))
    return out
