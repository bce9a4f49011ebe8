"""Datasets, reports, gold spans and their audit trail."""

from __future__ import annotations

from functools import partial
from typing import Sequence

import pandas as pd

from phi_core.models import ImportWarning, Report, Span
from phi_core.store.base import ANALYSIS_TABLES, StoreBase, _json, _loads
from phi_core.store.corpus_import import NewReports, gold_span_frame
from phi_core.store.database import StoreError


class StaleEdit(StoreError):
    """Someone saved this report after the editor loaded it."""

    def __init__(self, message: str, current: Report, current_version: int):
        super().__init__(message)
        self.current = current
        self.current_version = current_version


class CorpusTables(StoreBase):
    def datasets(self) -> pd.DataFrame:
        return self._df(
            """
            SELECT d.name, d.description, d.source, d.provenance, d.created_at,
                   count(r.report_id) AS reports,
                   count(*) FILTER (WHERE r.split = 'dev') AS dev,
                   count(*) FILTER (WHERE r.split = 'test') AS test
            FROM datasets d LEFT JOIN reports r ON r.dataset = d.name
            GROUP BY ALL ORDER BY d.created_at, d.name
            """
        )

    def dataset_names(self) -> list[str]:
        return [row[0] for row in self._rows("SELECT name FROM datasets ORDER BY created_at, name")]

    def dataset_provenance(self, name: str) -> str | None:
        """generated, independent or imported (phi_core/corpus/provenance.py); None for no such dataset."""
        rows = self._rows("SELECT provenance FROM datasets WHERE name = ?", [name])
        return rows[0][0] if rows else None

    def has_dataset(self, name: str) -> bool:
        return bool(self._rows("SELECT 1 FROM datasets WHERE name = ?", [name]))

    def delete_dataset(self, dataset: str) -> None:
        with self.transaction():
            run_ids = [
                r[0] for r in self.con.execute("SELECT run_id FROM runs WHERE dataset = ?", [dataset]).fetchall()
            ]
            for table in ("report_scores", "predicted_items", "predicted_spans", "run_results", *ANALYSIS_TABLES):
                self.con.execute(f"DELETE FROM {table} WHERE run_id IN (SELECT unnest(?))", [run_ids])
            for table in (
                "runs",
                "gold_audit",
                "gold_spans",
                "layer_spans",
                "annotation_layers",
                "adjudications",
                "reports",
                "datasets",
            ):
                column = "name" if table == "datasets" else "dataset"
                self.con.execute(f"DELETE FROM {table} WHERE {column} = ?", [dataset])
            self.con.execute("DELETE FROM team_settings WHERE scope = ?", [dataset])  # e.g. its blind mode

    def report_counts(self, dataset: str | None = None) -> dict[str, int]:
        where, params = ("WHERE dataset = ?", [dataset]) if dataset else ("", [])
        rows = self._rows(f"SELECT status, count(*) FROM reports {where} GROUP BY status", params)
        return {status: n for status, n in rows}

    def reports(
        self,
        dataset: str,
        *,
        split: str | None = None,
        statuses: Sequence[str] | None = None,
        ids: Sequence[str] | None = None,
        limit: int | None = None,
        styles: Sequence[str] | None = None,
    ) -> list[Report]:
        """Reports with their gold spans, in import order."""
        clauses, params = ["dataset = ?"], [dataset]
        if split:
            clauses.append("split = ?")
            params.append(split)
        if styles:
            clauses.append("style IN (SELECT unnest(?))")
            params.append(list(styles))
        if statuses:
            clauses.append("status IN (SELECT unnest(?))")
            params.append(list(statuses))
        if ids is not None:
            clauses.append("report_id IN (SELECT unnest(?))")
            params.append(list(ids))
        sql = (
            "SELECT report_id, text, split, status, warnings, meta, version, style FROM reports "
            f"WHERE {' AND '.join(clauses)} ORDER BY ordinal"
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        rows = self._rows(sql, params)
        if not rows:
            return []
        spans: dict[str, list[Span]] = {}
        for report_id, start, end, category, text, fmt in self._rows(
            "SELECT report_id, start_pos, end_pos, category, span_text, format FROM gold_spans "
            "WHERE dataset = ? AND report_id IN (SELECT unnest(?)) ORDER BY report_id, start_pos, end_pos",
            [dataset, [r[0] for r in rows]],
        ):
            spans.setdefault(report_id, []).append(Span(start=start, end=end, category=category, text=text, format=fmt))
        out = []
        for report_id, text, split_, status, warnings, meta, version, style in rows:
            meta = _loads(meta, {})
            meta["version"] = version
            out.append(
                Report(
                    id=report_id,
                    text=text,
                    split=split_,
                    status=status,
                    spans=spans.get(report_id, []),
                    warnings=[ImportWarning(**w) for w in _loads(warnings, [])],
                    meta=meta,
                    style=style,
                )
            )
        return out

    def report_ids(self, dataset: str | None = None) -> list[str]:
        """Report ids in import order (of every dataset when none is named), without reading texts or spans."""
        where, params = ("WHERE dataset = ?", [dataset]) if dataset else ("", [])
        return [
            row[0] for row in self._rows(f"SELECT report_id FROM reports {where} ORDER BY dataset, ordinal", params)
        ]

    def report(self, dataset: str, report_id: str) -> Report | None:
        found = self.reports(dataset, ids=[report_id])
        return found[0] if found else None

    def report_version(self, dataset: str, report_id: str) -> int | None:
        rows = self._rows("SELECT version FROM reports WHERE dataset = ? AND report_id = ?", [dataset, report_id])
        return rows[0][0] if rows else None

    def save_gold(
        self,
        dataset: str,
        report_id: str,
        *,
        spans: Sequence[Span],
        status: str | None = None,
        expected_version: int,
        actor: str,
        action: str = "edit",
    ) -> int:
        """Replace a report's gold spans (and maybe status); returns the new version.

        The save carries the version the editor started from. If someone else
        saved in between, nothing is written and StaleEdit shows what is there now.
        """
        with self.transaction():
            new_version = self._write_gold(
                dataset,
                report_id,
                spans=spans,
                status=status,
                expected_version=expected_version,
                actor=actor,
                action=action,
            )
        return new_version

    def _write_gold(
        self,
        dataset: str,
        report_id: str,
        *,
        spans: Sequence[Span],
        status: str | None,
        expected_version: int | None,
        actor: str,
        action: str,
    ) -> int:
        """save_gold's work inside the caller's transaction (adjudication writes more in the same one).

        ``expected_version=None`` skips the stale check: only for writes that
        derive the gold from a layer the caller has just checked.
        """
        current = self.reports(dataset, ids=[report_id])
        if not current:
            raise StoreError(f"report {report_id!r} is not in dataset {dataset!r} (was it deleted?)")
        before = current[0]
        version = before.meta["version"]
        if expected_version is not None and version != expected_version:
            raise StaleEdit(
                f"report {report_id} was changed by someone else (now version {version}, you started from "
                f"version {expected_version}); your edit was not saved. Reload to see their change, then redo yours.",
                before,
                version,
            )
        after = Report(
            id=report_id,
            text=before.text,
            split=before.split,
            status=status or before.status,
            spans=_keep_formats(list(spans), before.spans),
        )
        new_version = version + 1
        self.con.execute("DELETE FROM gold_spans WHERE dataset = ? AND report_id = ?", [dataset, report_id])
        self._insert_frame("gold_spans", gold_span_frame([NewReports(dataset, [after])]))
        self.con.execute(
            "UPDATE reports SET status = ?, version = ?, updated_at = current_timestamp "
            "WHERE dataset = ? AND report_id = ?",
            [after.status, new_version, dataset, report_id],
        )
        self.con.execute(
            "INSERT INTO gold_audit (dataset, report_id, actor, action, version_before, version_after, before, after)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                dataset,
                report_id,
                actor,
                action,
                version,
                new_version,
                _json(_gold_state(before)),
                _json(_gold_state(after)),
            ],
        )
        return new_version

    def audit_log(self, dataset: str, report_id: str | None = None, *, layer: str | None = "") -> pd.DataFrame:
        """Audited changes, newest first: of the gold layer ('' default), one annotator's layer, or all (None)."""
        where, params = "dataset = ?", [dataset]
        if report_id:
            where += " AND report_id = ?"
            params.append(report_id)
        if layer is not None:
            where += " AND coalesce(layer, '') = ?"
            params.append(layer)
        return self._df(
            f"SELECT audit_id, report_id, actor, changed_at, action, version_before, version_after, before, after, "
            f"undone_by, coalesce(layer, '') AS layer "
            f"FROM gold_audit WHERE {where} ORDER BY audit_id DESC",
            params,
        )

    def undo(self, audit_id: int, *, actor: str) -> int:
        """Restore the state before an audited change, as a new audited change."""
        rows = self._rows(
            "SELECT dataset, report_id, version_after, before, undone_by, coalesce(layer, '') FROM gold_audit "
            "WHERE audit_id = ?",
            [audit_id],
        )
        if not rows:
            raise StoreError(f"there is no change number {audit_id} in the audit log")
        dataset, report_id, version_after, before, undone_by, layer = rows[0]
        if undone_by is not None:
            raise StoreError(f"change {audit_id} was already undone (by change {undone_by})")
        state = _loads(before, {})
        save = self.save_gold if not layer else partial(self.save_layer, annotator=layer)  # type: ignore[attr-defined]
        new_version = save(
            dataset,
            report_id,
            spans=[Span(**s) for s in state.get("spans", [])],
            status=state.get("status"),
            expected_version=version_after,
            actor=actor,
            action=f"undo #{audit_id}",
        )
        with self.lock:
            last = self.con.execute(
                "SELECT max(audit_id) FROM gold_audit WHERE dataset = ? AND report_id = ? AND coalesce(layer, '') = ?",
                [dataset, report_id, layer],
            ).fetchall()[0][0]
            self.con.execute("UPDATE gold_audit SET undone_by = ? WHERE audit_id = ?", [last, audit_id])
        return new_version

    def styles(self, dataset: str) -> list[str]:
        """The document styles present in a dataset, alphabetically (empty when none is recorded)."""
        rows = self._rows(
            "SELECT DISTINCT style FROM reports WHERE dataset = ? AND style IS NOT NULL ORDER BY style", [dataset]
        )
        return [row[0] for row in rows]

    def split_counts(self, dataset: str) -> dict[str, int]:
        rows = self._rows("SELECT split, count(*) FROM reports WHERE dataset = ? GROUP BY split", [dataset])
        return {split: n for split, n in rows}


def _keep_formats(spans: Sequence[Span], earlier: Sequence[Span]) -> list[Span]:
    """An edited span that is still where it was keeps the value format it had (editors do not set formats)."""
    known = {(s.start, s.end, s.category): s.format for s in earlier if s.format}
    return [
        s
        if s.format or (s.start, s.end, s.category) not in known
        else s.model_copy(update={"format": known[(s.start, s.end, s.category)]})
        for s in spans
    ]


def _gold_state(report: Report) -> dict:
    return {
        "status": report.status,
        "spans": [{"start": s.start, "end": s.end, "category": s.category, "text": s.text} for s in report.spans],
    }
