"""Scoring extracted claims against gold annotations: the yardstick behind `claimledger eval`.

Gold files follow docs/annotation-guide.md: one ``<id>.json`` per document, each gold claim locating
itself by ``sentence`` (an exact substring of the document) and ``text`` inside it. Scoring is pure:
``score(gold, predictions)`` takes predicted claims as given, so unit tests need no language model;
``evaluate(gold_dir, docs)`` runs the real extractor over the documents and scores what it finds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from claimledger.errors import EvalError
from claimledger.models import AUTHOR, Claim, Document, Source

GOLD_FIELDS = (
    "text", "sentence", "value", "high", "bound", "unit", "category", "time_scope", "source",
    "source_type", "hedged", "verification", "conversion_of",
)
# Fields scored over matched pairs, in the order the summary shows them.
SCORED_FIELDS = (
    "value", "high", "bound", "unit", "category", "time_scope", "source", "source_type", "hedged",
    "verification", "conversion_of",
)
# A gold claim is "strictly" right when all of these are (the figure, what it counts, and who says it).
STRICT_FIELDS = ("value", "bound", "unit", "category", "time_scope", "source")
RELATIVE_TOLERANCE = 1e-6
# Fields the decision model gives a confidence for, and the bands `eval` reports accuracy in.
CONFIDENCE_FIELDS = ("time_scope", "category", "source_type", "hedged", "verification", "source")
CONFIDENCE_BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.0))


# ---------------------------------------------------------------------------------------------- gold


@dataclass(frozen=True, slots=True)
class GoldClaim:
    """One annotated claim, located in its document's text."""

    doc_id: str
    origin: str  # "gold/dev-17.json claim 3", for messages
    span: tuple[int, int]
    text: str
    sentence: str
    value: float
    high: float | None
    bound: str
    unit: str | None
    category: str
    time_scope: str
    source: str
    source_type: str
    hedged: bool
    verification: str | None
    conversion_of: str | None


@dataclass(slots=True)
class GoldSet:
    """Gold claims per document id, plus the files and documents that could not be paired."""

    claims: dict[str, list[GoldClaim]]
    gold_without_document: list[str] = field(default_factory=list)  # gold file paths
    documents_without_gold: list[str] = field(default_factory=list)  # document ids


def read_documents(paths: Iterable[str | Path]) -> dict[str, Document]:
    """Documents by id from JSON Lines files or directories of them, in reading order."""
    from claimledger.errors import InputError
    from claimledger.ingest.documents import document_from_mapping

    documents: dict[str, Document] = {}
    for path in _jsonl_files(paths):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                document = document_from_mapping(json.loads(line), str(path), number)
            except (json.JSONDecodeError, InputError) as exc:
                raise EvalError(f"{path}:{number}: not a document record ({exc})") from exc
            if document.id in documents:
                raise EvalError(f"{path}:{number}: document id {document.id!r} was already read "
                                f"from {documents[document.id].origin}")
            documents[document.id] = document
    return documents


def _jsonl_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found = sorted(path.glob("*.jsonl"))
            if not found:
                raise EvalError(f"{path}: directory holds no .jsonl documents")
            yield from found
        elif path.is_file():
            yield path
        else:
            raise EvalError(f"{path}: no such documents file or directory")


def load_gold(gold_dir: str | Path, documents: Mapping[str, Document]) -> GoldSet:
    """Every ``*.json`` gold file under ``gold_dir``, located in ``documents``."""
    directory = Path(gold_dir)
    if not directory.is_dir():
        raise EvalError(f"{directory}: not a directory of gold files")
    gold = GoldSet(claims={})
    for path in sorted(directory.glob("*.json")):
        doc_id, raw_claims = _read_gold_file(path)
        if doc_id not in documents:
            gold.gold_without_document.append(str(path))
            continue
        gold.claims[doc_id] = locate_claims(raw_claims, documents[doc_id], str(path))
    gold.documents_without_gold = [d for d in documents if d not in gold.claims]
    return gold


