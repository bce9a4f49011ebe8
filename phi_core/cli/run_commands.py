"""run, runs: starting, resuming and listing model runs."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from contextlib import contextmanager

from phi_core.cli.base import UserError, add_db, command, print_json
from phi_core.models import SPLITS

# After Ctrl-C or SIGTERM, calls still in flight get this long before the run
# ends without them (their tasks run again on resume).
STOP_GRACE_S = 2.0


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number: give a number such as 10") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number: give 1 or more")
    return value


def positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds: give one such as 120") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number of seconds: give one such as 120")
    return value


def _configure_run(p: argparse.ArgumentParser) -> None:
    p.add_argument("--backend", required=True, help="rules, recall-first, ollama, openai or llamacpp")
    p.add_argument("--model", default="", help="model name (LLM backends)")
    p.add_argument(
        "--host",
        action="append",
        default=[],
        help="host URL (Ollama, or an OpenAI-compatible API root such as http://gpu1:8000/v1); "
        "repeat or separate with commas to spread work over hosts "
        "(default: OLLAMA_HOST or PHI_OPENAI_BASE_URL)",
    )
    p.add_argument("--phase", default=None, help="optimisation phase 1-5 (LLM backends)")
    p.add_argument("--dataset", required=True)
    p.add_argument("--split", choices=SPLITS)
    p.add_argument("--repeats", type=positive_int, default=1, help="runs per report, for the stability score")
    p.add_argument("--limit", type=positive_int, help="only the first N reports (a positive number)")
    p.add_argument("--concurrency", type=positive_int, default=1, help="calls at once per host")
    p.add_argument(
        "--timeout",
        type=positive_seconds,
        metavar="SECONDS",
        help="longest wait for one call; a host that takes longer is down for this run",
    )
    p.add_argument(
        "--max-num-ctx",
        type=positive_int,
        metavar="TOKENS",
        help="largest context the run may ask for (default env PHI_MAX_NUM_CTX or 32768)",
    )
    p.add_argument("--json", action="store_true", help="print a JSON summary on stdout")
    add_db(p)


class ProgressBar:
    """tqdm's bar on stderr: done/total, reports per second, time left, and failures.

    tqdm redraws in place on a terminal and at most every ``interval_s``; logs
    of scripted runs get the final line.
    """

    def __init__(self, stream=sys.stderr, width: int | None = None, interval_s: float = 0.1):
        self.stream = stream
        self.width = width
        self.interval_s = interval_s
        self.bar = None
        self.lock = threading.Lock()

    def __call__(self, p) -> None:
        from tqdm import tqdm

        with self.lock:
            finished = p.done + p.failed
            if self.bar is None:
                self.bar = tqdm(
                    total=p.total,
                    unit="report",
                    file=self.stream,
                    mininterval=self.interval_s,
                    ncols=self.width,
                    disable=None if hasattr(self.stream, "isatty") and self.stream.isatty() else True,
                )
            self.bar.set_postfix_str(f"failed {p.failed}", refresh=False)
            self.bar.update(finished - self.bar.n)
            if p.finished:
                self.bar.close()
                if self.bar.disable:  # not a terminal: one summary line
                    self.stream.write(f"{finished}/{p.total} reports, failed {p.failed}\n")
                    self.stream.flush()


@contextmanager
def stop_on_signals(cancel: threading.Event):
    """Ctrl-C and SIGTERM ask the run to stop: it saves, ends 'interrupted' and releases the database.

    A second Ctrl-C stops at once, as usual.
    """
    previous = {}

    def ask_to_stop(signum, _frame):
        if cancel.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        cancel.set()
        sys.stderr.write("\nstopping: saving finished tasks (Ctrl-C again to quit at once)\n")

    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            previous[sig] = signal.signal(sig, ask_to_stop)
        except ValueError:  # not the main thread (tests driving main()): nothing to install
            pass
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@command("run", "run an extractor over a dataset (resumes an unfinished run of the same job)", _configure_run)
def cmd_run(args: argparse.Namespace) -> int:
    from phi_core.analysis.leaderboard_records import run_record
    from phi_core.scoring.stored_runs import score_run
    from phi_core.backends.hosts import hosts_for
    from phi_core.phases import PhaseError
    from phi_core.runs import Job, Runner
    from phi_core.runs.extractor_factory import build_extractors
    from phi_core.store import Store

    from phi_core.runs.extractor_factory import backend_names

    if args.backend not in backend_names():
        raise UserError(f"there is no backend called {args.backend!r}: choose one of {', '.join(backend_names())}")
    if args.backend not in ("rules", "recall-first") and not args.phase:
        raise UserError("LLM runs need --phase (1-5): see `python -m phi_core phases`")
    job = Job(
        dataset=args.dataset,
        backend=args.backend,
        model=args.model,
        phase=str(args.phase or "-"),
        split=args.split,
        repeats=args.repeats,
        limit=args.limit,
        concurrency=args.concurrency,
        hosts=tuple(hosts_for(args.backend, args.host)),
        timeout_s=args.timeout,
        max_num_ctx=args.max_num_ctx,
    )
    cancel = threading.Event()
    with Store(args.db) as store:
        try:
            extractors = build_extractors(job, store)
        except PhaseError as exc:
            raise UserError(str(exc)) from None
        runner = Runner(
            store,
            job,
            extractors,
            progress=ProgressBar(),
            scorer=score_run,
            cancel=cancel,
            cancel_status="interrupted",
            cancel_grace_s=STOP_GRACE_S,
        )
        with stop_on_signals(cancel):
            summary = runner.run()
        out = summary.to_dict()
        # The run's leaderboard record: the numbers `leaderboard --json` and the pages show.
        record = run_record(store, summary.run_id)
        if record is not None:
            out.update(
                {
                    k: record[k]
                    for k in (
                        "n_reports",
                        "score",
                        "score_ci",
                        "strict_f1",
                        "relaxed_f1",
                        "char_leak_rate",
                        "sec_per_report",
                    )
                }
            )
    if args.json:
        print_json(out)
    else:
        score = out.get("score")
        sys.stderr.write(
            f"run {out['run_id']}: {out['tasks_done']}/{out['tasks_total']} tasks done, {out['tasks_failed']} failed, "
            f"{out['backend_calls']} backend calls" + (f", score {score:.1f}" if score is not None else "") + "\n"
        )
        for line in summary_warnings(out):
            sys.stderr.write(line + "\n")
    if out["status"] == "interrupted":
        sys.stderr.write("interrupted: finished tasks are saved; run the same command again to resume\n")
        return 130
    return 0 if out["status"] in ("done", "cancelled") else 1


def summary_warnings(out: dict) -> list[str]:
    """Lines that keep a doubtful run from looking fine: invalid calls, unreadable replies, the stop reason."""
    lines = []
    invalid = {code: n for code, n in (out.get("validity") or {}).items() if n}
    if invalid:
        counts = ", ".join(f"{code} {n}" for code, n in invalid.items())
        lines.append(f"warning: calls that cannot be trusted as a measure of the model: {counts}")
    if out.get("unparseable_replies"):
        lines.append(
            f"warning: {out['unparseable_replies']} replies could not be read; first: {out.get('first_parse_error')}"
        )
    if out.get("status") == "failed" and out.get("errors"):
        lines.append(f"error: {out['errors'][0]}")
    return lines


def _configure_runs(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dataset")
    add_db(p)


@command("runs", "list runs with their status and provenance", _configure_runs)
def cmd_runs(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from phi_core.store import Store

    with Store(args.db) as store:
        out = []
        runs = store.runs(args.dataset)
        checks = store.run_validity([run.run_id for run in runs])
        for run in runs:
            row = asdict(run)
            row.update(store.run_progress(run.run_id))
            row.update(checks[run.run_id])
            out.append(row)
    print_json(out)
    return 0
