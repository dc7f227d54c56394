"""Inline review in Debian's chromium, driven by Playwright: the queue, j/k between claims, e to edit, v for
the verdict, x for not a claim, saved with a named token; screenshots go to test-artifacts/."""

from __future__ import annotations

import pytest
from test_browser import Server, browser, page, screenshot  # noqa: F401 (browser, page: its fixtures)
from webdata import SEED_STYLE

from claimledger.models import Document

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def review_server(ledger, tokens):
    from claimledger import __version__
    from claimledger.web import create_app
    from claimledger.web.extracting import extract_checked

    document = Document(text=SEED_STYLE, id="bonus", outlet="The Daily Example", published="2024-11-26",
                        title="Border guards offered a bonus", url="https://news.example.org/bonus")
    ledger.add(document, extract_checked(document), __version__)
    secret, _ = tokens.create("ana")
    with Server(create_app(ledger=ledger, tokens=tokens)) as running:
        running.token = secret
        running.ledger = ledger
        yield running


def _selected(page) -> str:  # noqa: F811
    return page.locator("#article-text mark.claim.selected").inner_text()


def test_review_a_claim_inline_with_the_keyboard(page, review_server):  # noqa: F811
    server = review_server
    page.goto(server.url + "/review")
    rows = page.locator("#review-queue tbody tr[data-claim-id]")
    queued = rows.count()
    assert queued >= 5
    screenshot(page, "review-queue.png")

    page.locator("#review-queue tbody a", has_text="1,480").click()
    page.wait_for_selector("article mark.claim.selected")
    assert _selected(page) == "1,480"
    page.keyboard.press("j")
    after = _selected(page)
    assert after != "1,480"
    page.keyboard.press("k")
    assert _selected(page) == "1,480"

    page.keyboard.press("e")  # edit: the panel opens on the value
    panel = page.locator("#review-panel")
    panel.wait_for(state="visible")
    assert page.evaluate("document.activeElement.name") == "value"
    assert page.locator("#review-claim-text").inner_text() == "1,480"
    page.fill("#review-value", "1,500")
    page.select_option('#review-form select[name="time_scope"]', "cumulative")
    page.fill("#review-form textarea[name=note]", "The bulletin gives 1,500.")
    page.fill("#review-token", server.token)
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    page.keyboard.press("v")  # the verdict, by keyboard: the panel opens on the verdict list
    panel.wait_for(state="visible")
    assert page.evaluate("document.activeElement.id") == "review-verdict"
    page.select_option("#review-verdict", "mostly_accurate")
    page.fill("#review-value", "1,500")
    page.select_option('#review-form select[name="time_scope"]', "cumulative")
    page.fill("#review-form textarea[name=note]", "The bulletin gives 1,500.")
    page.click("#review-save")
    page.wait_for_selector("#review-status.ok")
    assert page.locator("#review-status").inner_text() == "Saved by ana."
    assert "reviewed" in page.locator("#article-text mark.claim", has_text="1,480").get_attribute("class")
    screenshot(page, "review-inline.png")

    # the ledger has the effective record and the history has every change, by ana
    claim_id = page.locator("#article-text mark.claim", has_text="1,480").get_attribute("data-claim-id")
    stored = server.ledger.claim(claim_id)
    assert (stored.value, stored.time_scope) == (1500, "cumulative")
    assert stored.review["verdict"] == "mostly_accurate"
    history = page.request.get(f"{server.url}/api/claims/{claim_id}/history").json()["history"]
    assert {h["field"] for h in history} == {"value", "time_scope", "verdict", "note"}
    assert {h["reviewer"] for h in history} == {"ana"}

    # x marks another claim as not a claim; a reload shows both reviews in the table
    page.keyboard.press("Escape")
    page.locator("#article-text mark.claim", has_text="19").click()
    page.keyboard.press("Escape")
    page.keyboard.press("x")
    assert page.locator("#review-not-claim").is_checked()
    page.click("#review-save")
    page.wait_for_selector("#review-status.ok")
    page.reload()
    assert "not-claim" in page.locator("#article-text mark.claim", has_text="19").get_attribute("class")
    cells = page.locator("td.review-cell").all_inner_texts()
    assert "mostly_accurate (ana)" in cells and "not a claim (ana)" in cells
    screenshot(page, "review-article.png")

    page.goto(server.url + "/review")
    assert page.locator("#review-queue tbody tr[data-claim-id]").count() == queued - 2


def test_saving_without_a_token_says_why_and_writes_nothing(page, review_server):  # noqa: F811
    server = review_server
    page.goto(server.url + "/documents/bonus")
    page.locator("#article-text mark.claim").first.click()
    page.keyboard.press("Escape")
    page.keyboard.press("v")
    page.select_option("#review-verdict", "false")
    page.fill("#review-token", "")
    page.click("#review-save")
    page.wait_for_selector("#review-status.error")
    assert "API token" in page.locator("#review-status").inner_text()
    assert page.request.get(f"{server.url}/api/reviews").json()["reviews"] == []


def test_deleting_the_article_from_its_page(page, review_server):  # noqa: F811
    server = review_server
    page.goto(server.url + "/documents/bonus")
    page.click("details.delete-document summary")
    page.fill("#delete-token", server.token)
    page.click("#delete-document")  # the page fixture dismisses the confirmation: nothing is deleted
    page.wait_for_timeout(300)
    assert page.dialogs == ["Delete this article and its claims from the ledger?"]
    assert page.request.get(f"{server.url}/api/documents/bonus").status == 200
    page.evaluate("window.confirm = () => true")  # from here on the person says yes
    page.fill("#delete-token", "not-a-token")
    page.click("#delete-document")
    page.wait_for_selector("#delete-status.error")  # a bad token: says why, deletes nothing
    assert "not valid" in page.locator("#delete-status").inner_text()
    assert page.request.get(f"{server.url}/api/documents/bonus").status == 200
    page.fill("#delete-token", server.token)
    page.click("#delete-document")
    page.wait_for_url(server.url + "/documents")
    assert page.request.get(f"{server.url}/api/documents/bonus").status == 404
    history = page.request.get(f"{server.url}/api/history?doc_id=bonus").json()["history"]
    assert [(h["action"], h["reviewer"]) for h in history] == [("deleted", "ana")]
