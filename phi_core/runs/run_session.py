"""One sitting of a run, as the runner's writing thread sees it: the model's identity, unreadable
replies, the row each finished task leaves, and the status the run ends with and why.
"""

from __future__ import annotations

from dataclasses import asdict

from phi_core import taxonomy
from phi_core.extractors.base import ExtractionOutcome
from phi_core.models import Report
from phi_core.store import TaskResult
from phi_core.violations import MODEL_CHANGED


class RunSession:
    """What this sitting of a run has seen: the model's identity and unreadable replies."""

    def __init__(self) -> None:
        self.model_id: str | None = None
        self.model_changed: str | None = None  # the message, once it happened
        self.tasks = 0
        self.unreadable_tasks = 0
        self.first_parse_error: str | None = None

    def check_model(self, outcome: ExtractionOutcome, host: str) -> None:
        """Refuse replies from a model other than the one the run started with."""
        for call in outcome.calls:
            seen = call.metrics.get("model_id") if not call.cached else None
            if not seen:
                continue
            if self.model_id is None:
                self.model_id = seen
            elif seen != self.model_id:
                if self.model_changed is None:
                    self.model_changed = (
                        f"stopped: the model changed during the run (host {host or '?'} now serves "
                        f"{_short(seen)}, the run started with {_short(self.model_id)}); results of two models "
                        "are not mixed. Check which model the hosts serve and start the run again."
                    )
                outcome.error = outcome.error or self.model_changed
                outcome.validity = dict(outcome.validity or {})
                outcome.validity[MODEL_CHANGED] = outcome.validity.get(MODEL_CHANGED, 0) + 1
                outcome.items = []
                return

    def add(self, outcome: ExtractionOutcome) -> None:
        if outcome.error or not outcome.calls:
            return
        self.tasks += 1
        if outcome.unparseable_replies:
            self.unreadable_tasks += 1
            if self.first_parse_error is None:
                self.first_parse_error = outcome.parse_error


def final_status(
    session: RunSession,
    *,
    failed: int,
    errors: list[str],
    down_hosts: list[str],
    down_reasons: list[str],
    left: int,
    cancelled: bool,
    cancel_status: str,
) -> tuple[str, str | None]:
    """The run's final status and the one line that says why, when it did not simply finish."""
    if session.model_changed:
        return "failed", session.model_changed
    if cancelled and left:
        return cancel_status, None
    if down_hosts and left:
        reasons = "; ".join(dict.fromkeys(down_reasons))
        return "failed", (
            f"stopped: no host is left ({', '.join(down_hosts)} down: {reasons}). {left} task(s) were not sent; "
            "start a host again (or add one) and run the same job to resume."
        )
    if session.tasks and session.unreadable_tasks == session.tasks:
        return "failed", (
            f"none of the {session.tasks} replies could be read (first: {session.first_parse_error}); "
            "the model is not following the output format: try another phase or model."
        )
    if failed:
        return "failed", f"{failed} task(s) failed; first error: {errors[0]}" if errors else None
    return "done", None


def _short(model_id: str) -> str:
    return model_id if len(model_id) <= 24 else model_id[:24] + "…"


def task_result(report: Report, repeat: int, outcome: ExtractionOutcome) -> TaskResult:
    items = [(item.category, taxonomy.canonical(item.category), item.value) for item in outcome.items]
    return TaskResult(
        report_id=report.id,
        repeat_idx=repeat,
        status="failed" if outcome.error else "done",
        raw_output=outcome.raw,
        items=items,
        violations=list(outcome.violations),
        calls=[asdict(c) for c in outcome.calls],
        seconds=outcome.seconds,
        prompt_tokens=outcome.prompt_tokens,
        completion_tokens=outcome.completion_tokens,
        input_tokens=outcome.input_tokens,
        backend_calls=outcome.backend_calls,
        error=outcome.error,
        validity=dict(outcome.validity or {}),
        unparseable_replies=outcome.unparseable_replies,
        parse_error=outcome.parse_error,
        spans=None
        if outcome.spans is None
        else [(s.category, taxonomy.canonical(s.category), s.start, s.end) for s in outcome.spans],
    )
