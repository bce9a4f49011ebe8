"""The annotation workbench without Streamlit: filters, navigation, span edits.

Everything here is a pure function over reports, spans and predicted items so
that it can be tested without a browser. Offsets are code points (the page
converts the browser's UTF-16 offsets before calling in, see ``offsets``).
Edits never mutate their input; they return a new list of spans.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Sequence

import pandas as pd

from phi_core.corpus.locate import locate_value
from phi_core.models import LABEL_STATUSES, Report, Span
from phi_core.taxonomy import CATEGORIES, CATEGORY_BY_CODE, CATEGORY_CODES, canonical, category_matches, resolve


class EditError(ValueError):
    """An edit the workbench refuses; the message tells the annotator why."""


# ------------------------------------------------------------------ keyboard

# (key shown on screen, action sent by the component, what it does). The
# component reads the same table, so the help text can never drift from it.
ACTION_SHORTCUTS: tuple[tuple[str, str, str], ...] = (
    ("n", "next", "next report"),
    ("p", "previous", "previous report"),
    ("a", "approve", "mark approved"),
    ("r", "in_review", "mark in review"),
    ("u", "undo", "undo the last change of this report"),
    ("x", "accept_all", "accept all predictions of the overlay run"),
    ("Enter", "accept", "accept the clicked prediction (all its occurrences)"),
    ("Delete", "delete", "delete the clicked span (Backspace too)"),
    ("Escape", "clear", "clear the selection"),
)
RESERVED_KEYS = frozenset(key for key, _, _ in ACTION_SHORTCUTS if len(key) == 1)
# Digits first, then letters on the home rows that no action uses.
_CATEGORY_KEY_POOL = "1234567890qwetyiosdfghjklzcvbm"


def category_keys(codes: Sequence[str] = CATEGORY_CODES) -> dict[str, str]:
    """Category code -> the key that assigns it, in taxonomy order."""
    pool = [k for k in _CATEGORY_KEY_POOL if k not in RESERVED_KEYS]
    if len(codes) > len(pool):
        raise ValueError(f"{len(codes)} categories but only {len(pool)} free keys")
    return dict(zip(codes, pool))


def shortcut_rows() -> list[dict[str, str]]:
    """The on-screen keyboard map: actions, then one row per category key."""
    rows = [{"key": key, "does": does} for key, _, does in ACTION_SHORTCUTS]
    for code, key in category_keys().items():
        category = CATEGORY_BY_CODE[code]
        rows.append({"key": key, "does": f"label the selection {category.name_ja} / {category.name_en}"})
    return rows


# ------------------------------------------------------------------ list view


@dataclass(frozen=True)
class ReportFilter:
    statuses: tuple[str, ...] = ()
    warnings_only: bool = False
    # Ids that disagree with the chosen run; None when no run filter is active.
    disagreeing_ids: frozenset[str] | None = None
    search: str = ""
    # Document styles to keep (synthetic-styles records one per report); empty keeps all.
    styles: tuple[str, ...] = ()


def filter_reports(reports: Iterable[Report], flt: ReportFilter) -> list[Report]:
    needle = flt.search.strip()
    kept = []
    for report in reports:
        if flt.statuses and report.status not in flt.statuses:
            continue
        if flt.styles and report.style not in flt.styles:
            continue
        if flt.warnings_only and not needs_review(report):
            continue
        if flt.disagreeing_ids is not None and report.id not in flt.disagreeing_ids:
            continue
        if needle and needle not in report.id and needle not in report.text:
            continue
        kept.append(report)
    return kept


def needs_review(report: Report) -> bool:
    """Import left something to check: a warning, or no labels at all."""
    return bool(report.warnings) or report.status == "unlabeled"


def status_counts(reports: Iterable[Report]) -> dict[str, int]:
    counts = {status: 0 for status in LABEL_STATUSES}
    for report in reports:
        counts[report.status] = counts.get(report.status, 0) + 1
    return counts


def step_id(ids: Sequence[str], current: str | None, step: int) -> str | None:
    """The id ``step`` places away from ``current``; stays put at either end.

    A current id that is not in the list (filtered out) goes to the first one.
    """
    if not ids:
        return None
    if current not in ids:
        return ids[0]
    index = min(max(ids.index(current) + step, 0), len(ids) - 1)
    return ids[index]


def report_label(report: Report) -> str:
    flag = " ⚠" if needs_review(report) else ""
    return f"{report.id} · {report.status} · {len(report.spans)} spans{flag}"


def warning_rows(reports: Iterable[Report]) -> list[dict[str, Any]]:
    """The review queue: one row per import warning, plus unlabeled reports."""
    rows = []
    for report in reports:
        for warning in report.warnings:
            rows.append(
                {
                    "report_id": report.id,
                    "status": report.status,
                    "kind": warning.kind,
                    "message": warning.message,
                    "label": warning.label,
                    "value": warning.value,
                }
            )
        if report.status == "unlabeled" and not any(w.kind == "no_labels" for w in report.warnings):
            rows.append(
                {
                    "report_id": report.id,
                    "status": report.status,
                    "kind": "no_labels",
                    "message": "nobody has labelled this report yet",
                    "label": None,
                    "value": None,
                }
            )
    return rows


# -------------------------------------------------------------- predictions


@dataclass(frozen=True)
class PredictionSpan:
    """One located occurrence of a predicted item, judged against gold."""

    start: int
    end: int
    label: str
    category: str | None  # canonical category, None for coarse/unknown labels
    value: str
    verdict: str  # match | wrong_category | spurious


@dataclass
class Comparison:
    predictions: list[PredictionSpan] = field(default_factory=list)
    missed: list[Span] = field(default_factory=list)
    # Items whose value is nowhere in the text (invented or altered by the model).
    not_found: list[dict[str, Any]] = field(default_factory=list)

    @property
    def disagrees(self) -> bool:
        return bool(self.missed or self.not_found or any(p.verdict != "match" for p in self.predictions))


def items_by_report(items: pd.DataFrame) -> dict[str, list[dict[str, Any]]]:
    """Predicted items of each report, first repeat only (the one a human reviews)."""
    if items.empty:
        return {}
    first = items[items["repeat_idx"] == items.groupby("report_id")["repeat_idx"].transform("min")]
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in first.sort_values(["report_id", "item_idx"]).to_dict("records"):
        grouped.setdefault(row["report_id"], []).append(
            {"label": row["label"], "category": row["category"], "value": row["value"]}
        )
    return grouped


def compare_with_gold(text: str, gold: Sequence[Span], items: Sequence[Mapping[str, Any]]) -> Comparison:
    comparison = Comparison()
    seen: set[tuple[int, int, str]] = set()
    found_gold: set[tuple[int, int, str]] = set()
    for item in items:
        value, label = str(item.get("value") or ""), str(item.get("label") or "")
        occurrences = locate_value(text, value)
        if not occurrences:
            comparison.not_found.append(dict(item))
            continue
        category = item.get("category") or canonical(label)
        for start, end in occurrences:
            if (start, end, label) in seen:
                continue
            seen.add((start, end, label))
            same_place = [g for g in gold if g.start == start and g.end == end]
            matching = [g for g in same_place if category_matches(label, g.category) or g.category == category]
            verdict = "match" if matching else ("wrong_category" if same_place else "spurious")
            found_gold.update((g.start, g.end, g.category) for g in matching)
            comparison.predictions.append(PredictionSpan(start, end, label, category, value, verdict))
    comparison.missed = [g for g in gold if (g.start, g.end, g.category) not in found_gold]
    return comparison


def disagreeing_ids(
    reports: Iterable[Report], items: pd.DataFrame, processed: Iterable[str] | None = None
) -> frozenset[str]:
    """Reports where the run's located predictions differ from gold.

    ``processed`` names the reports the run finished (a finished report may
    have no items at all); reports outside it are left out. Without it, a
    report with no items counts as processed.
    """
    grouped = items_by_report(items)
    done = None if processed is None else set(processed)
    return frozenset(
        r.id
        for r in reports
        if (done is None or r.id in done) and compare_with_gold(r.text, r.spans, grouped.get(r.id, [])).disagrees
    )


def suggested_category(label: str) -> str | None:
    """The category an accepted prediction gets: its own, or the first its coarse label covers."""
    mapping = resolve(label)
    if mapping.category:
        return mapping.category
    covered = [code for code in CATEGORY_CODES if code in mapping.covers]
    return covered[0] if covered else None


# --------------------------------------------------------------- span edits


def _span(text: str, start: int, end: int, category: str) -> Span:
    return Span(start=start, end=end, category=category, text=text[start:end])


def _key(span: Span) -> tuple[int, int, str]:
    return span.start, span.end, span.category


def sort_spans(spans: Iterable[Span]) -> list[Span]:
    return sorted(
        spans,
        key=lambda s: (
            s.start,
            s.end,
            CATEGORY_CODES.index(s.category) if s.category in CATEGORY_CODES else len(CATEGORY_CODES),
        ),
    )


def check_category(category: str) -> str:
    code = canonical(category) if category else None
    if code is None:
        raise EditError(f"{category!r} is not a PHI category: pick one from the legend")
    return code


def trim_selection(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop the spaces and line breaks a mouse selection tends to catch at its edges."""
    if not 0 <= start < end <= len(text):
        raise EditError(f"the selection {start}-{end} is not inside the report (0-{len(text)}): select again")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise EditError("the selection holds only spaces or line breaks: select the PHI itself")
    return start, end


