"""Hedging ("reportedly", "estimates suggest") and verification statements that reach back.

Patterns come from ``data/lexicons/hedging.toml``. A hedge marks the figures of its own clause. A
verification statement ("Newsweek was unable to independently verify these figures", "Russia has
not confirmed or denied ...") marks the figures it refers to: those before it in its sentence, and
those of the sentences before it up to its reach (further for "these figures" than for a topic),
never across a blank line; the nearest statement wins.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from claimledger.models import AUTHOR
from claimledger.nlp.drafts import ClaimDraft, clause_bounds, doc_text, span_text
from claimledger.nlp.lexicon import compile_patterns, load_table
from claimledger.nlp.literals import folded, may_match
from claimledger.nlp.runner import expired

HEDGING_BOUNDS = {"an estimated", "estimated", "a reported"}
# A passive "reported" is the unnamed source's hedge ("five people were reported killed"); with a named
# speaker it is that speaker's record ("the agency said 34 deaths had been reported"), as in the dev gold.
REPORTED_PASSIVE = re.compile(r"(?:is|are|was|were|been) reported", re.IGNORECASE)
# What may follow a hedging verb that closes its sentence: "..., the consultancy estimated."
CLAUSE_END = re.compile(r"[\s.!?\"'”’)]*")
SPEECH_VERBS = {"say", "tell", "add", "report", "state", "announce"}
# Subordinators of a clause giving a reason or a contrast: a hedge of the main clause does not reach into it.
REASON_MARKS = {"because", "since", "although", "though", "whereas"}
# Between a statement and a later figure in its sentence, a cue like this means the figure is the
# speaker's own: "the department disputed the charity's figure, saying only 23 deaths ...".
OWN_VOICE = re.compile(r"\b(?:saying|said|says|adding|added|noting|insisting|putting)\b", re.IGNORECASE)


STATEMENTS_KEY = "claimledger.verification_statements"  # doc.user_data: sentence index -> its statements


@dataclass(frozen=True)
class HedgingRules:
    hedges: list[re.Pattern[str]]
    sentence_hedges: list[re.Pattern[str]]  # "gave no evidence": figures before it in its sentence (O-1)
    verification: list[tuple[str, re.Pattern[str]]]  # in order: the first match at a place decides
    reach: int
    reach_figures: int
    about_figures: re.Pattern[str]
    about_one_figure: re.Pattern[str]
    about_sides: re.Pattern[str]  # "neither side's figures": every earlier figure of the report
    sides_paragraphs: int  # how many paragraph breaks back such a statement reaches
    third_parties: frozenset[str]  # the source types of figures that are not either side's
    own_count: re.Pattern[str]  # the outlet's own count in a figure's sentence: "our running tally"
    # a hedge cue that gives its figure to unnamed estimates or reports ("Estimates suggest"): no carry-over
    own_attribution: list[re.Pattern[str]]


@dataclass(frozen=True, slots=True)
class Statement:
    sentence: int  # index of its sentence
    position: int  # document offset
    value: str
    cue: str
    reach: int
    answers_figures: bool = False  # "disputed those figures": the figures right after the cue are its object
    one_figure: bool = False  # "disputed the figure": in a later sentence, only the first figure before it
    topic: tuple[str, ...] = ()  # words naming the one figure: "disputed that forecast", "the return figure"
    rival: bool = False  # "gave a lower figure of 302,000": the figure after the cue is the giver's own
    category: str | None = None  # "confirmed the injuries": only the figures of that kind, further back
    whole_report: bool = False  # "denied the report": the report's figures, into the paragraph before
    both_sides: bool = False  # "Neither side's figures could be verified": earlier figures, paragraphs back


# Keys of [verification] that are read before others but give another key's value (O-2: a named party's
# "could not confirm" is not_confirmed, read before the outlet's "could not confirm", unverified).
VALUE_OF_KEY = {"party_not_confirmed": "not_confirmed"}


@cache
def default_rules() -> HedgingRules:
    table = load_table("hedging")
    verification = [
        (VALUE_OF_KEY.get(value, value), pattern)
        for value, patterns in table["verification"].items()
        for pattern in compile_patterns(patterns, f"hedging.toml [verification.{value}]")
    ]
    return HedgingRules(
        hedges=compile_patterns(table["hedges"]["patterns"], "hedging.toml [hedges]"),
        sentence_hedges=compile_patterns(table["hedges"]["sentence_patterns"], "hedging.toml [hedges]"),
        verification=verification,
        reach=int(table["reach"]["sentences_before"]),
        reach_figures=int(table["reach"]["sentences_before_figures"]),
        about_figures=re.compile(table["reach"]["figures_pattern"], re.IGNORECASE),
        about_one_figure=re.compile(table["reach"]["singular_pattern"], re.IGNORECASE),
        about_sides=re.compile(table["reach"]["sides_pattern"], re.IGNORECASE),
        sides_paragraphs=int(table["reach"]["sides_paragraphs_before"]),
        third_parties=frozenset(table["reach"]["third_party_types"]),
        own_count=re.compile(table["reach"]["own_count_pattern"], re.IGNORECASE),
        own_attribution=compile_patterns(table["carry"]["own_attribution_cues"], "hedging.toml [carry]"),
    )


def hedge_in(text: str, rules: HedgingRules) -> str | None:
    for pattern in rules.hedges:
        match = pattern.search(text)
        if match:
            return match.group(0)
    return None


def verification_in(text: str, rules: HedgingRules) -> tuple[str, str] | None:
    for value, pattern in rules.verification:
        match = pattern.search(text)
        if match:
            return value, whole_words(text, match.start(), match.end())
    return None


def whole_words(text: str, start: int, end: int) -> str:
    """The matched cue widened to whole words: a pattern's stem ("could not be verif") is not a cue a reader
    can find again in the sentence ("could not be verified")."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end]


