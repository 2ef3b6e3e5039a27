"""The offline place resolver: codes, gazetteer lookups, phrase parsing and the index cache."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from companies.importer import gazetteer
from companies.importer.places import (
    country_code,
    country_name,
    get_gazetteer,
    is_known_locality,
    parse_place,
    region_code,
    region_name,
    resolve,
)


@pytest.fixture(scope="module", autouse=True)
def loaded_gazetteer():
    return get_gazetteer()


# --- codes -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Connecticut", "US-CT"),
        ("Conn.", "US-CT"),
        ("CT", "US-CT"),
        ("N.H.", "US-NH"),
        ("New Hampshire", "US-NH"),
        ("Mass.", "US-MA"),
        ("Calif.", "US-CA"),
        ("Pa.", "US-PA"),
        ("Wis.", "US-WI"),
        ("Mich.", "US-MI"),
        ("Tenn.", "US-TN"),
        ("Ga.", "US-GA"),
        ("Ill.", "US-IL"),
        ("Wash.", "US-WA"),
        ("D.C.", "US-DC"),
        ("W.Va.", "US-WV"),
        ("new hampshire", "US-NH"),
        ("CONN", "US-CT"),
    ],
)
def test_region_code_reads_us_states_and_ap_abbreviations(text, code):
    assert region_code(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ontario", "CA-ON"),
        ("Ont.", "CA-ON"),
        ("ON", "CA-ON"),
        ("Que.", "CA-QC"),
        ("Quebec", "CA-QC"),
        ("Québec", "CA-QC"),
        ("B.C.", "CA-BC"),
        ("Alta.", "CA-AB"),
        ("Sask.", "CA-SK"),
        ("Man.", "CA-MB"),
        ("N.S.", "CA-NS"),
        ("N.B.", "CA-NB"),
        ("Nfld.", "CA-NL"),
        ("P.E.I.", "CA-PE"),
    ],
)
def test_region_code_reads_canadian_provinces(text, code):
    assert region_code(text) == code


def test_region_code_reads_other_countries_subdivisions():
    assert region_code("Bavaria") == "DE-BY"
    assert region_code("Bayern") == "DE-BY"
    assert region_code("BY", country="DE") == "DE-BY"
    assert region_code("Île-de-France") == "FR-IDF"
    assert region_code("England") == "GB-ENG"


def test_two_letter_region_codes_follow_the_country_hint_else_prefer_us():
    assert region_code("AL") == "US-AL"
    assert region_code("ON", country="CA") == "CA-ON"
    assert region_code("AL", country="Canada") is None
    assert region_code("Ontario", country="US") is None


def test_region_code_accepts_iso_codes_and_rejects_noise():
    assert region_code("us-ct") == "US-CT"
    assert region_code("") is None
    assert region_code("Nowhere Land") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("United States", "US"),
        ("U.S.", "US"),
        ("US", "US"),
        ("USA", "US"),
        ("U.S.A.", "US"),
        ("Canada", "CA"),
        ("Belgium", "BE"),
        ("the Netherlands", "NL"),
        ("Holland", "NL"),
        ("U.K.", "GB"),
        ("United Kingdom", "GB"),
        ("Britain", "GB"),
        ("England", "GB"),
        ("Scotland", "GB"),
        ("Wales", "GB"),
        ("Czech Republic", "CZ"),
        ("South Korea", "KR"),
        ("Mexico", "MX"),
        ("Brasil", "BR"),
        ("Brazil", "BR"),
        ("People's Republic of China", "CN"),
        ("FRANCE", "FR"),
        ("DEU", "DE"),
    ],
)
def test_country_code_reads_names_and_aliases(text, code):
    assert country_code(text) == code


def test_country_code_leaves_lower_case_words_alone():
    assert country_code("in") is None
    assert country_code("Acme") is None


def test_display_names():
    assert country_name("KR") == "South Korea"
    assert region_name("US-CT") == "Connecticut"
    assert country_name("ZZ") is None


# --- resolution --------------------------------------------------------------------------------


def test_jewett_city_resolves_to_its_coordinates():
    place = resolve("Jewett City", "Connecticut")
    assert place.resolved
    assert (place.locality, place.region, place.country) == ("Jewett City", "US-CT", "US")
    assert place.lat == pytest.approx(41.6068, abs=1e-3)
    assert place.lon == pytest.approx(-71.9809, abs=1e-3)
    assert place.geonames_id


def test_littleton_is_settled_by_the_stated_state():
    assert resolve("Littleton", "N.H.").region == "US-NH"
    assert resolve("Littleton", "Colorado").region == "US-CO"


def test_an_ambiguous_name_without_a_hint_stays_unresolved():
    place = resolve("Littleton")
    assert not place.resolved
    assert place.locality == "Littleton"


def test_a_stated_region_without_that_place_is_not_moved_elsewhere():
    place = resolve("Jewett City", "Texas")
    assert not place.resolved
    assert (place.locality, place.region, place.country) == ("Jewett City", "US-TX", "US")


@pytest.mark.parametrize(
    ("phrase", "locality", "region", "country"),
    [
        ("Jewett City, Connecticut", "Jewett City", "US-CT", "US"),
        ("Littleton, N.H.", "Littleton", "US-NH", "US"),
        ("Camden, N.Y.", "Camden", "US-NY", "US"),
        ("CAMDEN, N.Y.", "Camden", "US-NY", "US"),
        ("Hamilton, Ontario", "Hamilton", "CA-ON", "CA"),
        ("Hamilton, Ont., Canada", "Hamilton", "CA-ON", "CA"),
        ("Sault Ste. Marie, Mich.", "Sault Ste. Marie", "US-MI", "US"),
        ("Houston, Texas", "Houston", "US-TX", "US"),
        ("St. Louis, MO", "St. Louis", "US-MO", "US"),
        ("Saint Louis, Missouri", "St. Louis", "US-MO", "US"),
        ("Ft. Wayne, Ind.", "Fort Wayne", "US-IN", "US"),
        ("Mt. Vernon, Ohio", "Mount Vernon", "US-OH", "US"),
        ("Washington, D.C.", "Washington", "US-DC", "US"),
        ("TORONTO", "Toronto", "CA-ON", "CA"),
        ("Montreal, Quebec", "Montréal", "CA-QC", "CA"),
        ("Trois-Rivieres, Que.", "Trois-Rivières", "CA-QC", "CA"),
        ("Trois-Rivières", "Trois-Rivières", "CA-QC", "CA"),
        ("Mexico City", "Mexico City", "MX-CMX", "MX"),
        ("Monterrey, Mexico", "Monterrey", "MX-NLE", "MX"),
        ("Lyon, France", "Lyon", None, "FR"),
        # another name of the place (an exonym) stays as written; the gazetteer's name is its canonical
        ("Ghent, Belgium", "Ghent", "BE-VLG", "BE"),
        ("Turin, Italy", "Turin", None, "IT"),
        ("Torino, Italy", "Torino", None, "IT"),
        ("Hamburg", "Hamburg", "DE-HH", "DE"),
        ("Cologne, Germany", "Cologne", "DE-NW", "DE"),
        ("Leeds, England", "Leeds", "GB-ENG", "GB"),
        # a short form of the gazetteer's name stays as the release wrote it; the full name is kept too
        ("NEW YORK", "New York", "US-NY", "US"),
    ],
)
def test_parse_place_resolves_release_phrases(phrase, locality, region, country):
    place = parse_place(phrase)
    assert place is not None and place.resolved, place
    assert (place.locality, place.region, place.country) == (locality, region, country)
    assert place.text == phrase


def test_a_short_form_or_another_name_keeps_the_releases_name_and_the_gazetteers():
    place = parse_place("NEW YORK")
    assert (place.locality, place.canonical) == ("New York", "New York City")
    cologne = parse_place("Cologne, Germany")
    assert (cologne.locality, cologne.canonical) == ("Cologne", "Köln")
    assert parse_place("Lyon, France").canonical is None


def test_unresolvable_places_are_kept_with_what_was_stated():
    place = parse_place("Smallville, Kan.")
    assert place is not None and not place.resolved
    assert (place.locality, place.region, place.country) == ("Smallville", "US-KS", "US")
    assert place.lat is None

    shouted = parse_place("GOTHAM CITY")
    assert shouted is not None and not shouted.resolved
    assert shouted.locality == "Gotham City"


def test_parse_place_gives_countries_and_regions_alone_without_a_locality():
    assert parse_place("Belgium").country == "BE"
    assert parse_place("Belgium").locality is None
    ontario = parse_place("Ontario")
    assert (ontario.locality, ontario.region, ontario.country) == (None, "CA-ON", "CA")


def test_a_state_is_tried_before_a_country_of_the_same_name():
    assert parse_place("Athens, Georgia").region == "US-GA"
    assert parse_place("Tbilisi, Georgia").country == "GE"


def test_the_default_country_only_breaks_ties():
    assert parse_place("Camden").resolved is False
    # Toronto, Ohio exists, but a Canadian dateline stays Canadian under a US default.
    assert parse_place("TORONTO", default_country="US").country == "CA"


@pytest.mark.parametrize("text", ["", "   ", "2009", "12,500", "--"])
def test_parse_place_returns_none_without_a_plausible_place(text):
    assert parse_place(text) is None


def test_is_known_locality():
    assert is_known_locality("Jewett City")
    assert is_known_locality("JEWETT CITY")
    assert is_known_locality("Cologne")  # exonym of a big city
    assert not is_known_locality("Gotham City")
    assert not is_known_locality("")


# --- the index and its cache -------------------------------------------------------------------


def test_place_keys_fold_accents_punctuation_and_abbreviations():
    assert gazetteer.place_key("Trois-Rivières") == gazetteer.place_key("trois rivieres")
    assert gazetteer.place_key("St. Louis") == gazetteer.place_key("Saint-Louis")
    assert gazetteer.place_key("Ft. Wayne") == gazetteer.place_key("Fort Wayne")
    assert gazetteer.place_key("Mt. Vernon") == gazetteer.place_key("Mount Vernon")
    assert gazetteer.place_key("Monreal'") != ""
    assert gazetteer.place_key("Монреаль") == ""


def test_get_gazetteer_is_a_process_wide_singleton(loaded_gazetteer):
    assert get_gazetteer() is loaded_gazetteer
    assert loaded_gazetteer.load_seconds > 0
    assert len(loaded_gazetteer) > 200_000


_RECORDS = [
    {
        "geonameid": 4836993,
        "name": "Jewett City",
        "latitude": 41.60677,
        "longitude": -71.98091,
        "countrycode": "US",
        "population": 3441,
        "admin1code": "CT",
        "alternatenames": ["Jewett City", "Pachaug City", "juettoshiti", "ジュエットシティ"],
    },
    {
        "geonameid": 6169141,
        "name": "Trois-Rivières",
        "latitude": 46.34515,
        "longitude": -72.5477,
        "countrycode": "CA",
        "population": 144472,
        "admin1code": "10",
        "alternatenames": ["Trois-Rivieres", "YRQ", "Urbs Trifluvianensis"],
    },
]


@pytest.fixture
def small_source(monkeypatch, tmp_path):
    """Point the cache at tmp_path and the source at two records, so building takes no time."""
    calls = []

    def records():
        calls.append(1)
        return [dict(r) for r in _RECORDS]

    monkeypatch.setenv(gazetteer.CACHE_DIR_ENV, str(tmp_path))
    monkeypatch.setattr(gazetteer, "_package_records", records)
    return calls


def test_the_index_is_built_once_then_read_from_the_cache(small_source, tmp_path):
    built = gazetteer.load_or_build()
    path = gazetteer.cache_path()
    assert path.parent == tmp_path and path.exists()
    assert gazetteer.FORMAT_VERSION and f"f{gazetteer.FORMAT_VERSION}" in path.name
    assert built.source == "built"

    cached = gazetteer.load_or_build()
    assert cached.source == "cache"
    assert small_source == [1]  # the package data was read only for the build
    assert list(tmp_path.iterdir()) == [path]  # no temp files left behind

    [match] = cached.lookup("JEWETT CITY")
    city = match.city
    assert (city.name, city.country, city.admin1, city.population) == ("Jewett City", "US", "CT", 3441)
    assert (city.lat, city.lon, city.geonames_id) == (41.60677, -71.98091, 4836993)
    assert [m.city.name for m in cached.lookup("Pachaug City")] == ["Jewett City"]
    assert [m.alternate for m in cached.lookup("Urbs Trifluvianensis")] == [True]
    assert cached.lookup("juettoshiti") == []  # romanisations and codes are not indexed
    assert cached.lookup("YRQ") == []


def test_a_damaged_cache_is_rebuilt(small_source):
    gazetteer.load_or_build()
    path = gazetteer.cache_path()
    path.write_bytes(path.read_bytes()[:-10])
    assert gazetteer.load_or_build().source == "built"
    assert gazetteer.load_or_build().source == "cache"


def test_an_unwritable_cache_dir_builds_in_memory(small_source, monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    monkeypatch.setenv(gazetteer.CACHE_DIR_ENV, str(blocker / "cache"))
    loaded = gazetteer.load_or_build()
    assert loaded.source == "built"
    assert [m.city.name for m in loaded.lookup("Trois Rivieres")] == ["Trois-Rivières"]


def test_places_import_without_django_settings():
    code = (
        "import sys; import companies.importer.places as p; "
        "assert p.region_code('Conn.') == 'US-CT'; "
        "assert 'django' not in sys.modules, 'places must not need Django'"
    )
    repo = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, env={})
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("phrase", "locality", "region"),
    [
        ("PITTSBURGH", "Pittsburgh", "US-PA"),  # a primary name beats an alternate spelling elsewhere
        ("CLEVELAND", "Cleveland", "US-OH"),  # 8x the next Cleveland
        ("PORTLAND", "Portland", "US-OR"),  # not the Jamaican parish
    ],
)
def test_bare_dateline_city_settled_by_a_clearly_dominant_namesake_at_home(phrase, locality, region):
    place = parse_place(phrase, default_country="US")
    assert (place.locality, place.region, place.resolved) == (locality, region, True)


@pytest.mark.parametrize("phrase", ["SPRINGFIELD", "RICHMOND"])
def test_bare_dateline_city_with_comparable_namesakes_stays_unresolved(phrase):
    assert not parse_place(phrase, default_country="US").resolved


@pytest.mark.parametrize(
    ("text", "code"),
    [("Jilin", "CN-JL"), ("Jiangsu Province", "CN-JS"), ("Guangxi", "CN-GX"), ("Shanghai", "CN-SH")],
)
def test_chinese_provinces_are_read_without_their_pinyin_kind(text, code):
    assert region_code(text, "CN") == code


def test_the_gazetteer_completes_a_prefix_in_key_order():
    found = list(get_gazetteer().complete("Littlet"))
    keys = [key for key, _ in found]
    assert keys == sorted(keys) and all(key.startswith("littlet") for key in keys)
    assert any(m.city.name == "Littleton" and m.city.country == "US" for _, m in found)
    assert list(get_gazetteer().complete("")) == []


def test_a_small_namesake_in_a_country_the_release_never_names_gives_way_to_the_one_it_names():
    # Arcata is a town in California; a release about a mine in Peru means a place the gazetteer lacks
    found = resolve("Arcata", named=frozenset({"PE"}))
    assert (found.locality, found.country, found.resolved) == ("Arcata", "PE", False)
    # a release that names California, or none, keeps the town
    assert resolve("Arcata", named=frozenset({"US-CA", "US"})).country == "US"
    assert resolve("Arcata").resolved
    # a big city abroad is meant whatever else the release names
    assert resolve("Shanghai", named=frozenset({"PE"})).country == "CN"


def test_a_towns_own_name_at_home_beats_a_bigger_places_other_name_abroad():
    # "Pekin" is an old name of Beijing and the name of a town in Illinois
    found = resolve("Pekin", default_country="US")
    assert (found.locality, found.region, found.country) == ("Pekin", "US-IL", "US")
    # a name that is the bigger place's own stays that place: Paris is in France
    assert resolve("Paris", default_country="US").country == "FR"


def test_a_big_city_is_not_a_village_that_once_had_its_name_in_a_region_the_release_names():
    # a village in Ohio was once called Chicago; a release that names Ohio still means the city
    found = resolve("Chicago", named=frozenset({"US-OH", "US-WI", "US"}))
    assert (found.locality, found.region) == ("Chicago", "US-IL")


def test_a_release_that_names_only_its_own_country_keeps_a_small_namesake_abroad_at_home():
    # Welshpool is a small Welsh town; a release about an Australian company's plants means its own
    found = resolve("Welshpool", default_country="AU", named=frozenset({"AU", "AU-VIC"}))
    assert (found.locality, found.country, found.resolved) == ("Welshpool", "AU", False)
    # without the home country named in the text, the namesake stands
    assert resolve("Welshpool", default_country="AU").country == "GB"


def test_a_towns_own_name_of_two_words_with_words_left_off_is_known():
    # the gazetteer files it as "Bad Sankt Leonhard im Lavanttal"
    assert is_known_locality("Bad St. Leonhard")
    # one word is no short form of anything
    assert not is_known_locality("Abi")
