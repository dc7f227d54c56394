"""Compare temporal-expression libraries on claimledger's window gold (issue 10, part 1).

    python evaluation/temporal/compare.py [--show-misses]

`windows.jsonl` holds sentences of our own with their publication date, one temporal expression each, and the
window a reader resolves it to (`start`, `end`, inclusive ISO dates; null where the text gives no day, as in
"in the spring" or "by the end of 2025"'s start). For each candidate the script reports:

- found: a candidate expression overlaps the gold expression's characters;
- resolved: of the gold windows with a known start or end, the share whose candidate window has both ends
  within one day of the gold ends (an open end must be open, or, for "since X", end at the publication date).

A candidate's window for an expression is composed from every expression it finds inside the gold one: the
earliest start and the latest end ("between September and November" found as "September" and "November" gives
September 1 to November 30). Libraries that return a point rather than a window (dateparser, timexy) give a
one-day window. Candidates that are not installed are listed as such, never silently dropped.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Found:
    start: int  # character offsets in the sentence
    end: int
    window_start: date | None
    window_end: date | None


Finder = Callable[[str, date], list[Found]]


def _day(value: str | None) -> date | None:
    """The day of an ISO date or datetime; None for none, or for a value that is no date ("PRESENT_REF")."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# ------------------------------------------------------------------------------------------ candidates


def recognizers_finder() -> Finder:
    from recognizers_date_time import Culture, DateTimeRecognizer

    model = DateTimeRecognizer(Culture.English).get_datetime_model()

    def find(sentence: str, published: date) -> list[Found]:
        found = []
        for result in model.parse(sentence, datetime.combine(published, datetime.min.time())):
            values = (result.resolution or {}).get("values") or []
            value = _past_reading(values, published)
            if value is None:
                continue
            start, end = _recognizers_window(value, published)
            found.append(Found(result.start, result.end + 1, start, end))
        return found

    return find


def _past_reading(values: list[dict], published: date) -> dict | None:
    """Of an ambiguous month's two readings (this year's and next), news means the one not in the future."""
    if not values:
        return None
    past = [v for v in values if (_day(v.get("start") or v.get("value")) or date.min) <= published]
    return past[-1] if past else values[0]


def _recognizers_window(value: dict, published: date) -> tuple[date | None, date | None]:
    kind = value.get("type", "")
    if kind in ("date", "datetime"):
        day = _day(value.get("value"))
        return day, day
    if kind in ("daterange", "datetimerange"):
        start, end = _day(value.get("start")), _day(value.get("end"))
        if value.get("Mod") == "since" and end is None:
            return start, published
        if end is not None and kind == "daterange":
            end -= timedelta(days=1)  # Recognizers' date ranges end on the first day after
        return start, end
    return None, None


