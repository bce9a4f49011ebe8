"""What the audit export reads: every label change of every layer, and which model and prompt made each run."""

from __future__ import annotations

import pandas as pd

from phi_core.store.base import StoreBase


class AuditTables(StoreBase):
    def label_audit(self, dataset: str | None = None) -> pd.DataFrame:
        """Who changed which label when, every layer, oldest first (for the CSV export)."""
        where, params = ("WHERE dataset = ?", [dataset]) if dataset else ("", [])
        return self._df(
            "SELECT audit_id, dataset, report_id, CASE WHEN coalesce(layer, '') = '' THEN 'gold' ELSE layer END "
            "AS layer, actor, changed_at, action, version_before, version_after, undone_by, before, after "
            f"FROM gold_audit {where} ORDER BY audit_id",
            params,
        )

    def run_provenance(self, dataset: str | None = None) -> pd.DataFrame:
        """Which runs were made with which model (and digest) and which phase prompt version."""
        where, params = ("WHERE r.dataset = ?", [dataset]) if dataset else ("", [])
        return self._df(
            "SELECT r.run_id, r.dataset, r.split, r.backend, r.model, r.model_digest, r.phase, r.phase_key, "
            "p.version AS phase_version, p.hash AS prompt_hash, array_to_string(from_json(r.hosts, '[\"VARCHAR\"]'), ', ') AS host, r.status, r.created_at, r.finished_at, "
            "r.options, r.provenance FROM runs r LEFT JOIN phases p ON p.phase_key = r.phase_key "
            f"{where} ORDER BY r.created_at",
            params,
        )
