"""deid: de-identify documents with a pipeline (nothing is stored unless asked)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from phi_core.cli.base import UserError, add_db, command


def _configure(p: argparse.ArgumentParser) -> None:
    from phi_core.deid import MODES, READERS

    p.add_argument(
        "--pipeline",
        default="recall-first",
        help="a stored pipeline's name; `recall-first` (the default) and `rules` always exist",
    )
    p.add_argument("--in", dest="input", required=True, metavar="FILE")
    p.add_argument("--format", choices=sorted(READERS), help="input format (default: from the file extension)")
    p.add_argument("--mode", choices=sorted(MODES), required=True)
    p.add_argument("--out", required=True, metavar="FILE", help="written in the input's format")
    p.add_argument(
        "--mapping",
        metavar="FILE",
        help="also write original-to-replacement pairs (CSV) for authorised re-identification",
    )
    p.add_argument(
        "--patient-key",
        metavar="COLUMN",
        help="field or column naming the patient: surrogates and date shifts are shared by its documents",
    )
    p.add_argument("--text-column", metavar="COLUMN", help="CSV column holding the text (default: guessed)")
    p.add_argument("--english-tags", action="store_true", help="tags mode: [PATIENT_NAME] instead of 【患者氏名】")
    p.add_argument(
        "--keep-dataset",
        metavar="NAME",
        help="ALSO store the original documents (real PHI) as this dataset, pre-labelled by the pipeline",
    )
    p.add_argument("--seed", type=int, help="surrogates: fix the random draw (tests only; default is unpredictable)")
    add_db(p)
    # The built-in pipelines without --keep-dataset never open the database,
    # so they work where there is none (and while the app holds one).
    p.set_defaults(needs_database=lambda args: not (args.pipeline in _LOCAL and not args.keep_dataset))


_LOCAL = ("rules", "recall-first")  # phi_core.pipelines.LOCAL_PARTS, without importing it to build the parser


@command("deid", "de-identify documents with a pipeline: tags, redact or surrogate", _configure)
def cmd_deid(args: argparse.Namespace) -> int:
    from phi_core.deid import WRITERS, DeidInputError, deidentify, keep_documents, pipeline_detector, read_documents
    from phi_core.deid.io import guess_format
    from phi_core.phases import PhaseError
    from phi_core.pipelines import PipelineError, load_pipeline, make_pipeline
    from phi_core.roles import local_actor
    from phi_core.store import Store

    source = Path(args.input)
    out = Path(args.out)
    if args.mapping and Path(args.mapping).resolve() == out.resolve():
        raise UserError("--mapping and --out name the same file: the mapping holds the originals, keep it apart")
    try:
        fmt = args.format or guess_format(source.name)
        docs = read_documents(
            source.read_bytes(), source.name, fmt, patient_key=args.patient_key, text_column=args.text_column
        )
        if args.pipeline in _LOCAL and not args.keep_dataset:
            # The built-in pipelines need no database at all (and work while the app holds it).
            result = deidentify(
                docs,
                pipeline_detector(make_pipeline(args.pipeline, [args.pipeline])),
                args.mode,
                english_tags=args.english_tags,
                seed=args.seed,
            )
        else:
            # Opened for a stored pipeline, a model's reply cache, or --keep-dataset;
            # documents are written to it only with --keep-dataset.
            with Store(args.db) as store:
                pipeline = load_pipeline(store, args.pipeline)
                result = deidentify(
                    docs, pipeline_detector(pipeline, store), args.mode, english_tags=args.english_tags, seed=args.seed
                )
                if args.keep_dataset:
                    kept = keep_documents(store, args.keep_dataset, result, actor=local_actor("cli"))
                    sys.stderr.write(f"kept {kept} original documents as dataset {args.keep_dataset}\n")
    except (DeidInputError, PipelineError, PhaseError, RuntimeError) as exc:
        raise UserError(str(exc)) from None
    out.write_bytes(WRITERS[fmt](docs, result.texts))
    if args.mapping:
        Path(args.mapping).write_bytes(result.mapping_csv())
    spans = sum(len(d.replacements) for d in result.documents)
    total = result.seconds_detect + result.seconds_rewrite
    sys.stderr.write(
        f"{len(docs)} documents, {spans} spans replaced ({args.mode}) in {total:.2f}s -> {out}"
        + (f"; mapping -> {args.mapping}" if args.mapping else "")
        + "\n"
    )
    return 0
