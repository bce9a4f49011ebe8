"""The study's reported numbers, kept apart from ours."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from phi_core.store.base import SCORE_DIMENSION_COLUMNS, StoreBase


class ReferenceTables(StoreBase):
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
