"""Whether an event word announces something, read from the words around it."""

import pytest

from companies.importer.clauses import Clause
from companies.importer.modality import modality
from companies.importer.triggers import find_triggers


def _mood(sentence: str) -> str:
    trigger = find_triggers(sentence)[0]
    return modality(sentence, Clause(0, len(sentence)), trigger)


@pytest.mark.parametrize(
    ("sentence", "mood"),
    [
        ("Acme will close its plant in Dayton.", "asserted"),
        ("Acme will not close its plant in Dayton.", "negated"),
        ("Acme may close its plant in Dayton.", "hedged"),
        ("The new line will allow Acme to expand its plant in Dayton.", "hedged"),
        ("With our recent decision to curtail output at Dayton, capacity fits demand.", "background"),
        ("When Acme acquired Birch Paper in 2011, it agreed to a sale.", "background"),
        ("The Dayton plant has been idle since 2019.", "background"),
        # reported speech backshifts "will" to "would": still an announcement
        ("Acme said the plant in Dayton would close in June.", "asserted"),
        ("Acme announced that the Dayton line would be restarted next week.", "asserted"),
        # but "would" with no report, or with another hedge, stays conditional
        ("The plant in Dayton would close if the contract ends.", "hedged"),
        ("Acme said the plant in Dayton could close in June.", "hedged"),
        ("Acme announced earlier this year that it would open the Dayton plant in 2027.", "hedged"),
        # the work as a gerund is the site's work, not a foreign object
        ("The Dayton plant has restarted producing adhesive tapes.", "asserted"),
        ("The Dayton foundry will cease molding and melt operations in June.", "asserted"),
        # "this" before a span of time is no object of the verb
        ("Production at the Dayton mill resumed this week.", "asserted"),
        ("A storm closed this road for a week.", "background"),
        # event nouns after a stretch of past years are the industry's history
        (
            "The region has been hit hard in recent years, with mill closures in Dayton and Erie.",
            "background",
        ),
        # an announcement made before this release, told again
        ("Acme had previously announced its intent to close the Dayton plant.", "background"),
        # a passive relative clause describes the site, with or without its comma
        ("The Dayton plant which was acquired in the Birch merger will close.", "background"),
        # ... and so does a past stop told in it, with its adverb before or after the verb
        ("The Dayton plant, which was temporarily closed in March, will reopen in May.", "background"),
        ("The Dayton plant, which closed temporarily in March, resumed production on Monday.", "background"),
        # an event noun dated to an earlier period after its object is the past, named in passing
        ("Volumes fell following the closure of our Dayton, Ohio plant last year.", "background"),
        ("Sales rose with the acquisition of the Erie mill earlier this year.", "background"),
        ("It follows Acme's acquisition of a plant in Erie in the past year.", "background"),
        ("Acme will report the closure of the Dayton plant next year.", "asserted"),
        # ... and so it is with a possessive period before a hyphenated word
        ("The plant runs normally after last week's storm-related closure.", "background"),
        # an event noun the release says was announced before, after its object
        (
            "The closure of the Dayton plant, which was announced in October, is on schedule.",
            "background",
        ),
        # a deal announced before and only expected to be completed is no news of this release
        (
            "Acme expects to complete the previously announced sale of its Dayton plant in the fourth quarter.",
            "background",
        ),
        ("Acme has completed the previously announced sale of its Dayton plant.", "asserted"),
        # another company's deed, its name an aside after what it is to the issuer
        ("Acme's customer, Birch Motors, will close its plant in Dayton.", "background"),
        # talks that are over lead to the decision; talks under way still hedge it
        ("As a result of the negotiations Acme will close the Dayton site.", "asserted"),
        ("Following the talks Acme will close the Dayton site.", "asserted"),
        ("Acme has begun negotiations to close the Dayton site.", "hedged"),
        # discussion with the unions is the consultation a decision requires, no hedge
        (
            "The Board has decided to initiate discussion with the unions to close the Dayton sawmill.",
            "asserted",
        ),
        # an announcement made before ("that it would ...") is told again
        (
            "These actions follow Acme's previous announcement on December 8, 2010 that it would close "
            "its leased facility in Dayton.",
            "background",
        ),
        (
            "The review also resulted in a June announcement that the Company will close its Dayton plant.",
            "background",
        ),
        # a site's origin told by the deal that brought it
        (
            "The Dayton plant was acquired in connection with Acme's recent purchase of Birch Steel.",
            "background",
        ),
        ("The Dayton plant was acquired by Acme today.", "asserted"),
        # a decision of an earlier season is told again
        ("A decision was made last autumn to close the hardwood sawmill in Dayton.", "background"),
        # an exchange's name in a ticker tag is no hedge ("AIM" is not "aim to")
        ("Acme (AIM: ACM) announces a temporary halt to production at its Dayton plant.", "asserted"),
        ("Acme aims to close its Dayton plant.", "hedged"),
        # a site found out of use is news; one that remains so is a state
        ("The Dayton plant is out of operation after the fire.", "asserted"),
        ("The Dayton plant remains out of service.", "background"),
        # a participle before its noun, after a determiner, names a thing: no deed
        ("We value the Dayton facility for the added capacity it brings.", "background"),
        ("Acme added capacity at its Dayton facility.", "asserted"),
        # "newly" before such a participle names the site's state as well
        ("Staff were offered jobs in the newly expanded Dayton facility.", "background"),
        # a sentence that opens on a time gone by tells the past
        ("Just over a year ago, Acme closed the pulp line at its Dayton mill.", "background"),
        ("Two months ago, Acme idled its Dayton mill.", "background"),
        ("Acme closed the pulp line at its Dayton mill today.", "asserted"),
        ("Last month the company curtailed production at its Dayton smelter.", "background"),
        ("Last month, Acme announced the relocation of its Dayton operations to Erie.", "background"),
        # a deed told as the means of a purpose is announced; a modal verb still hedges it
        ("Acme aims to create jobs by constructing a new plant in Dayton.", "asserted"),
        ("Acme could cut costs by closing its Dayton plant.", "hedged"),
        # what a proposal put to consultation contains is announced; a bare "would" still hedges
        (
            "Acme began consultation on proposals which would mean the closure of its Dayton plant.",
            "asserted",
        ),
        ("A sale would mean the closure of its Dayton plant.", "hedged"),
        # a day off is no stop
        ("The Dayton plant was closed for the Christmas holiday.", "background"),
    ],
)
def test_modality_of_the_first_event_word(sentence, mood):
    assert _mood(sentence) == mood


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # a stop with a stated length is temporary, however it is worded
        ("The Dayton sawmill will shut down for a period of one week beginning July 6.", "idled"),
        ("The Dayton and Erie sawmills will each go down for six weeks.", "idled"),
        ("The Dayton sawmill will shut down for an additional two weeks.", "idled"),
        ("The Dayton sawmill will shut down at the end of the year.", "closed"),
    ],
)
def test_the_length_of_a_stop_makes_it_an_idling(sentence, kind):
    assert find_triggers(sentence)[0].type == kind


