"""Reading phase definitions: TOML files (with ``extends``), TOML text, stored dicts; every one checked.

A phase file is TOML (see docs/phases.md). A file may say ``extends = 3`` to
take every setting it does not set itself from phase 3 in the same folder;
the loaded :class:`PhaseDefinition` is always self-contained, so what gets
hashed, stored and run is the full resolved content, never a reference.
Worked examples must come from the dev split: loading refuses held-out ones.
"""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any, Callable, Mapping

from pydantic import ValidationError

from phi_core.phases.definition import OWN_KEYS, PhaseDefinition, PhaseError

SplitOf = Callable[[str], "str | None"]


def parse_phase(data: Mapping[str, Any], *, source: str = "", split_of: SplitOf | None = None) -> PhaseDefinition:
    """Validate an already resolved mapping (no ``extends`` left)."""
    if "extends" in data:
        raise PhaseError(f"{source or 'phase'}: 'extends' must be resolved before parsing (use load_phase)")
    try:
        phase = PhaseDefinition.model_validate(dict(data))
    except ValidationError as exc:
        raise PhaseError(_explain(exc, source)) from None
    if split_of is not None:
        check_examples(phase, split_of)
    return phase


def _explain(exc: ValidationError, source: str) -> str:
    lines = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"]) or "file"
        message = error["msg"].removeprefix("Value error, ")
        lines.append(f"  - {where}: {message}")
    return f"{source or 'phase definition'} cannot be used:\n" + "\n".join(lines)


def check_examples(phase: PhaseDefinition, split_of: SplitOf) -> None:
    """Refuse worked examples from the held-out split (or that do not exist)."""
    for report_id in phase.all_example_ids():
        split = split_of(report_id)
        if split is None:
            raise PhaseError(
                f"{phase.label()} uses report {report_id!r} as a worked example, but no such report exists: "
                "import it or remove it from 'examples'"
            )
        if split != "dev":
            raise PhaseError(held_out_example_message(phase, report_id, split))


def held_out_example_message(phase: PhaseDefinition, report_id: str, split: str) -> str:
    return (
        f"{phase.label()} uses report {report_id!r} as a worked example, but that report is in the "
        f"{split!r} split. Examples must come from the dev split, otherwise the held-out test "
        "reports leak into the prompt; pick a dev report in 'examples'."
    )


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise PhaseError(f"{path} is not valid TOML ({exc}); fix the file and load it again") from None


def resolve_extends(
    raw: Mapping[str, Any], base_for: Callable[[int], Mapping[str, Any]], *, source: str = "", _seen: tuple = ()
) -> dict[str, Any]:
    """Fill in what a file leaves to the phase it extends (top-level keys, whole values)."""
    data = dict(raw)
    base_number = data.pop("extends", None)
    if base_number is None:
        return data
    if not isinstance(base_number, int) or isinstance(base_number, bool):
        raise PhaseError(f"{source}: 'extends' must be a phase number such as 3, got {base_number!r}")
    if base_number in _seen:
        raise PhaseError(
            f"{source}: phases extend each other in a circle ({' -> '.join(map(str, _seen + (base_number,)))})"
        )
    base = resolve_extends(base_for(base_number), base_for, source=source, _seen=_seen + (base_number,))
    merged = {k: copy.deepcopy(v) for k, v in base.items() if k not in OWN_KEYS}
    merged.update(data)
    return merged


def base_lookup(raws: list[Mapping[str, Any]], where: str) -> Callable[[int], Mapping[str, Any]]:
    """Find the file a phase extends among ``raws``: that number, highest version."""

    def base_for(number: int) -> Mapping[str, Any]:
        matching = [data for data in raws if data.get("number") == number]
        if not matching:
            raise PhaseError(f"a phase extends phase {number}, but no phase*.toml in {where} has number = {number}")
        return max(matching, key=lambda data: data.get("version", 0))

    return base_for


def resolve_and_parse(
    raw: Mapping[str, Any],
    base_for: Callable[[int], Mapping[str, Any]],
    *,
    source: str,
    split_of: SplitOf | None = None,
) -> PhaseDefinition:
    resolved = resolve_extends(raw, base_for, source=source, _seen=(raw.get("number"),))
    return parse_phase(resolved, source=source, split_of=split_of)


def load_phase(path: str | Path, *, split_of: SplitOf | None = None) -> PhaseDefinition:
    """Load one phase file; ``extends`` is looked up among the phase*.toml files beside it."""
    path = Path(path)
    siblings = [read_toml(p) for p in sorted(path.parent.glob("phase*.toml"))]
    return resolve_and_parse(
        read_toml(path), base_lookup(siblings, str(path.parent)), source=str(path), split_of=split_of
    )


def phase_from_toml(text: str, *, source: str = "<text>", split_of: SplitOf | None = None) -> PhaseDefinition:
    """Parse a self-contained phase written as TOML (for example by :func:`dump_toml`)."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PhaseError(f"{source} is not valid TOML ({exc})") from None
    if "extends" in raw:
        raise PhaseError(f"{source}: 'extends' only works in files under data/phases; write the full definition")
    return parse_phase(raw, source=source, split_of=split_of)


def phase_from_dict(data: Mapping[str, Any], *, source: str = "stored definition") -> PhaseDefinition:
    """Rebuild a definition saved with :meth:`PhaseDefinition.canonical_dict` (e.g. from the store)."""
    return parse_phase(data, source=source)
