"""figure: one analysis figure as a PNG, SVG or PDF file."""

from __future__ import annotations

import argparse
import sys
import time

from phi_core.cli.base import UserError, add_db, command
from phi_core.models import SPLITS


# Spelled out here so that building the parser does not import plotly;
# tests check that it matches phi_core.figures.registry.FIGURES.
FIGURE_NAMES = (
    "leaderboard",
    "pareto",
    "heatmap",
    "confusion",
    "script-recall",
    "style-recall",
    "format-recall",
    "phases",
    "threshold",
    "leak",
)
EXPORT_FORMATS = ("png", "svg", "pdf")


def _configure_figure(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", choices=FIGURE_NAMES, help="which figure: " + ", ".join(FIGURE_NAMES))
    p.add_argument("--dataset", required=True)
    p.add_argument("--split", choices=SPLITS)
    p.add_argument("--format", choices=EXPORT_FORMATS, help="file format (default: from the --out file name)")
    p.add_argument("--out", required=True, metavar="FILE", help="where to write the figure")
    p.add_argument(
        "--scale", type=float, default=1.0, help="PNG pixel multiplier: 1 gives 1920x1080, 2 gives 3840x2160"
    )
    p.add_argument(
        "--run",
        action="append",
        default=[],
        metavar="RUN_ID",
        help="runs to show in heatmap/confusion/script-recall (repeat; default: latest of each model)",
    )
    p.add_argument(
        "--metric",
        choices=("recall", "precision", "leak_rate"),
        default="recall",
        help="heatmap metric (leak_rate: style-recall and format-recall only)",
    )
    p.add_argument("--lang", choices=("en", "ja"), default="en", help="language of category names")
    p.add_argument("--from-phase", default="3", help="threshold: phase before the step (default 3)")
    p.add_argument("--to-phase", default="4", help="threshold: phase after the step (default 4)")
    p.add_argument("--method", choices=("split", "segmented"), default="split", help="threshold fit")
    add_db(p)


@command(
    "figure", "write one analysis figure (leaderboard, pareto, heatmap, ...) as PNG, SVG or PDF", _configure_figure
)
def cmd_figure(args: argparse.Namespace) -> int:
    from phi_core.figures.export import ExportError, FigureExporter, check_scale, format_from_path
    from phi_core.figures.registry import FigureRequest, build_figure
    from phi_core.store import Store

    try:
        fmt = args.format or format_from_path(args.out)
        scale = check_scale(args.scale)
    except ExportError as exc:
        raise UserError(str(exc)) from None
    request = FigureRequest(
        dataset=args.dataset,
        split=args.split,
        run_ids=tuple(args.run),
        metric=args.metric,
        language=args.lang,
        from_phase=str(args.from_phase),
        to_phase=str(args.to_phase),
        method=args.method,
    )
    with Store(args.db) as store:
        if not store.has_dataset(args.dataset):
            known = ", ".join(store.dataset_names()) or "none yet; run `python -m phi_core init`"
            raise UserError(f"there is no dataset called {args.dataset!r} (datasets: {known})")
        try:
            fig = build_figure(store, args.name, request)
        except ValueError as exc:  # a metric this figure does not draw
            raise UserError(str(exc)) from None
    started = time.perf_counter()
    try:
        with FigureExporter() as exporter:
            path = exporter.write(fig, args.out, fmt, scale=scale)
    except ExportError as exc:
        raise UserError(str(exc)) from None
    sys.stderr.write(f"wrote {path} ({fmt}, {path.stat().st_size:,} bytes, {time.perf_counter() - started:.1f} s)\n")
    return 0
