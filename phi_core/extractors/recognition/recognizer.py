"""Recognizers: small finders with one job each, kept in one registry (name -> recognizer).

A recognizer reads a :class:`Document` and returns candidates (typed spans)
and, optionally, context regions (stretches of text whose label decides the
category of generic matches inside them, e.g. a date under ``生年月日``). It
never decides overlaps: the resolver (resolve.py) does that once for all.

Adding a recognizer = one module in phi_core/extractors/recognizers/ with one class
with a ``name`` and ``find``, decorated with
:func:`register`. A profile (profiles.py, data/rules/profiles.toml) says which
recognizers run; the order does not change the result, since the resolver
sorts candidates by rank, length and category before choosing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, ClassVar

from phi_core.extractors.recognition.candidates import Candidate


@dataclass(frozen=True)
class Region:
    """Generic matches (by ``kind``) starting inside [start, end) take the mapped category."""

    start: int
    end: int
    retype: dict[str, str]
    # "○○病院 TEL: ..." makes a phone on that line the facility's.
    facility_line: bool = False


@dataclass
class Document:
    """The text plus views several recognizers share, computed once."""

    text: str
    _cache: dict = field(default_factory=dict, repr=False)

    def shared(self, key: str, compute: Callable[["Document"], object]):
        if key not in self._cache:
            self._cache[key] = compute(self)
        return self._cache[key]


class Recognizer:
    name: ClassVar[str] = ""
    # Categories it may emit (documentation and tests; not enforced at run time).
    categories: ClassVar[tuple[str, ...]] = ()

    def find(self, doc: Document) -> list[Candidate]:
        return []

    def regions(self, doc: Document) -> list[Region]:
        return []


RECOGNIZERS: dict[str, Recognizer] = {}


def register(cls: type[Recognizer]) -> type[Recognizer]:
    if not cls.name:
        raise ValueError(f"{cls.__name__} has no name: give the recognizer a unique `name` class attribute.")
    if cls.name in RECOGNIZERS:
        raise ValueError(f"two recognizers are called {cls.name!r}: rename one of them.")
    RECOGNIZERS[cls.name] = cls()
    return cls


def get(name: str) -> Recognizer:
    try:
        return RECOGNIZERS[name]
    except KeyError:
        raise KeyError(f"there is no recognizer called {name!r}: choose one of {', '.join(RECOGNIZERS)}") from None


def recognizer_class(name: str) -> type[Recognizer]:
    """The class registered under ``name`` (the registry maps names to classes through their one instance)."""
    return type(get(name))
