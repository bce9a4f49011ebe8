"""init, import, export: getting reports and labels in and out of the store."""

from __future__ import annotations

import argparse
import sys

from phi_core.cli.base import UserError, add_db, command, print_json
from phi_core.models import SPLITS


def _configure_init(p: argparse.ArgumentParser) -> None:
    add_db(p)
    p.add_argument(
        "--no-seed",
        action="store_true",
        help="do not add the built-in corpus, the reference numbers and the rules run on the corpus",
    )


@command("init", "create or migrate the database and seed the built-in corpus", _configure_init)
def cmd_init(args: argparse.Namespace) -> int:
    from phi_core.seed import initialise
    from phi_core.store import Store

    with Store(args.db) as store:
        summary = initialise(store, seed=not args.no_seed, rules_run=not args.no_seed)
    print_json(summary)
    rules = summary.get("rules_run")
    made = (
        f"; rules run on the built-in corpus: {rules['reports']} reports in {rules['seconds']:.2f} s "
        f"({rules['cpu_seconds']:.2f} s of CPU)"
        if rules
        else ""
    )
    sys.stderr.write(f"initialised {summary['db']} in {summary['seconds']:.2f} s{made}\n")
    return 0


def _configure_import(p: argparse.ArgumentParser) -> None:
    from phi_core.corpus.importers import IMPORTERS

    p.add_argument("file", help="file to import")
    p.add_argument("--format", required=True, choices=sorted(IMPORTERS), help="layout of the file")
    p.add_argument("--dataset", required=True, help="dataset to add the reports to")
    p.add_argument("--split", choices=SPLITS, help="split of the imported reports (default: from the file, else dev)")
    p.add_argument(
        "--encoding",
        metavar="NAME",
        help="text encoding of the file, e.g. utf-8, cp932 (Shift_JIS), euc_jp (default: UTF-8, else "
        "CP932 or EUC-JP, detected; the summary says which)",
    )
    p.add_argument("--dry-run", action="store_true", help="show the summary without writing anything")
    p.add_argument(
        "--annotator",
        help="put the file's labels into this annotator's layer of reports already in "
        "the dataset (submitted), instead of adding new reports",
    )
    add_db(p)


@command("import", "import reports and labels; prints the import summary as JSON", _configure_import)
def cmd_import(args: argparse.Namespace) -> int:
    from phi_core.corpus.importers import read_corpus
    from phi_core.store import Store

    result = read_corpus(args.file, args.format, dataset=args.dataset, split=args.split, encoding=args.encoding)
    summary = result.summary
    if not result.reports:
        raise UserError(f"{args.file} holds no reports: check that it is a {args.format} file")
    if not args.dry_run:
        with Store(args.db) as store:
            if args.annotator:
                store.import_layer(
                    args.dataset, result.reports, annotator=args.annotator.strip(), actor=args.annotator.strip()
                )
            else:
                store.add_reports(args.dataset, result.reports, source=str(args.file))
        summary.committed = True
    print_json(summary.model_dump())
    return 0


def _configure_export(p: argparse.ArgumentParser) -> None:
    p.add_argument("what", choices=("gold", "predictions"), help="gold labels, or a run's predictions")
    p.add_argument("--dataset", required=True)
    p.add_argument("--split", choices=SPLITS)
    p.add_argument("--backend", help="predictions: backend of the run (rules, ollama, llamacpp)")
    p.add_argument("--model", help="predictions: model of the run")
    p.add_argument("--phase", help="predictions: phase of the run")
    p.add_argument("--out", required=True, help="file to write")
    p.add_argument("--format", default="jsonl", choices=("jsonl", "paper-csv"))
    add_db(p)


@command("export", "write gold labels or a run's predictions to a file", _configure_export)
def cmd_export(args: argparse.Namespace) -> int:
    from phi_core.store import Store

    with Store(args.db, read_only=False) as store:
        if not store.has_dataset(args.dataset):
            raise UserError(f"there is no dataset called {args.dataset!r}: see `python -m phi_core init`")
        reports = store.reports(args.dataset, split=args.split)
        provenance = store.dataset_provenance(args.dataset)
        if args.what == "gold":
            # Every exported report says where its dataset came from.
            for report in reports:
                report.meta["provenance"] = provenance
            from phi_core.corpus.exporters import write_corpus

            count = write_corpus(reports, args.out, args.format)
        else:
            count = _export_predictions(store, args, reports)
    print_json({"written": count, "out": args.out, "format": args.format, "provenance": provenance})
    return 0


def _export_predictions(store, args: argparse.Namespace, reports) -> int:
    from phi_core.corpus.predictions import PREDICTION_WRITERS, items_by_report, prediction_records
    from phi_core.evaluation import latest_runs

    if not args.backend:
        raise UserError("exporting predictions needs --backend (and --model/--phase when there are several runs)")
    runs = [
        r
        for r in latest_runs(store, args.dataset, args.split)
        if r.backend == args.backend
        and (not args.model or r.model == args.model)
        and (not args.phase or str(r.phase) == str(args.phase))
    ]
    if not runs:
        raise UserError(
            f"no scored {args.backend} run on {args.dataset} ({args.split or 'all splits'}) matches: "
            "check --model and --phase, or start the run first"
        )
    if len(runs) > 1:
        names = ", ".join(f"{r.model} phase {r.phase}" for r in runs)
        raise UserError(f"several runs match ({names}): add --model and --phase")
    run = runs[0]
    items = items_by_report(store.predicted_items(run.run_id))
    done = [r for r in reports if r.id in items or r.id in set(store.task_results(run.run_id)["report_id"])]
    return PREDICTION_WRITERS[args.format](prediction_records(done, items), args.out)