def statements_in(sentence: Span, index: int, rules: HedgingRules, has_claim_before) -> list[Statement]:
    """Verification statements of a sentence, one per place (the first value listed wins there)."""
    found: dict[int, tuple[str, str]] = {}
    text = span_text(sentence)
    lowered = folded(text)  # most statement patterns cannot match a given sentence: skip those
    for value, pattern in rules.verification:
        if not may_match(pattern, lowered):
            continue
        for match in pattern.finditer(text):
            start = sentence.start_char + match.start()
            if not any(abs(start - other) < 12 for other in found):
                found[start] = (value, whole_words(text, match.start(), match.end()))
    statements = []
    for position, (value, cue) in sorted(found.items()):
        if rules.about_figures.search(text):
            reach = rules.reach_figures
        elif has_claim_before(position):
            reach = 0  # "30,000 soldiers, a figure the ministry has neither confirmed nor denied"
        else:
            reach = rules.reach
        local = position - sentence.start_char
        # the object right after the cue, or inside it ("dismissed the Civic Shield figures")
        after = text[local:local + len(cue) + ANSWER_GAP]
        object_ = rules.about_figures.search(after)
        answers = object_ is not None and object_.start() <= len(cue) + 1
        one = rules.about_one_figure.search(after)
        one_figure = object_ is None and one is not None and one.start() <= len(cue) + 1
        if object_ is None and ONE_FIGURE_IN_CUE.search(cue):
            one_figure, one = True, ONE_FIGURE_IN_CUE.search(cue)  # "gave a lower figure of 302,000"
        topic = _topic(one.group(0)) if one_figure and one is not None else ()
        rival = bool(RIVAL.match(cue))
        kind = KIND_OBJECT.match(after[len(cue):]) or KIND_OBJECT.match(after[cue.rfind(" ") + 1:])
        category = KINDS[kind.group(1).lower()] if kind and not answers else None
        if category is not None:
            reach = rules.reach_figures
        whole = answers and object_ is not None and REPORT_OBJECT.fullmatch(object_.group(0)) is not None
        sides = rules.about_sides.search(text) is not None and not FORWARD.search(cue)
        statements.append(Statement(index, position, value, cue, reach, answers, one_figure, topic, rival,
                                    category, whole, sides))
    return statements


