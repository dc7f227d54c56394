"""Time checking 10,000 varied claims, including first load of rates and series. Target: under 1 s."""
import random
import time

from claimledger.models import Claim, Source


def make_claims(n: int) -> list[Claim]:
    rnd = random.Random(4)
    claims = []
    for i in range(n // 4):
        day = f"2024-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        doc = f"d{i % 2000}"
        base = dict(doc_id=doc, span=(0, 1), text="x", sentence="x", published=day, outlet=f"o{i % 50}")
        claims += [
            Claim(id=f"r{i}", value=rnd.choice([400000, 1e6, 2.5e9]), unit=rnd.choice(["RUB", "EUR", "PLN"]),
                  category="money", **base),
            Claim(id=f"u{i}", value=rnd.randint(1000, 30000), unit="USD", category="money", bound="about",
                  conversion_of=f"r{i}", **base),
            Claim(id=f"p{i}", value=rnd.randint(500, 2000), unit="casualty", category="casualties",
                  time_scope="daily", subject="Russian forces", **base),
            Claim(id=f"g{i}", value=rnd.randint(100, 900), unit="person", category="casualties",
                  time_scope="cumulative", subject=f"town{i % 300}", source=Source(), **base),
        ]
    return claims


if __name__ == "__main__":
    claims = make_claims(10_000)
    t0 = time.perf_counter()
    from claimledger.check import check_claims
    from claimledger.check.rates import tables
    from claimledger.check.series import all_series

    tables(), all_series()
    t1 = time.perf_counter()
    check_claims(claims)
    t2 = time.perf_counter()
    print(f"first load of rates and series: {t1 - t0:.2f} s")
    print(f"checking {len(claims):,} claims: {t2 - t1:.2f} s")
    print(f"total: {t2 - t0:.2f} s")
