"""The schema's worked example: every claim of the seed article with its fields, and no non-claim.

The article itself is read from ../shared/seed (it is not copied into the project); the expected
rows below are the table in claim-schema.md.
"""

from __future__ import annotations

import pytest

import claimledger

WORKED_EXAMPLE = [
    # text, value, bound, unit, category, time_scope, source, source type, hedged, verification
    ("400,000 rubles", 400000, "exact", "RUB", "money", "point", "AUTHOR", "author", False, None),
    ("$3,800", 3800, "exact", "USD", "money", "point", "AUTHOR", "author", False, None),
    ("1,480", 1480, "exact", "casualty", "casualties", "daily",
     "Ukraine's Armed Forces", "military", False, "unverified"),
    ("19", 19, "exact", "artillery system", "equipment", "daily",
     "Ukraine's Armed Forces", "military", False, "unverified"),
    ("733,830", 733830, "exact", "troop", "casualties", "cumulative", "AUTHOR", "author", True, "unverified"),
    ("over 1,000", 1000, "at_least", "man", "troops", "unspecified", "iStories", "media", True, None),
    ("over 10,000", 10000, "at_least", "soldier", "troops", "point",
     "South Korean intelligence", "intelligence", True, "not_confirmed"),
]
NON_CLAIMS = ["at least a year", "2022", "24 hours", "24", "20th", "July", "thousands of dollars"]


@pytest.fixture(scope="module")
def seed_claims(seed_text):
    return claimledger.extract(seed_text, published="2024-11-26", outlet="Newsweek")


# issue 10: the trained decision layer once departed from the contract on two rows ("over 1,000 men" read as
# category other, "over 10,000 North Korean soldiers ... stationed" as cumulative); the model retrained in the
# fourth session (7,396 claims, time scope's kind features) reads both as the contract says, so they are plain
# rows again. Add a row here, marked xfail(strict=True), if a retrain departs from the contract once more.
DECISION_LAYER_DIFFERS: dict[str, str] = {}
WORKED_PARAMS = [
    pytest.param(r, id=r[0],
                 marks=pytest.mark.xfail(strict=True, reason=DECISION_LAYER_DIFFERS[r[0]]))
    if r[0] in DECISION_LAYER_DIFFERS else pytest.param(r, id=r[0])
    for r in WORKED_EXAMPLE
]


@pytest.mark.parametrize("row", WORKED_PARAMS)
def test_worked_example_row(seed_claims, row):
    text, value, bound, unit, category, scope, source, source_type, hedged, verification = row
    matches = [c for c in seed_claims if c.text == text]
    assert len(matches) == 1, f"{text!r} not extracted once: {[c.text for c in seed_claims]}"
    claim = matches[0]
    got = (claim.value, claim.bound, claim.unit, claim.category, claim.time_scope, claim.source.name,
           claim.source.type, claim.hedged, claim.verification)
    assert got == (value, bound, unit, category, scope, source, source_type, hedged, verification)


def test_no_other_claims(seed_claims):
    assert sorted(c.text for c in seed_claims) == sorted(r[0] for r in WORKED_EXAMPLE)


@pytest.mark.parametrize("text", NON_CLAIMS)
def test_non_claims_are_left_out(seed_claims, text):
    assert all(c.text != text for c in seed_claims)


def test_conversion_links_dollars_to_rubles(seed_claims):
    by_text = {c.text: c for c in seed_claims}
    assert by_text["$3,800"].conversion_of == by_text["400,000 rubles"].id
    assert by_text["400,000 rubles"].conversion_of is None


def test_spans_and_sentences_trace_back_to_the_text(seed_text, seed_claims):
    for claim in seed_claims:
        start, end = claim.span
        assert seed_text[start:end] == claim.text
        assert claim.sentence in seed_text and claim.text in claim.sentence


def test_periods_resolve_against_publication_date(seed_claims):
    by_text = {c.text: c for c in seed_claims}
    assert (by_text["1,480"].period.start, by_text["1,480"].period.end) == ("2024-11-25", "2024-11-26")
    assert (by_text["733,830"].period.start, by_text["733,830"].period.end) == ("2022-02-24", "2024-11-26")


def test_canonical_source_from_alias_table(seed_claims):
    by_text = {c.text: c for c in seed_claims}
    assert by_text["1,480"].source.canonical == "General Staff of the Armed Forces of Ukraine"
    assert by_text["over 10,000"].location == "Kursk"
    assert by_text["over 10,000"].subject == "North Korean soldiers"


def test_ids_are_stable_across_runs(seed_text, seed_claims):
    again = claimledger.extract(seed_text, published="2024-11-26", outlet="Newsweek")
    assert [c.id for c in again] == [c.id for c in seed_claims]
