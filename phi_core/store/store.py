"""All SQL of the project lives in this package; everything else calls Store.

One Store (one DuckDB connection) per process. DuckDB connections are not
shared across threads, so worker threads never touch the store: the runner
hands results back to the thread that owns it.
"""

from __future__ import annotations

import csv
import json
import threading
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import pandas as pd

from phi_core.models import ImportWarning, Report, Span
from phi_core.store.database import StoreError, connect, migrate, resolve_db_path


class StaleEdit(StoreError):
    """Someone saved this report after the editor loaded it."""

    def __init__(self, message: str, current: Report, current_version: int):
        super().__init__(message)
        self.current = current
        self.current_version = current_version


class DatasetExists(StoreError):
    pass


@dataclass
class RunRecord:
    run_id: str
    job_key: str
    dataset: str
    split: str | None
    backend: str
    model: str
    phase: str
    phase_key: str | None
    host: str
    model_digest: str
    model_meta: dict
    options: dict
    provenance: dict
    repeats: int
    status: str
    tasks_total: int
    created_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    error: str | None


@dataclass
class TaskResult:
    """One finished (report, repeat) of a run, ready to be written."""

    report_id: str
    repeat_idx: int
    status: str  # done | failed
    raw_output: str
    items: list[tuple[str, str | None, str]]  # (label, canonical category, value)
    violations: list[str]
    calls: list[dict]
    seconds: float
    prompt_tokens: int | None
    completion_tokens: int | None
    input_tokens: int | None
    backend_calls: int
    error: str | None


_RUN_COLUMNS = (
    "run_id, job_key, dataset, split, backend, model, phase, phase_key, host, model_digest, model_meta, "
    "options, provenance, repeats, status, tasks_total, created_at, started_at, finished_at, error"
)

# Per-(run, report) tables written next to report_scores (db/migrations/002_analysis.sql).
ANALYSIS_TABLES = ("score_counts", "score_categories", "score_scripts", "score_errors", "score_pairs")

SCORE_DIMENSION_COLUMNS = (
    "recall", "precision", "boundary_fidelity", "information_purity",
    "category_classification", "rule_adherence", "stability", "efficiency",
)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _loads(value: Any, default: Any) -> Any:
    if value is None:
        return default
    if isinstance(value, (dict, list)):
        return value
    return json.loads(value)