def add_span(text: str, spans: Sequence[Span], start: int, end: int, category: str) -> list[Span]:
    """Label text[start:end]; the same stretch under another category is relabelled."""
    category = check_category(category)
    start, end = trim_selection(text, start, end)
    if any(_key(s) == (start, end, category) for s in spans):
        raise EditError(f"{text[start:end]!r} is already labelled {category}")
    kept = [s for s in spans if (s.start, s.end) != (start, end)]
    return sort_spans([*kept, _span(text, start, end, category)])


def remove_span(spans: Sequence[Span], start: int, end: int, category: str) -> list[Span]:
    kept = [s for s in spans if _key(s) != (start, end, category)]
    if len(kept) == len(spans):
        raise EditError(f"there is no {category} span at {start}-{end} (it may have changed): reload the report")
    return kept


def recategorize(text: str, spans: Sequence[Span], start: int, end: int, old: str, new: str) -> list[Span]:
    new = check_category(new)
    if old == new:
        raise EditError(f"the span is already {new}")
    kept = remove_span(spans, start, end, old)
    kept = [s for s in kept if _key(s) != (start, end, new)]
    return sort_spans([*kept, _span(text, start, end, new)])


def accept_prediction(
    text: str, spans: Sequence[Span], value: str, category: str, *, relabel: bool = True
) -> tuple[list[Span], int]:
    """Label every verbatim occurrence of ``value``; returns (spans, how many changed).

    ``relabel`` lets an occurrence that gold already has under another
    category take the prediction's category (an explicit single accept);
    accept-all leaves existing gold alone.
    """
    category = check_category(category)
    occurrences = locate_value(text, value)
    if not occurrences:
        raise EditError(f"{value!r} does not occur in the report text, so there is nothing to label")
    result, changed = list(spans), 0
    for start, end in occurrences:
        here = [s for s in result if (s.start, s.end) == (start, end)]
        if any(s.category == category for s in here):
            continue
        if here and not relabel:
            continue
        result = [s for s in result if (s.start, s.end) != (start, end)] + [_span(text, start, end, category)]
        changed += 1
    return sort_spans(result), changed


