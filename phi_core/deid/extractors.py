"""Extractors for the parts of a pipeline when de-identifying new documents.

The rules part is the rules extractor itself. A model part becomes a phase
extractor built from the run machinery's pieces; that sits in
:func:`model_extractor` alone so it can follow the runner when it moves.
"""

from __future__ import annotations

from typing import Callable

from phi_core.models import Report
from phi_core.pipelines.definition import Part
from phi_core.pipelines.merge import LabeledSpan

# A part's findings: located spans when the extractor knows where its values are, else (label, value) items.
Extract = Callable[[str], list[LabeledSpan] | list[tuple[str, str]]]


def model_extractor(part: Part, store) -> object:
    """A phase extractor for a model part, on the first reachable host.

    Unlike a benchmark run it calls the model WITHOUT the reply cache: the
    cache stores prompts and replies, and here those hold real PHI that must
    not reach the database. Built from the run machinery's pieces (phase
    resolution, worked examples from the built-in corpus, hosts), so when the
    runner moves, only the imports of this function change.
    """
    from phi_core.backends import HostUnreachable, make_backend
    from phi_core.runs.extractor_factory import DEFAULT_MODELS, example_lookup, job_hosts, resolve_phase
    from phi_core.paths import BUILTIN_DATASET
    from phi_core.phases import PhaseExtractor

    phase = resolve_phase(store, part.phase)
    model = part.model or DEFAULT_MODELS.get(part.backend, "")
    problems = []
    for host in job_hosts(part.backend):
        backend = make_backend(part.backend, host)
        status = backend.check()
        if not status.reachable:
            problems.append(status.error or f"cannot reach {part.backend} at {backend.host}")
            continue
        info = backend.model_info(model)

        def call(request, step, repeat, backend=backend):
            return backend.chat(model, request), False

        return PhaseExtractor(
            phase=phase,
            backend_name=part.backend,
            model=model,
            call=call,
            model_info=info,
            example_lookup=example_lookup(store, BUILTIN_DATASET),
        )
    raise HostUnreachable("; ".join(problems) or f"no host for {part.backend}")


def part_extractor(part: Part, store=None) -> Extract:
    """A function from text to (label, value) items for one part."""
    if part.is_local:
        from phi_core.extractors.local import LOCAL_EXTRACTORS

        extractor = LOCAL_EXTRACTORS[part.backend]()
    else:
        if store is None:
            raise ValueError(f"the part {part.spec()} calls a model and needs the store (for its phase's examples)")
        extractor = model_extractor(part, store)

    def extract(text: str) -> list[LabeledSpan] | list[tuple[str, str]]:
        outcome = extractor.extract(Report(id="deid", text=text, status="unlabeled"))
        if outcome.error:
            raise RuntimeError(f"{part.spec()} failed on a document: {outcome.error}")
        if outcome.spans is not None:
            return [LabeledSpan(s.start, s.end, s.category) for s in outcome.spans]
        return [(item.category, item.value) for item in outcome.items]

    return extract
