"""leak: the residual-leak table per run, against a stated release rule."""

from __future__ import annotations

import argparse
import sys

from phi_core.cli.base import UserError, add_db, command, print_json
from phi_core.models import SPLITS


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dataset", required=True)
    p.add_argument("--split", choices=SPLITS)
    p.add_argument("--run", action="append", default=[], metavar="RUN_ID", help="default: latest run of each")
    p.add_argument(
        "--no-leak",
        action="append",
        metavar="CATEGORY",
        help="release rule: no document may leak this category (repeat; default PATIENT_NAME, PATIENT_ID, PHONE)",
    )
    p.add_argument(
        "--max-leak-percent",
        type=float,
        default=0.5,
        help="release rule: at most this percentage of PHI characters may leak (default 0.5)",
    )
    p.add_argument(
        "--category-share-percent",
        type=float,
        default=1.0,
        help="release decision: at most this percentage of documents may leak each --no-leak category (default 1)",
    )
    p.add_argument("--json", action="store_true", help="(the output is always JSON; accepted for scripts)")
    p.add_argument("--csv", metavar="FILE", help="write the run, category and style rows as CSV (owner-only)")
    p.add_argument("--force", action="store_true", help="replace the --csv file if it exists")
    add_db(p)


@command(
    "leak", "residual PHI leak per run (documents leaking, by category and style, F2) and a release verdict", _configure
)
def cmd_leak(args: argparse.Namespace) -> int:
    from phi_core.analysis.residual_leak import ReleaseRule, residual_leak
    from phi_core.release.evidence import release_decisions
    from phi_core.release.verdict import ReleaseLimits
    from phi_core.store import Store
    from phi_core.taxonomy import CATEGORY_CODES

    categories = tuple(args.no_leak) if args.no_leak else ReleaseRule().no_leak_categories
    unknown = [c for c in categories if c not in CATEGORY_CODES]
    if unknown:
        raise UserError(f"unknown categories {', '.join(unknown)}: use codes such as {', '.join(CATEGORY_CODES[:4])}")
    rule = ReleaseRule(categories, args.max_leak_percent / 100)
    if args.csv:
        from pathlib import Path

        from phi_core.files import OutputExists, refuse_same_file
        from phi_core.store import resolve_db_path

        if Path(args.csv).exists() and not args.force:
            raise OutputExists(Path(args.csv))
        refuse_same_file(resolve_db_path(args.db), args.csv)
    with Store(args.db) as store:
        if not store.has_dataset(args.dataset):
            raise UserError(f"there is no dataset called {args.dataset!r}: see `python -m phi_core runs`")
        leak = residual_leak(store, args.dataset, args.split, run_ids=args.run or None, rule=rule)
        decisions = release_decisions(
            store,
            args.dataset,
            args.split,
            run_ids=args.run or None,
            limits=ReleaseLimits(rule, args.category_share_percent / 100),
        )
    if args.csv:
        from phi_core.files import open_private, safe_frame

        with open_private(args.csv, "w", force=args.force, newline="") as out:
            safe_frame(leak.csv_frame()).to_csv(out, index=False)
        sys.stderr.write(f"wrote {args.csv}\n")
    # "release": bounds, verdict, evidence per kind and sample-size advice (en/ja) per run (phi_core/release).
    release = {d.run_id: d.to_dict() for d in decisions}
    runs = [{**row, "release": release.get(row["run_id"])} for row in leak.summary.to_dict(orient="records")]
    print_json({"rule": rule.describe(), "runs": runs})
    return 0
