"""The web page in Debian's chromium, driven by Playwright: paste, marks, details, the figure chart, safety.

The server is uvicorn in a thread on a free loopback port; screenshots go to test-artifacts/ at the repo root.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest
from webdata import HOSTILE_TEXT, SEED_STYLE, add_hostile_document, fill

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if not os.path.exists(CHROMIUM):
    pytest.skip(
        f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)",
        allow_module_level=True,
    )
playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")


class Server:
    """uvicorn serving `app` in a thread, on a socket bound to a free loopback port."""

    def __init__(self, app) -> None:
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start within 20 s")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


@pytest.fixture
def server(ledger, tokens):
    from claimledger.web import create_app

    fill(ledger)
    secret, _ = tokens.create("browser")
    with Server(create_app(ledger=ledger, tokens=tokens)) as running:
        running.token = secret
        running.ledger = ledger
        yield running


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.set_default_timeout(30_000)
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    return path


def paste(page, server, text: str, store: bool = True) -> None:
    page.goto(f"{server.url}/paste")
    page.fill("#paste-text", text)
    page.fill("#paste-published", "2024-11-26")
    page.fill("#paste-outlet", "The Daily Example")
    page.fill("#paste-token", server.token)
    if store:
        page.check("#paste-store")
    page.click("#paste-submit")
    page.wait_for_selector("#paste-result:not([hidden]) mark.claim")


def test_paste_mark_details_and_figure_chart(page, server):
    paste(page, server, SEED_STYLE)
    marks = page.locator("#article-text mark.claim")
    texts = marks.all_inner_texts()
    assert {"250,000 rubles", "$2,400", "1,480", "19", "733,830"} <= set(texts)
    daily = page.locator("#article-text mark.claim", has_text="1,480")
    assert "c-consistent" in daily.get_attribute("class")  # the General Staff's bulletin agrees
    assert "v-unverified" in page.locator("#article-text mark.claim", has_text="733,830").get_attribute(
        "class"
    )
    screenshot(page, "serve-paste.png")

    daily.click()
    details = page.locator("#details")
    details.wait_for(state="visible")
    assert details.locator("#details-title").inner_text() == "1,480"
    assert details.locator('dd[data-field="source"]').inner_text().startswith("Ukraine's Armed Forces")
    assert details.locator('dd[data-field="time scope"]').inner_text() == "daily"
    assert "2024-11-25 to 2024-11-26" in details.locator('dd[data-field="period"]').inner_text()
    assert "reference series: consistent" in details.inner_text()
    screenshot(page, "serve-details.png")

    details.locator("#details-figure").click()
    page.wait_for_url("**/figures/**")
    page.wait_for_selector("#chart[data-drawn=true] svg")
    assert page.locator("#chart svg circle.point").count() >= 1
    reference_path = page.locator("#chart svg path.reference").get_attribute("d")
    assert (
        reference_path and reference_path.count("L") >= 5
    )  # the series drawn over the days around the report
    assert "reference" in page.locator("#chart-legend").inner_text()
    screenshot(page, "serve-figure.png")
    assert page.dialogs == []


def test_stored_article_view_marks_claims_and_opens_details(page, server):
    paste(page, server, SEED_STYLE)
    page.click("#paste-article-link")
    page.wait_for_selector("article mark.claim")
    assert page.locator("article mark.claim").count() >= 5
    page.locator("article mark.claim", has_text="733,830").click()
    assert page.locator('#details dd[data-field="hedged"]').inner_text().startswith("yes")
    screenshot(page, "serve-article.png")


def test_ledger_view_sorts_filters_and_links_to_articles(page, server):
    page.goto(server.url + "/")
    assert page.locator("#ledger-table tbody tr").count() == 4
    page.select_option('select[name="category"]', "casualties")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**category=casualties**")
    assert page.locator("#ledger-table tbody tr").count() == 2
    page.locator("#ledger-table th a.sort", has_text="value").click()
    page.wait_for_url("**order_by=value**")
    values = page.locator("#ledger-table tbody td.num").all_inner_texts()
    assert values == sorted(values, key=lambda v: -float(v.replace(",", "")))
    screenshot(page, "serve-ledger.png")
    page.locator("#ledger-table tbody a[href^='/documents/']").first.click()
    page.wait_for_selector("article mark.claim.selected")
    assert page.locator("#details").is_visible()


def test_hostile_article_runs_nothing_and_shows_as_text(page, server):
    add_hostile_document(server.ledger)
    for path in ("/documents/hostile", "/", "/documents", "/figures"):
        page.goto(server.url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.pwned") is None, path
        assert page.locator("img, iframe, script:not([src]):not([type='application/json'])").count() == 0, (
            path
        )
    page.goto(server.url + "/documents/hostile")
    body = page.locator("#article-text").inner_text()
    assert '<script>window.pwned=1;alert("script")</script>' in body  # the markup is shown as text
    assert page.locator("h1").inner_text().startswith("<script>window.pwned=7</script>Hostile")
    assert page.locator("a[href^='javascript']").count() == 0
    page.locator("#article-text mark.claim").first.click()
    page.locator("#details").wait_for(state="visible")
    assert "<script>window.pwned=14</script>Officials" in page.locator("#details").inner_text()
    page.wait_for_timeout(300)
    assert page.evaluate("window.pwned") is None
    screenshot(page, "serve-hostile.png")

    paste(page, server, HOSTILE_TEXT, store=False)  # the same text through the paste box, marked client-side
    page.locator("#article-text mark.claim").first.click()
    page.wait_for_timeout(300)
    assert "<script>" in page.locator("#article-text").inner_text()
    assert page.evaluate("window.pwned") is None
    assert page.dialogs == []


def test_artifacts_folder_is_ignored_by_git():
    gitignore = (ARTIFACTS.parent / ".gitignore").read_text()
    assert "test-artifacts/" in gitignore.split()


@pytest.fixture
def examples_server(ledger, tokens):
    from claimledger.web import create_app
    from claimledger.web.examples import seed_examples

    seed_examples(ledger)
    with Server(create_app(ledger=ledger, tokens=tokens)) as running:
        yield running


def test_the_bundled_examples_chart_a_figure_reported_on_several_days(page, examples_server):
    page.goto(examples_server.url + "/")
    assert page.locator("#ledger-table tbody tr").count() >= 20
    screenshot(page, "serve-examples-ledger.png")
    page.goto(examples_server.url + "/figures?min_documents=3")
    # "Russia" and "Russian forces" are one figure
    page.locator("table.claims tbody a", has_text="russia: troop").first.click()
    page.wait_for_selector("#chart[data-drawn=true] svg")
    page.click("text=outlet")
    page.wait_for_url("**by=outlet**")
    page.wait_for_selector("#chart[data-drawn=true] svg")
    assert page.locator("#chart svg circle.point").count() >= 4
    assert page.locator("#chart-legend .legend-item.series").count() >= 3  # one series per outlet
    assert page.locator("#chart svg path.reference").count() == 1
    screenshot(page, "serve-examples-figure.png")
