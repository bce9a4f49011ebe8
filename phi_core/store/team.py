"""Annotator layers and adjudications; with them, assignments, team members, settings and audit exports.

The gold layer stays in ``gold_spans`` (CorpusTables); every annotator has
their own layer here. A layer carries its own status and version, so the
workbench's stale-save refusal, audit and undo work per layer exactly as for
the gold (audit rows carry ``layer``). When a report has a single layer and it
is submitted (status ``approved``), that layer becomes the gold; with two or
more layers the gold comes from adjudication.

Assignments, members and settings, and the audit exports are their own table
families (assignments.py, members.py, audit.py), joined here so that Store
keeps one TeamTables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Mapping, Sequence

import pandas as pd

from phi_core.models import LABEL_STATUSES, Report, Span
from phi_core.store.assignments import AssignmentTables
from phi_core.store.audit import AuditTables
from phi_core.store.base import StoreBase, _json
from phi_core.store.database import StoreError
from phi_core.store.members import MemberTables

SUBMITTED = "approved"


@dataclass
class LayerState:
    """One annotator's layer of one report."""

    annotator: str
    status: str
    version: int
    spans: list[Span] = field(default_factory=list)
    opened_at: datetime | None = None
    submitted_at: datetime | None = None

    @property
    def submitted(self) -> bool:
        return self.status == SUBMITTED

    @property
    def seconds(self) -> float | None:
        if self.opened_at is None or self.submitted_at is None:
            return None
        return max(0.0, (self.submitted_at - self.opened_at).total_seconds())


