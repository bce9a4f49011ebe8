"""Every violation and validity code, with what it means, in one place.

Two families live here:

- *Reply violations* break the output contract of a phase. The reply parser,
  the phase extractor and the scorer emit them; each names the rule-adherence
  checks it fails (see :mod:`phi_core.scoring.rules`). Codes that fail no
  check (``extra_text``, ``repaired_json``) are kept and listed but cost no
  points: the model's answer was still read as it meant it.
- *Call validity* codes say a backend call cannot be trusted as a measure of
  the model (the prompt was cut, the answer was cut, the schema was ignored,
  reasoning text came back, the model changed). They are not scored; a run
  that has any is marked on every page that shows its score.

This module imports nothing from the project, so any layer may use it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str
    meaning: str
    emitted_by: str  # "parser" | "phase" | "scorer" | "runner"
    fails: tuple[str, ...] = ()  # rule-adherence checks it fails (reply violations only)


# --------------------------------------------------------------- reply violations

UNPARSEABLE = "unparseable"
REPLY_TOO_LARGE = "reply_too_large"
WRONG_SHAPE = "wrong_shape"
EXTRA_TEXT = "extra_text"
REPAIRED_JSON = "repaired_json"
UNKNOWN_CATEGORY = "unknown_category"
EMPTY_VALUE = "empty_value"
NON_STRING_VALUE = "non_string_value"
MIXED_ENTRY = "mixed_entry"
REFINE_UNPARSEABLE = "refine_unparseable"
VALUE_NOT_VERBATIM = "value_not_verbatim"
DUPLICATE_ITEM = "duplicate_item"

_PARSEABLE = ("parseable", "requested_shape")

REPLY_VIOLATIONS: dict[str, Code] = {
    c.code: c
    for c in (
        Code(UNPARSEABLE, "no usable JSON value in the reply", "parser", _PARSEABLE),
        Code(
            REPLY_TOO_LARGE,
            "the reply is longer or nested deeper than any real answer; it was not parsed",
            "parser",
            _PARSEABLE,
        ),
        Code(WRONG_SHAPE, "JSON, but not the requested layout (items still read)", "parser", ("requested_shape",)),
        Code(EXTRA_TEXT, "text or a code fence around the JSON", "parser"),
        Code(
            REPAIRED_JSON, "the JSON needed repairs (quotes, trailing commas, Python literals, a cut-off end)", "parser"
        ),
        Code(UNKNOWN_CATEGORY, "a label the taxonomy does not know", "parser", ("known_categories",)),
        Code(EMPTY_VALUE, "an entry names a category but gives no value", "parser", ("verbatim_values",)),
        Code(NON_STRING_VALUE, "a number, boolean or object where a string belongs", "parser", ("requested_shape",)),
        # Several items in one entry break "one item per entry" just like a repeat.
        Code(MIXED_ENTRY, "one value holds several items", "parser", ("no_duplicates",)),
        # The model broke the contract even though the previous round's items were kept.
        Code(
            REFINE_UNPARSEABLE,
            "a Self-Refine review reply could not be read; the previous answer was kept",
            "phase",
            ("parseable",),
        ),
        Code(VALUE_NOT_VERBATIM, "a predicted value does not occur in the report text", "scorer", ("verbatim_values",)),
        Code(DUPLICATE_ITEM, "the same (label, value) pair listed more than once", "scorer", ("no_duplicates",)),
    )
}

# Codes after which a reply gave nothing to use (a refine round keeps the previous answer).
UNUSABLE_REPLY_CODES = frozenset(code for code, c in REPLY_VIOLATIONS.items() if "parseable" in c.fails)


def checks_failed_by(code: str) -> tuple[str, ...]:
    known = REPLY_VIOLATIONS.get(code)
    return known.fails if known else ()


# ------------------------------------------------------------------ call validity

PROMPT_TRUNCATED = "prompt_truncated"
OUTPUT_TRUNCATED = "output_truncated"
SCHEMA_IGNORED = "schema_ignored"
THINKING_TEXT = "thinking_text"
MODEL_CHANGED = "model_changed"

VALIDITY: dict[str, Code] = {
    c.code: c
    for c in (
        Code(
            PROMPT_TRUNCATED,
            "the server reports prompt tokens at the context limit, or far fewer than the "
            "prompt holds: the start of the prompt was probably dropped",
            "phase",
        ),
        Code(OUTPUT_TRUNCATED, "the answer stopped at the token cap (done/finish reason 'length')", "phase"),
        Code(
            SCHEMA_IGNORED,
            "structured output was requested and the reply does not validate against the schema",
            "phase",
        ),
        Code(THINKING_TEXT, "the reply carried reasoning ('thinking') text", "phase"),
        Code(MODEL_CHANGED, "the model's digest or id changed within the run; the run stopped", "runner"),
    )
}
VALIDITY_CODES: tuple[str, ...] = tuple(VALIDITY)


def empty_validity() -> dict[str, int]:
    return {code: 0 for code in VALIDITY_CODES}


def add_validity(total: dict[str, int], more: dict[str, int] | list[str] | None) -> dict[str, int]:
    """Add counts (a dict) or flags (a list of codes) into ``total``; unknown codes are ignored."""
    if not more:
        return total
    pairs = more.items() if isinstance(more, dict) else ((code, 1) for code in more)
    for code, count in pairs:
        if code in total and isinstance(count, int):
            total[code] += count
    return total