def accept_all(
    text: str, spans: Sequence[Span], items: Sequence[Mapping[str, Any]]
) -> tuple[list[Span], int, list[str]]:
    """Accept every locatable item with a single category; returns (spans, changed, skipped notes)."""
    result, changed, skipped = list(spans), 0, []
    for item in items:
        value, label = str(item.get("value") or ""), str(item.get("label") or "")
        category = item.get("category") or canonical(label)
        if category is None:
            skipped.append(f"{value!r} ({label}): the label names no single category, accept it on its own")
            continue
        if not locate_value(text, value):
            skipped.append(f"{value!r} ({label}): not in the text")
            continue
        result, n = accept_prediction(text, result, value, category, relabel=False)
        changed += n
    return result, changed, skipped


# -------------------------------------------------------------- table edits

TABLE_COLUMNS = ("start", "end", "category", "text")


def spans_table(spans: Sequence[Span]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"start": s.start, "end": s.end, "category": s.category, "text": s.text} for s in spans],
        columns=list(TABLE_COLUMNS),
    )


def _as_int(value: Any) -> int | None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if number.is_integer() else None


def spans_from_table(text: str, rows: Sequence[Mapping[str, Any]]) -> tuple[list[Span], list[str]]:
    """Spans from the editable table, or the reasons it cannot be saved.

    Only start, end and category count; the text column is recomputed from
    the offsets. Any invalid row makes the whole table invalid, so a typo
    never half-saves.
    """
    spans: list[Span] = []
    errors: list[str] = []
    seen: set[tuple[int, int, str]] = set()
    for number, row in enumerate(rows, start=1):
        raw = [row.get(c) for c in ("start", "end", "category")]
        if all(v is None or (isinstance(v, float) and pd.isna(v)) or v == "" for v in raw):
            continue  # an empty row the editor added and nobody filled in
        start, end = _as_int(row.get("start")), _as_int(row.get("end"))
        label = str(row.get("category") or "").strip()
        where = f"row {number}"
        if start is None or end is None:
            errors.append(f"{where}: start and end must be whole numbers")
            continue
        if not 0 <= start < end:
            errors.append(f"{where}: start ({start}) must be at least 0 and smaller than end ({end})")
            continue
        if end > len(text):
            errors.append(f"{where}: end ({end}) is past the end of the report ({len(text)} characters)")
            continue
        category = canonical(label) if label else None
        if category is None:
            errors.append(
                f"{where}: {label or 'an empty category'!r} is not a PHI category; "
                f"use one of {', '.join(CATEGORY_CODES)}"
            )
            continue
        if (start, end, category) in seen:
            errors.append(f"{where}: the same span ({start}-{end} {category}) is listed twice")
            continue
        seen.add((start, end, category))
        spans.append(_span(text, start, end, category))
    return sort_spans(spans), errors


