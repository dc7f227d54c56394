"""The figure chart's y axis fits the data: a cumulative figure moving from 724,000 to 737,000 is not drawn
against an axis from 0 (where it would look flat). Drawn by Debian's chromium, read back from the SVG."""

from __future__ import annotations

import pytest
from test_browser import Server, browser, page  # noqa: F401 - the browser fixtures
from webdata import make_claim, make_document

from claimledger.web import figures

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_the_y_axis_fits_a_cumulative_figure(ledger, page):  # noqa: F811 - the fixture
    from claimledger.web import create_app

    claims = []
    reports = [("2024-11-12", 724_000), ("2024-11-20", 730_500), ("2024-11-28", 737_000)]
    for n, (day, value) in enumerate(reports):
        text = f"Article {n}. Russian forces have lost {value:,} troops since the invasion began, it said."
        doc = make_document(n, published=day, text=text, outlet=f"Outlet {n}")
        start = text.index(f"{value:,}")
        claim = make_claim(doc, start, start + len(f"{value:,}"), value=float(value), time_scope="cumulative",
                           period=None, checks=[])
        ledger.add(doc, [claim], "test")
        claims.append(claim)
    with Server(create_app(ledger=ledger)) as server:
        page.goto(f"{server.url}/figures/{figures.claim_key(claims[0])}")
        page.wait_for_selector("#chart[data-drawn=true] svg")
        labels = page.locator("#chart svg g.axes text[text-anchor=end]").evaluate_all(
            "nodes => nodes.map((n) => n.textContent)")
    ticks = [float(label.replace(",", "")) for label in labels]
    assert ticks and min(ticks) >= 700_000, ticks  # not 0: the axis starts near the smallest value
    assert max(ticks) <= 800_000 and len(ticks) >= 3, ticks  # and ends near the largest (the reference too)
