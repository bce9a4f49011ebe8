"""Read a model's reply leniently into predicted items, noting every contract breach.

Models wrap their JSON in prose and code fences, use single quotes, leave
trailing commas, stop mid-object at the token cap, nest JSON inside strings
and pick their own layout. We extract what we can (the scorer should measure
what the model found, not how tidy it was) and record each deviation as a
violation code so that "rule adherence" can be scored separately.

Nothing here raises on any input string.

Violation codes and their meaning live in :mod:`phi_core.violations`; the
parser emits ``unparseable``, ``reply_too_large``, ``wrong_shape``,
``extra_text``, ``repaired_json``, ``unknown_category``, ``empty_value``,
``non_string_value`` and ``mixed_entry``.

A reply longer than :data:`MAX_REPLY_CHARS` or nested deeper than
:data:`MAX_REPLY_DEPTH` is refused whole as ``reply_too_large``: no real answer
looks like that, and parsing such garbage costs unbounded time and memory.
"""

from __future__ import annotations

import ast
import json
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from phi_core.japanese import honorifics
from phi_core.japanese.chars import JAPANESE_LETTERS
from phi_core.models import PredictedItem
from phi_core.taxonomy import resolve
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

CATEGORY_OBJECT = "category_object"
PHI_LIST = "phi_list"
LIST = "list"
NONE = "none"
EXPECTED_SHAPES = (CATEGORY_OBJECT, PHI_LIST)

# Replies are at most a few thousand tokens (num_predict caps them), and an
# answer is a list of flat entries: anything far longer or deeper is garbage,
# refused before any decoding so its cost stays linear and small.
MAX_REPLY_CHARS = 64_000
MAX_REPLY_DEPTH = 64
MAX_CANDIDATES = 12
MAX_TRUNCATION_CUTS = 8
MAX_NESTING = 8  # JSON inside a string inside JSON ...

# Values that mean "nothing found" rather than a finding.
NO_VALUE_MARKERS = frozenset(
    {
        "",
        "なし",
        "無し",
        "該当なし",
        "該当無し",
        "記載なし",
        "不明",
        "n/a",
        "na",
        "none",
        "null",
        "nil",
        "-",
        "－",
        "ー",
        "—",
        "なし。",
    }
)

# Keys under which replies put their list of entries ({"phi_list": [...]} is the contract).
LIST_KEYS = frozenset(
    {"phi_list", "phi_items", "phi", "pii", "items", "entities", "results", "data", "output", "answer"}
)
ENTRY_LABEL_KEYS = (
    "type",
    "category",
    "label",
    "entity_type",
    "entity",
    "kind",
    "class",
    "tag",
    "種類",
    "カテゴリ",
    "カテゴリー",
)
ENTRY_VALUE_KEYS = ("value", "text", "span", "content", "string", "word", "値", "内容", "テキスト")


@dataclass
class ParsedReply:
    items: list[PredictedItem]
    violations: list[str]  # distinct codes, first-seen order
    shape: str  # "category_object" | "phi_list" | "list" | "none"
    # Human-readable detail behind the codes (which label was unknown, etc.).
    notes: list[str] = field(default_factory=list)


class _Findings:
    """Items and violations collected while walking a parsed value."""

    def __init__(self) -> None:
        self.items: list[PredictedItem] = []
        self.violations: dict[str, None] = {}
        self.notes: list[str] = []

    def flag(self, code: str, note: str = "") -> None:
        self.violations.setdefault(code, None)
        if note and len(self.notes) < 50:
            self.notes.append(note)

    def add(self, label: str, value: str) -> None:
        if not resolve(label).known:
            self.flag(UNKNOWN_CATEGORY, f"unknown category {label!r}")
        if is_mixed_value(value):
            self.flag(MIXED_ENTRY, f"value {value!r} holds several items")
        self.items.append(PredictedItem(category=label, value=value))


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

    findings = _Findings()
    found = find_json_value(text)
    if found is None:
        return ParsedReply([], [UNPARSEABLE], NONE, ["no JSON value found"])
    value, extra_text, repaired = found
    if extra_text:
        findings.flag(EXTRA_TEXT)
    if repaired:
        findings.flag(REPAIRED_JSON)

    shape = _walk_top(value, findings, depth=0)
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