# ------------------------------------------------------------ diff/conflict


@dataclass
class SpanDiff:
    added: list[Span] = field(default_factory=list)
    removed: list[Span] = field(default_factory=list)
    changed: list[tuple[Span, Span]] = field(default_factory=list)  # (before, after), same offsets

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def diff_spans(before: Sequence[Span], after: Sequence[Span]) -> SpanDiff:
    before_keys = {_key(s): s for s in before}
    after_keys = {_key(s): s for s in after}
    gone = [s for k, s in before_keys.items() if k not in after_keys]
    new = [s for k, s in after_keys.items() if k not in before_keys]
    diff = SpanDiff()
    new_by_place = {}
    for s in new:
        new_by_place.setdefault((s.start, s.end), []).append(s)
    for s in gone:
        partners = new_by_place.get((s.start, s.end))
        if partners:
            diff.changed.append((s, partners.pop(0)))
        else:
            diff.removed.append(s)
    diff.added = [s for group in new_by_place.values() for s in group]
    diff.added, diff.removed = sort_spans(diff.added), sort_spans(diff.removed)
    return diff


def describe_diff(diff: SpanDiff) -> list[str]:
    lines = [f"added {s.category} {s.text!r} at {s.start}-{s.end}" for s in diff.added]
    lines += [f"removed {s.category} {s.text!r} at {s.start}-{s.end}" for s in diff.removed]
    lines += [f"changed {a.text!r} at {a.start}-{a.end} from {a.category} to {b.category}" for a, b in diff.changed]
    return lines or ["no span changes"]


def reapply(base: Sequence[Span], mine: Sequence[Span], current: Sequence[Span]) -> list[Span]:
    """Replay my edit (base -> mine) on top of what is in the store now."""
    diff = diff_spans(base, mine)
    result = {_key(s): s for s in current}
    for span in diff.removed:
        result.pop(_key(span), None)
    for before, after in diff.changed:
        result.pop(_key(before), None)
        result[_key(after)] = after
    for span in diff.added:
        result[_key(span)] = span
    return sort_spans(result.values())


# ---------------------------------------------------------------- events


@dataclass
class Edit:
    """What an annotator's action turns into: the spans/status to save."""

    spans: list[Span]
    status: str | None
    action: str
    note: str = ""


def _edit_add(text, spans, status, event, items):
    return Edit(add_span(text, spans, event["start"], event["end"], event["category"]), None, "add span")


def _edit_delete(text, spans, status, event, items):
    return Edit(remove_span(spans, event["start"], event["end"], event["category"]), None, "delete span")


def _edit_recategorize(text, spans, status, event, items):
    new = recategorize(text, spans, event["start"], event["end"], event["category"], event["new_category"])
    return Edit(new, None, "change category")


def _edit_accept(text, spans, status, event, items):
    category = event.get("category") or suggested_category(str(event.get("label") or ""))
    if not category:
        raise EditError(f"the label {event.get('label')!r} names no category: pick one before accepting")
    new, changed = accept_prediction(text, spans, str(event["value"]), category)
    if not changed:
        raise EditError(f"{event['value']!r} is already labelled {category} everywhere")
    return Edit(new, None, "accept prediction", f"{changed} occurrence(s) of {event['value']!r} labelled {category}")


def _edit_accept_all(text, spans, status, event, items):
    new, changed, skipped = accept_all(text, spans, items)
    if not changed:
        raise EditError(
            "every prediction is already in gold (or cannot be placed): nothing to accept"
            + (f"; skipped: {'; '.join(skipped)}" if skipped else "")
        )
    note = f"{changed} span(s) added" + (f"; skipped: {'; '.join(skipped)}" if skipped else "")
    return Edit(new, None, "accept all predictions", note)


