"""The team actions as the app and CLI call them; each checks the actor's role first.

Pages are views: they call these functions, and a role that may not do an
action is refused here (NotAllowed), whatever the page showed.
"""

from __future__ import annotations

import io
from typing import Any, Mapping, Sequence

import pandas as pd

from phi_core.files import safe_frame
from phi_core.roles import Actor, NotAllowed, can, require
from phi_core.store.database import StoreError
from phi_core.team.adjudication import Comparison, compare_layers, resolve
from phi_core.team.assignments import plan_assignments

BLIND_KEY = "blind"


# ---------------------------------------------------------------- assignments


def assign_reports(
    store,
    actor: Actor | str,
    dataset: str,
    annotators: Sequence[str],
    *,
    double_share: float,
    split: str | None = None,
    seed: int = 0,
    prefill: bool = False,
) -> dict[str, Any]:
    """Assign every report of the dataset (split) that has no layer yet."""
    actor = require(actor, "assign")
    taken = set(store.layers(dataset, split=split))
    free = [r.id for r in store.reports(dataset, split=split) if r.id not in taken]
    if not free:
        return {"assigned_reports": 0, "layers": 0, "double": 0}
    try:
        plan = plan_assignments(free, annotators, double_share=double_share, seed=seed)
    except ValueError as error:
        raise StoreError(str(error)) from None
    layers = store.assign(dataset, plan, assigned_by=actor.label, prefill=prefill)
    return {"assigned_reports": len(plan), "layers": layers, "double": sum(len(v) > 1 for v in plan.values())}


def unassign(store, actor: Actor | str, dataset: str, report_id: str, annotator: str) -> None:
    """Take back an assignment nobody has worked on (work already saved is refused, not lost)."""
    require(actor, "assign")
    store.unassign(dataset, report_id, annotator)


def set_blind(store, actor: Actor | str, dataset: str, blind: bool) -> None:
    require(actor, "set_blind")
    store.set_setting(dataset, BLIND_KEY, bool(blind))


def is_blind(store, dataset: str) -> bool:
    return bool(store.setting(dataset, BLIND_KEY, False))


def queue(store, actor: Actor | str, dataset: str, split: str | None = None) -> list[str] | None:
    """The actor's own reports, or None when nothing is assigned to them (then all reports are open)."""
    from phi_core.roles import as_actor

    actor = as_actor(actor)
    ids = store.queue(dataset, actor.layer_name, split=split) if actor.layer_name else []
    return ids or None


def visible_layers(store, actor: Actor | str, dataset: str, report_id: str) -> dict[str, Any]:
    """The layers this actor may see on a report. In blind mode an annotator sees only their own
    until they have submitted it; adjudicators and leads see all."""
    from phi_core.roles import as_actor

    actor = as_actor(actor)
    layers = store.layers(dataset, ids=[report_id]).get(report_id, {})
    if can(actor, "adjudicate") or not is_blind(store, dataset):
        return layers
    own = layers.get(actor.layer_name)
    if own is not None and own.submitted:
        return layers
    return {name: layer for name, layer in layers.items() if name == actor.layer_name}


# --------------------------------------------------------------- adjudication


def comparison_for(
    store, dataset: str, report_id: str, *, submitted_only: bool = True
) -> tuple[Comparison, dict[str, int]]:
    layers = store.layers(dataset, ids=[report_id]).get(report_id, {})
    chosen = {a: layer for a, layer in layers.items() if layer.submitted or not submitted_only}
    return compare_layers({a: layer.spans for a, layer in chosen.items()}), {
        a: layer.version for a, layer in chosen.items()
    }


def adjudicate(
    store,
    actor: Actor | str,
    dataset: str,
    report_id: str,
    decisions: Mapping[str, str],
    *,
    versions: Mapping[str, int],
    submitted_only: bool = True,
) -> int:
    """Settle a report: its gold becomes the agreed spans plus the decided sides. Returns the gold version."""
    actor = require(actor, "adjudicate")
    comparison, current = comparison_for(store, dataset, report_id, submitted_only=submitted_only)
    if len(current) < 2:
        raise StoreError(f"{report_id} has fewer than two submitted layers: there is nothing to adjudicate")
    if dict(versions) != current:
        raise StoreError(f"the layers of {report_id} changed since you opened it; reload and decide again")
    try:
        spans = resolve(comparison, decisions)
    except ValueError as error:
        raise StoreError(str(error)) from None
    record = [
        {"start": d.start, "end": d.end, "kind": d.kind, "decision": decisions[d.key]} for d in comparison.disagreements
    ]
    return store.save_adjudication(
        dataset, report_id, spans=spans, adjudicator=actor.label, layers=current, decisions=record
    )


def pending_adjudication(store, dataset: str, split: str | None = None) -> list[dict[str, Any]]:
    """Reports with two or more submitted layers, with their disagreement counts, most disagreements first."""
    adjudicated = store.adjudicated_ids(dataset)
    rows = []
    for report_id, layers in store.layers(dataset, split=split).items():
        submitted = {a: layer for a, layer in layers.items() if layer.submitted}
        if len(submitted) < 2:
            continue
        comparison = compare_layers({a: layer.spans for a, layer in submitted.items()})
        rows.append(
            {
                "report_id": report_id,
                "annotators": ", ".join(sorted(submitted)),
                "disagreements": len(comparison.disagreements),
                "missing": sum(d.kind == "missing" for d in comparison.disagreements),
                "adjudicated": report_id in adjudicated,
            }
        )
    return sorted(rows, key=lambda r: (r["adjudicated"], -r["missing"], -r["disagreements"], r["report_id"]))


def settle_agreed(store, actor: Actor | str, dataset: str, split: str | None = None) -> int:
    """Adjudicate in one go every not yet adjudicated report whose layers agree completely."""
    require(actor, "adjudicate")
    done = 0
    for row in pending_adjudication(store, dataset, split):
        if row["adjudicated"] or row["disagreements"]:
            continue
        _, versions = comparison_for(store, dataset, row["report_id"])
        adjudicate(store, actor, dataset, row["report_id"], {}, versions=versions)
        done += 1
    return done


# ---------------------------------------------------------------- roles, audit


def set_member_role(store, actor: Actor | str, user_id: str, role: str, name: str = "") -> None:
    actor = require(actor, "manage_roles")
    if actor.signed_in and user_id.strip().lower() == actor.user_id and role != "lead":
        raise NotAllowed(
            "you cannot take the lead role from yourself: ask another lead, so the team keeps one",
            "自分からリーダーの役割を外すことはできません。チームにリーダーが残るよう、別のリーダーに依頼してください。",
        )
    store.set_role(user_id, role, name=name, updated_by=actor.label)


def audit_csv(store, actor: Actor | str, what: str, dataset: str | None = None) -> bytes:
    """CSV of label changes ('labels') or of runs with their model and prompt versions ('runs')."""
    require(actor, "export_audit")
    frames = {"labels": store.label_audit, "runs": store.run_provenance}
    if what not in frames:
        raise StoreError(f"unknown audit export {what!r}: choose labels or runs")
    frame: pd.DataFrame = frames[what](dataset)
    buffer = io.StringIO()
    # Names, ids, layers and actors are typed by people: a cell like "=HYPERLINK(...)" must stay text.
    safe_frame(frame).to_csv(buffer, index=False)
    # A BOM so that Excel on Japanese Windows opens the Japanese text correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
