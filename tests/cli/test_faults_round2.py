"""Faults of the machine and mistakes in paths: one true line and a non-zero exit (issue 20, item 5).

The full disk and the read-only folder are made for real where the kernel lets
an unprivileged process do it (a tmpfs in a private mount namespace; a user
namespace, where even root obeys file modes); the same DuckDB messages are
also checked directly, so the mapping is tested everywhere.
"""

from __future__ import annotations

import errno
import pathlib
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from phi_core.cli.main import expected_fault, main
from phi_core.store import Store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus" / "synthetic.jsonl"


def one_plain_line(code: int, err: str, *needles: str) -> None:
    assert code != 0, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "bug" not in err.lower() and "Traceback" not in err and "Errno" not in err, err
    for needle in needles:
        assert needle in err, err


def cli(capsys, *argv) -> tuple[int, str]:
    code = main([str(a) for a in argv])
    return code, capsys.readouterr().err


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "phi.duckdb"
    with Store(path) as store:
        from phi_core.corpus.importers import read_corpus

        store.add_reports("s", read_corpus(CORPUS, "jsonl", dataset="s").reports[:20])
    return path


# ------------------------------------------------------- DuckDB's own words


@pytest.mark.parametrize(
    "exc, needle",
    [
        (
            duckdb.TransactionException(
                'TransactionContext Error: Failed to commit: Could not write file "/d/phi.duckdb.wal": '
                "No space left on device"
            ),
            "full",
        ),
        (
            duckdb.TransactionException(
                'TransactionContext Error: Failed to commit: Cannot open file "/d/phi.duckdb.wal": Permission denied'
            ),
            "read-only",
        ),
        (
            duckdb.Error(
                "Corrupt database file: computed checksum 4658895280553004866 does not match stored checksum "
                "18446744073709551615 in block at location 6303744"
            ),
            "damaged",
        ),
    ],
)
def test_duckdb_faults_of_any_class_are_explained(exc, needle):
    assert needle in (expected_fault(exc, "/d/phi.duckdb") or "")


# ------------------------------------------------------------ the real thing


def _namespace_works(*flags: str) -> bool:
    unshare = shutil.which("unshare")
    if unshare is None:
        return False
    return subprocess.run([unshare, *flags, "true"], capture_output=True).returncode == 0


FULL_DISK = """
set -e
mount -t tmpfs -o size=6m tmpfs "$1"
db="$1/phi.duckdb"
"$2" -m phi_core init --db "$db" --no-seed >/dev/null 2>&1
"$2" -m phi_core import "$3" --format jsonl --dataset s --db "$db" >/dev/null 2>&1
free=$(df -k "$1" | tail -1 | awk '{print $4}')
dd if=/dev/zero of="$1/fill" bs=1k count=$((free - 20)) >/dev/null 2>&1 || true
set +e
"$2" -m phi_core run --backend rules --dataset s --db "$db"
echo "exit=$?"
"""


@pytest.mark.timeout(180)
def test_a_full_disk_during_a_run(tmp_path):
    if not _namespace_works("-rm"):
        pytest.skip("no private mount namespace here: cannot make a small disk")
    folder = tmp_path / "disk"
    folder.mkdir()
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", FULL_DISK, "sh", str(folder), sys.executable, str(CORPUS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=170,
    )
    code = int(done.stdout.rsplit("exit=", 1)[1])
    err = "\n".join(line for line in done.stderr.splitlines() if not line.startswith("run "))
    one_plain_line(code, err.split("\r")[-1], "full", "free some space")


