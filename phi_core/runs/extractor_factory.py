"""Turn a job into ready extractors: the rule-based one, or one phase extractor per reachable host.

`rules` is local and needs no model; every name in the LLM backend registry
becomes a phase extractor per configured host. Everything that can be checked before the first report is checked here, so a
dead host, a missing model or a phase that would leak test reports into its
prompt stops the job before anything is queued.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable

from phi_core.backends import (
    BACKENDS,
    BackendError,
    HostUnreachable,
    LLMBackend,
    ModelInfo,
    hosts_for,
    make_backend,
)
from phi_core.extractors.base import Extractor
from phi_core.extractors.local import LOCAL_EXTRACTORS as LOCAL
from phi_core.llm.validity import MAX_NUM_CTX_ENV, PromptTooLong, choose_num_ctx, max_num_ctx_from_env
from phi_core.paths import BUILTIN_DATASET
from phi_core.phases import PhaseDefinition, PhaseError, PhaseExtractor, default_registry, phase_from_dict
from phi_core.runs.cache import cached_caller
from phi_core.runs.job import Job
from phi_core.store import Store

DEFAULT_MODELS = {"llamacpp": "gemma3-270m-q4_k_m"}


def job_hosts(backend: str, hosts: tuple[str, ...] = ()) -> list[str | None]:
    """Hosts from the job, else the backend's configured hosts (OLLAMA_HOST, PHI_OPENAI_BASE_URL), else its default."""
    return list(hosts_for(backend, hosts)) or [None]


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
    store.save_phase(
        phase_key=phase.key,
        number=phase.number,
        name=phase.name,
        version=phase.version,
        hash=phase.hash,
        definition=phase.canonical_dict(),
        parent_hash=phase.parent,
    )
    lookup = example_lookup(store, job.dataset)
    overrides = dict(job.options or {})
    if job.timeout_s:
        overrides["timeout_s"] = float(job.timeout_s)
    extractors = []
    problems = []
    for host in job_hosts(job.backend, job.hosts):
        try:
            backend, info = _ready_backend(job, host, model)
        except HostUnreachable as exc:
            problems.append(str(exc))
            continue
        call = cached_caller(store, backend, backend_name=job.backend, model=model, digest=info.digest)
        extractor = PhaseExtractor(
            phase=phase,
            backend_name=job.backend,
            model=model,
            call=call,
            model_info=info,
            example_lookup=lookup,
            options_override=overrides or None,
        )
        extractor.host = backend.host
        extractors.append(extractor)
    if not extractors:
        raise HostUnreachable("; ".join(problems) + ". Nothing was queued.")
    fit_context(extractors, store, job)
    return extractors


def fit_context(extractors: list[PhaseExtractor], store: Store, job: Job) -> int:
    """Give the run a num_ctx its longest prompt and answer fit in, or refuse before any call.

    num_ctx is chosen over every report of the split, not only the first
    --limit ones, so that a later run without --limit is the same job (and
    continues it). A report this run would send and that cannot fit under the
    ceiling stops the job, named.
    """
    lead = extractors[0]
    ceiling = job.max_num_ctx or max_num_ctx_from_env()
    floor = lead.options.num_ctx
    needed = {r.id: lead.context_needed(r) for r in store.reports(job.dataset, split=job.split)}
    sent = [r.id for r in store.reports(job.dataset, split=job.split, limit=job.limit)]
    too_long = [rid for rid in sent if needed.get(rid, 0) > ceiling]
    if too_long:
        worst = max(too_long, key=lambda rid: needed[rid])
        others = f" ({len(too_long) - 1} other report(s) too)" if len(too_long) > 1 else ""
        raise PromptTooLong(
            f"report {worst!r}{others} needs about {needed[worst]:,} tokens of context (prompt estimated at one "
            f"token per character, plus up to {lead.options.num_predict:,} answer tokens), more than the "
            f"{ceiling:,} allowed. Raise the ceiling with --max-num-ctx or {MAX_NUM_CTX_ENV} if the model "
            "supports a longer context, or shorten the report. Nothing was sent."
        )
    fitting = [n for n in needed.values() if n <= ceiling]
    chosen = choose_num_ctx(max(fitting, default=0), floor=floor, ceiling=ceiling)
    for extractor in extractors:
        extractor.options = replace(extractor.options, num_ctx=chosen)
    return chosen


def describe_models(backend_name: str, hosts: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """What each configured host offers; unreachable hosts are listed with their error."""
    out = []
    for host in job_hosts(backend_name, hosts):
        try:
            backend = make_backend(backend_name, host)
            status = backend.check()
        except BackendError as exc:
            out.append(
                {"backend": backend_name, "host": host or "", "reachable": False, "error": str(exc), "models": []}
            )
            continue
        out.append(
            {
                "backend": backend_name,
                "host": status.host,
                "reachable": status.reachable,
                "error": status.error,
                "models": [m.as_dict() for m in status.models],
            }
        )
    return out


class UnknownBackend(BackendError):
    pass


# Local extractors come from their one registry; a job's and a store's details do not change them.
LOCAL_EXTRACTORS: dict[str, Callable[[Job, Store], list[Extractor]]] = {
    name: (lambda job, store, make=make: [make()]) for name, make in LOCAL.items()
}


def backend_names() -> list[str]:
    return sorted(set(LOCAL_EXTRACTORS) | set(BACKENDS))


def build_extractors(job: Job, store: Store) -> list[Extractor]:
    """The extractors of a job; raises with a plain message when it cannot run."""
    if job.backend in LOCAL_EXTRACTORS:
        return LOCAL_EXTRACTORS[job.backend](job, store)
    if job.backend in BACKENDS:
        return build_phase_extractors(job, store)
    raise UnknownBackend(f"there is no backend called {job.backend!r}: choose one of {', '.join(backend_names())}")
