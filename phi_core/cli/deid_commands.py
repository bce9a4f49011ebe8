"""deid, deid-key: de-identify documents or a whole archive with a pipeline (nothing is stored unless asked)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from phi_core.cli.base import UserError, add_db, command


class _NoStore:
    """Stands for the database when resolving a pipeline that needs none (the built-in ones)."""

    def pipeline_definition(self, name):
        return None

    def pipeline_definitions(self):
        return []


def builtin_pipeline(name: str):
    """The pipeline when it resolves without the database (``rules`` and other built-in profiles), else None."""
    from phi_core.pipelines import PipelineError, load_pipeline

    try:
        return load_pipeline(_NoStore(), name)
    except PipelineError:
        return None
    except (AttributeError, TypeError):  # a pipeline whose loading needs the real store
        return None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number: give 1 or more")
    return value


def _configure(p: argparse.ArgumentParser) -> None:
    from phi_core.deid import MODES
    from phi_core.deid.stream.readers import FORMATS

    p.add_argument(
        "--pipeline",
        default="recall-first",
        help="a stored pipeline's name; `recall-first` (the default) and `rules` always exist",
    )
    p.add_argument("--in", dest="input", required=True, metavar="FILE", help="a file, or a folder of .txt files")
    p.add_argument("--format", choices=FORMATS, help="input format (default: from the file extension; a folder)")
    p.add_argument("--mode", choices=sorted(MODES), required=True)
    p.add_argument("--out", required=True, metavar="FILE", help="written in the input's format (a folder for a folder)")
    p.add_argument(
        "--mapping",
        metavar="FILE",
        help="also write original-to-replacement pairs (CSV, owner-only) for authorised re-identification",
    )
    p.add_argument("--key", metavar="FILE", help="surrogate key file (`deid-key new`); required for --mode surrogate")
    p.add_argument(
        "--patient-key",
        metavar="COLUMN",
        help="field or column naming the patient: date shifts are shared by its documents",
    )
    p.add_argument("--text-column", metavar="COLUMN", help="CSV column holding the text (default: guessed)")
    p.add_argument("--english-tags", action="store_true", help="tags mode: [PATIENT_NAME] instead of 【患者氏名】")
    p.add_argument(
        "--keep-dataset",
        metavar="NAME",
        help="ALSO store the original documents (real PHI) as this dataset, pre-labelled by the pipeline "
        "(holds the job in memory: for review-sized jobs)",
    )
    p.add_argument(
        "--workers",
        type=_positive,
        default=os.cpu_count() or 1,
        help="worker processes for pipelines without model parts; threads calling the hosts otherwise "
        "(default: all cores)",
    )
    p.add_argument("--engine", choices=("local", "ray"), default="local", help="local processes, or Ray Data")
    p.add_argument("--address", help="--engine ray: an existing cluster (e.g. ray://head:10001 or auto)")
    p.add_argument("--force", action="store_true", help="replace an existing output or mapping (or another job's)")
    p.add_argument(
        "--max-document-bytes",
        type=_positive,
        metavar="BYTES",
        help="refuse a document (zip member, file, line, cell) larger than this; default env "
        "PHI_DEID_MAX_DOCUMENT_BYTES or 16 MiB",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    add_db(p)
    # A built-in pipeline without --keep-dataset never opens the database,
    # so it works where there is none (and while the app holds one).
    p.set_defaults(needs_database=lambda args: args.keep_dataset is not None or builtin_pipeline(args.pipeline) is None)


def _key(args: argparse.Namespace) -> bytes:
    from phi_core.deid.keys import DeidKeyError, new_key, read_key

    if args.key:
        try:
            return read_key(args.key)
        except DeidKeyError as exc:
            raise UserError(str(exc)) from None
    if args.mode == "surrogate":
        raise UserError(
            "surrogate mode on an archive needs a key, so that one patient gets one surrogate in every run: "
            "make one with `python -m phi_core deid-key new --out deid.key` and pass --key deid.key"
        )
    return new_key()  # tags and redact draw nothing


@command("deid", "de-identify documents or an archive with a pipeline: tags, redact or surrogate", _configure)
def cmd_deid(args: argparse.Namespace) -> int:
    from phi_core.deid.limits import DeidInputError, max_document_bytes
    from phi_core.deid.stream.engine import ArchiveJob, run_archive
    from phi_core.deid.stream.readers import Source, guess_source_format
    from phi_core.deid.stream.work import WorkSpec
    from phi_core.files import OutputExists, SameFile
    from phi_core.phases import PhaseError
    from phi_core.pipelines import PipelineError, load_pipeline

    key = _key(args)
    source = Path(args.input)
    keep: list | None = [] if args.keep_dataset else None
    store = None
    try:
        src = Source(
            source,
            args.format or guess_source_format(source),
            max_document_bytes(args.max_document_bytes),
            args.patient_key,
            args.text_column,
        )
        pipeline = builtin_pipeline(args.pipeline)
        if pipeline is None or args.keep_dataset:
            # Opened for a stored pipeline (a model part's phase) or --keep-dataset;
            # documents are written to it only with --keep-dataset.
            from phi_core.store import Store

            store = Store(args.db)
            pipeline = load_pipeline(store, args.pipeline)
        job = ArchiveJob(
            source=src,
            out=Path(args.out),
            spec=WorkSpec(pipeline, args.mode, key, args.english_tags),
            mapping=Path(args.mapping) if args.mapping else None,
            workers=args.workers,
            engine=args.engine,
            address=args.address,
            force=args.force,
            pipeline_name=args.pipeline,
            store=store,
            progress=not args.no_progress,
            keep=keep,
        )
        summary = run_archive(job)
        if summary.stopped:
            sys.stderr.write(
                f"stopped ({summary.stopped}) after {summary.documents} documents; the output so far is kept: "
                "run the same command to resume\n"
            )
            return 130 if summary.stopped == "SIGINT" else 143
        if keep is not None:
            from phi_core.deid.job import keep_from_rows
            from phi_core.roles import local_actor

            kept = keep_from_rows(store, args.keep_dataset, keep, actor=local_actor("cli"))
            sys.stderr.write(f"kept {kept} original documents as dataset {args.keep_dataset}\n")
    except (OutputExists, SameFile) as exc:
        raise UserError(str(exc)) from None
    except (DeidInputError, PipelineError, PhaseError, RuntimeError, ValueError) as exc:
        raise UserError(str(exc)) from None
    finally:
        if store is not None:
            store.close()
    resumed = (
        f" (resumed after {summary.resumed_from}; first new document {summary.first_new_s:.2f}s after the start)"
        if summary.resumed_from and summary.first_new_s is not None
        else ""
    )
    rate = (summary.documents - summary.resumed_from) / summary.seconds if summary.seconds else 0.0
    sys.stderr.write(
        f"{summary.documents} documents{resumed}, {summary.spans} spans replaced ({args.mode}) in "
        f"{summary.seconds:.2f}s ({rate:,.0f} documents/s) -> {args.out}"
        + (f"; mapping -> {args.mapping}" if args.mapping else "")
        + "\n"
    )
    return 0


def _configure_key(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="key_action", required=True, metavar="ACTION")
    new = sub.add_parser("new", help="write a new random key (owner-only file)")
    new.add_argument("--out", required=True, metavar="FILE")
    new.add_argument("--force", action="store_true", help="replace an existing key file (its surrogates are lost)")


@command("deid-key", "make the secret key that fixes surrogates across documents, runs and machines", _configure_key)
def cmd_deid_key(args: argparse.Namespace) -> int:
    from phi_core.deid.keys import key_id, write_key
    from phi_core.files import OutputExists

    try:
        key = write_key(args.out, force=args.force)
    except OutputExists as exc:
        raise UserError(str(exc)) from None
    sys.stderr.write(
        f"wrote a new key to {args.out} (owner-only; id {key_id(key)}). Keep it as secret as the mapping: "
        "with it, anyone can recompute the surrogate of a guessed original\n"
    )
    return 0
