"""HTML pages: trafilatura finds the article body and drops the page furniture around it."""

from __future__ import annotations

import pytest

from claimledger.errors import InputError
from claimledger.ingest import examples_path
from claimledger.ingest.documents import document_from_mapping
from claimledger.ingest.readers import read_inputs
from claimledger.models import Document


@pytest.fixture(scope="module")
def example_page() -> Document:
    (document,) = list(read_inputs([str(examples_path() / "article.html")]))
    assert isinstance(document, Document), document
    return document


@pytest.mark.parametrize(
    "body_sentence",
    [
        "Russia launched 188 drones at Ukraine overnight",
        "more than 3.7 million people remain internally displaced",
        "Kyiv did not confirm or deny the claim.",
    ],
)
def test_article_body_is_kept(example_page: Document, body_sentence: str) -> None:
    assert body_sentence in example_page.text


@pytest.mark.parametrize(
    "furniture",
    ["Subscribe for $1 a week", "Most read", "Quiz: how well", "newsroom@example.org", "Cookie settings",
     "+44 20 7946 0000"],
)
def test_navigation_aside_and_footer_are_dropped(example_page: Document, furniture: str) -> None:
    assert furniture not in example_page.text


def test_page_metadata_is_extracted(example_page: Document) -> None:
    assert example_page.title == "Drone strikes hit energy sites as evacuations widen"
    assert example_page.published == "2024-11-26"
    assert example_page.outlet == "The Eastern Dispatch"


def test_caller_fields_win_over_extracted_ones() -> None:
    html = (examples_path() / "article.html").read_text(encoding="utf-8")
    document = document_from_mapping(
        {"id": "given", "html": html, "title": "My title", "published": "2024-12-01", "outlet": "Mine"},
        "in.jsonl",
        3,
    )
    assert (document.id, document.title, document.published, document.outlet) == (
        "given", "My title", "2024-12-01", "Mine")
    assert "188 drones" in document.text


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"title": "no body"}, "in.jsonl:7: needs a non-empty 'text' or 'html' field"),
        ({"text": 42}, "in.jsonl:7: field 'text' must be a string, got int"),
        ({"text": "x", "title": ["a"]}, "in.jsonl:7: field 'title' must be a string, got list"),
        (
            {"html": "<html><head><script>1</script></head></html>"},
            "in.jsonl:7: no article body could be found",
        ),
    ],
)
def test_invalid_documents_raise_input_error_naming_origin_and_line(mapping: dict, message: str) -> None:
    with pytest.raises(InputError) as caught:
        document_from_mapping(mapping, "in.jsonl", 7)
    assert str(caught.value).startswith(message)
    assert caught.value.line == 7