def dateparser_finder() -> Finder:
    from dateparser.search import search_dates

    def find(sentence: str, published: date) -> list[Found]:
        base = datetime.combine(published, datetime.min.time())
        hits = search_dates(sentence, languages=["en"],
                            settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
        found, cursor = [], 0
        for text, when in hits:
            at = sentence.find(text, cursor)
            if at < 0:
                continue
            cursor = at + len(text)
            found.append(Found(at, at + len(text), when.date(), when.date()))
        return found

    return find


def timexy_finder() -> Finder:
    import spacy
    from timexy import Timexy  # noqa: F401  (registers the component)

    nlp = spacy.blank("en")
    nlp.add_pipe("timexy", config={"kb_id_type": "timex3", "label": "timexy", "overwrite": False})

    def find(sentence: str, published: date) -> list[Found]:
        found = []
        for ent in nlp(sentence).ents:
            value = ent.kb_id_.split('value="')[-1].rstrip('"') if 'type="DATE"' in ent.kb_id_ else None
            day = _day(value) if value and value[:4].isdigit() else None
            found.append(Found(ent.start_char, ent.end_char, day, day))
        return found

    return find


def spacy_entities_finder() -> Finder:
    """spaCy's DATE and TIME entities (detection only: the parse claimledger already makes)."""
    from claimledger.nlp.pipeline import load_base_model

    nlp = load_base_model()

    def find(sentence: str, published: date) -> list[Found]:
        return [Found(e.start_char, e.end_char, None, None) for e in nlp(sentence).ents
                if e.label_ in ("DATE", "TIME")]

    return find


def claimledger_finder() -> Finder:
    """Today's hand-written cue patterns (nlp/timescope/ + normalize/dates.py): the baseline."""
    from claimledger.nlp.timescope import default_rules, find_cues
    from claimledger.normalize.dates import resolve_period

    rules = default_rules()

    def find(sentence: str, published: date) -> list[Found]:
        found = []
        for cue in find_cues(sentence, 0, rules):
            if cue.scope not in ("daily", "cumulative", "period"):
                continue
            period = resolve_period(cue.scope, cue.text, cue.groups, published, sentence)
            start = _day(period.start) if period else None
            end = _day(period.end) if period else None
            found.append(Found(cue.start, cue.end, start, end))
        return found

    return find


def windows_finder() -> Finder:
    """The chosen library with claimledger's reading of news prose on top (normalize/windows.py)."""
    from claimledger.normalize.windows import find_windows

    def find(sentence: str, published: date) -> list[Found]:
        return [Found(w.start, w.end, w.first_day, w.last_day) for w in find_windows(sentence, published)]

    return find


CANDIDATES: dict[str, Callable[[], Finder]] = {
    "claimledger windows (chosen)": windows_finder,
    "recognizers-text-date-time": recognizers_finder,
    "dateparser (search_dates)": dateparser_finder,
    "timexy": timexy_finder,
    "spaCy DATE/TIME entities": spacy_entities_finder,
    "claimledger cues (baseline)": claimledger_finder,
}


# --------------------------------------------------------------------------------------------- scoring


def _close(a: date | None, b: date | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs((a - b).days) <= 1


def score(find: Finder, cases: list[dict]) -> tuple[int, int, int, list[str]]:
    found_count = resolved = resolvable = 0
    misses = []
    for case in cases:
        published = date.fromisoformat(case["published"])
        sentence, expression = case["sentence"], case["expression"]
        start = sentence.find(expression)
        end = start + len(expression)
        inside = [f for f in find(sentence, published) if f.start < end and f.end > start]
        if inside:
            found_count += 1
        gold = (_day(case["start"]), _day(case["end"]))
        if gold == (None, None):
            if not inside:
                misses.append(f"not found: {expression!r}")
            continue
        resolvable += 1
        starts = [f.window_start for f in inside if f.window_start]
        ends = [f.window_end for f in inside if f.window_end]
        window = (min(starts) if starts else None, max(ends) if ends else None)
        if inside and _close(window[0], gold[0]) and _close(window[1], gold[1]):
            resolved += 1
        else:
            misses.append(f"{expression!r} ({case['published']}): gold {gold[0]}..{gold[1]}, "
                          f"got {window[0]}..{window[1]}" if inside else f"not found: {expression!r}")
    return found_count, resolved, resolvable, misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args(argv)
    cases = [json.loads(line) for line in (HERE / "windows.jsonl").read_text().splitlines() if line.strip()]
    resolvable = sum(1 for c in cases if c["start"] or c["end"])
    print(f"{len(cases)} expressions, {resolvable} with a resolvable window")
    print(f"{'candidate':32} {'found':>8} {'resolved':>9} {'ms/sentence':>12}")
    for name, make in CANDIDATES.items():
        try:
            find = make()
        except ImportError as error:
            print(f"{name:32} not installed ({error.name})")
            continue
        find(cases[0]["sentence"], date.fromisoformat(cases[0]["published"]))  # load outside the clock
        began = time.perf_counter()
        found_count, resolved, resolvable, misses = score(find, cases)
        per_sentence = 1000 * (time.perf_counter() - began) / len(cases)
        print(f"{name:32} {found_count / len(cases):8.3f} {resolved / resolvable:9.3f} {per_sentence:12.1f}")
        if args.show_misses:
            for miss in misses:
                print("    " + miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
