"""First-start content: the built-in corpus, the study's numbers, the phases.

Idempotent: what is already in the store is left alone.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Any

import duckdb

from phi_core.corpus.provenance import BuiltinDataset
from phi_core.paths import BUILTIN_DATASET, CORPUS_FILE, DATA_DIR, REFERENCE_FILE
from phi_core.store import Store, StoreError
from phi_core.store.corpus_import import NewReports
from phi_core.store.dbfile import make_owner_only, process_alive

_log = logging.getLogger(__name__)

# The second built-in dataset: documents of many styles (HL7, DICOM, letters,
# nursing notes...) whose test split holds styles that dev never shows.
STYLES_DATASET = "synthetic-styles"
STYLES_CORPUS_FILE = DATA_DIR / "corpus" / "synthetic-styles.jsonl"


def seed_builtin_corpus(store: Store, corpus_file: Path = CORPUS_FILE) -> int:
    if store.has_dataset(BUILTIN_DATASET):
        return 0
    from phi_core.corpus.importers import read_corpus

    result = read_corpus(corpus_file, "jsonl", dataset=BUILTIN_DATASET)
    return store.add_reports(
        BUILTIN_DATASET,
        result.reports,
        source="built-in",
        provenance="generated",
        description="Synthetic Japanese radiology reports with exact gold spans (100 dev / 60 test)",
    )


def seed_styles_corpus(store: Store, corpus_file: Path = STYLES_CORPUS_FILE) -> int:
    if store.has_dataset(STYLES_DATASET):
        return 0
    from phi_core.corpus.importers import read_corpus

    result = read_corpus(corpus_file, "jsonl", dataset=STYLES_DATASET)
    return store.add_reports(
        STYLES_DATASET,
        result.reports,
        source="built-in",
        provenance="generated",
        description="Synthetic documents of 14 styles with value formats on every gold span "
        "(dicom, endoscopy and english only in test)",
    )


def seed_other_builtins(store: Store, cache_folder: Path | None = None) -> int:
    """Built-in datasets beyond the two generated ones (the blind sets), when their files exist.

    Copied from a ready-made database when there is one for these files
    (phi_core/corpus/builtin_cache.py), else read from the files in one
    insert and then kept as that database for the next first start.
    """
    from phi_core.corpus import builtin_cache
    from phi_core.corpus.provenance import BUILTIN_DATASETS

    wanted = [b for b in BUILTIN_DATASETS if b.name not in (BUILTIN_DATASET, STYLES_DATASET) and b.file.exists()]
    known = set(store.dataset_names())
    missing = [b for b in wanted if b.name not in known]
    if not missing:
        return 0
    cache = builtin_cache.cache_path(wanted, cache_folder or builtin_cache.CACHE_FOLDER)
    if cache.exists():
        try:
            return store.copy_datasets(cache, [b.name for b in missing])
        except (duckdb.Error, StoreError) as exc:
            _log.warning("the ready-made built-in datasets in %s could not be read (%s): reading the files", cache, exc)
            cache.unlink(missing_ok=True)
    added = store.add_datasets([_read_builtin(b) for b in missing])
    if len(missing) == len(wanted):
        _save_cache(store, cache, [b.name for b in wanted])
    return added


def _read_builtin(builtin: BuiltinDataset) -> NewReports:
    from phi_core.corpus.importers import read_corpus

    return NewReports(
        builtin.name,
        read_corpus(builtin.file, "jsonl", dataset=builtin.name).reports,
        source="built-in",
        description=builtin.description,
        provenance=builtin.provenance,
    )


def _save_cache(store: Store, cache: Path, names: list[str]) -> None:
    """Best effort: without a cache the next first start only takes longer."""
    from phi_core.corpus import builtin_cache

    building = builtin_cache.building_path(cache, os.getpid())
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        building.unlink(missing_ok=True)
        store.export_datasets(building, names)
        make_owner_only(building)
        os.replace(building, cache)
        for stale in builtin_cache.stale_files(cache):
            if not _building_elsewhere(stale):
                stale.unlink(missing_ok=True)
    except (OSError, duckdb.Error, StoreError) as exc:
        _log.warning("could not keep the built-in datasets ready-made in %s (%s)", cache.parent, exc)
        building.unlink(missing_ok=True)


def _building_elsewhere(path: Path) -> bool:
    """A build (or its write-ahead log) another process may still be writing: its pid is alive."""
    from phi_core.corpus import builtin_cache

    pid = builtin_cache.builder_pid(path)
    return pid is not None and pid != os.getpid() and process_alive(pid)


def seed_reference(store: Store, reference_file: Path = REFERENCE_FILE) -> int:
    if not store.reference_scores().empty:
        return 0
    return store.load_reference(reference_file)


def seed_phases(store: Store) -> int:
    """Record every shipped phase definition with its content hash."""
    from phi_core.phases import shipped_phases

    added = 0
    for phase in shipped_phases():
        added += store.save_phase(
            phase_key=phase.key,
            number=phase.number,
            name=phase.name,
            version=phase.version,
            hash=phase.hash,
            definition=phase.canonical_dict(),
            parent_hash=phase.parent,
            source="shipped",
        )
    return added


def seed_rules_run(store: Store) -> dict[str, Any] | None:
    """A scored rules run over the whole built-in corpus, so that every page has something to show.

    All splits, because that is what the pages show first. None when the
    built-in corpus is missing or already has such a run.
    """
    from phi_core.scoring.stored_runs import score_run
    from phi_core.extractors.rules_extractor import RulesExtractor
    from phi_core.runs import Job, Runner

    if not store.has_dataset(BUILTIN_DATASET):
        return None
    if (store.latest_scored_runs(BUILTIN_DATASET, None)["backend"] == "rules").any():
        return None
    started, cpu = time.perf_counter(), time.process_time()
    summary = Runner(store, Job(dataset=BUILTIN_DATASET, backend="rules"), [RulesExtractor()], scorer=score_run).run()
    # CPU time too: on a shared machine the wall clock mostly measures the neighbours.
    return {
        "run_id": summary.run_id,
        "status": summary.status,
        "reports": summary.tasks_done,
        "seconds": round(time.perf_counter() - started, 3),
        "cpu_seconds": round(time.process_time() - cpu, 3),
    }


def initialise(store: Store, *, seed: bool = True, rules_run: bool = False) -> dict[str, Any]:
    """Schema, shipped phases and (with seed) the built-in corpus and the study's numbers.

    rules_run adds a scored rules run on the built-in corpus (what `init` and
    the app do on a new database), timed in the summary.
    """
    started = time.perf_counter()
    summary: dict[str, Any] = {"db": str(store.path), "seeded": seed}
    if seed:
        summary["reports_added"] = seed_builtin_corpus(store)
        summary["styles_reports_added"] = seed_styles_corpus(store)
        summary["blind_reports_added"] = seed_other_builtins(store)
        summary["reference_rows_added"] = seed_reference(store)
    summary["phases_added"] = seed_phases(store)
    if seed and rules_run:
        summary["rules_run"] = seed_rules_run(store)
    summary["seconds"] = round(time.perf_counter() - started, 3)
    summary.update(store.summary())
    return summary
