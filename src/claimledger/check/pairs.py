"""Score the checks on labelled figure pairs (``evaluation/figure-pairs``): grouping and "inconsistent".

Each line of a pairs file is ``{"id", "a", "b", "same", "consistent", "reason"}`` with two claim records
(fields shared by both may be given once under ``"both"``). A pair whose ``b`` has ``conversion_of: "a"``
is a stated conversion: it has no ``same`` label and is scored by the fx_conversion check. The others run
through ``check_claims`` as two documents of a ledger would: the pair is grouped when the cross-source check
compares them, and called inconsistent when that check (or the conversion check) says so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimledger.errors import EvalError
from claimledger.models import Claim


@dataclass
class PairResult:
    id: str
    same: bool | None
    consistent: bool | None
    predicted_same: bool | None
    predicted_inconsistent: bool
    reason: str


@dataclass
class PairScores:
    results: list[PairResult] = field(default_factory=list)

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> tuple[float, float]:
        return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)

    def grouping(self) -> tuple[float, float]:
        rows = [r for r in self.results if r.same is not None]
        tp = sum(1 for r in rows if r.same and r.predicted_same)
        fp = sum(1 for r in rows if not r.same and r.predicted_same)
        fn = sum(1 for r in rows if r.same and not r.predicted_same)
        return self._prf(tp, fp, fn)

    def inconsistent(self) -> tuple[float, float]:
        gold = [r.consistent is False for r in self.results]
        pred = [r.predicted_inconsistent for r in self.results]
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if p and not g)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g and not p)
        return self._prf(tp, fp, fn)

    def errors(self) -> list[str]:
        out = []
        for r in self.results:
            if r.same is not None and r.same != r.predicted_same:
                out.append(f"{r.id}: grouped={r.predicted_same} but same={r.same} ({r.reason})")
            elif r.predicted_inconsistent != (r.consistent is False):
                out.append(f"{r.id}: inconsistent={r.predicted_inconsistent} but consistent={r.consistent} "
                           f"({r.reason})")
        return out

    def summary(self) -> str:
        gp, gr = self.grouping()
        ip, ir = self.inconsistent()
        n_same = sum(1 for r in self.results if r.same is not None)
        n_inc = sum(1 for r in self.results if r.consistent is False)
        return (f"{len(self.results)} pairs ({n_same} labelled same-or-not, {n_inc} inconsistent)\n"
                f"grouping:     precision {gp:.3f}  recall {gr:.3f}\n"
                f"inconsistent: precision {ip:.3f}  recall {ir:.3f}")


def _claim(pair: dict[str, Any], side: str) -> Claim:
    record = {**pair.get("both", {}), **pair[side]}
    record.setdefault("id", f"{pair['id']}-{side}")
    record.setdefault("doc_id", f"{pair['id']}-{side}")
    record.setdefault("span", [0, len(record.get("text", ""))])
    record.setdefault("sentence", record.get("text", ""))
    if record.get("conversion_of") in ("a", "b"):
        record["conversion_of"] = f"{pair['id']}-{record['conversion_of']}"
    return Claim.from_dict(record)


def read_pairs(path: Path) -> list[dict[str, Any]]:
    pairs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            pair = json.loads(line)
            _claim(pair, "a"), _claim(pair, "b")
        except (ValueError, KeyError, TypeError) as exc:
            raise EvalError(f"{path}:{n}: not a labelled pair ({exc})") from exc
        pairs.append(pair)
    return pairs


def score_pair(pair: dict[str, Any]) -> PairResult:
    from claimledger.check import check_alone, check_claims

    a, b = _claim(pair, "a"), _claim(pair, "b")
    if b.conversion_of == a.id:
        check_alone(b, a)
        fx = [k for k in b.checks if k.kind == "fx_conversion"]
        return PairResult(pair["id"], None, pair.get("consistent"), None,
                          any(k.result == "inconsistent" for k in fx), pair.get("reason", ""))
    check_claims([a, b])
    cross = [k for k in a.checks if k.kind == "cross_source"]
    return PairResult(pair["id"], pair.get("same"), pair.get("consistent"), bool(cross),
                      any(k.result == "inconsistent" for k in cross), pair.get("reason", ""))


def score_pairs(path: Path | str) -> PairScores:
    return PairScores([score_pair(p) for p in read_pairs(Path(path))])


__all__ = ["PairResult", "PairScores", "read_pairs", "score_pair", "score_pairs"]
