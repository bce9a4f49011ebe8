"""Write reports out in a format the importers read back unchanged.

``jsonl`` is the project's own layout. ``paper-csv`` mimics the source study's
CSV (escaped, quoted ``report_text``; ``phi_items`` as JSON with English type
names) so that tools written for the study can consume our corpora. Its JSON
also carries ``report_id`` and ``"positions_exact": true``; the paper-csv
importer then keeps each span exactly where it is instead of labelling every
occurrence of its value, so export followed by import reproduces the spans.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from phi_core.corpus.importers.common import CorpusFormatError
from phi_core.corpus.importers.paper_csv import LABELS_COLUMN, TEXT_COLUMN, encode_report_text
from phi_core.corpus.jsonl import report_to_record
from phi_core.files import open_private, write_csv_rows
from phi_core.models import Report
from phi_core.taxonomy import CATEGORY_BY_CODE


def _display_name(category: str) -> str:
    known = CATEGORY_BY_CODE.get(category)
    return known.name_en if known else category


def paper_labels_cell(report: Report) -> str:
    """The ``phi_items`` cell of one report; empty for a report nobody has labelled."""
    if report.status == "unlabeled":
        return ""
    items = [
        {"type": _display_name(s.category), "value": s.text, "start_position": s.start, "end_position": s.end}
        for s in sorted(report.spans, key=lambda s: (s.start, s.end, s.category))
    ]
    return json.dumps({"report_id": report.id, "positions_exact": True, "phi_items": items}, ensure_ascii=False)


def write_paper_csv(reports: list[Report], path: Path, *, force: bool = False) -> int:
    with open_private(path, "w", force=force, newline="") as out:
        rows = ([encode_report_text(r.text), paper_labels_cell(r)] for r in reports)
        return write_csv_rows(out, [[TEXT_COLUMN, LABELS_COLUMN], *rows]) - 1


def _write_jsonl(reports: list[Report], path: Path, *, force: bool = False) -> int:
    with open_private(path, "w", force=force, newline="\n") as out:
        for report in reports:
            out.write(json.dumps(report_to_record(report), ensure_ascii=False))
            out.write("\n")
    return len(reports)


# Each writes a new owner-only file (gold labels are PHI) and refuses an existing one unless force.
EXPORTERS: dict[str, Callable[..., int]] = {
    "jsonl": _write_jsonl,
    "paper-csv": write_paper_csv,
}


def write_corpus(reports: list[Report], path: str | Path, fmt: str, *, force: bool = False) -> int:
    """Write ``reports`` to a new owner-only file ``path`` in format ``fmt``; returns how many were written."""
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise CorpusFormatError(f"unknown export format {fmt!r}; choose one of: {', '.join(EXPORTERS)}")
    return exporter(list(reports), Path(path), force=force)
