"""Samples of an archive and their kinds (db/migrations/009_release.sql)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from phi_core.store.base import StoreBase, _json, _loads

SAMPLE_COLUMNS = (
    "archive_name",
    "archive_format",
    "archive_size",
    "archive_digest",
    "n_requested",
    "n_sampled",
    "seed",
    "strata",
    "method",
    "silhouette",
)


class ReleaseTables(StoreBase):
    def save_sample(
        self,
        dataset: str,
        meta: dict[str, Any],
        kinds: list[dict[str, Any]],
        report_kinds: dict[str, str],
        *,
        pipeline: str | None,
        pipeline_definition: dict | None,
    ) -> None:
        """Sampling metadata, the archive's kind sizes and each sampled report's kind, in one transaction."""
        with self.transaction():
            self.con.execute("DELETE FROM release_samples WHERE dataset = ?", [dataset])
            self.con.execute("DELETE FROM release_kinds WHERE dataset = ?", [dataset])
            columns = ", ".join(("dataset", *SAMPLE_COLUMNS, "pipeline", "pipeline_definition"))
            marks = ", ".join("?" * (len(SAMPLE_COLUMNS) + 3))
            self.con.execute(
                f"INSERT INTO release_samples ({columns}) VALUES ({marks})",
                [dataset, *(meta[c] for c in SAMPLE_COLUMNS), pipeline, _json(pipeline_definition)],
            )
            frame = pd.DataFrame(kinds, columns=["kind", "name", "archive_count", "sampled_count", "typical_lines"])
            frame["typical_lines"] = frame["typical_lines"].map(_json)
            frame.insert(0, "dataset", dataset)
            self._insert_frame("release_kinds", frame)
            pairs = pd.DataFrame({"report_id": list(report_kinds), "kind": list(report_kinds.values())})
            self.con.register("_kinds", pairs)
            try:
                self.con.execute(
                    "UPDATE reports SET kind = k.kind FROM _kinds k WHERE reports.dataset = ? "
                    "AND reports.report_id = k.report_id",
                    [dataset],
                )
            finally:
                self.con.unregister("_kinds")

    def sample_info(self, dataset: str) -> dict[str, Any] | None:
        """How the dataset was sampled from an archive, or None when it was not."""
        rows = self._rows(
            f"SELECT {', '.join(SAMPLE_COLUMNS)}, pipeline, pipeline_definition, provenance, created_at "
            "FROM release_samples WHERE dataset = ?",
            [dataset],
        )
        if not rows:
            return None
        keys = (*SAMPLE_COLUMNS, "pipeline", "pipeline_definition", "provenance", "created_at")
        info = dict(zip(keys, rows[0]))
        info["pipeline_definition"] = _loads(info["pipeline_definition"], None)
        info["created_at"] = str(info["created_at"])
        return info

    def sample_kinds(self, dataset: str) -> list[dict[str, Any]]:
        rows = self._rows(
            "SELECT kind, name, archive_count, sampled_count, typical_lines FROM release_kinds "
            "WHERE dataset = ? ORDER BY kind",
            [dataset],
        )
        return [
            {"kind": k, "name": n, "archive_count": a, "sampled_count": s, "typical_lines": _loads(t, [])}
            for k, n, a, s, t in rows
        ]

    def report_kinds(self, dataset: str) -> dict[str, str]:
        """report id -> kind, for the reports that have one."""
        rows = self._rows("SELECT report_id, kind FROM reports WHERE dataset = ? AND kind IS NOT NULL", [dataset])
        return dict(rows)

    def delete_dataset(self, dataset: str) -> None:
        super().delete_dataset(dataset)  # type: ignore[misc]  # CorpusTables, later in the Store's bases
        with self.transaction():
            for table in ("release_samples", "release_kinds"):
                self.con.execute(f"DELETE FROM {table} WHERE dataset = ?", [dataset])
