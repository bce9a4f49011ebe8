"""Jobs of the Runs page, kept so they survive an app restart."""

from __future__ import annotations

from typing import Any, Sequence

from phi_core.store.base import StoreBase, _json, _loads


class JobTables(StoreBase):
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
        names = ("job_id", "job", "description", "status", "run_id", "error", "created_at", "started_at", "finished_at")
        return [{**dict(zip(names, row)), "job": _loads(row[1], {})} for row in rows]