def _read_gold_file(path: Path) -> tuple[str, list[dict[str, Any]]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: not valid JSON ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        raise EvalError(f"{path}: expected an object with a string 'id' and a 'claims' list")
    claims = data.get("claims")
    if not isinstance(claims, list) or not all(isinstance(c, dict) for c in claims):
        raise EvalError(f"{path}: 'claims' must be a list of objects")
    return data["id"], claims


def locate_claims(raw_claims: Sequence[dict[str, Any]], document: Document, origin: str) -> list[GoldClaim]:
    """Gold claims of one file with their spans in ``document``; conversion targets checked."""
    located = [_locate(raw, document, f"{origin} claim {n} ({raw.get('text')!r})")
               for n, raw in enumerate(raw_claims, start=1)]
    texts = {g.text for g in located}
    for claim in located:
        if claim.conversion_of is not None and claim.conversion_of not in texts:
            raise EvalError(f"{claim.origin}: conversion_of {claim.conversion_of!r} is not the text "
                            f"of another gold claim of document {document.id!r}")
    return located


def _locate(raw: dict[str, Any], document: Document, origin: str) -> GoldClaim:
    missing = [name for name in GOLD_FIELDS if name not in raw]
    if missing:
        raise EvalError(f"{origin}: missing field(s) {', '.join(missing)}")
    sentence_at = document.text.find(raw["sentence"])
    if sentence_at < 0:
        raise EvalError(f"{origin}: sentence not found in document {document.id!r}: "
                        f"{_excerpt(raw['sentence'], 80)!r}")
    occurrence = raw.get("occurrence", 1)
    offset = _nth_find(raw["sentence"], raw["text"], occurrence)
    if offset < 0:
        raise EvalError(f"{origin}: text {raw['text']!r} (occurrence {occurrence}) not found in its "
                        f"sentence {_excerpt(raw['sentence'], 80)!r}")
    start = sentence_at + offset
    values = {name: raw[name] for name in GOLD_FIELDS}
    return GoldClaim(doc_id=document.id, origin=origin, span=(start, start + len(raw["text"])), **values)


def _nth_find(haystack: str, needle: str, n: int) -> int:
    """Offset of the n-th (1-based) occurrence of ``needle``, or -1."""
    if not isinstance(n, int) or n < 1 or not needle:
        return -1
    at = -1
    for _ in range(n):
        at = haystack.find(needle, at + 1)
        if at < 0:
            return -1
    return at


# ------------------------------------------------------------------------------------------ matching


def match_claims(gold: Sequence[GoldClaim], predicted: Sequence[Claim]) -> dict[int, int]:
    """Gold index → predicted index, one-to-one, pairing overlapping spans largest overlap first."""
    overlaps = []
    for g, gold_claim in enumerate(gold):
        for p, claim in enumerate(predicted):
            size = min(gold_claim.span[1], claim.span[1]) - max(gold_claim.span[0], claim.span[0])
            if size > 0:
                overlaps.append((-size, g, p))
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, g, p in sorted(overlaps):  # ties go to the earlier gold claim, then the earlier prediction
        if g not in pairs and p not in taken:
            pairs[g] = p
            taken.add(p)
    return pairs


# ------------------------------------------------------------------------------------ field checks


def same_number(gold: float | None, predicted: float | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return abs(gold - predicted) <= RELATIVE_TOLERANCE * max(abs(gold), abs(predicted))


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def normalise_source(name: str | None) -> str:
    """Case-folded, apostrophes straightened, spaces collapsed, a leading "the " dropped."""
    text = " ".join((name or "").translate(_APOSTROPHES).casefold().split())
    return text[4:] if text.startswith("the ") else text


def same_source(gold: str | None, predicted: str | None) -> bool:
    """Equal after normalising, or one a whole-word sub-phrase of the other; AUTHOR only equals AUTHOR."""
    if gold == AUTHOR or predicted == AUTHOR:
        return gold == predicted
    a, b = normalise_source(gold).split(), normalise_source(predicted).split()
    if not a or not b:
        return a == b
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _same_unit(gold: str | None, predicted: str | None) -> bool:
    return (gold or "").casefold() == (predicted or "").casefold()


@dataclass(frozen=True, slots=True)
class PairContext:
    """What conversion_of needs: the document's gold claims, predictions and pairing."""

    gold: Sequence[GoldClaim]
    predicted: Sequence[Claim]
    pairs: Mapping[int, int]


def _predicted_value(name: str, claim: Claim) -> Any:
    if name == "source":
        return claim.source.name
    if name == "source_type":
        return claim.source.type
    return getattr(claim, name)


def field_correct(name: str, gold: GoldClaim, claim: Claim, context: PairContext) -> bool:
    predicted = _predicted_value(name, claim)
    if name in ("value", "high"):
        return same_number(getattr(gold, name), predicted)
    if name == "unit":
        return _same_unit(gold.unit, predicted)
    if name == "source":
        return same_source(gold.source, predicted)
    if name == "conversion_of":
        return _same_conversion(gold, claim, context)
    return getattr(gold, name) == predicted


def _same_conversion(gold: GoldClaim, claim: Claim, context: PairContext) -> bool:
    if gold.conversion_of is None or claim.conversion_of is None:
        return gold.conversion_of is None and claim.conversion_of is None
    target = _conversion_target(gold, context.gold)
    matched = context.pairs.get(target)
    return matched is not None and context.predicted[matched].id == claim.conversion_of


def _conversion_target(gold: GoldClaim, claims: Sequence[GoldClaim]) -> int:
    """The gold claim converted: of those with that text, the nearest one (it sits beside its amount)."""
    candidates = [i for i, c in enumerate(claims) if c.text == gold.conversion_of]
    return min(candidates, key=lambda i: abs(claims[i].span[0] - gold.span[0]))


# ------------------------------------------------------------------------------------------ report


@dataclass(slots=True)
class Counts:
    """Detection counts and the scores they give."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else (1.0 if not self.predicted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(slots=True)
class FieldScore:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class Unpaired:
    """A claim left without a partner: a gold claim no prediction overlaps (a miss), or a
    predicted claim that overlaps no gold claim (a false positive)."""

    doc_id: str
    text: str
    sentence: str
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class FieldError:
    """A matched pair that disagrees on one field."""

    field: str
    doc_id: str
    text: str  # the gold claim's text
    predicted_text: str
    sentence: str
    gold: Any
    predicted: Any


@dataclass(slots=True)
class EvalReport:
    """Everything `claimledger eval` shows; ``to_dict`` is its JSON twin."""

    totals: Counts = field(default_factory=Counts)
    per_document: dict[str, Counts] = field(default_factory=dict)
    fields: dict[str, FieldScore] = field(default_factory=lambda: {n: FieldScore() for n in SCORED_FIELDS})
    strict_correct: int = 0
    misses: list[Unpaired] = field(default_factory=list)
    false_positives: list[Unpaired] = field(default_factory=list)
    field_errors: list[FieldError] = field(default_factory=list)
    gold_without_document: list[str] = field(default_factory=list)
    documents_without_gold: list[str] = field(default_factory=list)
    # (confidence, right?) of every matched pair's context field that carries a confidence
    confidences: list[tuple[float, bool]] = field(default_factory=list)

    def confidence_bands(self) -> list[dict[str, Any]]:
        """Accuracy by confidence band over the context fields: each band's share of fields, n, accuracy."""
        total = len(self.confidences)
        bands = []
        for n, (low, high) in enumerate(CONFIDENCE_BANDS):
            last = n == len(CONFIDENCE_BANDS) - 1
            inside = [ok for c, ok in self.confidences if low <= c and (c < high or last)]
            bands.append({"band": f"{low:.1f}-{high:.1f}", "low": low, "high": high, "n": len(inside),
                          "share": len(inside) / total if total else 0.0,
                          "accuracy": sum(inside) / len(inside) if inside else None})
        return bands

    @property
    def strict(self) -> float:
        """Share of all gold claims found with value, bound, unit, category, time scope and source right."""
        return self.strict_correct / self.totals.gold if self.totals.gold else 1.0

    def errors_by_field(self) -> dict[str, list[FieldError]]:
        grouped: dict[str, list[FieldError]] = {name: [] for name in SCORED_FIELDS}
        for error in self.field_errors:
            grouped[error.field].append(error)
        return {name: errors for name, errors in grouped.items() if errors}

    def to_dict(self, limit: int | None = None) -> dict[str, Any]:
        """The whole report as JSON-ready data; ``limit`` caps each list (totals are always given)."""
        def cap(items: Sequence[Any]) -> list[dict[str, Any]]:
            return [_plain(item) for item in (items if limit is None else items[:limit])]

        return {
            **self.totals.to_dict(),
            "strict": self.strict,
            "strict_correct": self.strict_correct,
            "fields": {n: {"accuracy": s.accuracy, "correct": s.correct, "n": s.total}
                       for n, s in self.fields.items()},
            "per_document": {d: c.to_dict() for d, c in self.per_document.items()},
            "misses_total": len(self.misses),
            "misses": cap(self.misses),
            "false_positives_total": len(self.false_positives),
            "false_positives": cap(self.false_positives),
            "field_errors_total": {n: len(e) for n, e in self.errors_by_field().items()},
            "field_errors": {n: cap(e) for n, e in self.errors_by_field().items()},
            "gold_without_document": self.gold_without_document,
            "documents_without_gold": self.documents_without_gold,
            "confidence_bands": self.confidence_bands() if self.confidences else [],
        }


def _plain(item: Any) -> dict[str, Any]:
    data = asdict(item)
    if "span" in data:
        data["span"] = list(data["span"])
    return data


# ------------------------------------------------------------------------------------------ scoring


def score(gold: GoldSet | Mapping[str, Sequence[GoldClaim]],
          predictions: Mapping[str, Sequence[Claim]]) -> EvalReport:
    """Score predicted claims per document id against gold; documents absent from gold are not scored."""
    gold_set = gold if isinstance(gold, GoldSet) else GoldSet(claims={k: list(v) for k, v in gold.items()})
    report = EvalReport(gold_without_document=list(gold_set.gold_without_document),
                        documents_without_gold=list(gold_set.documents_without_gold))
    for doc_id, gold_claims in gold_set.claims.items():
        _score_document(report, doc_id, gold_claims, predictions.get(doc_id, []))
    return report


def _score_document(report: EvalReport, doc_id: str, gold: Sequence[GoldClaim],
                    predicted: Sequence[Claim]) -> None:
    pairs = match_claims(gold, predicted)
    counts = Counts(gold=len(gold), predicted=len(predicted), matched=len(pairs))
    report.per_document[doc_id] = counts
    for name in ("gold", "predicted", "matched"):
        setattr(report.totals, name, getattr(report.totals, name) + getattr(counts, name))
    context = PairContext(gold, predicted, pairs)
    for g, gold_claim in enumerate(gold):
        if g in pairs:
            _score_pair(report, gold_claim, predicted[pairs[g]], context)
        else:
            report.misses.append(Unpaired(doc_id, gold_claim.text, gold_claim.sentence, gold_claim.span))
    taken = set(pairs.values())
    report.false_positives.extend(Unpaired(doc_id, c.text, c.sentence, (c.span[0], c.span[1]))
                                  for p, c in enumerate(predicted) if p not in taken)


def _score_pair(report: EvalReport, gold: GoldClaim, claim: Claim, context: PairContext) -> None:
    wrong: set[str] = set()
    confidence = claim.confidence or {}
    for name in SCORED_FIELDS:
        tally = report.fields[name]
        tally.total += 1
        right = field_correct(name, gold, claim, context)
        if name in CONFIDENCE_FIELDS and name in confidence:
            report.confidences.append((float(confidence[name]), right))
        if right:
            tally.correct += 1
            continue
        wrong.add(name)
        report.field_errors.append(FieldError(
            name, gold.doc_id, gold.text, claim.text, gold.sentence,
            getattr(gold, name), _predicted_value(name, claim)))
    if not wrong.intersection(STRICT_FIELDS):
        report.strict_correct += 1


Extractor = Callable[[Iterable[Document]], Iterable[tuple[Document, list[Claim]]]]


def evaluate(gold_dir: str | Path, docs: Iterable[str | Path],
             extractor: Extractor | None = None) -> EvalReport:
    """Run the extractor over the documents that have gold, and score its claims."""
    documents = read_documents(docs)
    gold = load_gold(gold_dir, documents)
    if extractor is None:
        from claimledger.api import extract_documents

        extractor = extract_documents
    wanted = [documents[d] for d in gold.claims]
    predictions = {document.id: claims for document, claims in extractor(wanted)} if wanted else {}
    return score(gold, predictions)


# ----------------------------------------------------------------------------------------- agreement


def gold_as_predictions(claims: Sequence[GoldClaim]) -> list[Claim]:
    """One annotator's gold claims of a document as predicted claims, so that ``score`` can set them
    against another annotator's gold: conversions point at the id of the claim they convert."""
    made = [Claim(id=Claim.make_id(g.doc_id, *g.span), doc_id=g.doc_id, span=g.span, text=g.text,
                  sentence=g.sentence, value=g.value, high=g.high, bound=g.bound, unit=g.unit or "",
                  category=g.category, time_scope=g.time_scope,
                  source=Source(name=g.source, type=g.source_type), hedged=g.hedged,
                  verification=g.verification)
            for g in claims]
    for g, claim in zip(claims, made, strict=True):
        if g.conversion_of is not None:
            claim.conversion_of = made[_conversion_target(g, claims)].id
    return made


def agreement(gold_a: str | Path, gold_b: str | Path, docs: Iterable[str | Path]) -> EvalReport:
    """Annotator B's gold scored as predictions against annotator A's, over the documents both annotated.

    Matching, field agreement and strict are those of ``score``; field agreement over matched pairs and
    F1 do not depend on which annotator is A (strict does: its share is of A's claims). Documents only
    one annotator has a gold file for are listed in ``documents_without_gold`` and not scored.
    """
    documents = read_documents(docs)
    a, b = load_gold(gold_a, documents), load_gold(gold_b, documents)
    both = [d for d in a.claims if d in b.claims]
    scored = GoldSet(claims={d: a.claims[d] for d in both},
                     gold_without_document=a.gold_without_document + b.gold_without_document,
                     documents_without_gold=[d for d in documents if d not in both])
    return score(scored, {d: gold_as_predictions(b.claims[d]) for d in both})


def _excerpt(text: str, width: int) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= width else text[: width - 1] + "…"


def excerpt_around(sentence: str, text: str, width: int = 100) -> str:
    """A window of ``sentence`` of about ``width`` characters centred on ``text``, for listings."""
    flat = re.sub(r"\s+", " ", sentence).strip()
    if len(flat) <= width:
        return flat
    at = max(flat.find(text), 0)
    start = max(0, min(at - width // 2, len(flat) - width))
    piece = flat[start:start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(flat) else "")
