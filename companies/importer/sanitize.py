"""Bytes to clean text, and what had to change to get there, for the editor to read.

Pure: no database. Every reader in ``inputs`` decodes through ``read_text`` and every
``Document`` passes ``clean_document`` before it leaves ``read_bytes``, so what is stored is
the same on SQLite and PostgreSQL: no NUL (PostgreSQL refuses it in text, SQLite would keep
it), no other control character, no lone surrogate (no database can encode it), and nothing
decoded by a guess without saying so.

* **Control characters** (C0 and C1, DEL) are removed, except tab, line feed, carriage return,
  vertical tab and form feed, which are white space the normaliser turns into spaces and line
  breaks (EDGAR text pages are separated by form feeds). A C1 character that Windows-1252
  defines (U+0092) is text decoded as Latin-1 by mistake and becomes its character (’).
* **Invalid bytes**: text that is UTF-8 apart from a few broken bytes is read as UTF-8 with
  U+FFFD in their place, with a warning, instead of as Windows-1252 (which garbles every
  accented letter of the file silently). Text with no UTF-8 in it at all and no declared
  encoding is read as Windows-1252 (what e-mail clients and old pages write), with a warning.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

__all__ = ["Report", "clean_document", "decode", "read_text", "strip_controls"]


@dataclass
class Report:
    """What reading one input changed; ``warnings()`` says it in the editor's words."""

    invalid: int = 0  # bytes or code points that could not be decoded, now U+FFFD
    invalid_encoding: str = "UTF-8"
    guessed: str | None = None  # the encoding read by a guess, when the text names none that works
    declared: str | None = None  # the encoding the text named, when it was not that
    removed: Counter[str] = field(default_factory=Counter)  # control characters removed, by name
    mapped: int = 0  # C1 characters read as the Windows-1252 characters they stand for

    def merge(self, other: Report) -> None:
        self.invalid += other.invalid
        if other.invalid:
            self.invalid_encoding = other.invalid_encoding
        self.guessed = self.guessed or other.guessed
        self.declared = self.declared or other.declared
        self.removed.update(other.removed)
        self.mapped += other.mapped

    def warnings(self) -> list[str]:
        out = []
        if self.invalid:
            were = "was" if self.invalid == 1 else "were"
            out.append(
                f"The file is not valid {self.invalid_encoding}: {_count(self.invalid, 'byte')} that could not "
                f"be read {were} replaced with \ufffd; check the text where it appears"
            )
        if self.guessed:
            named = (
                f"nor in the encoding it names ({self.declared})"
                if self.declared
                else "and names no encoding"
            )
            out.append(
                f"The file is not UTF-8 {named}: it was read as {self.guessed}; "
                "check its accented letters and quotes"
            )
        if self.removed:
            total = sum(self.removed.values())
            kinds = ", ".join(f"{name} \u00d7{n}" for name, n in self.removed.most_common(4))
            more = ", \u2026" if len(self.removed) > 4 else ""
            out.append(
                f"Removed {_count(total, 'control character')} from the text ({kinds}{more}): "
                "control characters are not text, and the file may be damaged"
            )
        if self.mapped:
            out.append(
                f"{_count(self.mapped, 'character')} in the range U+0080-U+009F read as the Windows-1252 "
                "characters they stand for (quotes, dashes): the text was decoded as Latin-1 somewhere"
            )
        return out


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


# --- decoding ----------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
BOMS = tuple(bom for bom, _ in _BOMS)
# An XML document in UTF-16 without a byte order mark starts "<?" in two-byte units (XML 1.0,
# appendix F): without this it would look binary (every other byte NUL).
_UTF16_XML = ((b"<\x00?\x00", "utf-16-le"), (b"\x00<\x00?", "utf-16-be"))

# Labels that in practice mean Windows-1252: mail clients and web pages declare Latin-1 or
# ASCII and then use curly quotes anyway (the WHATWG encoding standard maps them the same way).
_MEANS_CP1252 = {"iso8859-1", "latin-1", "latin_1", "ascii", "us-ascii", "iso-8859-1", "l1"}


