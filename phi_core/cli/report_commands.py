"""leaderboard, score: numbers out."""

from __future__ import annotations

import argparse

from phi_core.cli.base import UserError, add_db, command, print_json
from phi_core.models import SPLITS


def _configure_leaderboard(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dataset", required=True)
    p.add_argument("--split", choices=SPLITS)
    p.add_argument("--json", action="store_true", help="print JSON (the only output form for now)")
    add_db(p)


@command("leaderboard", "one row per (backend, model, phase) with score, CI and sub-scores", _configure_leaderboard)
def cmd_leaderboard(args: argparse.Namespace) -> int:
    from phi_core.analysis import worst_styles
    from phi_core.evaluation import leaderboard
    from phi_core.store import Store

    with Store(args.db) as store:
        if not store.has_dataset(args.dataset):
            raise UserError(f"there is no dataset called {args.dataset!r}")
        rows = leaderboard(store, args.dataset, args.split)
        worst = worst_styles(store, [row["run_id"] for row in rows]).set_index("run_id")
    for row in rows:
        # The document style whose PHI characters leak most; null on corpora without styles.
        found = row["run_id"] in worst.index
        row["worst_style"] = worst.at[row["run_id"], "worst_style"] if found else None
        row["worst_style_leak_rate"] = float(worst.at[row["run_id"], "worst_style_leak_rate"]) if found else None
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
    from phi_core.corpus.predictions import read_prediction_file
    from phi_core.evaluation import leaderboard_row
    from phi_core.scoring import load_scoring_config, score_report

    gold = read_corpus(args.gold, "jsonl", dataset="gold").reports
    try:
        predictions = read_prediction_file(args.pred)
    except ValueError as exc:
        raise UserError(f"{args.pred}: {exc}") from None
    config = load_scoring_config()
    scored = [r for r in gold if args.include_unlabeled or r.status != "unlabeled"]
    if not scored:
        raise UserError(f"{args.gold} has no labelled reports to score against")
    scores = []
    for report in scored:
        scope = report.meta.get("label_scope")
        scores.append(score_report(report.text, report.spans, predictions.get(report.id, []),
                                   scope=set(scope) if scope else None, config=config))
    row = leaderboard_row(scores)
    gold_ids = {r.id for r in scored}
    row.update(backend="external", model=args.pred, phase="-",
               reports_without_predictions=sorted(gold_ids - set(predictions)),
               predictions_without_gold=sorted(set(predictions) - {r.id for r in gold}))
    print_json(row)
    return 0
