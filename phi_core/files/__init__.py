"""Writing files that may hold PHI: owner-only, never over another file by accident.

One home for how the product creates output files (exports, mappings,
de-identified text, audit trails, backups) and how it writes CSV that a
spreadsheet opens safely. It imports nothing from the project.
"""

from phi_core.files.private import OutputExists, SameFile, create_private, open_private, private_dir, refuse_same_file
from phi_core.files.spreadsheet import FORMULA_STARTS, safe_cell, safe_frame, safe_row, write_csv_rows

__all__ = [
    "FORMULA_STARTS",
    "OutputExists",
    "SameFile",
    "create_private",
    "open_private",
    "private_dir",
    "refuse_same_file",
    "safe_cell",
    "safe_frame",
    "safe_row",
    "write_csv_rows",
]
