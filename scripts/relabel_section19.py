"""Relabel existing gold to the two decisions of the guide's section 18 that the last relabel left pending.

- P-2 a rate carries across sentences where the later sentence restates the same price or the same list:
  "Standard costs $15.49 a month. Premium will cost $24.99, up from $22.99." → all three "USD per month".
  Candidates: a gold claim whose unit is plain (a currency, or a counted noun) while a gold claim of the
  sentence right before it, in the same paragraph, has that unit per something ("USD per month"). Not
  every candidate restates the same price ("a one-off fee of $40" does not), so each was read and only those
  listed in ``P2_ACCEPTED`` are changed.
- P-3 sizes of the thing a price is for are claims ("a 250g block of cheddar fell from £2.49", "a 25kg sack
  sells for $94"). Candidates: a figure with a unit of measure right before a noun ("250g block", "25kg
  sack", "2-litre bottle") in a gold sentence that has a money claim, where the gold has no claim at that
  figure. Each was read; those listed in ``P3_ACCEPTED`` get a claim (unit the measure, category other, time
  scope point, source and source type the price's), inserted in text order.

Run from the repository root: ``python scripts/relabel_section19.py [--write]`` (a dry run without --write
prints every candidate, marked ACCEPT or left). The blind sets are never read (scripts/goldfiles.py).
"""

from __future__ import annotations

import json
import re
import sys

from goldfiles import EVALUATION, documents, open_gold_files, save_claims

# (set/gold dir/file, claim text) read and found to restate the same price, list or measure as the rate of the
# sentence before (the reasons are in evaluation/CHANGELOG-guide.md)
P2_ACCEPTED: set[tuple[str, str]] = {
    ("dev/gold/dev-57.json", "about $1,400"),  # "$4,850 per 40-foot container ... the same box cost"
    ("dev/gold/dev-60.json", "about €11 billion"),  # "save €17.7 billion a year ... contested that figure"
    ("growth-4/gold/g4-015.json", "£562"),  # "worth £116 a year. Someone on £60,000 gains £562"
    ("growth-5/gold/g5-020.json", "around 300"),  # "100 trucks a day ... around 300 ... crossed daily"
    ("news-2/gold/n2-11.json", "closer to Rs 1.1 lakh"),  # "save about Rs 31,200 annually ..."
    ("news-2/gold-m/n2-11.json", "closer to Rs 1.1 lakh"),
    ("news-3/gold/n3-08.json", "R370"),  # the list of social grants "a month"
    ("news-3/gold-s/n3-08.json", "R370"),
    ("news-4/gold/n4-15.json", "about 0.8 million"),  # "5 million tonnes ... a year ... a sixth of the goal"
}

# (set/gold dir/file, sentence start, size as matched) read and found to be the size of what a price is for
P3_ACCEPTED: set[tuple[str, str, str]] = {
    ("growth-1/gold/g1-017.json", "The price of a 5-kilogram bag of rice in", "5-kilogram bag"),
    ("growth-2/gold/g2-019.json", "Excise duty on a 340ml can of beer will r", "340ml can"),
    ("growth-2/gold/g2-020.json", "Arabica coffee futures have traded above ", "500g packet"),
    ("growth-3/gold/g3-021.json", "A 90kg bag of maize in the town market co", "90kg bag"),
    ("growth-3/gold/g3-027.json", "In Djibo, one of the largest, a 50kg sack", "50kg sack"),
    ("growth-5/gold/g5-020.json", "A 25kg sack now costs the equivalent of $", "25kg sack"),
    ("heldout-10/gold/h10-11.json", "In Maiduguri's Monday Market, a 50kg bag ", "50kg bag"),
    ("heldout-10/gold-y/h10-11.json", "In Maiduguri's Monday Market, a 50kg bag ", "50kg bag"),
    ("heldout-7/gold/h7-08.json", "A 250g block of own-brand butter went fro", "250g block"),
    ("heldout-7/gold-h/h7-08.json", "A 250g block of own-brand butter went fro", "250g block"),
    ("news-2/gold-m/n2-09.json", "The cheapest unit, a 312 sq ft studio, wa", "312 sq ft studio"),
}

MEASURES = {
    "g": "gram", "gram": "gram", "grams": "gram", "kg": "kilogram", "kilo": "kilogram",
    "kilogram": "kilogram", "kilograms": "kilogram", "mg": "milligram", "ml": "millilitre",
    "millilitre": "millilitre",
    "cl": "centilitre", "l": "litre", "litre": "litre", "litres": "litre", "liter": "litre", "oz": "ounce",
    "ounce": "ounce", "lb": "pound", "lbs": "pound", "pound": "pound", "pint": "pint", "gallon": "gallon",
    "inch": "inch", "in": "inch", "cm": "centimetre", "mm": "millimetre", "m": "metre", "metre": "metre",
    "sq ft": "square foot", "square-foot": "square foot", "sqm": "square metre", "tonne": "tonne",
    "ton": "ton", "kWh": "kilowatt-hour", "GB": "gigabyte", "TB": "terabyte", "pack": "pack",
}
# a figure, a measure glued or hyphened to it, then a noun (lower case): "250g block", "2-litre bottle",
# "a 25kg sack"; bounded: the measure is one or two short words
SIZE = re.compile(
    r"(?<![\w.,])(?P<num>\d+(?:\.\d+)?)(?:\s?|-)(?P<measure>sq ft|square-foot|[A-Za-z]{1,10})"
    r"(?:-|\s)(?P<noun>[a-z]{3,15})\b")
