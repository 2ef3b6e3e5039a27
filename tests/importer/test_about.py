"""What the company makes and for whom, read from its About section."""

from companies.importer.about import products_and_markets


def test_products_and_markets():
    about = (
        "Kestrel Brands LLC is a leading manufacturer and marketer of copper wire and cable, for "
        "distributors and OEMs. Its customers are primarily in the aerospace, automotive and medical "
        "device industries."
    )
    products, markets = products_and_markets(about)
    assert products == "copper wire and cable"
    assert markets == "aerospace, automotive and medical device"


def test_an_about_text_with_neither():
    assert products_and_markets("Kestrel Brands LLC is headquartered in Dayton, Ohio.") == (None, None)
