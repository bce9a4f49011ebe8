"""The study CSV's ``phi_items`` cell: its many JSON layouts read into label items.

Layout names are ``<shape>_<wrapping>``: the shape says where the items sit
(``annotations`` = ``phi_annotations`` objects with positions, ``items`` =
``{"phi_items": [...]}``, ``visible_hidden`` = visible/hidden lists, ``list`` =
a bare list) and the wrapping how the cell holds it (``document`` = complete
JSON, ``fragment`` = the inside of an object without its braces, ``truncated``
= cut off before its end, ``in_string`` = JSON inside a JSON string, possibly
in a code fence, ``salvaged`` = only the item objects could be read). An
empty cell is layout ``empty``; a cell with no readable item ``unparseable``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

_ESCAPE = re.compile(r'\\(u[0-9a-fA-F]{4}|[nrt"\\/\'])')
_SIMPLE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\", "/": "/", "'": "'"}


def unescape(text: str) -> str:
    """Undo the backslash escapes the study's CSV writes (\\n, \\", \\uXXXX), in label cells and report text alike."""

    def replace(match: re.Match[str]) -> str:
        code = match.group(1)
        return chr(int(code[1:], 16)) if len(code) == 5 else _SIMPLE_ESCAPES[code]

    return _ESCAPE.sub(replace, text)


@dataclass
class LabelItem:
    label: str
    value: str
    start: int | None = None
    end: int | None = None
    hidden: bool = False
    difficulty: int | None = None
    disguise: str | None = None


@dataclass
class ParsedLabels:
    shape: str
    wrapping: str
    items: list[LabelItem] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    source_id: str | None = None
    positions_exact: bool = False

    @property
    def layout(self) -> str:
        return self.shape if not self.wrapping else f"{self.shape}_{self.wrapping}"


_LABEL_KEYS = ("type", "label", "category")  # "category" last: the study uses it for 直接識別子 etc.
_VALUE_KEYS = ("value", "text")
_HIDDEN_KEYS = ("detection_difficulty", "disguise_method")
_FENCE = re.compile(r"```[A-Za-z]*\s*(.*?)\s*```", re.S)
_MAX_NESTING = 3

RawEntries = list[tuple[Any, bool]]


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _looks_hidden(entry: Any) -> bool:
    return isinstance(entry, dict) and any(key in entry for key in _HIDDEN_KEYS)


def _visible_hidden(value: Any) -> RawEntries | None:
    if not isinstance(value, dict) or not ({"visible_phi_items", "hidden_phi_items"} & value.keys()):
        return None
    return [(e, False) for e in _as_list(value.get("visible_phi_items"))] + [
        (e, True) for e in _as_list(value.get("hidden_phi_items"))
    ]


def _keyed_list(*keys: str) -> Callable[[Any], RawEntries | None]:
    def read(value: Any) -> RawEntries | None:
        if isinstance(value, dict):
            for key in keys:
                if key in value:
                    return [(e, _looks_hidden(e)) for e in _as_list(value[key])]
        return None

    return read


def _bare_list(value: Any) -> RawEntries | None:
    return [(e, _looks_hidden(e)) for e in value] if isinstance(value, list) else None


# Where the items sit, tried in order. Only these keys are read, so metadata
# such as phi_summary, statistics or validation is never taken for labels.
SHAPES: tuple[tuple[str, Callable[[Any], RawEntries | None]], ...] = (
    ("visible_hidden", _visible_hidden),
    ("annotations", _keyed_list("phi_annotations")),
    ("items", _keyed_list("phi_items", "phi_list", "items", "entities")),
    ("list", _bare_list),
)

# Marker keys that tell the shape of a cell whose JSON could only be salvaged.
_SHAPE_MARKERS = (
    ("visible_hidden", '"hidden_phi_items"'),
    ("visible_hidden", '"visible_phi_items"'),
    ("annotations", '"phi_annotations"'),
    ("items", '"phi_items"'),
)


def _first(entry: dict, keys: tuple[str, ...]) -> Any:
    for key in keys:
        if entry.get(key) not in (None, ""):
            return entry[key]
    return None


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


def _to_item(entry: Any, hidden: bool) -> LabelItem | str:
    """A label item, or a sentence saying why the entry is not one."""
    if not isinstance(entry, dict):
        return f"entry {json.dumps(entry, ensure_ascii=False)[:60]} is not an object"
    label, value = _first(entry, _LABEL_KEYS), _first(entry, _VALUE_KEYS)
    if label is None or value is None or isinstance(value, (dict, list)):
        return f"entry {json.dumps(entry, ensure_ascii=False)[:80]} has no type and value"
    start, end = (
        _as_int(entry.get("start_position", entry.get("start"))),
        _as_int(entry.get("end_position", entry.get("end"))),
    )
    position = entry.get("position")
    if start is None and isinstance(position, list) and len(position) == 2:
        start, end = _as_int(position[0]), _as_int(position[1])
    return LabelItem(
        label=str(label),
        value=str(value),
        start=start,
        end=end,
        hidden=hidden,
        difficulty=_as_int(entry.get("detection_difficulty")),
        disguise=entry.get("disguise_method"),
    )


