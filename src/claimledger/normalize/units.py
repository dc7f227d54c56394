"""Units of measure: written forms ("km/h", "square feet", "256GB") → our unit name ("kilometre per hour").

The vocabulary is quantulum3's maintained unit table (names, surfaces, symbols and SI prefixes), shipped as
``data/quantulum3-units.json`` (see ``data/README-units.md``) and filtered and corrected by
``data/lexicons/units.toml``. Pure: no spaCy, no I/O after the first load.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from claimledger.errors import ConfigError
from claimledger.nlp.lexicon import DATA_DIR, load_table

UNIT_TABLE = DATA_DIR / "quantulum3-units.json"

IRREGULAR_PLURALS = {"foot": "feet", "inch": "inches", "celsius": "celsius", "fahrenheit": "fahrenheit",
                     "hertz": "hertz", "lux": "lux", "siemens": "siemens", "horsepower": "horsepower"}
PLURAL_FIRST = {"per", "of"}  # "kilometres per hour", "millimetres of mercury"


@dataclass(frozen=True)
class UnitVocabulary:
    words: dict[str, str]  # lower-case surface, singular and plural → unit name
    symbols: dict[str, str]  # symbol as written (case matters) → unit name


def plural(word: str) -> str:
    for singular, plural_form in IRREGULAR_PLURALS.items():
        if word.endswith(singular):  # "foot", "gigahertz"
            return word[: -len(singular)] + plural_form
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def plural_forms(surface: str) -> set[str]:
    """ "square metre" → {"square metres"}; "kilometre per hour" → {"kilometres per hour"};
    "degree celsius" → {"degrees celsius"}; hyphenated "pound-foot" → {"pound-feet"}."""
    for joint in (" ", "-"):
        words = surface.split(joint)
        if len(words) > 1:
            break
    if len(words) == 1:
        return {plural(surface)}
    if words[1] in PLURAL_FIRST or words[-1] in ("celsius", "fahrenheit", "mercury"):
        return {joint.join([plural(words[0]), *words[1:]])}
    return {joint.join([*words[:-1], plural(words[-1])])}


def _quantulum_units() -> dict[str, Any]:
    try:
        return json.loads(UNIT_TABLE.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{UNIT_TABLE}: cannot be read as the unit table ({exc}); reinstall claimledger") \
            from exc


@cache
def _products() -> re.Pattern[str]:
    """ "kilowatt hour", "newton metre", "patient year": a product of two units of units.toml [products],
    with an SI prefix or none, written apart."""
    table = load_table("units")
    prefixes = sorted(set(table["prefixes"].values()), key=len, reverse=True)
    pairs = [name.split("-", 1) for name in table["products"]["names"]]
    alternatives = "|".join(rf"{re.escape(a)}[\s-]+{re.escape(b)}" for a, b in pairs)
    return re.compile(rf"\b(?P<prefix>(?:{'|'.join(prefixes)})?)(?P<product>{alternatives})\b")


def hyphenate_products(unit: str) -> str:
    """A product of two units written with a hyphen (annotation guide, fourth round): "kilowatt hour" →
    "kilowatt-hour", "GBP per megawatt hour" → "GBP per megawatt-hour"; any other unit unchanged."""
    if " " not in unit and "-" not in unit:
        return unit
    return _products().sub(lambda m: m.group("prefix") + re.sub(r"[\s-]+", "-", m.group("product")), unit)


@cache
def default_vocabulary() -> UnitVocabulary:
    return build_vocabulary(_quantulum_units(), load_table("units"))


def build_vocabulary(units: dict[str, Any], table: dict[str, Any]) -> UnitVocabulary:
    entities = set(table["entities"])
    names = table.get("names", {})
    skip_words = {w.lower() for w in table["skip"]["words"]}
    skip_symbols = set(table["skip"]["symbols"])
    prefixes: dict[str, str] = table["prefixes"]
    words: dict[str, str] = {}
    symbols: dict[str, str] = {}
    for key, unit in units.items():
        if unit.get("entity") not in entities:
            continue
        name = names.get(key, key).lower()
        surfaces = [s.lower() for s in unit.get("surfaces", []) if s.lower() not in skip_words]
        if key.lower() in skip_words and not surfaces:
            continue
        for surface in surfaces:
            words.setdefault(surface, name)
        for symbol in unit.get("symbols", []):
            if len(symbol) >= 2 and symbol not in skip_symbols:
                symbols.setdefault(symbol, name)
        for prefix in unit.get("prefixes") or ():
            if prefix not in prefixes:
                continue
            prefixed = prefixes[prefix] + name
            for surface in surfaces:  # "kilometre", "kilometer"
                words.setdefault(prefixes[prefix] + surface, prefixed)
            for symbol in unit.get("symbols", []):
                if prefix + symbol not in skip_symbols:
                    symbols.setdefault(prefix + symbol, prefixed)
    for surface, name in table.get("extra_words", {}).items():
        words[surface.lower()] = name
    for symbol, name in table.get("extra_symbols", {}).items():
        symbols[symbol] = name
    for surface in list(words):
        for form in plural_forms(surface):
            words.setdefault(form, words[surface])
    words = {surface: hyphenate_products(name) for surface, name in words.items()}
    symbols = {symbol: hyphenate_products(name) for symbol, name in symbols.items()}
    return UnitVocabulary(words=words, symbols=symbols)