# -- locating the JSON ------------------------------------------------------------

_FENCE = re.compile(r"```[ \t]*[A-Za-z0-9_-]*[ \t]*\r?\n?(.*?)(?:```|\Z)", re.DOTALL)


def find_json_value(text: str) -> tuple[Any, bool, bool] | None:
    """The first useful JSON value in ``text``: (value, had_extra_text, needed_repair).

    Code fences are looked into first. Within a region, the first balanced
    value that decodes wins; values that cannot hold items (numbers, a list of
    numbers like a "[1]" footnote) are passed over. A value cut off at the end
    (token cap) is closed and decoded.
    """
    regions = [match.group(1) for match in _FENCE.finditer(text)]
    for region in [*regions, text]:
        found = _find_in_region(region)
        if found is not None:
            value, span, repaired = found
            extra = region is not text or bool(region[: span[0]].strip() or region[span[1] :].strip())
            return value, extra, repaired
    return None


def _find_in_region(region: str) -> tuple[Any, tuple[int, int], bool] | None:
    tried_truncated = False
    for start in _candidate_starts(region):
        end = _balanced_end(region, start)
        if end is None:
            # Unclosed: usually a reply cut off by the token cap. Close it once;
            # if that fails it was stray prose, and a later opener may still close.
            if not tried_truncated:
                tried_truncated = True
                closed = _close_truncated(region, start)
                if closed is not None:
                    return closed[0], (start, len(region)), True
            continue
        decoded = _decode(region[start:end])
        # Values that cannot hold items (a "[1]" footnote) are passed over.
        if decoded is not None and _can_hold_items(decoded[0]):
            return decoded[0], (start, end), decoded[1]
    # JSON escaped for embedding in a string, pasted without the outer quotes.
    if '\\"' in region and region.count('\\"') * 2 >= region.count('"'):
        inner = _find_in_region(region.replace('\\"', '"'))
        if inner is not None:
            return inner[0], inner[1], True
    # A reply that is one JSON string holding JSON: "{\"phi_list\": ...}"
    stripped = region.strip()
    if stripped.startswith('"'):
        decoded = _decode(stripped)
        if decoded is not None and isinstance(decoded[0], str):
            inner = _find_in_region(decoded[0])
            if inner is not None:
                start = region.index(stripped)
                return inner[0], (start, start + len(stripped)), True
    return None


def _candidate_starts(region: str) -> Iterator[int]:
    count = 0
    for index, char in enumerate(region):
        if char in "{[":
            yield index
            count += 1
            if count >= MAX_CANDIDATES:
                return


def _can_hold_items(value: Any) -> bool:
    if isinstance(value, dict):
        return True
    if isinstance(value, list):
        return not value or any(isinstance(v, (dict, list, str)) for v in value)
    return False


_OPEN_QUOTES = {'"': '"', "'": "'", "“": "”"}
_CLOSERS = {"{": "}", "[": "]"}


def _balanced_end(text: str, start: int) -> int | None:
    """Index just past the bracket that closes text[start]; None when it never closes.

    Quoted strings (double, single or curly quotes) are skipped so that brackets
    inside values do not count. A mismatched closer ends the scan as balanced
    at that point; decoding will then reject the candidate.
    """
    stack: list[str] = []
    quote = None
    escaped = False
    for index in range(start, len(text)):
        char = text[index]
        if quote is not None:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == quote:
                quote = None
            continue
        if char in _OPEN_QUOTES:
            quote = _OPEN_QUOTES[char]
        elif char in _CLOSERS:
            stack.append(_CLOSERS[char])
        elif char in "}]":
            if not stack or stack.pop() != char:
                return index + 1
            if not stack:
                return index + 1
    return None


# -- decoding with repairs -----------------------------------------------------------


