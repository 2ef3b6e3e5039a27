"""Measure duplicate detection on folders of releases: where the near-duplicate threshold sits.

    manage.py measure_duplicates tests/data/*/

For every release read from the folders it makes copies the way they reach us (another layout,
another wire, rewrapped, on one line, without its About and contact blocks) and edits (a figure
corrected, a sentence rewritten, a paragraph dropped), then prints, for each kind: how many are
found as the same release (``content_hash`` or ``words_hash``) and the lowest and 5th-percentile
overlap with the original (``services.duplicates.overlap``); and for every pair of different
releases the highest overlap. ``NEAR_DUPLICATE_OVERLAP`` belongs between the two. No database.
"""

from __future__ import annotations

import itertools
import re
import textwrap
import time

from django.core.management.base import BaseCommand

from companies.importer.fingerprint import fingerprint, shingles
from companies.importer.inputs import InputError, iter_paths, read_path
from companies.models.release import content_hash, words_hash
from companies.services.duplicates import NEAR_DUPLICATE_OVERLAP, overlap

_TAIL = re.compile(r"\n\s*(?:About |ABOUT |Contacts?:|CONTACTS?:|Media [Cc]ontact|SOURCE |###)")
_WIRE = re.compile(r"--\(BUSINESS WIRE\)--|/PRNewswire/|\(GLOBE NEWSWIRE\)|/CNW/")
_NUMBER = re.compile(r"\b\d{2,}\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
REWRITTEN = "The figures in this paragraph were revised after the first report."


def copies(text: str) -> dict[str, str]:
    """The same release as another source would give it."""
    return {
        "exhibit label, preamble": "Exhibit 99.1\n\nFOR IMMEDIATE RELEASE\n\n" + text,
        "another wire's tag": _WIRE.sub("/PRNewswire-FirstCall/", text),
        "rewrapped at 72, CRLF": "\r\n\r\n".join(
            "\r\n".join(textwrap.wrap(p, 72)) if len(p) > 72 else p for p in text.split("\n\n")
        ),
        "all on one line": " ".join(text.split()),
        "no About or contacts": _TAIL.split(text)[0],
    }


def edits(text: str) -> dict[str, str]:
    """Near-duplicates: the release re-issued with a change."""
    found: dict[str, str] = {}
    numbers = list(_NUMBER.finditer(text))
    if numbers:
        m = numbers[len(numbers) // 2]
        found["a figure corrected"] = text[: m.start()] + str(int(m.group()) + 1) + text[m.end() :]
    sentences = [s for s in _SENTENCE.split(text) if len(s) > 40]
    if len(sentences) > 4:
        found["a sentence rewritten"] = text.replace(sentences[len(sentences) // 2], REWRITTEN, 1)
    paragraphs = [p for p in text.split("\n\n") if len(p) > 200]
    if len(paragraphs) > 3:
        found["a paragraph dropped"] = text.replace(paragraphs[len(paragraphs) // 2], "", 1)
    return found


class Command(BaseCommand):
    help = "Measure duplicate detection (same release, near-duplicate overlap) on folders of releases."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("dirs", nargs="+", metavar="DIR", help="Folders of release files.")

    def handle(self, *args, dirs: list[str], **options):
        texts = []
        for path in iter_paths(dirs):
            try:
                texts += [doc.text for doc in read_path(path) if doc.text.strip()]
            except (InputError, OSError, UnicodeError, ValueError):
                continue
        started = time.perf_counter()
        prints = [fingerprint(text) for text in texts]
        per_release = (time.perf_counter() - started) / max(len(texts), 1) * 1000
        sets = [shingles(p.words) for p in prints]
        self.stdout.write(f"{len(texts)} releases; fingerprint {per_release:.1f} ms a release")

        different = max((overlap(a, b) for a, b in itertools.combinations(sets, 2)), default=0.0)
        self.stdout.write(f"different releases: highest overlap {different:.3f} over all pairs")

        for title, make in (("copies", copies), ("near-duplicates", edits)):
            self.stdout.write(f"{title}:")
            rows: dict[str, list[tuple[bool, float]]] = {}
            for text, own in zip(texts, sets, strict=True):
                hashes = (content_hash(text), words_hash(text))
                for kind, variant in make(text).items():
                    same = content_hash(variant) == hashes[0] or words_hash(variant) == hashes[1]
                    rows.setdefault(kind, []).append(
                        (same, overlap(own, shingles(fingerprint(variant).words)))
                    )
            for kind, found in rows.items():
                shares = sorted(share for _, share in found)
                flagged = sum(same or share >= NEAR_DUPLICATE_OVERLAP for same, share in found)
                self.stdout.write(
                    f"  {kind}: {sum(same for same, _ in found)}/{len(found)} the same release, "
                    f"{flagged}/{len(found)} found; overlap lowest {shares[0]:.3f}, "
                    f"5th percentile {shares[len(shares) // 20]:.3f}"
                )
        self.stdout.write(f"threshold (NEAR_DUPLICATE_OVERLAP): {NEAR_DUPLICATE_OVERLAP}")
