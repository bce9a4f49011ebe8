"""pipeline add|list|score|delete: named extractors and their unions."""

from __future__ import annotations

import argparse
import sys

from phi_core.cli.base import UserError, add_db, command, print_json
from phi_core.models import SPLITS


def _configure(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="define (or with --replace, redefine) a pipeline")
    add.add_argument("name")
    add.add_argument(
        "--part", action="append", default=[], required=True, help="rules or BACKEND:MODEL:PHASE; repeat for a union"
    )
    add.add_argument("--precedence", help="category codes, comma-separated: which category a joined span takes")
    add.add_argument("--replace", action="store_true", help="replace a pipeline of the same name")
    add.add_argument("--score-on", metavar="DATASET", help="also score it on this dataset right away")
    add.add_argument("--split", choices=SPLITS)
    add_db(add)
    lst = sub.add_parser("list", help="the stored pipelines")
    add_db(lst)
    score = sub.add_parser("score", help="score a pipeline from its parts' stored runs (no model calls)")
    score.add_argument("name")
    score.add_argument("--dataset", required=True)
    score.add_argument("--split", choices=SPLITS)
    add_db(score)
    delete = sub.add_parser("delete", help="forget a pipeline definition (its scored runs stay)")
    delete.add_argument("name")
    add_db(delete)


def _score(store, pipeline, dataset: str, split: str | None) -> dict:
    from phi_core.pipelines.materialise import score_pipeline
    from phi_core.roles import local_actor

    result = score_pipeline(store, pipeline, dataset, split, actor=local_actor("cli"))
    rows = store.run_score_summary([result.run_id])
    mean = float(rows["score"].iloc[0]) if not rows.empty else None
    return {
        "pipeline": pipeline.name,
        "run_id": result.run_id,
        "reports": result.reports,
        "score": mean,
        "part_runs": result.part_runs,
    }


@command("pipeline", "define, list and score pipelines (rules, a model in a phase, or a union)", _configure)
def cmd_pipeline(args: argparse.Namespace) -> int:
    from phi_core.pipelines import PipelineError, load_pipeline
    from phi_core.pipelines.service import add_pipeline, delete_pipeline
    from phi_core.roles import local_actor
    from phi_core.store import Store

    try:
        with Store(args.db) as store:
            if args.action == "add":
                precedence = [c.strip() for c in args.precedence.split(",")] if args.precedence else None
                pipeline = add_pipeline(
                    store, local_actor("cli"), args.name, args.part, precedence, replace=args.replace
                )
                out = {"pipeline": pipeline.name, **pipeline.to_dict()}
                if args.score_on:
                    out["scored"] = _score(store, pipeline, args.score_on, args.split)
                print_json(out)
            elif args.action == "list":
                print_json([{"name": name, **data} for name, data in store.pipeline_definitions()])
            elif args.action == "score":
                print_json(_score(store, load_pipeline(store, args.name), args.dataset, args.split))
            elif args.action == "delete":
                if not delete_pipeline(store, local_actor("cli"), args.name):
                    raise UserError(
                        f"there is no pipeline called {args.name!r}: see `python -m phi_core pipeline list`"
                    )
                sys.stderr.write(f"pipeline {args.name} deleted; its scored runs stay in the store\n")
    except PipelineError as exc:
        raise UserError(str(exc)) from None
    return 0
