"""Footprint claims: counts of facilities with their countries and qualifier."""

import pytest

from companies.importer.claims import find_claims


def _claims(sentence):
    return [(c.count, c.countries, c.qualifier) for c in find_claims([sentence], "Brandt Industries Inc.")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Customers will be served by our other 13 U.S. facilities.", [(13, ["US"], "other")]),
        (
            "The Company makes its products at 19 facilities located in the United States, Belgium, France and Italy.",
            [(19, ["US", "BE", "FR", "IT"], None)],
        ),
        ("Brandt operates 45 plants worldwide.", [(45, [], None)]),
        ("Orders move to its nine remaining mills.", [(9, [], "remaining")]),
        (
            "Following the closure, Brandt will operate five pulp and paper mills and seven sawmills in Quebec.",
            [(5, ["CA"], "remaining"), (7, ["CA"], "remaining")],
        ),
        (
            "It serves clients from three sites in Ohio and one in Ireland.",
            [(3, ["US"], None), (1, ["IE"], None)],
        ),
        (
            "The group has 3,600 employees and nine production plants in Germany and China.",
            [(9, ["DE", "CN"], None)],
        ),
        ("Brandt has twelve manufacturing facilities in Ohio and Indiana.", [(12, ["US"], None)]),
        ("It operates six mills in Ontario and Quebec.", [(6, ["CA"], None)]),
        ("The group runs 7 Canadian plants.", [(7, ["CA"], None)]),
    ],
)
def test_claims(sentence, expected):
    assert _claims(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Acme will close two plants this year.",
        "The idling affects 230 employees.",
        "Sales rose 13 percent in 19 markets.",
        "Brandt has opened four new stores in Ohio and Indiana.",
        "Great Lakes Packaging operates 30 converting plants in the United States.",
    ],
)
def test_not_claims(sentence):
    assert _claims(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "both in", "all in", and compass words or "state" around a region
        ("Brandt operates two sawmills, both in western Oregon.", [(2, ["US"], None)]),
        ("Brandt operates four plants, all in upstate New York.", [(4, ["US"], None)]),
        ("Brandt runs three mills in Maine state.", [(3, ["US"], None)]),
        # names with compass words are names
        ("Brandt operates 12 plants in North America and Europe.", [(12, [], None)]),
        # a realignment leaves the remaining footprint
        (
            "Following the realignment, Brandt will operate six plants in Texas.",
            [(6, ["US"], "remaining")],
        ),
        # one of each, in one sentence, are two claims
        (
            "Brandt operates one paper mill and one converting plant, both in Vermont.",
            [(1, ["US"], None), (1, ["US"], None)],
        ),
        # sites an acquisition brings are not the footprint
        ("Brandt completed the acquisition of two plants located in Ohio.", []),
    ],
)
def test_claim_phrasings(sentence, expected):
    assert _claims(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a name that is a country and a state is a state among states
        ("Brandt operates three rolling mills in Tennessee and Georgia.", [(3, ["US"], None)]),
        ("Brandt operates three plants in Armenia and Georgia.", [(3, ["AM", "GE"], None)]),
        ("Brandt operates four plants in Florida and Puerto Rico.", [(4, ["US", "PR"], None)]),
        # a part of a country is that country; a continent is none
        ("Brandt has five sawmills in Northern Italy.", [(5, ["IT"], None)]),
        ("Brandt has five sawmills in North America.", [(5, [], None)]),
        # a second noun sharing the count, and more facility nouns
        ("Brandt operates six quarries and crushing plants in Ohio.", [(6, ["US"], None)]),
        (
            "Brandt operates two foundries and four machine shops in Michigan.",
            [(2, ["US"], None), (4, ["US"], None)],
        ),
        ("Brandt operates seven manufacturing units in Vietnam.", [(7, ["VN"], None)]),
    ],
)
def test_claim_places_and_nouns(sentence, expected):
    assert _claims(sentence) == expected
