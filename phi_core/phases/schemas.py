"""JSON schemas sent as Ollama's ``format`` when a phase asks for structured output.

Every array and string is bounded (maxItems, maxLength): a small model under
a grammar with no bounds can repeat one item until num_predict runs out, and
then the reply is cut off and unparseable.
"""

from __future__ import annotations

from typing import Any, Callable

from phi_core.phases.definition import PhaseDefinition, SchemaLimits


def _value_schema(limits: SchemaLimits) -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "maxLength": limits.max_value_length}


def category_object_schema(labels: list[str], limits: SchemaLimits) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            label: {"type": "array", "items": _value_schema(limits), "maxItems": limits.max_items_per_category}
            for label in labels
        },
        "required": list(labels),
        "additionalProperties": False,
    }


def phi_list_schema(labels: list[str], limits: SchemaLimits) -> dict[str, Any]:
    item = {
        "type": "object",
        "properties": {"type": {"type": "string", "enum": list(labels)}, "value": _value_schema(limits)},
        "required": ["type", "value"],
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "properties": {"phi_list": {"type": "array", "items": item, "maxItems": limits.max_items}},
        "required": ["phi_list"],
        "additionalProperties": False,
    }


SCHEMA_BUILDERS: dict[str, Callable[[list[str], SchemaLimits], dict[str, Any]]] = {
    "category_object": category_object_schema,
    "phi_list": phi_list_schema,
}


def response_schema(phase: PhaseDefinition) -> dict[str, Any]:
    """The schema of the phase's output shape (whether it is sent is the caller's call)."""
    return SCHEMA_BUILDERS[phase.output_shape](phase.labels, phase.limits)
