"""`python -m phi_core COMMAND ...`: the scripted face of phi-bench."""

from __future__ import annotations

import argparse
import importlib
import errno
import os
import sys
from pathlib import Path

from phi_core.cli.base import COMMANDS, UserError, fail

# Importing a command module registers its commands (phi_core/cli/base.py: COMMANDS).
COMMAND_MODULES = (
    "analysis_commands",
    "corpus_commands",
    "data_commands",
    "deid_commands",
    "engine_commands",
    "figure_commands",
    "leak_commands",
    "pipeline_commands",
    "release_commands",
    "report_commands",
    "run_commands",
    "team_commands",
)
for _module in COMMAND_MODULES:
    importlib.import_module(f"phi_core.cli.{_module}")


def _user_errors() -> tuple[type[BaseException], ...]:
    """Exceptions whose message is meant for the user, not a traceback."""
    from phi_core.backends.base import BackendError
    from phi_core.corpus.importers import CorpusFormatError
    from phi_core.files import OutputExists, SameFile
    from phi_core.phases import PhaseError
    from phi_core.store import StoreError

    return (
        UserError,
        StoreError,
        CorpusFormatError,
        BackendError,
        PhaseError,
        OutputExists,
        SameFile,
        FileNotFoundError,
        IsADirectoryError,
    )


# Commands that may make a new database file; every other one needs a database that exists.
CREATES_DATABASE = frozenset({"init", "import", "restore"})


def check_database(args: argparse.Namespace) -> None:
    """Refuse a --db that names no database before anything opens (and so creates) it."""
    if getattr(args, "db", "absent") == "absent" or getattr(args, "dry_run", False):
        return
    if not getattr(args, "needs_database", lambda _args: True)(args):
        return
    from phi_core.store.database import resolve_db_path

    path = resolve_db_path(args.db)
    if str(path) == ":memory:" or path.is_file():
        return
    if path.is_dir():
        raise UserError(f"{path} is a folder: --db (or PHI_DB) must name the database file, e.g. {path / 'phi.duckdb'}")
    if args.command == "init":
        return
    if args.command in CREATES_DATABASE:
        if not path.parent.is_dir():
            raise UserError(
                f"the folder {path.parent} does not exist: check --db (or PHI_DB), or create the "
                f"database there first with `python -m phi_core init --db {path}`"
            )
        return
    raise UserError(
        f"there is no database at {path}: check --db (or PHI_DB), or create one with "
        f"`python -m phi_core init --db {path}`"
    )


# Arguments that name files a command reads (never writes): a fault on them is a fault of reading.
INPUT_ARGUMENTS = ("file", "input", "gold", "pred")
# What DuckDB says, in any exception class, when the disk, the permissions or the file are at fault
# (a failed commit of the write-ahead log is a TransactionException; a damaged block a plain duckdb.Error).
DATABASE_IO_WORDS = ("no space left", "disk full", "permission denied", "read-only file system", "corrupt", "checksum")


def file_fault(exc: BaseException, args: argparse.Namespace) -> str | None:
    """One line for a file that is missing, a folder, or unreadable, saying which it is."""
    if not isinstance(exc, OSError) or not exc.filename:
        return None
    name = str(exc.filename)
    path = Path(name)
    inputs = {str(getattr(args, attr)) for attr in INPUT_ARGUMENTS if getattr(args, attr, None)}
    if isinstance(exc, IsADirectoryError):
        return f"{name} is a folder, not a file: give the path of a file"
    if isinstance(exc, FileNotFoundError):
        if name not in inputs and not path.parent.is_dir():
            return f"the folder {path.parent} does not exist: create it first or choose another path for the output"
        return f"there is no file {name}: check the path"
    if exc.errno in (errno.EACCES, errno.EPERM) and (
        name in inputs or (path.is_file() and not os.access(path, os.R_OK))
    ):
        return f"cannot read {name}: permission denied. Fix the file's permissions or copy it somewhere readable"
    return None


def expected_fault(exc: BaseException, db: str | os.PathLike | None = None) -> str | None:
    """One plain line for failures of the machine rather than of phi-bench (disk, permissions, damage)."""
    import duckdb

    from phi_core.store.database import explain_io_error

    where = "the database"
    if db is not None or os.environ.get("PHI_DB"):
        from phi_core.store.database import resolve_db_path

        where = str(resolve_db_path(db))
    if isinstance(exc, (duckdb.IOException, duckdb.SerializationException)):
        return explain_io_error(str(exc), where)
    if isinstance(exc, duckdb.Error) and any(word in str(exc).lower() for word in DATABASE_IO_WORDS):
        return explain_io_error(str(exc), where)
    if isinstance(exc, duckdb.FatalException):  # DuckDB stops a database after a failed write
        return (
            "the database stopped after a write failed (a full disk is the usual cause): free some space and "
            "run the command again; what was saved before is kept"
        )
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk is full ({exc.filename or 'while writing'}): free some space and run the command again"
    if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        where = exc.filename or "a file"
        return (
            f"cannot write {where}: permission denied or a read-only folder. Choose a writable place "
            "(--db, --out) or fix the permissions"
        )
    if isinstance(exc, UnicodeEncodeError) and "surrogate" in str(exc):
        return (
            "the input holds a lone surrogate (an unpaired \\udXXX escape), which is not a character: "
            "fix the file and try again"
        )
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m phi_core",
        description="phi-bench: benchmark local LLMs at finding PHI in Japanese radiology reports.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for cmd in COMMANDS.values():
        cmd.configure(sub.add_parser(cmd.name, help=cmd.help, description=cmd.help))
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return 2
    from phi_core.store.database import set_process_kind

    set_process_kind(f"command-line `{args.command}`")
    try:
        check_database(args)
        return COMMANDS[args.command].handler(args) or 0
    except _user_errors() as exc:
        return fail(file_fault(exc, args) or str(exc))
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted: finished tasks are saved; run the same command again to resume\n")
        return 130
    except Exception as exc:
        if os.environ.get("PHI_DEBUG"):
            raise
        known = file_fault(exc, args) or expected_fault(exc, getattr(args, "db", None))
        if known:
            return fail(known)
        return fail(
            f"unexpected {type(exc).__name__}: {exc}. This is a bug in phi-bench; "
            "run again with PHI_DEBUG=1 to see the details and report them."
        )
