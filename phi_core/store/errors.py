"""The store's exceptions: problems the user can act on, each message saying how."""

from __future__ import annotations


class StoreError(Exception):
    """A store problem the user can act on; the message says how."""


class DatabaseLocked(StoreError):
    pass


class NotADatabase(StoreError):
    """The path names a file that is not a DuckDB database, or one that would not be created as one."""