NOT_NOUNS = {"of", "and", "or", "to", "for", "per", "in", "on", "at", "a", "an", "the", "from", "with", "by",
             "than", "more", "less", "each", "up", "down", "was", "is", "are", "were", "has", "had", "rise",
             "fall", "increase", "cut", "year", "years", "month", "week", "day", "hour", "old"}


def follows(text: str, earlier: str, later: str) -> bool:
    """``later`` is the sentence right after ``earlier`` in the same paragraph (only spaces between)."""
    at = text.find(earlier)
    while at >= 0:
        rest = text[at + len(earlier):at + len(earlier) + len(later) + 4]
        gap = len(rest) - len(rest.lstrip(" \t"))
        if rest[gap:].startswith(later) and "\n" not in rest[:gap]:
            return True
        at = text.find(earlier, at + 1)
    return False


def p2_candidates(text: str, claims: list[dict]) -> list[tuple[int, str, dict]]:
    """(index of the plain claim, the rate unit it would take, the rate claim before) for P-2."""
    found = []
    for i, claim in enumerate(claims):
        unit = claim.get("unit") or ""
        if not unit or " per " in unit:
            continue
        for earlier in claims[:i]:
            base, per, rate = (earlier.get("unit") or "").partition(" per ")
            if per and base == unit and earlier["sentence"] != claim["sentence"] and \
                    follows(text, earlier["sentence"], claim["sentence"]):
                found.append((i, earlier["unit"], earlier))
                break
    return found


def p3_candidates(text: str, claims: list[dict]) -> list[tuple[str, re.Match[str]]]:
    """(sentence, match) of a sized noun in a sentence with a money claim where no gold claim stands."""
    found = []
    seen: set[str] = set()
    for claim in claims:
        sentence = claim["sentence"]
        if claim.get("category") != "money" or sentence in seen:
            continue
        seen.add(sentence)
        texts = [c["text"] for c in claims if c["sentence"] == sentence]
        for match in SIZE.finditer(sentence):
            measure, noun = match.group("measure"), match.group("noun")
            if measure not in MEASURES and measure.lower() not in MEASURES or noun in NOT_NOUNS:
                continue
            if any(match.group("num") in t for t in texts):
                continue
            found.append((sentence, match))
    return found


def price_of(sentence: str, match: re.Match[str], claims: list[dict]) -> dict:
    """The claim of the price the size is for: the first money or percent claim after the size in its
    sentence ("a 500g packet ... raised by as much as a quarter"), else the sentence's first money claim."""
    same = [c for c in claims if c["sentence"] == sentence]
    after = [c for c in same if c.get("category") in ("money", "percent") and
             sentence.find(c["text"]) > match.start()]
    return after[0] if after else next(c for c in same if c.get("category") == "money")


def size_claim(sentence: str, match: re.Match[str], price: dict) -> dict:
    measure = match.group("measure")
    value = float(match.group("num"))
    return {
        "text": match.group("num"), "sentence": sentence,
        "value": int(value) if value.is_integer() else value,
        "high": None, "bound": "exact", "unit": MEASURES.get(measure, MEASURES.get(measure.lower())),
        "category": "other", "time_scope": "point", "source": price["source"],
        "source_type": price["source_type"], "hedged": False, "verification": None, "conversion_of": None,
        "note": "P-3: the size of the thing a price is for (section 18); R-3",
    }


def insert_in_text_order(text: str, claims: list[dict], new: dict) -> list[dict]:
    """``new`` placed among ``claims`` by where its figure stands in the document."""
    def where(claim: dict) -> int:
        start = text.find(claim["sentence"])
        inner = claim["sentence"].find(claim["text"])
        for _ in range((claim.get("occurrence") or 1) - 1):
            inner = claim["sentence"].find(claim["text"], inner + 1)
        return start * 10_000 + max(inner, 0)
    at = where(new)
    index = next((i for i, c in enumerate(claims) if where(c) > at), len(claims))
    return claims[:index] + [new] + claims[index:]


def main(write: bool) -> None:
    counts: dict[str, int] = {}
    for path in open_gold_files():
        raw = path.read_text(encoding="utf-8")
        data = json.loads(raw)
        key = str(path.relative_to(EVALUATION))
        text = documents(path).get(data["id"], "")
        if not text:
            continue
        claims = list(data["claims"])
        changed = False
        for i, unit, earlier in p2_candidates(text, claims):
            claim = claims[i]
            accepted = (key, claim["text"]) in P2_ACCEPTED
            mark = "ACCEPT" if accepted else "left"
            print(f"P-2 {mark} {key}: {claim['text']!r} {claim['unit']} → {unit}\n"
                  f"    before: {earlier['sentence']}\n    this:   {claim['sentence']}")
            if accepted:
                claims[i] = dict(claim, unit=unit)
                changed = True
                counts["P-2"] = counts.get("P-2", 0) + 1
        for sentence, match in p3_candidates(text, claims):
            accepted = any(k == key and sentence.startswith(start) and size == match.group(0)
                           for k, start, size in P3_ACCEPTED)
            mark = "ACCEPT" if accepted else "left"
            print(f"P-3 {mark} {key}: {match.group(0)!r} in: {sentence}")
            if accepted:
                price = price_of(sentence, match, claims)
                claims = insert_in_text_order(text, claims, size_claim(sentence, match, price))
                changed = True
                counts["P-3"] = counts.get("P-3", 0) + 1
        if changed:
            save_claims(path, raw, data, claims, write)
    print(f"changed claims per rule: {counts}", file=sys.stderr)


if __name__ == "__main__":
    main("--write" in sys.argv[1:])
