"""The README says what exists, and everything that exists is in the README.

In the spirit of Datasette's documentation tests: every command of
`python -m phi_core` and each of its options, every backend and every page
of the app has its row in README.md, and every row names something that
still exists. A new option without a README line fails here, and so does a
README line about a removed one.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from bench.browser import app_pages
from phi_core.cli.main import build_parser
from phi_core.runs.extractor_factory import backend_names

README = Path(__file__).resolve().parents[1] / "README.md"
# Options every command shares, documented once under the command table.
SHARED_OPTIONS = {"--db", "--help"}


def _section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n{title}\n")
    rest = text[start + len(title) + 2 :]
    end = re.search(r"\n#{1,3} ", rest)
    return rest[: end.start()] if end else rest


def _first_cells(section: str) -> list[str]:
    """The first cell of every table row of a section (header and rule rows left out)."""
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [_cells(row)[1].strip() for row in rows[2:]]


def _cells(row: str) -> list[str]:
    # A cell may hold an escaped pipe (`--format jsonl\|paper-csv`).
    return re.split(r"(?<!\\)\|", row)


def _command_rows() -> dict[str, str]:
    """Command -> the README text of its row(s) in the command table."""
    out: dict[str, str] = {}
    for line in _section("## Command line").splitlines():
        if not line.startswith("| `"):
            continue
        first = _cells(line)[1]
        # A row may document several forms of one command (`pipeline add ...`, `pipeline list`).
        for form in re.findall(r"`([a-z][a-z-]*)[ `]", first):
            out[form] = out.get(form, "") + first
    return out


def _options(parser: argparse.ArgumentParser) -> set[str]:
    """Long options of a parser and of its sub-commands, as typed."""
    found = set()
    for action in parser._actions:
        found.update(o for o in action.option_strings if o.startswith("--"))
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found |= _options(sub)
    return found


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_every_command_has_a_readme_row_and_every_row_a_command():
    commands, rows = set(_commands()), set(_command_rows())
    assert not commands - rows, f"commands missing from README's command table: {sorted(commands - rows)}"
    assert not rows - commands, f"README documents commands that do not exist: {sorted(rows - commands)}"


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_option_of_a_command_is_in_its_row_and_back(name):
    row = _command_rows().get(name, "")
    actual = _options(_commands()[name]) - SHARED_OPTIONS
    written = set(re.findall(r"--[a-z][a-z0-9-]*", row)) - SHARED_OPTIONS
    assert not actual - written, f"`{name}` options missing from its README row: {sorted(actual - written)}"
    assert not written - actual, f"README's `{name}` row names options it does not have: {sorted(written - actual)}"


def test_every_backend_has_a_readme_row_and_every_row_a_backend():
    written = {cell.strip("`") for cell in _first_cells(_section("## Models and where they run"))}
    assert written == set(backend_names()), f"README backends {sorted(written)} != registry {backend_names()}"


def test_every_page_has_a_readme_row_and_every_row_a_page():
    written = set(_first_cells(_section("## The pages")))
    pages = {page.title for page in app_pages()}
    assert not pages - written, f"pages missing from README's page table: {sorted(pages - written)}"
    assert not written - pages, f"README describes pages the app does not have: {sorted(written - pages)}"


def test_the_folder_table_names_paths_that_exist():
    root = README.parent
    for cell in _first_cells(_section("## Where things live")):
        for path in re.findall(r"`([^`]+)`", cell):
            assert (root / path.rstrip("/")).exists(), f"README's folder table names {path}, which does not exist"
