"""Command-line interface; see `python -m phi_core --help`."""
