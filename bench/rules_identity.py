"""One-off check that a refactoring of the rule-based extractor changed nothing.

Writes (``--save FILE``) or compares (``--compare FILE``) every span and item
the `rules` extractor predicts on the built-in corpora and, when present, the
study's dev file. Prints the number of reports, spans, items and a digest per
dataset, and every report whose prediction differs.

Usage:
    .venv/bin/python -m bench.rules_identity --save /tmp/before.json
    ... refactor ...
    .venv/bin/python -m bench.rules_identity --compare /tmp/before.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from phi_core.corpus.importers import read_corpus
from phi_core.extractors import rules
from phi_core.paths import DATA_DIR, SHARED_DIR


def _datasets() -> list[tuple[str, Path, str]]:
    found = [(p.stem, p, "jsonl") for p in sorted((DATA_DIR / "corpus").glob("*.jsonl"))]
    paper = SHARED_DIR / "data" / "paper_dev_100.csv"
    if paper.exists():
        found.append(("paper_dev_100", paper, "paper-csv"))
    return found


def predictions() -> dict[str, dict[str, dict]]:
    out: dict[str, dict[str, dict]] = {}
    for name, path, fmt in _datasets():
        result = read_corpus(path, fmt, dataset=name)
        per_report = {}
        for report in result.reports:
            spans = [[s.start, s.end, s.category] for s in rules.extract_spans(report.text)]
            items = [[i.category, i.value] for i in rules.extract(report.text)]
            per_report[report.id] = {"spans": spans, "items": items}
        out[name] = per_report
    return out


def _digest(per_report: dict) -> str:
    return hashlib.sha256(json.dumps(per_report, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save")
    group.add_argument("--compare")
    args = parser.parse_args(argv)
    now = predictions()
    for name, per_report in now.items():
        spans = sum(len(r["spans"]) for r in per_report.values())
        items = sum(len(r["items"]) for r in per_report.values())
        print(f"{name}: {len(per_report)} reports, {spans} spans, {items} items, digest {_digest(per_report)}")
    if args.save:
        Path(args.save).write_text(json.dumps(now, ensure_ascii=False), encoding="utf-8")
        return 0
    before = json.loads(Path(args.compare).read_text(encoding="utf-8"))
    differences = 0
    for name in sorted(set(before) | set(now)):
        old, new = before.get(name, {}), now.get(name, {})
        for report_id in sorted(set(old) | set(new)):
            if old.get(report_id) != new.get(report_id):
                differences += 1
                if differences <= 20:
                    print(
                        f"DIFFERENT {name} {report_id}:\n  before {old.get(report_id)}\n  after  {new.get(report_id)}"
                    )
    print("identical" if not differences else f"{differences} reports differ")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
