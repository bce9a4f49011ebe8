"""De-identification: a pipeline finds the PHI, a mode rewrites it (tags, redact, surrogate).

The names below load on first use: a worker process (``deid --workers``, a Ray
worker) imports only ``phi_core.deid.stream.work`` and what it needs, not the
readers and writers of every input format.
"""

from __future__ import annotations

import importlib

_HOMES = {
    "READERS": "phi_core.deid.io",
    "WRITERS": "phi_core.deid.io",
    "DeidInputError": "phi_core.deid.io",
    "Document": "phi_core.deid.io",
    "read_documents": "phi_core.deid.io",
    "DeidResult": "phi_core.deid.job",
    "deidentify": "phi_core.deid.job",
    "keep_documents": "phi_core.deid.job",
    "make_detector": "phi_core.deid.job",
    "pipeline_detector": "phi_core.deid.job",
    "MODES": "phi_core.deid.modes",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
