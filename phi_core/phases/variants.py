"""Which prompt a given model gets: the phase-2 variant and the phase-3 additions.

Both rules live in the phase file so the team lead can change them without
touching code. Model names are matched case-insensitively with shell-style
globs ("llama3.2*", "*gemma*").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fnmatch import fnmatchcase

from phi_core.backends.base import ModelInfo
from phi_core.phases.definition import PhaseDefinition

DEFAULT_VARIANT = "strong"
DEFAULT_ADDITIONS_PATTERN = "(default)"

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMBT])\s*$", re.IGNORECASE)
# A size tag inside a model name: "qwen3:32b", "gemma3:270m", "llama-3-8b-q4".
_SIZE_IN_NAME = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)([bm])(?![a-z])", re.IGNORECASE)
_UNIT_IN_BILLIONS = {"K": 1e-6, "M": 1e-3, "B": 1.0, "T": 1e3}


def parse_parameter_size(text: str | None) -> float | None:
    """Billions of parameters from Ollama's parameter_size ("24.0B", "270M"); None if unreadable."""
    match = _SIZE.match(text or "")
    if not match:
        return None
    return float(match.group(1)) * _UNIT_IN_BILLIONS[match.group(2).upper()]


def parameter_size_from_name(model_name: str) -> float | None:
    """The size tag in a model name ("gemma3:270m" -> 0.27), used when Ollama gave none."""
    tail = model_name.rsplit("/", 1)[-1]
    match = _SIZE_IN_NAME.search(tail)
    if not match:
        return None
    return float(match.group(1)) * _UNIT_IN_BILLIONS[match.group(2).upper()]


def matches(pattern: str, model_name: str) -> bool:
    return fnmatchcase(model_name.lower(), pattern.lower())


@dataclass(frozen=True)
class VariantChoice:
    variant: str  # "" when the phase has no variants
    reason: str


def explain_variant(phase: PhaseDefinition, model_name: str, model_info: ModelInfo | None = None) -> VariantChoice:
    """Pick the variant: light_models, then strong_models, then parameter size, else strong."""
    if not phase.variants:
        return VariantChoice("", "phase has no variants")
    rule = phase.variant_rule
    for variant, patterns in (("light", rule.light_models), ("strong", rule.strong_models)):
        for pattern in patterns:
            if matches(pattern, model_name):
                return VariantChoice(variant, f"model name matches {variant}_models pattern {pattern!r}")
    if rule.light_if_parameters_below_b is not None:
        size, where = None, ""
        if model_info is not None:
            size, where = (
                parse_parameter_size(model_info.parameter_size),
                f"parameter_size {model_info.parameter_size!r}",
            )
        if size is None:
            size, where = parameter_size_from_name(model_name), "size tag in the model name"
        if size is not None:
            limit = rule.light_if_parameters_below_b
            if size < limit:
                return VariantChoice("light", f"{size:g}B parameters ({where}) is below {limit:g}B")
            return VariantChoice("strong", f"{size:g}B parameters ({where}) is at least {limit:g}B")
    return VariantChoice(DEFAULT_VARIANT, "no pattern matched and the size is unknown: default")


def choose_variant(phase: PhaseDefinition, model_name: str, model_info: ModelInfo | None = None) -> str:
    return explain_variant(phase, model_name, model_info).variant


@dataclass(frozen=True)
class AppliedAdditions:
    patterns: tuple[str, ...]  # the model_rules patterns that matched, or ("(default)",)
    additions: tuple[str, ...]


def additions_for(phase: PhaseDefinition, model_name: str) -> AppliedAdditions:
    """Extra instructions for this model: every matching model_rules block, in file order.

    Models that match no block get default_additions; a phase with neither
    gets nothing.
    """
    matched = [rule for rule in phase.model_rules if matches(rule.pattern, model_name)]
    if matched:
        additions: dict[str, None] = {}
        for rule in matched:
            additions.update(dict.fromkeys(rule.additions))
        return AppliedAdditions(tuple(r.pattern for r in matched), tuple(additions))
    if phase.default_additions:
        return AppliedAdditions((DEFAULT_ADDITIONS_PATTERN,), tuple(phase.default_additions))
    return AppliedAdditions((), ())
