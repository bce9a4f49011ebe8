"""Turn a phase definition and a report into chat messages.

Templates are filled in one pass, so a report that happens to contain
"{labels}" is sent verbatim. Worked examples are shown as input -> JSON pairs
built from the example report's gold spans, mapped onto the phase's labels.
"""

from __future__ import annotations

import json
import re
from typing import Callable, Iterable, Mapping, Sequence

from phi_core import taxonomy
from phi_core.backends.base import ChatMessage
from phi_core.models import PredictedItem, Report
from phi_core.phases.definition import PLACEHOLDER_PATTERN, PhaseDefinition

ADDITIONS_HEADING = "【追加ルール】"


def fill_template(template: str, values: Mapping[str, str]) -> str:
    """Replace {name} for the given names; a line holding only an empty placeholder goes away."""
    for name, value in values.items():
        if value == "":
            template = re.sub(r"(?m)^[ \t]*\{" + re.escape(name) + r"\}[ \t]*(?:\n|$)", "", template)

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        return values[name] if name in values else match.group(0)

    return PLACEHOLDER_PATTERN.sub(substitute, template)


def render_labels(phase: PhaseDefinition) -> str:
    """One label per line, with its description when the phase gives one."""
    lines = []
    for label in phase.labels:
        description = phase.label_descriptions.get(label)
        lines.append(f"- {label}: {description}" if description else f"- {label}")
    return "\n".join(lines)


# ----------------------------------------------------------- gold answers


def _looks_like_phone(value: str) -> bool:
    digits = sum(ch.isdigit() for ch in value)
    return digits >= 6 and digits >= len(value.replace(" ", "")) / 2


# When a category falls under several of the phase's labels (an emergency
# contact is a NAME or a PHONE), the value's shape decides: a label listed
# here is taken only for values that pass its test.
SHAPE_TESTS: dict[str, Callable[[str], bool]] = {
    "PHONE": _looks_like_phone,
}


def label_covers(label: str) -> frozenset[str]:
    """The categories a phase label stands for.

    A coarse type is read as its group first: "PHONE" and "ADDRESS" are also
    canonical codes, and taxonomy.resolve() gives those the narrow reading,
    which would file an emergency contact's phone under NAME.
    """
    key = taxonomy.normalize_label(label)
    if key in taxonomy.COARSE_LABELS:
        return taxonomy.COARSE_LABELS[key]
    return taxonomy.resolve(label).covers


def label_for(category: str, value: str, labels: Sequence[str]) -> str | None:
    """The phase label a gold span of ``category`` is written under; None if no label covers it."""
    candidates = [label for label in labels if category in label_covers(label)]
    if not candidates:
        return None
    # The most specific label first (one that names exactly this category).
    candidates.sort(key=lambda label: len(label_covers(label)))
    narrowest = len(label_covers(candidates[0]))
    tied = [c for c in candidates if len(label_covers(c)) == narrowest]
    if len(tied) == 1:
        return tied[0]
    shaped = [c for c in tied if taxonomy.normalize_label(c) in SHAPE_TESTS]
    for label in shaped:
        if SHAPE_TESTS[taxonomy.normalize_label(label)](value):
            return label
    unshaped = [c for c in tied if c not in shaped]
    return (unshaped or tied)[0]


def gold_items(report: Report, phase: PhaseDefinition) -> list[PredictedItem]:
    """The report's gold spans as the items the phase asks for, in text order, without repeats."""
    items: dict[tuple[str, str], PredictedItem] = {}
    for span in sorted(report.spans, key=lambda s: (s.start, s.end)):
        label = label_for(span.category, span.text, phase.labels)
        if label is not None:
            items.setdefault((label, span.text), PredictedItem(category=label, value=span.text))
    return list(items.values())


# ---------------------------------------------------------- JSON answers


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False)


def _category_object(items: Iterable[PredictedItem], phase: PhaseDefinition) -> dict[str, list[str]]:
    # Every asked-for key is present (the shape the prompt describes); items
    # under other labels keep theirs, so a refine call can see and fix them.
    grouped: dict[str, list[str]] = {label: [] for label in phase.labels}
    for item in items:
        grouped.setdefault(item.category, []).append(item.value)
    return grouped


def _phi_list(items: Iterable[PredictedItem], phase: PhaseDefinition) -> dict[str, list[dict[str, str]]]:
    return {"phi_list": [{"type": item.category, "value": item.value} for item in items]}


ANSWER_WRITERS: dict[str, Callable[[Iterable[PredictedItem], PhaseDefinition], object]] = {
    "category_object": _category_object,
    "phi_list": _phi_list,
}


def render_answer(items: Iterable[PredictedItem], phase: PhaseDefinition) -> str:
    """Items as JSON in the phase's output shape (worked examples, refine input)."""
    return _dump(ANSWER_WRITERS[phase.output_shape](items, phase))


def render_examples(reports: Sequence[Report], phase: PhaseDefinition) -> str:
    blocks = [
        fill_template(
            phase.example_template,
            {
                "n": str(n),
                "example_report": report.text,
                "example_json": render_answer(gold_items(report, phase), phase),
            },
        )
        for n, report in enumerate(reports, start=1)
    ]
    return "\n\n".join(blocks)


# -------------------------------------------------------------- messages


def render_additions(additions: Sequence[str]) -> str:
    if not additions:
        return ""
    numbered = [f"{n}. {text.strip()}" for n, text in enumerate(additions, start=1)]
    return ADDITIONS_HEADING + "\n" + "\n".join(numbered)


def _messages(system: str, user: str) -> tuple[ChatMessage, ...]:
    # No empty system message: some chat templates render it as a blank turn.
    messages = [ChatMessage("system", system)] if system.strip() else []
    return tuple(messages + [ChatMessage("user", user)])


def build_first_pass_messages(
    phase: PhaseDefinition,
    *,
    report_text: str,
    variant: str = "",
    examples_text: str = "",
    additions: Sequence[str] = (),
) -> tuple[ChatMessage, ...]:
    """System + user messages; model-specific additions are appended to the system message."""
    templates = phase.templates_for(variant)
    values = {"report": report_text, "labels": render_labels(phase), "examples": examples_text}
    system = fill_template(templates.system, values).strip()
    extra = render_additions(additions)
    if extra:
        system = f"{system}\n\n{extra}" if system else extra
    return _messages(system, fill_template(templates.user, values).strip())


def build_refine_messages(
    phase: PhaseDefinition, *, style: str, report_text: str, previous_json: str
) -> tuple[ChatMessage, ...]:
    if phase.refine is None:
        raise ValueError(f"{phase.label()} has no [refine] block")
    templates = phase.refine.templates[style]
    values = {"report": report_text, "labels": render_labels(phase), "previous_json": previous_json}
    return _messages(fill_template(templates.system, values).strip(), fill_template(templates.user, values).strip())
