"""init, import, export: getting reports and labels in and out of the store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from phi_core.cli.base import UserError, add_db, command, print_json
from phi_core.files import refuse_same_file
from phi_core.models import SPLITS


def _configure_init(p: argparse.ArgumentParser) -> None:
    add_db(p)
    p.add_argument(
        "--no-seed",
        action="store_true",
        help="do not add the built-in corpus, the reference numbers and the rules run on the corpus",
    )
    p.add_argument(
        "--encrypt",
        action="store_true",
        help="make the new database encrypted with the key in PHI_DB_KEY or PHI_DB_KEY_FILE (a file of mode 600)",
    )


@command("init", "create or migrate the database and seed the built-in corpus", _configure_init)
def cmd_init(args: argparse.Namespace) -> int:
    from phi_core.first_start import initialise
    from phi_core.store import Store

    if args.encrypt:
        from phi_core.store.maintenance import require_encryptable

        require_encryptable(args.db)
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
        from phi_core.corpus import service
        from phi_core.roles import local_actor

        with Store(args.db) as store:
            if args.annotator:
                service.import_layer(
                    store,
                    local_actor(args.annotator.strip()),
                    args.dataset,
                    result.reports,
                    annotator=args.annotator.strip(),
                )
            else:
                service.import_reports(store, local_actor("cli"), args.dataset, result.reports, source=str(args.file))
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
    p.add_argument("--out", required=True, help="file to write (owner-only: it holds PHI)")
    p.add_argument("--force", action="store_true", help="replace --out if it exists")
    p.add_argument("--format", default="jsonl", choices=("jsonl", "paper-csv"))
    add_db(p)


@command("export", "write gold labels or a run's predictions to a file", _configure_export)
def cmd_export(args: argparse.Namespace) -> int:
    from phi_core.corpus import service
    from phi_core.files import OutputExists
    from phi_core.roles import local_actor
    from phi_core.store import Store, resolve_db_path

    if Path(args.out).is_file() and not args.force:
        raise OutputExists(Path(args.out))
    refuse_same_file(resolve_db_path(args.db), args.out)
    with Store(args.db, read_only=False) as store:
        store_provenance = store.dataset_provenance(args.dataset) if store.has_dataset(args.dataset) else None
        if args.what == "gold":
            count = service.export_gold(
                store, local_actor("cli"), args.dataset, args.out, args.format, split=args.split, force=args.force
            )
        else:
            count = service.export_predictions(
                store,
                local_actor("cli"),
                args.dataset,
                args.out,
                args.format,
                backend=args.backend,
                model=args.model,
                phase=args.phase,
                split=args.split,
                force=args.force,
            )
    print_json({"written": count, "out": args.out, "format": args.format, "provenance": store_provenance})
    return 0
