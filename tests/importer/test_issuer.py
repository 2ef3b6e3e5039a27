"""Issuing company, ticker and exchange; products and markets from the About section."""

import pytest

from companies.importer.issuer import find_company, products_and_markets


@pytest.mark.parametrize(
    ("opening", "name", "ticker", "exchange"),
    [
        (
            "Acme Wire Group, Inc. (Pink Sheets: ACWG) today announced that it is idling",
            "Acme Wire Group, Inc.",
            "ACWG",
            "Pink Sheets",
        ),
        (
            'Borealis Paper Corporation (TSX:BPC) ("Borealis") today said',
            "Borealis Paper Corporation",
            "BPC",
            "TSX",
        ),
        ("Delmar Foods Inc. (NASDAQ: DLMR) announced", "Delmar Foods Inc.", "DLMR", "NASDAQ"),
        ("Ridgeway Steel Co. (NYSE: RSC; TSX: RSC) said", "Ridgeway Steel Co.", "RSC", "NYSE"),
        ("Oakline Metals Ltd. (OTCQX: OKLMF) reported", "Oakline Metals Ltd.", "OKLMF", "OTCQX"),
        ("Dayton-based Harrow Tools Corp. (NYSE: HTC) said", "Harrow Tools Corp.", "HTC", "NYSE"),
        ("The Fenwick Chemical Company (NYSE: FCC) announced", "The Fenwick Chemical Company", "FCC", "NYSE"),
    ],
)
def test_company_from_ticker_tag(opening, name, ticker, exchange):
    company = find_company(opening, opening)
    assert (company.name, company.ticker, company.exchange) == (name, ticker, exchange)


def test_company_from_first_sentence_without_ticker():
    first = "Northfield Mills Inc., a maker of tissue paper, today said it will close a mill."
    company = find_company(first, first)
    assert (company.name, company.ticker) == ("Northfield Mills Inc.", None)


def test_company_from_source_line():
    company = find_company(
        "The company said it will close a mill.",
        "The company said it will close a mill.",
        "SOURCE: Kestrel Brands LLC",
    )
    assert company.name == "Kestrel Brands LLC"


def test_no_company():
    assert find_company("Prices rose.", "Prices rose.") is None


def test_products_and_markets():
    about = (
        "Kestrel Brands LLC is a leading manufacturer and marketer of copper wire and cable, for "
        "distributors and OEMs. Its customers are primarily in the aerospace, automotive and medical "
        "device industries."
    )
    products, markets = products_and_markets(about)
    assert products == "copper wire and cable"
    assert markets == "aerospace, automotive and medical device"
