"""Further linguistic categories of facility events, each with our own sentences.

Written for these tests (no corpus text): deals closed with several modifiers before the
deal noun, street names inside facility names, regions stated once for a town, restarts of a
machine at a site, and site selections for a new facility.
"""

from datetime import date

import pytest

from companies.importer.claims import find_claims
from companies.importer.events import find_events
from companies.importer.text import Sentence
from companies.importer.triggers import find_triggers

PUB = date(2014, 9, 9)


def _keys(*body, issuer="Ostrander Works, Inc.", country=None):
    sentences = [Sentence(t, i * 1000, "body", i) for i, t in enumerate(body)]
    events, _ = find_events(sentences, headline=None, published=PUB, issuer=issuer, country=country)
    return {(e.type, e.place.locality, e.place.region) for e in events}


@pytest.mark.parametrize(
    "body",
    [
        "Ostrander has closed its previously announced purchase of the pallet plant in Mankato, Minn. from a rival.",
        "Ostrander closed the long-awaited $40 million acquisition of a carton plant in Winona, Minn.",
        "Ostrander said it closed its recently agreed buyout of the box plant in Mankato, Minn.",
    ],
)
def test_closing_a_deal_is_not_closing_the_plant(body):
    assert not any(t == "closed" for t, _, _ in _keys(body))


@pytest.mark.parametrize(
    "sentence",
    [
        "It has closed its previously announced acquisition of the Lakeview mill.",
        "The company closed the long-awaited $40 million buyout of two carton plants.",
        "Ostrander closed its recently agreed, all-cash purchase of the box plant.",
    ],
)
def test_deal_closing_with_modifiers_is_no_closure_trigger(sentence):
    assert [t.type for t in find_triggers(sentence) if t.type == "closed"] == []


def test_closing_a_plant_next_to_a_deal_is_still_a_closure():
    assert ("closed", "Mankato", "US-MN") in _keys(
        "Ostrander will close its Mankato, Minn. plant and sale of the equipment will follow."
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Ostrander will reopen its Mill Street brewery in Kendal, England, which has been shut since 2019.",
            {("reopened", "Kendal", "GB-ENG")},
        ),
        (
            "Ostrander will close the Church Street plant in Kendal, England.",
            {("closed", "Kendal", "GB-ENG")},
        ),
    ],
)
def test_street_name_in_a_facility_name_is_not_a_town(body, expected):
    assert _keys(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        (
            "Ostrander will reopen its brewery in Kendal, England, next spring.",
            "Ostrander closed the site during the downturn and moved brewing to its other breweries.",
        ),
        (
            "Ostrander shut down the brewery in Kendal, England, during the downturn.",
            "Ostrander will reopen the Kendal brewery next spring.",
        ),
    ],
)
def test_past_closure_of_a_reopened_site_is_background(body):
    assert _keys(*body) == {("reopened", "Kendal", "GB-ENG")}


@pytest.mark.parametrize(
    "body",
    [
        (
            "Ostrander operates a plant in Passau, Bavaria.",
            "Ostrander will expand its plant in Passau, Germany.",
        ),
        ("Passau, Bavaria: Ostrander will expand its plant in Passau, Germany.",),
        (
            "Ostrander will expand its plant in Passau, Germany.",
            "The plant in Passau, Bavaria, employs 200 people.",
        ),
    ],
)
def test_region_stated_once_qualifies_the_town_everywhere(body):
    assert _keys(*body) == {("expanded", "Passau", "DE-BY")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "No. 3" numbers a machine, it negates nothing
        (
            "Ostrander will restart the No. 3 paper machine at its Kenora, Ontario mill, which has been down"
            " since May 2013.",
            {("reopened", "Kenora", "CA-ON")},
        ),
        (
            "Ostrander said its No. 2 mill in Kenora, Ontario will reopen in May.",
            {("reopened", "Kenora", "CA-ON")},
        ),
        # one machine of a running mill restarted is a part, told on its site for the editor to judge
        (
            "Ostrander will restart the No. 3 paper machine at its Kenora, Ontario mill.",
            {("reopened", "Kenora", "CA-ON")},
        ),
        ("Ostrander will not restart its Kenora, Ontario mill.", set()),
        # a product named before the work is still the site's work
        (
            "Ostrander will indefinitely curtail pulp production at its Kenora, Ontario mill.",
            {("idled", "Kenora", "CA-ON")},
        ),
        (
            "Ostrander will halt engine assembly at its Kenora, Ontario plant next month.",
            {("idled", "Kenora", "CA-ON")},
        ),
        ("A storm closed county roads near its Kenora, Ontario mill.", set()),
    ],
)
def test_numbered_machines_and_product_work(body, expected):
    assert _keys(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Ostrander has selected Kenora, Ontario, as the site of its first Canadian battery recycling plant.",
            {("opened", "Kenora", "CA-ON")},
        ),
        (
            "Ostrander chose Kenora, Ontario, for its new distribution center.",
            {("opened", "Kenora", "CA-ON")},
        ),
        (
            "Ostrander has selected Greer, S.C., in the state of South Carolina, as the location for a new"
            " assembly plant.",
            {("opened", "Greer", "US-SC")},
        ),
        # choosing something else for a site is no site selection
        ("Ostrander selected a supplier in Kenora, Ontario for its existing plant.", set()),
        ("Ostrander picked a vendor for its planned plant in Greer, S.C.", set()),
    ],
)
def test_site_selected_for_a_new_facility_is_an_opening(body, expected):
    assert _keys(body) == expected


def test_nationality_adjective_before_a_facility_is_not_a_town():
    assert _keys("Ostrander will open its first Canadian recycling plant in Kenora, Ontario.") == {
        ("opened", "Kenora", "CA-ON")
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a second count of other things shares the place phrase
        (
            "Ostrander operates three bakeries and 120 tea rooms across England and Wales.",
            [(3, ["GB"], None)],
        ),
        # "and one in Town, Country": the country closes the elided count's place
        (
            "The company operates five plants in the United States and one in Saltillo, Mexico.",
            [(5, ["US"], None), (1, ["MX"], None)],
        ),
        # plural US areas make a state that is also a country a state
        (
            "After the sale, Ostrander's remaining six mills, all in the Carolinas and Georgia, will run at capacity.",
            [(6, ["US"], "remaining")],
        ),
        ("Ostrander operates 12 plants in Georgia and Armenia.", [(12, ["GE", "AM"], None)]),
        # the list ends at the clause's verb
        (
            "Following the closure, the company's remaining 9 plants in Canada will continue to operate normally.",
            [(9, ["CA"], "remaining")],
        ),
        # a span of time before a facility word is no count of facilities
        ("He spent a decade at Ostrander, including four years as plant manager of its Erie plant.", []),
    ],
)
def test_claim_categories(sentence, expected):
    got = [(c.count, c.countries, c.qualifier) for c in find_claims([sentence], "Ostrander Works, Inc.")]
    assert got == expected
