"""run, runs: starting, resuming and listing model runs."""

from __future__ import annotations

import argparse
import sys
import threading
import time

from phi_core.cli.base import UserError, add_db, command, print_json
from phi_core.models import SPLITS


def _configure_run(p: argparse.ArgumentParser) -> None:
    p.add_argument("--backend", required=True, help="rules, ollama, openai or llamacpp")
    p.add_argument("--model", default="", help="model name (LLM backends)")
    p.add_argument("--host", action="append", default=[],
                   help="host URL (Ollama, or an OpenAI-compatible API root such as http://gpu1:8000/v1); "
                        "repeat or separate with commas to spread work over hosts "
                        "(default: OLLAMA_HOST or PHI_OPENAI_BASE_URL)")
    p.add_argument("--phase", default=None, help="optimisation phase 1-5 (LLM backends)")
    p.add_argument("--dataset", required=True)
    p.add_argument("--split", choices=SPLITS)
    p.add_argument("--repeats", type=int, default=1, help="runs per report, for the stability score")
    p.add_argument("--limit", type=int, help="only the first N reports")
    p.add_argument("--concurrency", type=int, default=1, help="calls at once per host")
    p.add_argument("--json", action="store_true", help="print a JSON summary on stdout")
    add_db(p)


class ProgressBar:
    """One self-rewriting line on stderr with done/total, failures and ETA.

    Redrawn at most ten times a second, and only on a terminal: logs of
    scripted runs get the final line alone.
    """

    def __init__(self, stream=sys.stderr, width: int = 30, interval_s: float = 0.1):
        self.stream = stream
        self.width = width
        self.interval_s = interval_s
        self.interactive = hasattr(stream, "isatty") and stream.isatty()
        self.last_draw = 0.0
        self.lock = threading.Lock()

    def __call__(self, p) -> None:
        with self.lock:
            now = time.monotonic()
            if not p.finished and (not self.interactive or now - self.last_draw < self.interval_s):
                return
            self.last_draw = now
            finished = p.done + p.failed
            filled = int(self.width * finished / p.total) if p.total else self.width
            eta = "--" if p.eta_s is None else f"{p.eta_s:,.0f}s"
            line = (f"[{'#' * filled}{'.' * (self.width - filled)}] {finished}/{p.total} "
                    f"failed {p.failed} ETA {eta} ")
            self.stream.write(("\r" if self.interactive else "") + line + ("\n" if p.finished else ""))
            self.stream.flush()


@command("run", "run an extractor over a dataset (resumes an unfinished run of the same job)", _configure_run)
def cmd_run(args: argparse.Namespace) -> int:
    from phi_core.evaluation import leaderboard_row, score_run
    from phi_core.backends.hosts import hosts_for
    from phi_core.extractors.registry import UnknownBackend, build_extractors
    from phi_core.runner import Job, Runner
    from phi_core.store import Store

    if args.repeats < 1 or args.concurrency < 1:
        raise UserError("--repeats and --concurrency must be at least 1")
    if args.backend != "rules" and not args.phase:
        raise UserError("LLM runs need --phase (1-5): see `python -m phi_core phases`")
    job = Job(
        dataset=args.dataset, backend=args.backend, model=args.model, phase=str(args.phase or "-"),
        split=args.split, repeats=args.repeats, limit=args.limit, concurrency=args.concurrency,
        hosts=tuple(hosts_for(args.backend, args.host)),
    )
    with Store(args.db) as store:
        try:
            extractors = build_extractors(job, store)
        except UnknownBackend as exc:
            raise UserError(str(exc)) from None
        runner = Runner(store, job, extractors, progress=ProgressBar(), scorer=score_run)
        summary = runner.run()
        rows = store.report_scores([summary.run_id])
        out = summary.to_dict()
        if not rows.empty:
            import json

            from phi_core.scoring import ReportScore

            scores = [ReportScore.from_dict(json.loads(d)) for d in rows["details"]]
            agg = leaderboard_row(scores, seconds=list(rows["seconds"]), n_boot=200)
            out.update({k: agg[k] for k in ("n_reports", "score", "score_ci", "strict_f1", "relaxed_f1",
                                            "char_leak_rate", "sec_per_report")})
    if args.json:
        print_json(out)
    else:
        score = out.get("score")
        sys.stderr.write(
            f"run {out['run_id']}: {out['tasks_done']}/{out['tasks_total']} tasks done, {out['tasks_failed']} failed, "
            f"{out['backend_calls']} backend calls"
            + (f", score {score:.1f}" if score is not None else "") + "\n"
        )
    return 0 if out["status"] in ("done", "cancelled") else 1


def _configure_runs(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dataset")
    add_db(p)


@command("runs", "list runs with their status and provenance", _configure_runs)
def cmd_runs(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from phi_core.store import Store

    with Store(args.db) as store:
        out = []
        for run in store.runs(args.dataset):
            row = asdict(run)
            row.update(store.run_progress(run.run_id))
            out.append(row)
    print_json(out)
    return 0
