"""`python -m phi_core COMMAND ...`: the scripted face of phi-bench."""

from __future__ import annotations

import argparse
import os
import sys

from phi_core.cli.base import COMMANDS, UserError, fail

# Importing the command modules registers their commands.
from phi_core.cli import deid_commands, leak_commands, pipeline_commands  # noqa: F401,E402
from phi_core.cli import analysis_commands, corpus_commands, engine_commands, figure_commands, report_commands, run_commands, team_commands  # noqa: F401,E402,E501


def _user_errors() -> tuple[type[BaseException], ...]:
    """Exceptions whose message is meant for the user, not a traceback."""
    from phi_core.backends.base import BackendError
    from phi_core.corpus.importers import CorpusFormatError
    from phi_core.store import StoreError

    return (UserError, StoreError, CorpusFormatError, BackendError, FileNotFoundError, PermissionError,
            IsADirectoryError)


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
    try:
        return COMMANDS[args.command].handler(args) or 0
    except _user_errors() as exc:
        if isinstance(exc, FileNotFoundError) and exc.filename:
            return fail(f"there is no file {exc.filename}: check the path")
        return fail(str(exc))
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted: finished tasks are saved; run the same command again to resume\n")
        return 130
    except Exception as exc:
        if os.environ.get("PHI_DEBUG"):
            raise
        return fail(
            f"unexpected {type(exc).__name__}: {exc}. This is a bug in phi-bench; "
            "run again with PHI_DEBUG=1 to see the details and report them."
        )
