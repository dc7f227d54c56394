"""Q-2: the base of a 'for every' ratio drops its adjective (U-5).

'per 100 unemployed person' -> 'per 100 person'.
"""

import glob
import json
import re
import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parents[1]  # evaluation/; held-out 10 and news-4 are skipped
APPLY = "--apply" in sys.argv
ADJ = re.compile(r"( per (?:[\d,]+ )?)(unemployed|jobless|open|vacant) ")
STYLES = ((2, False, "\n"), (2, True, "\n"), (1, False, ""), (1, True, ""), (1, False, "\n"), (1, True, "\n"))
for f in sorted(glob.glob(str(EVAL) + "/*/gold*/*.json")):
    if "heldout-10" in f or "news-4" in f:
        continue
    raw = open(f).read()
    doc = json.loads(raw)
    changed = False
    style = next(st for st in STYLES if json.dumps(doc, ensure_ascii=st[1], indent=st[0]) + st[2] == raw)
    for c in doc["claims"]:
        u = c.get("unit") or ""
        new = ADJ.sub(r"\1", u)
        if new != u:
            print(
                f"{f.split('/evaluation/')[-1]} | {c['text']!r}: {u!r} -> {new!r}\n     {c['sentence'][:150]}"
            )
            c["unit"] = new
            changed = True
    if APPLY and changed:
        open(f, "w").write(json.dumps(doc, ensure_ascii=style[1], indent=style[0]) + style[2])
