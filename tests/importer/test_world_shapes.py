"""Releases from outside North America name their sites their own way: a mill's name and its
town, a county or state after the town, a country at the sentence's end, villages the gazetteer
lacks. Each of our sentences gives its event at its town."""

import pytest

from companies.importer.extract import extract

WORLD = [
    (
        "Kestrel Oyj will permanently close the Kaukas paper mill in Lappeenranta, Finland.",
        {("closed", "Lappeenranta")},
    ),
    (
        "Kestrel AG will close its plant in Bermatingen (Baden-Wurttemberg) by the end of 2026.",
        {("closed", "Bermatingen")},
    ),
    ("Kestrel plc will cease production at its Glenrothes site in Scotland.", {("closed", "Glenrothes")}),
    ("Kestrel will stop production at the Stracel mill in Strasbourg, France.", {("closed", "Strasbourg")}),
    (
        "Kestrel will suspend operations at its mill in Changshu, Jiangsu province, China.",
        {("idled", "Changshu")},
    ),
    (
        "Kestrel Co., Ltd. will build a new factory in Kumamoto City, Kumamoto Prefecture.",
        {("opened", "Kumamoto")},
    ),
    (
        "Kestrel Oyj will temporarily shut down the ferrochrome furnace in Tornio, Finland.",
        {("idled", "Tornio")},
    ),
    (
        "Kestrel Limited has temporarily suspended work at its Mooinooi and Millsell plants in South Africa.",
        {("idled", "Mooinooi"), ("idled", "Millsell")},
    ),
    (
        "Kestrel ASA will take downtime at the Saugbrugs mill in Halden, Norway, in the fourth quarter.",
        {("idled", "Halden")},
    ),
    (
        "Kestrel Ltd announced the sale of its Pestovo sawmill in Russia to a local investor.",
        {("sold", "Pestovo")},
    ),
    (
        "Kestrel Group plc has acquired a factory at Shire Hill, Saffron Walden, Essex.",
        {("acquired", "Saffron Walden")},
    ),
    ("Kestrel AB will close the Madrid paper mill's PM61 at the end of the year.", {("closed", "Madrid")}),
    (
        "Kestrel SE announced the closure of its production site in Dahlerbrück, Germany.",
        {("closed", "Dahlerbrück")},
    ),
    (
        "Kestrel Limited will restart the No. 2 potline at its Tomago smelter in New South Wales.",
        {("reopened", "Tomago")},
    ),
    (
        "Kestrel Holdings Limited will close its factory in Dongguan, Guangdong Province.",
        {("closed", "Dongguan")},
    ),
    (
        "Kestrel S.A. will idle the blast furnace at its Ouro Branco mill in Minas Gerais for ten months.",
        {("idled", "Ouro Branco")},
    ),
]


@pytest.mark.parametrize(("text", "want"), WORLD)
def test_each_world_shape_gives_its_event(text, want):
    body = "Kestrel Announcement\n\nLONDON, March 4, 2025 -- " + text
    assert {(e.type, e.place.locality) for e in extract(body).events} == want


def _bare(text):
    """A release with no dateline and no country named: only its issuer and its money tell."""
    events = extract("Site news\n\n4 March 2025\n\n" + text).events
    return [(e.type, e.place.locality, e.place.country) for e in events]


def test_a_british_legal_form_places_a_bare_town_name_in_britain():
    # Norwich is also a town in Connecticut; an issuer that is a plc puts it in England
    assert _bare("Kestrel plc is to close its Norwich factory at the end of the year.") == [
        ("closed", "Norwich", "GB")
    ]


def test_the_currency_a_release_counts_in_places_a_bare_town_name():
    text = "Kestrel will close its Norwich factory, which made £4 million of sales last year, in June."
    assert _bare(text) == [("closed", "Norwich", "GB")]


def test_a_shared_currency_settles_nothing():
    # the euro is many countries' money: the town stays as written, for the editor
    text = "Kestrel will close its Norwich factory, which made €4 million of sales last year, in June."
    assert [country for *_, country in _bare(text)] != ["GB"]
