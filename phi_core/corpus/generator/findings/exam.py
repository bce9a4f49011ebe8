"""What one kind of study is made of: an :class:`Exam` and its clinical :class:`Scenario` s."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scenario:
    clinical: tuple[str, ...]
    findings: tuple[str, ...]
    impression: tuple[str, ...]
    advice: tuple[str, ...]
    age_range: tuple[int, int] | None = None  # overrides the exam's range


@dataclass(frozen=True)
class Exam:
    key: str
    modality: str
    title: str
    departments: tuple[str, ...]
    devices: tuple[str, ...]
    technique: tuple[str, ...]
    scenarios: tuple[Scenario, ...]
    age_range: tuple[int, int] = (25, 92)
    sex: str | None = None  # "M" / "F" when the exam is for one sex only
    weight: int = 1
