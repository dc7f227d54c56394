"""Training rows: the rule pipeline's drafts over annotated documents, paired with their gold claims.

A gold claim and a draft pair by span overlap, exactly as `claimledger eval` pairs them
(``evaluate.match_claims``). Each row holds the document id (for article-grouped folds), the draft's
features, the rules' answer and the gold answer for every decided field.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimledger.decide.features import doc_features
from claimledger.errors import EvalError
from claimledger.evaluate import load_gold, match_claims, read_documents, same_source
from claimledger.models import AUTHOR

# The decided fields. "verification" reads the common features and its reach features, "time_scope" the
# common features and its kind features (decide/scopekinds.py); "source" is the
# carry-over decision ("True": the candidate's source carries on), made only for a figure the rules named
# AUTHOR that has a candidate, from its carry features alone.
FIELDS = ("time_scope", "category", "source_type", "hedged", "verification", "source")
OWN_FEATURES = {"source"}  # fields that read only their own features (Row.extra), not the common bag
DECISIONS_PIPE = "claimledger_decisions"

# Documents that must never be trained or tuned on: the blind sets (see evaluation/README.md). A blind set
# that has served (measured once, then replaced by a newer one) joins the training sets below; held-out 6 and
# growth-1's g1-151 .. g1-250 did so on 2026-12-07, when held-out 7 and news-1 were written; held-out 7 and
# news-1 did so later that day, when held-out 8 and news-2 were written; held-out 8 and news-2 on the evening
# of 2026-12-07, when held-out 9 and news-3 were written; held-out 9 and news-3 late that evening,
# when held-out 10 and news-4 were written; held-out 10 and news-4 on 2026-12-08, when held-out 11 and news-5
# were written.
EXCLUDED_DIRS = ("heldout-11", "news-5")
EXCLUDED_IDS: frozenset[str] = frozenset()  # single blind documents inside a training set, by id


@dataclass(slots=True)
class Row:
    doc_id: str
    features: list[str]
    rule: dict[str, str]
    gold: dict[str, str]  # a field absent here is not decided for this claim ("source" without a candidate)
    extra: dict[str, list[str]] = field(default_factory=dict)  # a field's own features
    # whether the rules' source is right, and whether the claim's source is named ("named") or AUTHOR: what
    # the source's accuracy and its base confidence are measured on
    info: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "features": self.features, "rule": self.rule, "gold": self.gold,
                "extra": self.extra, "info": self.info}

    def features_for(self, name: str) -> list[str]:
        return field_features(name, self.features, self.extra)


# What was counted does not depend on who says it (issue 10: "lost 650,000 troops" is casualties in a general
# staff's report and in a blog's): the category model does not read the source's features.
BLIND_TO_SOURCE = {"category"}
SOURCE_FEATURES = ("src_", "rule_st=", "st_cat=", "prev_src_")


def field_features(name: str, common: list[str], extra: dict[str, list[str]]) -> list[str]:
    """What the model of field ``name`` reads: its own features, after the common ones unless it reads
    only its own."""
    own = extra.get(name, [])
    if name in BLIND_TO_SOURCE:
        common = [f for f in common if not f.startswith(SOURCE_FEATURES)]
    return own if name in OWN_FEATURES else common + own if own else common


def label(value: Any) -> str:
    """Every field's value as a class label (booleans as "True"/"False")."""
    return str(value)


def draft_labels(draft: Any) -> dict[str, str]:
    return {
        "time_scope": draft.time_scope,
        "category": draft.category,
        "source_type": draft.source_type,
        "hedged": label(draft.hedged),
        "verification": label(draft.verification),
        "source": "False",  # the rules never carry a source to a sentence without one
    }


def _before(drafts: Sequence[Any], n: int, index: dict[int, int]) -> tuple[Any, int]:
    """The live draft before draft ``n`` and how many sentences lie between them (time scope, TS-10)."""
    if n == 0:
        return None, 99
    here, there = drafts[n].sentence.start, drafts[n - 1].sentence.start
    return drafts[n - 1], abs(index.get(here, 0) - index.get(there, 0))


def claim_features(drafts: Sequence[Any]) -> tuple[list[list[str]], list[dict[str, list[str]]], list[Any]]:
    """Per live draft of one document: the common features, each field's own features and the source
    carry-over candidate (or None). Read before any decision changes a draft."""
    from claimledger.decide.carry import carry_features, doc_candidates
    from claimledger.decide.features import sentence_index_of
    from claimledger.decide.reach import verification_features
    from claimledger.decide.scopekinds import scope_features

    common = doc_features(drafts)
    candidates = doc_candidates(drafts)
    by_sentence: dict[int, list[Any]] = {}
    starts = sorted(d.start for d in drafts)
    if drafts:
        index = sentence_index_of(drafts[0].span.doc)
        for d in drafts:
            by_sentence.setdefault(index[d.sentence.start], []).append(d)
    else:
        index = {}
    extra = []
    windowed: Any = None  # the last draft before this one with a window of its own
    for n, (draft, candidate) in enumerate(zip(drafts, candidates, strict=True)):
        context = None
        if windowed is not None:
            assert windowed.window is not None
            gap = abs(index.get(draft.sentence.start, 0) - index.get(windowed.sentence.start, 0))
            context = (windowed.window.kind, windowed.time_scope, gap)
        own = {"verification": verification_features(draft, by_sentence, starts),
               "time_scope": scope_features(draft, *_before(drafts, n, index), context=context)}
        if draft.window is not None:
            windowed = draft
        if candidate is not None:
            own["source"] = carry_features(draft, candidate, drafts, n)
        extra.append(own)
    return common, extra, candidates


