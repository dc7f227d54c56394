"""Q-1 (guide 17): a count followed by a/an/per/each/every + a unit of time takes "<noun> per <time>".
Dry run prints candidates; --apply writes. Skips blind sets."""

import json
import re
import sys

from goldfiles import EVALUATION, dump_like, open_gold_files

APPLY = "--apply" in sys.argv
TIME = {
    "year": "year",
    "month": "month",
    "week": "week",
    "day": "day",
    "hour": "hour",
    "night": "night",
    "fortnight": "fortnight",
    "annum": "year",
    "minute": "minute",
}
SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10, "twelve": 12}
NAMED = {(24, "hour"): "day", (7, "day"): "week", (12, "month"): "year", (14, "day"): "fortnight"}
NOT_AFTER = (
    r"(?!\s+(?:earlier|ago|before|after|later|previously|prior"
    r"|on\s+(?:from|year|month|week|day|the year)|from now|or so|and a half)\b)"
)
STOP = {
    "in",
    "on",
    "at",
    "for",
    "over",
    "within",
    "during",
    "the",
    "this",
    "that",
    "last",
    "past",
    "from",
    "by",
    "of",
    "to",
    "and",
    "or",
    "than",
    "with",
    "since",
    "after",
    "before",
    "into",
    "between",
    "per",
    "a",
    "an",
    "each",
    "every",
    "were",
    "was",
    "are",
    "is",
    "had",
    "have",
    "has",
    "been",
    "be",
    "will",
    "would",
}
WORD = r"[A-Za-z][\w'-]*"
RATE = re.compile(
    r"(?P<words>(?:\s+"
    + WORD
    + r"){0,4}?)\s+(?:(?P<kw>a|an|per|each)\s+(?P<t>year|month|week|day|hour|night|fortnight|annum|minute)\b"
    r"|(?:every|each)\s+(?:(?P<n>\d{1,3}|two|three|four|five|six|seven|ten|twelve)[\s-])?(?P<t2>year|month|week|day|hour|night|minute)s?\b(?P<period>\s+period)?)"
    + NOT_AFTER
)
rows = []
for path in open_gold_files():
    raw = path.read_text(encoding="utf-8")
    doc = json.loads(raw)
    changed = False
    for c in doc["claims"]:
        u = c.get("unit") or ""
        if not u or " per " in u or c["category"] in ("money", "percent") or u.isupper():
            continue
        s = c["sentence"]
        if s.count(c["text"]) != 1:
            continue
        after = s[s.index(c["text"]) + len(c["text"]) :]
        m = RATE.match(after)
        if not m:
            continue
        words = m.group("words").split()
        every = m.group("t2") is not None or m.group("kw") == "each"
        if any(w.lower() in STOP for w in words) and not every:
            continue
        if every and any(
            w.lower() in STOP - {"were", "was", "are", "is", "been", "be", "had", "have", "has"}
            for w in words
        ):
            continue
        if m.group("t"):
            per = TIME[m.group("t")]
        else:
            n = m.group("n")
            n = (int(n) if n.isdigit() else SMALL[n]) if n else 1
            t = m.group("t2")
            per = (
                "week" if m.group("period") and n == 7 else NAMED.get((n, t)) or (t if n == 1 else f"{n} {t}")
            )
        new = f"{u} per {per}"
        rows.append((str(path.relative_to(EVALUATION)), c["text"], u, new, s[:150]))
        if APPLY:
            c["unit"] = new
            changed = True
    if APPLY and changed:
        path.write_text(dump_like(raw, doc), encoding="utf-8")
for r in rows:
    print(f"{r[0]} | {r[1]!r}: {r[2]!r} -> {r[3]!r}\n     {r[4]}")
print(len(rows), file=sys.stderr)
