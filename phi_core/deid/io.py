"""Documents in and out of a de-identification job, one reader and writer per format.

Readers take the file's bytes (the page has no path) and return documents in
file order; writers return bytes in the same format. Output carries only the
document id and the de-identified text: every other field or column is left
out, because the pipeline never read it and it may hold PHI (a name column,
the study's label column with the original values). Paper-CSV text is decoded
and encoded with the paper importer's own functions.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Callable

from phi_core.corpus.importers.paper_csv import (
    ID_PREFIX,
    TEXT_COLUMN,
    decode_report_text,
    encode_report_text,
)

from phi_core.deid.limits import (
    MAX_ZIP_MEMBERS,
    DeidInputError,
    max_document_bytes,
    read_bounded,
    safe_relative_name,
    too_large,
)

TEXT_COLUMNS = ("text", "report_text", "body", "report", "本文", "所見", "レポート")
ID_COLUMNS = ("id", "report_id", "document_id", "doc_id")


@dataclass
class Document:
    id: str
    text: str
    patient: str | None = None
    # How the writer names the id field/column/file, taken from the input.
    layout: dict = field(default_factory=dict)
    # Fields a reader was asked to keep as they are (``Source.extra_fields``); None when none were.
    extra: dict | None = None


def _decode(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DeidInputError(f"{what} is not UTF-8 text (byte {exc.start}); save it as UTF-8 and try again") from None


def _csv_rows(data: bytes, what: str) -> tuple[list[str], list[dict[str, str]]]:
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    reader = csv.DictReader(io.StringIO(_decode(data, what), newline=""))
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise DeidInputError(f"{what} is not valid CSV near line {reader.line_num} ({exc}); fix the file") from None
    return list(reader.fieldnames or []), rows


def _pick(columns: list[str], wanted: str | None, choices: tuple[str, ...], what: str, role: str) -> str | None:
    if wanted:
        if wanted not in columns:
            raise DeidInputError(
                f"{what} has no column {wanted!r} (columns: {', '.join(columns)}); name the {role} column that exists"
            )
        return wanted
    return next((c for c in columns if c.lower() in choices), None)


def read_jsonl(data: bytes, name: str, *, patient_key: str | None = None, **_) -> list[Document]:
    docs = []
    for number, line in enumerate(_decode(data, name).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DeidInputError(f"line {number} of {name} is not valid JSON ({exc.msg}); fix that line") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise DeidInputError(f'line {number} of {name} has no "text": each line needs {{"id", "text"}}')
        patient = record.get(patient_key) if patient_key else None
        docs.append(Document(str(record.get("id", number)), record["text"], None if patient is None else str(patient)))
    return docs


def read_csv(
    data: bytes, name: str, *, patient_key: str | None = None, text_column: str | None = None, **_
) -> list[Document]:
    columns, rows = _csv_rows(data, name)
    text_col = _pick(columns, text_column, TEXT_COLUMNS, name, "text")
    if text_col is None:
        raise DeidInputError(
            f"{name} has columns {columns} but none holds the text: "
            f"name it with --text-column (or call it one of {', '.join(TEXT_COLUMNS)})"
        )
    id_col = _pick(columns, None, ID_COLUMNS, name, "id")
    if patient_key:
        _pick(columns, patient_key, (), name, "patient key")
    layout = {"text_column": text_col, "id_column": id_col}
    return [
        Document(
            str(row.get(id_col) or number) if id_col else str(number),
            row.get(text_col) or "",
            (row.get(patient_key) or None) if patient_key else None,
            layout,
        )
        for number, row in enumerate(rows, start=1)
    ]


def read_paper_csv(data: bytes, name: str, *, patient_key: str | None = None, **_) -> list[Document]:
    columns, rows = _csv_rows(data, name)
    if TEXT_COLUMN not in columns:
        raise DeidInputError(
            f"{name} has columns {columns} but a paper CSV needs {TEXT_COLUMN!r}; choose another --format"
        )
    if patient_key:
        _pick(columns, patient_key, (), name, "patient key")
    width = max(3, len(str(len(rows))))  # the ids the paper importer would give
    return [
        Document(
            f"{ID_PREFIX}{number:0{width}d}",
            decode_report_text(row.get(TEXT_COLUMN) or ""),
            (row.get(patient_key) or None) if patient_key else None,
        )
        for number, row in enumerate(rows, start=1)
    ]


def read_txt(data: bytes, name: str, *, max_bytes: int | None = None, **_) -> list[Document]:
    limit = max_document_bytes(max_bytes)
    if len(data) > limit:
        raise too_large(name, f"{len(data):,}", limit)
    safe = safe_relative_name(PurePosixPath(name.replace("\\", "/")).name)
    return [Document(PurePosixPath(safe).stem or "document", _decode(data, name), layout={"file": safe})]


def read_zip(data: bytes, name: str, *, max_bytes: int | None = None, **_) -> list[Document]:
    limit = max_document_bytes(max_bytes)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise DeidInputError(f"{name} is not a zip file; upload a .zip of .txt files") from None
    members = zip_text_members(archive, name, limit)
    docs = []
    for member, safe in members:
        with archive.open(member) as stream:
            text = _decode(read_bounded(stream, limit, f"{member.filename!r} in {name}"), safe)
        docs.append(Document(safe, text, layout={"file": safe}))
    return docs


def zip_text_members(archive: zipfile.ZipFile, name: str, limit: int) -> list[tuple[zipfile.ZipInfo, str]]:
    """The .txt members in name order, each with its safe relative name; refuses oversized ones before reading."""
    members = [
        m
        for m in archive.infolist()
        if not m.is_dir() and m.filename.lower().endswith(".txt") and not PurePosixPath(m.filename).name.startswith(".")
    ]
    if not members:
        raise DeidInputError(f"{name} holds no .txt files; put one report per .txt file in the zip")
    if len(members) > MAX_ZIP_MEMBERS:
        raise DeidInputError(f"{name} holds more than {MAX_ZIP_MEMBERS} files; split it")
    out, seen = [], set()
    for member in sorted(members, key=lambda m: m.filename):
        if member.file_size > limit:
            raise too_large(f"{member.filename!r} in {name}", f"{member.file_size:,}", limit)
        safe = safe_relative_name(member.filename)
        if safe in seen:
            raise DeidInputError(
                f"{name} holds two members that become {safe!r} once made safe (no '..', no leading '/'); rename one"
            )
        seen.add(safe)
        out.append((member, safe))
    return out


def write_jsonl(docs: list[Document], texts: list[str]) -> bytes:
    return "".join(json.dumps({"id": d.id, "text": t}, ensure_ascii=False) + "\n" for d, t in zip(docs, texts)).encode(
        "utf-8"
    )


def write_csv(docs: list[Document], texts: list[str]) -> bytes:
    layout = docs[0].layout if docs else {}
    text_col = layout.get("text_column") or "text"
    id_col = layout.get("id_column") or "id"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([id_col, text_col])
    for doc, text in zip(docs, texts):
        writer.writerow([doc.id, text])
    return out.getvalue().encode("utf-8")


def write_paper_csv(docs: list[Document], texts: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([TEXT_COLUMN])  # row order is the id; the label column would hold originals
    for text in texts:
        writer.writerow([encode_report_text(text)])
    return out.getvalue().encode("utf-8")


def write_txt(docs: list[Document], texts: list[str]) -> bytes:
    if len(docs) != 1:
        return write_zip(docs, texts)
    return texts[0].encode("utf-8")


def write_zip(docs: list[Document], texts: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for doc, text in zip(docs, texts):
            archive.writestr(safe_relative_name(doc.layout.get("file") or f"{doc.id}.txt"), text)
    return buffer.getvalue()


READERS: dict[str, Callable[..., list[Document]]] = {
    "jsonl": read_jsonl,
    "paper-csv": read_paper_csv,
    "csv": read_csv,
    "txt": read_txt,
    "zip": read_zip,
}
WRITERS: dict[str, Callable[[list[Document], list[str]], bytes]] = {
    "jsonl": write_jsonl,
    "paper-csv": write_paper_csv,
    "csv": write_csv,
    "txt": write_txt,
    "zip": write_zip,
}
EXTENSIONS = {".jsonl": "jsonl", ".csv": "csv", ".txt": "txt", ".zip": "zip"}


def guess_format(name: str) -> str:
    fmt = EXTENSIONS.get(PurePosixPath(name).suffix.lower())
    if fmt is None:
        raise DeidInputError(f"cannot tell the format of {name}: pass --format {'|'.join(READERS)}")
    return fmt


def read_documents(data: bytes, name: str, fmt: str | None = None, **options) -> list[Document]:
    fmt = fmt or guess_format(name)
    if fmt not in READERS:
        raise DeidInputError(f"unknown format {fmt!r}: choose one of {', '.join(READERS)}")
    docs = READERS[fmt](data, name, **options)
    if len({d.id for d in docs}) != len(docs):
        raise DeidInputError(f"{name} gives the same document id twice: make the ids unique")
    return docs
