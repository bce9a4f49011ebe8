"""Phase definitions, one row per version."""

from __future__ import annotations

import pandas as pd

from phi_core.store.base import StoreBase, _json, _loads


class PhaseTables(StoreBase):
    def save_phase(
        self,
        *,
        phase_key: str,
        number: int,
        name: str,
        version: int,
        hash: str,
        definition: dict,
        parent_hash: str | None = None,
        source: str = "shipped",
    ) -> bool:
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
