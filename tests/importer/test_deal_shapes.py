"""Sales and purchases of sites and of companies with sites, as releases word them: each gives
its deal at the site's town. Our own sentences, one per general shape."""

from datetime import date

import pytest

from companies.importer.extract import extract
from tests.importer.sentences import event_keys, events_in

DEALS = [
    # a limited liability company bought by its membership interests, placed by its metro area
    (
        "Kestrel Inc. agreed to acquire 100% of the membership interests in Brant Solar LLC, located in "
        "Houston metropolitan area, Texas.",
        [("acquired", "Houston")],
    ),
    # a share of a company's assets, the company placed by "of"
    (
        "Kestrel Inc. acquired substantially all of the assets of Brant Co. of Erie, Pennsylvania.",
        [("acquired", "Erie")],
    ),
    ("Kestrel Inc. acquired certain assets of Brant Tooling of Erie, Pennsylvania.", [("acquired", "Erie")]),
    # the seller named before the object
    (
        "Kestrel Inc. has acquired from Corvid Nutrition its manufacturing facility in Clayton, North Carolina.",
        [("acquired", "Clayton")],
    ),
    ("Kestrel AG has acquired Brant GmbH, a maker of pumps based in Ulm, Germany.", [("acquired", "Ulm")]),
    (
        "Kestrel plc has completed the acquisition of Brant Ltd, which operates a factory in Basildon, Essex.",
        [("acquired", "Basildon")],
    ),
    (
        "Kestrel will acquire 100% of Brant Co., owner of a paper mill in Changshu, China.",
        [("acquired", "Changshu")],
    ),
    (
        "Kestrel Limited has entered into an agreement to acquire Brant Pty Ltd, a vitamin manufacturer with a facility in Braeside, Victoria.",
        [("acquired", "Braeside")],
    ),
    (
        "Kestrel plc has acquired the freehold of a 60,000 sq ft factory at Shire Hill, Saffron Walden.",
        [("acquired", "Saffron Walden")],
    ),
    (
        "Kestrel has bought a manufacturing plant in Waterford, Ireland from Brant Ltd.",
        [("acquired", "Waterford")],
    ),
    (
        "Kestrel has agreed to purchase the Waterford, Ireland facility of Brant Ltd.",
        [("acquired", "Waterford")],
    ),
    (
        "Kestrel completed the takeover of Brant Ltd and its plant in Waterford, Ireland.",
        [("acquired", "Waterford")],
    ),
    (
        "Kestrel has signed an agreement to sell its Waterford, Ireland facility to Brant Ltd.",
        [("sold", "Waterford")],
    ),
    ("Kestrel will divest its Pestovo sawmill in Russia.", [("sold", "Pestovo")]),
    (
        "Kestrel has sold the assets of its Stracel mill in Strasbourg, France to Brant SAS.",
        [("sold", "Strasbourg")],
    ),
]


@pytest.mark.parametrize(("sentence", "want"), DEALS)
def test_each_deal_shape_gives_its_deal(sentence, want):
    events = events_in(sentence, issuer="Kestrel Group plc", published=date(2025, 6, 1))
    assert [(e.type, e.place.locality) for e in events] == want


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        (
            "Tamarack has acquired a portfolio of industrial properties located in Mississauga, Ontario.",
            "Mississauga",
        ),
        (
            "Tamarack announced the acquisition of a property at 12 Fulton Drive, Derrimut, Victoria.",
            "Derrimut",
        ),
        ("Tamarack completed the sale of land and buildings in Kestrel, Ont. to a developer.", "Kestrel"),
        # a building bought, named by its article or its floor area
        ("Tamarack has purchased a 120,000-square-foot building in Dayton, Ohio.", "Dayton"),
        ("Tamarack bought the building it leases in Erie, Pennsylvania.", "Erie"),
    ],
)
def test_real_estate_bought_or_sold_is_a_deal_on_its_site(sentence, want):
    events = events_in(sentence, issuer="Tamarack", published=date(2011, 10, 21))
    assert [e.place.locality for e in events] == [want]


def test_building_as_a_verb_is_no_property():
    events = events_in(
        "Tamarack acquired Birch Co., which is building a plant in Dayton, Ohio.",
        issuer="Tamarack",
        published=date(2011, 10, 21),
    )
    assert events == []


def test_intellectual_property_is_no_site():
    events = events_in(
        "Tamarack acquired the intellectual property of a Dayton, Ohio start-up.",
        issuer="Tamarack",
        published=date(2011, 10, 21),
    )
    assert events == []


def test_a_company_bought_is_placed_where_its_business_by_its_short_name_has_its_plant():
    events = events_in(
        "Tamarack plc announced the acquisition of 100% of the common stock of Birch Film Holdings, Inc. "
        '("Filmex") from Birch Group.',
        "Filmex makes stretch film for food packaging.",
        "The Filmex business has one manufacturing location in Aurora, Ohio.",
        issuer="Tamarack plc",
        published=date(2011, 8, 31),
    )
    assert [(e.type, e.place.locality) for e in events] == [("acquired", "Aurora")]


def test_a_company_bought_for_its_trade_and_assets_is_placed_where_it_has_its_plant():
    events = events_in(
        "Tamarack plc announces that it has agreed to acquire the trade and assets of Kestrel Flooring Ltd "
        '("Kestrel") for GBP20m.',
        "Kestrel is the market leading maker of precast concrete flooring with a highly automated "
        "manufacturing facility located at Swadlincote, Derbyshire.",
        issuer="Tamarack plc",
        published=date(2017, 7, 28),
    )
    assert [(e.type, e.place.locality) for e in events] == [("acquired", "Swadlincote")]


