"""Time scope's kind features (decide/scopekinds.py) on invented sentences: the figure's relation to its verb,
the verb and noun classes, the period adjective of a reported total (R-5), the mode, and the window's opener,
anchor and kind crossed with the figure's kind. Real spaCy parses, the decision component left out."""

from __future__ import annotations

import re

import pytest

from claimledger.decide.dataset import claim_features, field_features
from claimledger.decide.scopekinds import kind_words, scope_features
from claimledger.nlp.drafts import ClaimDraft, live_drafts
from claimledger.nlp.lexicon import load_table
from claimledger.nlp.periods import PUBLISHED_KEY
from claimledger.nlp.pipeline import get_pipeline


def _draft(text: str, figure: str) -> ClaimDraft:
    from datetime import date

    nlp = get_pipeline()
    doc = nlp.make_doc(text)
    doc.user_data[PUBLISHED_KEY] = date(2025, 6, 12)
    with nlp.select_pipes(disable=["claimledger_decisions"]):
        for _, component in nlp.pipeline:
            doc = component(doc)
    return next(d for d in live_drafts(doc) if d.span.text == figure)


# (sentence, figure, features that must be there, features that must not)
CASES = [
    # a change with no window of its own: the move, whose day a market report gives only in its lead (G-5)
    ("The Halvard index slid 1.4% to 3,210 points.", "1.4%",
     ["tsk_kind=change", "tsk_kind_win=change|none", "tsk_verb_kind=change"], ["tsk_win_open=on"]),
    # the level the move reached: a point (TS-9)
    ("The Halvard index slid 1.4% to 3,210 points.", "3,210",
     ["tsk_kind=level_reached", "tsk_rel=prep_to"], ["tsk_kind=change"]),
    # a change on a named day: the window hangs on the verb and opens with "on" (TS-6)
    ("Shares in Brightwell Foods dropped 7% on Tuesday after the recall.", "7%",
     ["tsk_kind=change", "tsk_win_open=on", "tsk_win_on=verb", "tsk_kind_win=change|day"], []),
    # a stock dated by a month: a level the window only dates (TS-9)
    ("The bank's gold holdings stood at $2.3 billion in April.", "$2.3 billion",
     ["tsk_kind=level", "tsk_verb_kind=state", "tsk_rel=prep_at", "tsk_win_open=in"], []),
    # a total of a reported period: a flow noun under a period adjective (R-5: period)
    ("Lindqvist Motors reported full-year revenue of 48 billion kronor.", "48 billion kronor",
     ["tsk_period_adj", "tsk_period_adj|flow", "tsk_kind=flow_of_period", "tsk_noun_kind=flow"], []),
    # a rate named by a period adjective: a level noun (R-5: point)
    ("Members pay a monthly fee of $12.50 for the service.", "$12.50",
     ["tsk_period_adj", "tsk_period_adj|level", "tsk_noun_kind=level"], ["tsk_period_adj|flow"]),
    # a forecast: the verb chain holds a verb of expectation
    ("Tourist arrivals are projected to climb to 3.4 million this year.", "3.4 million",
     ["tsk_mode=forecast", "tsk_verb_kind=forecast"], ["tsk_mode=stated"]),
    # a specification of a product (point)
    ("The tablet comes with a battery of 8,200 mAh.", "8,200",
     ["tsk_kind=specification", "tsk_noun_kind=specification"], []),
    # a change from a base month (TS-6: period)
    ("Rents are up 3.1% from January.", "3.1%",
     ["tsk_kind=change", "tsk_win_open=from"], []),
    # a running total in the perfect
    ("Floodwaters have destroyed 1,150 homes in the valley.", "1,150",
     ["tsk_tense=perfect", "tsk_kind=count"], []),
    # a planned amount under a modal
    ("The council will spend 12 million euros on new buses next year.", "12 million euros",
     ["tsk_tense=modal", "tsk_mode=modal"], ["tsk_tense=past"]),
    # a window after "since"
    ("Copper has gained 9% since March.", "9%",
     ["tsk_win_open=since", "tsk_kind=change", "tsk_since=month"], []),
    # a specification's unit (Q-4: point), a plain unit of measure, a rate
    ("The Corvo 3 has a 4,800mAh battery and weighs 188 grams.", "4,800mAh",
     ["tsk_unit=spec"], ["tsk_unit=rate", "tsk_unit=count"]),
    ("Trucks moved at 40 kilometres per hour through the pass.", "40",
     ["tsk_unit=rate"], ["tsk_unit=spec"]),
    # "since" the start of what is counted (TS-3a) against a calendar point (TS-3b)
    ("Orvan has sold 2 million scooters since its launch in 2021.", "2 million",
     ["tsk_since=event_start", "tsk_since_tense=event_start|perfect"], ["tsk_since=year"]),
    ("Ticket sales have reached 41,000 since the start of May.", "41,000",
     ["tsk_since=calendar_start"], ["tsk_since=event_start"]),
    ("Bus fares have climbed 6% since Monday.", "6%", ["tsk_since=day"], []),
    # a change that only compares, with no window (Q-9: unspecified)
    ("Car registrations were down 7.5% year on year.", "7.5%",
     ["tsk_compared_no_window|change", "tsk_kind_win=change|none"], []),
    # an average over a stated window (TS-6)
    ("Patients waited an average of 52 minutes last month.", "52",
     ["tsk_average|window"], ["tsk_average|none"]),
    # a budget line of a fiscal year (TS-6)
    ("The ministry will spend 3.1 billion rand in the 2026/27 fiscal year.", "3.1 billion rand",
     ["tsk_fiscal_window"], []),
    # a projection over a stated window ahead
    ("Repairs could cost the airline $30 million over the next quarter.", "$30 million",
     ["tsk_mode=modal"], []),
]