def read_hedging(doc: Doc, rules: HedgingRules) -> None:
    drafts = [d for d in doc._.claim_drafts or [] if d.dropped is None]
    if not drafts:
        return
    sentences = list(doc.sents)
    text = doc_text(doc)
    index_of = {s.start: i for i, s in enumerate(sentences)}
    starts_by_sentence: dict[int, list[int]] = {}
    for draft in drafts:
        starts_by_sentence.setdefault(index_of[draft.sentence.start], []).append(draft.start)
    statements: dict[int, list[Statement]] = {}
    for i, sentence in enumerate(sentences):
        before = starts_by_sentence.get(i, [])
        found = statements_in(sentence, i, rules, lambda pos, before=before: any(s < pos for s in before))
        if found:
            statements[i] = found
    doc.user_data[STATEMENTS_KEY] = statements  # the decision layer weighs every statement's reach
    figure_starts = sorted(d.start for d in drafts)
    targets = {s: _one_figure_targets(s, starts_by_sentence.get(s.sentence - 1, []), drafts, text)
               for found in statements.values() for s in found if s.one_figure}
    report_sources = _report_sources(statements, drafts, text, rules)
    for draft in drafts:
        if expired(doc):
            return  # the document's time is up: it is reported as skipped
        _hedge(draft, rules)
        i = index_of[draft.sentence.start]
        statement = _statement_for(draft, i, statements, sentences, text, rules, figure_starts, targets)
        if statement is None:
            statement = _statement_of_report(draft, i, statements, sentences, text, rules, report_sources)
        if statement is not None:
            draft.verification, draft.verification_cue = statement.value, statement.cue


def _statement_for(draft: ClaimDraft, i: int, statements: dict[int, list[Statement]],
                   sentences: list[Span], text: str, rules: HedgingRules,
                   figure_starts: list[int], targets: dict | None = None) -> Statement | None:
    if _counts_speakers(draft):
        return None  # "Two European officials said ...": who speaks, not the report's figure
    found = _statement_before(draft, i, statements, sentences, text, rules, figure_starts, targets)
    if found is None:
        found = _statement_of_kind(draft, i, statements, sentences, text, rules)
    return found if found is not None else _statement_of_sides(draft, i, statements, sentences, text, rules)


def _report_sources(statements: dict[int, list[Statement]], drafts: list[ClaimDraft], text: str,
                    rules: HedgingRules) -> dict[Statement, str]:
    """For a statement about a report with no "report" named in its own paragraph ("The defence ministry
    rejected the report."), whose report it is: the source of the first figure of its reach (the report the
    story opened with), at most `sides_paragraphs_before` paragraph breaks back."""
    found: dict[Statement, str] = {}
    # Read once per document, so that each statement costs a bisection, not a walk over the text and every
    # figure (a story of many "rejected the report" sentences stays linear): where paragraph breaks start
    # (overlapping ones too, as str.rfind finds them), and the named figures in text order.
    breaks = [m.start() for m in PARAGRAPH_BREAK.finditer(text)]
    named = sorted((d for d in drafts if d.source_name != AUTHOR), key=lambda d: d.start)
    named_starts = [d.start for d in named]

    def break_before(end: int) -> int:  # text.rfind("\n\n", 0, end)
        at = bisect_right(breaks, end - 2) - 1
        return breaks[at] if at >= 0 else -1

    for statement in (s for group in statements.values() for s in group):
        if not statement.whole_report or _report_named_before(statement, text):
            continue
        paragraph = max(0, break_before(statement.position))
        start = paragraph
        for _ in range(rules.sides_paragraphs):
            start = break_before(start)
            if start < 0:
                start = 0
                break
        first = bisect_left(named_starts, start)
        if first < len(named) and named[first].start < paragraph:
            found[statement] = named[first].source_name
    return found


PARAGRAPH_BREAK = re.compile(r"(?=\n\n)")


