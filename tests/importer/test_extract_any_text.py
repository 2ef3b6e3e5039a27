"""Extraction never fails on any text: hypothesis feeds it arbitrary and release-shaped input."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companies.importer.evidence import EVIDENCE_MAX
from companies.importer.extract import extract

# pieces of releases, joined in any order and any amount: datelines, chrome, event words, places
PIECES = st.sampled_from(
    [
        "Exhibit 99.1\n",
        "|\n",
        "DAYTON, Ohio, March 3, 2015 /PRNewswire/ -- ",
        "(Acme, Helsinki, 30 September 2021, 14:15 EEST) - ",
        "Acme Corp. (NYSE: ACM) today announced ",
        "it will close its plant in Erie, Pa. ",
        "and idle the mill at Jay, Maine",
        "the sale of its Kamloops, B.C. mill to Birch Paper Co. ",
        ", near Shanghai, ",
        ". ",
        "\n\n",
        "About Acme\n",
        "Forward-Looking Statements\n",
        "date 2017-08-29 ",
        "Release Date: 09/07/2020 16:00\n",
        "Hurricane Delta ",
        "in 2019",
        "; ",
        "\u2014",
        "\u00e9\u00df\u4e2d ",
    ]
)
RELEASE_LIKE = st.lists(PIECES, max_size=60).map("".join)


def _check(text: str) -> None:
    proposal = extract(text)
    json.dumps(proposal.to_json(file="x.txt"))  # the JSON Lines contract always serialises
    for event in proposal.events:
        assert event.evidence and event.evidence in proposal.body
        assert len(event.evidence) <= EVIDENCE_MAX


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
def test_arbitrary_text_never_raises(text):
    _check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(RELEASE_LIKE)
def test_release_shaped_text_never_raises(text):
    _check(text)


def test_an_unplaced_stop_under_a_dateline_the_gazetteer_lacks_does_not_fail():
    # the dateline's town is named again, but it cannot stand for the site: no place is proposed
    text = (
        "Halcyon to temporarily shut down smelter\n\n"
        "GLENFIDDOCH, Mars, March 3, 2015 /CNW/ -- Halcyon Ltd. said today it will temporarily shut down "
        "production for three weeks.\n\n"
        "Glenfiddoch has been home to the company since 1950.\n"
    )
    proposal = extract(text)
    assert proposal.events == []
    assert any("Unresolved dateline place" in w for w in proposal.warnings)
