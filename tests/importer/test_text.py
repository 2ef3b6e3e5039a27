"""Normalisation, sentence splitting and section labels, on short wire-style texts of our own."""

import re

from companies.importer.clauses import ANCHOR, ANCHOR_GATED
from companies.importer.text import (
    _last_word,
    classify_paragraph,
    label_sections,
    needle_view,
    normalize,
    paragraphs,
    split_sentences,
)


def test_normalize_quotes_dashes_and_spaces():
    text = "\u201cWe\u2019re ready,\u201d said Ann\u00a0Lee \u2014 CEO.\r\n\r\n\r\nNext\tparagraph\u2026"
    assert normalize(text) == '"We\'re ready," said Ann Lee -- CEO.\n\nNext paragraph...'


def test_normalize_unwraps_hard_wrapped_prose_but_keeps_short_lines():
    text = (
        "Acme Corp. today announced that it will close its plant in Dayton,\n"
        "Ohio, by the end of the year.\n\n"
        "Contact:\nJane Roe\n555-0100"
    )
    body = normalize(text)
    assert "Dayton, Ohio, by the end" in body
    assert body.endswith("Contact:\nJane Roe\n555-0100")


def _texts(paragraph):
    return [t for _, t in split_sentences(paragraph)]


def test_sentences_respect_abbreviations():
    para = (
        "Acme Inc. will idle its mill in Erie, Pa. on Mar. 30 and its plant in Concord, N.H. until "
        "further notice. Glenn J. Holler of Acme Corp. said the U.S. plants are busy. The company "
        "employs 300 people."
    )
    assert _texts(para) == [
        "Acme Inc. will idle its mill in Erie, Pa. on Mar. 30 and its plant in Concord, N.H. until further notice.",
        "Glenn J. Holler of Acme Corp. said the U.S. plants are busy.",
        "The company employs 300 people.",
    ]


def test_abbreviation_at_sentence_end_before_an_opener():
    assert _texts("The plant is in Erie, Pa. The closure affects 80 jobs.") == [
        "The plant is in Erie, Pa.",
        "The closure affects 80 jobs.",
    ]


def test_sentence_offsets_point_into_the_text():
    text = 'First one here. Second one, with a "quote." Third.'
    for start, sentence in split_sentences(text, 10):
        assert text[start - 10 : start - 10 + len(sentence)] == sentence


def test_classify_paragraphs():
    assert classify_paragraph("About Acme Corp.") == "about"
    assert (
        classify_paragraph("About Acme Corp. Acme Corp. is a maker of widgets for the auto industry.")
        == "about"
    )
    assert classify_paragraph("About 150 employees will be affected.") is None
    assert classify_paragraph("Safe Harbor Statement") == "boilerplate"
    assert classify_paragraph(
        "This release contains forward-looking statements within the meaning of..."
    ) == ("boilerplate")
    assert classify_paragraph("Media Contact:\nJane Roe, 555-123-4567") == "contact"
    assert classify_paragraph("SOURCE: Acme Corp.") == "contact"
    assert classify_paragraph("###") == "other"
    assert classify_paragraph("ACME-G") == "other"


def test_sections_after_the_about_heading_are_tail():
    body = normalize(
        "Acme Closes Plant\n\nDAYTON, Ohio -- Acme Corp. will close its plant.\n\nMore body text here.\n\n"
        "About Acme\n\nAcme makes widgets.\n\nForward-Looking Statements\n\nThis release may contain...\n\n"
        "Contact:\nJane Roe"
    )
    paras = paragraphs(body)
    label_sections(paras, 1)
    assert [p.section for p in paras] == [
        "headline",
        "body",
        "body",
        "about",
        "about",
        "boilerplate",
        "boilerplate",
        "contact",
    ]


# --- page layouts: one paragraph a line, table cells, hard wraps --------------------------------


def test_a_page_with_one_paragraph_a_line_gets_a_block_per_line():
    prose = "Acme Paper Corp. today announced it will close its mill in Lufkin, Texas. " * 3
    text = normalize(f"Acme Paper to Close Lufkin Mill\n{prose}\nThe mill employs 150 people.")
    assert text.split("\n\n")[0] == "Acme Paper to Close Lufkin Mill"
    assert len(text.split("\n\n")) == 3


