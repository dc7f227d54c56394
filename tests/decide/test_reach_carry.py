"""Verification reach and source carry-over as learned decisions: the features read from the rule pipeline's
drafts (real spaCy parses, the decision component left out), the carry-over candidate, the decision layer
with a model that has these parts and with an older one that lacks them, and training on rows that carry
the new fields."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from claimledger.decide.carry import doc_candidates
from claimledger.decide.dataset import (
    FIELDS,
    SOURCE_FEATURES,
    Row,
    claim_features,
    draft_labels,
    field_features,
)
from claimledger.decide.model import MODEL_PATH, DecisionModel
from claimledger.decide.train import RULE_ONLY, cross_validate, train
from claimledger.models import AUTHOR
from claimledger.nlp import decisions
from claimledger.nlp.attribution.statements import Statement
from claimledger.nlp.drafts import ClaimDraft, live_drafts
from claimledger.nlp.pipeline import get_pipeline


def _drafts(text: str) -> list[ClaimDraft]:
    nlp = get_pipeline()
    with nlp.select_pipes(disable=["claimledger_decisions"]):
        doc = nlp(text)
    return live_drafts(doc)


def _by_text(drafts: list[ClaimDraft], text: str) -> int:
    return next(n for n, d in enumerate(drafts) if d.span.text == text)


def _carry(text: str, figure: str) -> tuple[list[ClaimDraft], int, list[dict[str, list[str]]], Any]:
    """The drafts of ``text``, the index of ``figure`` among them, and claim_features' extra features and
    carry-over candidate for it."""
    drafts = _drafts(text)
    at = _by_text(drafts, figure)
    _, extra, candidates = claim_features(drafts)
    return drafts, at, extra, candidates[at]


# (text, figure, the candidate's source or None, features that must be there)
CANDIDATES = [
    (
        "The health ministry said 40 soldiers were killed on Monday. Of those, 12 were officers.",
        "12",
        "health ministry",
        ["c_where=same_para", "c_dist=1", "c_refer_back", "c_author_between=0", "c_party_between=False"],
    ),
    (
        "The health ministry said 40 soldiers were killed on Monday.\n\nThe city has 300,000 residents.",
        "300,000",
        "health ministry",
        ["c_where=prev_para", "c_dist=1"],
    ),
    (  # two paragraphs back: no candidate
        "The health ministry said 40 soldiers were killed on Monday.\n\nFighting went on.\n\n"
        "The city has 300,000 residents.",
        "300,000",
        None,
        [],
    ),
    (  # a figure with a source of its own has no candidate
        "The health ministry said 40 soldiers were killed. The army said 12 tanks were destroyed.",
        "12",
        None,
        [],
    ),
    (  # the next paragraph goes on quoting the speaker
        '"We lost 40 homes in the fire," the governor said.\n\n"Another 12 were damaged."',
        "12",
        "governor",
        ["c_cand_quote", "c_fig_in_quote", "c_opens_quote", "c_where=prev_para", "c_refer_back"],
    ),
    (  # the topic goes on, with no word referring back
        "Police said 5 people died in the blast. Hospitals in the city treated 12 people.",
        "12",
        "Police",
        ["c_first=hospitals", "c_same_cat=False", "c_cand_cue=said"],
    ),
    (  # the figure's sentence has a cue verb of its own, another party named between
        "Police said 5 people died in the blast. The Red Crescent sent ambulances. "
        "Some 12 people were reported to have been treated.",
        "Some 12",
        "Police",
        ["c_own_cue|fig", "c_party_between=True"],
    ),
    (  # a live blog: a new entry opens between the candidate and the figure
        "09:10 — The mayor said 4 people died in the fire.\n\n"
        "10:45 — Firefighters are still at the scene. About 20 flats were destroyed.",
        "About 20",
        "mayor",
        ["c_live_blog", "c_entry_crossed"],
    ),
    (  # ... and within one entry
        "09:10 — The mayor said 4 people died in the fire. About 20 flats were destroyed.\n\n"
        "10:45 — Firefighters are still at the scene.",
        "About 20",
        "mayor",
        ["c_live_blog", "c_same_entry"],
    ),
    (  # SRC-5c: a release read figure by figure, the next sentence naming no other party
        "Exports rose 6 per cent to $2.3 billion in May, figures released by the statistics bureau showed. "
        "Imports fell 2 per cent.",
        "2 per cent",
        "statistics bureau",
        ["c_cand_release", "c_no_party|same_para"],
    ),
]


# A source named in a sentence without a figure (SRC-5c): a release, a report, a speaker's statement
STATEMENT_CANDIDATES = [
    (  # a release announced, its figures in the next sentence
        "The water regulator has just published its annual leakage review. "
        "Losses fell to 2,950 megalitres a day.",
        "2,950",
        "water regulator",
        ["c_cand_statement", "c_stmt_verb=publish", "c_stmt_release", "c_stmt_release|same_para",
         "c_where=same_para", "c_dist=1", "c_party_between=False"],
    ),
    (  # ... and in the next paragraph
        "The statistics office released its quarterly labour survey on Tuesday.\n\n"
        "Youth unemployment rose to 14.2% in the spring.",
        "14.2%",
        "statistics office",
        ["c_cand_statement", "c_stmt_verb=release", "c_where=prev_para", "c_stmt_release|prev_para"],
    ),
    (  # a speaker's statement with no figure
        "The transport ministry said the new timetable would start in June. "
        "Trains will run every 8 minutes at peak times.",
        "8",
        "transport ministry",
        ["c_cand_statement", "c_stmt_verb=say", "c_stmt_where_dist=same_para|1"],
    ),
    (  # the statement stands nearer than the named figure before it: it is the candidate
        "Police said 14 people were arrested on Friday. The city council issued its annual safety report "
        "on Monday. Burglaries fell 9 per cent.",
        "9 per cent",
        "city council",
        ["c_cand_statement", "c_stmt_verb=issue"],
    ),
    (  # a party named between the statement and the figure
        "The port authority published its cargo figures on Monday. Shipping firm Ardent Lines welcomed "
        "the news. Container traffic rose 7 per cent.",
        "7 per cent",
        "port authority",
        ["c_cand_statement", "c_party_between=True"],
    ),
    (  # the figure's sentence has a cue verb of its own
        "The finance ministry unveiled its budget on Monday. Spending will rise 4 per cent, it added.",
        "4 per cent",
        "finance ministry",
        ["c_cand_statement", "c_stmt_verb=unveil", "c_own_cue|stmt"],
    ),
    (  # two paragraphs back: too far
        "The port authority published its cargo figures on Monday.\n\nThe weather was calm.\n\n"
        "Container traffic rose 7 per cent.",
        "7 per cent",
        None,
        [],
    ),
]


@pytest.mark.parametrize(("text", "figure", "source", "expected"), STATEMENT_CANDIDATES)
def test_a_named_statement_without_a_figure_is_a_candidate(text: str, figure: str, source: str | None,
                                                           expected: list[str]) -> None:
    drafts, at, extra, candidate = _carry(text, figure)
    if source is None:
        assert candidate is None or not isinstance(candidate, Statement) or drafts[at].source_name != AUTHOR
        return
    assert drafts[at].source_name == AUTHOR, "the rules give the figure no source of its own"
    assert isinstance(candidate, Statement) and source in candidate.source_name
    for feature in expected:
        assert feature in extra[at]["source"], (feature, extra[at]["source"])


def test_a_carried_statement_gives_its_source_and_type() -> None:
    data = copy.deepcopy(_shipped())
    data["fields"]["source"] = _constant(["False", "True"], "True") | {"base": {"named": 0.9, "author": 0.75}}
    drafts = _decided("The statistics office published its quarterly survey on Tuesday. "
                      "Unemployment fell to 5.1%.", DecisionModel.from_dict(data))
    figure = drafts[_by_text(drafts, "5.1%")]
    assert isinstance(figure.carried_from, Statement)
    assert figure.source_name == "statistics office" and figure.source_type == "government"


@pytest.mark.parametrize(("text", "figure", "source", "expected"), CANDIDATES)
def test_carry_candidate_and_features(text: str, figure: str, source: str | None,
                                      expected: list[str]) -> None:
    drafts, at, extra, candidate = _carry(text, figure)
    if source is None:
        if drafts[at].source_name == AUTHOR:
            assert candidate is None
        assert "source" not in extra[at]
        return
    assert drafts[at].source_name == AUTHOR, "the rules give the figure no source of its own"
    assert candidate is not None and source in candidate.source_name
    for feature in expected:
        assert feature in extra[at]["source"], (feature, extra[at]["source"])


def test_a_stated_conversion_has_no_candidate() -> None:
    drafts = _drafts("The ministry said the bonus is 400,000 rubles. It is worth 100 rubles ($1.10) a day.")
    at = _by_text(drafts, "$1.10")
    assert drafts[at].converts is not None
    assert doc_candidates(drafts)[at] is None


# (text, figure, features that must be there, features that must not)
REACH = [
    (
        "Kyiv said 500 Russian soldiers were killed. The figures could not be independently verified.",
        "500",
        ["vc=unverified|para1", "vc_figures|para1", "vn=unverified|para1", "rule_ver=unverified"],
        ["v_none_after"],
    ),
    (
        "Kyiv said 500 Russian soldiers were killed.\n\nNewsweek could not verify these figures.",
        "500",
        ["vc=unverified|next_para1"],
        ["vc=unverified|para1"],
    ),
    (
        "Kyiv said 500 Russian soldiers were killed, a figure Moscow denied.",
        "500",
        ["vc=denied|same_after", "vc_where=same_after"],
        [],
    ),
    (
        "Kyiv said 500 Russian soldiers were killed on Monday.",
        "500",
        ["rule_ver=None", "v_none_near"],
        ["vc_where=same_after"],
    ),
    (  # a statement in the sentence before is only a "prev" feature: the rules' reach is backward
        "Moscow has not confirmed the losses. Kyiv said 500 Russian soldiers were killed.",
        "500",
        ["vc=not_confirmed|prev1"],
        ["vn=not_confirmed|prev1"],
    ),
]


@pytest.mark.parametrize(("text", "figure", "present", "absent"), REACH)
def test_verification_reach_features(text: str, figure: str, present: list[str], absent: list[str]) -> None:
    drafts = _drafts(text)
    at = _by_text(drafts, figure)
    common, extra, _ = claim_features(drafts)
    features = extra[at]["verification"]
    for feature in present:
        assert feature in features, (feature, features)
    for feature in absent:
        assert feature not in features, (feature, features)
    assert field_features("verification", common[at], extra[at]) == common[at] + features
    # category reads the common features but none of the source's (what was counted is not who says it)
    category = field_features("category", common[at], extra[at])
    assert category == [f for f in common[at] if not f.startswith(SOURCE_FEATURES)]
    assert any(f.startswith("rule_st=") for f in common[at])
    assert not any(f.startswith("rule_st=") for f in category)
    # time scope reads its kind features beside the common ones (decide/scopekinds.py), never these
    assert field_features("time_scope", common[at], extra[at]) == common[at] + extra[at]["time_scope"]


def _shipped() -> dict:
    return json.loads(MODEL_PATH.read_text(encoding="utf-8"))


def _constant(classes: list[str], winner: str, weight: float = 8.0) -> dict:
    """A field part that always prefers ``winner`` (whatever the features), with identity calibration."""
    if len(classes) == 2:
        intercept = [weight if winner == classes[1] else -weight]
    else:
        intercept = [weight if c == winner else 0.0 for c in classes]
    return {"classes": classes, "intercept": intercept, "weights": {}, "threshold": 0.0,
            "calibration": {"x": [], "y": []}}


CARRY_TEXT = "The health ministry said 40 soldiers were killed on Monday. Of those, 12 were officers."


def _decided(text: str, model: DecisionModel) -> list[ClaimDraft]:
    drafts = _drafts(text)
    decisions.decide(drafts[0].span.doc, model)
    return drafts


def test_an_older_model_without_the_new_parts_leaves_the_rules_standing() -> None:
    data = _shipped()
    for name in ("verification", "source"):
        data["fields"].pop(name, None)
    model = DecisionModel.from_dict(data)
    drafts = _decided(CARRY_TEXT + " The figures could not be verified.", model)
    twelve = drafts[_by_text(drafts, "12")]
    assert twelve.source_name == AUTHOR and twelve.carried_from is None
    assert twelve.verification == "unverified"  # the rules' value
    assert twelve.confidence is not None
    assert "source" not in twelve.confidence and "verification" not in twelve.confidence


def test_a_carry_decision_takes_the_candidates_source_and_its_type() -> None:
    data = copy.deepcopy(_shipped())
    data["fields"]["source"] = _constant(["False", "True"], "True") | {"base": {"named": 0.9, "author": 0.75}}
    drafts = _decided(CARRY_TEXT, DecisionModel.from_dict(data))
    forty, twelve = drafts[_by_text(drafts, "40")], drafts[_by_text(drafts, "12")]
    assert twelve.carried_from is forty
    assert twelve.source_name == forty.source_name and twelve.source_type == forty.source_type
    assert twelve.source_type != "author"
    assert forty.confidence is not None and twelve.confidence is not None
    assert forty.confidence["source"] == 0.9  # a named source: the base rate, no decision to make
    assert twelve.confidence["source"] > 0.99
    assert twelve.confidence["source_type"] == forty.confidence["source_type"]


def test_a_keep_decision_leaves_author_and_the_rule_only_threshold_never_carries() -> None:
    data = copy.deepcopy(_shipped())
    data["fields"]["source"] = _constant(["False", "True"], "True") | {"threshold": RULE_ONLY}
    drafts = _decided(CARRY_TEXT, DecisionModel.from_dict(data))
    twelve = drafts[_by_text(drafts, "12")]
    assert twelve.source_name == AUTHOR and twelve.source_type == "author"
    assert twelve.confidence is not None and twelve.confidence["source"] < 0.01


def test_a_verification_decision_sets_the_value_and_its_cue() -> None:
    classes = ["None", "denied", "unverified"]
    data = copy.deepcopy(_shipped())
    data["fields"]["verification"] = _constant(classes, "denied")
    drafts = _decided("Kyiv said 500 soldiers were killed, a figure Moscow denied. It could not be verified.",
                      DecisionModel.from_dict(data))
    assert drafts[0].verification == "denied" and drafts[0].verification_cue == "denied"
    data["fields"]["verification"] = _constant(classes, "None")
    drafts = _decided("Kyiv said 500 soldiers were killed, a figure Moscow denied.",
                      DecisionModel.from_dict(data))
    assert drafts[0].verification is None and drafts[0].verification_cue is None


def _row(doc: int, n: int, carry_cue: bool, gold_carry: bool) -> Row:
    features = ["bias", f"rule_ts=point{n % 2}"]
    extra = {"source": ["bias", "c_refer_back" if carry_cue else "c_plain"],
             "verification": ["rule_ver=None"]}
    gold = {"time_scope": f"point{n % 2}", "category": "other", "source_type": "author", "hedged": "False",
            "verification": "None", "source": str(gold_carry)}
    rule = {"time_scope": f"point{n % 2}", "category": "other", "source_type": "author", "hedged": "False",
            "verification": "None", "source": "False"}
    info = {"source_named": False, "source_rule_ok": not gold_carry}
    return Row(f"d{doc}", features, rule, gold, extra, info)


def test_training_learns_a_carry_cue_and_reports_the_source_over_every_claim() -> None:
    rows = [_row(doc, n, carry_cue=n % 3 == 0, gold_carry=n % 3 == 0) for doc in range(10) for n in range(9)]
    named = Row("d0", ["bias"], dict(rows[0].rule), {k: v for k, v in rows[1].gold.items() if k != "source"},
                {}, {"source_named": True, "source_rule_ok": True})
    report = cross_validate([*rows, named], k=5)
    source = report["fields"]["source"]
    assert source["n"] == len(rows)  # only the claims with a candidate
    assert source["rules"] == pytest.approx(6 / 9)
    assert source["model"] == 1.0 and source["threshold"] < RULE_ONLY
    assert source["all_rules"] < source["all_model"] == 1.0
    assert source["base"]["named"] == 1.0
    data, _ = train([*rows, named], k=5)
    assert set(data["fields"]) == set(FIELDS)
    assert data["fields"]["source"]["base"] == {"named": 1.0, "author": 1.0}
    assert data["meta"]["cv"]["source"]["n"] == len(rows)


def test_the_rules_own_labels_cover_the_new_fields() -> None:
    drafts = _drafts(CARRY_TEXT)
    labels = draft_labels(drafts[0])
    assert labels["source"] == "False" and labels["verification"] == "None"
    assert set(labels) == set(FIELDS)


def _loop_scores(intercept: list[float], weights: dict[str, list[float]], features: list[str]) -> list[float]:
    scores = list(intercept)
    for key in features:
        for k, w in enumerate(weights.get(key, [])):
            scores[k] += w
    return scores


SCORED = [
    [],
    ["nothing-known"],
    ["bias", "rule_ver=None", "c_refer_back", "rule_ts=daily", "rule_hedged=True", "vc=unverified|para1"],
]


@pytest.mark.parametrize("field", ["time_scope", "hedged", "verification", "source"])
@pytest.mark.parametrize("features", SCORED)
def test_class_scores_are_the_sum_a_loop_gives(field: str, features: list[str]) -> None:
    import math

    fm = DecisionModel.from_dict(_shipped()).fields[field]
    scores = _loop_scores(fm.intercept, fm.weights, features)
    probs = fm.probabilities(features)
    if len(fm.classes) == 2 and len(scores) == 1:
        assert probs[1] == 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, scores[0]))))
    else:
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        assert probs == [e / sum(exps) for e in exps]


def test_entry_features_only_in_a_live_blog() -> None:
    _, at, extra, candidate = _carry("The mayor said 4 people died in the fire at 10:45 on Monday. "
                                     "About 20 flats were destroyed.", "About 20")
    assert candidate is not None
    assert not any(f.startswith("c_live") or "entry" in f for f in extra[at]["source"])


@pytest.mark.parametrize("text", [
    "The army said 1,200 soldiers were wounded on Monday. Estimates suggest 40,000 have been wounded since "
    "the war began.",
    "The port authority reported 310 ship calls in May. Reports say 2,900 ships have called this year.",
    "The agency said 75 shelters were open. Other estimates put the number of shelters at 90.",
])
def test_a_figure_given_to_unnamed_estimates_or_reports_keeps_author(text: str) -> None:
    # "Estimates suggest ...", "Reports say ...": the sentence has an attribution of its own (SRC-6), so the
    # earlier figure's source does not carry on (SRC-5 needs a sentence with none)
    import claimledger

    last = claimledger.extract(text, published="2025-06-10")[-1]
    assert last.source.name == "AUTHOR" and last.hedged
