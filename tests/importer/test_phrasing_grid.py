"""A grid of the ways releases phrase each event: every event phrase, with sites named in the
shapes wires use, must give exactly its event at its town; every non-event phrase, none.

The phrases are ours, written to cover the general shapes (verb and noun forms, passive and
active, the site before or after its town, a time after it), not any release's sentences.
"""

from datetime import date

import pytest

from companies.importer.events import find_events
from companies.importer.text import Sentence

ISSUER = "Halcyon Industries, Inc."
PLACES = [("Erie, Pa.", "Erie"), ("Kemi, Finland", "Kemi")]
NOUNS = ["plant", "mill"]
PHRASES = {
    "closed": [
        "will vacate its {P} {N} by the end of the year",
        "will close its {P} {N}",
        "will permanently close its {N} in {P}",
        "plans to shut down its {P} {N}",
        "announced the closure of its {N} in {P}",
        "will cease operations at its {P} {N}",
        "will wind down production at its {N} in {P}",
        "said the {N} in {P} will be closed",
        "will exit its {P} {N}",
        "will exit the valve business and production at its {N} in {P}",
        "has decided to permanently close down the {P} {N}",
        "will end papermaking at its {P} {N}",
        "plans to wind up operations at the {P} {N}",
        "starts change negotiations on the closure of its {P} {N}",
        "will launch co-determination negotiations on the closure of its {P} {N}",
        "plans to close its {P} {N}, subject to consultation with employee representatives",
        "will shutter its {P} {N}",
        "plans to close down its {N} in {P}",
        "said its {P} {N} will not reopen",
        "will permanently idle its {N} in {P}",
        "will terminate operations at its {P} {N}",
        "will dismantle its {N} in {P}",
        "will phase out production at its {P} {N} over the next year",
        "announced the exit of its flooring business in {P}",
    ],
    "idled": [
        "will temporarily idle its {P} {N}",
        "will idle the {N} in {P} indefinitely",
        "will curtail production at its {N} in {P}",
        "will take market-related downtime at its {P} {N}",
        "will temporarily halt production at its {N} in {P}",
        "said production at its {P} {N} has been suspended",
        "will mothball its {N} in {P}",
        "will take two weeks of downtime at its {P} {N} in December",
        "announced a temporary production stop at its {P} {N}",
        "will shut the {P} {N} for two weeks in July",
        "announced a temporary shutdown of its {N} in {P}",
        "will put its {P} {N} on care and maintenance",
        "will temporarily lay off all employees at its {P} {N}",
        "will pause production at its {P} {N} for three weeks",
        "will take its {P} {N} offline for a month",
        "will take its {N} in {P} out of service",
        "announced an extended shutdown of its {P} {N}",
        "said its {P} {N} will be down for two weeks",
        "will take a two-week shutdown at its {N} in {P}",
        "will temporarily reduce production at its {P} {N}",
        "declared force majeure at its {P} {N}",
        "said production at its {P} {N} was interrupted by a parts shortage",
        "said production at its {N} in {P} will be stopped between May 8 and May 12",
        "reported an unplanned shutdown at its {P} {N}",
        "will stop production at its {N} in {P} for five days",
        "announced a production interruption at its {P} {N}",
        "announced rolling shutdowns at its {P} {N}",
        "said its {P} {N} is out of operation after the storm",
        "will place its {P} {N} on hot standby",
        "will stop production at its {N} in {P} until demand improves",
    ],
    "reopened": [
        "will restart its {P} {N}",
        "has resumed production at its {N} in {P}",
        "will reopen the {N} in {P}",
        "said its {P} {N} is back in operation",
        "restarted the idled {N} in {P}",
        "will restart production at its {P} {N} in June",
        "has brought its {P} {N} back online",
        "said the {P} {N} has returned to full production",
        "will resume operations at the {N} in {P} next week",
        "has reactivated its {P} {N}",
        "restarted the No. 2 paper machine at its {P} {N}",
        "has put its {P} {N} back into operation",
        "said its {N} in {P} is back up and running",
        "will start up its idled {P} {N}",
        "has relit the blast furnace at its {P} {N}",
        "said its {P} {N} came back on stream",
        "said its {P} {N} began producing paper again",
        "announced the start-up of its idled {N} in {P}",
        "will bring the {P} {N} back to full production",
        "will restart 35,000 tons a year of long-curtailed capacity at its {P} {N}",
        "will restart previously curtailed capacity at its {N} in {P}",
    ],
    "opened": [
        "will build a new {N} in {P}",
        "opened a new {N} in {P}",
        "broke ground on a new {N} in {P}",
        "has selected {P} as the site of its new {N}",
        "cut the ribbon on its new {N} in {P}",
        "said its new {N} in {P} is now operational",
        "said its new {N} in {P} came on stream",
        "said its new {N} in {P} went into operation",
        "will set up its car {N} in {P}",
        "rolled out the first car from its new {N} in {P}",
        "has signed a lease for larger premises in {P}",
        "will establish a {N} in {P}",
        "will establish a manufacturing operation in {P}",
        "has completed construction of its new {N} in {P}",
        "will begin construction of a new {N} in {P} in the spring",
        "held a groundbreaking ceremony for its new {N} in {P}",
        "announced plans to locate a new {N} in {P}",
        "announced the completion of its new {N} in {P}",
        "said its new {N} in {P} is now fully operational",
    ],
    "expanded": [
        "will expand its {N} in {P}",
        "will invest $40 million to expand its {P} {N}",
        "will add a new production line at its {N} in {P}",
        "will invest $40 million in its {P} {N} to increase capacity",
        "will add 100 jobs at its {P} {N}",
        "plans a 50,000-square-foot expansion of its {P} {N}",
        "will double capacity at its {P} {N}",
        "will install a new paper machine at its {P} {N}",
        "will build a second production line at its {P} {N}",
        "will add 50,000 square feet to its {P} {N}",
        "will build an addition to its {N} in {P}",
        "plans to build another production line at its {N} in {P}",
        "broke ground on an expansion of its {P} {N}",
    ],
    "sold": [
        "has sold its {N} in {P} to Brant Co.",
        "agreed to sell its {P} {N} to Brant Co.",
        "has completed the sale of its {P} {N} to Brant Co.",
        "entered into a definitive agreement to sell its {P} {N}",
        "has divested its {P} {N} to Brant Co.",
        "sold the {P} {N} and related assets for $15 million",
        "announced the sale of the assets of its {P} {N}",
        "agreed to sell its {N} in {P} in a sale-leaseback transaction",
        "will put its {P} {N} up for sale",
        "is seeking a buyer for its {N} in {P}",
        "has completed the sale of its 50% interest in the {P} {N}",
        "completed the sale-leaseback of its {P} {N}",
    ],
    "acquired": [
        "has acquired a {N} in {P} from Brant Co.",
        "agreed to acquire Brant Co.'s {P} {N}",
        "completed the purchase of a {N} in {P}",
        "has bought the {P} {N} of Brant Co.",
        "will take over Brant Co.'s {N} in {P}",
    ],
}
TAILS = ["", " next year"]
CASES = [
    (kind, phrase.format(P=place, N=noun) + tail, town)
    for kind, phrases in PHRASES.items()
    for phrase in phrases
    for place, town in PLACES
    for noun in NOUNS
    for tail in TAILS
]
NOT_EVENTS = [
    "Halcyon has no plans to close its Erie, Pa. plant.",
    "Halcyon does not expect to idle the mill in Kemi, Finland.",
    "Halcyon's Erie, Pa. plant will continue to operate normally.",
    "Halcyon, headquartered in Erie, Pa., reported higher sales.",
    "The mill in Kemi, Finland, which Halcyon opened in 1987, employs 300 people.",
    "Halcyon closed its Erie, Pa. plant in 2009 and has since focused on its other sites.",
    "Halcyon may consider closing the mill in Kemi, Finland if demand stays weak.",
    "Halcyon is evaluating options for its Erie, Pa. plant, including a possible sale.",
    "Production from the closed line will be moved to the plant in Erie, Pa.",
    "Employees will be offered positions at the Kemi, Finland mill.",
    "The previously idled mill in Kemi, Finland remains idle.",
    "Customers will be served from the plant in Erie, Pa.",
    "Halcyon's Erie, Pa. plant was not affected by the storm.",
    "Brant Co. said it would close its Erie, Pa. plant.",
    "Halcyon has signed a letter of intent to sell its Erie, Pa. plant.",
    "Production of the Model 7 tractor will end at Halcyon's Erie, Pa. plant this year.",
    "Halcyon, based in Erie, Pa., will exit the flooring business.",
    "Halcyon shares closed down 3% after its plant in Erie, Pa. reported a loss.",
    "Halcyon set up a task force at its plant in Erie, Pa.",
    "In addition to its Erie, Pa. plant, Halcyon runs two warehouses.",
    "Results were hurt by an unplanned 3.5 day outage on a machine at the Erie, Pa. plant.",
    "Halcyon will integrate the acquired plant in Erie, Pa. into its supply chain.",
    # the cost of a closure in a results release, the money told first
    "Results included an after-tax charge of $3.7 million, or $0.08 per share, relating to a paper machine "
    "shutdown at Halcyon's Erie, Pa. plant.",
    "One-off costs totalling $19.4m in connection with the closure of the Kemi, Finland mill cut profit.",
    "Halcyon recorded restructuring charges for the Erie, Pa. plant closure.",
    # the period's capital spending, item by item
    "Capital spending included $4 million for the expansion of the Erie, Pa. plant.",
]


