"""Import the source study's CSV (columns ``report_text`` and ``phi_items``).

The study's labels are messy (see shared/PAPER.md): the ``phi_items`` cell
holds many JSON layouts, some of them fragments or truncated documents, and
the report text is stored with literal ``\\n`` escapes inside wrapping quotes,
sometimes escaped twice and sometimes behind a ``"report_text":`` key. This
module reads all of that into :class:`~phi_core.models.Report` objects with
silver spans, and records what it had to guess as warnings.

Layout names are ``<shape>_<wrapping>``: the shape says where the items sit
(``annotations`` = ``phi_annotations`` objects with positions, ``items`` =
``{"phi_items": [...]}``, ``visible_hidden`` = visible/hidden lists, ``list`` =
a bare list) and the wrapping how the cell holds it (``document`` = complete
JSON, ``fragment`` = the inside of an object without its braces, ``truncated``
= cut off before its end, ``in_string`` = JSON inside a JSON string, possibly
in a code fence, ``salvaged`` = only the item objects could be read). An
empty cell is layout ``empty``; a cell with no readable item ``unparseable``.

Our own paper-csv exporter adds ``"positions_exact": true``: its positions are
the annotation, so such items are taken exactly where they are instead of at
every occurrence of their value.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from phi_core.corpus.importers.common import (
    CorpusFormatError,
    ImportResult,
    SpanSet,
    check_encodable,
    check_split,
    gold_category,
    label_scope,
    mark_duplicate_reports,
    read_text,
    summarize,
)
from phi_core.corpus.locate import locate_ignoring_spacing, locate_lenient, strip_titles
from phi_core.models import Report
from phi_core.taxonomy import resolve

FORMAT = "paper-csv"
TEXT_COLUMN = "report_text"
LABELS_COLUMN = "phi_items"
ID_PREFIX = "paper-"

# Categories whose values are person names: titles around them are not PHI, so
# the gold span is the bare name.
PERSON_CATEGORIES = frozenset({"PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT", "NAME_READING"})

# ---------------------------------------------------------------- report text

_KEY_PREFIX = re.compile(r'^\s*"?report_text"?\s*:\s*')
_ESCAPE = re.compile(r'\\(u[0-9a-fA-F]{4}|[nrt"\\/\'])')
_SIMPLE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\", "/": "/", "'": "'"}
_DOUBLE_ESCAPED_NEWLINE = "\\\\n"


def _unescape(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        code = match.group(1)
        return chr(int(code[1:], 16)) if len(code) == 5 else _SIMPLE_ESCAPES[code]

    return _ESCAPE.sub(replace, text)


def _strip_wrapping_quotes(text: str) -> str:
    for quote in ('"""', '"'):
        if text.startswith(quote):
            text = text[len(quote) :]
            break
    else:
        return text
    for quote in ('"""', '"'):
        backslashes = len(text[: len(text) - len(quote)]) - len(text[: len(text) - len(quote)].rstrip("\\"))
        if text.endswith(quote) and backslashes % 2 == 0:
            return text[: -len(quote)]
    return text


def decode_report_text(raw: str) -> str:
    """The report as written: key prefix, wrapping quotes and escapes removed."""
    text = _KEY_PREFIX.sub("", raw.strip(), count=1)
    if text.endswith('",'):
        text = text[:-1]
    text = _strip_wrapping_quotes(text)
    # Part of the study's cells were escaped twice (a newline is "\\n").
    for _ in range(2 if _DOUBLE_ESCAPED_NEWLINE in text else 1):
        text = _unescape(text)
    return text


def encode_report_text(text: str) -> str:
    """The study's cell form of a text; :func:`decode_report_text` inverts it.

    A backslash is written as ``\\u005c`` rather than doubled, so a decoded cell
    can never look twice escaped.
    """
    escaped = (
        text.replace("\\", "\\u005c").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    )
    return f'"{escaped}"'


# ---------------------------------------------------------------- labels cell


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
        variants.append(_unescape(variants[0]))
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
            unescaped = _unescape(body)
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


# ---------------------------------------------------------------- gold spans


def _find_gold(text: str, value: str, category: str) -> tuple[list[tuple[int, int]], str]:
    """Every occurrence of a labelled value, as the bare name for person categories."""
    core = strip_titles(value) if category in PERSON_CATEGORIES else value
    for target in dict.fromkeys((core, value)):
        found, how = locate_lenient(text, target)
        if not found:
            continue
        if how != "width":
            # Masking needs every mention, whatever its spacing.
            searched = strip_titles(target) if how == "title_stripped" else target
            found = sorted(set(found) | set(locate_ignoring_spacing(text, searched)))
        if target != value and how == "exact":
            how = "title_stripped"
        return found, how
    return [], "not_found"


def _place_item(
    spans: SpanSet, item: LabelItem, category: str, trust_positions: bool
) -> tuple[list[tuple[int, int]], str, tuple[int, int] | None]:
    """Where an item's value sits: (occurrences, how found, the agreeing given span if any)."""
    text = spans.text
    given = None
    if item.start is not None and item.end is not None:
        if 0 <= item.start < item.end <= len(text) and text[item.start : item.end] == item.value:
            given = (item.start, item.end)
        else:
            spans.warn(
                "position_mismatch",
                f"{item.value!r} is not at its given position {item.start}-{item.end}; located it instead",
                label=item.label,
                value=item.value,
            )
    if given and trust_positions:
        return [given], "given", given
    found, how = _find_gold(text, item.value, category)
    if given:
        core = strip_titles(item.value) if category in PERSON_CATEGORIES else item.value
        offset = item.value.find(core)
        given = (given[0] + offset, given[0] + offset + len(core))
        found = sorted(set(found) | {given})
    if not found:
        spans.warn(
            "value_not_found",
            f"{item.value!r} ({item.label}) does not occur in the text",
            label=item.label,
            value=item.value,
        )
    return found, how, given


