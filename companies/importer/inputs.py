"""Read press releases from files, uploads, e-mails and feeds into ``Document`` objects.

Pure: no database, no network. Every reader ends in the same place — a ``Document`` whose
``text`` is plain, normalised text the extractor can read — so the import command, the admin
upload and ``extract_release`` never parse a format twice.

Formats: plain text (as wires distribute it), HTML release pages, e-mail messages (``.eml``)
and RSS 2.0 / RSS 1.0 / Atom feeds (one ``Document`` per item, named ``feed.xml#N``; read in
``feeds``). Web pages are ``webpages``' to read; this module decides which reader a file needs. Decoding and control characters are ``sanitize``'s: what it had to change is in
each document's ``warnings``. A file refused is an ``InputError`` whose message says why.
"""

from __future__ import annotations

import copy
import email
import email.policy
import email.utils
import re
from collections.abc import Iterable, Iterator
from email.message import EmailMessage
from enum import StrEnum
from pathlib import Path

from . import budget
from .proposal import Document
from .sanitize import Report, clean_document, decode, read_text, unicode_without_bom
from .text import normalize
from .webpages import clean_title, document_from_html, html_charset, html_document, parse_date

__all__ = [
    "Format",
    "InputError",
    "decode",
    "document_from_email",
    "document_from_text",
    "documents_from_feed",
    "iter_paths",
    "read_bytes",
    "read_path",
    "sniff",
]


class InputError(Exception):
    """A file that cannot be turned into releases; the message names the reason for the user."""


class Format(StrEnum):
    TEXT = "text"
    HTML = "html"
    EMAIL = "email"
    FEED = "feed"


# Files a folder import should pass over: notes and labels that live next to releases.
SKIPPED_NAMES = {"labels.json", "readme.md", "readme.txt", "readme", "thumbs.db", "desktop.ini"}

EXTENSIONS = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".eml": Format.EMAIL,
    ".xml": Format.FEED,
    ".rss": Format.FEED,
    ".atom": Format.FEED,
}

# A release is text; anything bigger than this is not one (and would hold a web worker).
MAX_BYTES = 20 * 1024 * 1024


# --- decoding: companies.importer.sanitize (decode, read_text) -------------------------------

# Text normalisation is the extractor's own (companies.importer.text.normalize): one definition,
# so the body stored, the body extracted and the evidence offsets into it always agree.

_SUBJECT_PREFIX = re.compile(r"^\s*(?:(?:re|fwd?|aw|wg|tr|sv|vs)\s*:|\[[^\]]*\]|\(fwd\))\s*", re.I)


def clean_subject(subject: str | None) -> str | None:
    """ "Fwd: [PRNewswire] Acme to Close Plant" -> "Acme to Close Plant"."""
    if not subject:
        return None
    previous = None
    while previous != subject:
        previous, subject = subject, _SUBJECT_PREFIX.sub("", subject)
    return clean_title(subject)


# --- plain text -----------------------------------------------------------------------------


def document_from_text(text: str, name: str) -> Document:
    normalised = normalize(text)
    return Document(name=name, text=normalised, raw=text if text != normalised else "")


def _text_document(data: bytes, name: str, report: Report) -> Document:
    text, _ = read_text(data, None, report)
    # before normalising, which is linear but not free: a 20 MB file is refused in a blink
    refused = budget.over_size(text)
    if refused:
        raise InputError(refused)
    return document_from_text(text, name)


# --- e-mail ---------------------------------------------------------------------------------

# A plain-text part shorter than this, next to a longer HTML part, is a "view in browser" stub.
_STUB_PLAIN = 200
_FORWARD_MARKER = re.compile(
    r"^[ \t>]*(?:-{2,}\s*(?:Original|Forwarded) Message\s*-{2,}|Begin forwarded message:)[ \t]*$",
    re.I | re.M,
)
_HEADER_LINE = re.compile(r"^[ \t>]*(From|Sent|Date|To|Cc|Subject|Reply-To)\s*:\s*(.*)$", re.I)