def _events(sentence):
    events, _ = find_events(
        [Sentence(sentence, 0, "body", 0)], headline=None, published=date(2025, 6, 1), issuer=ISSUER
    )
    return [(e.type, e.place.locality) for e in events]


@pytest.mark.parametrize(("kind", "phrase", "town"), CASES)
def test_each_event_phrase_gives_its_event_at_its_town(kind, phrase, town):
    assert _events(f"Halcyon {phrase}.") == [(kind, town)]


def test_a_buyer_purchasing_the_issuers_site_is_the_issuers_sale():
    assert _events("Brant Co. has purchased Halcyon's Erie, Pa. plant.") == [("sold", "Erie")]


@pytest.mark.parametrize("sentence", NOT_EVENTS)
def test_phrases_that_announce_nothing_give_no_event(sentence):
    assert _events(sentence) == []


def test_square_feet_added_without_a_site_after_are_the_detail_of_an_expansion_told():
    events, _ = find_events(
        [
            Sentence("Halcyon's plant in Erie, Pa. will be idled beginning in February.", 0, "body", 0),
            Sentence(
                "Halcyon will invest $24 million to expand its plant in Kemi, Finland, adding 150,000 "
                "square feet of production space.",
                100,
                "body",
                1,
            ),
        ],
        headline=None,
        published=date(2025, 6, 1),
        issuer=ISSUER,
    )
    assert sorted((e.type, e.place.locality) for e in events) == [("expanded", "Kemi"), ("idled", "Erie")]