@pytest.mark.parametrize(
    ("sentence", "mood"),
    [
        # the consultations a law requires once a plan is decided are no hedge on the plan
        ("Acme will start change negotiations concerning the closure of its Kemi mill.", "asserted"),
        (
            "Acme began consultations with employee representatives on the closure of its Kemi mill.",
            "asserted",
        ),
        # talks with a buyer are
        ("Acme is in negotiations to sell its Kemi mill.", "hedged"),
    ],
)
def test_statutory_consultations_and_negotiations(sentence, mood):
    assert _mood(sentence) == mood


@pytest.mark.parametrize(
    ("sentence", "mood"),
    [
        # the negation sits in an aside; the verb after it is the deed
        ("The yard, together with machinery not needed by the group, was sold last week.", "asserted"),
        ("The Tulsa depot, not the plant, will be closed.", "asserted"),
        # the negation is the verb's own
        ("Acme will not, as of today, close the Tulsa plant.", "negated"),
        ("The plant, which is profitable, will not be closed.", "negated"),
    ],
)
def test_a_negation_inside_an_aside_does_not_reach_the_verb_after_it(sentence, mood):
    assert _mood(sentence) == mood


@pytest.mark.parametrize(
    ("sentence", "mood"),
    [
        ("Acme announced the termination of its agreement for the sale of the Tulsa plant.", "negated"),
        ("Acme has terminated the contract to sell its Tulsa plant.", "negated"),
        ("Several buyers have expressed interest in purchasing the Tulsa plant.", "hedged"),
    ],
)
def test_a_deal_called_off_or_only_of_interest_is_no_deal(sentence, mood):
    assert _mood(sentence) == mood


