"""Q-6: a face value or a dividend per share is '<currency> per share'.

'Degrees' with no scale is 'degree'.
"""

import json
import re
import sys

from goldfiles import EVALUATION, dump_like, open_gold_files

APPLY = "--apply" in sys.argv
for path in open_gold_files():
    raw = path.read_text(encoding="utf-8")
    doc = json.loads(raw)
    changed = False
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
            print(f"{path.relative_to(EVALUATION)} | {t!r}: {u!r} -> {new!r}\n     {s[:150]}")
            c["unit"] = new
            changed = True
    if APPLY and changed:
        path.write_text(dump_like(raw, doc), encoding="utf-8")
