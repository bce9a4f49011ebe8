"""Adding reports: to one dataset, to many at once, or whole datasets copied from another database."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple, Sequence

import pandas as pd

from phi_core.models import Report
from phi_core.store.base import StoreBase, _json
from phi_core.store.database import StoreError
from phi_core.store.keys import quoted_key

# The tables that hold a dataset's content when it is first added (no runs, layers or audit yet).
DATASET_CONTENT_TABLES = ("datasets", "reports", "gold_spans")
_SOURCE_ALIAS = "dataset_source"
_TARGET_ALIAS = "dataset_target"


class DatasetExists(StoreError):
    pass


class NewReports(NamedTuple):
    """Reports to add to one dataset (created with these fields when it is new)."""

    dataset: str
    reports: Sequence[Report]
    source: str = ""
    description: str = ""
    provenance: str = "imported"


def _report_frame(batch: NewReports, last_ordinal: int) -> pd.DataFrame:
    reports = batch.reports
    return pd.DataFrame(
        {
            "dataset": batch.dataset,
            "report_id": [r.id for r in reports],
            "text": [r.text for r in reports],
            "split": [r.split for r in reports],
            "status": [r.status for r in reports],
            "ordinal": list(range(last_ordinal + 1, last_ordinal + 1 + len(reports))),
            "warnings": [_json([w.model_dump() for w in r.warnings]) for r in reports],
            "meta": [_json(r.meta) for r in reports],
            "source": batch.source,
            "style": [r.style for r in reports],
        }
    )


def gold_span_frame(batches: Sequence[NewReports]) -> pd.DataFrame:
    """Rows of gold_spans for the batches' reports, one per (start, end, category)."""
    rows = [
        (b.dataset, r.id, s.start, s.end, s.category, s.text, s.format)
        for b in batches
        for r in b.reports
        for s in {(s.start, s.end, s.category): s for s in r.spans}.values()
    ]
    columns = ["dataset", "report_id", "start_pos", "end_pos", "category", "span_text", "format"]
    return pd.DataFrame(rows, columns=columns)


class CorpusImportTables(StoreBase):
    def add_reports(
        self,
        dataset: str,
        reports: Sequence[Report],
        *,
        source: str = "",
        description: str = "",
        provenance: str = "imported",
    ) -> int:
        """Add reports to a dataset in one transaction; existing ids are refused."""
        return self.add_datasets([NewReports(dataset, reports, source, description, provenance)])

    def add_datasets(self, batches: Sequence[NewReports]) -> int:
        """Add reports to several datasets in one transaction and one insert per table.

        A first start adds hundreds of built-in datasets: one insert each would
        cost most of a minute on a small machine.
        """
        for batch in batches:
            ids = [r.id for r in batch.reports]
            if len(set(ids)) != len(ids):
                raise StoreError("the file gives the same report id twice: make the ids unique and import again")
        names = [batch.dataset for batch in batches]
        if len(set(names)) != len(names):
            raise StoreError("the same dataset is named twice in one import: give each its own name")
        with self.transaction():
            self._refuse_existing_ids(batches)
            known = {row[0] for row in self.con.execute("SELECT name FROM datasets").fetchall()}
            new = [b for b in batches if b.dataset not in known]
            if new:
                self._insert_frame(
                    "datasets",
                    pd.DataFrame(
                        {
                            "name": [b.dataset for b in new],
                            "description": [b.description for b in new],
                            "source": [b.source for b in new],
                            "provenance": [b.provenance for b in new],
                        }
                    ),
                )
            last = dict(
                self.con.execute(
                    "SELECT dataset, max(ordinal) FROM reports WHERE dataset IN (SELECT unnest(?)) GROUP BY dataset",
                    [names],
                ).fetchall()
            )
            frames = [_report_frame(b, last.get(b.dataset) or 0) for b in batches if b.reports]
            if frames:
                self._insert_frame("reports", pd.concat(frames, ignore_index=True))
            self._insert_frame("gold_spans", gold_span_frame(batches))
        return sum(len(b.reports) for b in batches)

    def _refuse_existing_ids(self, batches: Sequence[NewReports]) -> None:
        wanted = pd.DataFrame([(b.dataset, r.id) for b in batches for r in b.reports], columns=["dataset", "report_id"])
        if wanted.empty:
            return
        self.con.register("_wanted", wanted)
        try:
            rows = self.con.execute(
                "SELECT r.dataset, r.report_id FROM reports r JOIN _wanted w USING (dataset, report_id)"
            ).fetchall()
        finally:
            self.con.unregister("_wanted")
        if rows:
            dataset = rows[0][0]
            existing = sorted(report_id for name, report_id in rows if name == dataset)
            sample = ", ".join(existing[:5])
            raise DatasetExists(
                f"dataset {dataset!r} already has {len(existing)} of these reports ({sample}...): "
                "import into a new dataset name, or delete the dataset first"
            )

    def copy_datasets(self, source: Path, names: Sequence[str]) -> int:
        """Copy whole datasets from another database file of this schema; returns the reports copied.

        Far cheaper than reading their files again: the first start uses it for
        the built-in datasets. Names this store already has are left alone.
        """
        names = [name for name in names if not self.has_dataset(name)]
        if not names:
            return 0
        with self.lock:
            self.con.execute(f"ATTACH {quoted_key(str(source))} AS {_SOURCE_ALIAS} (READ_ONLY)")
            try:
                with self.transaction():
                    for table in DATASET_CONTENT_TABLES:
                        columns = ", ".join(self._columns(table))
                        key = "name" if table == "datasets" else "dataset"
                        self.con.execute(
                            f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {_SOURCE_ALIAS}.{table} "
                            f"WHERE {key} IN (SELECT unnest(?))",
                            [names],
                        )
                return self._rows("SELECT count(*) FROM reports WHERE dataset IN (SELECT unnest(?))", [names])[0][0]
            finally:
                self.con.execute(f"DETACH {_SOURCE_ALIAS}")

    def export_datasets(self, target: Path, names: Sequence[str]) -> None:
        """Write these datasets' content tables into a new plain database file at target."""
        with self.lock:
            self.con.execute(f"ATTACH {quoted_key(str(target))} AS {_TARGET_ALIAS}")
            try:
                for table in DATASET_CONTENT_TABLES:
                    key = "name" if table == "datasets" else "dataset"
                    self.con.execute(
                        f"CREATE TABLE {_TARGET_ALIAS}.{table} AS SELECT * FROM {table} "
                        f"WHERE {key} IN (SELECT unnest(?))",
                        [list(names)],
                    )
                self.con.execute(f"CHECKPOINT {_TARGET_ALIAS}")
            finally:
                self.con.execute(f"DETACH {_TARGET_ALIAS}")

    def _columns(self, table: str) -> list[str]:
        """The table's columns but those stamped with the time of writing, which a copy stamps anew."""
        rows = self._rows(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = ? AND database_name = current_database() "
            "AND coalesce(column_default, '') NOT ILIKE '%current_timestamp%' ORDER BY column_index",
            [table],
        )
        return [row[0] for row in rows]
