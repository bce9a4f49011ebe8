"""Files readable by their owner only, created without replacing anything unasked."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

OWNER_ONLY = 0o600


class OutputExists(FileExistsError):
    """The output file exists and the caller did not say it may be replaced."""

    def __init__(self, path: Path):
        super().__init__(
            f"{path} already exists; nothing was written. Choose another file name, or add --force to replace it."
        )
        self.path = path
        self.ja = f"{path} は既に存在するため、何も書き込みませんでした。別のファイル名を指定するか、置き換える場合は --force を付けてください。"


class SameFile(ValueError):
    """An output path names the input file."""

    def __init__(self, path: Path):
        super().__init__(f"the output {path} is the input file; choose another output file so the input is kept.")
        self.path = path
        self.ja = f"出力先 {path} は入力ファイルと同じです。入力を残すため、別の出力ファイルを指定してください。"


def refuse_same_file(source: str | os.PathLike, *outputs: str | os.PathLike | None) -> None:
    """Raise :class:`SameFile` when any output is the source (same file, whatever the spelling)."""
    src = Path(source)
    for output in outputs:
        if output is None:
            continue
        out = Path(output)
        if out.exists() and src.exists():
            if os.path.samefile(src, out):
                raise SameFile(out)
        elif out.resolve() == src.resolve():
            raise SameFile(out)


def create_private(path: str | os.PathLike, *, force: bool = False) -> int:
    """Open ``path`` for writing as a new owner-only file and return its descriptor.

    Without ``force`` an existing file is refused (:class:`OutputExists`);
    with it, the old file is truncated and its mode tightened to owner-only,
    since a file that held PHI once may hold it again.
    """
    target = Path(path)
    if target.is_dir():
        # Say what it is: "already exists" would send the user looking for a file.
        raise IsADirectoryError(21, "Is a directory", str(target))
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if force else os.O_EXCL)
    try:
        fd = os.open(target, flags, OWNER_ONLY)
    except FileExistsError:
        raise OutputExists(target) from None
    # The umask cannot widen the mode, but an existing file keeps its own: narrow it.
    os.fchmod(fd, OWNER_ONLY)
    return fd


def open_private(
    path: str | os.PathLike,
    mode: str = "w",
    *,
    force: bool = False,
    encoding: str | None = "utf-8",
    newline: str | None = None,
) -> IO:
    """Like ``open(path, mode)`` for writing, but owner-only and refusing to replace without ``force``."""
    if "r" in mode or "a" in mode or "+" in mode:
        raise ValueError("open_private writes new files only; use 'w' or 'wb'")
    fd = create_private(path, force=force)
    if "b" in mode:
        return os.fdopen(fd, mode)
    return os.fdopen(fd, mode, encoding=encoding, newline=newline)


def private_dir(path: str | os.PathLike) -> Path:
    """Create ``path`` (and parents) if needed and make it an owner-only folder.

    For scratch space that a library fills with files of its own choosing (PHI
    spilled to disk among them): whatever modes it gives them, nobody else can
    reach inside. A folder of another user's is refused rather than borrowed.
    """
    target = Path(path)
    target.mkdir(mode=0o700, parents=True, exist_ok=True)
    if target.stat().st_uid != os.getuid():
        raise PermissionError(13, "Folder belongs to another user", str(target))
    os.chmod(target, 0o700)
    return target
