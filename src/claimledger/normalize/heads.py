"""The type a source's name gives by its head noun (guide section 9, TYPE-2 .. TYPE-10, and R-12), from the
readable table ``data/lexicons/source_heads.toml``: "Ministry of External Affairs" is a ministry
(government), "Lionrock Property Research" a research house (company), "Kestrel's local distributor" a
distributor (company), "deputy chair of Russia's Security Council" a post of a council (government), "the
state electricity utility" a utility the state owns (government).

The head is read from the words of the name alone (no parse): the words before the first "of", "for",
"at", "in", "on", a comma or a bracket, after the last possessor; the longest ending of them in the table
decides. A post ("spokesman", "head", "deputy chair") takes the type of the body it is the post of.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimledger.nlp.lexicon import load_table

CUT = re.compile(r" (?:of|for|at|in|on|with|from|under|de|du|des|del|della|di|und|et)(?= )|[,;:(]| - | – ")
POSSESSOR = re.compile(r"^.*(?:'s|s') ")
LONGEST = 4  # words in the longest head of the table


@dataclass(frozen=True)
class Owner:
    words: frozenset[str]
    from_kinds: frozenset[str]
    heads: frozenset[str]
    kind: str


@dataclass(frozen=True)
class HeadTable:
    heads: dict[str, str]  # head phrase → type
    posts: frozenset[str]
    owners: tuple[Owner, ...]
    refers_back: frozenset[str] = frozenset()  # "the company", "the lender": the body named before

    def kind_of(self, text: str) -> tuple[str, str] | None:
        """(type, head) of a name normalised as ``normalize_name`` does; None when no head is listed."""
        text = text.strip()
        if not text:
            return None
        head_part, rest, found = self._head_of(text)
        if found is None:
            return None
        words = POSSESSOR.sub("", head_part).split()
        owner_words = head_part.split()
        head, n = found
        if head in self.posts:
            # "police spokesman", "Air Force spokesperson", "deputy chair of Russia's Security Council"
            body = self._body_of_post(words[:-n], rest)
            if body is not None:
                return body
        kind = self.heads.get(head)
        if kind is None:
            return None
        modifiers = set(owner_words[: len(owner_words) - n])
        joined = f" {' '.join(owner_words[: len(owner_words) - n])} "
        for owner in self.owners:
            if kind in owner.from_kinds and head in owner.heads and (
                    modifiers & owner.words or any(f" {w} " in joined for w in owner.words if " " in w)):
                return owner.kind, head
        return kind, head

    def _head_of(self, text: str) -> tuple[str, str, tuple[str, int] | None]:
        """The head part of the name, what follows it, and the head found: the words before the first "of"
        unless a listed head runs on through it ("ministry of defence" in "Ministry of Defence of Narnia")."""
        cuts = [m for m in CUT.finditer(text)]
        first: tuple[str, str, tuple[str, int] | None] | None = None
        for n, match in enumerate([*cuts, None]):
            part = text[: match.start()].strip() if match is not None else text
            rest = text[match.end():].strip() if match is not None else ""
            found = self._longest_ending(POSSESSOR.sub("", part).split())
            if first is None:
                if found is not None and match is not None and match.group(0) == " of" \
                        and f"{found[0]} of" in self.heads:
                    found = (f"{found[0]} of", found[1])  # "Bank of Narnia": a central bank ("bank of")
                first = (part, rest, found)
            elif found is not None and " " in found[0] and any(
                    f" {w} " in f" {found[0]} " for w in ("of", "for", "de")):
                return part, rest, found
            if n >= 2:
                break
        assert first is not None
        return first

    def _longest_ending(self, words: list[str]) -> tuple[str, int] | None:
        for n in range(min(LONGEST, len(words)), 0, -1):
            phrase = " ".join(words[-n:])
            for form in (phrase, _singular(phrase)):
                if form in self.heads or form in self.posts:
                    return form, n
        return None

    def _body_of_post(self, before: list[str], rest: str) -> tuple[str, str] | None:
        for candidate in (" ".join(before), rest):
            candidate = candidate.strip()
            if not candidate:
                continue
            found = self.kind_of(re.sub(r"^(?:the|a|an) ", "", candidate))
            if found is not None and found[0] != "person":
                return found
        return None


def _singular(phrase: str) -> str:
    if phrase.endswith("ies") and len(phrase) > 4:
        return phrase[:-3] + "y"
    if phrase.endswith("s") and not phrase.endswith("ss") and len(phrase) > 3:
        return phrase[:-1]
    return phrase


@cache
def default_heads() -> HeadTable:
    table = load_table("source_heads")
    heads: dict[str, str] = {}
    for kind, words in table.get("heads", {}).items():
        for word in words:
            heads.setdefault(word.lower().replace("\u2019", "'"), kind)
    posts = frozenset(w.lower() for w in table.get("posts", {}).get("words", ()))
    owners = tuple(Owner(frozenset(o.get("words", ())), frozenset(o.get("from", ())),
                         frozenset(o.get("heads", ())), o["type"]) for o in table.get("owners", ()))
    refers_back = frozenset(w.lower() for w in table.get("refers_back", {}).get("words", ()))
    return HeadTable(heads, posts, owners, refers_back)
