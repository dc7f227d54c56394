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
    return NewsForms(
        subunit_after=re.compile(
            rf"(?:(?P<glued>(?-i:{phrase_alternation(list(glued))}))(?![\w/])"
            rf"|(?:\s+|-)(?P<word>{phrase_alternation(list(words))})\b)", re.IGNORECASE),
        subunit_codes={**words, **glued},
        glued_subunits=tuple(glued),
        change_by=re.compile(rf"\b(?:{phrase_alternation(table['changes']['by_before'])})\s+$", re.IGNORECASE),
    )
