"""The shipped phases (data/phases/phase*.toml) and any versions added later.

Look a phase up by number (latest version, or a given one), by name, by key
("p4-v1-1a2b3c4d") or by hash. Derived versions made in the browser are
added with :meth:`PhaseRegistry.add`; the files on disk are never rewritten.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from phi_core.paths import PHASES_DIR
from phi_core.phases.definition import PhaseDefinition, PhaseError
from phi_core.phases.loading import SplitOf, base_lookup, read_toml, resolve_and_parse


def load_phase_directory(
    directory: str | Path = PHASES_DIR, *, split_of: SplitOf | None = None
) -> list[PhaseDefinition]:
    """Every phase*.toml in ``directory``, ``extends`` resolved, ordered by number and version."""
    directory = Path(directory)
    paths = sorted(directory.glob("phase*.toml"))
    if not paths:
        raise PhaseError(f"no phase*.toml files in {directory}: the phase definitions are missing from this install")
    raw: dict[Path, dict[str, Any]] = {path: read_toml(path) for path in paths}
    base_for = base_lookup(list(raw.values()), str(directory))
    phases = [resolve_and_parse(data, base_for, source=str(path), split_of=split_of) for path, data in raw.items()]
    return sorted(phases, key=lambda p: (p.number, p.version))


class PhaseRegistry:
    def __init__(self, phases: Iterable[PhaseDefinition] = ()):
        self._by_key: dict[str, PhaseDefinition] = {}
        for phase in phases:
            self.add(phase)

    def add(self, phase: PhaseDefinition) -> PhaseDefinition:
        clash = next(
            (
                p
                for p in self._by_key.values()
                if p.number == phase.number and p.version == phase.version and p.hash != phase.hash
            ),
            None,
        )
        if clash is not None:
            raise PhaseError(
                f"phase {phase.number} version {phase.version} already exists with different content "
                f"({clash.key}); save the edit as a new version instead"
            )
        self._by_key.setdefault(phase.key, phase)
        return phase

    def all(self) -> list[PhaseDefinition]:
        return sorted(self._by_key.values(), key=lambda p: (p.number, p.version))

    def numbers(self) -> list[int]:
        return sorted({p.number for p in self._by_key.values()})

    def versions(self, number: int) -> list[PhaseDefinition]:
        return [p for p in self.all() if p.number == number]

    def get(self, number: int, version: int | None = None) -> PhaseDefinition:
        """Phase ``number`` at ``version``, or its latest version."""
        versions = self.versions(number)
        if not versions:
            raise PhaseError(f"there is no phase {number}; known phases: {self.numbers()}")
        if version is None:
            return versions[-1]
        for phase in versions:
            if phase.version == version:
                return phase
        raise PhaseError(f"phase {number} has no version {version}; known versions: {[p.version for p in versions]}")

    def by_name(self, name: str) -> PhaseDefinition:
        matching = [p for p in self.all() if p.name == name]
        if not matching:
            raise PhaseError(f"there is no phase named {name!r}; known names: {sorted({p.name for p in self.all()})}")
        return matching[-1]

    def by_key(self, key: str) -> PhaseDefinition:
        if key not in self._by_key:
            raise PhaseError(f"there is no phase with key {key!r}; known keys: {sorted(self._by_key)}")
        return self._by_key[key]

    def by_hash(self, hash_prefix: str) -> PhaseDefinition:
        matching = [p for p in self._by_key.values() if p.hash.startswith(hash_prefix)]
        if len(matching) != 1:
            found = "no" if not matching else "several"
            raise PhaseError(f"{found} phase hash starts with {hash_prefix!r}; give more characters of the hash")
        return matching[0]

    def find(self, ref: str | int) -> PhaseDefinition:
        """Accepts 4, "4", "p4", "p4-v2", a full key, or a name."""
        text = str(ref).strip()
        if text in self._by_key:
            return self._by_key[text]
        bare = text.removeprefix("p")
        number, _, version = bare.partition("-v")
        if number.isdigit() and (not version or version.isdigit()):
            return self.get(int(number), int(version) if version else None)
        return self.by_name(text)


@lru_cache(maxsize=1)
def _shipped() -> tuple[PhaseDefinition, ...]:
    return tuple(load_phase_directory(PHASES_DIR))


def shipped_phases() -> list[PhaseDefinition]:
    """The phases in data/phases, read once per process."""
    return list(_shipped())


def default_registry() -> PhaseRegistry:
    """A fresh registry holding the shipped phases (add derived versions to it freely)."""
    return PhaseRegistry(_shipped())
