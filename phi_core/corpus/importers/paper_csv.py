"""Import the source study's CSV (columns ``report_text`` and ``phi_items``).

The study's labels are messy (see shared/PAPER.md): the ``phi_items`` cell
holds many JSON layouts, some of them fragments or truncated documents, and
the report text is stored with literal ``\\n`` escapes inside wrapping quotes,
sometimes escaped twice and sometimes behind a ``"report_text":`` key. This
module reads all of that into :class:`~phi_core.models.Report` objects with
silver spans, and records what it had to guess as warnings.

The ``phi_items`` cell's layouts are read by :mod:`paper_csv_labels`.

Our own paper-csv exporter adds ``"positions_exact": true``: its positions are
the annotation, so such items are taken exactly where they are instead of at
every occurrence of their value.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

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
from phi_core.corpus.importers.paper_csv_labels import LabelItem, parse_labels_cell, unescape
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
_DOUBLE_ESCAPED_NEWLINE = "\\\\n"


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
        text = unescape(text)
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
