"""Regenerate data/rates/cbr_fx_daily.json.gz from the CBR XML_dynamic extract (2014 onwards), and the NBU
(UAH per unit) and NBP (PLN per unit) tables: wide CSV "date,CUR,..." merged from the shared extracts, later
files win."""
import csv
import gzip
import io
import json
import sys
from pathlib import Path

RATES = Path(__file__).parents[1] / "rates"
DEFAULT_CBR = "/work/shared/datasets/fx-rates/cbr-official/fx_daily.json"


def merge(files: list[Path], name: str) -> None:
    rows: dict[str, dict[str, str]] = {}
    for f in files:
        for r in csv.DictReader(f.open()):
            if r["date"] >= "2014-01-01":
                rows.setdefault(r["date"], {}).update({k: v for k, v in r.items() if v and k != "date"})
    curs = sorted({c for r in rows.values() for c in r})
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["date", *curs])
    for d in sorted(rows):
        w.writerow([d, *(rows[d].get(c, "") for c in curs)])
    out = RATES / name
    out.write_bytes(gzip.compress(buf.getvalue().encode()))
    print(out, len(rows))


def main() -> None:
    src = Path(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CBR)
    data = json.loads(src.read_text())
    data["series"] = [r for r in data["series"] if r["date"] >= "2014-01-01"]
    out = RATES / "cbr_fx_daily.json.gz"
    out.write_bytes(gzip.compress(json.dumps(data, separators=(",", ":")).encode()))
    print(out, len(data["series"]))

    shared = src.parents[1]
    nbu = shared / "nbu-official"
    merge([nbu / "nbu_usd_2010-01-01_2025-05-18.csv", nbu / "nbu_official_all_2014-01-01_2022-07-20.csv",
           nbu / "nbu_usd_eur_pln_2023-08-01_2025-08-01.csv"], "nbu_uah.csv.gz")
    merge(sorted((shared / "nbp-table-a").glob("nbp_table_a_mid_*.csv")), "nbp_pln.csv.gz")


if __name__ == "__main__":
    main()
