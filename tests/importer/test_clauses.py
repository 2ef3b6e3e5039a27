"""Clauses of a sentence, as the event finder reads them."""

from companies.importer.clauses import in_quote, split_clauses


def _parts(text: str) -> list[str]:
    return [text[c.start : c.end] for c in split_clauses(text)]


def test_a_leading_phrase_of_time_ends_at_the_comma_before_the_main_clause():
    text = "Following the closure of its Erie, Pa., plant in June, Acme will run three plants."
    assert _parts(text)[0] == "Following the closure of its Erie, Pa., plant in June"


def test_the_comma_between_a_town_and_its_state_ends_no_leading_phrase():
    text = "With the new plan, the work in Erie, Pa. will be moved to Dayton."
    assert _parts(text) == [text]


def test_clauses_break_at_semicolons_and_contrasts():
    assert len(_parts("Acme will close Erie; Toledo stays open.")) == 2
    assert len(_parts("Acme will close Erie, while Toledo stays open.")) == 2


def test_a_quote_is_seen():
    text = 'The chief executive said "we will close Erie" on Monday.'
    assert in_quote(text, text.index("close")) and not in_quote(text, text.index("Monday"))


def test_semicolons_between_towns_and_their_states_are_a_list_not_clauses():
    text = "The plants in Erie, Pennsylvania; Tulsa, Oklahoma; and Dayton, Ohio will close."
    assert len(_parts(text)) == 1
    # a town that starts a clause of its own after the semicolon is no list item
    assert len(_parts("Tamarack will close Erie; Tulsa, Oklahoma is not affected.")) == 2


def test_a_semicolon_list_of_towns_before_their_facility_noun_is_one_clause():
    text = "Acme will restart its Erie, Pennsylvania; Tulsa, Oklahoma; and Dayton, Ohio tire plants in May."
    assert len(_parts(text)) == 1


def test_a_when_clause_is_a_clause_of_its_own():
    parts = _parts("It is the first plant Acme has opened since 1976, when Acme began production at Erie.")
    assert parts[-1].startswith("when Acme began")