def test_a_site_bought_from_the_issuer_named_after_it_is_the_issuers_sale():
    assert event_keys(
        "Birchwood Farms agreed to purchase the 410 SE Alder Street, Tulsa, Oklahoma property of Tamarack for $3 million."
    ) == [("sold", "Tulsa", "US-OK")]


def test_an_aside_between_a_deal_verb_and_its_object():
    assert event_keys(
        "Tamarack acquired, among other assets, the seller's inventories, equipment and facility located in "
        "Tulsa, Oklahoma."
    ) == [("acquired", "Tulsa", "US-OK")]


def test_a_deal_whose_object_names_two_towns_with_their_states_before_the_facility_word():
    assert event_keys(
        "Tamarack announced its acquisition of the Dayton, Ohio and Broken Arrow, Oklahoma tissue paper "
        "converting operations of Birchwood Paper."
    ) == [("acquired", "Dayton", "US-OH"), ("acquired", "Broken Arrow", "US-OK")]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        (
            "Tamarack has sold its coatings business, based in Dayton, Ohio, to Birch Co.",
            [("sold", "Dayton")],
        ),
        ("Tamarack has sold its Erie, Pennsylvania-based flooring division to Birch Co.", [("sold", "Erie")]),
        (
            "Tamarack agreed to sell its resin unit, which is located in Dayton, Ohio, to Birch Co.",
            [("sold", "Dayton")],
        ),
        # the seller's own seat is not the business's
        ("Tamarack, based in Dayton, Ohio, sold its coatings business to Birch Co.", []),
    ],
)
def test_a_business_sold_is_placed_at_its_seat(sentence, want):
    events = events_in(sentence, issuer="Tamarack", published=date(2011, 10, 21))
    assert [(e.type, e.place.locality) for e in events] == want


def test_a_site_sold_in_the_passive_with_asides_between_is_the_deals_object():
    events = events_in(
        "The 5 acre site, situated in Dayton, Ohio, together with buildings and equipment not required by "
        "Tamarack, was sold for $2 million.",
        issuer="Tamarack",
        published=date(2011, 10, 21),
    )
    assert [(e.type, e.place.locality) for e in events] == [("sold", "Dayton")]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # the issuer's site bought by another company, told in the passive: the issuer sells it
        ("The Erie, Pennsylvania plant has been acquired by Birchwood Corp.", [("sold", "Erie", "US-PA")]),
        ("The Erie, Pennsylvania mill will be taken over by Birchwood Corp.", [("sold", "Erie", "US-PA")]),
        # ... but bought by the issuer or by "the Company", it stays a purchase
        (
            "The Erie, Pennsylvania mill will be purchased by the Company for $3 million.",
            [("acquired", "Erie", "US-PA")],
        ),
        ("The Erie, Pennsylvania plant was bought by Tamarack Industries.", [("acquired", "Erie", "US-PA")]),
    ],
)
def test_a_purchase_in_the_passive_is_the_issuers_sale_when_another_company_buys(sentence, want):
    assert event_keys(sentence) == want


def test_a_site_taken_over_is_bought():
    assert event_keys("Tamarack has taken over the Erie, Pennsylvania foundry.") == [
        ("acquired", "Erie", "US-PA")
    ]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # a company whose name ends in a facility word is a company, placed at its seat
        (
            "Tamarack has acquired Corvid Metal Works, Inc. of Erie, Pennsylvania.",
            [("acquired", "Erie", "US-PA")],
        ),
        # the seat as an adjective before the company's name
        ("Tamarack has acquired Erie, Pennsylvania-based Corvid Plastics.", [("acquired", "Erie", "US-PA")]),
        (
            "Tamarack announced the completion of its acquisition of Tulsa, Oklahoma-based Corvid Foods.",
            [("acquired", "Tulsa", "US-OK")],
        ),
        # the whole share capital, as UK releases word a purchase of a company
        (
            "Tamarack has acquired the entire issued share capital of Corvid Limited, a maker of fans based "
            "in Basildon, Essex.",
            [("acquired", "Basildon", None)],
        ),
    ],
)
def test_a_company_bought_is_placed_at_its_seat_however_its_name_and_seat_are_written(sentence, want):
    assert event_keys(sentence) == want


def test_a_buyer_purchasing_the_issuers_site_described_at_length_is_the_issuers_sale():
    assert event_keys(
        "Under the agreement, Corvid will purchase Tamarack's former manufacturing facility in Erie, Pennsylvania."
    ) == [("sold", "Erie", "US-PA")]


def test_a_lease_interest_bought_with_its_term_as_an_aside_is_the_sites_purchase():
    assert event_keys(
        "Tamarack has acquired the long leasehold interest, to expire in May 2150, of a 64,000 sq. ft. "
        "warehouse, which it currently occupies, located in Erie, Pennsylvania."
    ) == [("acquired", "Erie", "US-PA")]


def test_a_named_industrial_park_bought_whole_is_a_purchase_at_its_town():
    text = (
        "Kestrel Buys Industrial Park\n(March 2, 2011 - Dayton, Ohio) Kestrel Corp. today announced it has "
        "purchased the Dayton Industrial Park. The Dayton Industrial Park, located in Dayton, Ohio, is a "
        "12-acre parcel with two buildings."
    )
    assert [(e.type, e.place.locality) for e in extract(text).events] == [("acquired", "Dayton")]


def test_a_site_handed_to_another_company_is_sold():
    keys = event_keys(
        "Semiconductor supplier, Tamarack Electronics, says it will transfer its Dayton, Ohio plant to Birch Industries Inc."
    )
    assert keys == [("sold", "Dayton", "US-OH")]
    # work moved to another site of its own is a move
    assert event_keys("It will transfer its Dayton, Ohio operations to its Erie plant.") == [
        ("closed", "Dayton", "US-OH")
    ]
