"""Time scope's own features: what KIND of amount a figure is and how its window relates to it (guide section
7, TS-2..TS-10; section 16 R-5 and G-4; section 15 G-5).

The rules (``nlp/timescope``) answer with one value; the decision model weighs that answer beside the parse.
What decides a time scope across unseen text is mostly the figure's kind, read here from the parse and the
word lists of ``data/lexicons/scopekinds.toml``:

- its **relation** to the word it hangs on: "by" under a verb of change (a change), "to"/"at" (the level
  reached), "from" (the base), the object of a verb of flow, the subject, a modifier of a noun;
- the **verb class** of that word: change, state, flow, forecast, specification, measured result;
- the **noun** it measures (the noun it modifies, the noun it is "of", else the verb's subject): a flow or
  total ("revenue", "exports"), a level or stock ("reserves", "price"), a specification ("battery"), a result;
- a **period adjective** on that noun ("full-year revenue", "a monthly charge"): a total of a reported
  period when the noun is a flow, a rate when it is a level (R-5);
- the **mode**: forecast or planned ("is expected to reach", "will"), a modal, the tense;
- the **window**: the word that opens it ("in", "on", "since", "from", "by", "last"), what it hangs on
  (the figure's verb, its noun, the subject: "last year's revenue"), and its kind crossed with the
  figure's kind (a change with no window is unspecified, G-5; a level dated by a day is a point, TS-9);
- whether the document's lead names a day (a market move whose day is only in the lead, G-5), or the period
  a report covers ("first-quarter results": the changes and totals after it, TS-10);
- the figure's unit: a specification or measured result (Q-4: point), a unit of measure, a rate;
- what follows "since" in its sentence: the start of what is counted (TS-3a) or a calendar point (TS-3b);
- a comparison ("year on year") with no window (Q-9: unspecified), an average, a fiscal or budget window;
- the nearest earlier figure with a window of its own, within three sentences (TS-10).

Every feature is a string key (value 1); the model reads them for time scope only (``Row.extra``), so the
other fields' models are unchanged. Linear in the sentence: each figure walks a bounded number of parse
steps; the lead's day is read once per document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from claimledger.nlp.drafts import ClaimDraft, doc_text, span_text
from claimledger.nlp.lexicon import load_table

VERB_KINDS = ("change", "state", "flow", "forecast", "specification", "result")
NOUN_KINDS = ("flow", "level", "specification", "result")
WINDOW_OPENERS = frozenset(
    "in on since from by during over for between through until till last this next past the at within "
    "earlier so throughout as after before".split())
_LEAD_DAY = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|overnight)\b", re.I)
_LEAD_KEY = "claimledger.scopekinds.lead_day"
_LEAD_PERIOD_KEY = "claimledger.scopekinds.lead_period"
_YEAR = re.compile(r"^(?:19|20)\d\d(?:/\d\d)?$")
_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec mid-may early late mid".split())
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday weekend yesterday".split())
_SUBJECTS = ("nsubj", "nsubjpass")


@dataclass(frozen=True, slots=True)
class KindWords:
    verbs: dict[str, frozenset[str]]
    nouns: dict[str, frozenset[str]]
    period_adjectives: tuple[str, ...]
    comparisons: tuple[str, ...]
    up_down: frozenset[str]
    change_nouns: frozenset[str]
    modal: frozenset[str]
    vote: frozenset[str]
    since_starts: frozenset[str] = frozenset()
    fiscal: tuple[str, ...] = ()
    reported_periods: tuple[str, ...] = ()
    averages: frozenset[str] = frozenset()


@cache
def kind_words() -> KindWords:
    """The word lists of ``scopekinds.toml`` (shipped entries plus the user's)."""
    table = load_table("scopekinds")
    verbs = {k: frozenset(table["verbs"].get(k, [])) for k in VERB_KINDS}
    nouns = {k: frozenset(table["nouns"].get(k, [])) for k in NOUN_KINDS}
    words = table.get("words", {})
    adjectives = table.get("adjectives", {})
    return KindWords(
        verbs, nouns,
        tuple(sorted(adjectives.get("period", []), key=len, reverse=True)),
        tuple(adjectives.get("comparison", [])),
        frozenset(words.get("up_down", [])), frozenset(words.get("change_nouns", [])),
        frozenset(words.get("modal", [])), frozenset(table["nouns"].get("vote", [])),
        frozenset(words.get("since_starts", [])), tuple(words.get("fiscal", [])),
        tuple(words.get("reported_periods", [])), frozenset(words.get("averages", [])))


def _phrase_top(draft: ClaimDraft) -> Token:
    """The highest token of the figure's phrase (the figure, its counted noun and the words between)."""
    inside = set(range(draft.span.start, draft.span.end))
    if draft.noun is not None:
        inside.add(draft.noun.i)
    top = draft.figure
    for _ in range(6):
        head = top.head
        if head.i == top.i or head.i not in inside:
            break
        top = head
    if draft.noun is not None and draft.noun.i in inside and draft.noun.head.i not in inside:
        # "$2bn in revenue": the noun may sit above the figure although the figure's own head chain is cut
        if top.head.i in inside or top.i == draft.figure.i and draft.figure.head.i == draft.noun.i:
            top = draft.noun
    return top


def _verb_above(token: Token) -> Token | None:
    current = token
    for _ in range(5):
        if current.pos_ in ("VERB", "AUX"):
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _verb_chain(verb: Token) -> list[Token]:
    """The verb and those it is the complement of ("is expected to reach": reach, expect)."""
    chain = [verb]
    current = verb
    for _ in range(3):
        if current.dep_ in ("xcomp", "ccomp") and current.head.pos_ in ("VERB", "AUX", "ADJ"):
            current = current.head
            chain.append(current)
        else:
            break
    return chain


def _noun_kinds(token: Token | None, words: KindWords) -> list[str]:
    if token is None:
        return []
    lemma, lower = token.lemma_.lower(), token.lower_
    out = [k for k in NOUN_KINDS if lemma in words.nouns[k] or lower in words.nouns[k]]
    if lemma in words.change_nouns:
        out.append("change")
    return out


def _period_adjective(noun: Token, words: KindWords) -> str | None:
    """A period adjective written before ``noun`` ("full-year revenue", "its annual capacity")."""
    doc = noun.doc
    left = doc[max(noun.left_edge.i, noun.i - 5):noun.i]
    text = doc_text(doc)[left.start_char:left.end_char].lower() if len(left) else ""
    if not text:
        return None
    patterns = _whole_phrases(words.period_adjectives)
    for adjective, pattern in zip(words.period_adjectives, patterns, strict=True):
        if pattern.search(text):
            return adjective
    return None


@cache
def _whole_phrases(phrases: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Each phrase as a pattern that finds it as a whole word or words, compiled once per word list (they
    were built and looked up in ``re``'s cache for every phrase of every figure)."""
    return tuple(re.compile(rf"(?<![\w-]){re.escape(p)}(?![\w-])") for p in phrases)


def _tense(verb: Token | None, words: KindWords) -> str:
    if verb is None:
        return "none"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {c.lower_ for c in auxes}
    if lowers & words.modal:
        return "modal"
    if any(c.lemma_.lower() == "have" for c in auxes):
        return "past_perfect" if "had" in lowers else "perfect"
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in auxes):
        return "present"
    return "nonfinite"


def _lead_day(draft: ClaimDraft) -> bool:
    """Whether the document's first sentence (its lead or dateline) names a day."""
    doc = draft.span.doc
    found = doc.user_data.get(_LEAD_KEY)
    if found is None:
        text = doc_text(doc)
        first = next(iter(doc.sents), None)
        end = first.end_char if first is not None else 0
        found = doc.user_data[_LEAD_KEY] = bool(_LEAD_DAY.search(text[:min(end, 400)]))
    return bool(found)


def _opener(draft: ClaimDraft) -> str:
    """The word that opens the figure's window: its own first word ("since", "last", "this") or the
    preposition before it ("in May", "on Monday"); "bare" when neither."""
    window = draft.window
    assert window is not None
    words = window.text.split()
    first = words[0].lower() if words else ""
    if first in WINDOW_OPENERS and first != "the":
        return first
    doc = draft.span.doc
    span = doc.char_span(window.start, window.end, alignment_mode="expand")
    if span is not None and span.start > draft.sentence.start:
        before = doc[span.start - 1]
        if before.lower_ in WINDOW_OPENERS:
            return before.lower_
        if before.pos_ == "ADP":
            return "prep"
    return "bare"


def _window_anchor(draft: ClaimDraft, verb: Token | None, measured: Token | None) -> str:
    """What the window hangs on: the figure's verb, the noun it measures ("last year's revenue"), the figure
    itself, or something else."""
    window = draft.window
    assert window is not None
    doc = draft.span.doc
    span = doc.char_span(window.start, window.end, alignment_mode="expand")
    if span is None:
        return "unknown"
    root = span.root
    inside = set(range(span.start, span.end))
    head = root
    for _ in range(4):
        head = head.head
        if head.i in inside:
            continue
        if verb is not None and head.i == verb.i:
            return "verb"
        if measured is not None and head.i == measured.i:
            return "noun"
        if head.i == draft.figure.i or draft.span.start <= head.i < draft.span.end:
            return "figure"
        if head.pos_ not in ("ADP",):
            break
    return "other"


def _words_in(text: str, phrases: tuple[str, ...]) -> bool:
    return any(pattern.search(text) for pattern in _whole_phrases(phrases))


def _lead_period(draft: ClaimDraft, words: KindWords) -> bool:
    """Whether the document's first sentence names the period a report covers ("first-quarter results",
    "figures for November"): read once per document, from at most 400 characters."""
    doc = draft.span.doc
    found = doc.user_data.get(_LEAD_PERIOD_KEY)
    if found is None:
        first = next(iter(doc.sents), None)
        end = first.end_char if first is not None else 0
        found = doc.user_data[_LEAD_PERIOD_KEY] = _words_in(doc_text(doc)[:min(end, 400)].lower(),
                                                             words.reported_periods)
    return bool(found)


def _unit_kind(draft: ClaimDraft) -> str:
    """What the figure's unit says it is: a specification or measured result (Q-4: point), another unit of
    measure, a rate (a unit per unit), or none of these."""
    from claimledger.nlp.timescope.rules import default_rules

    unit = draft.unit.lower()
    if not unit:
        return "none"
    if " per " in unit:
        return "rate"
    rules = default_rules()
    last = unit.split(" ")[-1]
    if unit in rules.spec_units or last in rules.spec_units:
        return "spec"
    return "measure" if last in rules.measure_units else "count" if draft.category == "other" else "none"


def _since_object(draft: ClaimDraft, words: KindWords) -> str | None:
    """What follows the "since" of the figure's sentence: the start of what is counted ("since their launch",
    "since the war began": TS-3a), a start of a calendar stretch ("since the start of June"), a year, a month,
    a day ("since Monday"), or something else; None with no "since". Bounded: the sentence, six words after
    the "since" nearest the figure."""
    sentence = draft.sentence
    if "since" not in span_text(sentence).lower():
        return None  # no token of it can be "since": the sentence's tokens are not walked for each figure
    found = [t for t in sentence if t.lower_ == "since"]
    if not found:
        return None
    nearest = min(found, key=lambda t: abs(t.i - draft.figure.i))
    tokens = [t.lower_.strip(".,'’") for t in draft.span.doc[nearest.i + 1:min(sentence.end, nearest.i + 7)]]
    if any(w in words.since_starts for w in tokens):
        if tokens[:3] in (["the", "start", "of"], ["the", "beginning", "of"]) and len(tokens) > 3 \
                and (tokens[3] in _MONTHS or _YEAR.match(tokens[3]) or tokens[3] in ("the", "this", "last")):
            return "calendar_start"  # "since the start of June", "of the year" (TS-3b)
        return "event_start"
    if any(_YEAR.match(w) for w in tokens):
        return "year"
    if any(w in _MONTHS for w in tokens):
        return "month"
    if any(w in _DAYS for w in tokens):
        return "day"
    return "other"


def _average_before(draft: ClaimDraft, words: KindWords) -> bool:
    """ "an average of 94 minutes", "averaged 424 ppm", "a median wait of": up to four words before."""
    doc = draft.span.doc
    start = max(draft.sentence.start, draft.span.start - 4)
    return any(t.lower_ in words.averages or t.lemma_.lower() in words.averages
               for t in doc[start:draft.span.end])


def _context_features(kind: str, context: tuple[str, str, int] | None) -> list[str]:
    """The nearest earlier figure with a window of its own, within three sentences (TS-10: continuing a
    report): its window's kind and its rules' time scope, crossed with this figure's kind."""
    if context is None or context[2] > 3:
        return ["tsk_ctx=none", f"tsk_ctx_kind=none|{kind}"]
    window, scope, gap = context
    where = "same" if gap == 0 else "near"
    return [f"tsk_ctx={where}|{window}", f"tsk_ctx_ts={where}|{scope}", f"tsk_ctx_kind={window}|{kind}",
            f"tsk_ctx_ts_kind={scope}|{kind}"]


def _previous_features(draft: ClaimDraft, previous: ClaimDraft | None, gap: int) -> list[str]:
    """What the figure before it says (TS-10, continuing a report): its rules' time scope and window kind, and
    whether it stands in the same sentence or one or two before. ``gap`` counts sentences between them."""
    if previous is None or gap > 2:
        return ["tsk_prev=none"]
    where = "same" if gap == 0 else "near"
    window = previous.window.kind if previous.window is not None else "none"
    own = draft.window.kind if draft.window is not None else "none"
    return [f"tsk_prev_ts={where}|{previous.time_scope}", f"tsk_prev_win={where}|{window}",
            f"tsk_prev_own={window}|{own}|{draft.time_scope}",
            f"tsk_prev_same_cat={previous.category == draft.category}|{previous.time_scope}"]


@dataclass(frozen=True, slots=True)
class ReportWords:
    overnight: re.Pattern[str]
    relative_window: re.Pattern[str]
    since_date: re.Pattern[str]
    poll: frozenset[str]
    toll: frozenset[str]
    harm: frozenset[str]
    cumulative: frozenset[str]
    conflict: frozenset[str]
    displaced: frozenset[str]
    comparison_before: frozenset[str]


_MONTH_NAMES = ("january|february|march|april|may|june|july|august|september|october|november|december|"
                "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")


@cache
def report_words() -> ReportWords:
    """The ``[report]`` word lists of ``scopekinds.toml``."""
    from claimledger.nlp.lexicon import phrase_alternation

    table = load_table("scopekinds").get("report", {})

    def words(key: str) -> frozenset[str]:
        return frozenset(table.get(key, []))

    def phrases(key: str) -> re.Pattern[str]:
        found = phrase_alternation(table.get(key, []))
        return re.compile(rf"(?<![\w-])(?:{found})(?![\w-])" if found else r"(?!)", re.I)

    return ReportWords(
        phrases("overnight"), phrases("relative_window"),
        # "since October 2023", "since early 2022", "since 7 October 2023": a dated start (TS-3a or TS-3b)
        re.compile(rf"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:(?:{_MONTH_NAMES})\.?\s+)?(?:\d{{1,2}}\s+)?"
                   r"(?:19|20)\d\d\b", re.I),
        words("poll"), words("toll"), words("harm"), words("cumulative"), words("conflict"),
        words("displaced"), words("comparison_before"))


def _sentence_text(sentence: Span) -> str:
    return doc_text(sentence.doc)[sentence.start_char:sentence.end_char]


def report_features(draft: ClaimDraft, kind: str) -> list[str]:
    """What the report around the figure says, within its sentence and the two before (TS-4a, TS-10, TS-3a,
    TS-9, Q-9): an overnight or 24-hour stretch told in the figure's sentence, in one of the two before or in
    the lead; a running-total word or a toll noun before the figure; a poll or survey; a "since <date>" in a
    story of a war (the date the article gives as the start, TS-3a); and whether the figure's own window is
    the base of a comparison ("up 5% on a year earlier": Q-9). Bounded: three sentences and the lead."""
    from claimledger.decide.features import sentence_index_of, sentences_of

    words = report_words()
    doc = draft.span.doc
    sentences = sentences_of(doc)
    here = sentence_index_of(doc).get(draft.sentence.start, 0)
    rule = draft.time_scope
    window = draft.window.kind if draft.window is not None else "none"
    feats: list[str] = []
    own_text = _sentence_text(draft.sentence)
    before = sentences[max(0, here - 2):here]
    if words.overnight.search(own_text):
        feats += ["tsk_night=own", f"tsk_night=own|{rule}", f"tsk_night_kind=own|{kind}"]
    elif any(words.overnight.search(_sentence_text(s)) for s in before):
        feats += ["tsk_night=near", f"tsk_night=near|{rule}|{window}", f"tsk_night_kind=near|{kind}"]
    elif sentences and words.overnight.search(_sentence_text(sentences[0])[:400]):
        feats += ["tsk_night=lead", f"tsk_night=lead|{rule}|{window}", f"tsk_night_kind=lead|{kind}"]
    left = doc[max(draft.sentence.start, draft.span.start - 8):draft.span.start]
    lemmas_left = [t.lemma_.lower() for t in left]
    for lemma in lemmas_left[-6:]:
        if lemma in words.cumulative:
            feats += [f"tsk_total_word={lemma}", f"tsk_total_word={lemma}|{rule}"]
    own = {t.lemma_.lower() for t in draft.sentence} | {t.lower_ for t in draft.sentence}
    previous = ({t.lemma_.lower() for t in sentences[here - 1]} | {t.lower_ for t in sentences[here - 1]}
                if here > 0 else set())
    if own & words.poll:
        feats += ["tsk_poll=own", f"tsk_poll=own|{kind}"]
    elif previous & words.poll:
        feats += ["tsk_poll=near", f"tsk_poll=near|{kind}"]
    if own & words.harm and any(lemma in words.toll for lemma in lemmas_left):
        feats += ["tsk_toll_noun", f"tsk_toll_noun|{rule}"]
    if words.since_date.search(own_text):
        war = "war" if (own | previous) & words.conflict else "nowar"
        harm = "harm" if own & (words.harm | words.displaced) else "noharm"
        feats += [f"tsk_since_date={war}", f"tsk_since_date={war}|{harm}", f"tsk_since_date={war}|{kind}",
                  f"tsk_since_date={war}|{rule}"]
    if draft.window is not None and words.relative_window.search(draft.window.text):
        span = doc.char_span(draft.window.start, draft.window.end, alignment_mode="expand")
        first = draft.window.text.split()[0].lower() if draft.window.text.split() else ""
        start = max(draft.sentence.start, span.start - 2) if span is not None else 0
        lead_in = [t.lower_ for t in doc[start:span.start]] if span is not None else []
        opened = first in words.comparison_before or any(w in words.comparison_before for w in lead_in)
        name = "tsk_compared_window" if opened else "tsk_relative_window"
        feats += [name, f"{name}|{kind}"] + ([f"{name}|{rule}"] if opened else [])
    return feats


def _lexical_features(draft: ClaimDraft, kind: str, verb: Token | None, subject: Token | None) -> list[str]:
    """Which words the figure measures, crossed with whether it has a window of its own: the counted noun, the
    subject of its verb and the verb itself. A stock dated by a time is a point and a flow in a window a
    period (TS-6 against TS-9); the word lists name the common kinds, these let the model learn the nouns
    and verbs the training gold shows to be stocks or flows ("homes available", "subscribers" against
    "completions", "arrivals")."""
    has = "win" if draft.window is not None else "nowin"
    feats: list[str] = []
    if draft.noun is not None:
        noun = draft.noun.lemma_.lower()
        feats += [f"tsk_noun_win={noun}|{has}", f"tsk_noun_kind_of={noun}|{kind}"]
    if verb is not None:
        if subject is not None and not draft.span.start <= subject.i < draft.span.end:
            lemma = subject.lemma_.lower()
            feats += [f"tsk_subj_win={lemma}|{has}", f"tsk_subj_verb_win={lemma}|{verb.lemma_.lower()}|{has}"]
        feats.append(f"tsk_verb_win={verb.lemma_.lower()}|{has}|{kind}")
    return feats


def scope_features(draft: ClaimDraft, previous: ClaimDraft | None = None, gap: int = 99,
                   context: tuple[str, str, int] | None = None) -> list[str]:
    """The time-scope features of one live draft; ``previous`` is the live draft before it in the document
    and ``gap`` the number of sentences between them; ``context`` the window kind, rules' time scope and
    sentence gap of the nearest earlier draft that has a window of its own."""
    words = kind_words()
    top = _phrase_top(draft)
    head = top.head if top.head.i != top.i else None
    feats: list[str] = _previous_features(draft, previous, gap)
    relation = f"dep_{top.dep_}"
    measured: Token | None = None
    if head is not None and head.pos_ == "ADP":
        relation = f"prep_{head.lower_}"
        governor = head.head if head.head.i != head.i else None
        if head.lower_ == "of" and governor is not None and governor.pos_ in ("NOUN", "PROPN"):
            measured = governor  # "growth of 2.8%", "revenue of $2bn", "a battery of 5,000 mAh"
    elif head is not None and head.pos_ in ("NOUN", "PROPN") and top.dep_ in (
            "compound", "nmod", "amod", "nummod", "quantmod", "poss"):
        measured = head  # "a $2bn profit", "a 3% rise"
    feats.append(f"tsk_rel={relation}")
    verb = _verb_above(top)
    chain = _verb_chain(verb) if verb is not None else []
    verb_kinds = sorted({k for v in chain for k in VERB_KINDS
                         if v.lemma_.lower() in words.verbs[k]})
    main_kinds = [k for k in VERB_KINDS if verb is not None and verb.lemma_.lower() in words.verbs[k]]
    feats += [f"tsk_verb_kind={k}" for k in verb_kinds] or ["tsk_verb_kind=none"]
    subject = next((c for v in chain for c in v.children if c.dep_ in _SUBJECTS), None)
    if measured is None and draft.noun is not None and draft.noun.i != top.i \
            and draft.noun.lemma_.lower() in {w for k in NOUN_KINDS for w in words.nouns[k]}:
        measured = draft.noun
    if measured is None and subject is not None and not (draft.span.start <= subject.i < draft.span.end):
        measured = subject
    noun_kinds = _noun_kinds(measured, words)
    feats += [f"tsk_noun_kind={k}" for k in noun_kinds] or ["tsk_noun_kind=none"]
    adjective = _period_adjective(measured, words) if measured is not None else None
    if adjective is not None:
        feats.append("tsk_period_adj")
        feats += [f"tsk_period_adj|{k}" for k in noun_kinds or ["none"]]
    sentence_text = doc_text(draft.span.doc)[draft.sentence.start_char:draft.sentence.end_char].lower()
    after = draft.span.doc[draft.span.start:min(draft.sentence.end, draft.span.end + 4)]
    near = {t.lemma_.lower() for t in after}
    if near & words.vote or (measured is not None and measured.lemma_.lower() in words.vote):
        feats += ["tsk_vote", f"tsk_vote|{'+'.join(main_kinds) or 'none'}"]
    compared = any(c in sentence_text for c in words.comparisons)
    before = draft.span.doc[draft.span.start - 1] if draft.span.start > draft.sentence.start else None
    change = ("change" in main_kinds and relation in ("prep_by", "dep_dobj", "dep_npadvmod", "dep_advmod"))\
        or (before is not None and before.lower_ in words.up_down and before.dep_ != "prt") \
        or "change" in noun_kinds and measured is not None and measured.i == (head.i if head else -1)
    level_after = "change" in main_kinds and relation in ("prep_to", "prep_at")
    if change:
        kind = "change"
    elif level_after:
        kind = "level_reached"
    elif relation == "prep_from" and "change" in main_kinds:
        kind = "base"
    elif "specification" in noun_kinds:
        kind = "specification"
    elif "result" in noun_kinds or "result" in main_kinds and draft.category == "other":
        kind = "result"
    elif "forecast" in verb_kinds:
        kind = "forecast"
    elif "flow" in noun_kinds or "flow" in main_kinds:
        kind = "flow"
    elif "level" in noun_kinds or "state" in main_kinds:
        kind = "level"
    else:
        kind = "count"
    if adjective is not None and kind in ("flow", "level", "forecast"):
        kind = f"{kind}_of_period"
    if compared:
        feats += ["tsk_comparison", f"tsk_comparison|{kind}"]
    tense = _tense(verb, words)
    mode = "forecast" if "forecast" in verb_kinds else "modal" if tense == "modal" else "stated"
    unit_kind = _unit_kind(draft)
    feats += [f"tsk_unit={unit_kind}", f"tsk_unit_kind={unit_kind}|{kind}"]
    averaged = _average_before(draft, words)
    if averaged:
        feats.append(f"tsk_average|{'window' if draft.window is not None else 'none'}")
    since = _since_object(draft, words)
    if since is not None:
        feats += [f"tsk_since={since}", f"tsk_since_tense={since}|{tense}",
                  f"tsk_since_kind={since}|{kind}"]
    feats += report_features(draft, kind)
    feats += _lexical_features(draft, kind, verb, subject)
    feats += [f"tsk_kind={kind}", f"tsk_tense={tense}", f"tsk_mode={mode}",
              f"tsk_kind_cat={kind}|{draft.category}", f"tsk_kind_rule={kind}|{draft.time_scope}",
              f"tsk_rel_verb={relation}|{main_kinds[0] if main_kinds else 'none'}",
              f"tsk_kind_tense={kind}|{tense}"]
    window = draft.window
    if window is None:
        feats.append(f"tsk_kind_win={kind}|none")
        if kind == "change" and _lead_day(draft):
            feats.append("tsk_change_day_in_lead_only")  # G-5
        if compared:
            feats.append(f"tsk_compared_no_window|{kind}")  # "up 4% year on year", no window
        if _lead_period(draft, words):
            feats.append(f"tsk_no_window_lead_period|{kind}")  # TS-10: a report of a period
        feats += _context_features(kind, context)
        return feats
    opener = _opener(draft)
    anchor = _window_anchor(draft, verb, measured)
    when = "unknown"
    if window.reference is not None and window.last is not None:
        when = "past" if window.last < window.reference else "now" if window.last == window.reference \
            else "ahead"
    feats += [f"tsk_win_open={opener}", f"tsk_win_on={anchor}",
              f"tsk_kind_win={kind}|{window.kind}", f"tsk_kind_open={kind}|{opener}",
              f"tsk_kind_anchor={kind}|{anchor}", f"tsk_mode_when={mode}|{when}",
              f"tsk_open_kind={opener}|{window.kind}",
              f"tsk_win_side={'before' if window.end <= draft.start else 'after'}",
              f"tsk_mode_open={mode}|{opener}|{when}"]
    if _words_in(window.text.lower(), words.fiscal) or re.search(r"\b(?:19|20)\d\d/\d\d\b", window.text):
        feats += ["tsk_fiscal_window", f"tsk_fiscal_window|{kind}"]  # "for the 2025/26 fiscal year"
    if window.kind == "day" and unit_kind == "spec":
        feats.append("tsk_spec_on_a_day")
    return feats
