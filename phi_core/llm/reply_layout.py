"""Reading the layout of a decoded reply: which items it holds, and how it breaks the contract.

The contract is ``{"phi_list": [{"type": ..., "value": ...}]}`` (or, for some
phases, a category object ``{"患者氏名": ["山田"]}``); replies pick their own
keys, wrappers, groupings and value types. Every layout seen is read into
(label, value) items, each deviation noted as a violation code.
"""

from __future__ import annotations

from typing import Any

from phi_core.llm.lenient_json import can_hold_items, find_json_value
from phi_core.llm.mixed_values import is_mixed_value
from phi_core.models import PredictedItem
from phi_core.taxonomy import resolve
from phi_core.violations import EMPTY_VALUE, MIXED_ENTRY, NON_STRING_VALUE, UNKNOWN_CATEGORY, WRONG_SHAPE

CATEGORY_OBJECT = "category_object"
PHI_LIST = "phi_list"
LIST = "list"
NONE = "none"
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


class Findings:
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


def walk_top(value: Any, findings: Findings, depth: int) -> str:
    """Collect items from a decoded value; return the layout it had."""
    if depth > MAX_NESTING:
        return NONE
    if isinstance(value, str):
        inner = _decode_json_string(value)
        if inner is None:
            return NONE
        findings.flag(WRONG_SHAPE, "the JSON is a string holding JSON")
        return walk_top(inner, findings, depth + 1)
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
            return walk_top(decoded, findings, depth + 1)
        if isinstance(inner, dict):
            findings.flag(WRONG_SHAPE, f"entries wrapped in {list_key!r}")
            return walk_top(inner, findings, depth + 1)
    if _is_entry(value):
        _walk_entries([value], findings, depth)
        return LIST
    return _walk_category_object(value, findings, depth)


def _decode_json_string(text: str) -> Any:
    stripped = text.strip()
    if not stripped or stripped[0] not in '{["`':
        return None
    found = find_json_value(stripped)
    if found is None or not can_hold_items(found[0]):
        return None
    return found[0]


def _is_entry(obj: dict) -> bool:
    return _entry_key(obj, ENTRY_LABEL_KEYS) is not None and _entry_key(obj, ENTRY_VALUE_KEYS) is not None


def _entry_key(obj: dict, names: tuple[str, ...]) -> Any:
    lowered = {k.strip().lower(): k for k in obj if isinstance(k, str)}
    return next((lowered[name] for name in names if name in lowered), None)


def _walk_entries(entries: list, findings: Findings, depth: int) -> None:
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


def _walk_category_object(obj: dict, findings: Findings, depth: int) -> str:
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


def _add_values(label: str, value: Any, findings: Findings, *, empty_is_violation: bool) -> None:
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
