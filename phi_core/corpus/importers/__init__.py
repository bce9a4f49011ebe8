"""Corpus importers: one module per input format, chosen through a registry.

Every importer takes ``(path, *, dataset, split=None, encoding=None)`` and returns an
:class:`ImportResult` whose summary counts everything that could not be taken
at face value; the same problems sit as warnings on the reports themselves.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from phi_core.corpus.importers.common import CorpusFormatError, ImportResult
from phi_core.corpus.importers.doccano import import_doccano
from phi_core.corpus.importers.jsonl import import_jsonl
from phi_core.corpus.importers.paper_csv import import_paper_csv

IMPORTERS: dict[str, Callable[..., ImportResult]] = {
    "paper-csv": import_paper_csv,
    "jsonl": import_jsonl,
    "doccano": import_doccano,
}


def read_corpus(
    path: str | Path, fmt: str, *, dataset: str, split: str | None = None, encoding: str | None = None
) -> ImportResult:
    """Import a corpus file in one of the :data:`IMPORTERS` formats.

    The file may be UTF-8, CP932 (Shift_JIS) or EUC-JP (detected), or in the
    forced ``encoding``; the summary names the encoding used.
    """
    importer = IMPORTERS.get(fmt)
    if importer is None:
        raise CorpusFormatError(f"unknown corpus format {fmt!r}; choose one of: {', '.join(IMPORTERS)}")
    return importer(path, dataset=dataset, split=split, encoding=encoding)


__all__ = ["CorpusFormatError", "ImportResult", "IMPORTERS", "read_corpus"]