def _decode(candidate: str) -> tuple[Any, bool] | None:
    """(value, repaired) for the first decoder that accepts the candidate."""
    for decoder, repaired in _DECODERS:
        try:
            return decoder(candidate), repaired
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            continue
    return None


def _keep_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Merge repeated keys into a list: {"医師名": "A", "医師名": "B"} names two doctors."""
    merged: dict[str, Any] = {}
    for key, value in pairs:
        if key in merged:
            before = merged[key] if isinstance(merged[key], list) else [merged[key]]
            merged[key] = before + (value if isinstance(value, list) else [value])
        else:
            merged[key] = value
    return merged


def _strict(candidate: str) -> Any:
    return json.loads(candidate, object_pairs_hook=_keep_duplicate_keys)


def _normalised(candidate: str) -> Any:
    return json.loads(normalise_json(candidate), object_pairs_hook=_keep_duplicate_keys)


def _python_literal(candidate: str) -> Any:
    if len(candidate) > 20_000:
        raise ValueError("too long for a literal")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # odd escapes in garbage are not our warnings to show
        return ast.literal_eval(candidate)


_DECODERS: tuple[tuple[Callable[[str], Any], bool], ...] = (
    (_strict, False),
    (_normalised, True),
    (_python_literal, True),
)

_PYTHON_CONSTANTS = {"True": "true", "False": "false", "None": "null"}


def normalise_json(text: str) -> str:
    """Rewrite near-JSON as JSON: quotes to double quotes, drop trailing commas, Python constants.

    Works token by token outside strings so that commas, quotes and words
    inside values stay untouched.
    """
    out: list[str] = []
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char in _OPEN_QUOTES:
            body, index = _read_string(text, index)
            out.append(json.dumps(body, ensure_ascii=False))
            continue
        if char == ",":
            following = index + 1
            while following < length and text[following].isspace():
                following += 1
            if following >= length or text[following] in "}]":
                index += 1  # trailing comma
                continue
        if char.isalpha():
            word_end = index
            while word_end < length and (text[word_end].isalnum() or text[word_end] == "_"):
                word_end += 1
            word = text[index:word_end]
            out.append(_PYTHON_CONSTANTS.get(word, word))
            index = word_end
            continue
        out.append(char)
        index += 1
    return "".join(out)


def _read_string(text: str, start: int) -> tuple[str, int]:
    """The decoded body of the quoted string at ``start`` and the index after it."""
    closing = _OPEN_QUOTES[text[start]]
    chars: list[str] = []
    index = start + 1
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            escape = text[index + 1]
            if escape == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", text[index + 2 : index + 6]):
                chars.append(chr(int(text[index + 2 : index + 6], 16)))
                index += 6
                continue
            chars.append({"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}.get(escape, escape))
            index += 2
            continue
        if char == closing:
            return "".join(chars), index + 1
        chars.append(char)
        index += 1
    raise ValueError("unterminated string")


def _close_truncated(text: str, start: int) -> tuple[Any] | None:
    """Decode a value cut off by the token cap by dropping the unfinished tail.

    Cuts back to the end of a complete element, latest first (a bounded number
    of times), and closes what is open there. Complete elements are closed
    objects and lists, and strings that sit directly in a list or in the
    top-level object. A string inside a nested object may be half an entry
    ({"type": "DATE"} without its value), and a half-written string would be a
    wrong value, so neither is kept.
    """
    cuts: list[tuple[int, str]] = []  # (end index, closers needed there)
    stack: list[str] = []
    quote = None
    escaped = False
    for index in range(start, len(text)):
        char = text[index]
        if quote is not None:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == quote:
                quote = None
                if stack and (stack[-1] == "]" or len(stack) == 1):
                    cuts.append((index + 1, "".join(reversed(stack))))
            continue
        if char in _OPEN_QUOTES:
            quote = _OPEN_QUOTES[char]
        elif char in _CLOSERS:
            stack.append(_CLOSERS[char])
        elif char in "}]" and stack:
            stack.pop()
            if stack:
                cuts.append((index + 1, "".join(reversed(stack))))
    for end, closers in reversed(cuts[-MAX_TRUNCATION_CUTS:]):
        decoded = _decode(text[start:end].rstrip().rstrip(",") + closers)
        if decoded is not None and _can_hold_items(decoded[0]):
            return (decoded[0],)
    return None


# -- reading the layout ----------------------------------------------------------------


def _walk_top(value: Any, findings: _Findings, depth: int) -> str:
    """Collect items from a decoded value; return the layout it had."""
    if depth > MAX_NESTING:
        return NONE
    if isinstance(value, str):
        inner = _decode_json_string(value)
        if inner is None:
            return NONE
        findings.flag(WRONG_SHAPE, "the JSON is a string holding JSON")
        return _walk_top(inner, findings, depth + 1)
    if isinstance(value, list):
        _walk_entries(value, findings, depth)
        return LIST
    if not isinstance(value, dict):
        return NONE

    list_key = next((k for k in value if isinstance(k, str) and k.strip().lower() in LIST_KEYS), None)
    if list_key is not None:
        inner = value[list_key]
        is_contract = list_key.strip().lower() == "phi_list"
        if inner is None:
            inner = []  # {"phi_list": null}: nothing found
        if isinstance(inner, list):
            _walk_entries(inner, findings, depth)
            return PHI_LIST if is_contract else LIST
        if isinstance(inner, str):
            decoded = _decode_json_string(inner)
            if decoded is None:
                # A lone label->text pair like {"PHI": "山田"} is a category object.
                return _walk_category_object(value, findings, depth)
            findings.flag(WRONG_SHAPE, f"{list_key!r} holds JSON text instead of JSON")
            return _walk_top(decoded, findings, depth + 1)
        if isinstance(inner, dict):
            findings.flag(WRONG_SHAPE, f"entries wrapped in {list_key!r}")
            return _walk_top(inner, findings, depth + 1)
    if _is_entry(value):
        _walk_entries([value], findings, depth)
        return LIST
    return _walk_category_object(value, findings, depth)


def _decode_json_string(text: str) -> Any:
    stripped = text.strip()
    if not stripped or stripped[0] not in '{["`':
        return None
    found = find_json_value(stripped)
    if found is None or not _can_hold_items(found[0]):
        return None
    return found[0]


def _is_entry(obj: dict) -> bool:
    return _entry_key(obj, ENTRY_LABEL_KEYS) is not None and _entry_key(obj, ENTRY_VALUE_KEYS) is not None


def _entry_key(obj: dict, names: tuple[str, ...]) -> Any:
    lowered = {k.strip().lower(): k for k in obj if isinstance(k, str)}
    return next((lowered[name] for name in names if name in lowered), None)


def _walk_entries(entries: list, findings: _Findings, depth: int) -> None:
    for entry in entries:
        if isinstance(entry, dict):
            if _is_entry(entry):
                label = _label_text(entry[_entry_key(entry, ENTRY_LABEL_KEYS)])
                _add_values(label, entry[_entry_key(entry, ENTRY_VALUE_KEYS)], findings, empty_is_violation=True)
            elif _entry_key(entry, ENTRY_LABEL_KEYS) is not None:
                findings.flag(EMPTY_VALUE, "an entry has a category but no value")
            elif _entry_key(entry, ENTRY_VALUE_KEYS) is not None:
                findings.flag(UNKNOWN_CATEGORY, "an entry has a value but no category")
                _add_values("", entry[_entry_key(entry, ENTRY_VALUE_KEYS)], findings, empty_is_violation=True)
            else:
                # {"患者氏名": "山田"} as a list element: a small category object.
                _walk_category_object(entry, findings, depth)
        elif isinstance(entry, list) and depth < MAX_NESTING:
            _walk_entries(entry, findings, depth + 1)
        elif entry is not None:
            findings.flag(WRONG_SHAPE, f"a list element is not an entry object: {str(entry)[:40]!r}")


def _walk_category_object(obj: dict, findings: _Findings, depth: int) -> str:
    for key, value in obj.items():
        label = _label_text(key)
        if isinstance(value, list) and any(isinstance(v, dict) and _is_entry(v) for v in value):
            # {"visible": [{type, value}], "hidden": [...]}: the entries carry their own labels.
            findings.flag(WRONG_SHAPE, f"entries grouped under {label!r}")
            _walk_entries(value, findings, depth)
            continue
        _add_values(label, value, findings, empty_is_violation=False)
    return CATEGORY_OBJECT


def _label_text(label: Any) -> str:
    return label.strip() if isinstance(label, str) else str(label)


def _add_values(label: str, value: Any, findings: _Findings, *, empty_is_violation: bool) -> None:
    """Add one item per value; null and "なし" mean nothing was found.

    In a category object an empty category is the normal way to say "none";
    in a list entry, an entry without a value breaks the contract.
    """
    if value is None or (isinstance(value, str) and value.strip().lower() in NO_VALUE_MARKERS):
        if empty_is_violation:
            findings.flag(EMPTY_VALUE, f"entry {label!r} has no value")
        return
    if isinstance(value, str):
        findings.add(label, value.strip())
    elif isinstance(value, bool):
        findings.flag(NON_STRING_VALUE, f"{label!r} is {value}")
    elif isinstance(value, (int, float)):
        findings.flag(NON_STRING_VALUE, f"{label!r} is a number")
        findings.add(label, _number_text(value))
    elif isinstance(value, list):
        if not value and empty_is_violation:
            findings.flag(EMPTY_VALUE, f"entry {label!r} has no value")
        for element in value:
            _add_values(label, element, findings, empty_is_violation=False)
    elif isinstance(value, dict):
        # {"緊急連絡先": {"氏名": ..., "電話": ...}}: keep the leaves under the outer label.
        findings.flag(NON_STRING_VALUE, f"{label!r} holds an object")
        for inner in value.values():
            _add_values(label, inner, findings, empty_is_violation=False)
    else:
        findings.flag(NON_STRING_VALUE, f"{label!r} holds a {type(value).__name__}")
        findings.add(label, str(value).strip())


def _number_text(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# -- mixed entries -----------------------------------------------------------------------

# A deliberately simple heuristic: a value is "mixed" when it contains two or
# more phone numbers or dates, or when list separators split it into two or more
# parts that all look like names. A part looks like a name when it is 2-15
# letters (kanji, kana or Latin) after dropping a title such as 様 or 先生; a
# Latin-only part must also hold a space, so "YAMADA, Taro" (surname, given
# name) stays one name. Katakana's "・" is not a separator: it joins the parts
# of one foreign name.
_PHONE = re.compile(r"(?<!\d)0\d{1,4}[-‐－ー(（]?\d{1,4}[-‐－ー)）]?\d{3,4}(?!\d)")
_DATE = re.compile(r"\d{2,4}\s*[年/\-.]\s*\d{1,2}\s*[月/\-.]\s*\d{1,2}\s*日?")
_SEPARATORS = re.compile(r"[、，,;；/／]|\s+(?:and|&)\s+|及び|および")
_NAME_LIKE = re.compile(f"[{JAPANESE_LETTERS}A-Za-z\u30fb\\s.]{{2,15}}")
_TITLES = re.compile(
    "("
    + honorifics.alternation(
        honorifics.words("person", "clinician", exclude=("さま", "殿", "君", "くん", "ちゃん", "看護師", "技師"))
    )
    + r"|Dr\.?|MD)\s*$"
)


def is_mixed_value(value: str) -> bool:
    if len(_PHONE.findall(value)) >= 2 or len(_DATE.findall(value)) >= 2:
        return True
    parts = [p.strip() for p in _SEPARATORS.split(value)]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return False
    return all(_looks_like_name(part) for part in parts)


def _looks_like_name(part: str) -> bool:
    name = _TITLES.sub("", part).strip() or part
    if not _NAME_LIKE.fullmatch(name):
        return False
    return not name.isascii() or " " in name
