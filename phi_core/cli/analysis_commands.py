"""threshold: where a phase step (Self-Refine) stops paying off, from the stored runs."""

from __future__ import annotations

import argparse
import math
import sys

from phi_core.cli.base import UserError, add_db, command, print_json
from phi_core.models import SPLITS


# Spelled out so that building the parser does not import scipy (over a second on every
# command); tests check that it matches phi_core.stats.BREAKPOINT_MODELS.
THRESHOLD_METHODS = ("segmented", "split")


def _configure_threshold(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dataset", required=True)
    p.add_argument("--split", choices=SPLITS)
    p.add_argument("--from-phase", default="3", help="phase before the step (default 3)")
    p.add_argument("--to-phase", default="4", help="phase after the step (default 4: Self-Refine)")
    p.add_argument(
        "--method",
        choices=THRESHOLD_METHODS,
        default="split",
        help="split: a jump (the study's description, default); segmented: a bend",
    )
    p.add_argument("--n-boot", type=int, default=1000, help="bootstrap resamples (default 1000)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_db(p)


@command(
    "threshold", "estimate the score above which a phase step (Self-Refine) stops paying off", _configure_threshold
)
def cmd_threshold(args: argparse.Namespace) -> int:
    from phi_core.analysis import threshold_analysis
    from phi_core.store import Store

    if args.n_boot < 1:
        raise UserError("--n-boot must be at least 1 (1000 is usual)")
    with Store(args.db) as store:
        if not store.has_dataset(args.dataset):
            raise UserError(f"there is no dataset called {args.dataset!r}: check the name, or import it first")
        try:
            result = threshold_analysis(
                store,
                args.dataset,
                args.split,
                from_phase=args.from_phase,
                to_phase=args.to_phase,
                method=args.method,
                n_boot=args.n_boot,
            )
        except ValueError as exc:
            raise UserError(str(exc)) from None
    if args.json:
        print_json(result.to_dict())
    else:
        sys.stdout.write(format_threshold(result))
    return 0


def _num(value: float | None, signed: bool = False) -> str:
    if value is None or not math.isfinite(value):
        return "n/a"
    return f"{value:+.1f}" if signed else f"{value:.1f}"


def _ci(interval: tuple[float, float], signed: bool = False) -> str:
    low, high = interval
    if not (math.isfinite(low) and math.isfinite(high)):
        return "CI n/a"
    return f"CI {_num(low, signed)} to {_num(high, signed)}"


def _p(value: float) -> str:
    return "n/a" if not math.isfinite(value) else ("<0.001" if value < 0.001 else f"{value:.3f}")


def format_threshold(result) -> str:
    """The analysis as plain text, one block per part."""
    e = result.estimate
    split = result.split or "all splits"
    lines = [
        f"Step phase {result.from_phase} -> {result.to_phase} on {result.dataset} ({split}), method {e.method}",
        "",
    ]
    lines.append(f"Models with both phases: {len(result.points)}")
    for p in result.points:
        seconds = "n/a" if p.seconds_added is None else f"{p.seconds_added:+.1f} s/report"
        lines.append(
            f"  {p.model}: before {_num(p.before_mean)} ({_ci(p.before_ci)}), gain {_num(p.gain_mean, True)} "
            f"({_ci(p.gain_ci, True)}), {p.n_reports} reports, {seconds}"
        )
    lines.append("")
    if e.ok:
        lines.append(
            f"Threshold: {e.threshold:.1f} (95% {_ci(e.threshold_ci)}), from {e.n_models} models; "
            f"{'supported' if e.threshold_supported else 'NOT supported'} by the permutation test "
            f"(p {_p(e.test_threshold_exists.p)})"
        )
        lines.append(
            f"  below: {e.below.n} models, mean gain {_num(e.below.mean_gain, True)} ({_ci(e.below.ci, True)})"
        )
        lines.append(
            f"  above: {e.above.n} models, mean gain {_num(e.above.mean_gain, True)} ({_ci(e.above.ci, True)})"
        )
        lines.append(
            f"  gain below > 0: t p {_p(e.test_below_positive.parametric.p)}, Wilcoxon p "
            f"{_p(e.test_below_positive.rank.p)}; groups differ (descriptive): Welch p "
            f"{_p(e.test_groups_differ.parametric.p)}, Mann-Whitney p {_p(e.test_groups_differ.rank.p)}"
        )
    lines.append(result.summary)
    lines.append("")
    if result.advice:
        lines.append("Advice:")
        lines += [f"  {model}: {text}" for model, text in result.advice.items()]
        lines.append("")
    if result.reported_points:
        reported = "; ".join(f"{p.model} {p.before:.1f} -> {p.gain:+.1f}" for p in result.reported_points)
        low, high = result.reported_band
        lines.append(f"The study (2 models only): {reported}; its threshold: about {low:g}-{high:g}.")
    return "\n".join(lines) + "\n"
