"""Gold follows the masking rule: every occurrence of a PHI value is PHI.

A value written once in the header may appear again in the text (a
department in the recommendations, a date in the comparison). Scoring treats
every verbatim occurrence of a predicted value as masked, so gold must mark
those occurrences too, or a perfect extractor would look impure.
"""

from __future__ import annotations

from phi_core.corpus.locate import locate_value
from phi_core.models import Span


def label_every_occurrence(text: str, spans: list[Span]) -> list[Span]:
    taken = [(s.start, s.end) for s in spans]
    added: list[Span] = []
    seen: set[tuple[str, str]] = set()
    for span in spans:
        key = (span.text, span.category)
        if key in seen:
            continue
        seen.add(key)
        for start, end in locate_value(text, span.text):
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            added.append(Span(start=start, end=end, category=span.category, text=span.text))
    return sorted(spans + added, key=lambda s: (s.start, s.end))
