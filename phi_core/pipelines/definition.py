"""What a pipeline is: a name, its parts, and the category precedence of a union.

A part is written ``rules`` or ``BACKEND:MODEL:PHASE`` (``ollama:mistral-small3.2:3``;
the model name may itself contain colons, as Ollama tags do, so the phase is
the last field and the backend the first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from phi_core.taxonomy import CATEGORY_CODES

# Which category a joined span takes when its pieces disagree: the one that
# identifies the patient most directly wins, so a de-identifier never treats a
# patient's name as something milder because one extractor misread it.
DEFAULT_PRECEDENCE: tuple[str, ...] = (
    "PATIENT_NAME",
    "NAME_READING",
    "PATIENT_ID",
    "PHONE",
    "ADDRESS",
    "BIRTH_DATE",
    "EMERGENCY_CONTACT",
    "PHYSICIAN_NAME",
    "HOSPITAL_NAME",
    "FACILITY_PHONE",
    "FACILITY_ADDRESS",
    "EXAM_DATE",
    "OTHER_DATE",
    "OTHER_ID",
    "AGE",
    "TIME",
    "SEX",
    "DEPARTMENT",
)
assert set(DEFAULT_PRECEDENCE) == set(CATEGORY_CODES)

# Extractors that run in this process, named by themselves as a part and as a
# built-in pipeline: the balanced rules and the recall-first profile.
LOCAL_PARTS: tuple[str, ...] = ("rules", "recall-first")

_NAME = re.compile(r"^[\w][\w .+\-]{0,79}$")


class PipelineError(ValueError):
    """A pipeline definition that cannot be used; the message says how to fix it."""


@dataclass(frozen=True)
class Part:
    backend: str
    model: str = "rules"
    phase: str = "-"

    @property
    def is_rules(self) -> bool:
        return self.backend == "rules"

    @property
    def is_local(self) -> bool:
        return self.backend in LOCAL_PARTS

    def spec(self) -> str:
        return self.backend if self.is_local else f"{self.backend}:{self.model}:{self.phase}"

    def run_identity(self) -> tuple[str, str, str]:
        """(backend, model, phase) as the runs table stores them."""
        return (self.backend, self.model, self.phase)


def parse_part(text: str) -> Part:
    spec = (text or "").strip()
    if spec == "rules":
        return Part("rules")
    if spec in LOCAL_PARTS:
        return Part(spec, model=spec)
    pieces = spec.split(":")
    if len(pieces) < 3 or not pieces[0] or not pieces[-1] or not ":".join(pieces[1:-1]):
        raise PipelineError(
            f"cannot read the part {text!r}: write `rules` or BACKEND:MODEL:PHASE, for example ollama:gemma3:27b:3"
        )
    backend, model, phase = pieces[0], ":".join(pieces[1:-1]), pieces[-1]
    if backend in LOCAL_PARTS:
        raise PipelineError(f"the {backend} part takes no model or phase: write just `{backend}`")
    if backend == "pipeline":
        raise PipelineError("a pipeline cannot be a part of another pipeline: list its parts instead")
    return Part(backend, model, phase)


@dataclass(frozen=True)
class Pipeline:
    name: str
    parts: tuple[Part, ...]
    precedence: tuple[str, ...] = field(default=DEFAULT_PRECEDENCE)

    @property
    def is_union(self) -> bool:
        return len(self.parts) > 1

    def to_dict(self) -> dict[str, Any]:
        return {"parts": [p.spec() for p in self.parts], "precedence": list(self.precedence)}

    def describe(self) -> str:
        return " ∪ ".join(p.spec() for p in self.parts)


def make_pipeline(
    name: str, parts: list[str] | tuple[str, ...], precedence: list[str] | tuple[str, ...] | None = None
) -> Pipeline:
    name = (name or "").strip()
    if not _NAME.match(name):
        raise PipelineError(
            f"{name!r} cannot be a pipeline name: use letters, digits, spaces, dots, plus signs, dashes or underscores "
            "(at most 80 characters)"
        )
    if not parts:
        raise PipelineError("a pipeline needs at least one part: --part rules or --part BACKEND:MODEL:PHASE")
    parsed = tuple(dict.fromkeys(parse_part(p) for p in parts))
    if name in LOCAL_PARTS and parsed != (parse_part(name),):
        raise PipelineError(f"the name `{name}` is kept for the {name}-only pipeline: choose another name")
    order = tuple(precedence) if precedence else DEFAULT_PRECEDENCE
    unknown = [c for c in order if c not in CATEGORY_CODES]
    if unknown:
        raise PipelineError(f"unknown categories in the precedence: {', '.join(unknown)}; use category codes")
    # Categories left out keep their default order after the stated ones.
    order = order + tuple(c for c in DEFAULT_PRECEDENCE if c not in order)
    return Pipeline(name, parsed, order)


def pipeline_from_dict(name: str, data: dict[str, Any]) -> Pipeline:
    return make_pipeline(name, data.get("parts", []), data.get("precedence"))
