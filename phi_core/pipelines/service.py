"""The pipeline actions as the app and CLI call them: define, delete, score; each checks the role first."""

from __future__ import annotations

from typing import Sequence

from phi_core.pipelines.definition import Part, Pipeline, PipelineError, make_pipeline
from phi_core.roles import Actor, require


def add_pipeline(
    store,
    actor: Actor | str,
    name: str,
    parts: Sequence[str],
    precedence: Sequence[str] | None = None,
    *,
    replace: bool = False,
) -> Pipeline:
    """Check the definition, then store it (``replace`` to redefine a stored name)."""
    require(actor, "manage_pipelines")
    pipeline = make_pipeline(name, list(parts), list(precedence) if precedence else None)
    for part in pipeline.parts:
        check_part(part)
    store.save_pipeline(pipeline.name, pipeline.to_dict(), replace=replace)
    return pipeline


def check_part(part: Part) -> None:
    """A model part must name a backend that exists and a phase that exists (a typo would never match a run)."""
    from phi_core.backends import BACKENDS
    from phi_core.phases import default_registry

    if part.is_rules:
        return
    if part.backend not in BACKENDS:
        raise PipelineError(
            f"the part {part.spec()!r} names no known model backend: choose one of {', '.join(sorted(BACKENDS))}"
        )
    numbers = default_registry().numbers()
    if not part.phase.isdigit() or int(part.phase) not in numbers:
        known = ", ".join(str(n) for n in numbers)
        raise PipelineError(
            f"the part {part.spec()!r} names phase {part.phase!r}, which does not exist: phases are {known} "
            "(see `python -m phi_core phases`)"
        )


def delete_pipeline(store, actor: Actor | str, name: str) -> bool:
    """Forget a definition (its scored runs stay); False when there was none."""
    require(actor, "manage_pipelines")
    return store.delete_pipeline(name)
