"""``importer.fingerprint``: what makes two texts the same release, and how near two releases are.

The releases are fictional (a tile maker in real towns), written in the wires' layouts."""

import textwrap

from companies.importer.fingerprint import all_words, fingerprint, identity, shingles
from companies.services.duplicates import overlap

PR_NEWSWIRE = """Harrowgate Ceramics to Close Millbrook Tile Plant

MILLBROOK, N.Y., April 2, 2024 /PRNewswire/ -- Harrowgate Ceramics Inc. (NASDAQ: HRGC) said today \
it will close its tile plant in Millbrook, New York, by the end of June 2024 and move production to \
its larger site in Dover, Delaware.

About 140 employees work at the Millbrook plant. The company will offer each of them a transfer to \
the Dover site, and severance to those who choose not to move.

"Demand for glazed floor tile has moved south, and Dover has room to grow," said chief executive \
Lena Marsh. "The Millbrook kilns are the oldest we run."

About Harrowgate Ceramics

Harrowgate Ceramics makes glazed floor and wall tile at four plants in the eastern United States.

Contact: Paul Reyes, (555) 201-3344, press@harrowgate.example
"""

# The same release as filed with the SEC: exhibit label, Business Wire's dateline, curly quotes,
# no About or contact block.
EXHIBIT = """Exhibit 99.1

HARROWGATE CERAMICS TO CLOSE MILLBROOK TILE PLANT

MILLBROOK, N.Y.--(BUSINESS WIRE)--April 2, 2024--Harrowgate Ceramics Inc. (NASDAQ: HRGC) said today \
it will close its tile plant in Millbrook, New York, by the end of June 2024 and move production to \
its larger site in Dover, Delaware.

About 140 employees work at the Millbrook plant. The company will offer each of them a transfer to \
the Dover site, and severance to those who choose not to move.

\u201cDemand for glazed floor tile has moved south, and Dover has room to grow,\u201d said chief executive \
Lena Marsh. \u201cThe Millbrook kilns are the oldest we run.\u201d
"""

# A different release of the same company, same layout.
OTHER = """Harrowgate Ceramics Opens Dover Distribution Center

DOVER, Del., September 9, 2024 /PRNewswire/ -- Harrowgate Ceramics Inc. (NASDAQ: HRGC) opened a \
distribution center beside its Dover, Delaware plant today, adding 35 jobs in warehousing and \
shipping.

The building holds six weeks of tile for the company's dealers on the East Coast.

About Harrowgate Ceramics

Harrowgate Ceramics makes glazed floor and wall tile at four plants in the eastern United States.
"""


def rewrapped(text: str, width: int = 60) -> str:
    """Hard-wrapped like e-mail, with Windows line ends."""
    paragraphs = text.split("\n\n")
    return "\r\n\r\n".join("\r\n".join(textwrap.wrap(p, width)) for p in paragraphs)


def test_a_copy_with_exhibit_label_other_wire_and_no_tail_is_the_same_release():
    assert identity(EXHIBIT) == identity(PR_NEWSWIRE)


def test_the_identity_is_the_body_words_without_headline_dateline_about_or_contact():
    words = fingerprint(PR_NEWSWIRE).words
    assert words[:6] == ("harrowgate", "ceramics", "inc", "nasdaq", "hrgc", "said")
    assert "prnewswire" not in words and "millbrook" in words
    assert "reyes" not in words  # the contact block
    assert "eastern" not in words  # the About paragraph


def test_rewrapped_copies_are_the_same_release():
    assert identity(rewrapped(PR_NEWSWIRE)) == identity(PR_NEWSWIRE)
    assert identity(PR_NEWSWIRE.replace(" ", "  ")) == identity(PR_NEWSWIRE)


def test_every_word_matches_however_the_text_is_spaced():
    flat = " ".join(PR_NEWSWIRE.split())
    assert all_words(flat) == all_words(PR_NEWSWIRE) == all_words(PR_NEWSWIRE.upper().lower())
    assert all_words(OTHER) != all_words(PR_NEWSWIRE)


def test_a_one_paragraph_text_is_its_words_after_the_dateline():
    single = "DOVER, Del., May 1, 2024 /PRNewswire/ -- Harrowgate Ceramics idled kiln two."
    found = fingerprint(single)
    assert found.identity == "harrowgate ceramics idled kiln two"
    assert str(found.published) == "2024-05-01"


def test_headline_and_dateline_date_are_read():
    found = fingerprint(PR_NEWSWIRE)
    assert found.headline == "harrowgate ceramics to close millbrook tile plant"
    assert str(found.published) == "2024-04-02"


def test_different_releases_differ_and_share_few_shingles():
    assert identity(OTHER) != identity(PR_NEWSWIRE)
    assert overlap(shingles(fingerprint(OTHER).words), shingles(fingerprint(PR_NEWSWIRE).words)) < 0.2


def test_a_corrected_reissue_shares_most_shingles():
    corrected = PR_NEWSWIRE.replace("About 140 employees", "About 150 employees")
    assert identity(corrected) != identity(PR_NEWSWIRE)
    assert overlap(shingles(fingerprint(corrected).words), shingles(fingerprint(PR_NEWSWIRE).words)) > 0.9


def test_shingles_of_short_and_empty_texts():
    assert shingles(()) == frozenset()
    assert len(shingles(("a", "b"))) == 1
    assert len(shingles(tuple("abcdefg"), size=5)) == 3
    assert fingerprint("").words == ()
    assert fingerprint("   \n\n  ").identity == ""
