"""Q-6: a face value or a dividend per share is '<currency> per share'.

'Degrees' with no scale is 'degree'.
"""

import glob
import json
import re
import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parents[1]  # evaluation/; held-out 10 and news-4 are skipped
APPLY = "--apply" in sys.argv
STYLES = ((2, False, "\n"), (2, True, "\n"), (1, False, ""), (1, True, ""), (1, False, "\n"), (1, True, "\n"))
for f in sorted(glob.glob(str(EVAL) + "/*/gold*/*.json")):
    if "heldout-10" in f or "news-4" in f:
        continue
    raw = open(f).read()
    doc = json.loads(raw)
    changed = False
    style = next(st for st in STYLES if json.dumps(doc, ensure_ascii=st[1], indent=st[0]) + st[2] == raw)
    for c in doc["claims"]:
        u, s, t = c.get("unit") or "", c["sentence"], c["text"]
        if s.count(t) != 1:
            continue
        i = s.index(t)
        before, after = s[:i], s[i + len(t) :]
        new = u
        if u.isupper() and " per " not in u and re.search(r"face\s+value\s+(?:of\s+)?$", before):
            new = f"{u} per share"  # "of face value Re 1"
        if (
            u.isupper()
            and " per " not in u
            and re.search(
                r"\bdividend\b(?:[^.;]|\.(?=\d))*\bper share\b(?:[^.;]|\.(?=\d))*\bfrom\s+$", before
            )
        ):
            new = f"{u} per share"  # "a dividend of 9.40 crowns per share ..., up from 9.20 crowns"
        if (
            u.startswith("degree ")
            and re.match(r"\s*degrees?\b(?!\s*(?:celsius|fahrenheit|c|f)\b)", after, re.I)
            and not re.match(r"\s*degrees?\s*(?:celsius|fahrenheit|c|f)\b", after, re.I)
        ):
            new = "degree"  # "5.6 degrees above normal": no scale written
        if new != u:
            print(f"{f.split('/evaluation/')[-1]} | {t!r}: {u!r} -> {new!r}\n     {s[:150]}")
            c["unit"] = new
            changed = True
    if APPLY and changed:
        open(f, "w").write(json.dumps(doc, ensure_ascii=style[1], indent=style[0]) + style[2])