def _statement_of_report(draft: ClaimDraft, i: int, statements: dict[int, list[Statement]],
                         sentences: list[Span], text: str, rules: HedgingRules,
                         report_sources: dict[Statement, str]) -> Statement | None:
    """ "The ministry rejected the report." with no report named in its paragraph reaches the figures of the
    report the story opened with (VER-3c): every earlier figure of the same source as the last one before
    its paragraph, up to `sides_paragraphs_before` paragraph breaks back."""
    if not report_sources or draft.source_name == AUTHOR:
        return None
    later = _later_statements(i, statements, sentences, text, SIDES_SENTENCES, rules.sides_paragraphs)
    return next((s for s, _ in later if report_sources.get(s) == draft.source_name), None)


SIDES_SENTENCES = 40  # a bound on the sentences a statement about both sides' figures looks back over


def _statement_of_sides(draft: ClaimDraft, i: int, statements: dict[int, list[Statement]],
                        sentences: list[Span], text: str, rules: HedgingRules) -> Statement | None:
    """A statement about the figures of both sides ("Neither side's figures could be independently
    confirmed") reaches every figure before it, up to `sides_paragraphs_before` paragraph breaks back
    (VER-3c: a reference that names its referent); the first such statement after the figure wins. A third
    party's figures (a UN mission's, a charity's) stay as they are."""
    if draft.source_type in rules.third_parties or rules.own_count.search(span_text(draft.sentence)):
        return None
    later = _later_statements(i, statements, sentences, text, SIDES_SENTENCES, rules.sides_paragraphs)
    return next((statement for statement, _ in later if statement.both_sides), None)


def _statement_of_kind(draft: ClaimDraft, i: int, statements: dict[int, list[Statement]],
                       sentences: list[Span], text: str, rules: HedgingRules) -> Statement | None:
    """A statement naming the kind of count ("Its operator confirmed the injuries") reaches the count of
    that kind up to `sentences_before_figures` back, across one paragraph break; so does one about the
    report as a whole ("The ministry denied the report"), to the report's figures."""
    for statement, breaks in _later_statements(i, statements, sentences, text, rules.reach_figures, 1):
        if statement.category == draft.category:
            return statement
        if statement.whole_report and (not breaks or not _report_named_before(statement, text)):
            return statement
    return None


def _later_statements(i: int, statements: dict[int, list[Statement]], sentences: list[Span], text: str,
                      most_sentences: int, most_breaks: int) -> Iterator[tuple[Statement, int]]:
    """The statements of the sentences after sentence ``i``, in order, each with the paragraph breaks crossed
    to reach it: at most ``most_sentences`` sentences on and ``most_breaks`` breaks (the bounded reach of a
    statement about figures before it)."""
    breaks = 0
    for j in range(i + 1, min(len(sentences), i + most_sentences + 1)):
        if text.rfind("\n\n", sentences[j - 1].start_char, sentences[j].start_char) >= 0:
            breaks += 1
            if breaks > most_breaks:
                return
        for statement in statements.get(j, []):
            yield statement, breaks


# A statement whose object points back ("have not yet tested those figures") is about figures before it, not
# about a figure later in its sentence (O-2)
BACK_OBJECT = re.compile(r"^[^,;.]{0,40}?\b(?:these|those|such) (?:[\w'’-]+ ){0,2}(?:figures|numbers|claims|"
                         r"estimates|tallies|counts|totals)\b", re.IGNORECASE)


