"""Stored pipeline definitions (db/migrations/006_pipelines.sql)."""

from __future__ import annotations

from typing import Any

from phi_core.store.base import StoreBase, _json, _loads
from phi_core.store.database import StoreError


class PipelineTables(StoreBase):
    def save_pipeline(self, name: str, definition: dict[str, Any], *, replace: bool = False) -> None:
        """Store a definition; an existing name is refused unless ``replace``."""
        with self.transaction():
            exists = self.con.execute("SELECT 1 FROM pipelines WHERE name = ?", [name]).fetchall()
            if exists and not replace:
                raise StoreError(
                    f"there is already a pipeline called {name!r}: choose another name, or replace it "
                    "(--replace on the command line)"
                )
            if exists:
                self.con.execute(
                    "UPDATE pipelines SET definition = ?, updated_at = current_timestamp WHERE name = ?",
                    [_json(definition), name],
                )
            else:
                self.con.execute("INSERT INTO pipelines (name, definition) VALUES (?, ?)", [name, _json(definition)])

    def pipeline_definition(self, name: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT definition FROM pipelines WHERE name = ?", [name])
        return _loads(rows[0][0], {}) if rows else None

    def pipeline_definitions(self) -> list[tuple[str, dict[str, Any]]]:
        """(name, definition) of every pipeline, oldest first."""
        rows = self._rows("SELECT name, definition FROM pipelines ORDER BY created_at, name")
        return [(name, _loads(definition, {})) for name, definition in rows]

    def delete_pipeline(self, name: str) -> bool:
        with self.lock:
            found = bool(self._rows("SELECT 1 FROM pipelines WHERE name = ?", [name]))
            self.con.execute("DELETE FROM pipelines WHERE name = ?", [name])
        return found

    def first_repeat_values(self, run_ids: list[str]) -> dict[tuple[str, str], list[str]]:
        """(run_id, report_id) -> the distinct predicted values of the first repeat, in one query.

        The read side of the residual-leak view (a masker needs the values only);
        kept beside the pipelines because that view is where pipelines are judged.
        """
        rows = self._rows(
            "SELECT run_id, report_id, list(DISTINCT value ORDER BY value) FROM predicted_items "
            "WHERE repeat_idx = 0 AND run_id IN (SELECT unnest(?)) GROUP BY run_id, report_id",
            [list(run_ids)],
        )
        return {(run_id, report_id): values for run_id, report_id, values in rows}

    def first_repeat_spans(self, run_ids: list[str]) -> dict[tuple[str, str], list[tuple[int, int]]]:
        """(run_id, report_id) -> the located (start, end) spans of the first repeat; item-model tasks are absent."""
        rows = self._rows(
            "SELECT run_id, report_id, list([start_pos, end_pos] ORDER BY start_pos, end_pos) FROM predicted_spans "
            "WHERE repeat_idx = 0 AND run_id IN (SELECT unnest(?)) GROUP BY run_id, report_id",
            [list(run_ids)],
        )
        return {(run_id, report_id): [(int(s), int(e)) for s, e in spans] for run_id, report_id, spans in rows}

    def leak_fingerprint(self, dataset: str) -> tuple:
        """Changes whenever anything the residual-leak view reads changes (scores, gold, reports),
        so a page may keep its measured leaks until then."""
        return tuple(
            self._rows(
                """
            SELECT (SELECT count(*) FROM report_scores), (SELECT max(scored_at) FROM report_scores),
                   (SELECT count(*) FROM gold_spans WHERE dataset = ?),
                   (SELECT max(updated_at) FROM reports WHERE dataset = ?),
                   (SELECT max(version) FROM reports WHERE dataset = ?),
                   (SELECT sum(version) FROM reports WHERE dataset = ?)
            """,
                [dataset, dataset, dataset, dataset],
            )[0]
        )
