"""Data for the web tests: ledgers (SQLite, or PostgreSQL in a schema of its own), documents, claims."""

from __future__ import annotations

from contextlib import ExitStack

from claimledger.models import Check, Claim, Document, Period, Source
from claimledger.store import Ledger
from pgschema import pg_schema

SEED_STYLE = (
    "Moscow will pay volunteers who join its border guard a bonus of 250,000 rubles "
    "(the equivalent of $2,400), according to a decree published on Tuesday.\n"
    "Within the last 24 hours, Ukraine's Armed Forces reported that Russian forces have suffered "
    "1,480 casualties, along with the loss of 19 artillery systems.\n"
    "Estimates suggest that Russia has lost 733,830 troops since the invasion began. "
    "The Daily Example was unable to independently verify these figures.\n"
    "A regional governor said 52 people had been detained at protests, a figure the outlet could not verify."
)


def open_ledger(kind: str, tmp_path):
    """A fresh ledger and a function that drops it; PostgreSQL gets a schema of its own per test."""
    if kind == "sqlite":
        led = Ledger.open(f"sqlite:///{tmp_path / 'ledger.sqlite'}")
        return led, led.close
    cleanup = ExitStack()
    led = Ledger.open(cleanup.enter_context(pg_schema("w_")))

    def drop() -> None:
        led.close()
        cleanup.close()

    return led, drop


def make_document(
    n: int, outlet: str = "Example Wire", published: str = "2024-11-26", text: str | None = None, **over
) -> Document:
    body = text or f"Article {n}. Russian forces lost 1,480 troops over the last 24 hours, the military said."
    return Document(
        text=body,
        id=f"doc-{n}",
        url=f"https://news.example.org/{n}",
        outlet=outlet,
        title=f"Title {n}",
        published=published,
        **over,
    )


def make_claim(doc: Document, start: int, end: int, **over) -> Claim:
    base = dict(
        id=Claim.make_id(doc.id, start, end),
        doc_id=doc.id,
        span=(start, end),
        text=doc.text[start:end],
        sentence=doc.text,
        value=1480.0,
        unit="troop",
        category="casualties",
        time_scope="daily",
        period=Period(doc.published, doc.published),
        subject="Russian forces",
        source=Source(
            name="Ukraine's Armed Forces",
            canonical="General Staff of the Armed Forces of Ukraine",
            type="military",
            cue="reported",
        ),
        verification="unverified",
        published=doc.published,
        outlet=doc.outlet,
        checks=[Check("reference_series", "consistent", "matches the bulletin")],
    )
    base.update(over)
    return Claim(**base)


def fill(ledger: Ledger) -> dict[str, Document]:
    """Three documents: two reports of one daily figure on different days, and one money claim."""
    docs = {}
    for n, (outlet, day, value) in enumerate(
        [("Example Wire", "2024-11-25", 1610.0), ("Other Post", "2024-11-26", 1480.0)], start=1
    ):
        doc = make_document(
            n,
            outlet=outlet,
            published=day,
            text=f"Russian forces lost {value:,.0f} troops over the last 24 hours, the military said.",
        )
        start = doc.text.index(f"{value:,.0f}")
        ledger.add(doc, [make_claim(doc, start, start + 5, value=value)], "test")
        docs[doc.id] = doc
    doc = make_document(
        3,
        outlet="Money Daily",
        published="2024-11-27",
        text="A bonus of 400,000 rubles was offered to 100% of recruits.",
    )
    money = make_claim(
        doc,
        11,
        25,
        value=400000.0,
        unit="RUB",
        category="money",
        time_scope="point",
        period=None,
        subject=None,
        verification=None,
        checks=[],
        source=Source(name="AUTHOR", type="author"),
    )
    share = make_claim(
        doc,
        41,
        45,
        value=100.0,
        unit="percent",
        category="percent",
        time_scope="point",
        period=None,
        subject="recruits",
        verification=None,
        checks=[],
        source=Source(name="AUTHOR", type="author"),
    )
    ledger.add(doc, [money, share], "test")
    docs[doc.id] = doc
    return docs


HOSTILE_TEXT = (
    'Officials said <script>window.pwned=1;alert("script")</script> 40 people died in the attack.\n'
    "Another <img src=x onerror=\"window.pwned=2;alert('img')\"> 12 were injured, medics said.\n"
    '<a href="javascript:window.pwned=3">Read more</a> <svg onload="window.pwned=4"></svg> '
    '<iframe srcdoc="<script>parent.pwned=5</script>"></iframe>'
)


def add_hostile_document(ledger: Ledger) -> Document:
    """An article whose text, title, outlet, URL and claim are all markup that would run if not escaped."""
    doc = Document(
        text=HOSTILE_TEXT,
        id="hostile",
        url="javascript:window.pwned=6",
        title='<script>window.pwned=7</script>Hostile <img src=x onerror="window.pwned=8">',
        outlet='<b onmouseover="window.pwned=9">Evil Outlet</b>',
        published="2024-11-26",
    )
    start = HOSTILE_TEXT.index("40 people")
    claim = make_claim(
        doc,
        start,
        start + 9,
        text='<img src=x onerror="window.pwned=10">40 people',
        sentence="<script>window.pwned=11</script>",
        subject='<i onclick="window.pwned=12">x</i>',
        value=40.0,
        unit="person",
        category="deaths",
        time_scope="unspecified",
        period=None,
        checks=[Check("cross_source", "unknown", '<img src=x onerror="window.pwned=13">')],
    )
    claim.source.name = "<script>window.pwned=14</script>Officials"
    second = HOSTILE_TEXT.index("12 were")
    other = make_claim(
        doc,
        second,
        second + 2,
        value=12.0,
        unit="person",
        category="injuries",
        time_scope="unspecified",
        period=None,
    )
    ledger.add(doc, [claim, other], "test")
    return doc