def _statement_before(draft: ClaimDraft, i: int, statements: dict[int, list[Statement]],
                      sentences: list[Span], text: str, rules: HedgingRules,
                      figure_starts: list[int], targets: dict | None = None) -> Statement | None:
    for statement in statements.get(i, []):
        if statement.category is not None and statement.category != draft.category:
            continue
        if statement.position > draft.start and FORWARD.search(statement.cue):
            continue  # "the army confirmed that 10 were missing": what it confirmed follows the cue
        if statement.rival and statement.position < draft.start:
            continue  # "The police gave a lower figure of 61,000": the police's own figure
        between = text[min(statement.position, draft.start):max(statement.position, draft.start)]
        if statement.position < draft.start and BACK_OBJECT.match(between):
            continue  # "have not tested those figures, and a benchmark showing 22% could not be verified"
        if statement.position < draft.start and CONTRAST.search(between):
            continue  # "dismissed the estimate, while a separate report put it at 6,000": the rival's own
        if statement.position > draft.start or not OWN_VOICE.search(between):
            return statement  # "Peskov denied reports that 5,000 ..." or "6 tanks. The claims could not ..."
    own_end = sentences[i].start_char + len(sentences[i].text.rstrip())  # a sentence may end in "\n\n"
    crossed: int | None = None  # where the paragraph break after the figure's paragraph ends
    for j in range(i + 1, len(sentences)):
        gap = text.rfind("\n\n", own_end, sentences[j].start_char)
        if gap >= 0 and crossed is not None:
            return None  # never back over two paragraph breaks
        if gap >= 0:
            crossed = gap
        for statement in statements.get(j, []):
            one_target = statement.one_figure and draft.start not in (targets or {}).get(statement, ())
            if j - i > statement.reach or one_target or FORWARD.search(statement.cue):
                continue  # "Other estimates put the figure higher": the report's first figure, not all
            if statement.category is not None:
                if statement.category == draft.category:
                    return statement  # "The operator confirmed the injuries": the count of injuries
                continue
            if crossed is None:
                return statement
            own_figures = _figures_between(figure_starts, crossed, sentences[j].end_char)
            before_it = _figures_between(figure_starts, crossed, statement.position)
            answers = statement.answers_figures and not before_it
            if statement.reach == rules.reach_figures and (answers or not own_figures):
                # "Moscow disputed those figures(, saying it lost 300)." opening the next paragraph, with no
                # figures before it, answers the report before
                return statement
        if crossed is not None and not any(s.reach == rules.reach_figures for s in statements.get(j, [])):
            return None  # a statement does not otherwise reach back across a paragraph break
        if j - i >= 3:
            return None
    return None


ANSWER_GAP = 40  # characters after a statement's cue where "those figures" makes the figures its object
# A cue that itself names one figure: "gave a lower figure", "put the toll higher".
ONE_FIGURE_IN_CUE = re.compile(
    r"\b(?:a|an|the|that|this) (?:[\w'’-]+ ){0,2}(?:figure|toll|number|count|estimate|tally)$", re.IGNORECASE)
# Between a statement and a later figure of its sentence: a clause of contrast or addition, whose figure the
# statement is not about ("has confirmed 14 deaths, with another 87 under investigation").
CONTRAST = re.compile(r"(?:,|—|–)\s*(?:while|whereas|but|though|although"
                      r"|with (?:another|a further|an? additional))\b|;", re.IGNORECASE)
# A statement whose object is the clause after it: it bears on the figures after the cue only.
FORWARD = re.compile(r"\bthat$", re.IGNORECASE)
# A rival count: what follows the cue in its sentence is the giver's own figure, not the disputed one.
RIVAL = re.compile(r"(?:gave|put)\b", re.IGNORECASE)
# A statement about the report as a whole: "denied the report", "rejected these reports".
REPORT_OBJECT = re.compile(r"(?:the|these|those|such|its|their) (?:[\w'’-]+ ){0,2}reports?", re.IGNORECASE)
def _report_named_before(statement: Statement, text: str) -> bool:
    """Whether "the report" has its antecedent in the statement's own paragraph ("At least five journalists
    were reportedly beaten. The Interior Ministry denied the report."): then it does not reach further."""
    start = text.rfind("\n\n", 0, statement.position)
    return re.search(r"\breport", text[max(0, start):statement.position], re.IGNORECASE) is not None


# What a statement's object names ("confirmed the injuries", "denied the reported deaths") and the
# category of the figure it is about.
KINDS = {"injuries": "injuries", "deaths": "deaths", "killings": "deaths", "fatalities": "deaths",
         "arrests": "detained", "detentions": "detained", "casualties": "casualties", "losses": "casualties"}
