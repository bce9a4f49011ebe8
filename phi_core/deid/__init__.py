"""De-identification: a pipeline finds the PHI, a mode rewrites it (tags, redact, surrogate)."""

from phi_core.deid.io import READERS, WRITERS, DeidInputError, Document, read_documents
from phi_core.deid.job import DeidResult, deidentify, keep_documents, make_detector, pipeline_detector
from phi_core.deid.modes import MODES

__all__ = [
    "MODES",
    "READERS",
    "WRITERS",
    "DeidInputError",
    "DeidResult",
    "Document",
    "deidentify",
    "keep_documents",
    "make_detector",
    "pipeline_detector",
    "read_documents",
]
