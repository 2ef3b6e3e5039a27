"""RSS 2.0 / RSS 1.0 / Atom feeds: one ``Document`` per item, named ``feed.xml#N``.

Feeds come from anywhere, so they are parsed by defusedxml, a maintained parser over the
standard library's expat that refuses what XML bombs and external-entity reads are made of:
entity declarations (internal or external, in whatever encoding the file is written, UTF-16
included) and references to external resources. A bare ``<!DOCTYPE>`` naming a DTD (old RSS
0.91 feeds carry Netscape's) is accepted: nothing is ever fetched.
"""

from __future__ import annotations

import copy
import html
import re
import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from .inputs import InputError
from .proposal import Document
from .sanitize import Report, read_text
from .text import normalize
from .webpages import clean_title, document_from_html, html_to_text, parse_date

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']""", re.I)
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child(element: ET.Element, *names: str) -> ET.Element | None:
    for name in names:
        for child in element:
            if _local(child.tag) == name:
                return child
    return None


def _child_text(element: ET.Element, *names: str) -> str:
    child = _child(element, *names)
    return "".join(child.itertext()).strip() if child is not None else ""


def parse_feed(data: bytes, report: Report) -> ET.Element:
    """The feed's root element; ``InputError`` when it is not well-formed or not allowed."""
    declared = _XML_ENCODING.match(data)
    text, _ = read_text(data, declared.group(1).decode("ascii") if declared else None, report)
    text = _XML_DECL.sub("", text, count=1)  # the text is decoded now; its encoding label is stale
    try:
        return SafeET.fromstring(text, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        what = getattr(error, "name", None)
        raise InputError(
            "the XML file declares entities or refers to external resources"
            f"{f' ({what!r})' if what else ''}, which feeds never need and which is not allowed"
        ) from None
    except ET.ParseError as error:
        raise InputError(f"not a well-formed XML feed: {error}") from None


def _entry_content(entry: ET.Element, names: tuple[str, ...]) -> tuple[str, bool]:
    """(content, is_markup) of the richest of the named children."""
    best = ""
    markup = False
    for tag in names:
        child = _child(entry, tag)
        if child is None:
            continue
        kind = child.get("type", "").lower()
        if kind == "xhtml" or (len(child) and not (child.text or "").strip()):
            value = "".join(ET.tostring(_without_namespaces(c), encoding="unicode") for c in child)
            is_markup = True
        else:
            value = child.text or ""
            # RSS descriptions are escaped HTML; Atom says so with type="html"; plain otherwise.
            is_markup = kind in {"html", "text/html"} or bool(_MARKUP.search(value))
        if len(value.strip()) > len(best.strip()):
            best, markup = value, is_markup
    return best, markup


def _without_namespaces(element: ET.Element) -> ET.Element:
    """A copy with plain tag names, so inline XHTML serialises as <p>, not <html:p>."""
    copied = copy.deepcopy(element)
    for node in copied.iter():
        node.tag = _local(node.tag) or node.tag
        node.attrib = {key.rsplit("}", 1)[-1]: value for key, value in node.attrib.items()}
    return copied


def _entry_link(entry: ET.Element) -> str | None:
    for child in entry:
        if _local(child.tag) != "link":
            continue
        if child.get("href") and child.get("rel", "alternate") == "alternate":
            return child.get("href")
        if (child.text or "").strip():
            return child.text.strip()
    guid = _child(entry, "guid")
    if (
        guid is not None
        and guid.get("isPermaLink", "true") == "true"
        and (guid.text or "").startswith("http")
    ):
        return guid.text.strip()
    return None


def _feed_document(entry: ET.Element, name: str) -> Document:
    content, is_markup = _entry_content(entry, ("encoded", "content", "description", "summary"))
    text = html_to_text(content) if is_markup else normalize(html.unescape(content))
    title = _child_text(entry, "title")
    # Titles are often escaped HTML whatever the feed declares; unescaping plain text is harmless.
    headline = clean_title(html_to_text(title).replace("\n", " "))
    published = parse_date(
        _child_text(entry, "pubdate")
        or _child_text(entry, "published")
        or _child_text(entry, "date")  # dc:date in RSS 1.0
        or _child_text(entry, "issued")
        or _child_text(entry, "updated")
    )
    return Document(
        name=name, text=text, raw=content, headline=headline, url=_entry_link(entry), published=published
    )


def documents_from_feed(data: bytes, name: str, report: Report | None = None) -> list[Document]:
    """One document per item or entry; an XHTML page saved as .xml is read as a page."""
    report = report if report is not None else Report()
    root = parse_feed(data, report)
    kind = _local(root.tag)
    if kind == "html":
        text, _ = read_text(data)
        return [document_from_html(text, name)]
    if kind == "feed":
        entries = [e for e in root if _local(e.tag) == "entry"]
    elif kind in {"rss", "rdf"}:
        channel = _child(root, "channel")
        items = [e for e in root if _local(e.tag) == "item"]  # RSS 1.0 puts items beside channel
        entries = items + ([e for e in channel if _local(e.tag) == "item"] if channel is not None else [])
    else:
        raise InputError(f"XML root <{kind}> is neither an RSS nor an Atom feed")
    if not entries:
        raise InputError("the feed has no items")
    return [_feed_document(entry, f"{name}#{n}") for n, entry in enumerate(entries, start=1)]
