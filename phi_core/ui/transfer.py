"""Import and export from the browser: bytes in, preview, commit; reports out as bytes.

The uploaded file goes through the same importers as the CLI. A preview is
kept until the annotator commits it, so nothing reaches the store before the
summary has been seen.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from phi_core.corpus import service
from phi_core.corpus.exporters import EXPORTERS
from phi_core.corpus.importers import IMPORTERS, CorpusFormatError, ImportResult, read_corpus
from phi_core.models import Report
from phi_core.roles import Actor
from phi_core.store import Store

EXPORT_SUFFIX = {"jsonl": ".jsonl", "paper-csv": ".csv"}
IMPORT_SUFFIX = {"jsonl": ".jsonl", "paper-csv": ".csv", "doccano": ".jsonl"}


class TransferError(ValueError):
    """An import or export the annotator can fix; the message says how."""


@dataclass
class ImportPreview:
    filename: str
    fmt: str
    dataset: str
    result: ImportResult

    @property
    def summary_rows(self) -> list[tuple[str, str]]:
        s = self.result.summary
        rows = [
            ("reports", str(s.reports)),
            ("spans", str(s.spans)),
            ("by split", str(s.by_split)),
            ("encoding", s.encoding),
            ("unreadable label cells", str(s.unreadable_label_cells)),
            ("overlapping spans", str(s.overlapping_spans)),
            ("values not found in the text", str(s.values_not_found)),
            ("unmapped labels", ", ".join(f"{k} ×{v}" for k, v in s.unmapped_labels.items()) or "none"),
            ("duplicate spans", str(s.duplicates)),
            ("reports without labels", str(s.reports_without_labels)),
            ("position mismatches", str(s.position_mismatches)),
            ("duplicate reports", str(s.duplicate_reports)),
        ]
        if s.errors:
            rows.append(("errors", "; ".join(s.errors)))
        return rows


def preview_import(
    data: bytes, filename: str, fmt: str, dataset: str, split: str | None, encoding: str | None = None
) -> ImportPreview:
    """Read the upload through the importers; errors name the file as uploaded, never the temporary copy."""
    dataset = dataset.strip()
    if not dataset:
        raise TransferError("give the dataset a name before checking the file")
    if fmt not in IMPORTERS:
        raise TransferError(f"unknown format {fmt!r}: choose one of {', '.join(IMPORTERS)}")
    suffix = Path(filename).suffix or IMPORT_SUFFIX.get(fmt, "")
    with tempfile.TemporaryDirectory(prefix="phi-import-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            result = read_corpus(path, fmt, dataset=dataset, split=split, encoding=encoding)
        except (CorpusFormatError, ValueError) as error:
            message = str(error).replace(str(path), filename).replace(folder, "")
            raise TransferError(f"{filename} cannot be read as {fmt}: {message}") from None
    result.summary.source = filename
    if not result.reports:
        raise TransferError(f"{filename} holds no reports in the {fmt} format: check the format choice")
    return ImportPreview(filename, fmt, dataset, result)


def commit_import(store: Store, preview: ImportPreview, *, actor: Actor | str) -> int:
    """Write the previewed reports; the store refuses ids the dataset already has."""
    return service.import_reports(
        store, actor, preview.dataset, preview.result.reports, source=f"upload:{preview.filename}"
    )


def export_bytes(reports: Sequence[Report], fmt: str, *, actor: Actor | str) -> bytes:
    if fmt not in EXPORTERS:
        raise TransferError(f"unknown export format {fmt!r}: choose one of {', '.join(EXPORTERS)}")
    with tempfile.TemporaryDirectory(prefix="phi-export-") as folder:
        path = Path(folder) / f"export{EXPORT_SUFFIX.get(fmt, '')}"
        service.export_gold_reports(actor, reports, path, fmt)
        return path.read_bytes()


def export_filename(dataset: str, split: str | None, fmt: str) -> str:
    return f"{dataset}{'-' + split if split else ''}-gold{EXPORT_SUFFIX.get(fmt, '')}"
