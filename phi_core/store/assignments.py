"""Which annotator labels which report: the layers a plan creates, each annotator's queue."""

from __future__ import annotations

from typing import Any, Mapping, Sequence

import pandas as pd

from phi_core.store.base import StoreBase
from phi_core.store.database import StoreError


class AssignmentTables(StoreBase):
    """Part of TeamTables; ``assign`` uses its layer writing and CorpusTables' reports."""

    def assign(
        self, dataset: str, plan: Mapping[str, Sequence[str]], *, assigned_by: str, prefill: bool = False
    ) -> int:
        """Create the layers of a plan (report id -> annotators); existing layers are kept as they are.

        With ``prefill`` a new layer starts from the report's current gold
        (e.g. imported silver labels) instead of empty.
        """
        added = 0
        with self.transaction():
            existing = {
                (r, a)
                for r, a in self.con.execute(
                    "SELECT report_id, annotator FROM annotation_layers WHERE dataset = ?", [dataset]
                ).fetchall()
            }
            gold = {r.id: r for r in self.reports(dataset, ids=list(plan))} if prefill else {}  # type: ignore
            for report_id, annotators in plan.items():
                for annotator in annotators:
                    if (report_id, annotator) in existing:
                        continue
                    self.con.execute(
                        "INSERT INTO annotation_layers (dataset, report_id, annotator, status, version, assigned_by) "
                        "VALUES (?, ?, ?, 'unlabeled', 1, ?)",
                        [dataset, report_id, annotator, assigned_by],
                    )
                    if prefill and report_id in gold:
                        self._replace_layer_spans(
                            dataset, report_id, annotator, gold[report_id].spans, gold[report_id].text
                        )
                    added += 1
        return added

    def unassign(self, dataset: str, report_id: str, annotator: str) -> None:
        """Remove a layer nobody has worked on yet; a layer with work is refused, not lost."""
        with self.transaction():
            rows = self.con.execute(
                "SELECT version FROM annotation_layers WHERE dataset = ? AND report_id = ? AND annotator = ?",
                [dataset, report_id, annotator],
            ).fetchall()
            if not rows:
                return
            if rows[0][0] > 1:
                raise StoreError(
                    f"{annotator} has already saved work on {report_id}; it is kept. "
                    "Ask an adjudicator to settle the report instead."
                )
            for table in ("annotation_layers", "layer_spans"):
                self.con.execute(
                    f"DELETE FROM {table} WHERE dataset = ? AND report_id = ? AND annotator = ?",
                    [dataset, report_id, annotator],
                )

    def assignments(self, dataset: str) -> pd.DataFrame:
        return self._df(
            "SELECT l.report_id, r.split, l.annotator, l.status, l.version, l.assigned_by, l.assigned_at, "
            "l.opened_at, l.submitted_at FROM annotation_layers l JOIN reports r "
            "ON r.dataset = l.dataset AND r.report_id = l.report_id WHERE l.dataset = ? ORDER BY r.ordinal, l.annotator",
            [dataset],
        )

    def queue(self, dataset: str, annotator: str, *, split: str | None = None) -> list[str]:
        """The report ids assigned to one annotator, in import order."""
        sql = (
            "SELECT l.report_id FROM annotation_layers l JOIN reports r "
            "ON r.dataset = l.dataset AND r.report_id = l.report_id WHERE l.dataset = ? AND l.annotator = ?"
        )
        params: list[Any] = [dataset, annotator]
        if split:
            sql += " AND r.split = ?"
            params.append(split)
        return [row[0] for row in self._rows(sql + " ORDER BY r.ordinal", params)]

    def annotators(self, dataset: str) -> list[str]:
        return [
            row[0]
            for row in self._rows(
                "SELECT DISTINCT annotator FROM annotation_layers WHERE dataset = ? ORDER BY annotator", [dataset]
            )
        ]
