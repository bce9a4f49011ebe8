"""Backups of a database that another process holds, made by that process.

DuckDB lets one process hold a database file read-write and then no other
process can open it, not even to read. Copying the file's bytes meanwhile is
not safe: recent changes sit in the write-ahead log and a checkpoint may be
rewriting blocks. So the process that holds the database (the app, or a long
command-line run) listens on a Unix socket in a folder only its user can
enter, named in the note it leaves beside the database
(``phi.duckdb.lock-info``). ``backup`` from another process asks there; the
holder copies a consistent snapshot (phi_core/store/copy.py) over a cursor
of its own connection, while its other threads go on working, and answers
with the summary or the reason it could not.

Only processes of the same user are served (the folder is 0700 and the peer's
credentials are checked), and a request can only ask for a new backup file.
"""

from __future__ import annotations

import json
import os
import socket
import struct
import tempfile
import threading
from pathlib import Path

import duckdb

from phi_core.store.copy import copy_open_database
from phi_core.store.dbfile import process_alive
from phi_core.store.errors import DatabaseLocked, StoreError

SOCKET_FIELD = "backup_socket"
MAX_REQUEST = 64 * 1024
REPLY_TIMEOUT_S = 3600.0


def socket_folder() -> Path:
    return Path(tempfile.gettempdir()) / f"phi-bench-{os.getuid()}"


def _private_folder() -> Path | None:
    folder = socket_folder()
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.stat()
    except OSError:
        return None
    if info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None  # someone else's folder, or one others can enter: serve nothing rather than leak
    return folder


class BackupService:
    """Serves backup requests for one open database until stopped."""

    def __init__(self, con: duckdb.DuckDBPyConnection, source: str, key: str | None, address: Path):
        self.con = con
        self.source = source
        self.key = key
        self.address = address
        self._listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._listener.bind(str(address))
        os.chmod(address, 0o600)
        self._listener.listen(4)
        self._thread = threading.Thread(target=self._serve, name="phi-backup-service", daemon=True)
        self._thread.start()

    @classmethod
    def start(cls, con: duckdb.DuckDBPyConnection, source: str, key: str | None) -> BackupService | None:
        folder = _private_folder()
        if folder is None:
            return None
        _remove_dead_sockets(folder)
        address = folder / f"{os.getpid()}-{id(con):x}.sock"
        try:
            address.unlink(missing_ok=True)
            return cls(con, source, key, address)
        except OSError:
            return None

    def stop(self) -> None:
        try:
            self._listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._listener.close()
        self._thread.join(timeout=REPLY_TIMEOUT_S)
        self.address.unlink(missing_ok=True)

    def _serve(self) -> None:
        while True:
            try:
                peer, _ = self._listener.accept()
            except OSError:
                return  # stopped
            with peer:
                try:
                    self._answer(peer)
                except OSError:
                    continue  # the requester went away

    def _answer(self, peer: socket.socket) -> None:
        if _peer_uid(peer) not in (os.getuid(), None):
            return
        try:
            request = json.loads(_read_line(peer))
            out = Path(request["out"])
            if request.get("op") != "backup" or not out.is_absolute():
                raise ValueError("unknown request")
            summary = copy_open_database(self.con, self.source, out, self.key, force=bool(request.get("force")))
            reply = {"ok": True, **summary.as_dict()}
        except (ValueError, KeyError, TypeError):
            reply = {"ok": False, "error": "the backup request was not understood"}
        except (OSError, StoreError, duckdb.Error) as exc:
            reply = {"ok": False, "error": str(exc)}
        peer.sendall(json.dumps(reply, ensure_ascii=False).encode("utf-8") + b"\n")


def _peer_uid(peer: socket.socket) -> int | None:
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return None  # not Linux: the folder's mode is the check
    data = peer.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    return struct.unpack("3i", data)[1]


def _read_line(peer: socket.socket) -> bytes:
    data = b""
    while b"\n" not in data:
        chunk = peer.recv(4096)
        if not chunk:
            break
        data += chunk
        if len(data) > MAX_REQUEST:
            raise ValueError("request too large")
    return data.split(b"\n", 1)[0]


def _remove_dead_sockets(folder: Path) -> None:
    for stale in folder.glob("*.sock"):
        pid = stale.name.split("-", 1)[0]
        if pid.isdigit() and not process_alive(int(pid)):
            stale.unlink(missing_ok=True)


def request_backup(note: dict, out: Path, *, force: bool, locked: DatabaseLocked) -> dict:
    """Ask the process that holds the database (its lock note is ``note``) for a backup to ``out``."""
    address = note.get(SOCKET_FIELD)
    if not address or not process_alive(int(note.get("pid") or 0)):
        raise DatabaseLocked(f"{locked} It takes no backup requests, so stop it and run backup again.") from None
    path = Path(address)
    try:
        if path.stat().st_uid != os.getuid():
            raise DatabaseLocked(f"{locked} Its backup socket {path} belongs to another user.")
    except FileNotFoundError:
        raise DatabaseLocked(f"{locked} It takes no backup requests, so stop it and run backup again.") from None
    request = {"op": "backup", "out": str(out.resolve()), "force": force}
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(REPLY_TIMEOUT_S)
        try:
            client.connect(str(path))
            client.sendall(json.dumps(request).encode("utf-8") + b"\n")
            line = _read_line(client)
        except OSError as exc:
            raise StoreError(
                f"the process holding the database did not answer the backup request ({exc.strerror or exc}): "
                "try again, or stop it and run backup again"
            ) from None
    try:
        reply = json.loads(line)
    except ValueError:
        raise StoreError("the process holding the database gave no answer to the backup request: try again") from None
    if not reply.get("ok"):
        raise StoreError(f"the process holding the database could not make the backup: {reply.get('error')}")
    reply.pop("ok", None)
    reply["made_by"] = f"process {note.get('pid')} ({note.get('kind', 'phi-bench')}), which holds the database"
    return reply
