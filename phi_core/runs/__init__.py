"""Everything that runs a job, read top to bottom without an import going back up:

job (what to run) -> cache (replies answered from the store) -> extractors
(the extractor factory: rules, or one phase extractor per reachable host) ->
runner (resumable tasks, hosts, validity, stored results; run_session what one
sitting saw and how the run ends) -> live_work (what
this process is working on) -> interrupted_work (unfinished work left by a
process that is gone, and the jobs that resume it) -> manager (the app's
queue of jobs in background threads).

``Runner`` and its companions load on first use, so a module of this package
(the job, the extractor factory) can be imported without the runner, the
store and pandas.
"""

from __future__ import annotations

import importlib

_HOMES = {
    "Job": "phi_core.runs.job",
    "job_key": "phi_core.runs.job",
    "Progress": "phi_core.runs.runner",
    "Runner": "phi_core.runs.runner",
    "RunSummary": "phi_core.runs.runner",
}

__all__ = ["Job", "Progress", "RunSummary", "Runner", "job_key"]


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
