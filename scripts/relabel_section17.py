"""Relabel existing gold to the guide's fifth round where the change is mechanical (section 17, detection):

- Q-4 a time in two or three units is one claim whose `text` is the whole time and whose value is in the
  smallest unit ("12 minutes 58.31 seconds" → 778.31 second);
- Q-4 the charge level of a timed charge ("charges to 50% in 30 minutes") is not a claim;
- Q-5 "near", "barely" are at_most;
- Q-7 a duration that dates an event ("101 hours after the quake") is not a claim.

Run from the repository root: ``python scripts/relabel_section17.py [--write]``. The blind sets are never
read. Each change is printed (one line per claim) for evaluation/CHANGELOG-guide.md.
"""

from __future__ import annotations

import json
import re
import sys

from goldfiles import EVALUATION, dump_like, open_gold_files

SIZES = {"hour": 3600.0, "hours": 3600.0, "hr": 3600.0, "hrs": 3600.0, "minute": 60.0, "minutes": 60.0,
         "min": 60.0, "mins": 60.0, "second": 1.0, "seconds": 1.0, "sec": 1.0, "secs": 1.0}
NAMES = {3600.0: "hour", 60.0: "minute", 1.0: "second"}
PART = r"(\d+(?:\.\d+)?)\s*(hours?|hrs?|minutes?|mins?|seconds?|secs?)\b"
COMPOUND = re.compile(rf"{PART}(?:,?\s*(?:and\s+)?{PART}){{1,2}}", re.IGNORECASE)
CHARGE_AFTER = re.compile(
    r"(?:\s+to\s+\d+(?:\.\d+)?\s*(?:%|per\s?cent|percent|pc))?\s+in\s+(?:just\s+(?:over|under)\s+|about\s+|"
    r"around\s+|roughly\s+|under\s+|less\s+than\s+|only\s+)?(?:\d+(?:\.\d+)?|an?|half\s+an)\s*"
    r"(?:minutes?|mins?|hours?|hrs?)\b", re.IGNORECASE)
CHARGE_SENTENCE = re.compile(r"\b(?:charg\w*|battery|batteries|brick)\b", re.IGNORECASE)
DATES_AN_EVENT = re.compile(r"\s+(?:hours?|days?|minutes?|weeks?)\s+(?:after|before)\s+the\b", re.IGNORECASE)


def whole_time(claim: dict) -> tuple[str, float, str] | None:
    """The whole written time around a claim's text, its value in the smallest unit and that unit."""
    sentence, text = claim["sentence"], claim["text"]
    at = sentence.find(text)
    if at < 0:
        return None
    for match in COMPOUND.finditer(sentence):
        if match.start() <= at + len(text) and at <= match.end() and text[-1:].isdigit() or \
                match.start() <= at + len(text) and at <= match.end() and text.endswith(match.group(0)):
            parts = re.findall(PART, match.group(0), re.IGNORECASE)
            sizes = [SIZES[u.lower()] for _, u in parts]
            if sizes != sorted(sizes, reverse=True) or len(set(sizes)) != len(sizes):
                return None
            smallest = sizes[-1]
            value = round(sum(float(n) * s for (n, _), s in zip(parts, sizes, strict=True)) / smallest, 6)
            start = min(at, match.start())
            return sentence[start:match.end()], int(value) if value.is_integer() else value, NAMES[smallest]
    return None


def relabel(claim: dict) -> tuple[str, dict | None]:
    """(what changed, the claim as it should be, or None when it is no claim); ("", claim) when nothing."""
    sentence, text = claim["sentence"], claim["text"]
    at = sentence.find(text)
    after = sentence[at + len(text):] if at >= 0 else ""
    if claim.get("unit") == "percent" and CHARGE_AFTER.match(after) and CHARGE_SENTENCE.search(sentence):
        return "Q-4 charge level removed", None
    if claim.get("unit") in ("hour", "day", "minute", "week") and DATES_AN_EVENT.match(after):
        return "Q-7 duration dating an event removed", None
    if claim.get("unit") in ("hour", "minute", "second") or COMPOUND.search(text):
        time = whole_time(claim)
        unit, per, rate = (claim.get("unit") or "").partition(" per ")
        unit = time[2] + per + rate if time is not None else unit  # a rate keeps its second unit
        if time is not None and (time[0] != text or time[1] != claim["value"] or unit != claim["unit"]):
            new = dict(claim, text=time[0], value=time[1], unit=unit)
            return (f"Q-4 one time: text {text!r} → {time[0]!r}, value {claim['value']} {claim['unit']} → "
                    f"{time[1]:g} {unit}"), new
    if re.match(r"(?i)(?:near|barely)\s", text) and claim["bound"] != "at_most":
        return f"Q-5 bound {claim['bound']} → at_most", dict(claim, bound="at_most")
    return "", claim


def main(write: bool) -> None:
    for path in open_gold_files():
        raw = path.read_text(encoding="utf-8")
        data = json.loads(raw)
        claims, changed = [], False
        for claim in data["claims"]:
            what, new = relabel(claim)
            if what:
                changed = True
                print(f"{path.relative_to(EVALUATION)}: {claim['text']!r}: {what}")
            if new is not None:
                claims.append(new)
        if not changed:
            continue
        removed = {c["text"] for c in data["claims"]} - {c["text"] for c in claims}
        if any(c.get("conversion_of") in removed for c in claims):
            sys.exit(f"{path}: a conversion refers to a claim removed; relabel by hand")
        data["claims"] = claims
        if write:
            path.write_text(dump_like(raw, data), encoding="utf-8")


if __name__ == "__main__":
    main("--write" in sys.argv[1:])
