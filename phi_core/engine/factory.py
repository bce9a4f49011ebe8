"""Turn a job into ready phase extractors: one per reachable host.

Everything that can be checked before the first report is checked here, so a
dead host, a missing model or a phase that would leak test reports into its
prompt stops the job before anything is queued.
"""

from __future__ import annotations

from typing import Any

from phi_core.backends import (
    BACKENDS, BackendError, HostUnreachable, LLMBackend, ModelInfo, configured_hosts, make_backend,
)
from phi_core.engine.cache import cached_caller
from phi_core.paths import BUILTIN_DATASET
from phi_core.phases import PhaseDefinition, PhaseError, PhaseExtractor, default_registry, phase_from_dict
from phi_core.runner.job import Job
from phi_core.store import Store

DEFAULT_MODELS = {"llamacpp": "gemma3-270m-q4_k_m"}


def job_hosts(backend: str, hosts: tuple[str, ...] = ()) -> list[str | None]:
    """Hosts from the job, else the configured Ollama hosts, else the backend's default."""
    if hosts:
        return list(hosts)
    if backend == "ollama":
        return list(configured_hosts())
    return [None]


def resolve_phase(store: Store, phase: str) -> PhaseDefinition:
    """A phase by number ("4": the latest shipped version) or by key ("p4-v2-1a2b3c4d").

    Edited versions are only used when asked for by key, so a bare number
    always means the shipped default the whole team shares.
    """
    registry = default_registry()
    text = str(phase).strip()
    if text.isdigit():
        return registry.get(int(text))
    if text in {p.key for p in registry.all()}:
        return registry.by_key(text)
    definition = store.phase_definition(text)
    if definition is None:
        known = ", ".join(store.phases()["phase_key"]) or "none"
        raise PhaseError(f"there is no phase {text!r}: give a number 1-5 or one of these keys: {known}")
    return phase_from_dict(definition)


def example_lookup(store: Store, dataset: str):
    """Worked examples come from the job's dataset, else the built-in corpus."""

    def lookup(report_id: str):
        for name in (dataset, BUILTIN_DATASET):
            if store.has_dataset(name):
                report = store.report(name, report_id)
                if report is not None:
                    return report
        return None

    return lookup


def _ready_backend(job: Job, host: str | None, model: str) -> tuple[LLMBackend, ModelInfo]:
    backend = make_backend(job.backend, host)
    status = backend.check()
    if not status.reachable:
        raise HostUnreachable(status.error or f"cannot reach {job.backend} at {backend.host}")
    info = backend.model_info(model)  # ModelNotFound tells the user how to pull it
    return backend, info


def build_phase_extractors(job: Job, store: Store) -> list[PhaseExtractor]:
    if job.backend not in BACKENDS:
        raise BackendError(f"there is no backend called {job.backend!r}: choose one of {', '.join(sorted(BACKENDS))}")
    model = job.model or DEFAULT_MODELS.get(job.backend, "")
    if not model:
        raise BackendError(f"which model? pass --model (see `python -m phi_core models` for what {job.backend} offers)")
    phase = resolve_phase(store, job.phase)
    if phase.split and job.split and phase.split != job.split:
        raise BackendError(
            f"{phase.label()} is meant for the {phase.split} split, not {job.split}: "
            f"pass --split {phase.split} (the test split is kept for the final validation phase)"
        )
    store.save_phase(phase_key=phase.key, number=phase.number, name=phase.name, version=phase.version,
                     hash=phase.hash, definition=phase.canonical_dict(), parent_hash=phase.parent)
    lookup = example_lookup(store, job.dataset)
    extractors = []
    problems = []
    for host in job_hosts(job.backend, job.hosts):
        try:
            backend, info = _ready_backend(job, host, model)
        except HostUnreachable as exc:
            problems.append(str(exc))
            continue
        call = cached_caller(store, backend, backend_name=job.backend, model=model, digest=info.digest)
        extractor = PhaseExtractor(phase=phase, backend_name=job.backend, model=model, call=call,
                                   model_info=info, example_lookup=lookup, options_override=job.options or None)
        extractor.host = backend.host
        extractors.append(extractor)
    if not extractors:
        raise HostUnreachable("; ".join(problems) + ". Nothing was queued.")
    return extractors


def describe_models(backend_name: str, hosts: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """What each configured host offers; unreachable hosts are listed with their error."""
    out = []
    for host in job_hosts(backend_name, hosts):
        try:
            backend = make_backend(backend_name, host)
            status = backend.check()
        except BackendError as exc:
            out.append({"backend": backend_name, "host": host or "", "reachable": False, "error": str(exc),
                        "models": []})
            continue
        out.append({
            "backend": backend_name, "host": status.host, "reachable": status.reachable, "error": status.error,
            "models": [m.as_dict() for m in status.models],
        })
    return out