KIND_OBJECT = re.compile(r"\s*(?:(?:the|these|those|its|their|his|her|any|reports? of(?: the)?)\s+)?"
                         r"(?:[\w'’-]+\s+)?(" + "|".join(KINDS) + r")\b", re.IGNORECASE)


def _counts_speakers(draft: ClaimDraft) -> bool:
    """ "Two European officials, speaking on condition of anonymity, said ...": the figure counts the
    speakers of a report, not what they report."""
    noun = draft.figure.head
    return (draft.figure.dep_ == "nummod" and noun.dep_ == "nsubj"
            and noun.head.lemma_.lower() in SPEECH_VERBS and noun.head.i > noun.i)


GENERIC_TOPIC = {"the", "that", "this", "a", "an", "figure", "number", "higher", "lower", "new", "official",
                 "latest", "total", "overall", "initial", "first", "much", "far"}
TOPIC_WINDOW = 40  # characters either side of a figure where its topic word may stand


def _topic(phrase: str) -> tuple[str, ...]:
    """Stems of the words naming one figure: "that forecast" → ("forec",), "the ministry's count" →
    ("minis", "count")."""
    words = re.findall(r"[a-z]+", phrase.lower().replace("’s", "").replace("'s", ""))
    return tuple(w[:5] for w in words if len(w) >= 4 and w not in GENERIC_TOPIC)


PARTS = re.compile(r"^[^.;,\d]{0,40},\s*(?:including|of (?:them|whom|which))\s+(?:\w+\s+)?$", re.IGNORECASE)


def _one_figure_targets(statement: Statement, starts: list[int], drafts: list[ClaimDraft],
                        text: str) -> frozenset[int]:
    """The figure a statement about one figure means in the sentence before: the one its topic word
    stands next to ("forecast a deficit of 4.9%"; "1,050,000 had returned" for "the return figure"), else
    the first; with the parts counted in it ("368,000 protesters, including 42,000 in Paris")."""
    if not starts:
        return frozenset()
    by_start = {d.start: d for d in drafts}
    ordered = [by_start[s] for s in sorted(starts) if s in by_start]
    chosen = ordered[0]
    if statement.topic:
        best = None
        for draft in ordered:
            lo = max(draft.sentence.start_char, draft.start - TOPIC_WINDOW)
            hi = min(draft.sentence.end_char, draft.end + TOPIC_WINDOW)
            for match in re.finditer(r"[a-z]+", text[lo:hi].lower()):
                if match.group(0)[:5] in statement.topic and len(match.group(0)) >= 4:
                    at = lo + match.start()
                    gap = text[at:draft.start] if at < draft.start else text[draft.end:at]
                    if re.search(r"[,;:\d]", gap):
                        continue  # another clause or figure between them: "lent $2bn to it, forecast 3%"
                    distance = len(gap)
                    if best is None or distance < best[0]:
                        best = (distance, draft)
        if best is not None:
            chosen = best[1]
    found = {chosen.start}
    at = ordered.index(chosen)
    for part in ordered[at + 1:]:
        if not PARTS.match(text[ordered[at].end:part.start]):
            break
        found.add(part.start)
        at = ordered.index(part)
    return frozenset(found)


def _figures_between(figure_starts: list[int], start: int, end: int) -> bool:
    at = bisect_left(figure_starts, start)
    return at < len(figure_starts) and figure_starts[at] < end


def clause_of(draft: ClaimDraft) -> str:
    """A hedge covers its own clause: "organisers said 15,000, while police estimated 7,000"."""
    start, end = clause_bounds(draft.sentence, draft.start)
    sentence = draft.sentence
    return span_text(sentence)[start - sentence.start_char:end - sentence.start_char]