class Store:
    def __init__(self, path: str | Path | None = None, *, read_only: bool = False):
        self.path = resolve_db_path(path)
        self.con = connect(self.path, read_only=read_only)
        self.read_only = read_only
        # Guards the single connection when the app's threads share a Store.
        self.lock = threading.RLock()
        if not read_only:
            migrate(self.con)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.lock:
            self.con.execute("BEGIN TRANSACTION")
            try:
                yield
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
            else:
                self.con.execute("COMMIT")

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self.lock:
            return self.con.execute(sql, list(params)).fetchall()

    def _df(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        with self.lock:
            return self.con.execute(sql, list(params)).df()

    def _insert_frame(self, table: str, frame: pd.DataFrame) -> None:
        """Bulk insert; DuckDB's executemany costs milliseconds per row."""
        if frame.empty:
            return
        columns = ", ".join(frame.columns)
        self.con.register("_incoming", frame)
        try:
            self.con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _incoming")
        finally:
            self.con.unregister("_incoming")

    # ------------------------------------------------------------------ corpus

    def datasets(self) -> pd.DataFrame:
        return self._df(
            """
            SELECT d.name, d.description, d.source, d.created_at,
                   count(r.report_id) AS reports,
                   count(*) FILTER (WHERE r.split = 'dev') AS dev,
                   count(*) FILTER (WHERE r.split = 'test') AS test
            FROM datasets d LEFT JOIN reports r ON r.dataset = d.name
            GROUP BY ALL ORDER BY d.created_at, d.name
            """
        )

    def dataset_names(self) -> list[str]:
        return [row[0] for row in self._rows("SELECT name FROM datasets ORDER BY created_at, name")]

    def has_dataset(self, name: str) -> bool:
        return bool(self._rows("SELECT 1 FROM datasets WHERE name = ?", [name]))

    def add_reports(self, dataset: str, reports: Sequence[Report], *, source: str = "", description: str = "") -> int:
        """Add reports to a dataset in one transaction; existing ids are refused."""
        ids = [r.id for r in reports]
        if len(set(ids)) != len(ids):
            raise StoreError("the file gives the same report id twice: make the ids unique and import again")
        with self.transaction():
            existing = {
                row[0]
                for row in self.con.execute(
                    "SELECT report_id FROM reports WHERE dataset = ? AND report_id IN (SELECT unnest(?))",
                    [dataset, ids],
                ).fetchall()
            }
            if existing:
                sample = ", ".join(sorted(existing)[:5])
                raise DatasetExists(
                    f"dataset {dataset!r} already has {len(existing)} of these reports ({sample}...): "
                    "import into a new dataset name, or delete the dataset first"
                )
            if not self.con.execute("SELECT 1 FROM datasets WHERE name = ?", [dataset]).fetchall():
                self.con.execute(
                    "INSERT INTO datasets (name, description, source) VALUES (?, ?, ?)", [dataset, description, source]
                )
            start = self.con.execute(
                "SELECT coalesce(max(ordinal), 0) FROM reports WHERE dataset = ?", [dataset]
            ).fetchall()[0][0]
            self._insert_frame(
                "reports",
                pd.DataFrame(
                    {
                        "dataset": dataset,
                        "report_id": ids,
                        "text": [r.text for r in reports],
                        "split": [r.split for r in reports],
                        "status": [r.status for r in reports],
                        "ordinal": list(range(start + 1, start + 1 + len(reports))),
                        "warnings": [_json([w.model_dump() for w in r.warnings]) for r in reports],
                        "meta": [_json(r.meta) for r in reports],
                        "source": source,
                    }
                ),
            )
            self._insert_spans(dataset, reports)
        return len(reports)

    def _insert_spans(self, dataset: str, reports: Iterable[Report]) -> None:
        rows = [
            (r.id, s.start, s.end, s.category, s.text)
            for r in reports
            for s in {(s.start, s.end, s.category): s for s in r.spans}.values()
        ]
        frame = pd.DataFrame(rows, columns=["report_id", "start_pos", "end_pos", "category", "span_text"])
        frame.insert(0, "dataset", dataset)
        self._insert_frame("gold_spans", frame)

    def delete_dataset(self, dataset: str) -> None:
        with self.transaction():
            run_ids = [r[0] for r in self.con.execute("SELECT run_id FROM runs WHERE dataset = ?", [dataset]).fetchall()]
            for table in ("report_scores", "predicted_items", "run_results"):
                self.con.execute(f"DELETE FROM {table} WHERE run_id IN (SELECT unnest(?))", [run_ids])
            for table in ("runs", "gold_audit", "gold_spans", "reports", "datasets"):
                column = "name" if table == "datasets" else "dataset"
                self.con.execute(f"DELETE FROM {table} WHERE {column} = ?", [dataset])

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
    ) -> list[Report]:
        """Reports with their gold spans, in import order."""
        clauses, params = ["dataset = ?"], [dataset]
        if split:
            clauses.append("split = ?")
            params.append(split)
        if statuses:
            clauses.append("status IN (SELECT unnest(?))")
            params.append(list(statuses))
        if ids is not None:
            clauses.append("report_id IN (SELECT unnest(?))")
            params.append(list(ids))
        sql = (
            "SELECT report_id, text, split, status, warnings, meta, version FROM reports "
            f"WHERE {' AND '.join(clauses)} ORDER BY ordinal"
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        rows = self._rows(sql, params)
        if not rows:
            return []
        spans: dict[str, list[Span]] = {}
        for report_id, start, end, category, text in self._rows(
            "SELECT report_id, start_pos, end_pos, category, span_text FROM gold_spans "
            "WHERE dataset = ? AND report_id IN (SELECT unnest(?)) ORDER BY report_id, start_pos, end_pos",
            [dataset, [r[0] for r in rows]],
        ):
            spans.setdefault(report_id, []).append(Span(start=start, end=end, category=category, text=text))
        out = []
        for report_id, text, split_, status, warnings, meta, version in rows:
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
                )
            )
        return out

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
            current = self.reports(dataset, ids=[report_id])
            if not current:
                raise StoreError(f"report {report_id!r} is not in dataset {dataset!r} (was it deleted?)")
            before = current[0]
            version = before.meta["version"]
            if version != expected_version:
                raise StaleEdit(
                    f"report {report_id} was changed by someone else (now version {version}, you started from "
                    f"version {expected_version}); your edit was not saved. Reload to see their change, then redo yours.",
                    before,
                    version,
                )
            after = Report(id=report_id, text=before.text, split=before.split,
                           status=status or before.status, spans=list(spans))
            new_version = version + 1
            self.con.execute("DELETE FROM gold_spans WHERE dataset = ? AND report_id = ?", [dataset, report_id])
            self._insert_spans(dataset, [after])
            self.con.execute(
                "UPDATE reports SET status = ?, version = ?, updated_at = current_timestamp "
                "WHERE dataset = ? AND report_id = ?",
                [after.status, new_version, dataset, report_id],
            )
            self.con.execute(
                "INSERT INTO gold_audit (dataset, report_id, actor, action, version_before, version_after, before, after)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [dataset, report_id, actor, action, version, new_version,
                 _json(_gold_state(before)), _json(_gold_state(after))],
            )
        return new_version

    def audit_log(self, dataset: str, report_id: str | None = None) -> pd.DataFrame:
        where, params = "dataset = ?", [dataset]
        if report_id:
            where += " AND report_id = ?"
            params.append(report_id)
        return self._df(
            f"SELECT audit_id, report_id, actor, changed_at, action, version_before, version_after, before, after, undone_by "
            f"FROM gold_audit WHERE {where} ORDER BY audit_id DESC",
            params,
        )

    def undo(self, audit_id: int, *, actor: str) -> int:
        """Restore the state before an audited change, as a new audited change."""
        rows = self._rows(
            "SELECT dataset, report_id, version_after, before, undone_by FROM gold_audit WHERE audit_id = ?", [audit_id]
        )
        if not rows:
            raise StoreError(f"there is no change number {audit_id} in the audit log")
        dataset, report_id, version_after, before, undone_by = rows[0]
        if undone_by is not None:
            raise StoreError(f"change {audit_id} was already undone (by change {undone_by})")
        state = _loads(before, {})
        new_version = self.save_gold(
            dataset, report_id,
            spans=[Span(**s) for s in state.get("spans", [])],
            status=state.get("status"),
            expected_version=version_after,
            actor=actor,
            action=f"undo #{audit_id}",
        )
        with self.lock:
            last = self.con.execute(
                "SELECT max(audit_id) FROM gold_audit WHERE dataset = ? AND report_id = ?", [dataset, report_id]
            ).fetchall()[0][0]
            self.con.execute("UPDATE gold_audit SET undone_by = ? WHERE audit_id = ?", [last, audit_id])
        return new_version

    # -------------------------------------------------------------- reference

    def load_reference(self, csv_path: str | Path) -> int:
        """Replace the study's reported numbers with the rows of csv_path."""
        with open(csv_path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))

        def number(value: str) -> float | None:
            value = (value or "").strip()
            return float(value) if value else None

        frame = pd.DataFrame(
            {
                "source_table": [r["table"] for r in rows],
                "model": [r["model"] for r in rows],
                "kind": [r["kind"] for r in rows],
                "phase": [int(r["phase"]) if r["phase"].strip() else None for r in rows],
                "stage": [r["stage"] for r in rows],
                **{
                    col: [number(r[col]) for r in rows]
                    for col in ("overall",) + SCORE_DIMENSION_COLUMNS + ("sec_per_100_tokens",)
                },
                "note": [r["note"] for r in rows],
            }
        )
        with self.transaction():
            self.con.execute("DELETE FROM reference_scores")
            self._insert_frame("reference_scores", frame)
        return len(frame)

    def reference_scores(self) -> pd.DataFrame:
        return self._df("SELECT * FROM reference_scores ORDER BY source_table, phase, model")

    # ------------------------------------------------------------------ phases

    def save_phase(self, *, phase_key: str, number: int, name: str, version: int, hash: str,
                   definition: dict, parent_hash: str | None = None, source: str = "shipped") -> bool:
        """Store a phase definition once per key; returns True when it was new."""
        with self.lock:
            if self._rows("SELECT 1 FROM phases WHERE phase_key = ?", [phase_key]):
                return False
            self.con.execute(
                "INSERT INTO phases (phase_key, number, name, version, hash, parent_hash, definition, source) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [phase_key, number, name, version, hash, parent_hash, _json(definition), source],
            )
            return True

    def phases(self) -> pd.DataFrame:
        return self._df("SELECT * FROM phases ORDER BY number, version")

    def phase_definition(self, phase_key: str) -> dict | None:
        rows = self._rows("SELECT definition FROM phases WHERE phase_key = ?", [phase_key])
        return _loads(rows[0][0], {}) if rows else None

    # -------------------------------------------------------------------- runs

    def find_run(self, job_key: str) -> RunRecord | None:
        rows = self._rows(
            f"SELECT {_RUN_COLUMNS} FROM runs WHERE job_key = ? ORDER BY created_at DESC LIMIT 1", [job_key]
        )
        return _run_record(rows[0]) if rows else None

    def run(self, run_id: str) -> RunRecord | None:
        rows = self._rows(f"SELECT {_RUN_COLUMNS} FROM runs WHERE run_id = ?", [run_id])
        return _run_record(rows[0]) if rows else None

    def create_run(self, *, job_key: str, dataset: str, split: str | None, backend: str, model: str, phase: str,
                   phase_key: str | None, host: str, model_digest: str, model_meta: dict, options: dict,
                   provenance: dict, repeats: int, tasks_total: int) -> RunRecord:
        run_id = uuid.uuid4().hex[:12]
        with self.lock:
            self.con.execute(
                "INSERT INTO runs (run_id, job_key, dataset, split, backend, model, phase, phase_key, host, "
                "model_digest, model_meta, options, provenance, repeats, status, tasks_total) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?)",
                [run_id, job_key, dataset, split, backend, model, phase, phase_key, host, model_digest,
                 _json(model_meta), _json(options), _json(provenance), repeats, tasks_total],
            )
        return self.run(run_id)

    def update_run(self, run_id: str, **fields: Any) -> None:
        allowed = {"status", "tasks_total", "started_at", "finished_at", "error", "model_meta", "model_digest",
                   "provenance", "host"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"cannot update run fields {sorted(unknown)}")
        if not fields:
            return
        sets = ", ".join(f"{name} = ?" for name in fields)
        values = [_json(v) if isinstance(v, (dict, list)) else v for v in fields.values()]
        with self.lock:
            self.con.execute(f"UPDATE runs SET {sets} WHERE run_id = ?", values + [run_id])

    def runs(self, dataset: str | None = None, *, statuses: Sequence[str] | None = None) -> list[RunRecord]:
        clauses, params = [], []
        if dataset:
            clauses.append("dataset = ?")
            params.append(dataset)
        if statuses:
            clauses.append("status IN (SELECT unnest(?))")
            params.append(list(statuses))
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        return [_run_record(r) for r in self._rows(f"SELECT {_RUN_COLUMNS} FROM runs {where} ORDER BY created_at", params)]

    def run_progress(self, run_id: str) -> dict[str, int]:
        rows = self._rows("SELECT status, count(*) FROM run_results WHERE run_id = ? GROUP BY status", [run_id])
        counts = {status: n for status, n in rows}
        return {"done": counts.get("done", 0), "failed": counts.get("failed", 0)}

    def finished_tasks(self, run_id: str) -> set[tuple[str, int]]:
        """Tasks that need no more work (successful ones; failed ones are retried)."""
        return {
            (report_id, repeat)
            for report_id, repeat in self._rows(
                "SELECT report_id, repeat_idx FROM run_results WHERE run_id = ? AND status = 'done'", [run_id]
            )
        }

    def save_task_results(self, run_id: str, results: Sequence[TaskResult]) -> None:
        """Write finished tasks in one transaction (a retried failure replaces its row)."""
        if not results:
            return
        keys = [(r.report_id, r.repeat_idx) for r in results]
        with self.transaction():
            for table in ("run_results", "predicted_items"):
                self.con.execute(
                    f"DELETE FROM {table} WHERE run_id = ? AND (report_id, repeat_idx) IN "
                    "(SELECT (unnest(?), unnest(?)))",
                    [run_id, [k[0] for k in keys], [k[1] for k in keys]],
                )
            self._insert_frame(
                "run_results",
                pd.DataFrame(
                    {
                        "run_id": run_id,
                        "report_id": [r.report_id for r in results],
                        "repeat_idx": [r.repeat_idx for r in results],
                        "status": [r.status for r in results],
                        "raw_output": [r.raw_output for r in results],
                        "violations": [_json(r.violations) for r in results],
                        "calls": [_json(r.calls) for r in results],
                        "seconds": [float(r.seconds) for r in results],
                        "prompt_tokens": pd.array([r.prompt_tokens for r in results], dtype="Int64"),
                        "completion_tokens": pd.array([r.completion_tokens for r in results], dtype="Int64"),
                        "input_tokens": pd.array([r.input_tokens for r in results], dtype="Int64"),
                        "backend_calls": [r.backend_calls for r in results],
                        "error": [r.error for r in results],
                    }
                ),
            )
            items = [
                (r.report_id, r.repeat_idx, idx, label, category, value)
                for r in results
                for idx, (label, category, value) in enumerate(r.items)
            ]
            frame = pd.DataFrame(items, columns=["report_id", "repeat_idx", "item_idx", "label", "category", "value"])
            frame.insert(0, "run_id", run_id)
            self._insert_frame("predicted_items", frame)

    def task_results(self, run_id: str, *, report_ids: Sequence[str] | None = None) -> pd.DataFrame:
        where, params = "run_id = ?", [run_id]
        if report_ids is not None:
            where += " AND report_id IN (SELECT unnest(?))"
            params.append(list(report_ids))
        return self._df(f"SELECT * FROM run_results WHERE {where} ORDER BY report_id, repeat_idx", params)

    def predicted_items(self, run_id: str, *, report_ids: Sequence[str] | None = None) -> pd.DataFrame:
        where, params = "run_id = ?", [run_id]
        if report_ids is not None:
            where += " AND report_id IN (SELECT unnest(?))"
            params.append(list(report_ids))
        return self._df(
            f"SELECT report_id, repeat_idx, item_idx, label, category, value FROM predicted_items WHERE {where} "
            "ORDER BY report_id, repeat_idx, item_idx",
            params,
        )

    def result_records(self, run_id: str) -> list[dict[str, Any]]:
        """Finished tasks as plain dicts (violations parsed), cheaper than a DataFrame."""
        rows = self._rows(
            "SELECT report_id, repeat_idx, violations, seconds, input_tokens FROM run_results "
            "WHERE run_id = ? AND status = 'done' ORDER BY report_id, repeat_idx",
            [run_id],
        )
        return [
            {"report_id": r[0], "repeat_idx": r[1], "violations": _loads(r[2], []), "seconds": r[3],
             "input_tokens": r[4]}
            for r in rows
        ]

    def item_tuples(self, run_id: str) -> list[tuple[str, int, str, str]]:
        """(report_id, repeat_idx, label, value) of every predicted item, in order."""
        return self._rows(
            "SELECT report_id, repeat_idx, label, value FROM predicted_items WHERE run_id = ? "
            "ORDER BY report_id, repeat_idx, item_idx",
            [run_id],
        )

    def replace_scores(self, run_id: str, rows: Sequence[dict],
                       analysis: dict[str, pd.DataFrame] | None = None) -> None:
        """Replace a run's report scores and, in the same transaction, its analysis rows.

        ``analysis`` maps analysis tables (ANALYSIS_TABLES) to frames without
        the run_id column; the run's old rows go from every analysis table.
        """
        frame = pd.DataFrame(rows)
        unknown = set(analysis or {}) - set(ANALYSIS_TABLES)
        if unknown:
            raise ValueError(f"not analysis tables: {sorted(unknown)}; use one of {', '.join(ANALYSIS_TABLES)}")
        with self.transaction():
            for table in ("report_scores",) + ANALYSIS_TABLES:
                self.con.execute(f"DELETE FROM {table} WHERE run_id = ?", [run_id])
            if not frame.empty:
                frame.insert(0, "run_id", run_id)
                self._insert_frame("report_scores", frame)
            for table, part in (analysis or {}).items():
                if not part.empty:
                    part = part.copy()
                    part.insert(0, "run_id", run_id)
                    self._insert_frame(table, part)

    def report_scores(self, run_ids: Sequence[str]) -> pd.DataFrame:
        return self._df(
            "SELECT * FROM report_scores WHERE run_id IN (SELECT unnest(?)) ORDER BY run_id, report_id", [list(run_ids)]
        )

    def scored_run_ids(self) -> list[str]:
        return [row[0] for row in self._rows("SELECT DISTINCT run_id FROM report_scores")]

    def run_timings(self, run_ids: Sequence[str]) -> dict[str, dict[str, float | None]]:
        """Seconds per report and per 100 input tokens of finished tasks."""
        rows = self._rows(
            """
            SELECT run_id, avg(seconds), sum(seconds) FILTER (WHERE input_tokens > 0),
                   sum(input_tokens) FILTER (WHERE input_tokens > 0)
            FROM run_results WHERE status = 'done' AND run_id IN (SELECT unnest(?)) GROUP BY run_id
            """,
            [list(run_ids)],
        )
        return {
            run_id: {
                "sec_per_report": avg,
                "sec_per_100_tokens": (secs / tokens * 100) if tokens else None,
            }
            for run_id, avg, secs, tokens in rows
        }

    # ------------------------------------------------------------------- cache

    def cached_reply(self, request_hash: str) -> dict | None:
        rows = self._rows(
            "SELECT reply_text, prompt_tokens, completion_tokens, seconds, load_seconds, metrics "
            "FROM response_cache WHERE request_hash = ?",
            [request_hash],
        )
        if not rows:
            return None
        text, prompt_tokens, completion_tokens, seconds, load_seconds, metrics = rows[0]
        return {
            "text": text, "prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
            "seconds": seconds, "load_seconds": load_seconds, "metrics": _loads(metrics, {}),
        }

    def cache_reply(self, request_hash: str, *, backend: str, model: str, model_digest: str, request: dict,
                    reply: dict) -> None:
        with self.lock:
            self.con.execute(
                "INSERT OR REPLACE INTO response_cache (request_hash, backend, model, model_digest, request, "
                "reply_text, prompt_tokens, completion_tokens, seconds, load_seconds, metrics) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [request_hash, backend, model, model_digest, _json(request), reply.get("text"),
                 reply.get("prompt_tokens"), reply.get("completion_tokens"), reply.get("seconds"),
                 reply.get("load_seconds"), _json(reply.get("metrics", {}))],
            )

    # ------------------------------------------------------------------- stats

    def summary(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "datasets": self._rows("SELECT count(*) FROM datasets")[0][0],
            "reports": self._rows("SELECT count(*) FROM reports")[0][0],
            "runs": self._rows("SELECT count(*) FROM runs")[0][0],
        }

    # --- analysis
    # Read side of the analysis pages (phi_core/analysis): aggregation happens
    # here in SQL so that pages over tens of thousands of scored reports stay fast.

    def bulk_load(self, frames: dict[str, pd.DataFrame]) -> None:
        """Insert ready-made rows (generated benchmarks and test fixtures) in one transaction."""
        allowed = {"runs", "run_results", "predicted_items", "report_scores", *ANALYSIS_TABLES}
        unknown = set(frames) - allowed
        if unknown:
            raise ValueError(f"bulk_load cannot write {sorted(unknown)}; it writes {', '.join(sorted(allowed))}")
        with self.transaction():
            for table, frame in frames.items():
                self._insert_frame(table, frame)

    def latest_scored_runs(self, dataset: str, split: str | None = None) -> pd.DataFrame:
        """Newest scored run per (backend, model, phase), like evaluation.latest_runs."""
        return self._df(
            f"SELECT run_id, backend, model, phase, repeats, split, created_at FROM ({_LATEST_SCORED_RUNS}) "
            "ORDER BY backend, model, phase",
            [dataset, split],
        )

    def run_identities(self, run_ids: Sequence[str]) -> pd.DataFrame:
        return self._df(
            "SELECT run_id, dataset, split, backend, model, phase, repeats FROM runs "
            "WHERE run_id IN (SELECT unnest(?))",
            [list(run_ids)],
        )

    def run_score_summary(self, run_ids: Sequence[str]) -> pd.DataFrame:
        """Per run: report count, mean score and points, seconds, and pooled counters."""
        dims = ", ".join(f"avg({d}) AS {d}" for d in SCORE_DIMENSION_COLUMNS)
        return self._df(
            f"""
            WITH wanted AS (SELECT unnest(?) AS run_id),
            s AS (
                SELECT run_id, count(*) AS n_reports, avg(score) AS score, {dims},
                       avg(seconds) AS sec_per_report
                FROM report_scores WHERE run_id IN (SELECT run_id FROM wanted) GROUP BY run_id
            ),
            c AS (
                SELECT run_id, sum(strict_tp) AS strict_tp, sum(strict_fp) AS strict_fp,
                       sum(strict_fn) AS strict_fn, sum(relaxed_tp) AS relaxed_tp,
                       sum(relaxed_fp) AS relaxed_fp, sum(relaxed_fn) AS relaxed_fn
                FROM score_categories WHERE run_id IN (SELECT run_id FROM wanted) GROUP BY run_id
            ),
            k AS (
                SELECT run_id, sum(gold_chars) AS gold_chars, sum(leaked_chars) AS leaked_chars
                FROM score_counts WHERE run_id IN (SELECT run_id FROM wanted) GROUP BY run_id
            )
            SELECT s.*, c.* EXCLUDE (run_id), k.* EXCLUDE (run_id)
            FROM s LEFT JOIN c USING (run_id) LEFT JOIN k USING (run_id)
            ORDER BY run_id
            """,
            [list(run_ids)],
        )

    def run_report_scores(self, run_ids: Sequence[str]) -> pd.DataFrame:
        """run_id, report_id, score, seconds: the numbers bootstraps resample."""
        return self._df(
            "SELECT run_id, report_id, score, seconds FROM report_scores "
            "WHERE run_id IN (SELECT unnest(?)) ORDER BY run_id, report_id",
            [list(run_ids)],
        )

    def category_totals(self, run_ids: Sequence[str]) -> pd.DataFrame:
        return self._df(
            """
            SELECT run_id, category, sum(support) AS support,
                   sum(strict_tp) AS strict_tp, sum(strict_fp) AS strict_fp, sum(strict_fn) AS strict_fn,
                   sum(relaxed_tp) AS relaxed_tp, sum(relaxed_fp) AS relaxed_fp, sum(relaxed_fn) AS relaxed_fn
            FROM score_categories WHERE run_id IN (SELECT unnest(?))
            GROUP BY run_id, category ORDER BY run_id, category
            """,
            [list(run_ids)],
        )

    def error_type_totals(self, run_ids: Sequence[str], types: Sequence[str]) -> pd.DataFrame:
        """Every (run, type) pair, zero when the run made no such error."""
        return self._df(
            """
            WITH wanted AS (SELECT DISTINCT unnest(?) AS run_id),
            kinds AS (SELECT unnest(?) AS type, generate_subscripts(?, 1) AS ordinal),
            counted AS (
                SELECT run_id, type, count(*) AS n FROM score_errors
                WHERE run_id IN (SELECT run_id FROM wanted) GROUP BY run_id, type
            )
            SELECT w.run_id, k.type, coalesce(c.n, 0) AS count
            FROM wanted w CROSS JOIN kinds k LEFT JOIN counted c ON c.run_id = w.run_id AND c.type = k.type
            ORDER BY w.run_id, k.ordinal
            """,
            [list(run_ids), list(types), list(types)],
        )

    def pair_totals(self, run_ids: Sequence[str]) -> pd.DataFrame:
        return self._df(
            """
            SELECT gold_category, pred_category AS predicted_category, sum(n) AS count
            FROM score_pairs WHERE run_id IN (SELECT unnest(?))
            GROUP BY ALL ORDER BY gold_category, count DESC, predicted_category
            """,
            [list(run_ids)],
        )

    def script_totals(self, run_ids: Sequence[str]) -> pd.DataFrame:
        return self._df(
            """
            SELECT run_id, script, sum(found) AS found, sum(total) AS total,
                   sum(found) / nullif(sum(total), 0) AS recall
            FROM score_scripts WHERE run_id IN (SELECT unnest(?))
            GROUP BY run_id, script ORDER BY run_id, script
            """,
            [list(run_ids)],
        )

    def error_rows(self, run_id: str, *, error_type: str | None = None, category: str | None = None,
                   limit: int = 50) -> pd.DataFrame:
        """Errors of one run with the text of their report, in report order."""
        clauses, params = ["e.run_id = ?"], [run_id]
        if error_type:
            clauses.append("e.type = ?")
            params.append(error_type)
        if category:
            clauses.append("(e.category = ? OR e.pred_label = ?)")
            params.extend([category, category])
        params.append(int(limit))
        return self._df(
            f"""
            SELECT e.report_id, e.type, e.category, e.gold_text, e.pred_label, e.pred_value,
                   e.start_pos AS start, e.end_pos AS "end", e.gold_start, e.gold_end, e.pred_start, e.pred_end,
                   r.text AS report_text
            FROM score_errors e
            JOIN runs u ON u.run_id = e.run_id
            LEFT JOIN reports r ON r.dataset = u.dataset AND r.report_id = e.report_id
            WHERE {' AND '.join(clauses)}
            ORDER BY r.ordinal NULLS LAST, e.report_id, e.start_pos NULLS LAST, e.type
            LIMIT ?
            """,
            params,
        )

    def gold_span_outcomes(self, run_a: str, run_b: str) -> pd.DataFrame:
        """Each current gold span of the reports both runs scored, found (not missed) by a and b.

        Found means "no missed error at this span", so it follows the gold as it
        was when the runs were scored; re-score both after editing the gold.
        """
        return self._df(
            """
            WITH a AS (SELECT report_id FROM report_scores WHERE run_id = ?),
            b AS (SELECT report_id FROM report_scores WHERE run_id = ?),
            both_scored AS (SELECT report_id FROM a INTERSECT SELECT report_id FROM b),
            missed AS (
                SELECT run_id, report_id, start_pos, end_pos FROM score_errors
                WHERE type = 'missed' AND run_id IN (?, ?)
            )
            SELECT g.report_id, g.category, g.span_text AS gold_text, g.start_pos AS start, g.end_pos AS "end",
                   NOT EXISTS (SELECT 1 FROM missed m WHERE m.run_id = ? AND m.report_id = g.report_id
                               AND m.start_pos = g.start_pos AND m.end_pos = g.end_pos) AS found_a,
                   NOT EXISTS (SELECT 1 FROM missed m WHERE m.run_id = ? AND m.report_id = g.report_id
                               AND m.start_pos = g.start_pos AND m.end_pos = g.end_pos) AS found_b
            FROM gold_spans g
            WHERE g.dataset = (SELECT dataset FROM runs WHERE run_id = ?)
              AND g.report_id IN (SELECT report_id FROM both_scored)
            ORDER BY g.report_id, g.start_pos, g.end_pos
            """,
            [run_a, run_b, run_a, run_b, run_a, run_b, run_a],
        )

    def phase_report_scores(self, dataset: str, split: str | None = None, *,
                            phases: Sequence[str] | None = None) -> pd.DataFrame:
        """backend, model, phase, run_id, report_id, score, seconds of each latest scored run
        (of the given phases only, when phases are given)."""
        wanted = "" if phases is None else "WHERE l.phase IN (SELECT unnest(?))"
        return self._df(
            f"""
            WITH latest AS ({_LATEST_SCORED_RUNS})
            SELECT l.backend, l.model, l.phase, s.run_id, s.report_id, s.score, s.seconds
            FROM latest l JOIN report_scores s USING (run_id)
            {wanted}
            ORDER BY l.backend, l.model, l.phase, s.report_id
            """,
            [dataset, split] + ([] if phases is None else [[str(p) for p in phases]]),
        )

    # --- runs page

    _JOB_FIELDS = frozenset({"status", "run_id", "error", "started_at", "finished_at"})

    def save_job(self, job_id: str, job: dict, *, description: str = "", status: str = "queued") -> None:
        with self.lock:
            self.con.execute(
                "INSERT INTO jobs (job_id, job, description, status) VALUES (?, ?, ?, ?)",
                [job_id, _json(job), description, status],
            )

    def update_job(self, job_id: str, **fields: Any) -> None:
        unknown = set(fields) - self._JOB_FIELDS
        if unknown:
            raise ValueError(f"cannot update job fields {sorted(unknown)}")
        if not fields:
            return
        sets = ", ".join(f"{name} = ?" for name in fields)
        with self.lock:
            self.con.execute(f"UPDATE jobs SET {sets} WHERE job_id = ?", [*fields.values(), job_id])

    def stored_jobs(self, *, statuses: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Jobs of the Runs page, oldest first, the job itself parsed."""
        where, params = "", []
        if statuses:
            where, params = "WHERE status IN (SELECT unnest(?))", [list(statuses)]
        rows = self._rows(
            "SELECT job_id, job, description, status, run_id, error, created_at, started_at, finished_at "
            f"FROM jobs {where} ORDER BY created_at, job_id",
            params,
        )
        names = ("job_id", "job", "description", "status", "run_id", "error", "created_at", "started_at",
                 "finished_at")
        return [{**dict(zip(names, row)), "job": _loads(row[1], {})} for row in rows]

    def split_counts(self, dataset: str) -> dict[str, int]:
        rows = self._rows("SELECT split, count(*) FROM reports WHERE dataset = ? GROUP BY split", [dataset])
        return {split: n for split, n in rows}

    def run_task_counts(self) -> dict[str, dict[str, float]]:
        """Per run: finished and failed tasks and their mean seconds, in one query."""
        rows = self._rows(
            "SELECT run_id, count(*) FILTER (WHERE status = 'done'), count(*) FILTER (WHERE status = 'failed'), "
            "avg(seconds) FILTER (WHERE status = 'done') FROM run_results GROUP BY run_id"
        )
        return {run_id: {"done": done, "failed": failed, "sec_per_report": secs}
                for run_id, done, failed, secs in rows}

    def run_score_means(self) -> dict[str, float]:
        rows = self._rows("SELECT run_id, avg(score) FROM report_scores GROUP BY run_id")
        return {run_id: mean for run_id, mean in rows}

    def timing_history(self) -> pd.DataFrame:
        """Seconds spent on finished tasks, summed per (backend, model, phase) of every run."""
        return self._df(
            """
            SELECT r.backend, r.model, r.phase, count(*) AS tasks, sum(x.seconds) AS seconds
            FROM run_results x JOIN runs r USING (run_id)
            WHERE x.status = 'done' AND x.seconds IS NOT NULL
            GROUP BY r.backend, r.model, r.phase
            """
        )


# Newest scored run of each (backend, model, phase) of a dataset and split
# (parameters: dataset, split); ties in created_at go to the later insert.
_LATEST_SCORED_RUNS = """
    SELECT * EXCLUDE (newest) FROM (
        SELECT r.*, row_number() OVER (
            PARTITION BY backend, model, phase ORDER BY created_at DESC, r.rowid DESC) AS newest
        FROM runs r
        WHERE dataset = ? AND split IS NOT DISTINCT FROM ?
          AND EXISTS (SELECT 1 FROM report_scores s WHERE s.run_id = r.run_id)
    ) WHERE newest = 1
"""


def _gold_state(report: Report) -> dict:
    return {
        "status": report.status,
        "spans": [{"start": s.start, "end": s.end, "category": s.category, "text": s.text} for s in report.spans],
    }


def _run_record(row: tuple) -> RunRecord:
    (run_id, job_key, dataset, split, backend, model, phase, phase_key, host, model_digest, model_meta, options,
     provenance, repeats, status, tasks_total, created_at, started_at, finished_at, error) = row
    return RunRecord(
        run_id=run_id, job_key=job_key, dataset=dataset, split=split, backend=backend, model=model, phase=phase,
        phase_key=phase_key, host=host or "", model_digest=model_digest or "", model_meta=_loads(model_meta, {}),
        options=_loads(options, {}), provenance=_loads(provenance, {}), repeats=repeats, status=status,
        tasks_total=tasks_total, created_at=created_at, started_at=started_at, finished_at=finished_at, error=error,
    )
