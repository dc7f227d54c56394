"""Q-2: the base of a 'for every' ratio drops its adjective (U-5).

'per 100 unemployed person' -> 'per 100 person'.
"""

import json
import re
import sys

from goldfiles import EVALUATION, dump_like, open_gold_files

APPLY = "--apply" in sys.argv
ADJ = re.compile(r"( per (?:[\d,]+ )?)(unemployed|jobless|open|vacant) ")
for path in open_gold_files():
    raw = path.read_text(encoding="utf-8")
    doc = json.loads(raw)
    changed = False
    for c in doc["claims"]:
        u = c.get("unit") or ""
        new = ADJ.sub(r"\1", u)
        if new != u:
            where = path.relative_to(EVALUATION)
            print(f"{where} | {c['text']!r}: {u!r} -> {new!r}\n     {c['sentence'][:150]}")
            c["unit"] = new
            changed = True
    if APPLY and changed:
        path.write_text(dump_like(raw, doc), encoding="utf-8")