def _hedge(draft: ClaimDraft, rules: HedgingRules) -> None:
    if draft.mention.bound_cue in HEDGING_BOUNDS:
        draft.hedged, draft.hedge_cue = True, draft.mention.bound_cue
        return
    start, _ = clause_bounds(draft.sentence, draft.start)
    clause = clause_of(draft)
    lowered = folded(clause)
    for pattern in rules.hedges:
        if not may_match(pattern, lowered):
            continue  # it cannot match this clause
        for match in pattern.finditer(clause):
            if REPORTED_PASSIVE.fullmatch(match.group(0)) and draft.source_name != AUTHOR:
                continue  # "The agency said 34 deaths had been reported": the speaker's record, no hedge
            if match.group(0)[-1:].isdigit():
                at = start + match.end() - 1  # "an estimated street value of €9 million": that figure only
                if draft.start <= at < draft.end:
                    draft.hedged, draft.hedge_cue = True, match.group(0)
                    return
                continue
            if _governs(draft, start + match.start(), clause[match.end():]):
                draft.hedged, draft.hedge_cue = True, match.group(0)
                return
    sentence = draft.sentence
    text = span_text(sentence)
    after = draft.end - sentence.start_char
    for pattern in rules.sentence_hedges:
        found = pattern.search(text, max(0, after))
        if found is not None:
            draft.hedged, draft.hedge_cue = True, found.group(0)  # "..., but it gave no evidence for it"
            return


def _governs(draft: ClaimDraft, offset: int, rest: str = "") -> bool:
    """Whether the hedge at ``offset`` bears on the figure: the figure lies under the hedge's verb
    ("is believed to carry 70%", not the "$60 cap" of a later participle clause). ``rest`` is the text
    of the clause after the hedge."""
    doc = draft.span.doc
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return True
    token = span[0]
    if token.lower_ == "according":
        # "according to UN estimates" covers its clause, wherever the parse hangs the phrase, but not a figure
        # inside the phrase itself ("according to an assessment covering nine districts")
        return not (token.i < draft.figure.i <= token.right_edge.i)
    if token.i > draft.figure.i and CLAUSE_END.fullmatch(rest):
        return True  # "..., the consultancy AgroPampa estimated." closes the statement it hedges
    if token.tag_ == "MD" and _subject_of_modal(draft.figure, token):
        return True  # "up to €500m from the fund could be made available": the figure is what could be
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    while token.dep_ in ("aux", "auxpass") and token.head.i != token.i:
        token = token.head  # "is believed": the hedge's verb is "believed", not its auxiliary
    figure = draft.figure
    if not token.left_edge.i <= figure.i <= token.right_edge.i:
        return False
    for subject in (c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i):
        if subject.left_edge.i <= figure.i <= subject.right_edge.i and any(
                t.dep_ == "relcl" for t in subject.subtree):
            return False  # "The union, which says pay fell 21%, reportedly plans a strike": not the 21%
    blocker = figure
    while blocker.i != token.i and blocker.head.i != blocker.i:
        if blocker.dep_ in ("advcl", "acl") and blocker.tag_ == "VBG" and blocker.head.i == token.i:
            return False  # a participle clause of its own: "..., helping Moscow sidestep the $60 cap"
        if blocker.dep_ == "advcl" and blocker.head.i == token.i and any(
                c.dep_ == "mark" and c.lower_ in REASON_MARKS for c in blocker.children):
            return False  # "perhaps 300,000, because many crossed along a 600-km border": a reason of its own
        if blocker.dep_ == "conj" and blocker.lemma_.lower() in SPEECH_VERBS:
            return False  # "UNHCR estimated that ..., and said 300,000 had crossed": a statement of its own
        if blocker.dep_ == "conj" and blocker.head.i == token.i and blocker.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") for c in blocker.children):
            return False  # "is believed to have killed dozens, and 14 bodies have been recovered": own clause
        blocker = blocker.head
    return True


def _subject_of_modal(figure: Token, modal: Token) -> bool:
    """The figure stands in the subject right before a modal: no verb between them ("up to €500m from
    the fund could ..."), whatever head the parse gave the figure."""
    if figure.i >= modal.i:
        return False
    between = figure.doc[figure.i + 1:modal.i]
    return not any(t.pos_ in ("VERB", "AUX") or t.lower_ in ("that", "which", "who") for t in between)
