import json

import pytest

from claimledger.check import series
from claimledger.errors import ConfigError
from claimledger.models import Check, Claim

DECL = '''name = "city_shelter"
source = { name = "City Hall", canonical = "City Hall", type = "government" }
licence = "CC0"
files = ["shelter.json"]
subjects = ["kharkiv"]
[columns]
people = { category = "displacement", units = ["person"] }
'''


@pytest.fixture
def user_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(series, "_user_dir", lambda: tmp_path)
    series.all_series.cache_clear()
    yield tmp_path
    series.all_series.cache_clear()


@pytest.mark.parametrize("value,result", [(1200, "consistent"), (5000, "inconsistent")])
def test_user_declared_series(user_dir, value, result):
    (user_dir / "shelter.toml").write_text(DECL)
    (user_dir / "shelter.json").write_text(json.dumps([{"date": "2024-03-01", "people": 1000},
                                                       {"date": "2024-03-02", "people": 1200}]))
    c = Claim(id="a", doc_id="d", span=(0, 1), text="x", sentence="x", value=value, unit="person",
              category="displacement", time_scope="cumulative", subject="Kharkiv", published="2024-03-02")
    check = series.check_series(c)
    assert isinstance(check, Check) and check.result == result


def test_broken_declaration_names_the_file(user_dir):
    (user_dir / "bad.toml").write_text("name = ")
    with pytest.raises(ConfigError, match="bad.toml"):
        series.all_series()
