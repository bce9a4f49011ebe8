"""Deterministic synthetic Japanese radiology reports with exact gold PHI spans.

    from phi_core.corpus.generator import generate_reports
    reports = generate_reports(100, 60, seed=20260126)

The same seed always gives the same reports, byte for byte once written with
:func:`phi_core.corpus.jsonl.write_jsonl`; the shipped corpus
``data/corpus/synthetic.jsonl`` is ``generate_reports()`` with the defaults
(regenerate with ``python -m phi_core.corpus.generator --out data/corpus/synthetic.jsonl``).
"""

from __future__ import annotations

from phi_core.corpus.generator.corpus import generate_corpus
from phi_core.models import Report

DEFAULT_SEED = 20260126


def generate_reports(n_dev: int = 100, n_test: int = 60, *, seed: int = DEFAULT_SEED) -> list[Report]:
    """``n_dev`` development then ``n_test`` test reports, status "approved" (gold by construction)."""
    return generate_corpus(n_dev, n_test, seed)


__all__ = ["DEFAULT_SEED", "generate_reports"]
