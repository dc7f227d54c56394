"""Storing one more report of a figure: time against the size of the figure's group (issue 13).

    python benchmarks/figure_store.py [--n 400] [--repeat 5]

A SQLite ledger holds n reports of one daily figure (Russian forces' casualties, two outlets a day over n/2
days); one more report of one day is stored and its figure rechecked (what `POST /api/extract` with
`store: true` and `claimledger watch` do: `Ledger.add` then `check.recheck_figures`). The same at 4n. A
store that reads only its own day's reports takes about the same time at both sizes (ratio ~1); one that
rereads the whole group grows with it (ratio ~4). Printed: median milliseconds at n and 4n, and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT / "src"))  # after PYTHONPATH: a tree named there is measured

from claimledger.check import recheck_figures  # noqa: E402
from claimledger.models import Claim, Document, Period, Source  # noqa: E402
from claimledger.store import Ledger  # noqa: E402

START = date(2024, 1, 1)
SOURCE = Source("Ukraine's Armed Forces", "General Staff of the Armed Forces of Ukraine", "military", "said")


def report(k: int, day: date, value: int) -> tuple[Document, list[Claim]]:
    text = f"Russian forces lost {value:,} troops on {day.isoformat()}, officials said."
    doc = Document(text=text, id=f"report-{k}", outlet=f"Outlet {k % 2}", published=day.isoformat())
    figure = f"{value:,}"
    at = text.index(figure)
    claim = Claim(id=Claim.make_id(doc.id, at, at + len(figure)), doc_id=doc.id, span=(at, at + len(figure)),
                  text=figure, sentence=text, value=float(value), unit="troop", category="casualties",
                  time_scope="daily", period=Period(day.isoformat(), day.isoformat()),
                  subject="Russian forces", source=SOURCE, published=day.isoformat(), outlet=doc.outlet)
    return doc, [claim]


def store_ms(n: int, repeat: int, folder: Path) -> float:
    ledger = Ledger.open(f"sqlite:///{folder / f'figure-{n}.sqlite'}")
    for k in range(n):
        doc, claims = report(k, START + timedelta(days=k // 2), 1000 + k % 2)
        ledger.add(doc, claims, "bench")
    times = []
    for r in range(repeat):
        doc, claims = report(n + r, START + timedelta(days=r), 1000)
        started = time.perf_counter()
        ledger.add(doc, claims, "bench")
        checked = recheck_figures(ledger, claims)
        times.append((time.perf_counter() - started) * 1000)
        assert [k.kind for k in checked[0].checks] == ["cross_source"], checked[0].checks
    ledger.close()
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=9)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        small = store_ms(args.n, args.repeat, Path(tmp))
        large = store_ms(4 * args.n, args.repeat, Path(tmp))
    print(f"storing one more report of a daily figure: {small:.1f} ms with {args.n:,} reports in its group, "
          f"{large:.1f} ms with {4 * args.n:,}")
    print(f"time at 4n / at n: {large / small:.2f} (constant ~1, growing with the group ~4)")


if __name__ == "__main__":
    main()
