"""The extractors that run in this process with no model host: name -> a new extractor.

One registry for every place that builds them: benchmark runs
(phi_core/runs/extractor_factory.py) and pipelines' local parts
(phi_core/deid/extractors.py), which import this small module and not the run
machinery.
"""

from __future__ import annotations

from typing import Callable

from phi_core.extractors.base import Extractor


def _rules() -> Extractor:
    from phi_core.extractors.rules_extractor import RulesExtractor

    return RulesExtractor()


def _recall_first() -> Extractor:
    from phi_core.extractors.recall_first_extractor import RecallFirstExtractor

    return RecallFirstExtractor()


LOCAL_EXTRACTORS: dict[str, Callable[[], Extractor]] = {
    "rules": _rules,
    "recall-first": _recall_first,
}
