"""How general news writes some quantities (annotation guide section 14), for the quantity scanner.

Driven by ``data/lexicons/newsforms.toml``: amounts in the minor unit of a currency ("88 cents", "10 HK
cents", "15 fils", "9c") and changes by an amount ("fell by 19,000 to 1.27 million"). Kept apart from
``quantities`` so that the scanner asks these questions in one line at the place they arise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimledger.nlp.lexicon import load_table, phrase_alternation


@dataclass(frozen=True, slots=True)
class NewsForms:
    subunit_after: re.Pattern[str]
    subunit_codes: dict[str, str]  # minor unit as written (lower case for words) → ISO code of the major unit
    glued_subunits: tuple[str, ...]  # "c", "¢": the scanner reads a figure glued to them
    change_by: re.Pattern[str]
    index_before: re.Pattern[str]  # "... the FTSE 250 rose 0.2pc to ": an index and the word before its level
    index_after: re.Pattern[str]  # what may follow an index level: punctuation, a preposition, nothing

    def index_level(self, text: str, start: int, end: int) -> bool:
        """Whether the bare figure at start:end is the level of an index named earlier in its clause (not a
        year: "from 2012 to 2024")."""
        figure = text[start:end]
        if len(figure) == 4 and figure.isdigit() and 1800 <= int(figure) <= 2100:
            return False
        return bool(self.index_before.search(text, max(0, start - 90), start)) \
            and bool(self.index_after.match(text, end))

    def subunit(self, text: str, end: int) -> tuple[str, int] | None:
        """(ISO code, end) of a minor unit written right after a figure ending at ``end``: "88 cents"."""
        found = self.subunit_after.match(text, end)
        if found is None:
            return None
        written = found.group("glued") or re.sub(r"\s+", " ", found.group("word").lower())
        return self.subunit_codes[written], found.end()


@cache
def default_forms() -> NewsForms:
    table = load_table("newsforms")
    words = {k.lower(): v for k, v in table["subunits"]["words"].items()}
    glued = dict(table["subunits"]["glued"])
    levels = table["index_levels"]
    indices = [*levels["names"], *load_table("nonclaims")["named_numbers"]["indices"]]
    return NewsForms(
        subunit_after=re.compile(
            rf"(?:(?P<glued>(?-i:{phrase_alternation(list(glued))}))(?![\w/])"
            rf"|(?:\s+|-)(?P<word>{phrase_alternation(list(words))})\b)", re.IGNORECASE),
        subunit_codes={**words, **glued},
        glued_subunits=tuple(glued),
        change_by=re.compile(rf"\b(?:{phrase_alternation(table['changes']['by_before'])})\s+$", re.IGNORECASE),
        index_before=re.compile(
            rf"(?-i:{phrase_alternation(indices)})(?:[^.;:!?\n]|\.(?=\d))*?\s(?:{phrase_alternation(levels['before'])})\s+$"),
        index_after=re.compile(r"(?:\s*[,.;:)]|\s*$|\s+(?:on|in|at|by|after|before|as|while|and|from|"
                               r"since|this|last|points?|pts)\b)"),
    )
