"""The pipeline actions as the app and CLI call them: define, delete, score; each checks the role first."""

from __future__ import annotations

from typing import Sequence

from phi_core.pipelines.definition import Pipeline, make_pipeline
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
    store.save_pipeline(pipeline.name, pipeline.to_dict(), replace=replace)
    return pipeline


def delete_pipeline(store, actor: Actor | str, name: str) -> bool:
    """Forget a definition (its scored runs stay); False when there was none."""
    require(actor, "manage_pipelines")
    return store.delete_pipeline(name)
