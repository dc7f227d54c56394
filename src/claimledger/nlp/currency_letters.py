"""Currencies written as a capital letter glued to the figure ("R18.21", "N70,000", "P3.2 billion", "K38.75").

A letter is money only in a story set in one of its currency's countries (guide U-1): the first place the text
names, among the places of ``[currency_letters]`` and of the currency place tables (``[currency_by_country]``,
``[currency_marks]``) of ``data/lexicons/quantities.toml``, is one of the letter's places. That first place is
looked up once per text, and only when a figure glued to a letter is met, so a text without one pays nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimledger.nlp.figurestarts import trie


@dataclass(frozen=True, slots=True)
class LetterPlaces:
    """``places`` finds every place of the tables; ``codes`` says, for a place, the letters that are money in
    a story set there and their ISO codes ("Lusaka" → {"K": "ZMW"})."""

    places: re.Pattern[str]
    codes: dict[str, dict[str, str]]
    letters: frozenset[str]

    @classmethod
    def from_table(cls, table: dict) -> LetterPlaces:
        codes: dict[str, dict[str, str]] = {}
        for letter, currencies in table.get("currency_letters", {}).items():
            for code, places in currencies.items():
                for place in places:
                    codes.setdefault(place, {})[letter] = code
        others: set[str] = set()
        for countries in table.get("currency_by_country", {}).values():
            others.update(p for p in countries if p != "default")
        for marks in table.get("currency_marks", {}).values():
            others.update(marks.get("elsewhere", ()))
        every = others | set(codes)
        pattern = re.compile(rf"(?<![\w.])(?:{trie(every)})(?!\w)") if every else re.compile(r"(?!)")
        return cls(pattern, codes, frozenset(table.get("currency_letters", {})))


class LetterGate:
    """The letters that are money in one text: ``code("N")`` is "NGN" in a story set in Nigeria, else None.
    A text that names no place is set where its outlet is ("Cape Consumer Watch (Cape Town)", guide G-1)."""

    __slots__ = ("_places", "_text", "_outlet", "_codes")

    def __init__(self, places: LetterPlaces, text: str, outlet: str = "") -> None:
        self._places, self._text, self._outlet = places, text, outlet
        self._codes: dict[str, str] | None = None

    def code(self, letter: str) -> str | None:
        if self._codes is None:
            first = self._places.places.search(self._text) or self._places.places.search(self._outlet)
            self._codes = self._places.codes.get(first.group(0), {}) if first is not None else {}
        return self._codes.get(letter)
