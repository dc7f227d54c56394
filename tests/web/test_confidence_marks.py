"""The article page marks context fields whose confidence is low, for a person to check."""

from __future__ import annotations

from fastapi.testclient import TestClient
from webdata import make_claim, make_document

from claimledger.web import create_app


def test_article_page_marks_fields_below_the_review_threshold(ledger, tokens):
    doc = make_document(7)
    at = doc.text.index("1,480")
    claim = make_claim(doc, at, at + 5, confidence={"time_scope": 0.55, "category": 0.97,
                                                    "source_type": 0.92, "hedged": 0.99})
    ledger.add(doc, [claim], "test")
    page = TestClient(create_app(ledger=ledger, tokens=tokens)).get("/documents/doc-7").text
    assert 'class="unsure" title="time_scope confidence 0.55: a person should check">daily<' in page
    assert page.count('class="unsure"') == 1  # category and source are sure enough
    stored = ledger.document("doc-7")[1][0]
    assert stored.confidence == {"time_scope": 0.55, "category": 0.97, "source_type": 0.92, "hedged": 0.99}
