"""agreement, audit-export: the team's figures and records from the command line.

The command line runs on the machine that holds the database, so it acts in
single-user mode (as a local lead), like the app without sign-in.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from phi_core.cli.base import UserError, add_db, command, print_json
from phi_core.models import SPLITS


def _configure_agreement(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dataset", required=True)
    p.add_argument("--split", choices=SPLITS)
    p.add_argument("--json", action="store_true", help="print every figure as JSON (default: a short table)")
    p.add_argument("--boot", type=int, default=1000, help="bootstrap resamples for the intervals (0: none)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument(
        "--include-unsubmitted", action="store_true", help="also compare layers their annotators have not submitted yet"
    )
    add_db(p)


@command(
    "agreement",
    "inter-annotator agreement of a dataset's layers (exact/overlap F1, kappa, alpha)",
    _configure_agreement,
)
def cmd_agreement(args: argparse.Namespace) -> int:
    from phi_core.agreement import dataset_agreement
    from phi_core.store import Store

    with Store(args.db) as store:
        if not store.has_dataset(args.dataset):
            raise UserError(f"there is no dataset called {args.dataset!r}: see `python -m phi_core init`")
        result = dataset_agreement(
            store,
            args.dataset,
            args.split,
            n_boot=args.boot,
            seed=args.seed,
            submitted_only=not args.include_unsubmitted,
        )
    if args.json:
        print_json(result)
        return 0
    overall = result["overall"]
    if not overall["n_reports"]:
        print(f"no report of {args.dataset} has two submitted layers yet: nothing to compare")
        return 0
    print(f"{'category':<22}{'n':>5}{'exact F1':>10}{'overlap F1':>12}{'kappa':>8}{'alpha':>8}")
    for name, block in [("overall", overall), *result["by_category"].items()]:
        print(
            f"{name:<22}{block['n_reports']:>5}{block['exact_f1']:>10.3f}{block['overlap_f1']:>12.3f}"
            f"{block['kappa']:>8.3f}{block['alpha']:>8.3f}"
        )
    return 0


def _configure_audit(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "what",
        choices=("labels", "runs"),
        help="labels: who changed which label when; runs: model and prompt versions of each run",
    )
    p.add_argument("--dataset", help="only this dataset (default: all)")
    p.add_argument("--out", required=True, help="CSV file to write (owner-only: it names people and reports)")
    p.add_argument("--force", action="store_true", help="replace --out if it exists")
    add_db(p)


@command("audit-export", "write the label audit or the run provenance as CSV", _configure_audit)
def cmd_audit_export(args: argparse.Namespace) -> int:
    from phi_core.roles import local_actor
    from phi_core.store import Store
    from phi_core.team.service import audit_csv

    from phi_core.files import OutputExists, open_private, refuse_same_file
    from phi_core.store import resolve_db_path

    if Path(args.out).exists() and not args.force:
        raise OutputExists(Path(args.out))
    refuse_same_file(resolve_db_path(args.db), args.out)
    with Store(args.db) as store:
        data = audit_csv(store, local_actor("cli"), args.what, args.dataset)
    with open_private(args.out, "wb", force=args.force) as out:
        out.write(data)
    print_json({"written": args.out, "what": args.what, "rows": max(0, data.count(b"\n") - 1)})
    return 0