@pytest.mark.timeout(120)
def test_a_folder_not_writable_for_the_write_ahead_log(tmp_path, db):
    if not _namespace_works("-U"):
        pytest.skip("no user namespace here: root would write anyway")
    folder = db.parent
    folder.chmod(0o555)  # the database file stays writable; its .wal cannot be made
    try:
        done = subprocess.run(
            ["unshare", "-U", sys.executable, "-m", "phi_core", "import", str(CORPUS), "--format", "jsonl"]
            + ["--dataset", "more", "--db", str(db)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=110,
        )
    finally:
        folder.chmod(0o755)
    if done.returncode == 0:
        pytest.skip("this machine let the write through: file modes are not enforced here")
    one_plain_line(done.returncode, done.stderr, "read-only", str(db))
    assert '"committed": true' not in done.stdout


def test_damage_found_while_reading_a_block(capsys, tmp_path, db):
    """Each data block spoiled in turn: whatever query reads it, one plain line (never "This is a bug")."""
    size = db.stat().st_size
    header = 3 * 4096
    block = 256 * 1024
    failures = []
    for offset in range(header, size, block):
        copy = tmp_path / f"damaged-{offset}.duckdb"
        shutil.copy(db, copy)
        with copy.open("r+b") as handle:
            handle.seek(offset + 8)  # keep the block's checksum, spoil its contents
            handle.write(b"\xff" * 2048)
        try:  # damage found on opening is the open check's business (phi_core/store/database.py)
            duckdb.connect(str(copy)).close()
        except duckdb.Error:
            continue
        code, err = cli(
            capsys, "export", "gold", "--dataset", "s", "--out", tmp_path / f"out-{offset}.jsonl", "--db", copy
        )
        if code != 0:
            failures.append((code, err))
    assert failures, "no spoiled block was read: the test proves nothing"
    for code, err in failures:
        one_plain_line(code, err, "damaged", "backup")


# ------------------------------------------------------ lines that told lies


def test_an_unreadable_input_says_it_cannot_be_read(capsys, tmp_path, monkeypatch):
    source = tmp_path / "in.txt"
    source.write_text("氏名 山田太郎", encoding="utf-8")
    real = pathlib.Path.open

    # As root (CI) a chmod does not stop a read: refuse the open itself.
    def refused(self, *args, **kwargs):
        if self == source:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", refused)
    code, err = cli(
        capsys, "deid", "--pipeline", "rules", "--in", source, "--out", tmp_path / "out.txt", "--mode", "tags"
    )
    one_plain_line(code, err, "cannot read", str(source))
    assert "cannot write" not in err


def test_a_folder_given_as_input_or_output_says_so(capsys, tmp_path, db):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    # A folder is an archive deid reads (--format folder); read as one text file it is a mistake.
    code, err = cli(
        capsys,
        "deid",
        "--pipeline",
        "rules",
        "--in",
        folder,
        "--format",
        "txt",
        "--out",
        tmp_path / "o.txt",
        "--mode",
        "tags",
    )
    one_plain_line(code, err, "is a folder", str(folder))
    code, err = cli(capsys, "export", "gold", "--dataset", "s", "--out", folder, "--db", db)
    one_plain_line(code, err, "is a folder", str(folder))


@pytest.mark.parametrize(
    "command",
    [
        ["export", "gold", "--dataset", "s", "--out", "{missing}/gold.jsonl"],
        ["audit-export", "labels", "--out", "{missing}/audit.csv"],
        ["leak", "--dataset", "s", "--csv", "{missing}/leak.csv"],
    ],
)
def test_a_missing_output_folder_is_named_as_a_folder(capsys, tmp_path, db, command):
    missing = tmp_path / "no-such-folder"
    code, err = cli(capsys, *[part.format(missing=missing) for part in command], "--db", db)
    one_plain_line(code, err, f"the folder {missing} does not exist")
    assert "there is no file" not in err


def test_an_unknown_backend_is_named(capsys, db):
    code, err = cli(capsys, "run", "--backend", "olama", "--model", "m", "--dataset", "s", "--db", db)
    one_plain_line(code, err, "no backend called 'olama'", "ollama")
    assert "--phase" not in err


@pytest.mark.parametrize("part", ["ollama:m:9", "ollama:m:0", "ollama:m:three", "olama:m:3"])
def test_a_pipeline_part_with_a_phase_or_backend_that_does_not_exist_is_refused(capsys, db, part):
    code, err = cli(capsys, "pipeline", "add", "p", "--part", part, "--db", db)
    one_plain_line(code, err, part)
    with Store(db) as store:
        assert store.pipeline_definition("p") is None
