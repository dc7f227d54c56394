"""Train the decision model from training rows, measure it by article-grouped cross-validation, export it.

Per field a logistic regression (scikit-learn) over the binary features; out-of-fold probabilities (folds
grouped by document, so no article is on both sides) give the honest accuracy beside the rules' own, and
an isotonic regression fitted on them maps the chosen value's probability to a calibrated confidence. The
confidence bands are measured with that calibration itself fitted out of fold.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from claimledger.decide.dataset import FIELDS, Row
from claimledger.decide.model import Calibration, allowed_values, choose

BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01))
C_VALUE = 0.5
# The last one, above any probability, keeps the rule's value always: where the model is no better.
THRESHOLDS = (0.0, 0.4, 0.5, 0.6, 0.7, RULE_ONLY := 1.01)
MIN_COUNT = 2
# The rules' own answers enter the model at this value instead of 1: the L2 penalty then costs them less, so
# the model departs from a rule only on evidence (and a short or unusual text does not overturn it lightly).
# The exported weights of these features are multiplied by it, so extraction still reads binary features.
RULE_WEIGHT = 4.0
RULE_PREFIXES = ("rule_",)


def _scale(feature: str) -> float:
    return RULE_WEIGHT if feature.startswith(RULE_PREFIXES) else 1.0


def _vocabulary(rows: Sequence[Row], field: str) -> list[str]:
    counts = Counter(f for r in rows for f in set(r.features_for(field)))
    return sorted(f for f, n in counts.items() if n >= MIN_COUNT)


def _matrix(rows: Sequence[Row], index: dict[str, int], field: str) -> Any:
    from scipy.sparse import csr_matrix

    data: list[float] = []
    cols: list[int] = []
    ptr = [0]
    for r in rows:
        seen = sorted({(index[f], _scale(f)) for f in r.features_for(field) if f in index})
        cols.extend(i for i, _ in seen)
        data.extend(v for _, v in seen)
        ptr.append(len(cols))
    return csr_matrix((data, cols, ptr), shape=(len(rows), len(index)))


class _OneClass:
    """What a field whose training gold holds a single value learns: that value, always."""

    def __init__(self, value: str, width: int) -> None:
        import numpy as np

        self.classes_ = np.array([value])
        self.coef_ = np.zeros((1, width))
        self.intercept_ = np.zeros(1)

    def predict_proba(self, x: Any) -> Any:
        import numpy as np

        return np.ones((x.shape[0], 1))


def _fit(rows: Sequence[Row], field: str) -> tuple[Any, dict[str, int]]:
    from sklearn.linear_model import LogisticRegression

    vocab = _vocabulary(rows, field)
    index = {f: i for i, f in enumerate(vocab)}
    y = [r.gold[field] for r in rows]
    if len(set(y)) < 2:
        return _OneClass(y[0], len(index)), index
    model = LogisticRegression(C=C_VALUE, max_iter=3000)
    model.fit(_matrix(rows, index, field), y)
    return model, index


def _allowed(field: str, features: Sequence[str], classes: Sequence[str]) -> frozenset[str] | None:
    return allowed_values(field, features, classes)


def _folds(rows: Sequence[Row], k: int) -> list[tuple[list[int], list[int]]]:
    from sklearn.model_selection import GroupKFold

    groups = [r.doc_id for r in rows]
    splitter = GroupKFold(n_splits=min(k, len(set(groups))))
    return [(list(a), list(b)) for a, b in splitter.split(list(range(len(rows))), groups=groups)]


def out_of_fold(rows: Sequence[Row], field: str, k: int = 5) -> list[tuple[list[str], list[float]]]:
    """Each row's class probabilities from a model that never saw its article."""
    result: list[tuple[list[str], list[float]]] = [([], [])] * len(rows)
    for train, test in _folds(rows, k):
        model, index = _fit([rows[i] for i in train], field)
        probs = model.predict_proba(_matrix([rows[i] for i in test], index, field))
        classes = [str(c) for c in model.classes_]
        for i, p in zip(test, probs, strict=True):
            result[i] = (classes, [float(x) for x in p])
    return result


