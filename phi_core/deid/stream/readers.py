"""Documents read one at a time from a file or folder, each with the position to resume after it.

A position is what the reader needs to start again right after a document
without reading what came before it: a byte offset and line number (JSONL),
the number of rows read (CSV: re-parsed, not rewritten), or the index of the
member or file (zip, folder). Memory holds one document at a time, plus the
member list of a zip (its central directory) or the listing of a folder.
"""

from __future__ import annotations

import csv
import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from phi_core.corpus.importers.paper_csv import ID_PREFIX, TEXT_COLUMN, decode_report_text
from phi_core.deid.io import ID_COLUMNS, TEXT_COLUMNS, Document, zip_text_members
from phi_core.deid.limits import DeidInputError, read_bounded, safe_relative_name, too_large

FORMATS = ("jsonl", "csv", "paper-csv", "txt", "zip", "folder")


@dataclass
class Source:
    path: Path
    fmt: str
    max_bytes: int
    # The one named field kept with each document: the patient key for deid, a stratum column for `sample`.
    patient_key: str | None = None
    text_column: str | None = None
    # JSONL fields kept as they are in ``Document.extra`` (``sample`` keeps a report's "style").
    extra_fields: tuple[str, ...] = ()
    # Filled when opened: what the writer needs to mirror the input (CSV columns).
    layout: dict = field(default_factory=dict)
    total: int | None = None


def guess_source_format(path: Path) -> str:
    if path.is_dir():
        return "folder"
    fmt = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".txt": "txt", ".zip": "zip"}.get(path.suffix.lower())
    if fmt is None:
        raise DeidInputError(f"cannot tell the format of {path.name}: pass --format {'|'.join(FORMATS)}")
    return fmt


