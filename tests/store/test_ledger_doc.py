"""docs/ledger.md keeps up with the code: every option of the ledger commands, every export format and every
ClaimReview property the exporter writes is documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.cli import main
from claimledger.models import Check, Claim
from claimledger.store.export import FLAT_COLUMNS, claim_review

DOC = (Path(__file__).resolve().parents[2] / "docs" / "ledger.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["ingest", "query", "export", "stats"])
def test_every_option_is_documented(command):
    for param in main.commands[command].params:
        for flag in [*param.opts, *param.secondary_opts]:
            if flag.startswith("--") and flag not in ("--db", "--help"):
                assert f"`{flag}" in DOC or f"{flag}`" in DOC or f" {flag} " in DOC or f"[{flag}" in DOC, (
                    f"{command} {flag} is not in docs/ledger.md")


def test_every_format_and_flat_column_is_documented():
    [fmt_param] = [p for p in main.commands["export"].params if p.name == "fmt"]
    for fmt in fmt_param.type.choices:
        assert f"`{fmt}`" in DOC
    for column in FLAT_COLUMNS:
        assert column in DOC


def _keys(mapping: dict, prefix: str = "") -> set[str]:
    """Dotted paths of the leaves ("reviewRating.alternateName")."""
    out = set()
    for key, value in mapping.items():
        if isinstance(value, dict):
            out |= _keys(value, prefix + key + ".")
        else:
            out.add(prefix + key)
    return out


def test_every_claimreview_property_is_in_the_mapping():
    claim = Claim(id="x", doc_id="d", span=(0, 1), text="1", sentence="s", value=1, published="2024-01-01",
                  checks=[Check("cross_source", "consistent", "same")])
    review = claim_review(claim, {"url": "https://a", "title": "t", "outlet": "O"})
    # the reviewer, the claim's author and the article appear as whole objects in the table
    whole = ("author.", "itemReviewed.author.", "itemReviewed.appearance.")
    leaves = {k for k in _keys(review) if not k.startswith(whole)}
    leaves |= {"author", "itemReviewed.author", "itemReviewed.appearance"}
    assert len(leaves) > 10
    for key in leaves:
        assert f"`{key}`" in DOC, f"ClaimReview property {key} is not in the mapping table"