class TeamTables(AssignmentTables, MemberTables, AuditTables, StoreBase):
    # ------------------------------------------------------------ layers

    def layers(
        self, dataset: str, *, split: str | None = None, ids: Sequence[str] | None = None
    ) -> dict[str, dict[str, LayerState]]:
        """report id -> annotator -> layer, for the reports that have any layer."""
        clauses, params = ["l.dataset = ?"], [dataset]
        if split:
            clauses.append("r.split = ?")
            params.append(split)
        if ids is not None:
            clauses.append("l.report_id IN (SELECT unnest(?))")
            params.append(list(ids))
        where = " AND ".join(clauses)
        out: dict[str, dict[str, LayerState]] = {}
        for report_id, annotator, status, version, opened, submitted in self._rows(
            "SELECT l.report_id, l.annotator, l.status, l.version, l.opened_at, l.submitted_at "
            "FROM annotation_layers l JOIN reports r ON r.dataset = l.dataset AND r.report_id = l.report_id "
            f"WHERE {where} ORDER BY r.ordinal, l.annotator",
            params,
        ):
            out.setdefault(report_id, {})[annotator] = LayerState(annotator, status, version, [], opened, submitted)
        if not out:
            return out
        for report_id, annotator, start, end, category, text in self._rows(
            "SELECT report_id, annotator, start_pos, end_pos, category, span_text FROM layer_spans "
            "WHERE dataset = ? AND report_id IN (SELECT unnest(?)) ORDER BY report_id, annotator, start_pos, end_pos",
            [dataset, list(out)],
        ):
            layer = out.get(report_id, {}).get(annotator)
            if layer is not None:
                layer.spans.append(Span(start=start, end=end, category=category, text=text))
        return out

    def report_layer(self, dataset: str, report_id: str, annotator: str) -> Report | None:
        """The report with one annotator's spans, status and version (meta['layer'] names it).

        A report without a layer for this annotator comes back empty at version 0,
        so that the first save creates the layer.
        """
        report = self.report(dataset, report_id)  # type: ignore[attr-defined]
        if report is None:
            return None
        layer = self.layers(dataset, ids=[report_id]).get(report_id, {}).get(annotator)
        meta = dict(report.meta)
        meta["version"] = layer.version if layer else 0
        meta["layer"] = annotator
        return Report(
            id=report.id,
            text=report.text,
            split=report.split,
            status=layer.status if layer else "unlabeled",
            spans=layer.spans if layer else [],
            warnings=report.warnings,
            meta=meta,
        )

    def layer_version(self, dataset: str, report_id: str, annotator: str) -> int:
        rows = self._rows(
            "SELECT version FROM annotation_layers WHERE dataset = ? AND report_id = ? AND annotator = ?",
            [dataset, report_id, annotator],
        )
        return rows[0][0] if rows else 0

    def save_layer(
        self,
        dataset: str,
        report_id: str,
        *,
        annotator: str,
        spans: Sequence[Span],
        status: str | None = None,
        expected_version: int,
        actor: str,
        action: str = "edit",
    ) -> int:
        """Replace one annotator's spans of a report; returns the layer's new version.

        Refused (StaleEdit, nothing written) when the layer changed since
        ``expected_version``. Submitting the only layer of a report that was
        never adjudicated also writes it to the gold, in the same transaction.
        """
        from phi_core.store.corpus import StaleEdit  # the class lives with the gold it was made for

        if not annotator.strip():
            raise StoreError("a layer needs an annotator name: sign in or type your name in the sidebar")
        if status is not None and status not in LABEL_STATUSES:
            raise StoreError(f"unknown status {status!r}: use one of {', '.join(LABEL_STATUSES)}")
        with self.transaction():
            before = self.report_layer(dataset, report_id, annotator)
            if before is None:
                raise StoreError(f"report {report_id!r} is not in dataset {dataset!r} (was it deleted?)")
            version = before.meta["version"]
            if version != expected_version:
                raise StaleEdit(
                    f"{annotator}'s layer of report {report_id} was changed elsewhere (now version {version}, you "
                    f"started from version {expected_version}); your edit was not saved. Reload, then redo it.",
                    before,
                    version,
                )
            new_status = status or (before.status if version else "in_review")
            new_version = version + 1
            if version == 0:
                self.con.execute(
                    "INSERT INTO annotation_layers (dataset, report_id, annotator, status, version, assigned_by, "
                    "opened_at) VALUES (?, ?, ?, ?, ?, ?, current_timestamp)",
                    [dataset, report_id, annotator, new_status, new_version, actor],
                )
            else:
                self.con.execute(
                    "UPDATE annotation_layers SET status = ?, version = ?, updated_at = current_timestamp, "
                    "opened_at = coalesce(opened_at, current_timestamp), "
                    "submitted_at = CASE WHEN ? = 'approved' THEN coalesce(submitted_at, current_timestamp) "
                    "ELSE NULL END WHERE dataset = ? AND report_id = ? AND annotator = ?",
                    [new_status, new_version, new_status, dataset, report_id, annotator],
                )
            if version == 0 and new_status == SUBMITTED:
                self.con.execute(
                    "UPDATE annotation_layers SET submitted_at = current_timestamp "
                    "WHERE dataset = ? AND report_id = ? AND annotator = ?",
                    [dataset, report_id, annotator],
                )
            self._replace_layer_spans(dataset, report_id, annotator, spans, before.text)
            after_state = {"status": new_status, "spans": [_span_dict(s) for s in _unique(spans)]}
            self.con.execute(
                "INSERT INTO gold_audit (dataset, report_id, actor, action, version_before, version_after, before, "
                "after, layer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    dataset,
                    report_id,
                    actor,
                    action,
                    version,
                    new_version,
                    _json({"status": before.status, "spans": [_span_dict(s) for s in before.spans]}),
                    _json(after_state),
                    annotator,
                ],
            )
            if new_status == SUBMITTED and self._sole_unadjudicated_layer(dataset, report_id):
                self._write_gold(
                    dataset,
                    report_id,
                    spans=spans,
                    status=SUBMITTED,  # type: ignore[attr-defined]
                    expected_version=None,
                    actor=actor,
                    action=f"from layer {annotator}",
                )
        return new_version

    def _replace_layer_spans(
        self, dataset: str, report_id: str, annotator: str, spans: Sequence[Span], text: str
    ) -> None:
        self.con.execute(
            "DELETE FROM layer_spans WHERE dataset = ? AND report_id = ? AND annotator = ?",
            [dataset, report_id, annotator],
        )
        rows = [(s.start, s.end, s.category, s.text or text[s.start : s.end]) for s in _unique(spans)]
        frame = pd.DataFrame(rows, columns=["start_pos", "end_pos", "category", "span_text"])
        frame.insert(0, "annotator", annotator)
        frame.insert(0, "report_id", report_id)
        frame.insert(0, "dataset", dataset)
        self._insert_frame("layer_spans", frame)

    def _sole_unadjudicated_layer(self, dataset: str, report_id: str) -> bool:
        layers = self.con.execute(
            "SELECT count(*) FROM annotation_layers WHERE dataset = ? AND report_id = ?", [dataset, report_id]
        ).fetchall()[0][0]
        adjudicated = self.con.execute(
            "SELECT count(*) FROM adjudications WHERE dataset = ? AND report_id = ?", [dataset, report_id]
        ).fetchall()[0][0]
        return layers == 1 and not adjudicated

    def mark_opened(self, dataset: str, report_id: str, annotator: str) -> None:
        """Start the clock of an assigned layer the first time its annotator opens it."""
        with self.lock:
            self.con.execute(
                "UPDATE annotation_layers SET opened_at = current_timestamp "
                "WHERE dataset = ? AND report_id = ? AND annotator = ? AND opened_at IS NULL",
                [dataset, report_id, annotator],
            )

    def import_layer(self, dataset: str, reports: Sequence[Report], *, annotator: str, actor: str) -> int:
        """Put imported labels into one annotator's layer of reports already in the dataset (submitted)."""
        known = {r.id: r for r in self.reports(dataset, ids=[r.id for r in reports])}  # type: ignore[attr-defined]
        missing = [r.id for r in reports if r.id not in known]
        if missing:
            raise StoreError(
                f"{len(missing)} reports of the file are not in dataset {dataset!r} ({', '.join(missing[:5])}): "
                "import the reports themselves first (without --annotator), then each annotator's labels"
            )
        changed = [r.id for r in reports if r.text != known[r.id].text]
        if changed:
            raise StoreError(
                f"the text of {len(changed)} reports differs from the dataset ({', '.join(changed[:5])}): "
                "offsets would point to other characters; import labels made on the same text"
            )
        for r in reports:
            self.save_layer(
                dataset,
                r.id,
                annotator=annotator,
                spans=r.spans,
                status=SUBMITTED,
                expected_version=self.layer_version(dataset, r.id, annotator),
                actor=actor,
                action="import",
            )
        return len(reports)

    # ------------------------------------------------------ adjudication

    def save_adjudication(
        self,
        dataset: str,
        report_id: str,
        *,
        spans: Sequence[Span],
        adjudicator: str,
        layers: Mapping[str, int],
        decisions: Sequence[Mapping[str, Any]],
    ) -> int:
        """Write the adjudicated spans as the gold (approved) and remember how they were decided.

        ``layers`` maps each compared annotator to the layer version the
        adjudicator saw; if any of them changed since, nothing is written.
        """
        from phi_core.store.corpus import StaleEdit

        with self.transaction():
            for annotator, seen in layers.items():
                now = self.con.execute(
                    "SELECT version FROM annotation_layers WHERE dataset = ? AND report_id = ? AND annotator = ?",
                    [dataset, report_id, annotator],
                ).fetchall()
                if not now or now[0][0] != seen:
                    current = self.report(dataset, report_id)  # type: ignore[attr-defined]
                    raise StaleEdit(
                        f"{annotator}'s layer of {report_id} changed while you adjudicated it; nothing was saved. "
                        "Reload the report and decide again.",
                        current,
                        current.meta["version"] if current else 0,
                    )
            new_version = self._write_gold(
                dataset,
                report_id,
                spans=spans,
                status=SUBMITTED,  # type: ignore
                expected_version=None,
                actor=adjudicator,
                action="adjudicate",
            )
            self.con.execute("DELETE FROM adjudications WHERE dataset = ? AND report_id = ?", [dataset, report_id])
            self.con.execute(
                "INSERT INTO adjudications (dataset, report_id, adjudicator, layers, decisions) VALUES (?, ?, ?, ?, ?)",
                [dataset, report_id, adjudicator, _json(dict(layers)), _json(list(decisions))],
            )
        return new_version

    def adjudicated_ids(self, dataset: str) -> set[str]:
        return {row[0] for row in self._rows("SELECT report_id FROM adjudications WHERE dataset = ?", [dataset])}


def _unique(spans: Sequence[Span]) -> list[Span]:
    return list({(s.start, s.end, s.category): s for s in spans}.values())


def _span_dict(span: Span) -> dict:
    return {"start": span.start, "end": span.end, "category": span.category, "text": span.text}
