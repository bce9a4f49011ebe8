"""Where the project's shipped files live, relative to the repository root."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
DB_DIR = ROOT / "db"
MIGRATIONS_DIR = DB_DIR / "migrations"
CORPUS_FILE = DATA_DIR / "corpus" / "synthetic.jsonl"
REFERENCE_FILE = DATA_DIR / "reference" / "paper_reported_scores.csv"
PHASES_DIR = DATA_DIR / "phases"
CACHE_DIR = ROOT / ".cache"
# Input provided beside the project, read-only; may be absent.
SHARED_DIR = ROOT.parent / "shared"

BUILTIN_DATASET = "synthetic"


def default_db_path() -> Path:
    return DB_DIR / "phi.duckdb"