def _edit_status(new_status: str) -> Callable[..., Edit]:
    def handler(text, spans, status, event, items):
        if status == new_status:
            raise EditError(f"the report is already {new_status}")
        return Edit(list(spans), new_status, f"mark {new_status}")

    return handler


def _edit_table(text, spans, status, event, items):
    new, errors = spans_from_table(text, event["rows"])
    if errors:
        raise EditError("the table was not saved: " + "; ".join(errors))
    if [_key(s) for s in new] == [_key(s) for s in sort_spans(spans)]:
        raise EditError("the table has no changes to save")
    return Edit(new, None, "edit table")


EDIT_HANDLERS: dict[str, Callable[..., Edit]] = {
    "add": _edit_add,
    "delete": _edit_delete,
    "set_category": _edit_recategorize,
    "accept": _edit_accept,
    "accept_all": _edit_accept_all,
    "approve": _edit_status("approved"),
    "in_review": _edit_status("in_review"),
    "table": _edit_table,
}


def apply_event(
    report_text: str,
    spans: Sequence[Span],
    status: str,
    event: Mapping[str, Any],
    items: Sequence[Mapping[str, Any]] = (),
) -> Edit:
    """Turn an editing event (code-point offsets) into the state to save."""
    handler = EDIT_HANDLERS.get(str(event.get("action")))
    if handler is None:
        raise EditError(f"unknown editing action {event.get('action')!r}")
    return handler(report_text, list(spans), status, event, items)


def legend() -> list[dict[str, str]]:
    keys = category_keys()
    return [
        {"code": c.code, "name_ja": c.name_ja, "name_en": c.name_en, "color": c.color, "key": keys[c.code]}
        for c in CATEGORIES
    ]


def apply_editor_changes(rows: Sequence[Mapping[str, Any]], changes: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """The table after st.data_editor's recorded changes (edited, added, deleted rows)."""
    changes = changes or {}
    deleted = {int(i) for i in changes.get("deleted_rows", [])}
    edited = {int(i): dict(v) for i, v in (changes.get("edited_rows") or {}).items()}
    result = []
    for index, row in enumerate(rows):
        if index in deleted:
            continue
        result.append({**dict(row), **edited.get(index, {})})
    result.extend(dict(row) for row in changes.get("added_rows", []) or [])
    return result


# ------------------------------------------------------------------ layers

GOLD_LAYER = ""


def layer_options(*, layer_name: str, may_edit_gold: bool, has_queue: bool) -> list[str]:
    """Which layers this person can open: their own ('' = gold first when they may edit it).

    With reports assigned to them, their own layer comes first so that the
    queue is what they see on arrival.
    """
    options = []
    if may_edit_gold:
        options.append(GOLD_LAYER)
    if layer_name:
        options.insert(0 if has_queue else len(options), layer_name)
    return options or [GOLD_LAYER]


# ------------------------------------------------------------- guidelines

_KEY_HEADINGS = ("key point", "要点", "summary", "概要", "quick reference", "早見")
_EMPHASIS = str.maketrans("", "", "*_`")


def guideline_points(markdown: str, limit: int = 12) -> list[str]:
    """The key points of the annotation guidelines as plain lines.

    Bullets under a heading that names key points (要点, Key points, Summary)
    when there is one, else the document's first bullets. Markdown emphasis is
    dropped because the lines are shown as plain text.
    """
    lines = markdown.splitlines()
    start = 0
    for index, line in enumerate(lines):
        if line.lstrip().startswith("#") and any(h in line.lower() for h in _KEY_HEADINGS):
            start = index + 1
            break
    points: list[str] = []
    for line in lines[start:]:
        stripped = line.strip()
        if start and stripped.startswith("#") and points:
            break
        if stripped[:2] in ("- ", "* ") or (stripped[:1].isdigit() and ". " in stripped[:4]):
            points.append(stripped.split(" ", 1)[1].translate(_EMPHASIS).strip())
        if len(points) >= limit:
            break
    return points


def layer_view(reports: Sequence[Report], layers: Mapping[str, Mapping[str, Any]], annotator: str) -> list[Report]:
    """The reports as one annotator's layer shows them: their spans and status (unlabeled when none yet).

    So that the list, its filters and counts describe the layer being edited,
    not the gold (which blind mode must not reveal either).
    """
    out = []
    for report in reports:
        layer = layers.get(report.id, {}).get(annotator)
        out.append(
            report.model_copy(
                update={
                    "spans": list(layer.spans) if layer else [],
                    "status": layer.status if layer else "unlabeled",
                }
            )
        )
    return out
