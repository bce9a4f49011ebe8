"""Store: every table family over one connection; all SQL lives in this package."""

from __future__ import annotations

from typing import Any

from phi_core.store.cache import ReplyCacheTable
from phi_core.store.corpus import CorpusTables
from phi_core.store.corpus_import import CorpusImportTables
from phi_core.store.jobs import JobTables
from phi_core.store.phases import PhaseTables
from phi_core.store.pipelines import PipelineTables
from phi_core.store.reference import ReferenceTables
from phi_core.store.release import ReleaseTables
from phi_core.store.run_tables import RunTables
from phi_core.store.scores import ScoreTables
from phi_core.store.team import TeamTables


class Store(
    ReleaseTables,  # first: its delete_dataset also clears the sampling tables, then calls CorpusTables'
    CorpusTables,
    CorpusImportTables,
    ReferenceTables,
    PhaseTables,
    RunTables,
    ScoreTables,
    ReplyCacheTable,
    JobTables,
    PipelineTables,
    TeamTables,
):
    """The project's one entry to the database (one per process)."""

    def summary(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "datasets": self._rows("SELECT count(*) FROM datasets")[0][0],
            "reports": self._rows("SELECT count(*) FROM reports")[0][0],
            "runs": self._rows("SELECT count(*) FROM runs")[0][0],
        }
