"""Write the synthetic corpus as JSONL.

python -m phi_core.corpus.generator --out data/corpus/synthetic.jsonl [--dev 100 --test 60 --seed S]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from phi_core.corpus.generator import DEFAULT_SEED, generate_reports
from phi_core.corpus.jsonl import write_jsonl


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m phi_core.corpus.generator",
        description="Generate synthetic Japanese radiology reports with gold PHI spans.",
    )
    parser.add_argument("--out", required=True, type=Path, help="JSONL file to write (overwritten)")
    parser.add_argument("--dev", type=int, default=100, help="number of development reports (default 100)")
    parser.add_argument("--test", type=int, default=60, help="number of test reports (default 60)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.dev < 0 or args.test < 0:
        print(f"--dev and --test must be zero or more (got {args.dev} and {args.test}).", file=sys.stderr)
        return 2
    if not args.out.parent.is_dir():
        print(f"The folder {args.out.parent} does not exist; create it or choose another --out path.", file=sys.stderr)
        return 2
    reports = generate_reports(args.dev, args.test, seed=args.seed)
    count = write_jsonl(reports, args.out)
    categories = Counter(span.category for report in reports for span in report.spans)
    summary = {
        "out": str(args.out),
        "reports": count,
        "seed": args.seed,
        "spans": sum(categories.values()),
        "by_category": dict(sorted(categories.items())),
        "with_hidden": sum(1 for report in reports if report.meta["hidden"]),
    }
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
