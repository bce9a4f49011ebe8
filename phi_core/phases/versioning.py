"""A new version of a phase, the definition written back as TOML, and the diff between two versions."""

from __future__ import annotations

import copy
import difflib
from typing import Any, Mapping

import tomli_w

from phi_core.phases.definition import PhaseDefinition, PhaseError
from phi_core.phases.loading import parse_phase


def _deep_merge(base: dict[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in changes.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def derive_version(phase: PhaseDefinition, changes: Mapping[str, Any]) -> PhaseDefinition:
    """A new version of ``phase`` with ``changes`` applied (tables merge, lists replace).

    The result has version + 1 and ``parent`` = the old hash. The phase
    number cannot change: a different number is a different phase.
    """
    forbidden = sorted({"number", "version", "parent"} & set(changes))
    if forbidden:
        raise PhaseError(f"a new version sets {', '.join(forbidden)} itself; leave {forbidden} out of the changes")
    data = _deep_merge(phase.canonical_dict(), changes)
    data["version"] = phase.version + 1
    data["parent"] = phase.hash
    return parse_phase(data, source=f"{phase.key} edited")


# ------------------------------------------------------------ TOML writing


def dump_toml(phase: PhaseDefinition) -> str:
    """The full definition as TOML; loading it back gives the same hash."""
    # Multi-line strings keep prompts readable in the editor's diffs.
    body = tomli_w.dumps(_without_none(phase.canonical_dict()), multiline_strings=True)
    return f"# {phase.label()}, hash {phase.hash}\n\n{body}"


def _without_none(value: Any) -> Any:
    """TOML has no null: an unset field is simply left out."""
    if isinstance(value, Mapping):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value]
    return value


def diff_definitions(a: PhaseDefinition, b: PhaseDefinition) -> str:
    """Unified diff of the two definitions as TOML ("" when identical)."""
    return "".join(
        difflib.unified_diff(
            dump_toml(a).splitlines(keepends=True),
            dump_toml(b).splitlines(keepends=True),
            fromfile=a.key,
            tofile=b.key,
        )
    )
