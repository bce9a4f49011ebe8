"""Which extractor a job's backend name stands for.

`rules` is local and needs no model; every name in the LLM backend registry
becomes a phase extractor per configured host.
"""

from __future__ import annotations

from typing import Callable

from phi_core.extractors.base import Extractor
from phi_core.runner.job import Job
from phi_core.store import Store


class UnknownBackend(Exception):
    pass


def _rules(job: Job, store: Store) -> list[Extractor]:
    from phi_core.extractors.rules_extractor import RulesExtractor

    return [RulesExtractor()]


def _llm(job: Job, store: Store) -> list[Extractor]:
    from phi_core.engine.factory import build_phase_extractors

    return build_phase_extractors(job, store)


LOCAL_EXTRACTORS: dict[str, Callable[[Job, Store], list[Extractor]]] = {"rules": _rules}


def backend_names() -> list[str]:
    from phi_core.backends import BACKENDS

    return sorted(set(LOCAL_EXTRACTORS) | set(BACKENDS))


def build_extractors(job: Job, store: Store) -> list[Extractor]:
    if job.backend in LOCAL_EXTRACTORS:
        return LOCAL_EXTRACTORS[job.backend](job, store)
    from phi_core.backends import BACKENDS

    if job.backend in BACKENDS:
        return _llm(job, store)
    raise UnknownBackend(f"there is no backend called {job.backend!r}: choose one of {', '.join(backend_names())}")
