"""The time-scope rules as data: the cue patterns per scope and the verb and noun classes from
``data/lexicons/timescope.toml``, with the few patterns and word sets the readers test against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimledger.nlp.lexicon import compile_patterns, load_table, phrase_alternation


def _words(name: str) -> frozenset[str]:
    """A closed word class from the lexicon's ``[words]`` table (user additions merged in)."""
    return frozenset(load_table("timescope")["words"][name])


def _pattern(name: str) -> re.Pattern[str]:
    return compile_patterns([load_table("timescope")["words"][name]], f"timescope.toml [words] {name}")[0]


SCOPES = ("daily", "cumulative", "period", "point")
# Cues that date an announcement rather than bound a count: "a decree on Monday will give 400,000 rubles".
ANNOUNCEMENT_CUES = re.compile(r"^(?:on |last )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                               r"|yesterday|today|this morning|tonight", re.IGNORECASE)
EVENT_CATEGORIES = {"casualties", "deaths", "injuries", "displaced", "detained", "equipment"}


@dataclass(frozen=True)
class ScopeRules:
    patterns: dict[str, list[re.Pattern[str]]]
    money_nouns: frozenset[str]
    deployment: frozenset[str]
    event_verbs: frozenset[str]
    change_verbs: frozenset[str]
    flow_verbs: frozenset[str]
    rate_cues: re.Pattern[str]
    calendar_cumulative: re.Pattern[str]
    share_of: re.Pattern[str]
    act_verbs: frozenset[str]
    planning_words: frozenset[str]
    period_measures: frozenset[str]
    measure_units: frozenset[str]
    level_nouns: frozenset[str]
    statement_verbs: frozenset[str]
    running_total_cues: re.Pattern[str]
    single_events: re.Pattern[str]
    participation_words: frozenset[str] = frozenset()
    budget_words: frozenset[str] = frozenset()
    frame_verbs: frozenset[str] = frozenset()
    single_event_names: re.Pattern[str] | None = None
    people_and_troops: frozenset[str] = frozenset()
    event_states: re.Pattern[str] | None = None
    loss_verbs: frozenset[str] = frozenset()
    level_relations: frozenset[str] = frozenset()
    event_nouns: frozenset[str] = frozenset()
    state_passives: frozenset[str] = frozenset()
    flow_nouns: frozenset[str] = frozenset()
    spec_units: frozenset[str] = frozenset()
    spec_not_of: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class ScopeCue:
    scope: str
    start: int
    end: int
    text: str
    groups: dict[str, str]


@cache
def default_rules() -> ScopeRules:
    table = load_table("timescope")
    categories = load_table("categories")
    defaults = table["defaults"]
    sections = {"daily": "daily", "cumulative": "cumulative", "period": "period", "point": "point_cues"}
    patterns = {scope: compile_patterns(table[name]["patterns"], f"timescope.toml [{name}]")
                for scope, name in sections.items()}
    return ScopeRules(
        patterns=patterns,
        money_nouns=frozenset(table["point"]["money_nouns"]),
        deployment=frozenset(categories["events"]["deployment"]),
        event_verbs=frozenset(defaults["event_verbs"]),
        change_verbs=frozenset(defaults["change_verbs"]),
        flow_verbs=frozenset(defaults["flow_verbs"]),
        rate_cues=re.compile(defaults["rate_cues"], re.IGNORECASE),
        calendar_cumulative=re.compile(defaults["calendar_cumulative"], re.IGNORECASE),
        share_of=re.compile(table["point_cues"]["share_of"], re.IGNORECASE),
        act_verbs=frozenset(defaults["act_verbs"]),
        planning_words=frozenset(defaults["planning_words"]),
        period_measures=frozenset(defaults["period_measures"]),
        measure_units=frozenset(defaults["measure_units"]),
        level_nouns=frozenset(table["point"]["level_nouns"]),
        statement_verbs=frozenset(load_table("attribution")["cues"]["verbs"]),
        running_total_cues=re.compile(defaults["running_total_cues"], re.IGNORECASE),
        single_events=re.compile(rf"\b(?:{phrase_alternation(defaults['single_events'])})\b", re.IGNORECASE),
        participation_words=frozenset(defaults.get("participation_words", ())),
        budget_words=frozenset(defaults.get("budget_words", ())),
        frame_verbs=frozenset(defaults["event_verbs"]) | frozenset(defaults.get("frame_verbs", ())),
        single_event_names=re.compile(defaults["single_event_names"]) if "single_event_names" in defaults
        else None,
        people_and_troops=frozenset(categories["people"]["nouns"]) | frozenset(categories["nouns"]["troops"]),
        event_states=re.compile(defaults["event_states"], re.IGNORECASE) if "event_states" in defaults
        else None,
        loss_verbs=frozenset(defaults.get("loss_verbs", ())),
        level_relations=frozenset(defaults.get("level_relations", ())),
        event_nouns=frozenset(defaults.get("event_nouns", ())),
        state_passives=frozenset(defaults.get("state_passives", ())),
        flow_nouns=frozenset(defaults.get("flow_nouns", ())),
        spec_units=frozenset(defaults.get("spec_units", ())),
        spec_not_of=frozenset(defaults.get("spec_not_of", ())),
    )


IN_MONTH = re.compile(r"^(?:in|during|for|throughout) ", re.IGNORECASE)


BRINGING_TO = re.compile(r"\b(?:bring|brings|bringing|brought)\b[^.;]{0,100}?\bto\s+", re.IGNORECASE)


ORDINAL_PHRASE = re.compile(
    r"\b(?:the|its|their|his|her|a)(?: [\w-]+'s)? (?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|"
    r"sixth|seventh|eighth|ninth|tenth|biggest|largest|highest|lowest|deadliest|worst|heaviest|most \w+|"
    r"\w{3,}est)"
    r"(?: [\w-]+){0,3} $",
    re.IGNORECASE,
)
TEMPORAL_MARKS = _words("temporal_marks")
A_STRETCH = re.compile(r"^(?:a|an|one) (?:day|night|week|month|year|fortnight)$", re.IGNORECASE)


# A cue the parse does not tie to the figure still counts when it is this close (in characters):
# the small model often hangs "over the past day" on the wrong word.
UNATTACHED_REACH = 60


PERFECT_PASSIVE_AFTER = re.compile(r"^[\w ]{0,30}?\b(?:have|has) been (\w+)", re.IGNORECASE)


NOT_A_TOTAL = _words("not_a_total")  # places reached, equipment ordered


STILL = re.compile(r"^(?:still|remain(?:s|ed)?)$", re.IGNORECASE)
AT_HOUR = re.compile(r"^at (?:midday|noon|\d)", re.IGNORECASE)  # "turnout reached 31.4% at 1pm": a reading


CLOSED_PERIOD = re.compile(
    r"^(?:last (?:year|month|week|quarter)|in (?:19|20)\d\d|in the (?:year|twelve months|12 months) to|"
    r"in the (?:period|same (?:period|months?|quarter))|in the (?:first|second|third|fourth|last) "
    r"(?:\w+ )?(?:months?|quarter|half))\b", re.IGNORECASE)


FLOW_PLURALS = _words("flow_plurals")  # "fines for illegal clearing rose to X": a flow, not a level


PAST_PERIOD_OF = re.compile(r"^last (?:year|month|week|quarter)'s$", re.IGNORECASE)
AVERAGE_WORDS = _words("average_words")


STRIKE_WORDS = _pattern("strike_words")


CROWD_WORDS = _words("crowd_words")


BUDGET_SPEAKERS = "officials?|office|committee|ministry|spokes\\w+|director|chief|watchdog|experts?"


SAME_PERIOD = re.compile(r"\bthe same (?:period|time|day|night|week|month|hours?)\b", re.IGNORECASE)


DAY_REPORT_PARAGRAPHS = 2  # paragraph breaks a one-day protest's report runs on across
WHOLE_OF_A_BODY = re.compile(r"\b\w+ of (?:(?:the )?[\w-]+(?: [\w-]+)?'s|its|their) $", re.IGNORECASE)


MAY_HAPPEN = _words("may_happen")
TOLLS = {"deaths", "injuries", "casualties"}  # "the toll could rise to 300" keeps the toll's own cues


CLAUSE_BREAK = re.compile(r"\b(?:and|while|but|whereas)\b|;")


BY_HOUR = re.compile(r"^by (?:midday|noon|mid-?morning|mid-?afternoon|\d)", re.IGNORECASE)


TOLL = re.compile(r"^(?:death )?toll$", re.IGNORECASE)
# "About 40% of those admitted", "64% of the killings": a share of the count reported just before
OF_THOSE = re.compile(r"^ of (?:those|them|these|the (?:killings|deaths|dead|victims|casualties|attacks|"
                      r"cases|arrests|detentions|incidents|injured|wounded|displaced))\b", re.IGNORECASE)
CHANGE_BEFORE = re.compile(r"\b(?:up|down|an? (?:rise|increase|fall|drop|decline) of)\s*$", re.IGNORECASE)
ADDING_THAT = re.compile(r"\badding(?: that)?\b", re.IGNORECASE)
ALSO_SUBJECT = re.compile(r"^(?:it|they|he|she|the \w+) also\b", re.IGNORECASE)


PROTEST_INCIDENT = _pattern("protest_incident")


BLOCKADE = _pattern("blockade_words")
DAY_CUE = re.compile(r"\b(?:overnight|last night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
                     re.IGNORECASE)
FRAME_REACH_SENTENCES = 3  # sentences back that a toll may find the day its event happened


RUNNING_TOTAL = re.compile(
    r"\b(?:bring|brings|bringing|brought|raise|raises|raising|raised|push|pushes|pushing|pushed|take|takes|"
    r"taking|took) (?:the|its|their) (?:overall |total )?(?:total|tally|toll)",
    re.IGNORECASE,
)


# How much of an article's start (headline and lede) says what single event it reports.
LEDE_CHARS = 400


EVENT_REACH_PARAGRAPHS = 1  # paragraph breaks an event's report may run on across
THE_ATTACK = _pattern("the_attack")