def _outside_longer_spans(
    found: list[tuple[int, int]], everything: set[tuple[int, int]], given: tuple[int, int] | None
) -> list[tuple[int, int]]:
    """Occurrences not buried inside a longer labelled stretch.

    Searching every occurrence of a bare surname (``高橋`` from ``高橋様``) also
    hits it inside full names of other people. Those hits add nothing to
    masking, since the longer span covers them, and would demand nested
    predictions nobody makes. An item keeps all its occurrences when every one
    of them is buried, and always keeps its given position.
    """
    free = [
        span
        for span in found
        if span == given
        or not any(other != span and other[0] <= span[0] and span[1] <= other[1] for other in everything)
    ]
    return free or found


def _hidden_entries(
    placed_hidden: list[tuple[LabelItem, list[tuple[int, int]]]], visible: set[tuple[int, int]]
) -> list[dict]:
    entries = []
    for item, found in placed_hidden:
        # A hidden mention repeats a header value verbatim more often than not;
        # the header comes first, so when every occurrence is also a visible
        # label, the later occurrences are the planted ones.
        own = [span for span in found if span not in visible] or found[1:] or found
        entries.extend({"start": s, "end": e, "difficulty": item.difficulty, "disguise": item.disguise} for s, e in own)
    return entries


def build_report(report_id: str, text: str, labels_cell: str | None, split: str) -> Report:
    parsed = parse_labels_cell(labels_cell)
    spans = SpanSet(text)
    if parsed.shape == "empty":
        spans.warn("no_labels", "the labels cell is empty; the report needs annotating")
    elif parsed.shape == "unparseable":
        spans.warn(
            "unparseable_labels", f"the labels cell could not be read as JSON: {(labels_cell or '').strip()[:80]!r}"
        )
    elif not parsed.items and not parsed.problems:
        spans.warn("no_labels", "the labels cell lists no PHI items; the report needs annotating")
    for problem in parsed.problems:
        spans.warn("unparseable_labels", problem)

    placements: list[tuple[LabelItem, str, list[tuple[int, int]], tuple[int, int] | None]] = []
    how_counts: Counter[str] = Counter()
    for item in parsed.items:
        category = gold_category(item.label)
        if category is None:
            reason = "names several categories" if resolve(item.label).coarse else "is not a known category"
            spans.warn(
                "unmapped_label",
                f"label {item.label!r} {reason}; {item.value!r} was not made a gold span",
                label=item.label,
                value=item.value,
            )
            continue
        found, how, given = _place_item(spans, item, category, parsed.positions_exact)
        how_counts[how] += 1
        placements.append((item, category, found, given))

    everything = {span for _item, _category, found, _given in placements for span in found}
    visible: set[tuple[int, int]] = set()
    placed_hidden: list[tuple[LabelItem, list[tuple[int, int]]]] = []
    for item, category, found, given in placements:
        kept = _outside_longer_spans(found, everything, given)
        for start, end in kept:
            spans.add(start, end, category, label=item.label)
        if item.hidden:
            placed_hidden.append((item, kept))
        else:
            visible.update(kept)

    ordered, warnings = spans.finish()
    meta: dict[str, Any] = {
        "layout": parsed.layout,
        "hidden": _hidden_entries(placed_hidden, visible),
        "located": dict(how_counts),
    }
    if parsed.source_id:
        meta["source_id"] = parsed.source_id
    status = "silver" if ordered else "unlabeled"
    if ordered:
        meta["label_scope"] = label_scope(ordered)
    return Report(id=report_id, text=text, split=split, status=status, spans=ordered, warnings=warnings, meta=meta)


# ---------------------------------------------------------------- file


def _rows(content: str, path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    reader = csv.DictReader(io.StringIO(content, newline=""))
    columns = reader.fieldnames or []
    if TEXT_COLUMN not in columns:
        raise CorpusFormatError(
            f"{path} has columns {columns} but a paper CSV needs a {TEXT_COLUMN!r} column "
            f"(and {LABELS_COLUMN!r} for labels); check the file or choose another format"
        )
    try:
        yield from enumerate(reader, start=1)
    except csv.Error as exc:
        raise CorpusFormatError(f"{path} is not valid CSV near line {reader.line_num} ({exc}); fix the file") from None


def import_paper_csv(
    path: str | Path, *, dataset: str, split: str | None = None, encoding: str | None = None
) -> ImportResult:
    check_split(split)
    path = Path(path)
    decoded = read_text(path, "paper CSV", encoding)
    content = decoded.text
    rows = list(_rows(content, path))
    width = max(3, len(str(len(rows))))  # ids sort in row order
    reports: list[Report] = []
    errors: list[str] = []
    for number, row in rows:
        text = decode_report_text(row.get(TEXT_COLUMN) or "")
        if not text.strip():
            errors.append(f"row {number} has no report text; skipped")
            continue
        report_id = f"{ID_PREFIX}{number:0{width}d}"
        reports.append(build_report(report_id, text, row.get(LABELS_COLUMN), split or "dev"))
    mark_duplicate_reports(reports)
    check_encodable(reports)
    return ImportResult(
        reports, summarize(reports, dataset=dataset, source=path, fmt=FORMAT, errors=errors, encoding=decoded.label)
    )