def test_a_headline_near_the_wrap_width_is_not_joined_to_the_dateline_below():
    text = normalize(
        "Brightwater Inc. Acquires Resin Plant in Jiangsu Province, Announces Expansion\n"
        "Plan\n"
        "Suzhou, China, - May 3,\n"
        "2011 - Brightwater, Inc. (NASDAQ: BWTR), a maker of specialty resins, today announced\n"
        "the acquisition of a resin plant in Jiangsu Province with capacity of 20,000 tons a year.\n"
    )
    lines = text.split("\n")
    assert lines[0].endswith("Announces Expansion")
    assert any(line.startswith("Suzhou, China, - May 3, 2011 - Brightwater") for line in lines)


def test_table_remnants_bullets_and_exhibit_labels_go():
    text = normalize("Exhibit 99.1\n|\n|Contact:\n| Jane Roe\n\u25cf First point\nEXHIBIT\n99.2\n")
    assert "Exhibit" not in text and "EXHIBIT" not in text and "|" not in text
    assert "Contact:" in text and "First point" in text


def test_a_list_wrapped_after_a_semicolon_is_one_sentence():
    text = normalize(
        "The sale included the company's plants in Eaton Falls, Michigan; Bremen, Indiana;\n"
        "Saltillo, Mexico; and Guelph, Ontario.\n"
    )
    assert "\n" not in text


def test_text_without_sentence_ends_is_cut_into_bounded_pieces_that_keep_their_offsets():
    from companies.importer.text import MAX_SENTENCE

    text = "the plant in Dayton will close and the mill, " * 200
    pieces = split_sentences(text, 10)
    assert len(pieces) > 1 and all(len(p) <= MAX_SENTENCE for _, p in pieces)
    assert all(text[start - 10 : start - 10 + len(p)] == p for start, p in pieces)


def test_a_release_embedded_as_a_json_string_gets_its_line_breaks_back():
    raw = (
        '[{"type":"text","content":"\\n ACME GROUP PLC\\n22 December 2005\\n\\n ANNOUNCEMENT\\n\\nAcme Group today '
        'announces a new warehouse.\\n"}]'
    )
    text = normalize(raw)
    assert "\\n" not in text and "22 December 2005" in text.split("\n")


def test_needle_view_keeps_every_letter_a_case_insensitive_pattern_folds_to_ascii():
    # the only four characters outside ASCII that re.I matches to an ASCII letter
    for text in ("CLOſURE", "ıdle", "İDLE", "\u212aILN", "Müller Mill"):
        low = needle_view(text)
        for needle in ("closure", "idle", "kiln", "mill"):
            if re.search(needle, text, re.I):
                assert needle in low


def test_the_word_before_a_full_stop_is_the_run_of_letters_dots_and_ampersands_ending_there():
    line = "made by R&D. at 12 Main St. in the U.S. (see p. 4). .& x"
    assert _last_word(line, line.index(". at")) == "R&D"
    assert _last_word(line, line.index(". in")) == "St"
    assert _last_word(line, line.index(". (see")) == "U.S"
    assert _last_word(line, line.index(". 4")) == "p"
    assert _last_word(line, line.index(").") + 1) == ""
    assert _last_word(line, line.index(".& x") + 2) == ""


def test_a_gated_search_finds_what_the_pattern_finds():
    texts = [
        "x" * 300 + " the new distribution center in Dayton",
        "Its credit facility was amended; the İDLED plant stays.",
        "nothing here at all",
        "production lines " * 40,
        "Cloſure of the ſite and its mill",
    ]
    for text in texts:
        found, expected = ANCHOR_GATED.search(text), ANCHOR.search(text)
        assert (found and found.span()) == (expected and expected.span())


def test_normalize_drops_registered_and_trade_marks():
    assert normalize("Tamarack Polymer Group\u00ae Inc. makes Widgetry\u2122 tapes.") == (
        "Tamarack Polymer Group Inc. makes Widgetry tapes."
    )


def test_an_ordinal_date_ends_a_sentence_but_a_saint_does_not():
    parts = [p for _, p in split_sentences("It closed on September 1st. It follows a sale.")]
    assert parts == ["It closed on September 1st.", "It follows a sale."]
    parts = [p for _, p in split_sentences("The mill is on St. Lawrence Street. It closes.")]
    assert parts[0] == "The mill is on St. Lawrence Street."


def test_a_full_stop_without_its_space_still_ends_a_sentence():
    assert _texts("The work moves to the Dayton plant.It starts in May. See www.acme.com today.") == [
        "The work moves to the Dayton plant.",
        "It starts in May.",
        "See www.acme.com today.",
    ]
