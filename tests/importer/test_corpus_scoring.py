"""Scoring against the shared real-release corpus's label format (a list of entries)."""

from companies.importer.corpus_scoring import company_key, region_letters, same_company, score_file, tally


def _label(**extra):
    entry = {"file": "x.txt", "company": "Acme Paper Company", "date": "2016-05-24", "events": []}
    entry.update(extra)
    return entry


def test_event_matches_on_type_city_alternate_and_country():
    label = _label(
        events=[{"type": "close", "city": "Saint-Felix", "city_alt": ["St. Félix"], "country": "CA"}]
    )
    got = {"events": [{"type": "closed", "locality": "St Felix", "region": None, "country": "CA"}]}
    result = score_file(label, got)
    assert (result.score.tp, result.score.fp, result.score.fn) == (1, 0, 0)


def test_region_is_compared_only_when_both_sides_give_one():
    label = _label(events=[{"type": "idle", "city": "Littleton", "region": "NH", "country": "US"}])
    wrong_state = {"events": [{"type": "idled", "locality": "Littleton", "region": "US-CO", "country": "US"}]}
    no_state = {"events": [{"type": "idled", "locality": "Littleton", "region": None, "country": "US"}]}
    assert score_file(label, wrong_state).score.tp == 0
    assert score_file(label, no_state).score.tp == 1


def test_a_relocation_is_scored_as_the_closing_of_the_site_left():
    label = _label(events=[{"type": "relocate", "city": "Dayton", "region": "OH", "country": "US"}])
    got = {"events": [{"type": "closed", "locality": "Dayton", "region": "US-OH", "country": "US"}]}
    assert score_file(label, got).score.tp == 1


def test_duplicate_predictions_count_once_and_extras_are_false_positives():
    label = _label(events=[{"type": "open", "city": "Lyon", "country": "FR"}])
    event = {"type": "opened", "locality": "Lyon", "region": None, "country": "FR"}
    other = {"type": "opened", "locality": "Paris", "region": None, "country": "FR"}
    result = score_file(label, {"events": [event, event, other]})
    assert (result.score.tp, result.score.fp, result.score.fn) == (1, 1, 0)


def test_issuer_matches_without_legal_suffix_and_date_exactly():
    result = score_file(_label(), {"company": {"name": "Acme Paper"}, "published": "2016-05-24"})
    assert result.company_ok and result.date_ok
    wrong = score_file(_label(), {"company": {"name": "Globex"}, "published": None})
    assert wrong.company == ("Acme Paper Company", "Globex") and wrong.date == ("2016-05-24", None)
    assert not same_company("Acme", None)


def test_tally_counts_only_labels_that_state_company_and_date():
    results = [score_file(_label(), {}), score_file(_label(company=None, date=None), {})]
    total = tally(results)
    assert (total.releases, total.company_n, total.date_n) == (2, 1, 1)
    assert "issuer 0/1" in total.line("all")


def test_region_letters_and_company_key():
    assert region_letters("US-CT", "US") == "CT"
    assert region_letters("Conn.", "US") == "CT"
    assert region_letters(None, "US") is None
    assert company_key("The Wornick Company") == "wornick"
