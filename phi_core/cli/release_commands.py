"""sample and release-report: from the department's archive to a report for the privacy committee."""

from __future__ import annotations

import argparse
import sys

from phi_core.cli.base import UserError, add_db, command, print_json


def _sample_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--in", dest="archive", required=True, metavar="ARCHIVE", help="JSONL, CSV, zip or folder of .txt")
    p.add_argument("--format", choices=("jsonl", "csv", "zip", "folder"), help="default: from the name")
    p.add_argument("--n", type=int, required=True, help="documents to draw")
    p.add_argument("--dataset", required=True, help="the new dataset the sample goes into")
    p.add_argument("--seed", type=int, default=0, help="the same seed and archive give the same sample (default 0)")
    p.add_argument("--strata", default="kind", help="kind (found from layout, default) or column:NAME")
    p.add_argument("--text-column", help="CSV: the column holding the text")
    p.add_argument("--pipeline", default="rules", help="pre-annotates the sample as silver labels (default rules)")
    add_db(p)


@command("sample", "draw a stratified random sample of an archive into a new dataset, pre-annotated", _sample_args)
def cmd_sample(args: argparse.Namespace) -> int:
    from phi_core.pipelines import PipelineError
    from phi_core.release.service import sample_archive
    from phi_core.roles import NotAllowed
    from phi_core.store import Store

    if args.n < 1:
        raise UserError("--n must be a positive number of documents")
    try:
        with Store(args.db) as store:
            result = sample_archive(
                store,
                "",
                args.archive,
                n=args.n,
                dataset=args.dataset,
                seed=args.seed,
                strata=args.strata,
                fmt=args.format,
                text_column=args.text_column,
                pipeline=args.pipeline,
            )
            counts = store.report_counts(args.dataset)
    except (PipelineError, NotAllowed, ValueError) as exc:  # bad archive input is a ValueError too
        raise UserError(str(exc)) from None
    print_json(
        {
            **result.meta(),
            "dataset": args.dataset,
            "seconds": round(result.seconds, 2),
            "statuses": counts,
            "kinds": [
                {"kind": k.kind, "name": k.name, "archive_count": k.archive_count, "sampled_count": k.sampled_count}
                for k in result.kinds
            ],
            "next": f"correct the silver labels in the workbench (dataset {args.dataset}), approve them, then "
            f"`python -m phi_core pipeline score {args.pipeline} --dataset {args.dataset}`",
        }
    )
    return 0


def add_limits(p: argparse.ArgumentParser) -> None:
    p.add_argument("--no-leak", action="append", metavar="CATEGORY", help="default PATIENT_NAME, PATIENT_ID, PHONE")
    p.add_argument("--max-leak-percent", type=float, default=0.5, help="PHI characters (default 0.5)")
    p.add_argument(
        "--category-share-percent",
        type=float,
        default=1.0,
        help="at most this percentage of documents may leak each --no-leak category (default 1)",
    )


def limits_from(args: argparse.Namespace):
    from phi_core.analysis.residual_leak import ReleaseRule
    from phi_core.release.verdict import ReleaseLimits
    from phi_core.taxonomy import CATEGORY_CODES

    categories = tuple(args.no_leak) if args.no_leak else ReleaseRule().no_leak_categories
    unknown = [c for c in categories if c not in CATEGORY_CODES]
    if unknown:
        raise UserError(f"unknown categories {', '.join(unknown)}: use codes such as {', '.join(CATEGORY_CODES[:4])}")
    return ReleaseLimits(ReleaseRule(categories, args.max_leak_percent / 100), args.category_share_percent / 100)


def _report_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dataset", required=True)
    p.add_argument("--pipeline", required=True)
    p.add_argument("--out", required=True, metavar="FILE.pdf|FILE.html")
    p.add_argument("--lang", choices=("en", "ja"), default="en")
    p.add_argument("--force", action="store_true", help="replace an existing output file")
    add_limits(p)
    add_db(p)


@command("release-report", "the release report for the privacy committee, as PDF or HTML", _report_args)
def cmd_release_report(args: argparse.Namespace) -> int:
    from phi_core.files import OutputExists, open_private
    from phi_core.release.pdf import PdfError, html_to_pdf
    from phi_core.release.report import ReportError, build_report
    from phi_core.roles import NotAllowed
    from phi_core.store import Store

    suffix = args.out.lower().rsplit(".", 1)[-1]
    if suffix not in ("pdf", "html", "htm"):
        raise UserError(f"cannot tell the format from {args.out!r}: end the name with .pdf or .html")
    limits = limits_from(args)
    try:
        with Store(args.db) as store:
            report = build_report(store, "", args.dataset, args.pipeline, limits=limits, language=args.lang)
        payload = html_to_pdf(report.html) if suffix == "pdf" else report.html.encode("utf-8")
        with open_private(args.out, "wb", force=args.force) as handle:
            handle.write(payload)
    except (ReportError, NotAllowed, PdfError, OutputExists) as exc:
        raise UserError(str(exc)) from None
    sys.stderr.write(f"wrote {args.out}\n")
    print_json(
        {"out": args.out, "verdict": report.data["decision"]["verdict"], "rule": report.data["decision"]["rule"]}
    )
    return 0
