"""backup, restore, encrypt, decrypt: keeping the database safe.

The key is never an argument (other users can read a process's arguments):
it comes from PHI_DB_KEY or the file PHI_DB_KEY_FILE names.
"""

from __future__ import annotations

import argparse
import sys

from phi_core.cli.base import add_db, command, print_json


def _configure_backup(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="FILE", help="backup file to write (owner-only)")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    add_db(p)


@command(
    "backup",
    "write a consistent copy of the database, even while the app holds it (encrypted when the database is)",
    _configure_backup,
)
def cmd_backup(args: argparse.Namespace) -> int:
    from phi_core.store.maintenance import backup_database

    summary = backup_database(args.db, args.out, force=args.force)
    print_json(summary)
    sys.stderr.write(f"backed up {summary['rows']} rows in {summary['tables']} tables to {summary['out']}\n")
    return 0


def _configure_restore(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="source", required=True, metavar="FILE", help="backup file made by `backup`")
    p.add_argument("--force", action="store_true", help="replace the database if it exists")
    add_db(p)


@command("restore", "replace the database with a backup, after checking that the backup opens", _configure_restore)
def cmd_restore(args: argparse.Namespace) -> int:
    from phi_core.store.maintenance import restore_database

    print_json(restore_database(args.source, args.db, force=args.force))
    return 0


def _configure_convert(p: argparse.ArgumentParser) -> None:
    add_db(p)


@command("encrypt", "encrypt the database in place with the key in PHI_DB_KEY or PHI_DB_KEY_FILE", _configure_convert)
def cmd_encrypt(args: argparse.Namespace) -> int:
    from phi_core.store.maintenance import convert_database

    print_json(convert_database(args.db, encrypt=True))
    return 0


@command("decrypt", "store the encrypted database in plain form again (it needs its key)", _configure_convert)
def cmd_decrypt(args: argparse.Namespace) -> int:
    from phi_core.store.maintenance import convert_database

    print_json(convert_database(args.db, encrypt=False))
    return 0