def _isotonic(x: Sequence[float], y: Sequence[float]) -> Calibration:
    from sklearn.isotonic import IsotonicRegression

    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(x, y)
    return Calibration(
        [round(float(v), 6) for v in iso.X_thresholds_], [round(float(v), 6) for v in iso.y_thresholds_]
    )


def _decisions(
    rows: Sequence[Row], field: str, oof: Sequence[tuple[list[str], list[float]]], threshold: float
) -> list[tuple[str, float]]:
    identity = Calibration([], [])
    out = []
    for r, (classes, probs) in zip(rows, oof, strict=True):
        value, p, _ = choose(
            classes, probs, r.rule[field], threshold, _allowed(field, r.features, classes), identity
        )
        out.append((value, p))
    return out


def fields_of(rows: Sequence[Row]) -> list[str]:
    """The decided fields these rows carry labels for (older rows files lack the newer ones)."""
    return [f for f in FIELDS if any(f in r.gold for r in rows)]


def cross_validate(rows: Sequence[Row], k: int = 5) -> dict[str, Any]:
    """Per field: rules' accuracy, the model's out-of-fold accuracy, the chosen threshold and calibration;
    and accuracy by confidence band over all fields (calibration fitted out of fold too). A field is
    measured on the rows that carry it ("source": the claims with a carry-over candidate); for the source,
    the accuracy over every claim follows too (the rules' source beside what the carry-over decision
    leaves)."""
    report: dict[str, Any] = {"rows": len(rows), "documents": len({r.doc_id for r in rows}), "fields": {}}
    banded: list[tuple[float, bool]] = []
    for field in fields_of(rows):
        subset = [r for r in rows if field in r.gold]
        if len({r.doc_id for r in subset}) < 2:
            continue
        folds = _folds(subset, k)
        oof = out_of_fold(subset, field, k)
        gold = [r.gold[field] for r in subset]
        rules = sum(r.rule[field] == g for r, g in zip(subset, gold, strict=True)) / len(subset)
        by_threshold = {}
        for t in THRESHOLDS:
            chosen = _decisions(subset, field, oof, t)
            by_threshold[t] = sum(v == g for (v, _), g in zip(chosen, gold, strict=True)) / len(subset)
        threshold = max(THRESHOLDS, key=lambda t: (round(by_threshold[t], 4), -t))
        chosen = _decisions(subset, field, oof, threshold)
        correct = [float(v == g) for (v, _), g in zip(chosen, gold, strict=True)]
        raw = [p for _, p in chosen]
        confidence = [0.0] * len(subset)
        for train, test in folds:  # calibration measured out of fold as well
            cal = _isotonic([raw[i] for i in train], [correct[i] for i in train])
            for i in test:
                confidence[i] = cal(raw[i])
        banded.extend(zip(confidence, (c == 1.0 for c in correct), strict=True))
        report["fields"][field] = {
            "rules": rules,
            "model": by_threshold[threshold],
            "n": len(subset),
            "threshold": threshold,
            "by_threshold": by_threshold,
            "calibration": _isotonic(raw, correct),
            "high_confidence": _band_summary(list(zip(confidence, (c == 1.0 for c in correct), strict=True))),
        }
        if field == "source":
            report["fields"][field].update(_source_overall(rows, subset, [v for v, _ in chosen]))
    report["bands"] = _band_summary(banded)
    return report


