"""What one annotator's browser session is editing, and how edits are saved.

The state lives in a mutable mapping (``st.session_state`` in the app, a plain
dict in tests), so this module needs no Streamlit. The editor works on a
snapshot: the report as it was when opened, with its version. Every save
carries that version; when someone else saved in between the store refuses
(StaleEdit) and the refused edit is kept as a conflict for the annotator to
re-apply on top of the newer labels, or to drop.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any, Mapping, MutableMapping, Sequence

from phi_core.models import Report, Span
from phi_core.roles import Actor, NotAllowed, as_actor, require_layer
from phi_core.store import StaleEdit, Store, StoreError
from phi_core.ui import flash as flashes
from phi_core.ui.flash import Flash
from phi_core.ui.offsets import span_from_utf16
from phi_core.ui.span_diff import describe_diff, diff_spans, reapply
from phi_core.ui.span_edits import EditError
from phi_core.ui.span_events import Edit, apply_event
from phi_core.ui.workbench_list import step_id

SNAPSHOT = "wb_snapshot"
CONFLICT = "wb_conflict"
FLASH = "wb_flash"
SEEN_NONCES = "wb_seen_nonces"
CURRENT = "wb_report_id"
# '' edits the gold layer; an annotator's name edits their own layer.
LAYER = "wb_layer"
_OPEN_LAYER = "wb_open_layer"
_NONCE_MEMORY = 500

# Events whose offsets arrive in UTF-16 from the browser.
_OFFSET_ACTIONS = frozenset({"add", "delete", "set_category"})


@dataclass
class Conflict:
    dataset: str
    report_id: str
    base_spans: list[Span]
    mine: Edit
    current: Report
    current_version: int

    def their_changes(self) -> list[str]:
        lines = describe_diff(diff_spans(self.base_spans, self.current.spans))
        return lines

    def my_changes(self) -> list[str]:
        lines = describe_diff(diff_spans(self.base_spans, self.mine.spans))
        if self.mine.status:
            lines.append(f"status -> {self.mine.status}")
        return lines


def flash(state: MutableMapping[str, Any], level: str, message: str, ja: str | None = None) -> None:
    """Queue a message for the workbench (phi_core/ui/flash.py, under the workbench's key)."""
    flashes.flash(state, level, message, ja, key=FLASH)


def take_flashes(state: MutableMapping[str, Any]) -> list[Flash]:
    return flashes.take_flashes(state, key=FLASH)


def snapshot(state: Mapping[str, Any]) -> Report | None:
    return state.get(SNAPSHOT)


def open_report(state: MutableMapping[str, Any], store: Store, dataset: str, report_id: str | None) -> Report | None:
    """Load a report into the editor (dropping any conflict of another report)."""
    state[CURRENT] = report_id
    if report_id is None:
        state[SNAPSHOT] = None
        return None
    layer = layer_of(state)
    if layer:
        report = store.report_layer(dataset, report_id, layer)
        if report is not None and report.meta["version"]:
            store.mark_opened(dataset, report_id, layer)
    else:
        report = store.report(dataset, report_id)
    state[SNAPSHOT] = report
    state["wb_dataset"] = dataset
    state[_OPEN_LAYER] = layer
    conflict = state.get(CONFLICT)
    if conflict is not None and (conflict.dataset, conflict.report_id) != (dataset, report_id):
        state[CONFLICT] = None
    return report


def ensure_open(state: MutableMapping[str, Any], store: Store, dataset: str, report_id: str | None) -> Report | None:
    """The snapshot of report_id, loading it only when another report is open."""
    current = snapshot(state)
    if (
        current is not None
        and current.id == report_id
        and state.get("wb_dataset") == dataset
        and state.get(_OPEN_LAYER, "") == layer_of(state)
    ):
        return current
    return open_report(state, store, dataset, report_id)


def layer_of(state: Mapping[str, Any]) -> str:
    return str(state.get(LAYER) or "")


def saved_version(store: Store, dataset: str, report: Report) -> int | None:
    """The version now in the store of the layer the snapshot came from."""
    layer = report.meta.get("layer")
    if layer:
        return store.layer_version(dataset, report.id, layer)
    return store.report_version(dataset, report.id)


def is_new_nonce(state: MutableMapping[str, Any], nonce: Any) -> bool:
    """True the first time a component event is seen; reruns must not replay it."""
    if nonce is None:
        return False
    seen: deque = state.setdefault(SEEN_NONCES, deque(maxlen=_NONCE_MEMORY))
    if nonce in seen:
        return False
    seen.append(nonce)
    return True


def browser_event_to_codepoints(text: str, event: Mapping[str, Any]) -> dict[str, Any]:
    """The component's event with its UTF-16 offsets turned into code points."""
    converted = dict(event)
    if converted.get("action") in _OFFSET_ACTIONS:
        try:
            start, end = int(converted["start"]), int(converted["end"])
        except (KeyError, TypeError, ValueError):
            raise EditError("the browser sent a selection without offsets: select the text again") from None
        converted["start"], converted["end"] = span_from_utf16(text, start, end)
    return converted


def _allowed(state: MutableMapping[str, Any], actor: Actor, layer: str) -> bool:
    try:
        require_layer(actor, layer)
    except NotAllowed as refused:
        flash(state, "error", str(refused), refused.ja)
        return False
    return True


def save(state: MutableMapping[str, Any], store: Store, edit: Edit, actor: Actor | str) -> bool:
    """Save an edit against the snapshot's version; on a race keep it as a conflict.

    The actor's role is checked here, where the write happens, not only by the page.
    """
    report = snapshot(state)
    if report is None:
        flash(state, "warning", "open a report first", "先にレポートを開いてください")
        return False
    actor = as_actor(actor)
    if not actor.label.strip():
        flash(
            state,
            "warning",
            "type your name in the sidebar first: every change is recorded with its author",
            "先にサイドバーに氏名を入力してください。すべての変更は作成者とともに記録されます",
        )
        return False
    layer = str(report.meta.get("layer") or "")
    if not _allowed(state, actor, layer):
        return False
    dataset = state["wb_dataset"]
    try:
        if layer:
            store.save_layer(
                dataset,
                report.id,
                annotator=layer,
                spans=edit.spans,
                status=edit.status,
                expected_version=report.meta["version"],
                actor=actor.label.strip(),
                action=edit.action,
            )
        else:
            store.save_gold(
                dataset,
                report.id,
                spans=edit.spans,
                status=edit.status,
                expected_version=report.meta["version"],
                actor=actor.label.strip(),
                action=edit.action,
            )
    except StaleEdit as stale:
        state[CONFLICT] = Conflict(dataset, report.id, list(report.spans), edit, stale.current, stale.current_version)
        flash(
            state,
            "error",
            f"not saved: {report.id} was changed by someone else since you opened it "
            "(see below); nothing was overwritten",
            f"保存されませんでした：開いた後に {report.id} が他の人によって変更されました（下記参照）。"
            "何も上書きされていません",
        )
        return False
    except StoreError as error:
        flash(state, "error", str(error))
        return False
    open_report(state, store, dataset, report.id)
    flash(
        state, "success", edit.note or f"saved ({edit.action})", None if edit.note else f"保存しました（{edit.action}）"
    )
    return True


def perform(
    state: MutableMapping[str, Any],
    store: Store,
    event: Mapping[str, Any],
    *,
    actor: Actor | str,
    ids: Sequence[str] = (),
    items: Sequence[Mapping[str, Any]] = (),
) -> str:
    """Carry out one annotator action (code-point offsets); returns what happened.

    ``ids`` is the filtered report list (for next/previous), ``items`` the
    overlay run's predicted items of the open report (for accept-all).
    """
    action = str(event.get("action"))
    dataset = state.get("wb_dataset")
    if action in ("next", "previous"):
        target = step_id(list(ids), state.get(CURRENT), 1 if action == "next" else -1)
        if target is not None and dataset:
            open_report(state, store, dataset, target)
        return "navigated"
    if action == "undo":
        return "undone" if undo_last(state, store, actor) else "nothing"
    if action == "reload":
        report = snapshot(state)
        if report is not None and dataset:
            open_report(state, store, dataset, report.id)
        return "reloaded"
    report = snapshot(state)
    if report is None:
        flash(state, "warning", "open a report first", "先にレポートを開いてください")
        return "nothing"
    try:
        edit = apply_event(report.text, report.spans, report.status, event, items)
    except EditError as error:
        flash(state, "warning", str(error))
        return "refused"
    return "saved" if save(state, store, edit, actor) else "not saved"


def undo_last(state: MutableMapping[str, Any], store: Store, actor: Actor | str) -> bool:
    """Undo the newest audited change of the open report's layer (pressing again redoes it)."""
    report = snapshot(state)
    if report is None:
        return False
    actor = as_actor(actor)
    if not actor.label.strip():
        flash(
            state,
            "warning",
            "type your name in the sidebar first: undo is recorded with its author",
            "先にサイドバーに氏名を入力してください。取り消しも作成者とともに記録されます",
        )
        return False
    layer = str(report.meta.get("layer") or "")
    if not _allowed(state, actor, layer):
        return False
    dataset = state["wb_dataset"]
    log = store.audit_log(dataset, report.id, layer=layer)
    if log.empty:
        flash(
            state,
            "info",
            "this report has no saved changes to undo",
            "このレポートには取り消せる保存済みの変更がありません",
        )
        return False
    last = log.iloc[0]
    if int(last["version_after"]) != report.meta["version"]:
        flash(
            state,
            "warning",
            "someone saved this report since you opened it: press Reload first, so that you see what you would undo",
            "開いた後に他の人がこのレポートを保存しました。取り消す内容を確認するため、先に再読み込みを押してください",
        )
        return False
    try:
        store.undo(int(last["audit_id"]), actor=actor.label.strip())
    except StoreError as error:
        flash(state, "error", str(error))
        return False
    open_report(state, store, dataset, report.id)
    flash(
        state,
        "success",
        f"undid change #{int(last['audit_id'])} ({last['action']})",
        f"変更 #{int(last['audit_id'])}（{last['action']}）を取り消しました",
    )
    return True


def conflict(state: Mapping[str, Any]) -> Conflict | None:
    return state.get(CONFLICT)


def reapply_conflict(state: MutableMapping[str, Any], store: Store, actor: Actor | str) -> bool:
    """Reload the newer labels and replay my refused change on top of them."""
    pending = conflict(state)
    if pending is None:
        return False
    current = open_report(state, store, pending.dataset, pending.report_id)
    state[CONFLICT] = None
    if current is None:
        flash(
            state,
            "error",
            f"report {pending.report_id} no longer exists",
            f"レポート {pending.report_id} はもう存在しません",
        )
        return False
    spans = reapply(pending.base_spans, pending.mine.spans, current.spans)
    edit = Edit(spans, pending.mine.status, f"{pending.mine.action} (re-applied)", pending.mine.note)
    return save(state, store, edit, actor)


def discard_conflict(state: MutableMapping[str, Any], store: Store) -> None:
    pending = conflict(state)
    state[CONFLICT] = None
    if pending is not None:
        open_report(state, store, pending.dataset, pending.report_id)
        flash(
            state,
            "info",
            "your change was dropped; showing the newest labels",
            "あなたの変更は破棄されました。最新のラベルを表示しています",
        )


def handle_browser_event(
    state: MutableMapping[str, Any],
    store: Store,
    event: Mapping[str, Any] | None,
    *,
    actor: Actor | str,
    ids: Sequence[str] = (),
    items: Sequence[Mapping[str, Any]] = (),
) -> str:
    """One event from the span annotator: deduplicated, checked, offsets converted, performed."""
    if not event or not is_new_nonce(state, event.get("nonce")):
        return "ignored"
    report = snapshot(state)
    if report is None or event.get("report_id") != report.id:
        # The page moved to another report while the event was on its way.
        flash(
            state,
            "warning",
            "that key press belonged to a report that is no longer open; nothing changed",
            "そのキー操作はもう開いていないレポートのものでした。何も変更していません",
        )
        return "ignored"
    try:
        converted = browser_event_to_codepoints(report.text, event)
    except (EditError, ValueError) as error:
        flash(state, "warning", str(error))
        return "refused"
    return perform(state, store, converted, actor=actor, ids=ids, items=items)
