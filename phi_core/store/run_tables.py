"""Runs, their finished tasks, predicted items and timings."""

from __future__ import annotations

import os
import time
import uuid
from dataclasses import replace
from typing import Any, Sequence

import pandas as pd

from phi_core.store.base import StoreBase, _json, _loads
from phi_core.store.records import _RUN_COLUMNS, RunRecord, TaskResult, _run_record
from phi_core.violations import VALIDITY_CODES

# Who this process is, for the runs it owns (a pid alone can be reused).
PROCESS_OWNER = f"{os.getpid()}-{time.time():.6f}"
UNFINISHED_RUN_STATUSES = ("queued", "running")


class RunTables(StoreBase):
    def _on_open(self) -> None:
        super()._on_open()
        if not self.read_only:
            self.mark_stale_runs_interrupted()

    def mark_stale_runs_interrupted(self) -> int:
        """Runs left unfinished by a process that is gone become 'interrupted' (resumable).

        Only one process can hold the database for writing, so when this one
        does, no other process is running anything.
        """
        with self.lock:
            rows = self.con.execute(
                "UPDATE runs SET status = 'interrupted', error = coalesce(error, ?) "
                "WHERE status IN (SELECT unnest(?)) AND coalesce(owner, '') <> ? RETURNING run_id",
                [
                    "the process running it stopped before it finished; run the same job again to resume",
                    list(UNFINISHED_RUN_STATUSES),
                    PROCESS_OWNER,
                ],
            ).fetchall()
        return len(rows)

    def _seen_fresh(self, record: RunRecord) -> RunRecord:
        """Read-only views cannot write, but show a dead process's run as it is: interrupted."""
        if self.read_only and record.status in UNFINISHED_RUN_STATUSES:
            return replace(record, status="interrupted")
        return record

    def find_run(self, job_key: str) -> RunRecord | None:
        rows = self._rows(
            f"SELECT {_RUN_COLUMNS} FROM runs WHERE job_key = ? ORDER BY created_at DESC LIMIT 1", [job_key]
        )
        return self._seen_fresh(_run_record(rows[0])) if rows else None

    def run(self, run_id: str) -> RunRecord | None:
        rows = self._rows(f"SELECT {_RUN_COLUMNS} FROM runs WHERE run_id = ?", [run_id])
        return self._seen_fresh(_run_record(rows[0])) if rows else None

    def create_run(
        self,
        *,
        job_key: str,
        dataset: str,
        split: str | None,
        backend: str,
        model: str,
        phase: str,
        phase_key: str | None,
        hosts: Sequence[str] = (),
        model_digest: str,
        model_meta: dict,
        options: dict,
        provenance: dict,
        repeats: int,
        tasks_total: int,
    ) -> RunRecord:
        run_id = uuid.uuid4().hex[:12]
        with self.lock:
            self.con.execute(
                "INSERT INTO runs (run_id, job_key, dataset, split, backend, model, phase, phase_key, hosts, "
                "model_digest, model_meta, options, provenance, repeats, status, tasks_total) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?)",
                [
                    run_id,
                    job_key,
                    dataset,
                    split,
                    backend,
                    model,
                    phase,
                    phase_key,
                    _json([h for h in hosts if h]),
                    model_digest,
                    _json(model_meta),
                    _json(options),
                    _json(provenance),
                    repeats,
                    tasks_total,
                ],
            )
        return self.run(run_id)

    def update_run(self, run_id: str, **fields: Any) -> None:
        allowed = {
            "status",
            "tasks_total",
            "started_at",
            "finished_at",
            "error",
            "model_meta",
            "model_digest",
            "provenance",
            "hosts",
            "owner",
        }
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
        rows = self._rows(f"SELECT {_RUN_COLUMNS} FROM runs {where} ORDER BY created_at", params)
        return [self._seen_fresh(_run_record(r)) for r in rows]

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
            for table in ("run_results", "predicted_items", "predicted_spans"):
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
                        **{code: [int((r.validity or {}).get(code, 0)) for r in results] for code in VALIDITY_CODES},
                        "unparseable_replies": [r.unparseable_replies for r in results],
                        "parse_error": [r.parse_error for r in results],
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
            spans = [
                (r.report_id, r.repeat_idx, idx, label, category, start, end)
                for r in results
                for idx, (label, category, start, end) in enumerate(r.spans or ())
            ]
            if spans:
                columns = ["report_id", "repeat_idx", "span_idx", "label", "category", "start_pos", "end_pos"]
                frame = pd.DataFrame(spans, columns=columns)
                frame.insert(0, "run_id", run_id)
                self._insert_frame("predicted_spans", frame)

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
            {
                "report_id": r[0],
                "repeat_idx": r[1],
                "violations": _loads(r[2], []),
                "seconds": r[3],
                "input_tokens": r[4],
            }
            for r in rows
        ]

    def item_tuples(self, run_id: str) -> list[tuple[str, int, str, str]]:
        """(report_id, repeat_idx, label, value) of every predicted item, in order."""
        return self._rows(
            "SELECT report_id, repeat_idx, label, value FROM predicted_items WHERE run_id = ? "
            "ORDER BY report_id, repeat_idx, item_idx",
            [run_id],
        )

    def span_tuples(self, run_id: str) -> list[tuple[str, int, str, int, int]]:
        """(report_id, repeat_idx, label, start, end) of every located span, in order."""
        return self._rows(
            "SELECT report_id, repeat_idx, label, start_pos, end_pos FROM predicted_spans WHERE run_id = ? "
            "ORDER BY report_id, repeat_idx, span_idx",
            [run_id],
        )

    def located_spans(self, run_id: str) -> dict[tuple[str, int], list[tuple[str, int, int]]]:
        """(report_id, repeat_idx) -> its located spans (label, start, end); tasks of the item model are absent."""
        out: dict[tuple[str, int], list[tuple[str, int, int]]] = {}
        for report_id, repeat, label, start, end in self.span_tuples(run_id):
            out.setdefault((report_id, repeat), []).append((label, start, end))
        return out

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

    def run_validity(self, run_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Per run: calls that earned each validity code, unreadable replies and the first parse error."""
        sums = ", ".join(f"coalesce(sum({code}), 0)" for code in VALIDITY_CODES)
        rows = self._rows(
            f"SELECT run_id, {sums}, coalesce(sum(unparseable_replies), 0), "
            "arg_min(parse_error, report_id) FILTER (WHERE parse_error IS NOT NULL) "
            "FROM run_results WHERE run_id IN (SELECT unnest(?)) GROUP BY run_id",
            [list(run_ids)],
        )
        out = {
            run_id: {"validity": dict.fromkeys(VALIDITY_CODES, 0), "unparseable_replies": 0, "first_parse_error": None}
            for run_id in run_ids
        }
        for row in rows:
            counts = [int(v) for v in row[1 : 1 + len(VALIDITY_CODES)]]
            out[row[0]] = {
                "validity": dict(zip(VALIDITY_CODES, counts)),
                "unparseable_replies": int(row[-2]),
                "first_parse_error": row[-1],
            }
        return out

    def run_task_counts(self) -> dict[str, dict[str, float]]:
        """Per run: finished and failed tasks and their mean seconds, in one query."""
        rows = self._rows(
            "SELECT run_id, count(*) FILTER (WHERE status = 'done'), count(*) FILTER (WHERE status = 'failed'), "
            "avg(seconds) FILTER (WHERE status = 'done') FROM run_results GROUP BY run_id"
        )
        return {run_id: {"done": done, "failed": failed, "sec_per_report": secs} for run_id, done, failed, secs in rows}

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
