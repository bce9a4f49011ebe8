"""Write the synthetic-styles corpus as JSONL.

python -m phi_core.corpus.generator.styles --out data/corpus/synthetic-styles.jsonl [--per-style 40 --seed S]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from phi_core.corpus.generator.styles import DEFAULT_STYLES_SEED, DOCUMENTS_PER_STYLE, generate_styles_reports
from phi_core.corpus.jsonl import write_jsonl


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m phi_core.corpus.generator.styles",
        description="Generate documents of many styles with gold PHI spans and formats.",
    )
    parser.add_argument("--out", required=True, type=Path, help="JSONL file to write (overwritten)")
    parser.add_argument(
        "--per-style",
        type=int,
        default=DOCUMENTS_PER_STYLE,
        help=f"documents per style (default {DOCUMENTS_PER_STYLE})",
    )
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_STYLES_SEED, help=f"random seed (default {DEFAULT_STYLES_SEED})"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not args.out.parent.is_dir():
        print(f"The folder {args.out.parent} does not exist; create it or choose another --out path.", file=sys.stderr)
        return 2
    try:
        reports = generate_styles_reports(args.per_style, seed=args.seed)
    except ValueError as exc:
        print(f"{exc}.", file=sys.stderr)
        return 2
    count = write_jsonl(reports, args.out)
    summary = {
        "out": str(args.out),
        "reports": count,
        "seed": args.seed,
        "spans": sum(len(r.spans) for r in reports),
        "by_split_and_style": dict(sorted(Counter(f"{r.split}:{r.style}" for r in reports).items())),
        "by_category": dict(sorted(Counter(s.category for r in reports for s in r.spans).items())),
        "by_format": dict(sorted(Counter(s.format for r in reports for s in r.spans).items())),
        "reports_without_phi": sum(1 for r in reports if not r.spans),
    }
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
