"""Regenerate data/rates/cbr_fx_daily.json.gz from the CBR XML_dynamic extract (2014 onwards)."""
import gzip
import json
import sys
from pathlib import Path

src = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/datasets/fx-rates/cbr-official/fx_daily.json")
data = json.loads(src.read_text())
data["series"] = [r for r in data["series"] if r["date"] >= "2014-01-01"]
out = Path(__file__).parents[1] / "rates/cbr_fx_daily.json.gz"
out.write_bytes(gzip.compress(json.dumps(data, separators=(",", ":")).encode()))
print(out, len(data["series"]))
