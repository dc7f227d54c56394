"""The shipped decision model: per field, a logistic regression over the draft's features and an
isotonic map from its probability to the calibrated chance that the chosen value is right.

Weights live in ``data/models/decisions.json`` (written by ``claimledger train``, see its README); reading
them needs nothing beyond the standard library, so extraction loads offline and stays deterministic.
"""

from __future__ import annotations

import bisect
import json
import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from claimledger.errors import ClaimledgerError

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "models" / "decisions.json"
MODEL_ENV = "CLAIMLEDGER_MODEL"  # another model file to extract with (one `claimledger train -o FILE` wrote)


class ModelFileError(ClaimledgerError):
    """The decision model file is missing or not one ``claimledger train`` writes."""


@dataclass(slots=True)
class Calibration:
    """A monotone step map (isotonic regression's thresholds), read by linear interpolation."""

    x: list[float]
    y: list[float]

    def __call__(self, p: float) -> float:
        if not self.x:
            return p
        if p <= self.x[0]:
            return self.y[0]
        if p >= self.x[-1]:
            return self.y[-1]
        i = bisect.bisect_right(self.x, p)
        x0, x1, y0, y1 = self.x[i - 1], self.x[i], self.y[i - 1], self.y[i]
        return y0 if x1 == x0 else y0 + (y1 - y0) * (p - x0) / (x1 - x0)


@dataclass(slots=True)
class FieldModel:
    classes: list[str]
    intercept: list[float]
    weights: dict[str, list[float]]
    calibration: Calibration
    # "model": take the model's best value; "keep" below ``threshold``: the rule's value stands unless the
    # model gives its own best value at least ``threshold``.
    threshold: float = 0.0
    # the confidence of a claim the field's model does not decide, by group: for the source, the rules'
    # accuracy on a named source ("named") and on AUTHOR with no carry-over candidate ("author")
    base: dict[str, float] = field(default_factory=dict)

    def probabilities(self, features: Iterable[str]) -> list[float]:
        # per class, the intercept plus the weights of the features present, added in the same order as a
        # loop would (so the same floats), but column by column in C: the layer's main cost per claim
        rows = [row for row in map(self.weights.get, features) if row is not None]
        scores = [sum(column) for column in zip(self.intercept, *rows, strict=True)]
        if len(self.classes) == 2 and len(scores) == 1:  # binary: one logit for classes[1]
            p = 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, scores[0]))))
            return [1.0 - p, p]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def decide(
        self, features: Sequence[str], rule_value: str, allowed: frozenset[str] | None = None
    ) -> tuple[str, float, float]:
        """(value, raw probability of it, calibrated confidence)."""
        probs = self.probabilities(features)
        return choose(self.classes, probs, rule_value, self.threshold, allowed, self.calibration)


def choose(
    classes: Sequence[str],
    probs: Sequence[float],
    rule_value: str,
    threshold: float,
    allowed: frozenset[str] | None,
    calibration: Calibration,
) -> tuple[str, float, float]:
    """The decision rule shared by training (cross-validation) and extraction."""
    pairs = [(p, c) for c, p in zip(classes, probs, strict=True) if allowed is None or c in allowed]
    if not pairs:
        pairs = list(zip(probs, classes, strict=True))
    total = sum(p for p, _ in pairs) or 1.0
    best_p, best = max(pairs)
    best_p /= total
    chosen, chosen_p = best, best_p
    if best != rule_value and best_p < threshold:
        rule_p = next((p / total for p, c in pairs if c == rule_value), 0.0)
        chosen, chosen_p = rule_value, rule_p
    return chosen, chosen_p, calibration(chosen_p)


def allowed_source_types(features: Sequence[str], classes: Sequence[str]) -> frozenset[str] | None:
    """A source named AUTHOR is of type author and only it; a named source never is."""
    if "src_author=True" in features:
        return frozenset({"author"})
    return frozenset(c for c in classes if c != "author")


def allowed_values(field: str, features: Sequence[str], classes: Sequence[str]) -> frozenset[str] | None:
    """Hard constraints the model decides within, the same in training and extraction: the source type's
    (above), and an explicit daily cue ("in the last 24 hours", "overnight", "over the past day"), which is
    exact (guide TS-2) and so stays a rule: the model weighs judgments, not what the text states outright."""
    if field == "source_type":
        return allowed_source_types(features, classes)
    if field == "time_scope" and "rule_ts=daily" in features and "no_scope_cue" not in features:
        return frozenset({"daily"})
    return None


@dataclass(slots=True)
class DecisionModel:
    fields: dict[str, FieldModel]
    meta: dict[str, Any]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DecisionModel:
        fields = {}
        for name, f in data["fields"].items():
            fields[name] = FieldModel(
                classes=list(f["classes"]),
                intercept=list(f["intercept"]),
                weights=f["weights"],
                calibration=Calibration(list(f["calibration"]["x"]), list(f["calibration"]["y"])),
                threshold=float(f.get("threshold", 0.0)),
                base={k: float(v) for k, v in f.get("base", {}).items()},
            )
        return cls(fields, data.get("meta", {}))


def load_model(path: str | Path | None = None) -> DecisionModel:
    target = Path(path) if path is not None else MODEL_PATH
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
        return DecisionModel.from_dict(data)
    except FileNotFoundError as exc:
        raise ModelFileError(f"{target}: no decision model (rebuild it with `claimledger train`)") from exc
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise ModelFileError(f"{target}: not a decision model file ({exc})") from exc


@cache
def default_model() -> DecisionModel | None:
    """The model named by ``CLAIMLEDGER_MODEL`` (read once per process), else the shipped one, or None when
    the package carries none (the rules' values then stand)."""
    chosen = os.environ.get(MODEL_ENV)
    if chosen:
        return load_model(chosen)
    if not MODEL_PATH.exists():
        return None
    return load_model(MODEL_PATH)