def test_lead_day_only_for_a_move_without_a_window() -> None:
    text = ("LONDON, Thursday: Markets were calm.\n\nThe Halvard index slid 1.4% to 3,210 points. "
            "Halvard shares lost 2% on Wednesday.")
    moved = scope_features(_draft(text, "1.4%"))
    dated = scope_features(_draft(text, "2%"))
    assert "tsk_change_day_in_lead_only" in moved
    assert "tsk_change_day_in_lead_only" not in dated


def test_time_scope_reads_the_kind_features_and_other_fields_do_not() -> None:
    draft = _draft("Exports fell 4% in May.", "4%")
    common, extra, _ = claim_features([draft])
    assert any(f.startswith("tsk_") for f in field_features("time_scope", common[0], extra[0]))
    assert not any(f.startswith("tsk_") for f in field_features("category", common[0], extra[0]))
    assert not any(f.startswith("tsk_") for f in field_features("source_type", common[0], extra[0]))


def test_user_word_lists_extend_the_kinds(tmp_path, monkeypatch) -> None:
    (tmp_path / "scopekinds.toml").write_text('[nouns]\nspecification = ["wingspan", "bogglewidth"]\n')
    monkeypatch.setenv("CLAIMLEDGER_LEXICONS", str(tmp_path))
    load_table.cache_clear()
    kind_words.cache_clear()
    try:
        assert "bogglewidth" in kind_words().nouns["specification"]
        assert "battery" in kind_words().nouns["specification"]  # the shipped words stay
    finally:
        monkeypatch.delenv("CLAIMLEDGER_LEXICONS")
        load_table.cache_clear()
        kind_words.cache_clear()


def test_the_figure_before_is_read_within_two_sentences() -> None:
    text = ("Exports fell 4% in May. The port handled 12,000 containers.\n\nMore news followed. "
            "It rained. The river rose. Ferries carried 300 cars.")
    nlp = get_pipeline()
    with nlp.select_pipes(disable=["claimledger_decisions"]):
        drafts = live_drafts(nlp(text))
    _, extra, _ = claim_features(drafts)
    by_text = {d.span.text: n for n, d in enumerate(drafts)}
    near = extra[by_text["12,000"]]["time_scope"]
    far = extra[by_text["300"]]["time_scope"]
    assert any(f.startswith("tsk_prev_win=near|") for f in near)
    assert "tsk_prev=none" in far  # four sentences on: no longer the same report


def test_report_period_in_lead_and_nearest_window_before() -> None:
    text = ("Harlow Mills posted first-quarter results on Thursday.\n\nRevenue rose 8% to 2.4 billion "
            "pounds in the three months to March. Costs were up 5%. Staff numbers rose 3%.")
    nlp = get_pipeline()
    from datetime import date
    doc = nlp.make_doc(text)
    doc.user_data[PUBLISHED_KEY] = date(2025, 4, 10)
    with nlp.select_pipes(disable=["claimledger_decisions"]):
        for _, component in nlp.pipeline:
            doc = component(doc)
    drafts = live_drafts(doc)
    _, extra, _ = claim_features(drafts)
    by_text = {d.span.text: n for n, d in enumerate(drafts)}
    costs = extra[by_text["5%"]]["time_scope"]
    assert "tsk_no_window_lead_period|change" in costs
    assert any(f.startswith("tsk_ctx=near|") for f in costs)  # the window of the sentence before
    assert "tsk_ctx=none" not in costs


