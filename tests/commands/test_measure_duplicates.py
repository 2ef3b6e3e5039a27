"""``manage.py measure_duplicates``: on the development corpus, the near-duplicate threshold
separates different releases from copies and re-issues of one."""

import re
from io import StringIO
from pathlib import Path

from django.core.management import call_command

from companies.services.duplicates import NEAR_DUPLICATE_OVERLAP

RELEASES = Path(__file__).resolve().parents[1] / "data" / "releases"


def test_the_threshold_separates_different_releases_from_copies_and_reissues():
    out = StringIO()
    call_command("measure_duplicates", str(RELEASES), stdout=out)
    report = out.getvalue()

    different = float(re.search(r"highest overlap ([\d.]+)", report).group(1))
    assert different < NEAR_DUPLICATE_OVERLAP
    rows = re.findall(r"  (.+): (\d+)/(\d+) the same release, (\d+)/(\d+) found", report)
    assert len(rows) == 8
    assert all(found == total for _, _, _, found, total in rows)  # every copy and re-issue is found
    same = {kind: (int(n), int(total)) for kind, n, total, _, _ in rows}
    for kind in ("another wire's tag", "rewrapped at 72, CRLF", "all on one line"):
        assert same[kind][0] == same[kind][1]  # stored once, never twice
