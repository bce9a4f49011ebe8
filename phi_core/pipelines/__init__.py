"""Pipelines: rules, one model in one phase, or the union of several, stored by name."""

from phi_core.pipelines.definition import (
    DEFAULT_PRECEDENCE,
    LOCAL_PARTS,
    Part,
    Pipeline,
    PipelineError,
    make_pipeline,
    parse_part,
    pipeline_from_dict,
)
from phi_core.pipelines.merge import LabeledSpan, merge_spans, spans_of_items, union_items

__all__ = [
    "DEFAULT_PRECEDENCE",
    "LOCAL_PARTS",
    "LabeledSpan",
    "Part",
    "Pipeline",
    "PipelineError",
    "load_pipeline",
    "make_pipeline",
    "merge_spans",
    "parse_part",
    "pipeline_from_dict",
    "spans_of_items",
    "union_items",
]


def load_pipeline(store, name: str) -> Pipeline:
    """A stored pipeline by name; ``rules`` and ``recall-first`` always exist (built in)."""
    if name in LOCAL_PARTS:
        return make_pipeline(name, [name])
    data = store.pipeline_definition(name)
    if data is None:
        known = ", ".join(n for n, _ in store.pipeline_definitions()) or "none yet"
        raise PipelineError(
            f"there is no pipeline called {name!r} (stored: {known}): define it with "
            "`python -m phi_core pipeline add NAME --part rules --part BACKEND:MODEL:PHASE`"
        )
    return pipeline_from_dict(name, data)
