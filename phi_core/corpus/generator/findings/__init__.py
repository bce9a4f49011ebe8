"""Examinations by modality: technique lines, findings, impressions, advice.

Each :class:`Exam` is one kind of study (chest CT, brain MRI, ...) with a few
clinical :class:`Scenario` s. Texts carry placeholders filled by
:func:`phi_core.corpus.generator.fill.fill`, so two reports of the same
scenario differ in sizes, segments and sides. Nothing here is PHI: PHI is
written by the layouts and by the hidden-PHI sentences.
"""

from __future__ import annotations

from phi_core.corpus.generator.findings.ct import CT_CONTRAST, CT_DEVICES, CT_EXAMS
from phi_core.corpus.generator.findings.exam import Exam, Scenario
from phi_core.corpus.generator.findings.mri import MRI_CONTRAST, MRI_DEVICES, MRI_EXAMS
from phi_core.corpus.generator.findings.radiograph import XR_DEVICES, XR_EXAMS
from phi_core.corpus.generator.findings.ultrasound import US_DEVICES, US_EXAMS

__all__ = [
    "CT_CONTRAST",
    "CT_DEVICES",
    "EXAMS",
    "EXAMS_BY_MODALITY",
    "MODALITY_WEIGHTS",
    "MRI_CONTRAST",
    "MRI_DEVICES",
    "PREVIOUS_EXAM_WORDS",
    "US_DEVICES",
    "XR_DEVICES",
    "Exam",
    "Scenario",
]

MODALITY_WEIGHTS: dict[str, int] = {"CT": 45, "MRI": 27, "US": 15, "XR": 13}

# One module per modality. The generator draws an exam by its position within
# its modality, so reordering a module's exams changes every generated corpus.
EXAMS: tuple[Exam, ...] = CT_EXAMS + MRI_EXAMS + US_EXAMS + XR_EXAMS

EXAMS_BY_MODALITY: dict[str, tuple[Exam, ...]] = {
    modality: tuple(exam for exam in EXAMS if exam.modality == modality) for modality in MODALITY_WEIGHTS
}

# Words a previous-exam comparison uses for each modality.
PREVIOUS_EXAM_WORDS: dict[str, str] = {"CT": "CT", "MRI": "MRI", "US": "超音波検査", "XR": "単純X線写真"}
