"""Output written as the job goes, committed at known offsets, and cut back to the last commit on resume.

Each writer appends documents in input order. :meth:`commit` flushes and
fsyncs, then returns the state to store in the checkpoint; opening a writer
with that state truncates whatever a killed run wrote after it. Every file is
created owner-only and refuses to replace an existing file unless forced
(phi_core.files). Zip members get a fixed timestamp and mode, so the same job
writes the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from pathlib import Path

from phi_core.corpus.importers.paper_csv import TEXT_COLUMN, encode_report_text
from phi_core.deid.io import Document
from phi_core.deid.limits import safe_relative_name
from phi_core.files import create_private, safe_row

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
MAPPING_COLUMNS = ("document_id", "patient", "category", "start", "end", "original", "replacement")


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _open_at(path: Path, state: dict | None, force: bool):
    """A binary file to append to: new (owner-only) or an earlier run's, cut back to its committed offset."""
    if state is None:
        return os.fdopen(create_private(path, force=force), "wb")
    fh = open(path, "r+b")  # noqa: SIM115 - closed by the writer
    fh.truncate(state["offset"])
    fh.seek(state["offset"])
    return fh


class LineWriter:
    """Appends encoded records to one file (JSONL, CSV, the mapping)."""

    def __init__(self, path: Path, state: dict | None, force: bool, header: bytes = b""):
        self.path = path
        self.fh = _open_at(path, state, force)
        if state is None and header:
            self.fh.write(header)

    def append(self, data: bytes) -> None:
        self.fh.write(data)

    def commit(self) -> dict:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        return {"offset": self.fh.tell()}

    def finish(self) -> None:
        self.commit()
        self.fh.close()

    def abort(self) -> None:
        self.fh.close()


def _csv_bytes(rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow(safe_row(row))
    return out.getvalue().encode("utf-8")


class JsonlWriter(LineWriter):
    def __init__(self, path: Path, state: dict | None, force: bool, layout: dict):
        super().__init__(path, state, force)

    def write(self, doc: Document, text: str) -> None:
        self.append((json.dumps({"id": doc.id, "text": text}, ensure_ascii=False) + "\n").encode("utf-8"))


class CsvWriter(LineWriter):
    def __init__(self, path: Path, state: dict | None, force: bool, layout: dict):
        self.columns = [layout.get("id_column") or "id", layout.get("text_column") or "text"]
        super().__init__(path, state, force, _csv_bytes([self.columns]))

    def write(self, doc: Document, text: str) -> None:
        self.append(_csv_bytes([[doc.id, text]]))


class PaperCsvWriter(LineWriter):
    def __init__(self, path: Path, state: dict | None, force: bool, layout: dict):
        # Row order is the id; the label column would hold originals.
        super().__init__(path, state, force, _csv_bytes([[TEXT_COLUMN]]))

    def write(self, doc: Document, text: str) -> None:
        self.append(_csv_bytes([[encode_report_text(text)]]))


class TxtWriter(LineWriter):
    def __init__(self, path: Path, state: dict | None, force: bool, layout: dict):
        super().__init__(path, state, force)

    def write(self, doc: Document, text: str) -> None:
        self.append(text.encode("utf-8"))


class ZipWriter:
    """A zip written member by member; its central directory is rebuilt from the checkpoint on resume.

    The committed state lists each member's entry (name, offset, CRC, sizes),
    which a zip needs at its end anyway; it is bounded by the member limit.
    """

    def __init__(self, path: Path, state: dict | None, force: bool, layout: dict):
        self.path = path
        self.fh = _open_at(path, state, force)
        self.zip = zipfile.ZipFile(self.fh, "w", zipfile.ZIP_DEFLATED)
        for entry in (state or {}).get("members", []):
            info = zipfile.ZipInfo(entry["name"], ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            info.header_offset = entry["offset"]
            info.CRC, info.compress_size, info.file_size = entry["crc"], entry["csize"], entry["size"]
            self.zip.filelist.append(info)
            self.zip.NameToInfo[info.filename] = info
        if state is not None:
            self.zip.start_dir = state["offset"]

    def write(self, doc: Document, text: str) -> None:
        info = zipfile.ZipInfo(safe_relative_name(doc.layout.get("file") or f"{doc.id}.txt"), ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o600 << 16
        self.zip.writestr(info, text.encode("utf-8"))

    def commit(self) -> dict:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        members = [
            {"name": i.filename, "offset": i.header_offset, "crc": i.CRC, "csize": i.compress_size, "size": i.file_size}
            for i in self.zip.filelist
        ]
        return {"offset": self.fh.tell(), "members": members}

    def finish(self) -> None:
        self.zip.close()
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()

    def abort(self) -> None:
        self.fh.close()


class FolderWriter:
    """One owner-only file per document under the output folder, each written whole and renamed into place."""

    def __init__(self, path: Path, state: dict | None, force: bool, layout: dict):
        self.path = path
        self.written: list[Path] = []
        if state is None:
            if path.exists() and (not path.is_dir() or (any(path.iterdir()) and not force)):
                from phi_core.files import OutputExists

                raise OutputExists(path)
            path.mkdir(mode=0o700, parents=False, exist_ok=True)

    def write(self, doc: Document, text: str) -> None:
        target = self.path / safe_relative_name(doc.layout.get("file") or f"{doc.id}.txt")
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".part")
        fd = create_private(temporary, force=True)
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temporary, target)
        self.written.append(target.parent)

    def commit(self) -> dict:
        for folder in set(self.written):
            _fsync_dir(folder)
        self.written.clear()
        return {}

    def finish(self) -> None:
        self.commit()

    def abort(self) -> None:
        pass


WRITERS = {
    "jsonl": JsonlWriter,
    "csv": CsvWriter,
    "paper-csv": PaperCsvWriter,
    "txt": TxtWriter,
    "zip": ZipWriter,
    "folder": FolderWriter,
}


class MappingWriter(LineWriter):
    """Original-to-replacement pairs: the only file with originals (owner-only, spreadsheet-safe)."""

    def __init__(self, path: Path, state: dict | None, force: bool):
        super().__init__(path, state, force, _csv_bytes([MAPPING_COLUMNS]))

    def write_rows(self, rows) -> None:
        if rows:
            self.append(_csv_bytes(rows))
