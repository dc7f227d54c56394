"""Score the quantity layer (`claimledger.api.find_quantities`) on other projects' test cases.

    python evaluation/external/score_quantities.py [--datasets DIR] [--json]

DIR (default: ../shared/datasets beside the repository) holds quantulum3-tests/ and
recognizers-text-specs-en/ (MIT; see their READMEs). Their data is read in place, never copied here.
For each file it prints detection recall (a gold quantity is found when a mention overlaps it), value
accuracy over found quantities (value, and the high end of ranges, within 1e-6 relative), and unit
accuracy where the dataset's unit maps to ours (currencies, percent; see units.toml beside this script).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimledger.api import find_quantities
from claimledger.normalize.numbers import share_percent

HERE = Path(__file__).resolve().parent
DEFAULT_DATASETS = HERE / "cases"  # copies of the two suites, with their provenance (cases/README.md)
UNITS = tomllib.loads((HERE / "units.toml").read_text(encoding="utf-8"))
# Cases our guide says are not claims (dates, phone numbers, ids), left out with their reason
EXCLUDED = {suite: {case["input"] for case in cases}
            for suite, cases in tomllib.loads((HERE / "excluded.toml").read_text(encoding="utf-8")).items()}
PENCE = {"Pence", "Penny"}
CENTS = {"Cent", "Cents", "cent", "cents"}  # "34 cents" is 0.34 of the dollar to us, like pence (guide 14)
RECOGNIZERS_FILES = ("Number/NumberModel.json", "Number/NumberRangeModel.json",
                     "Number/PercentModel.json", "NumberWithUnit/CurrencyModel.json",
                     "NumberWithUnit/DimensionModel.json")


@dataclass(frozen=True)
class Expected:
    """One gold quantity: where it is, its value (low end of a range), high end, and our unit or None."""

    sentence: str
    span: tuple[int, int]
    surface: str
    value: float | None
    high: float | None
    unit: str | None


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    value_n: int = 0
    value_ok: int = 0
    unit_n: int = 0
    unit_ok: int = 0
    excluded: int = 0
    misses: list[str] = field(default_factory=list)

    def row(self) -> dict[str, float | int | None]:
        return {"gold": self.gold, "excluded": self.excluded, "recall": _share(self.found, self.gold),
                "value_accuracy": _share(self.value_ok, self.value_n), "value_n": self.value_n,
                "unit_accuracy": _share(self.unit_ok, self.unit_n), "unit_n": self.unit_n}


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


# ----------------------------------------------------------------------------------- the datasets


def quantulum_cases(directory: Path) -> Iterator[Expected]:
    """quantities.json: a range "8- to 16-meter" is stored as midpoint 12 ± 4; we compare ends."""
    for case in json.loads((directory / "quantities.json").read_text(encoding="utf-8")):
        for item in case["res"]:
            at = case["req"].find(item["surface"])
            value, high = float(item["value"]), None
            spread = item.get("uncertainty")
            if spread and not re.search(r"\+/-|±", item["surface"]):
                value, high = value - spread, value + spread
            unit = UNITS["quantulum3"].get(item["unit"])
            if item["unit"] == "penny":  # "a penny" is GBP 0.01 to us (the unit is the currency)
                value, unit = value / 100, "GBP"
            elif item["unit"] in CENTS:  # "34 cents" is USD 0.34 to us
                value = value / 100
            yield Expected(case["req"], (at, at + len(item["surface"])), item["surface"], value, high, unit)


def recognizers_cases(directory: Path, name: str) -> Iterator[Expected]:
    for case in json.loads((directory / name).read_text(encoding="utf-8-sig")):
        for item in case.get("Results", []):
            value, high = _recognizers_value(item)
            yield Expected(case["Input"], (item["Start"], item["End"] + 1), item["Text"], value, high,
                           _recognizers_unit(item))


def _recognizers_value(item: dict) -> tuple[float | None, float | None]:
    raw = str(item["Resolution"].get("value", ""))
    if item["TypeName"] == "numberrange":  # "[20,30)", "(20,)" for "more than 20"
        low, _, high = raw.strip("[]()").partition(",")
        low_v, high_v = _number(low), _number(high)
        if low_v is not None and low_v == high_v:
            return low_v, None  # "[20,20]" for "equal to 20": the one number, not a range
        return (low_v, high_v) if low_v is not None else (high_v, None)
    value = _number(raw.rstrip("%"))
    if value is not None and item["Resolution"].get("unit") in PENCE | CENTS:
        value /= 100  # "470 pence" is GBP 4.70, "75 cents" 0.75 of a dollar (the unit is the currency)
    return value, None


def _recognizers_unit(item: dict) -> str | None:
    if item["TypeName"] == "percentage":
        return "percent"
    resolution = item["Resolution"]
    if resolution.get("unit") in PENCE:
        return "GBP"
    if item["TypeName"] == "dimension":
        return UNITS["recognizers_dimension"].get(resolution.get("unit", ""))
    return resolution.get("isoCurrency") or UNITS["recognizers"].get(resolution.get("unit", ""))


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", "").strip())
    except ValueError:
        return None


# -------------------------------------------------------------------------------------- scoring


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b))


def score(cases: Iterator[Expected], excluded: frozenset[str] | set[str] = frozenset()) -> Tally:
    tally = Tally()
    cache: dict[str, list[dict]] = {}
    for gold in cases:
        if gold.value is None:
            continue  # "a small percent", "the dollar": a unit named with no figure is not a quantity
        if gold.sentence in excluded:
            tally.excluded += 1  # not a claim by our guide (excluded.toml)
            continue
        tally.gold += 1
        mentions = cache.setdefault(gold.sentence, find_quantities(gold.sentence))
        best = _best_overlap(gold.span, mentions)
        if best is None:
            tally.misses.append(f"{gold.surface!r} in {gold.sentence[:90]!r}")
            continue
        tally.found += 1
        if gold.value is not None:
            tally.value_n += 1
            value, high = gold.value, gold.high
            if best.get("unit") == "percent" and gold.unit != "percent" and abs(value) < 1:
                value = share_percent(value)  # "a third" is 33.3 percent to us (guide 14), 1/3 to the suites
                high = share_percent(high) if high is not None else None
            tally.value_ok += _same(value, best["value"]) and (high is None or _same(high, best.get("high")))
        if gold.unit is not None:
            tally.unit_n += 1
            ours = (best.get("unit") or "").split(" per ")[0]  # "USD per share": the currency is USD
            tally.unit_ok += ours.casefold() == gold.unit.casefold()
    return tally


def _best_overlap(span: tuple[int, int], mentions: list[dict]) -> dict | None:
    best, size = None, 0
    for mention in mentions:
        start, end = mention["span"]
        overlap = min(end, span[1]) - max(start, span[0])
        if overlap > size:
            best, size = mention, overlap
    return best


def run(datasets: Path) -> dict[str, Tally]:
    results: dict[str, Tally] = {}
    quantulum = datasets / "quantulum3"
    if not quantulum.is_dir():
        quantulum = datasets / "quantulum3-tests"  # the layout of ../shared/datasets
    if quantulum.is_dir():
        results["quantulum3/quantities.json"] = score(quantulum_cases(quantulum),
                                                      EXCLUDED.get("quantulum3/quantities.json", set()))
    recognizers = datasets / "recognizers-text"
    if not recognizers.is_dir():
        recognizers = datasets / "recognizers-text-specs-en"
    for name in RECOGNIZERS_FILES if recognizers.is_dir() else ():
        suite = f"recognizers/{name}"
        results[suite] = score(recognizers_cases(recognizers, name), EXCLUDED.get(suite, set()))
    if not results:
        sys.exit(f"{datasets}: neither quantulum3-tests/ nor recognizers-text-specs-en/ is there")
    return results


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--json", action="store_true", help="one JSON object instead of a table")
    parser.add_argument("--misses", type=int, default=0, metavar="N", help="list N misses per file")
    args = parser.parse_args()
    results = run(args.datasets)
    if args.json:
        print(json.dumps({name: tally.row() for name, tally in results.items()}, indent=2))
        return
    print(f"{'file':<44}{'gold':>6}{'left':>6}{'recall':>8}{'value':>8}{'n':>6}{'unit':>8}{'n':>6}")
    for name, tally in results.items():
        r = tally.row()
        print(f"{name:<44}{tally.gold:>6}{tally.excluded:>6}{_fmt(r['recall']):>8}"
              f"{_fmt(r['value_accuracy']):>8}{tally.value_n:>6}{_fmt(r['unit_accuracy']):>8}{tally.unit_n:>6}")
        for miss in tally.misses[: args.misses]:
            print(f"    missed {miss}")
    print("left: gold numbers left out as not claims by our guide (excluded.toml, with reasons)")


if __name__ == "__main__":
    main()
