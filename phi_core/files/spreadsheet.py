"""CSV that a spreadsheet opens without running anything.

Excel, LibreOffice and Google Sheets read a cell starting with ``=``, ``+``,
``-``, ``@`` (or a tab or carriage return, which some strip first) as a
formula. Every CSV the product writes passes its cells through
:func:`safe_cell`, which prefixes such a cell with an apostrophe, the
convention the OWASP CSV-injection guidance recommends. Numbers are left
alone: a negative number is data, not a formula.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """The value, prefixed with ``'`` when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    return [safe_cell(value) for value in row]


def write_csv_rows(out: IO[str], rows: Iterable[Iterable[Any]], **writer_options: Any) -> int:
    """Write rows through :func:`safe_cell`; returns the number of rows written."""
    writer = csv.writer(out, **writer_options)
    count = 0
    for row in rows:
        writer.writerow(safe_row(row))
        count += 1
    return count


def safe_frame(frame: Any) -> Any:
    """A copy of a pandas DataFrame whose text cells and column names pass through :func:`safe_cell`.

    For tables written with ``DataFrame.to_csv``; numeric columns stay as they are.
    """
    out = frame.copy()
    for column in out.columns:
        # Text of any dtype (object, str, category); numbers, booleans and times stay as they are.
        if getattr(out[column].dtype, "kind", "O") not in "biufcmM":
            out[column] = out[column].map(safe_cell)
    out.columns = [safe_cell(column) for column in out.columns]
    return out
