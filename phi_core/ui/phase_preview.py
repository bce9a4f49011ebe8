"""What a model would be sent in a phase, for the preview on the Runs page (no Streamlit)."""

from __future__ import annotations

from typing import Any

from phi_core.phases import additions_for, explain_variant


def phase_preview(phase, model: str, model_info=None) -> dict[str, Any]:
    """What a model would be sent in this phase: variant, templates, examples, additions, options."""
    choice = explain_variant(phase, model, model_info)
    templates = phase.templates_for(choice.variant)
    additions = additions_for(phase, model)
    refine = phase.refine
    return {
        "variant": choice.variant or "—",
        "variant_reason": choice.reason,
        "system": templates.system,
        "user": templates.user,
        "examples": phase.examples_for(choice.variant),
        "structured_output": phase.structured_output_for(choice.variant),
        "additions": list(additions.additions),
        "addition_patterns": list(additions.patterns),
        "options": phase.generation_options().as_dict(),
        "labels": list(phase.labels),
        "refine": (
            {
                "style": refine.style,
                "rounds": refine.rounds,
                "system": refine.templates[refine.style].system,
                "user": refine.templates[refine.style].user,
            }
            if refine
            else None
        ),
        "split": phase.split,
    }
