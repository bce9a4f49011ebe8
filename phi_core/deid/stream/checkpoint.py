"""The sidecar that makes an archive job resumable: ``OUT.deid-progress`` next to the output.

It says which job wrote the output (a fingerprint of the input, options,
pipeline and key id: never the key, never a document), how many documents
are done, where to resume reading, and the committed offsets of the output
and the mapping. It is replaced atomically (write, fsync, rename, fsync the
folder) and only after the output it describes has been fsync'd, so after a
crash the output is never behind it; anything written after it is cut off
on resume. A finished job removes it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from phi_core.files import create_private

SUFFIX = ".deid-progress"
VERSION = 1


def progress_path(out: Path) -> Path:
    return out.with_name(out.name + SUFFIX)


def load(out: Path) -> dict | None:
    path = progress_path(out)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {"version": None}  # unreadable: treated as another job's
    return data if isinstance(data, dict) else {"version": None}


def save(out: Path, state: dict) -> None:
    path = progress_path(out)
    temporary = path.with_name(path.name + ".tmp")
    fd = create_private(temporary, force=True)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"version": VERSION, **state}, fh, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(temporary, path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def remove(out: Path) -> None:
    for path in (progress_path(out), progress_path(out).with_name(progress_path(out).name + ".tmp")):
        path.unlink(missing_ok=True)


def fingerprint(source: Path, options: dict) -> dict:
    """What makes two runs the same job: the input file (path, size, modification time) and every option."""
    info = source.stat()
    return {
        "input": str(source.resolve()),
        "input_size": info.st_size if source.is_file() else None,
        "input_mtime_ns": info.st_mtime_ns,
        **options,
    }
