"""Running extractors over datasets: jobs, resumable runs, progress."""

from phi_core.runner.job import Job, job_key
from phi_core.runner.runner import Progress, Runner, RunSummary

__all__ = ["Job", "Progress", "RunSummary", "Runner", "job_key"]