def _part_text(part: EmailMessage, report: Report) -> str:
    """A part's text, its transfer encoding (quoted-printable, base64) and charset undone: a
    "=00" in quoted-printable is a NUL byte only now, and goes here."""
    payload = part.get_payload(decode=True)
    if isinstance(payload, bytes):
        return read_text(payload, part.get_content_charset(), report)[0]
    return str(part.get_payload() or "")


def _strip_forward_header(text: str) -> tuple[str, dict[str, str]]:
    """Drop a forwarded message's header block; return its Subject/Date, the release's own."""
    match = _FORWARD_MARKER.search(text)
    if not match:
        return text, {}
    lines = text[match.end() :].lstrip("\n").split("\n")
    headers: dict[str, str] = {}
    index = 0
    while index < len(lines):
        header = _HEADER_LINE.match(lines[index])
        if not header:
            break
        headers[header.group(1).lower()] = header.group(2).strip()
        index += 1
    if not headers:
        return text, {}
    return text[: match.start()].rstrip() + "\n\n" + "\n".join(lines[index:]).strip(), headers


def _message_body(message: EmailMessage, report: Report) -> tuple[str, bool] | None:
    """(text, is_html) of the best body part, looking inside attached forwarded messages too."""
    plain = message.get_body(preferencelist=("plain",))
    rich = message.get_body(preferencelist=("html",))
    plain_report, rich_report = Report(), Report()
    plain_text = _part_text(plain, plain_report) if plain is not None else ""
    rich_text = _part_text(rich, rich_report) if rich is not None else ""
    if plain_text.strip() and not (
        len(plain_text.strip()) < _STUB_PLAIN and len(rich_text) > 4 * _STUB_PLAIN
    ):
        report.merge(plain_report)  # only the part kept is reported on
        return plain_text, False
    if rich_text.strip():
        report.merge(rich_report)
        return rich_text, True
    for part in message.walk():
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            if isinstance(inner, list) and inner:
                inner = inner[0]
            if isinstance(inner, EmailMessage):
                return _message_body(inner, report)
    return None


def document_from_email(data: bytes, name: str, report: Report | None = None) -> Document:
    report = report if report is not None else Report()
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    try:
        subject = str(message.get("Subject", "") or "")
        sent = str(message.get("Date", "") or "")
    except (ValueError, TypeError, IndexError):  # malformed headers must not lose the body
        subject = sent = ""
    body = _message_body(message, report)
    if body is None:
        raise InputError("the e-mail has no text or HTML body")
    content, is_html = body
    if is_html:
        page = html_document(content, name)
        text, url, page_headline, page_published = page.text, page.url, page.headline, page.published
    else:
        text, url, page_headline, page_published = content, None, None, None
    # Before normalising: unwrapping would glue the forwarded header lines to each other.
    text, forwarded = _strip_forward_header(text.replace("\r\n", "\n"))
    text = normalize(text)
    headline = clean_subject(forwarded.get("subject") or subject) or page_headline
    published = (
        parse_date(forwarded.get("date") or forwarded.get("sent")) or parse_date(sent) or page_published
    )
    return Document(
        name=name,
        text=text,
        raw=read_text(data)[0],  # the source as sent; what it says is reported from the body
        headline=headline,
        url=url,
        published=published,
    )


# --- feeds: companies.importer.feeds ---------------------------------------------------------


def documents_from_feed(data: bytes, name: str, report: Report | None = None) -> list[Document]:
    """One document per item of an RSS or Atom feed (see ``feeds``)."""
    from .feeds import documents_from_feed as read_feed  # feeds reads entries with the HTML reader here

    return read_feed(data, name, report)


# --- sniffing and entry points --------------------------------------------------------------

