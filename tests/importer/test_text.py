"""Normalisation, sentence splitting and section labels, on short wire-style texts of our own."""

from companies.importer.text import classify_paragraph, label_sections, normalize, paragraphs, split_sentences


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
