"""Relabel existing gold to the guide's section 18 where the change is mechanical:

- P-4 "closer to", "nearer", "in the region of" are about (R-6), read in the claim's text or in the words
  right before it in the sentence;
- P-8 "personnel losses" are counted in "personnel" (the gold wrote "loss", or "troop" for a tally named
  "personnel losses"); aircraft counted by a model name ("12 Boeing 787-9 Dreamliners", "18 A350-1000s",
  "40 Airbus A321neo jets") are "aircraft" where the gold wrote "jet";
- P-1 money paid to or for each recipient is "<CUR> per <recipient>" where the gold wrote the plain currency,
  only in the clear shapes "for/to the family (families) of each ...", "for/to each <noun>", and a written
  conversion of such an amount.

Run from the repository root: ``python scripts/relabel_section18.py [--write]`` (a dry run without --write).
The blind sets are never read. Each change is printed (one line per claim) for evaluation/CHANGELOG-guide.md.
"""

from __future__ import annotations

import json
import re
import sys

from goldfiles import EVALUATION, open_gold_files, save_claims

ABOUT_WORDS = re.compile(r"(?i)(?:^|\b)(?:closer\s+to|nearer(?:\s+to)?|in\s+the\s+region\s+of)\s*$")
ABOUT_TEXT = re.compile(r"(?i)(?:closer\s+to|nearer(?:\s+to)?|in\s+the\s+region\s+of)\s")
PERSONNEL = re.compile(r"(?i)\bpersonnel\s+loss(?:es)?\b")
MODEL_AFTER = re.compile(
    r"^\s+(?:more\s+)?(?:(?:Airbus|Boeing|Embraer|Bombardier|ATR|Comac)\s+\S*\d|[A-Z]{0,2}\d{3}[\w-]*s?\b)")
CURRENCY = re.compile(r"[A-Z]{3}")
# the amount, a bounded aside (", about $4,800," or " (about $370)"), then the recipient
RECIPIENT_AFTER = re.compile(
    r"^(?:,\s*(?:roughly|about|around|some|or)?\s*\S{1,20},|\s*\([^()]{1,40}\))?,?\s+(?:for|to)\s+(?:(?:the\s+)?famil(?:y|ies)\s+of\s+each\b|"
    r"each\s+(?:affected\s+|eligible\s+)?([a-z]+?)(?:s)?\b)", re.IGNORECASE)


def named_personnel_losses(before: str) -> bool:
    """The words before a figure name "personnel losses" with no figure between: the figure is their tally."""
    matches = list(PERSONNEL.finditer(before))
    return bool(matches) and not re.search(r"\d", before[matches[-1].end():])


def relabel(claim: dict, per_of: dict[str, str]) -> tuple[str, dict]:
    """(what changed, the claim as it should be); ("", claim) when nothing."""
    sentence, text = claim["sentence"], claim["text"]
    at = sentence.find(text)
    before = sentence[max(0, at - 40):at] if at >= 0 else ""
    after = sentence[at + len(text):at + len(text) + 120] if at >= 0 else ""
    unit = claim.get("unit") or ""
    base, per, rest = unit.partition(" per ")
    if (ABOUT_TEXT.match(text) or ABOUT_WORDS.search(before)) and claim.get("bound") != "about":
        return f"P-4 bound {claim.get('bound')} → about", dict(claim, bound="about")
    if base in ("loss", "losses") and PERSONNEL.search(sentence) or \
            base in ("troop", "troops") and named_personnel_losses(sentence[:at][-120:] if at >= 0 else ""):
        new_unit = "personnel" + per + rest
        return f"P-8 unit {unit} → {new_unit}", dict(claim, unit=new_unit)
    if unit == "jet" and MODEL_AFTER.match(after):
        return "P-8 unit jet → aircraft", dict(claim, unit="aircraft")
    if CURRENCY.fullmatch(unit):
        recipient = None
        match = RECIPIENT_AFTER.match(after)
        if match:
            recipient = match.group(1) or "family"
        elif claim.get("conversion_of") in per_of:
            recipient = per_of[claim["conversion_of"]]
        if recipient:
            new_unit = f"{unit} per {recipient.lower()}"
            return f"P-1 unit {unit} → {new_unit}", dict(claim, unit=new_unit)
    return "", claim


def main(write: bool) -> None:
    counts: dict[str, int] = {}
    for path in open_gold_files():
        raw = path.read_text(encoding="utf-8")
        data = json.loads(raw)
        claims, changed, per_of = [], False, {}
        for claim in data["claims"]:
            what, new = relabel(claim, per_of)
            if " per " in (new.get("unit") or "") and what.startswith("P-1"):
                per_of[claim["text"]] = new["unit"].partition(" per ")[2]
            if what:
                changed = True
                counts[what[:3]] = counts.get(what[:3], 0) + 1
                print(f"{path.relative_to(EVALUATION)}: {claim['text']!r}: {what}")
            claims.append(new)
        if changed:
            save_claims(path, raw, data, claims, write)
    print(f"changed claims per rule: {counts}", file=sys.stderr)


if __name__ == "__main__":
    main("--write" in sys.argv[1:])