def _text(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DeidInputError(f"{what} is not UTF-8 text (byte {exc.start}); save it as UTF-8 and try again") from None


# ---------------------------------------------------------------- JSONL


def _count_lines(path: Path) -> int:
    count = 0
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            count += block.count(b"\n")
    return count


def read_jsonl(src: Source, position: Any) -> Iterator[tuple[Document, Any]]:
    offset, number = position or (0, 0)
    with src.path.open("rb") as fh:
        fh.seek(offset)
        while True:
            line = fh.readline(src.max_bytes + 2)
            if not line:
                return
            number += 1
            if len(line) > src.max_bytes + 1 or (len(line) > src.max_bytes and not line.endswith(b"\n")):
                raise too_large(f"line {number} of {src.path.name}", f"more than {src.max_bytes:,}", src.max_bytes)
            offset += len(line)
            if not line.strip():
                continue
            try:
                record = json.loads(_text(line, f"line {number} of {src.path.name}"))
            except json.JSONDecodeError as exc:
                raise DeidInputError(
                    f"line {number} of {src.path.name} is not valid JSON ({exc.msg}); fix it"
                ) from None
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise DeidInputError(
                    f'line {number} of {src.path.name} has no "text": each line needs {{"id", "text"}}'
                )
            patient = record.get(src.patient_key) if src.patient_key else None
            doc = Document(str(record.get("id", number)), record["text"], None if patient is None else str(patient))
            if src.extra_fields:
                doc.extra = {name: record.get(name) for name in src.extra_fields}
            yield doc, (offset, number)


# ------------------------------------------------------------------ CSV


def _csv_reader(src: Source, fh) -> tuple[csv.reader, list[str]]:
    csv.field_size_limit(src.max_bytes)
    reader = csv.reader(fh)
    try:
        header = next(reader, [])
    except csv.Error as exc:
        raise DeidInputError(f"{src.path.name} is not valid CSV ({exc}); fix the file") from None
    return reader, header


def _rows(src: Source, reader, skip: int) -> Iterator[tuple[int, list[str]]]:
    number = 0
    try:
        for row in reader:
            number += 1
            if number > skip:
                yield number, row
    except csv.Error as exc:
        if "field larger" in str(exc):
            raise too_large(
                f"a cell near line {reader.line_num} of {src.path.name}", "over the limit", src.max_bytes
            ) from None
        raise DeidInputError(f"{src.path.name} is not valid CSV near line {reader.line_num} ({exc}); fix it") from None


def _column(header: list[str], wanted: str | None, choices: tuple[str, ...], what: str, role: str) -> int | None:
    if wanted:
        if wanted not in header:
            raise DeidInputError(
                f"{what} has no column {wanted!r} (columns: {', '.join(header)}); name one that exists"
            )
        return header.index(wanted)
    return next((i for i, c in enumerate(header) if c.lower() in choices), None)


def _open_csv(src: Source):
    return src.path.open(encoding="utf-8-sig", newline="")


def _cell(row: list[str], at: int | None) -> str:
    return row[at] if at is not None and at < len(row) else ""


def read_csv(src: Source, position: Any) -> Iterator[tuple[Document, Any]]:
    with _open_csv(src) as fh:
        reader, header = _csv_reader(src, fh)
        text_at = _column(header, src.text_column, TEXT_COLUMNS, src.path.name, "text")
        if text_at is None:
            raise DeidInputError(
                f"{src.path.name} has columns {header} but none holds the text: name it with --text-column "
                f"(or call it one of {', '.join(TEXT_COLUMNS)})"
            )
        id_at = _column(header, None, ID_COLUMNS, src.path.name, "id")
        key_at = _column(header, src.patient_key, (), src.path.name, "patient key") if src.patient_key else None
        src.layout = {"text_column": header[text_at], "id_column": header[id_at] if id_at is not None else None}
        for number, row in _rows(src, reader, position or 0):
            doc_id = (_cell(row, id_at) or str(number)) if id_at is not None else str(number)
            patient = (_cell(row, key_at) or None) if key_at is not None else None
            yield Document(doc_id, _cell(row, text_at), patient), number


def read_paper_csv(src: Source, position: Any) -> Iterator[tuple[Document, Any]]:
    with _open_csv(src) as fh:
        reader, header = _csv_reader(src, fh)
        if TEXT_COLUMN not in header:
            raise DeidInputError(
                f"{src.path.name} has columns {header} but a paper CSV needs {TEXT_COLUMN!r}; choose another --format"
            )
        text_at = header.index(TEXT_COLUMN)
        key_at = _column(header, src.patient_key, (), src.path.name, "patient key") if src.patient_key else None
        width = max(3, len(str(src.total or 0)))  # the ids the paper importer would give
        for number, row in _rows(src, reader, position or 0):
            text = decode_report_text(row[text_at] if text_at < len(row) else "")
            patient = (row[key_at] or None) if key_at is not None and key_at < len(row) else None
            yield Document(f"{ID_PREFIX}{number:0{width}d}", text, patient), number


def _count_csv_rows(src: Source) -> int:
    with _open_csv(src) as fh:
        reader, _ = _csv_reader(src, fh)
        return sum(1 for _ in _rows(src, reader, 0))


# ------------------------------------------------------- text, zip, folder


def read_txt(src: Source, position: Any) -> Iterator[tuple[Document, Any]]:
    if position:
        return
    size = src.path.stat().st_size
    if size > src.max_bytes:
        raise too_large(src.path.name, f"{size:,}", src.max_bytes)
    with src.path.open("rb") as fh:
        text = _text(read_bounded(fh, src.max_bytes, src.path.name), src.path.name)
    safe = safe_relative_name(src.path.name)
    yield Document(Path(safe).stem or "document", text, layout={"file": safe}), 1


def _zip_members(src: Source, archive: zipfile.ZipFile):
    return zip_text_members(archive, src.path.name, src.max_bytes)


def read_zip(src: Source, position: Any) -> Iterator[tuple[Document, Any]]:
    try:
        archive = zipfile.ZipFile(src.path)
    except zipfile.BadZipFile:
        raise DeidInputError(f"{src.path.name} is not a zip file; give a .zip of .txt files") from None
    with archive:
        members = _zip_members(src, archive)
        for index in range(position or 0, len(members)):
            member, safe = members[index]
            with archive.open(member) as stream:
                data = read_bounded(stream, src.max_bytes, f"{member.filename!r} in {src.path.name}")
            yield Document(safe, _text(data, safe), layout={"file": safe}), index + 1


def folder_files(root: Path) -> Iterator[Path]:
    """The .txt files under ``root`` in name order, one directory listing in memory at a time."""
    entries = sorted(os.scandir(root), key=lambda e: e.name)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from folder_files(Path(entry.path))
        elif entry.is_file(follow_symlinks=False) and entry.name.lower().endswith(".txt"):
            yield Path(entry.path)


def read_folder(src: Source, position: Any) -> Iterator[tuple[Document, Any]]:
    skip = position or 0
    for index, path in enumerate(folder_files(src.path), start=1):
        if index <= skip:
            continue
        relative = safe_relative_name(path.relative_to(src.path).as_posix())
        size = path.stat().st_size
        if size > src.max_bytes:
            raise too_large(relative, f"{size:,}", src.max_bytes)
        with path.open("rb") as fh:
            text = _text(read_bounded(fh, src.max_bytes, relative), relative)
        yield Document(relative, text, layout={"file": relative}), index


READERS = {
    "jsonl": read_jsonl,
    "csv": read_csv,
    "paper-csv": read_paper_csv,
    "txt": read_txt,
    "zip": read_zip,
    "folder": read_folder,
}


def check_source(src: Source) -> None:
    """Refuses a missing input, or a folder read as a file and the reverse, before anything is read."""
    if not src.path.exists():
        raise DeidInputError(f"there is no input {src.path}: check --in")
    if src.fmt == "folder" and not src.path.is_dir():
        raise DeidInputError(f"{src.path} is not a folder; give a folder of .txt files or choose another --format")
    if src.fmt != "folder" and src.path.is_dir():
        raise DeidInputError(f"{src.path} is a folder; pass --format folder to read its .txt files")


def prepare(src: Source) -> None:
    """Count the documents (for the progress bar and paper-CSV ids) and read the CSV layout; refuses bad input early."""
    check_source(src)
    if src.fmt == "jsonl":
        src.total = _count_lines(src.path)
    elif src.fmt in ("csv", "paper-csv"):
        src.total = _count_csv_rows(src)
        if src.fmt == "csv":
            next(iter(read_csv(src, src.total)), None)  # reads the header and sets the layout
    elif src.fmt == "zip":
        try:
            with zipfile.ZipFile(src.path) as archive:
                src.total = len(_zip_members(src, archive))
        except zipfile.BadZipFile:
            raise DeidInputError(f"{src.path.name} is not a zip file; give a .zip of .txt files") from None
    elif src.fmt == "folder":
        total = 0
        for path in folder_files(src.path):
            total += 1
            if path.stat().st_size > src.max_bytes:
                relative = safe_relative_name(path.relative_to(src.path).as_posix())
                raise too_large(relative, f"{path.stat().st_size:,}", src.max_bytes)
        src.total = total
    else:
        src.total = 1


def documents(src: Source, position: Any = None) -> Iterator[tuple[Document, Any]]:
    return READERS[src.fmt](src, position)