_EMAIL_HEADER = re.compile(
    rb"^(from|to|subject|date|received|return-path|message-id|mime-version|delivered-to|x-[\w-]+)\s*:",
    re.I,
)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample or unicode_without_bom(sample):
        return False  # UTF-16/32 text is full of NUL bytes but is text
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.05


def sniff(data: bytes, name: str = "") -> Format:
    """The file's format, from its extension where that is one we read, else from its content."""
    suffix = Path(name.split("#", 1)[0]).suffix.lower()
    by_extension = EXTENSIONS.get(suffix)
    head = decode(data[:2048]).lstrip().lower()
    if by_extension is Format.TEXT and head.startswith(("<!doctype html", "<html")):
        return Format.HTML  # a page saved as .txt is still a page
    if by_extension is not None:
        return by_extension
    if head.startswith(("<?xml", "<rss", "<feed", "<rdf:rdf")):
        return Format.HTML if "<html" in head[:500] else Format.FEED
    if head.startswith(("<!doctype html", "<html")) or re.search(r"<(body|p|div|h1)[\s>]", head[:1000]):
        return Format.HTML
    first_lines = data.lstrip()[:2048].split(b"\n", 3)[:3]
    if sum(bool(_EMAIL_HEADER.match(line)) for line in first_lines) >= 2:
        return Format.EMAIL
    return Format.TEXT


def read_bytes(data: bytes, name: str) -> list[Document]:
    """Documents in one uploaded or read file: one, or one per entry for a feed."""
    if not data.strip():
        raise InputError("the file is empty")
    if len(data) > MAX_BYTES:
        raise InputError(
            f"the file is too large ({len(data) // 1_048_576} MB; the limit is {MAX_BYTES // 1_048_576} MB)"
        )
    if _looks_binary(data):
        suffix = Path(name).suffix.lower()
        raise InputError(f"unsupported file type{' ' + suffix if suffix else ''}: binary content, not text")
    kind = sniff(data, name)
    report = Report()
    if kind is Format.FEED:
        documents = documents_from_feed(data, name, report)
    elif kind is Format.EMAIL:
        documents = [document_from_email(data, name, report)]
    elif kind is Format.HTML:
        documents = [document_from_html(read_text(data, html_charset(data), report)[0], name)]
    else:
        documents = [_text_document(data, name, report)]
    if not any(d.text for d in documents):
        raise InputError("no release text found in the file")
    for document in documents:
        refused = budget.over_size(document.text)
        if refused:
            raise InputError(f"{document.name}: {refused}" if len(documents) > 1 else refused)
        # one report per file: a feed's damaged bytes are told on each of its entries
        clean_document(document, copy.deepcopy(report))
    return documents


def read_path(path: str | Path) -> list[Document]:
    """Documents in the file at ``path``, named by the path as given."""
    path = Path(path)
    try:
        if path.is_dir():
            raise InputError("is a folder, not a file")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file") from None
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror or error}") from None
    return read_bytes(data, str(path))


# Files that sit next to releases in a corpus folder (labels, scripts, notes) but are not releases.
SKIPPED_SUFFIXES = {
    ".json", ".md", ".rst", ".py", ".pyc", ".yml", ".yaml", ".toml", ".ini", ".cfg", ".csv", ".sh",
}  # fmt: skip


def _skipped(path: Path, *, is_file: bool = False) -> bool:
    name = path.name.lower()
    return (
        name.startswith(".") or name in SKIPPED_NAMES or (is_file and path.suffix.lower() in SKIPPED_SUFFIXES)
    )


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and files in folders named (recursively, sorted), minus hidden files and notes.

    A file named explicitly is always yielded (even one that does not exist, so the caller
    reports it); in a folder, labels, READMEs and scripts are passed over.
    """
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            yield path
            continue
        for found in sorted(path.rglob("*")):
            relative = found.relative_to(path)
            if (
                found.is_file()
                and not _skipped(found, is_file=True)
                and not any(_skipped(Path(part)) for part in relative.parts)
            ):
                yield found
