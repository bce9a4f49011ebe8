"""Everything that runs a job, read top to bottom without an import going back up:

job (what to run) -> cache (replies answered from the store) -> extractors
(the extractor factory: rules, or one phase extractor per reachable host) ->
runner (resumable tasks, hosts, validity, stored results; run_session what one
sitting saw and how the run ends) -> live_work (what
this process is working on) -> interrupted_work (unfinished work left by a
process that is gone, and the jobs that resume it) -> manager (the app's
queue of jobs in background threads).
"""

from phi_core.runs.job import Job, job_key
from phi_core.runs.runner import Progress, Runner, RunSummary

__all__ = ["Job", "Progress", "RunSummary", "Runner", "job_key"]
