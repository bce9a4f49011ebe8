"""Reading an archive one document at a time: JSONL, CSV, a zip of text files, a folder of text files.

``phi_core/deid/io.py`` takes a whole file's bytes (the page has no path), so
it cannot read an archive larger than memory; this reader never holds more
than one document. It keeps the id, the text and the one field a stratum
may be named by (``--strata column:NAME``), nothing else.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from phi_core.deid.io import ID_COLUMNS, TEXT_COLUMNS

FORMATS = ("jsonl", "csv", "zip", "folder")
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".zip": "zip"}


class ArchiveError(ValueError):
    """The archive cannot be read as asked; the message says what to do."""


@dataclass
class ArchiveDoc:
    id: str
    text: str
    stratum: str | None = None  # the value of the --strata column, when one is named
    style: str | None = None  # a JSONL archive's own "style" field, kept as the report's style


def guess_format(path: Path) -> str:
    if path.is_dir():
        return "folder"
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise ArchiveError(f"cannot tell the format of {path.name}: pass --format {'|'.join(FORMATS)}")
    return fmt


def _text(value: bytes, where: str) -> str:
    try:
        return value.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArchiveError(f"{where} is not UTF-8 text (byte {exc.start}); save the archive as UTF-8") from None


def _jsonl(path: Path, column: str | None) -> Iterator[ArchiveDoc]:
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(_text(raw, f"line {number} of {path.name}"))
            except json.JSONDecodeError as exc:
                raise ArchiveError(
                    f"line {number} of {path.name} is not valid JSON ({exc.msg}); fix that line"
                ) from None
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ArchiveError(f'line {number} of {path.name} has no "text": each line needs {{"id", "text"}}')
            stratum = record.get(column) if column else None
            style = record.get("style")
            yield ArchiveDoc(
                str(record.get("id", number)),
                record["text"],
                None if stratum is None else str(stratum),
                style if isinstance(style, str) and style else None,
            )


def _csv(path: Path, column: str | None, text_column: str | None) -> Iterator[ArchiveDoc]:
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = list(reader.fieldnames or [])
        text_col = text_column or next((c for c in columns if c.lower() in TEXT_COLUMNS), None)
        if text_col not in columns:
            raise ArchiveError(
                f"{path.name} has columns {columns} but none holds the text: name it with --text-column "
                f"(or call it one of {', '.join(TEXT_COLUMNS)})"
            )
        if column and column not in columns:
            raise ArchiveError(f"{path.name} has no column {column!r} (columns: {', '.join(columns)}): fix --strata")
        id_col = next((c for c in columns if c.lower() in ID_COLUMNS), None)
        try:
            for number, row in enumerate(reader, start=1):
                yield ArchiveDoc(
                    str(row.get(id_col) or number) if id_col else str(number),
                    row.get(text_col) or "",
                    (row.get(column) or "") if column else None,
                )
        except (csv.Error, UnicodeDecodeError) as exc:
            raise ArchiveError(
                f"{path.name} cannot be read near line {reader.line_num} ({exc}); fix the file"
            ) from None


def _is_text_member(name: str) -> bool:
    return name.lower().endswith(".txt") and not Path(name).name.startswith(".")


def _zip(path: Path) -> Iterator[ArchiveDoc]:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise ArchiveError(f"{path.name} is not a zip file; give a .zip of .txt files") from None
    with archive:
        names = sorted(m.filename for m in archive.infolist() if not m.is_dir() and _is_text_member(m.filename))
        if not names:
            raise ArchiveError(f"{path.name} holds no .txt files; put one document per .txt file in the zip")
        for name in names:
            yield ArchiveDoc(name, _text(archive.read(name), name))


def _folder(path: Path) -> Iterator[ArchiveDoc]:
    found = False
    for root, dirs, files in os.walk(path):
        dirs.sort()
        for name in sorted(files):
            if _is_text_member(name):
                found = True
                full = Path(root) / name
                yield ArchiveDoc(full.relative_to(path).as_posix(), _text(full.read_bytes(), str(full)))
    if not found:
        raise ArchiveError(f"{path} holds no .txt files; put one document per .txt file in the folder")


def iter_documents(
    path: str | Path, fmt: str | None = None, *, column: str | None = None, text_column: str | None = None
) -> Iterator[ArchiveDoc]:
    """The archive's documents in a fixed order (file order; zip members and files by name)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(2, "no such file", str(path))
    fmt = fmt or guess_format(path)
    if fmt not in FORMATS:
        raise ArchiveError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if column and fmt in ("zip", "folder"):
        raise ArchiveError(f"a {fmt} of text files has no columns: use --strata kind")
    if fmt == "folder" and not path.is_dir():
        raise ArchiveError(f"{path} is not a folder: choose the format of the file")
    if fmt != "folder" and path.is_dir():
        raise ArchiveError(f"{path} is a folder: use --format folder")
    if fmt == "jsonl":
        return _jsonl(path, column)
    if fmt == "csv":
        return _csv(path, column, text_column)
    if fmt == "zip":
        return _zip(path)
    return _folder(path)


def archive_digest(path: str | Path) -> str:
    """SHA-256 of the archive's bytes (a folder: of each text file's name and bytes, in order)."""
    path = Path(path)
    digest = hashlib.sha256()
    files = (
        [Path(root) / n for root, _, names in sorted(os.walk(path)) for n in sorted(names) if _is_text_member(n)]
        if path.is_dir()
        else [path]
    )
    for file in files:
        if path.is_dir():
            digest.update(file.relative_to(path).as_posix().encode() + b"\0")
        with open(file, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


__all__ = ["ArchiveDoc", "ArchiveError", "FORMATS", "archive_digest", "guess_format", "iter_documents"]
