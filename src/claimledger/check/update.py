"""`claimledger rates update`: refresh rates from the public sources into the user data directory."""
from __future__ import annotations

import gzip
import io
import json
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
import zipfile
from datetime import date, datetime
from pathlib import Path

from claimledger.errors import ConfigError

CBR_URL = "https://www.cbr.ru/scripts/XML_dynamic.asp"
ECB_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip"
NBU_URL = "https://bank.gov.ua/NBU_Exchange/exchange_site"
NBU_CODES = ("USD", "EUR", "PLN", "GBP", "CHF", "CNY")
CBR_CODES = {"USD": "R01235", "EUR": "R01239", "CNY": "R01375", "GBP": "R01035", "CHF": "R01775"}


def user_rates_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("claimledger")) / "rates"


def _fetch(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return resp.read()
    except (urllib.error.URLError, OSError) as exc:
        raise ConfigError(f"cannot reach {url} to update rates (offline?): {exc}") from exc


def parse_cbr_dynamic(xml: bytes, currency: str) -> list[tuple[str, float]]:
    """Records of CBR XML_dynamic: Value is RUB per Nominal units, with a decimal comma."""
    out = []
    for rec in ET.fromstring(xml).iter("Record"):
        day = datetime.strptime(rec.get("Date") or "", "%d.%m.%Y").date().isoformat()
        value = float((rec.findtext("Value") or "").replace(",", ".")) / float(rec.findtext("Nominal") or "")
        out.append((day, value))
    return out


def update_cbr(base_url: str = CBR_URL, start: date = date(2014, 1, 1), end: date | None = None) -> Path:
    end = end or date.today()
    by_date: dict[str, dict[str, float]] = {}
    for cur, code in CBR_CODES.items():
        url = f"{base_url}?date_req1={start:%d/%m/%Y}&date_req2={end:%d/%m/%Y}&VAL_NM_RQ={code}"
        for day, value in parse_cbr_dynamic(_fetch(url), cur):
            by_date.setdefault(day, {})[cur] = value
    data = {"meta": {"base": "RUB", "source": "CBR XML_dynamic", "updated": datetime.utcnow().isoformat()},
            "series": [{"date": d, "rates": by_date[d]} for d in sorted(by_date)]}
    out = user_rates_dir() / "cbr_fx_daily.json.gz"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(gzip.compress(json.dumps(data).encode()))
    return out


def update_ecb(url: str = ECB_URL) -> Path:
    out = user_rates_dir() / "eurofxref-hist.zip"
    out.parent.mkdir(parents=True, exist_ok=True)
    raw = _fetch(url)
    try:  # never replace a good table with an error page
        zipfile.ZipFile(io.BytesIO(raw)).testzip()
    except zipfile.BadZipFile as exc:
        raise ConfigError(f"{url} did not return the ECB history zip: {exc}") from exc
    out.write_bytes(raw)
    return out


def parse_nbu_json(raw: bytes, url: str) -> list[tuple[str, str, float]]:
    """NBU exchange_site JSON.

    [{"exchangedate": "dd.mm.yyyy", "cc": "USD", "rate_per_unit"|"rate", "units"}].
    """
    try:
        records = json.loads(raw)
        return [(datetime.strptime(r["exchangedate"], "%d.%m.%Y").date().isoformat(), r["cc"].upper(),
                 float(r.get("rate_per_unit") or float(r["rate"]) / float(r.get("units") or 1)))
                for r in records]
    except (ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{url} did not return NBU exchange-rate JSON: {exc}") from exc


def update_nbu(base_url: str = NBU_URL, start: date = date(2022, 1, 1), end: date | None = None) -> Path:
    """Fetch NBU official rates and write them, merged over the shipped table, to the user data directory."""
    from claimledger.check.rates import read_wide_csv

    end = end or date.today()
    by_date = {d.isoformat(): rates for d, rates in read_wide_csv("nbu_uah.csv.gz").items()}
    for cur in NBU_CODES:
        url = (f"{base_url}?start={start:%Y%m%d}&end={end:%Y%m%d}&valcode={cur.lower()}"
               "&sort=exchangedate&order=asc&json")
        for day, code, rate in parse_nbu_json(_fetch(url), url):
            by_date.setdefault(day, {})[code] = rate
    currencies = sorted({c for rates in by_date.values() for c in rates})
    lines = [",".join(["date", *currencies])]
    lines += [",".join([d, *(repr(by_date[d][c]) if c in by_date[d] else "" for c in currencies)])
              for d in sorted(by_date)]
    out = user_rates_dir() / "nbu_uah.csv.gz"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    return out