def unicode_without_bom(data: bytes) -> str | None:
    """The encoding a byte order mark or a UTF-16 XML declaration states, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    for start, encoding in _UTF16_XML:
        if data.startswith(start):
            return encoding
    return None


def decode(data: bytes, declared: str | None = None) -> str:
    """Bytes to text: BOM, then the declared charset, then UTF-8, cp1252 and Latin-1. Never raises."""
    return _decode(data, declared, Report())


def _decode(data: bytes, declared: str | None, report: Report) -> str:
    stated = unicode_without_bom(data)
    if stated:
        bom = next((b for b, e in _BOMS if e == stated and data.startswith(b)), b"")
        text = data[len(bom) :].decode(stated, errors="replace")
        report.invalid += text.count("\ufffd") - _decoded_replacements(data, stated)
        report.invalid_encoding = stated.upper()[:6].rstrip("-")  # UTF-8, UTF-16, UTF-32
        return text
    for encoding in _candidates(declared):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    # not UTF-8: a UTF-8 text with a few broken bytes (a truncated upload, a bad copy) or text
    # in a one-byte encoding; the first keeps its other letters when read as UTF-8
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    if len(_NON_ASCII.findall(text)) >= invalid:
        report.invalid += invalid
        return text
    report.guessed, report.declared = "Windows-1252", declared
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        report.guessed = "Latin-1"
        return data.decode("latin-1")  # maps every byte, so this is the floor


_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")


def _decoded_replacements(data: bytes, encoding: str) -> int:
    """U+FFFD characters the input really contains (not replacements made while decoding)."""
    return data.count("\ufffd".encode(encoding.replace("-sig", "")))


def _candidates(declared: str | None) -> list[str]:
    order: list[str] = []
    if declared:
        label = declared.strip().strip("\"'").lower()
        try:
            name = codecs.lookup(label).name
        except LookupError:
            name = ""
        if name in _MEANS_CP1252 or label in _MEANS_CP1252:
            order.append("cp1252")
        elif name and not name.startswith(("utf-16", "utf-32")):  # without a BOM, those are a lie
            order.append(name)
    order.append("utf-8")
    return order


def read_text(data: bytes, declared: str | None = None, report: Report | None = None) -> tuple[str, Report]:
    """``decode``, then control characters removed; the report says what changed."""
    report = report if report is not None else Report()
    return strip_controls(_decode(data, declared, report), report), report


# --- control characters ------------------------------------------------------------------------

# C0 but tab, LF, VT, FF, CR; DEL; C1; lone surrogates (from e-mail headers read with
# surrogateescape, or "\ud800" in JSON-LD).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_NAMES = {"\x00": "NUL", "\x1b": "ESC", "\x7f": "DEL", "\x08": "BS", "\x07": "BEL"}


def strip_controls(text: str, report: Report) -> str:
    """``text`` without control characters; what was removed is counted in ``report``."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(lambda m: _replacement(m.group(0), report), text)


def _replacement(char: str, report: Report) -> str:
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        report.invalid += 1
        return "\ufffd"
    if 0x80 <= code <= 0x9F:
        try:
            meant = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            meant = ""
        if meant:
            report.mapped += 1
            return meant
    report.removed[_NAMES.get(char) or f"U+{code:04X}"] += 1
    return ""


def clean_field(value: str | None, report: Report) -> str | None:
    """A one-line field (headline, URL): no control characters, NFC, None when nothing is left."""
    if value is None:
        return None
    value = unicodedata.normalize("NFC", strip_controls(value, report)).strip()
    return value or None


def clean_document(document, report: Report) -> None:
    """Strip what decoding left or parsing produced (an "\\u0000" in JSON-LD, a NUL in a
    quoted-printable header) from every field that is stored; add the report's warnings."""
    document.text = strip_controls(document.text, report)
    document.raw = strip_controls(document.raw, report)
    document.headline = clean_field(document.headline, report)
    document.url = clean_field(document.url, report)
    # a file name from a file system that is not UTF-8 ("\udcff.txt"), stored as the source's
    # name: made storable, but it says nothing about the release, so it is not reported
    document.name = strip_controls(document.name, Report())
    document.warnings = [*report.warnings(), *document.warnings]
