import gzip
import json
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from click.testing import CliRunner

from claimledger.check import update
from claimledger.cli import main

CBR_XML = ('<?xml version="1.0" encoding="windows-1251"?><ValCurs ID="R01235" DateRange1="26.11.2024" '
           'DateRange2="27.11.2024" name="Foreign Currency Market Dynamic">'
           '<Record Date="26.11.2024" Id="R01235">'
           '<Nominal>1</Nominal><Value>103,7908</Value><VunitRate>103,7908</VunitRate></Record></ValCurs>')


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if "exchange_site" in self.path:
            cur = self.path.split("valcode=")[1].split("&")[0].upper()
            rate = 41.3 if cur == "USD" else 2.0
            body = json.dumps([{"exchangedate": "26.11.2024", "cc": cur, "rate": rate, "units": 1}]).encode()
        else:
            body = CBR_XML.encode() if "XML_dynamic" in self.path else b"PK-not-really-a-zip"
        self.send_response(200)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def test_cbr_update_from_local_server(server, tmp_path, monkeypatch):
    monkeypatch.setattr(update, "user_rates_dir", lambda: tmp_path)
    out = update.update_cbr(server + "/scripts/XML_dynamic.asp", date(2024, 11, 26), date(2024, 11, 27))
    data = json.loads(gzip.decompress(out.read_bytes()))
    assert data["series"] == [{"date": "2024-11-26", "rates": {c: 103.7908 for c in update.CBR_CODES}}]


def test_offline_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(update, "user_rates_dir", lambda: tmp_path)
    result = CliRunner().invoke(main, ["rates", "update", "--cbr-url", "http://127.0.0.1:9/x",
                                       "--ecb-url", "http://127.0.0.1:9/y"])
    assert result.exit_code != 0
    assert "cannot reach http://127.0.0.1:9/x" in str(result.exception) + result.output


def test_ecb_update_rejects_a_non_zip(server, tmp_path, monkeypatch):
    from claimledger.errors import ConfigError

    monkeypatch.setattr(update, "user_rates_dir", lambda: tmp_path)
    with pytest.raises(ConfigError, match="did not return the ECB history zip"):
        update.update_ecb(server + "/eurofxref-hist.zip")
    assert not (tmp_path / "eurofxref-hist.zip").exists()


def test_nbu_update_merges_over_the_shipped_table(server, tmp_path, monkeypatch):
    from claimledger.check import rates

    monkeypatch.setattr(update, "user_rates_dir", lambda: tmp_path)
    out = update.update_nbu(server + "/NBU_Exchange/exchange_site", date(2024, 11, 26), date(2024, 11, 26))
    table = rates.read_wide_csv("nbu_uah.csv.gz")  # now read from the user's copy
    assert out == tmp_path / "nbu_uah.csv.gz"
    assert table[date(2024, 11, 26)]["USD"] == 41.3
    assert table[date(2014, 1, 1)]["EUR"] == 11.04153  # shipped history kept


def test_nbu_update_rejects_a_page_that_is_not_rates(tmp_path, monkeypatch):
    from claimledger.errors import ConfigError

    monkeypatch.setattr(update, "user_rates_dir", lambda: tmp_path)
    with pytest.raises(ConfigError, match="did not return NBU exchange-rate JSON"):
        update.parse_nbu_json(b"<html>maintenance</html>", "http://x/nbu")
