"""Read a model's reply leniently into predicted items, noting every contract breach.

Models wrap their JSON in prose and code fences, use single quotes, leave
trailing commas, stop mid-object at the token cap, nest JSON inside strings
and pick their own layout. We extract what we can (the scorer should measure
what the model found, not how tidy it was) and record each deviation as a
violation code so that "rule adherence" can be scored separately.

Nothing here raises on any input string. This module is the entry point and
the size guard; finding and repairing the JSON is :mod:`lenient_json`, reading
its layout :mod:`reply_layout`, the several-items-in-one-value check
:mod:`mixed_values`.

Violation codes and their meaning live in :mod:`phi_core.violations`; the
parser emits ``unparseable``, ``reply_too_large``, ``wrong_shape``,
``extra_text``, ``repaired_json``, ``unknown_category``, ``empty_value``,
``non_string_value`` and ``mixed_entry``.

A reply longer than :data:`MAX_REPLY_CHARS` or nested deeper than
:data:`MAX_REPLY_DEPTH` is refused whole as ``reply_too_large``: no real answer
looks like that, and parsing such garbage costs unbounded time and memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from phi_core.llm.lenient_json import find_json_value
from phi_core.llm.reply_layout import CATEGORY_OBJECT, NONE, PHI_LIST, Findings, walk_top
from phi_core.models import PredictedItem
from phi_core.violations import (
    EMPTY_VALUE,
    EXTRA_TEXT,
    MIXED_ENTRY,
    NON_STRING_VALUE,
    REPAIRED_JSON,
    REPLY_TOO_LARGE,
    UNKNOWN_CATEGORY,
    UNPARSEABLE,
    WRONG_SHAPE,
)

VIOLATION_CODES = (
    UNPARSEABLE,
    REPLY_TOO_LARGE,
    WRONG_SHAPE,
    EXTRA_TEXT,
    REPAIRED_JSON,
    UNKNOWN_CATEGORY,
    EMPTY_VALUE,
    NON_STRING_VALUE,
    MIXED_ENTRY,
)

EXPECTED_SHAPES = (CATEGORY_OBJECT, PHI_LIST)

# Replies are at most a few thousand tokens (num_predict caps them), and an
# answer is a list of flat entries: anything far longer or deeper is garbage,
# refused before any decoding so its cost stays linear and small.
MAX_REPLY_CHARS = 64_000
MAX_REPLY_DEPTH = 64


@dataclass
class ParsedReply:
    items: list[PredictedItem]
    violations: list[str]  # distinct codes, first-seen order
    shape: str  # "category_object" | "phi_list" | "list" | "none"
    # Human-readable detail behind the codes (which label was unknown, etc.).
    notes: list[str] = field(default_factory=list)


def parse_reply(text: str, *, expected_shape: str) -> ParsedReply:
    """Extract (label, value) items from a model reply and list the contract breaches."""
    if expected_shape not in EXPECTED_SHAPES:
        raise ValueError(f"expected_shape must be one of {EXPECTED_SHAPES}, not {expected_shape!r}")
    try:
        return _parse(text, expected_shape)
    except Exception as error:  # the promise is: garbage in, "unparseable" out
        return ParsedReply([], [UNPARSEABLE], NONE, [f"parser gave up: {type(error).__name__}"])


def _parse(text: Any, expected_shape: str) -> ParsedReply:
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    text = "" if text is None else str(text)
    too_large = _too_large(text)
    if too_large:
        return ParsedReply([], [REPLY_TOO_LARGE], NONE, [too_large])

    findings = Findings()
    found = find_json_value(text)
    if found is None:
        return ParsedReply([], [UNPARSEABLE], NONE, ["no JSON value found"])
    value, extra_text, repaired = found
    if extra_text:
        findings.flag(EXTRA_TEXT)
    if repaired:
        findings.flag(REPAIRED_JSON)

    shape = walk_top(value, findings, depth=0)
    if shape == NONE:
        findings.flag(UNPARSEABLE, "JSON holds no category object or list of entries")
    elif shape != expected_shape:
        findings.flag(WRONG_SHAPE, f"asked for {expected_shape}, got {shape}")
    return ParsedReply(findings.items, list(findings.violations), shape, findings.notes)


def cut_reply(limit_bytes: int) -> ParsedReply:
    """What a reply the backend stopped reading at ``limit_bytes`` gives: nothing, as ``reply_too_large``."""
    return ParsedReply(
        [], [REPLY_TOO_LARGE], NONE, [f"reply longer than {limit_bytes:,} bytes; read that far, stored cut, not parsed"]
    )


def _too_large(text: str) -> str:
    """Why the reply is beyond any real answer ("" when it is not)."""
    if len(text) > MAX_REPLY_CHARS:
        return f"reply of {len(text):,} characters is over the {MAX_REPLY_CHARS:,} limit; not parsed"
    if text.count("{") + text.count("[") <= MAX_REPLY_DEPTH:
        return ""
    depth = deepest = 0
    # Brackets inside strings count too: a cheap upper bound is all we need.
    for char in text:
        if char in "{[":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_REPLY_DEPTH:
                    return f"reply nested deeper than {MAX_REPLY_DEPTH} levels; not parsed"
        elif char in "}]" and depth:
            depth -= 1
    return ""
