"""The loaders behind phi_core.nlp: one tokenizer and one GiNZA pipeline per process."""

from __future__ import annotations

import importlib.util
import threading
from functools import lru_cache

from phi_core.word_cache import word_cache

# Largest dictionary first: the full edition knows more person and place names
# (fewer of them fall back to "unknown word"); the core edition is what GiNZA
# itself depends on, so it is always there when GiNZA is.
SUDACHI_DICTIONARIES: tuple[str, ...] = ("full", "core", "small")

# GiNZA's parser, morphology and bunsetu components are not needed to read
# entities; leaving them out halves the time per document.
_GINZA_EXCLUDE = ("parser", "morphologizer", "compound_splitter", "bunsetu_recognizer")

_lock = threading.Lock()


class NlpUnavailable(RuntimeError):
    """A language resource is not installed; the message says what to run."""


# Modules found once stay found for the life of the process; a missing one is
# looked for again, so installing it while the app runs is noticed. The search
# walks sys.path on disk and ran thousands of times per batch of documents.
_found: set[str] = set()


def _installed(module: str) -> bool:
    if module in _found:
        return True
    if importlib.util.find_spec(module) is None:
        return False
    _found.add(module)
    return True


_edition: list[str] = []


def sudachi_dictionary_name() -> str | None:
    """The installed SudachiDict edition this process uses, or None."""
    # The first edition found is the one the process loads (and keeps), so it
    # need not be looked for again; the missing larger editions would be.
    if _edition:
        return _edition[0]
    for edition in SUDACHI_DICTIONARIES:
        if _installed(f"sudachidict_{edition}"):
            _edition.append(edition)
            return edition
    return None


def sudachi_available() -> bool:
    return _installed("sudachipy") and sudachi_dictionary_name() is not None


def ginza_available() -> bool:
    return _installed("ginza") and _installed("ja_ginza") and _installed("spacy")


@lru_cache(maxsize=1)
def _sudachi_dictionary():
    from sudachipy import dictionary

    return dictionary.Dictionary(dict=sudachi_dictionary_name())


@lru_cache(maxsize=1)
def _sudachi_tokenizer():
    from sudachipy import tokenizer

    # Mode C keeps compound proper nouns whole (横浜市港北区, one place).
    return _sudachi_dictionary().create(tokenizer.Tokenizer.SplitMode.C)


def sudachi_lookup(word: str) -> tuple[tuple[str, ...], ...]:
    """The parts of speech of every dictionary entry spelled exactly ``word`` (none: not a word it knows)."""
    sudachi()  # the same check and message when SudachiPy is missing
    return _cached_lookup(word)


# The same words (surnames, ward and department words) are asked about in document after document;
# the dictionary never changes within a process.
@word_cache(maxsize=8192)
def _cached_lookup(word: str) -> tuple[tuple[str, ...], ...]:
    with _lock:
        return tuple(tuple(m.part_of_speech()) for m in _sudachi_dictionary().lookup(word))


def sudachi():
    """The process's SudachiPy tokenizer (mode C) over the largest installed dictionary."""
    if not sudachi_available():
        raise NlpUnavailable(
            "SudachiPy or its dictionary is not installed: run `.venv/bin/pip install -r requirements.txt`. / "
            "SudachiPy または辞書が入っていません。`.venv/bin/pip install -r requirements.txt` を実行してください。"
        )
    with _lock:
        return _sudachi_tokenizer()


@lru_cache(maxsize=1)
def _ginza_pipeline():
    import spacy

    return spacy.load("ja_ginza", exclude=list(_GINZA_EXCLUDE))


def ginza():
    """The process's GiNZA pipeline (ja_ginza: tokenizer, tok2vec and NER only)."""
    if not ginza_available():
        raise NlpUnavailable(
            "GiNZA (ginza, ja-ginza) is not installed: run `.venv/bin/pip install -r requirements.txt`. / "
            "GiNZA（ginza, ja-ginza）が入っていません。`.venv/bin/pip install -r requirements.txt` を実行してください。"
        )
    with _lock:
        return _ginza_pipeline()