def _source_overall(rows: Sequence[Row], subset: Sequence[Row], chosen: Sequence[str]) -> dict[str, Any]:
    """The source's accuracy over every claim, by the rules alone and after the carry-over decision; and the
    rules' accuracy on named sources and on AUTHOR without a candidate (the base confidence of each)."""
    if not all("source_rule_ok" in r.info for r in rows):
        return {}
    decided = {id(r): v for r, v in zip(subset, chosen, strict=True)}
    before = after = 0
    named = [0, 0]
    author = [0, 0]
    for r in rows:
        ok = bool(r.info["source_rule_ok"])
        before += ok
        if id(r) in decided:
            after += (r.gold["source"] == "True") if decided[id(r)] == "True" else ok
        else:
            after += ok
            group = named if r.info.get("source_named") else author
            group[0] += ok
            group[1] += 1
    return {
        "all_rules": before / len(rows),
        "all_model": after / len(rows),
        "base": {
            "named": named[0] / named[1] if named[1] else 1.0,
            "author": author[0] / author[1] if author[1] else 1.0,
        },
    }


def _band_summary(pairs: Sequence[tuple[float, bool]]) -> list[dict[str, Any]]:
    out = []
    for low, high in BANDS:
        inside = [ok for c, ok in pairs if low <= c < high]
        out.append(
            {
                "band": f"{low:.1f}-{min(high, 1.0):.1f}",
                "share": len(inside) / len(pairs) if pairs else 0.0,
                "n": len(inside),
                "accuracy": sum(inside) / len(inside) if inside else None,
            }
        )
    return out


def train(
    rows: Sequence[Row], k: int = 5, sources: Sequence[str] = ()
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(model file data, cross-validation report)."""
    report = cross_validate(rows, k)
    fields: dict[str, Any] = {}
    for field, info in report["fields"].items():
        model, index = _fit([r for r in rows if field in r.gold], field)
        vocab = sorted(index, key=index.__getitem__)
        coef = model.coef_
        weights = {}
        for j, feature in enumerate(vocab):
            row = [round(float(coef[k][j]) * _scale(feature), 4) for k in range(coef.shape[0])]
            if any(abs(w) >= 1e-4 for w in row):
                weights[feature] = row
        cal: Calibration = info.pop("calibration")
        fields[field] = {
            "classes": [str(c) for c in model.classes_],
            "intercept": [round(float(v), 4) for v in model.intercept_],
            "weights": weights,
            "threshold": info["threshold"],
            "calibration": {"x": cal.x, "y": cal.y},
        }
        if "base" in info:
            fields[field]["base"] = {name: round(v, 4) for name, v in info["base"].items()}
    meta = {
        "made": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "rows": len(rows),
        "documents": len({r.doc_id for r in rows}),
        "gold": list(sources),
        "C": C_VALUE,
        "folds": k,
        "cv": {
            f: {"rules": round(info["rules"], 4), "model": round(info["model"], 4), "n": info["n"]}
            for f, info in report["fields"].items()
        },
    }
    return {"meta": meta, "fields": fields}, report


def write_model(data: dict[str, Any], path: str | Path) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(
        json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8"
    )


def render_report(report: dict[str, Any]) -> str:
    lines = [
        f"rows {report['rows']}   documents {report['documents']}   (article-grouped cross-validation)",
        "",
        f"{'field':<14}{'rules':>8}{'model':>8}{'threshold':>11}{'n':>7}",
    ]
    for field, info in report["fields"].items():
        threshold = "rule" if info["threshold"] >= RULE_ONLY else f"{info['threshold']:.2f}"
        lines.append(f"{field:<14}{info['rules']:>8.3f}{info['model']:>8.3f}{threshold:>11}{info['n']:>7}")
        if "all_rules" in info:
            lines.append(f"{'  every claim':<14}{info['all_rules']:>8.3f}{info['all_model']:>8.3f}"
                         f"{'':>11}{report['rows']:>7}   (source: the carry-over decision over all claims)")
    lines += ["", f"{'confidence':<12}{'share':>8}{'accuracy':>10}{'n':>7}"]
    for band in report["bands"]:
        acc = "-" if band["accuracy"] is None else f"{band['accuracy']:.3f}"
        lines.append(f"{band['band']:<12}{band['share']:>8.3f}{acc:>10}{band['n']:>7}")
    return "\n".join(lines)
