"""Weights and targets of the eight scoring dimensions.

The defaults live in ``data/scoring.json`` so that a department can change a
weight without touching code; :func:`load_scoring_config` checks the file and
explains in plain words what to fix when it is wrong.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from phi_core.dimensions import DIMENSIONS


DEFAULT_CONFIG_PATH = Path(__file__).resolve().parents[2] / "data" / "scoring.json"


class ScoringConfigError(ValueError):
    """The scoring settings file cannot be used as it is."""


@dataclass(frozen=True)
class ScoringConfig:
    weights: dict[str, float]
    efficiency_target_sec_per_100_tokens: float = 1.0
    efficiency_target_sec_per_report: float = 10.0

    def __post_init__(self) -> None:
        missing = [d for d in DIMENSIONS if d not in self.weights]
        unknown = [k for k in self.weights if k not in DIMENSIONS]
        if missing or unknown:
            raise ScoringConfigError(
                "The scoring weights must name exactly these dimensions: "
                f"{', '.join(DIMENSIONS)}. Missing: {missing or 'none'}; not recognised: {unknown or 'none'}. "
                "Fix the 'weights' entry of the scoring settings."
            )
        for name, weight in self.weights.items():
            if not _is_finite_number(weight) or weight < 0:
                raise ScoringConfigError(
                    f"The weight of '{name}' is {weight!r}; every weight must be a number of 0 or more."
                )
        if sum(self.weights.values()) <= 0:
            raise ScoringConfigError("All scoring weights are 0; give at least one dimension a positive weight.")
        for name in ("efficiency_target_sec_per_100_tokens", "efficiency_target_sec_per_report"):
            value = getattr(self, name)
            if not _is_finite_number(value) or value <= 0:
                raise ScoringConfigError(f"'{name}' is {value!r}; it must be a positive number of seconds.")
        # Keep the dimension order stable whatever order the file used.
        object.__setattr__(self, "weights", {d: float(self.weights[d]) for d in DIMENSIONS})

    @property
    def total_weight(self) -> float:
        return sum(self.weights.values())

    def to_dict(self) -> dict:
        return {
            "weights": dict(self.weights),
            "efficiency_target_sec_per_100_tokens": self.efficiency_target_sec_per_100_tokens,
            "efficiency_target_sec_per_report": self.efficiency_target_sec_per_report,
        }


def _is_finite_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def load_scoring_config(path: str | Path | None = None) -> ScoringConfig:
    """Read weights and targets from JSON (default ``data/scoring.json``)."""
    if path is None:
        return _default_config()
    return _read_config(Path(path))


@lru_cache(maxsize=1)
def _default_config() -> ScoringConfig:
    return _read_config(DEFAULT_CONFIG_PATH)


def _read_config(path: Path) -> ScoringConfig:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ScoringConfigError(
            f"The scoring settings file {path} does not exist. Restore it or pass the path of another one."
        ) from None
    except json.JSONDecodeError as exc:
        raise ScoringConfigError(
            f"The scoring settings file {path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    if not isinstance(raw, dict) or not isinstance(raw.get("weights"), dict):
        raise ScoringConfigError(
            f"The scoring settings file {path} must be a JSON object with a 'weights' object inside."
        )
    known = {"weights", "efficiency_target_sec_per_100_tokens", "efficiency_target_sec_per_report"}
    extra = sorted(set(raw) - known)
    if extra:
        raise ScoringConfigError(
            f"The scoring settings file {path} has entries this version does not know: {extra}. "
            f"Remove them or check their spelling (known: {sorted(known)})."
        )
    return ScoringConfig(**raw)
