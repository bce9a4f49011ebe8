"""PHI categories and the mapping from every label spelling we meet to them.

Labels arrive from three places: the study's silver annotations (English,
Japanese and SNAKE_CASE spellings), the phase prompts (12 Japanese names in
phase 1, 10 coarse types in phase 2) and model replies. All of them resolve
through :func:`resolve`, which never drops a label silently: an unknown label
comes back with ``known=False`` so callers can report it.

The tables themselves (categories, coarse groups, phase-1 names, aliases) are
data: they live in ``data/taxonomy.toml`` and are read once, at import.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from phi_core.japanese.width import nfkc
from phi_core.paths import DATA_DIR


@dataclass(frozen=True)
class Category:
    code: str
    name_ja: str
    name_en: str
    color: str
    headline: bool = False


TABLE_FILE = DATA_DIR / "taxonomy.toml"


def _read_table() -> dict:
    with TABLE_FILE.open("rb") as handle:
        return tomllib.load(handle)


_TABLE = _read_table()

# The order is the display order everywhere (legend, tables, key bindings).
CATEGORIES: tuple[Category, ...] = tuple(Category(**row) for row in _TABLE["categories"])

CATEGORY_BY_CODE: dict[str, Category] = {c.code: c for c in CATEGORIES}
CATEGORY_CODES: tuple[str, ...] = tuple(c.code for c in CATEGORIES)
HEADLINE_CODES: tuple[str, ...] = tuple(c.code for c in CATEGORIES if c.headline)

# Coarse labels name a group of canonical categories. A prediction under a
# coarse label is "correctly classified" when the gold category is in the group.
COARSE_LABELS: dict[str, frozenset[str]] = {label: frozenset(codes) for label, codes in _TABLE["coarse"].items()}

# Phase 1 asks for these twelve Japanese names; each maps to one category.
PHASE1_LABELS: dict[str, str] = dict(_TABLE["phase1"])

# Every other spelling, normalised by :func:`normalize_label` before lookup, so
# the table's keys are written in normalised form.
ALIASES: dict[str, str] = dict(_TABLE["aliases"])


@dataclass(frozen=True)
class LabelMapping:
    """How one label reads against the canonical categories.

    ``category`` is the single canonical category the label names (None for a
    coarse label that spans several, or an unknown label). ``covers`` is the
    set of canonical categories a prediction under this label may stand for.
    """

    label: str
    category: str | None
    covers: frozenset[str]
    known: bool
    coarse: bool = False


_SEPARATORS = re.compile(r"[\s\-./・:：]+")


def normalize_label(label: str) -> str:
    """Fold width, case and separators so spellings meet one table key."""
    folded = nfkc(str(label)).strip().strip("\"'「」【】[]")
    folded = _SEPARATORS.sub("_", folded).strip("_")
    return folded.upper()


@lru_cache(maxsize=4096)
def resolve(label: str) -> LabelMapping:
    """Map any label spelling to canonical categories; unknown labels stay visible."""
    key = normalize_label(label)
    if key in CATEGORY_BY_CODE and key in COARSE_LABELS:
        # PHONE and ADDRESS are both a category and a phase-2 coarse type: as
        # gold they name the category, as predictions they cover the group.
        return LabelMapping(label, key, COARSE_LABELS[key], True, coarse=True)
    if key in CATEGORY_BY_CODE:
        return LabelMapping(label, key, frozenset({key}), True)
    if key in COARSE_LABELS:
        covers = COARSE_LABELS[key]
        # A coarse label that covers one category (GENDER, DOCTOR...) names it.
        single = next(iter(covers)) if len(covers) == 1 else None
        return LabelMapping(label, single, covers, True, coarse=True)
    for table in (PHASE1_LABELS, ALIASES):
        if key in table:
            code = table[key]
            return LabelMapping(label, code, frozenset({code}), True)
    return LabelMapping(label, None, frozenset(), False)


def canonical(label: str) -> str | None:
    """The single canonical category of a label, or None when it has none."""
    return resolve(label).category


def category_matches(predicted_label: str, gold_category: str) -> bool:
    """Whether a prediction's label may stand for the gold category."""
    return gold_category in resolve(predicted_label).covers


def unknown_labels(labels) -> list[str]:
    """Labels that resolve to nothing, in first-seen order, without repeats."""
    seen: dict[str, None] = {}
    for label in labels:
        if not resolve(label).known:
            seen.setdefault(label, None)
    return list(seen)