def check_allowed(gold_dir: str | Path) -> None:
    """Refuse a blind set as training gold."""
    path = Path(gold_dir).resolve()
    if any(part in EXCLUDED_DIRS for part in path.parts):
        raise EvalError(f"{gold_dir}: a blind held-out set is never used for training")


def build_rows(
    sets: Sequence[tuple[str | Path, Sequence[str | Path]]], limit: int | None = None
) -> Iterator[Row]:
    """Rows of every matched claim of the (gold dir, docs) sets, blind documents left out."""
    from claimledger.nlp.drafts import live_drafts
    from claimledger.nlp.pipeline import get_pipeline
    from claimledger.nlp.records import claims_from_doc
    from claimledger.nlp.runner import start_doc

    nlp = get_pipeline()
    disabled = [DECISIONS_PIPE] if DECISIONS_PIPE in nlp.pipe_names else []
    taken = 0
    for gold_dir, docs in sets:
        check_allowed(gold_dir)
        documents = read_documents(docs)
        gold = load_gold(gold_dir, documents)
        wanted = [documents[d] for d in gold.claims if d not in EXCLUDED_IDS]
        if limit is not None:
            wanted = wanted[: max(0, limit - taken)]
        taken += len(wanted)
        with nlp.select_pipes(disable=disabled):
            made = ((start_doc(nlp, d.text, d), d) for d in wanted)  # as extraction makes them
            for doc, document in nlp.pipe(made, as_tuples=True, batch_size=16):
                drafts = live_drafts(doc)
                claims = claims_from_doc(doc, document)
                features, extra, candidates = claim_features(drafts)
                gold_claims = gold.claims[document.id]
                for g, p in match_claims(gold_claims, claims).items():
                    gc = gold_claims[g]
                    answers = {
                        "time_scope": gc.time_scope,
                        "category": gc.category,
                        "source_type": gc.source_type,
                        "hedged": label(gc.hedged),
                        "verification": label(gc.verification),
                    }
                    candidate = candidates[p]
                    if candidate is not None:
                        answers["source"] = label(same_source(gc.source, candidate.source_name))
                    info = {
                        "source_named": drafts[p].source_name != AUTHOR,
                        "source_rule_ok": same_source(gc.source, drafts[p].source_name),
                    }
                    yield Row(document.id, features[p], draft_labels(drafts[p]), answers, extra[p], info)


def write_rows(rows: Iterable[Row], path: str | Path) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n


def read_rows(path: str | Path) -> list[Row]:
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            data = json.loads(line)
            rows.append(Row(data["doc_id"], data["features"], data["rule"], data["gold"],
                            data.get("extra", {}), data.get("info", {})))
    return rows


DEFAULT_SETS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("evaluation/dev/gold", ("evaluation/dev",)),
    ("evaluation/heldout-5/gold", ("evaluation/heldout-5/docs.jsonl",)),
    ("evaluation/agreement-1/gold-a", ("evaluation/agreement-1/docs.jsonl",)),
    ("evaluation/growth-1/gold", ("evaluation/growth-1/docs.jsonl",)),
    ("evaluation/heldout-6/gold", ("evaluation/heldout-6/docs.jsonl",)),
    ("evaluation/growth-2/gold", ("evaluation/growth-2/docs.jsonl",)),
    ("evaluation/heldout-7/gold", ("evaluation/heldout-7/docs.jsonl",)),
    ("evaluation/news-1/gold", ("evaluation/news-1/docs.jsonl",)),
    ("evaluation/growth-3/gold", ("evaluation/growth-3/docs.jsonl",)),
    ("evaluation/heldout-8/gold", ("evaluation/heldout-8/docs.jsonl",)),
    ("evaluation/news-2/gold", ("evaluation/news-2/docs.jsonl",)),
    ("evaluation/growth-4/gold", ("evaluation/growth-4/docs.jsonl",)),
    ("evaluation/heldout-9/gold", ("evaluation/heldout-9/docs.jsonl",)),
    ("evaluation/news-3/gold", ("evaluation/news-3/docs.jsonl",)),
    ("evaluation/growth-5/gold", ("evaluation/growth-5/docs.jsonl",)),
    ("evaluation/heldout-10/gold", ("evaluation/heldout-10/docs.jsonl",)),
    ("evaluation/news-4/gold", ("evaluation/news-4/docs.jsonl",)),
    ("evaluation/growth-6/gold", ("evaluation/growth-6/docs.jsonl",)),
)
