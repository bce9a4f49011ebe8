"""leaderboard, score: numbers out."""

from __future__ import annotations

import argparse
import sys

from phi_core.cli.base import UserError, add_db, command, print_json
from phi_core.models import SPLITS


def _configure_leaderboard(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dataset", required=True)
    p.add_argument("--split", choices=SPLITS)
    p.add_argument("--json", action="store_true", help="print JSON (the only output form for now)")
    add_db(p)


@command("leaderboard", "one row per (backend, model, phase) with score, CI and sub-scores", _configure_leaderboard)
def cmd_leaderboard(args: argparse.Namespace) -> int:
    from phi_core.analysis.leaderboard_records import leaderboard_records
    from phi_core.store import Store

    with Store(args.db) as store:
        if not store.has_dataset(args.dataset):
            raise UserError(f"there is no dataset called {args.dataset!r}")
        rows = leaderboard_records(store, args.dataset, args.split)
    print_json(rows)
    return 0


def _configure_score(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gold", required=True, help="gold JSONL (project layout)")
    p.add_argument("--pred", required=True, help="predictions JSONL: spans, or items [{category, value}]")
    p.add_argument("--include-unlabeled", action="store_true", help="also score reports marked unlabeled")
    p.add_argument("--json", action="store_true", help="print JSON (the only output form for now)")


@command("score", "score predictions made elsewhere against a gold JSONL", _configure_score)
def cmd_score(args: argparse.Namespace) -> int:
    from phi_core.corpus.importers import read_corpus
    from phi_core.analysis.leaderboard_records import leaderboard_row
    from phi_core.corpus.predictions import read_located_spans, read_prediction_file
    from phi_core.scoring import load_scoring_config, score_report

    gold = read_corpus(args.gold, "jsonl", dataset="gold").reports
    try:
        predictions = read_prediction_file(args.pred)
        located = read_located_spans(args.pred)
    except UnicodeDecodeError as exc:
        raise UserError(
            f"{args.pred} is not UTF-8 text (byte {exc.start} cannot be decoded): save it as UTF-8 and try again"
        ) from None
    except ValueError as exc:
        raise UserError(f"{args.pred}: {exc}") from None
    config = load_scoring_config()
    scored = [r for r in gold if args.include_unlabeled or r.status != "unlabeled"]
    if not scored:
        raise UserError(f"{args.gold} has no labelled reports to score against")
    gold_ids = {r.id for r in scored}
    missing = gold_ids - set(predictions)
    if missing == gold_ids:
        raise UserError(
            f"{args.pred} has no prediction for any of the {len(gold_ids)} reports in {args.gold} (no report id in "
            "common): check that both files come from the same dataset and use the same ids"
        )
    if missing:
        sys.stderr.write(
            f"warning: {len(missing)} of {len(gold_ids)} gold reports have no prediction in "
            f"{args.pred}; they are scored as if nothing was found (listed under "
            "reports_without_predictions)\n"
        )
    scores = []
    for report in scored:
        scope = report.meta.get("label_scope")
        try:
            scores.append(
                score_report(
                    report.text,
                    report.spans,
                    predictions.get(report.id, []),
                    scope=set(scope) if scope else None,
                    config=config,
                    spans=located.get(report.id),
                )
            )
        except ValueError as exc:
            raise UserError(f"{args.pred}, report {report.id}: {exc}") from None
    row = leaderboard_row(scores)
    row.update(
        backend="external",
        model=args.pred,
        phase="-",
        reports_without_predictions=sorted(gold_ids - set(predictions)),
        predictions_without_gold=sorted(set(predictions) - {r.id for r in gold}),
    )
    print_json(row)
    return 0