def test_sites_listed_with_and_its_before_a_stop_all_take_it():
    assert _events(
        "Halcyon will put its Erie, Pa. plant and its Kemi, Finland mill on care and maintenance."
    ) == [
        ("idled", "Erie"),
        ("idled", "Kemi"),
    ]
    # a site of a clause with its own verb is not one of the list
    assert _events("Halcyon operates its Erie, Pa. plant and its Kemi, Finland mill will be idled.") == [
        ("idled", "Kemi")
    ]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Halcyon will invest $27 million in a new plant in Kemi, Finland.", "opened"),
        ("Halcyon will invest around US $27 million in the new facility in Kemi, Finland.", "opened"),
        # money for a new line at a site it already runs expands that site
        (
            "Halcyon will invest $27 million in a new production line at its plant in Kemi, Finland.",
            "expanded",
        ),
        ("Halcyon will invest $27 million in its Kemi, Finland plant.", "expanded"),
    ],
)
def test_money_put_into_a_new_site_opens_it(sentence, kind):
    assert _events(sentence) == [(kind, "Kemi")]


@pytest.mark.parametrize("sum_", ["\u20ac40 million", "\u00a340 million", "\u00a540-billion", "$40 million"])
def test_a_new_site_costed_in_any_currency_is_an_opening(sum_):
    assert _events(f"Halcyon will build a new {sum_} factory in Kemi, Finland.") == [("opened", "Kemi")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Halcyon will locate a multi-beam spunmelt line at its plant in Kemi, Finland.",
        "Halcyon is pleased to announce a major new investment in newspaper production capacity in Kemi, Finland.",
    ],
)
def test_a_line_put_at_a_site_or_money_put_into_its_capacity_expands_it(sentence):
    assert _events(sentence) == [("expanded", "Kemi")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The company said its plywood plant at Kemi, Finland began commercial production.",
            [("opened", "Kemi")],
        ),
        (
            "The company has commenced commercial production at its ethanol plant, set up at Kemi, Finland.",
            [("opened", "Kemi")],
        ),
        # a product's first output is no site's
        ("The company began commercial production of its new widget at its Kemi, Finland plant.", []),
    ],
)
def test_a_sites_first_commercial_output_opens_it(sentence, expected):
    assert _events(sentence) == expected


def test_investments_placed_at_named_sites_expand_each():
    found = _events(
        "Halcyon has approved three separate investments to be implemented at its Anjala Mill, Oulu Mill and Kemi Mill."
    )
    assert found == [("expanded", "Anjala"), ("expanded", "Oulu"), ("expanded", "Kemi")]