@pytest.mark.parametrize(
    "sentence",
    [
        "Under her leadership the company expanded its mill and acquired two plants.",
        "During his 12-year tenure Acme closed the Tulsa plant.",
    ],
)
def test_a_persons_record_is_background(sentence):
    assert _mood(sentence) == "background"


@pytest.mark.parametrize(
    ("sentence", "mood"),
    [
        (
            "This project complements the recently announced addition of a line at the Tulsa mill.",
            "background",
        ),
        ("Acme today completed its previously announced purchase of the Tulsa plant.", "asserted"),
    ],
)
def test_an_event_announced_before_is_news_only_when_completed_now(sentence, mood):
    assert _mood(sentence) == mood


def test_an_event_put_off_is_no_news_of_it():
    assert (
        _mood("Acme expects the start-up of the expansion at its Tulsa plant to be delayed until June.")
        == "negated"
    )


@pytest.mark.parametrize(
    ("sentence", "mood"),
    [
        (
            "At the Tulsa mill, investments have increased capacity by 15 per cent over the past year.",
            "background",
        ),
        ("Acme has expanded its Tulsa plant, adding 50 jobs.", "asserted"),
    ],
)
def test_a_record_over_the_past_year_is_background(sentence, mood):
    assert _mood(sentence) == mood


@pytest.mark.parametrize(
    "sentence",
    [
        "The Tulsa mill had been indefinitely idled at the end of July.",
        "Beyond the measures already undertaken this year, including the closure of the Tulsa site, staff will fall.",
    ],
)
def test_the_past_before_the_news_is_background(sentence):
    assert _mood(sentence) == "background"


def test_a_stop_told_in_a_leading_after_clause_with_its_time_is_the_setting_of_the_news():
    sentence = (
        "After temporarily suspending operations at its Dayton mill in May 2020, Acme will restart "
        "the mill in November."
    )
    stop, restart = find_triggers(sentence)
    assert modality(sentence, Clause(0, sentence.index(",", 60)), stop) == "background"
    assert _mood("Acme will restart the mill in Dayton in November.") == "asserted"


@pytest.mark.parametrize(
    ("sentence", "mood"),
    [
        ("In the third quarter, Acme curtailed production at its Dayton mill for three weeks.", "background"),
        ("During the quarter, Acme took 20,000 tonnes of downtime at its Dayton mill.", "background"),
        # the quarter to come is news
        ("Acme will curtail production at its Dayton mill in the fourth quarter.", "asserted"),
    ],
)
def test_a_stop_told_in_the_past_of_the_quarter_is_its_record(sentence, mood):
    assert _mood(sentence) == mood


def test_a_closure_completed_in_the_quarter_is_news():
    assert (
        _mood("During the fourth quarter, Acme completed the closure of its plant in Dayton.") == "asserted"
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the role word describes the subject named right after it
        ("The German automotive supplier Halcyon plans to close its plant in Trutnov.", "asserted"),
        ("Automotive supplier Halcyon will close its plant in Trutnov.", "asserted"),
        # another company's decision, named with the issuer's possessive
        ("Its customer Birch Motors will close its plant in Trutnov.", "background"),
        ("Its largest customer will close its plant in Trutnov.", "background"),
    ],
)
def test_a_role_word_before_the_subjects_own_name_is_no_other_party(sentence, expected):
    trig = next(t for t in find_triggers(sentence) if t.type == "closed")
    assert modality(sentence, Clause(0, len(sentence)), trig) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a tally of what was done so far is history
        (
            "To date, Halcyon has cut costs in many ways, including discontinuing production at its Erie plant.",
            "background",
        ),
        ("So far, the group has made savings, including the closure of its Erie plant.", "background"),
        # an event noun told with when it was announced before
        (
            "This includes the permanent closure of 100,000 tons of capacity announced earlier at its Erie smelter.",
            "background",
        ),
        ("The figure includes the closure of the Erie plant announced in May.", "background"),
    ],
)
def test_history_told_as_a_tally_or_with_when_it_was_announced(sentence, expected):
    trig = next(t for t in find_triggers(sentence) if t.type == "closed")
    assert modality(sentence, Clause(0, len(sentence)), trig) == expected