def _collect(shape: str, wrapping: str, entries: RawEntries, container: Any) -> ParsedLabels:
    parsed = ParsedLabels(shape, wrapping)
    if isinstance(container, dict):
        parsed.source_id = str(container["report_id"]) if container.get("report_id") else None
        parsed.positions_exact = container.get("positions_exact") is True
    for entry, hidden in entries:
        item = _to_item(entry, hidden)
        (parsed.items if isinstance(item, LabelItem) else parsed.problems).append(item)
    return parsed


def _close_open_brackets(text: str) -> str:
    """Complete a document that was cut off: close its string, objects, lists."""
    stack: list[str] = []
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            stack.append("]" if char == "[" else "}")
        elif char in "]}" and stack:
            stack.pop()
    body = text + ('"' if in_string else "")
    body = re.sub(r'(,\s*"[^"]*"\s*:\s*|[,:]\s*)$', "", body.rstrip())  # a dangling key or comma
    return body + "".join(reversed(stack))


def _candidates(body: str) -> Iterator[tuple[str, str]]:
    """(wrapping, JSON text) readings of a cell, most literal first."""
    # A code fence around the JSON, possibly with prose around it. A fence
    # inside a JSON string ({"PHI": "```json ...```"}) is read by recursion.
    fenced = None if body.startswith(("{", "[", '"')) else _FENCE.search(body)
    variants = [fenced.group(1) if fenced else body]
    if '\\"' in body:  # a cell whose quotes are still escaped
        variants.append(unescape(variants[0]))
    for text in variants:
        trimmed = text.rstrip().rstrip(",").rstrip()
        yield "document", text
        yield "fragment", "{" + trimmed + "}"
        yield "fragment", "{" + text
        yield "fragment", "[" + trimmed + "]"
        yield "truncated", _close_open_brackets(text)
        yield "truncated", _close_open_brackets("{" + trimmed)


def _read_json_value(value: Any, wrapping: str, depth: int) -> ParsedLabels | None:
    for shape, read in SHAPES:
        entries = read(value)
        if entries is not None:
            return _collect(shape, wrapping, entries, value)
    # A wrapper whose string holds the labels, e.g. {"PHI": "```json [...]```"}.
    if isinstance(value, str):
        strings = [value]
    elif isinstance(value, dict):
        strings = [v for v in value.values() if isinstance(v, str)]
    else:
        strings = []
    for inner_text in strings:
        if depth < _MAX_NESTING and inner_text.strip().startswith(("```", "[", "{")):
            inner = _parse(inner_text, depth + 1)
            if inner.items or inner.problems:
                inner.wrapping = "in_string"
                return inner
    return None


def _salvage(body: str) -> ParsedLabels:
    """Read whatever item objects are intact in a cell no repair could parse."""
    decoder = json.JSONDecoder()
    hidden_from = body.find('"hidden_phi_items"')
    entries: RawEntries = []
    position = body.find("{")
    while position != -1:
        try:
            entry, end = decoder.raw_decode(body, position)
        except ValueError:
            entry, end = None, position + 1
        if isinstance(entry, dict) and _first(entry, _LABEL_KEYS) is not None and _first(entry, _VALUE_KEYS):
            entries.append((entry, _looks_hidden(entry) or 0 <= hidden_from < position))
            position = body.find("{", end)
        else:
            position = body.find("{", position + 1)
    if not entries:
        if '\\"' in body:  # items whose quotes are still escaped
            unescaped = unescape(body)
            return _salvage(unescaped) if unescaped != body else ParsedLabels("unparseable", "")
        return ParsedLabels("unparseable", "")
    shape = next((name for name, marker in _SHAPE_MARKERS if marker in body), "list")
    return _collect(shape, "salvaged", entries, None)


def _parse(body: str, depth: int) -> ParsedLabels:
    body = body.strip()
    if not body:
        return ParsedLabels("empty", "")
    for wrapping, candidate in _candidates(body):
        try:
            value = json.loads(candidate)
        except ValueError:
            continue
        parsed = _read_json_value(value, wrapping, depth)
        # Wrapping a whole object in brackets always "parses"; it only counts
        # as a reading when it yields items.
        if parsed is not None and (parsed.items or parsed.shape != "list" or wrapping == "document"):
            return parsed
    return _salvage(body)


def parse_labels_cell(cell: str | None) -> ParsedLabels:
    """The PHI items of one ``phi_items`` cell and the layout they came in."""
    return _parse(cell or "", 0)
