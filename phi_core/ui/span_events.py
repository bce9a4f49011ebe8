"""The annotator's actions as events, turned into the spans and status to save.

One handler per action in EDIT_HANDLERS; a new action is a new entry, not a
new branch. Offsets in events are code points.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from phi_core.models import Span
from phi_core.ui.span_edits import (
    EditError,
    accept_all,
    accept_prediction,
    add_span,
    recategorize,
    remove_span,
    sort_spans,
    span_key,
    suggested_category,
)
from phi_core.ui.span_table import spans_from_table


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
    if [span_key(s) for s in new] == [span_key(s) for s in sort_spans(spans)]:
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
