"""claimledger's spaCy components, registered as factories (``nlp.add_pipe("claimledger_...")``).

Each component adds one thing to the Doc (see design.md): the quantity finder creates the drafts,
every later component fills in its own fields. Rules are loaded once per component from the lexicons.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from claimledger.nlp import attribution, decisions, hedging, nonclaims, periods, semantics, timescope
from claimledger.nlp.conversions import link_conversions
from claimledger.nlp.drafts import ClaimDraft, doc_text, register_extensions
from claimledger.nlp.quantities import default_scanner
from claimledger.nlp.runner import MENTIONS_KEY, expired
from claimledger.nlp.semantics import figure_token
from claimledger.nlp.semantics.units import OUTLET_KEY

register_extensions()


# "KYIV, March 12 (Reuters) - ", "ODESA, Ukraine (AP) — ": a wire dateline is not part of the first sentence.
DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{1,40}(?:,\s+[A-Z][A-Za-z.]+(?:\s+\d{1,2})?)?(?:\s*\([^)\n]{1,40}\))?\s*[-–—]+\s+",
    re.MULTILINE
)


CONTINUING_WORDS = {"and", "or", "but", "while"}
SENTENCE_ENDS = {".", "!", "?"}
MAX_SENTENCE_TOKENS = 200  # tokens without a stop or a line break before a sentence is ended anyway


@Language.component("claimledger_sentence_starts")
def sentence_starts(doc: Doc) -> Doc:
    """A line break or a dateline ends a sentence: headlines, datelines and list items stand alone.

    The marks are written as one array: setting ``Token.is_sent_start`` asks the Doc whether it is parsed,
    which reads every token, so a mark per line made a long document quadratic."""
    starts = doc.to_array([SENT_START]).view(numpy.int64)  # 1 starts a sentence, -1 does not, 0 unset
    run = 0  # tokens since a line break or a full stop
    for token in doc[1:]:
        previous = doc[token.i - 1]
        run = 0 if previous.text in SENTENCE_ENDS else run + 1
        if "\n" in previous.text_with_ws and not previous.is_space \
                or previous.is_space and "\n" in previous.text:
            starts[token.i] = 1
            run = 0
        elif run >= MAX_SENTENCE_TOKENS:
            # "12 12 12 ..." with no stop: every rule reads a figure's sentence, so a sentence without end
            # made the work per figure grow with the text
            starts[token.i] = 1
            run = 0
        elif previous.lower_ in CONTINUING_WORDS and previous.is_lower:
            # "were killed and 1,146 injured": the parser may start a sentence after "and", cutting the
            # elided clause off the speech verb that reports it
            starts[token.i] = -1
    for match in DATELINE.finditer(doc_text(doc)):
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            starts[span.start] = 1
    doc.from_array([SENT_START], starts.view(numpy.uint64))  # type: ignore[arg-type]  # a 1-d array is accepted
    return doc


@Language.factory("claimledger_quantities", assigns=["doc._.claim_drafts"])
def make_quantities(nlp: Language, name: str):
    scanner = default_scanner()

    def find_quantities(doc: Doc) -> Doc:
        drafts = []
        found = doc.user_data.pop(MENTIONS_KEY, None)  # the runner scanned the text before the parse
        for mention in (scanner.scan(doc_text(doc), doc.user_data.get(OUTLET_KEY) or "") if found is None
                        else found):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            figure_span = doc.char_span(mention.num_start, mention.num_end, alignment_mode="expand")
            if span is None or figure_span is None:
                continue
            figure = figure_token(doc[figure_span.start:
                                      max(figure_span.end, span.end if mention.unit else figure_span.end)])
            drafts.append(ClaimDraft(mention=mention, span=span, figure=figure, sentence=figure.sent))
        doc._.claim_drafts = drafts
        return doc

    return find_quantities


@Language.factory("claimledger_nonclaims", default_config={"include_vague": False},
                  requires=["doc._.claim_drafts"])
def make_nonclaims(nlp: Language, name: str, include_vague: bool):
    rules = nonclaims.default_rules()

    def filter_nonclaims(doc: Doc) -> Doc:
        if not expired(doc):
            nonclaims.mark_nonclaims(doc, rules, include_vague)
        return doc

    return filter_nonclaims


def _register_reader(name: str, load_rules: Callable[[], Any], read: Callable[[Doc, Any], None]) -> None:
    """Register a component that loads its rules once and fills its fields on every Doc."""

    @Language.factory(name, requires=["doc._.claim_drafts"])
    def make(nlp: Language, name: str):
        rules = load_rules()

        def component(doc: Doc) -> Doc:
            if not expired(doc):  # past the document's time limit, later components do nothing
                read(doc, rules)
            return doc

        return component


_register_reader("claimledger_semantics", semantics.default_rules, semantics.read_semantics)
_register_reader("claimledger_timescope", timescope.default_rules, timescope.read_time_scopes)
_register_reader("claimledger_windows", lambda: None, lambda doc, _: periods.read_windows(doc))
_register_reader("claimledger_attribution", attribution.default_rules, attribution.read_attribution)
_register_reader("claimledger_hedging", hedging.default_rules, hedging.read_hedging)


@Language.component("claimledger_conversions", requires=["doc._.claim_drafts"])
def conversions(doc: Doc) -> Doc:
    if not expired(doc):
        link_conversions(doc)
    return doc


@Language.factory("claimledger_decisions", requires=["doc._.claim_drafts"])
def make_decisions(nlp: Language, name: str):
    """The trained decision layer (claimledger.decide): last, once every rule has given its answer."""
    from claimledger.decide.model import default_model

    model = default_model()

    def component(doc: Doc) -> Doc:
        decisions.decide(doc, model)
        return doc

    return component


COMPONENTS = (
    "claimledger_quantities", "claimledger_nonclaims", "claimledger_semantics", "claimledger_timescope",
    "claimledger_windows", "claimledger_attribution", "claimledger_hedging", "claimledger_conversions",
    "claimledger_decisions",
)
