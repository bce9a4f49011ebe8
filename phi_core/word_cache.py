"""Answers about single words (is it a surname, what a column header means), kept in one registry.

Documents repeat their words, so each answer is kept for the life of the
process. A benchmark that passes over the same documents more than once
clears them before each pass (:func:`clear_word_caches`): a second pass would
otherwise find every word answered already and measure a speed no new
document sees.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, TypeVar

F = TypeVar("F", bound=Callable)

_CACHED: list = []


def word_cache(maxsize: int = 4096) -> Callable[[F], F]:
    """``functools.lru_cache`` for a pure function of a word, registered so that it can be cleared."""

    def wrap(function: F) -> F:
        cached = lru_cache(maxsize=maxsize)(function)
        _CACHED.append(cached)
        return cached  # type: ignore[return-value]

    return wrap


def clear_word_caches() -> None:
    for cached in _CACHED:
        cached.cache_clear()
