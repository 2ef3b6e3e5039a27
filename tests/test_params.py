"""companies.params: dates and text from a query string."""

from datetime import date

import pytest

from companies.params import EARLIEST, LATEST, clean_text, parse_day


@pytest.mark.parametrize(
    ("value", "day", "message"),
    [
        ("2009-03-24", date(2009, 3, 24), ""),
        ("  2009-03-24 ", date(2009, 3, 24), ""),
        ("", None, ""),
        (None, None, ""),
        ("2009-02-31", None, "is not a date"),
        ("0001-01-01", None, "must be between"),
        ("9999-12-31", None, "must be between"),
        ("2009\x00-03-24", date(2009, 3, 24), ""),
    ],
)
def test_parse_day(value, day, message):
    got, error = parse_day(value)
    assert got == day and message in error


def test_parse_day_names_the_parameter_when_asked():
    assert "“to”" in parse_day("soon", "to")[1]
    assert parse_day(EARLIEST.isoformat())[0] == EARLIEST and parse_day(LATEST.isoformat())[0] == LATEST


def test_clean_text_drops_control_characters_but_keeps_text():
    assert clean_text("pa\x00per\x1b mill\tA") == "paper mill\tA"
    assert clean_text(None) == ""