@pytest.mark.parametrize(("text", "phrases"), [
    ("its full-year revenue rose", ("full-year", "annual", "year")),
    ("the annual-report figures", ("annual", "quarterly")),  # joined by a hyphen: not the whole word
    ("semiannual and annual sales", ("annual",)),
    ("a c++ budget (monthly)", ("c++", "monthly")),  # escaped, and at a bracket
    ("", ("weekly",)),
    ("weekly", ("weekly",)),
])
def test_whole_phrases_find_what_re_search_found(text: str, phrases: tuple[str, ...]) -> None:
    from claimledger.decide.scopekinds import _whole_phrases, _words_in

    expected = [re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", text) is not None for p in phrases]
    assert [p.search(text) is not None for p in _whole_phrases(phrases)] == expected
    assert _words_in(text, phrases) == any(expected)


# (text, figure, features that must be there, features that must not): the report around the figure
REPORT_CASES = [
    # an overnight attack told in the sentence before: its counts belong to that night (TS-4a)
    ("Drones struck Velmora overnight, officials said. Air defences downed 41 drones.", "41",
     ["tsk_night=near"], ["tsk_night=own", "tsk_night=lead"]),
    # the overnight word in the figure's own sentence
    ("Shelling overnight wounded 12 people in Ostrava Nova.", "12", ["tsk_night=own"], ["tsk_night=near"]),
    # no night anywhere
    ("The council approved 300 new homes.", "300", [], ["tsk_night=own", "tsk_night=near", "tsk_night=lead"]),
    # a poll's share in the sentence after the poll (TS-9, P-9)
    ("A poll by Kestrel Research was published on Friday. It found 44% backed the mayor.", "44%",
     ["tsk_poll=near"], ["tsk_poll=own"]),
    # a toll named before the figure in a story of deaths
    ("The death toll from the landslide rose to 23, rescuers said.", "23", ["tsk_toll_noun"], []),
    # a total word before the figure
    ("Cumulative aid from Norvia stands at 4 billion euros.", "4 billion euros",
     ["tsk_total_word=cumulative"], []),
    # "since <date>" in a story of a war: the date may be the war's start (TS-3a)
    ("Since the war began, 80,000 people have fled; 12,000 have returned since March 2024.", "12,000",
     ["tsk_since_date=war"], ["tsk_since_date=nowar"]),
    ("Copper output has risen by 9,000 tonnes since May 2024.", "9,000",
     ["tsk_since_date=nowar"], ["tsk_since_date=war"]),
    # a window that is only the base of a comparison beside a window that bounds the figure (TS-6)
    ("Profit rose 8% from a year ago.", "8%", ["tsk_compared_window"], ["tsk_relative_window"]),
    ("Rents rose 6.5% in March.", "6.5%", [], ["tsk_compared_window", "tsk_relative_window"]),
]


# one test for both tables: the figure's own sentence (CASES) and the report around it (REPORT_CASES)
@pytest.mark.parametrize(("text", "figure", "present", "absent"), CASES + REPORT_CASES)
def test_kind_features(text: str, figure: str, present: list[str], absent: list[str]) -> None:
    feats = scope_features(_draft(text, figure))
    for feature in present:
        assert feature in feats, (feature, feats)
    for feature in absent:
        assert feature not in feats, (feature, feats)


# the counted noun, the verb's subject and the verb, crossed with whether the figure has a window of its own
LEXICAL_CASES = [
    ("Harbour Lane sold 420 flats in May.", "420", ["tsk_noun_win=flat|win", "tsk_verb_win=sell|win|flow"]),
    ("Just 950 flats were empty.", "950", ["tsk_noun_win=flat|nowin"]),
    ("Kellow Bank's deposits rose to 4 billion euros in June.", "4 billion euros",
     ["tsk_subj_win=deposit|win", "tsk_subj_verb_win=deposit|rise|win"]),
]


@pytest.mark.parametrize(("text", "figure", "present"), LEXICAL_CASES)
def test_lexical_features(text: str, figure: str, present: list[str]) -> None:
    feats = scope_features(_draft(text, figure))
    for feature in present:
        assert feature in feats, (feature, feats)
