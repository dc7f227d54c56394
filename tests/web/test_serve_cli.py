"""`claimledger token create|list|revoke` and `claimledger serve` as a user runs them."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import httpx
import pytest
from click.testing import CliRunner

from claimledger.cli import main
from claimledger.web.tokens import TokenStore


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_token_create_prints_it_once_and_stores_only_a_salted_hash(config_dir):
    result = run("token", "create", "--name", "newsroom")
    assert result.exit_code == 0, result.output
    secret = result.stdout.strip()
    assert secret.startswith("clt_") and len(secret) > 40
    stored = (config_dir / "tokens.json").read_text()
    assert secret not in stored and secret.split("_", 2)[2] not in stored
    entry = json.loads(stored)["tokens"][0]
    assert entry["name"] == "newsroom" and len(entry["salt"]) == 32 and len(entry["sha256"]) == 64
    assert oct((config_dir / "tokens.json").stat().st_mode)[-3:] == "600"
    assert TokenStore().verify(secret) is not None
    assert TokenStore().verify(secret + "x") is None


def test_two_tokens_get_different_salts(config_dir):
    run("token", "create")
    run("token", "create")
    salts = [e["salt"] for e in json.loads((config_dir / "tokens.json").read_text())["tokens"]]
    assert len(set(salts)) == 2


def test_token_list_and_revoke(config_dir):
    secret = run("token", "create", "--name", "ci").stdout.strip()
    token_id = secret.split("_")[1]
    listed = run("token", "list")
    assert listed.exit_code == 0 and token_id in listed.stdout and "ci" in listed.stdout
    assert secret not in listed.stdout
    assert run("token", "revoke", token_id).exit_code == 0
    assert TokenStore().verify(secret) is None
    missing = run("token", "revoke", token_id)
    assert missing.exit_code == 1 and "no token with id" in missing.output


def test_a_broken_tokens_file_is_named(config_dir):
    config_dir.mkdir()
    (config_dir / "tokens.json").write_text("{not json")
    result = run("token", "list")
    assert result.exit_code == 1 and "tokens.json" in result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(tmp_path, *extra: str) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {**os.environ, "CLAIMLEDGER_CONFIG_DIR": str(tmp_path / "config")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimledger.cli", "serve", "--db", str(tmp_path / "ledger.sqlite"),
         "--port", str(port), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    return proc, f"http://127.0.0.1:{port}"


def _wait(proc: subprocess.Popen, url: str, seconds: float = 120) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"serve exited with {proc.returncode}: {proc.stderr.read()}")
        try:
            return httpx.get(f"{url}/api/stats", timeout=2).json()
        except httpx.HTTPError:
            time.sleep(0.3)
    raise AssertionError("serve did not answer in time")


def _stop(proc: subprocess.Popen) -> str:
    proc.terminate()
    try:
        _, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    return err


@pytest.mark.slow
def test_serve_opens_an_empty_ledger_on_the_examples(tmp_path):
    proc, url = _serve(tmp_path)
    try:
        stats = _wait(proc, url)
        figures = httpx.get(f"{url}/api/figures", params={"min_documents": 3}).json()
        page = httpx.get(url + "/")
    finally:
        err = _stop(proc)
    # the examples are flagged: counted apart from the user's own articles
    assert stats["examples"] == 8 and stats["documents"] == 0 and stats["claims"] == 0
    assert "ingesting the bundled example articles" in err and "token create" in err
    assert figures["total"] >= 1  # the loss figures reported on several days
    assert page.status_code == 200 and "8 example articles" in page.text


@pytest.mark.slow
def test_serve_no_examples_keeps_the_ledger_empty(tmp_path):
    proc, url = _serve(tmp_path, "--no-examples")
    try:
        stats = _wait(proc, url)
    finally:
        err = _stop(proc)
    assert stats["documents"] == 0 and "example" not in err.split("claimledger serving")[0]
