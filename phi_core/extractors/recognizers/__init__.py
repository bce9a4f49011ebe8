"""The recognizers of the rule-based extractor, one per module.

Each module holds one class with a ``name``, its ``categories`` and a
``find(doc)`` method (and optionally ``regions(doc)``), decorated with
``@register`` from phi_core/extractors/recognition/recognizer.py. Importing
this package imports every module in it, so a new recognizer is a new file
here; which recognizers a profile runs, and at which rank, is data
(data/rules/profiles.toml), not code. Helpers several recognizers share live
in phi_core/extractors/recognition/.

A recognizer that needs a heavy library (a morphological analyser, a
statistical model) imports and loads it on first use, never at import time:
every process that extracts imports this package.

The morphology and NER based recognizers (sudachi_*, ginza_entities) and the
identifier-shape ones register too, but only the profiles that list them run
them: recall-first runs them all, behind the clinical allow-list; ``balanced``
runs only a few cheap, generic ones there (its ``supplements``).
"""

from __future__ import annotations

import importlib
import pkgutil


def _import_all() -> None:
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        importlib.import_module(f"{__name__}.{module.name}")


_import_all()
