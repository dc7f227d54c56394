"""Remake the screenshots of the user's guide (docs/images/*.png).

Starts `claimledger serve` on a free loopback port over a new ledger in a temporary directory (so it holds
exactly the bundled example articles), creates an API token there for the paste box, and drives Debian's
chromium with Playwright through the views the guide shows.

    python scripts/screenshots.py [--out docs/images] [--chromium /usr/bin/chromium]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1200, "height": 800}
ARTICLE_ID = "example-bonus-losses"  # the first article of examples/articles.jsonl
DAILY_CLAIM_TEXT = "1,620"  # in that article: a daily figure the reference series disagrees with
# The figure with the longest history in the examples: Russian forces' daily losses, five outlets' reports
# (examples/figures.jsonl); The Morning Courier's 1,150 of 22 November is the deliberate misreport.
FIGURE_CLAIM = ("example-losses-nov22", "1,150")
LARGEST_PNG_BYTES = 200_000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, server: subprocess.Popen, seconds: float = 120) -> None:
    """Poll until the server answers; the first start ingests the examples, which takes a few seconds."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"claimledger serve exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url + "/api/stats", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"claimledger serve did not answer at {url} within {seconds} s")


@contextmanager
def serving(workdir: Path) -> Iterator[tuple[str, str]]:
    """(url, token) of a `claimledger serve` over a new ledger of the examples in `workdir`."""
    env = {**os.environ, "CLAIMLEDGER_CONFIG_DIR": str(workdir / "config")}
    create = [sys.executable, "-m", "claimledger.cli", "token", "create", "--name", "screenshots"]
    token = subprocess.run(create, env=env, check=True, capture_output=True, text=True).stdout.strip()
    port = free_port()
    command = [sys.executable, "-m", "claimledger.cli", "serve", "--db", str(workdir / "ledger.sqlite"),
               "--port", str(port), "--log-level", "warning"]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, server)
        yield url, token
    finally:
        server.terminate()
        server.wait(timeout=30)


def figure_key_of(url: str, doc_id: str, text: str) -> str:
    """The figure group key of the claim of `doc_id` whose text is `text` (from the JSON API)."""
    with urllib.request.urlopen(f"{url}/api/claims?doc_id={doc_id}&text={text}", timeout=10) as response:
        claims = json.load(response)["claims"]
    return next(claim["figure"] for claim in claims if claim["text"] == text)


def shoot(page, out: Path, name: str, full_page: bool = False) -> Path:
    path = out / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {path.stat().st_size:,} bytes")
    if path.stat().st_size > LARGEST_PNG_BYTES:
        print(f"  warning: over {LARGEST_PNG_BYTES:,} bytes", file=sys.stderr)
    return path


def take_screenshots(url: str, token: str, out: Path, chromium: str) -> None:
    from playwright.sync_api import sync_playwright

    article_text = (ROOT / "examples" / "article.txt").read_text(encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=VIEWPORT)
        page.set_default_timeout(60_000)  # a busy shared machine can be slow to extract the pasted article

        page.goto(f"{url}/documents/{ARTICLE_ID}")
        page.wait_for_selector("article mark.claim")
        shoot(page, out, "article-view")

        page.locator("article mark.claim", has_text=DAILY_CLAIM_TEXT).first.click()
        page.locator("#details").wait_for(state="visible")
        shoot(page, out, "claim-details")

        page.goto(f"{url}/")
        page.wait_for_selector("#ledger-table tbody tr")
        shoot(page, out, "ledger-table")

        page.goto(f"{url}/figures/{figure_key_of(url, *FIGURE_CLAIM)}")
        page.wait_for_selector("#chart[data-drawn=true] svg")
        shoot(page, out, "figure-chart")

        page.goto(f"{url}/paste")
        page.fill("#paste-text", article_text.split("\n", 1)[1].strip())  # the body, without the title line
        page.fill("#paste-published", "2024-11-26")
        page.fill("#paste-outlet", "Claimledger Example News")
        page.fill("#paste-token", token)
        page.click("#paste-submit")
        page.wait_for_selector("#paste-result:not([hidden]) mark.claim")
        shoot(page, out, "paste-box")

        page.goto(f"{url}/review")
        page.wait_for_selector("#review-queue tbody tr[data-claim-id]")
        shoot(page, out, "review-queue")

        page.goto(f"{url}/documents/{ARTICLE_ID}")
        page.locator("article mark.claim", has_text=DAILY_CLAIM_TEXT).first.click()
        page.keyboard.press("Escape")
        page.keyboard.press("v")  # the review panel, on the verdict
        page.locator("#review-panel").wait_for(state="visible")
        page.select_option("#review-verdict", "false")
        page.fill("#review-form textarea[name=note]", "The General Staff's bulletin of that day gives 1,480.")
        page.fill("#review-form textarea[name=evidence]", "https://example.org/general-staff-2024-11-26")
        page.fill("#review-token", token)
        page.click("#review-save")
        page.wait_for_selector("#review-status.ok")
        shoot(page, out, "review-inline")
        browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where the ledger and token file go (default: a temporary directory)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
        shoot_all(args.workdir, args.out, args.chromium)
    else:
        with tempfile.TemporaryDirectory(prefix="claimledger-screenshots-") as workdir:
            shoot_all(Path(workdir), args.out, args.chromium)
    return 0


def shoot_all(workdir: Path, out: Path, chromium: str) -> None:
    with serving(workdir) as (url, token):
        take_screenshots(url, token, out, chromium)


if __name__ == "__main__":
    sys.exit(main())
