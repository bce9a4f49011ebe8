"""The text builder of the styles corpus: every span carries its value format.

After a document is written, :func:`mark_every_occurrence` applies the
guideline "every occurrence is marked": a value written once as PHI is PHI
wherever it appears again verbatim, unless that place is already inside
another span. A value that starts or ends with a Latin letter or digit only
counts where it stands on its own (``M`` inside ``MRI`` is not the sex code).
"""

from __future__ import annotations


from phi_core.corpus.generator.builder import TextBuilder
from phi_core.japanese.width import nfkc
from phi_core.corpus.generator.styles.format_names import FORMATS
from phi_core.corpus.generator.styles.formats import Value
from phi_core.models import Span

# Categories whose values are too short or generic to search for again (a sex
# word, an age, a clock time, a bed number): styles mark each one explicitly.
NOT_PROPAGATED: frozenset[str] = frozenset({"SEX", "AGE", "TIME"})
NOT_PROPAGATED_FORMATS: frozenset[str] = frozenset({"bed number", "room number", "extension", "sex code"})


class StyleBuilder(TextBuilder):
    """A :class:`TextBuilder` whose PHI pieces are ``(text, format)`` values."""

    def v(self, value: Value, category: str) -> "StyleBuilder":
        text, fmt = value
        if fmt not in FORMATS:
            raise ValueError(f"unknown value format {fmt!r}; add it to styles.format_names.FORMATS first")
        self.phi(text, category)
        self.spans[-1] = self.spans[-1].model_copy(update={"format": fmt})
        return self

    def t(self, text: str) -> "StyleBuilder":
        self.add(text)
        return self

    def ln(self, text: str = "") -> "StyleBuilder":
        self.line(text)
        return self


def _word_char(char: str) -> bool:
    folded = nfkc(char)
    return bool(folded) and folded.isascii() and folded.isalnum()


def stands_alone(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is not glued to a Latin letter or digit on a side where it has one."""
    if _word_char(text[start]) and start > 0 and _word_char(text[start - 1]):
        return False
    if _word_char(text[end - 1]) and end < len(text) and _word_char(text[end]):
        return False
    return True


def occurrences(text: str, value: str) -> list[tuple[int, int]]:
    found, start = [], text.find(value)
    while start != -1:
        end = start + len(value)
        if stands_alone(text, start, end):
            found.append((start, end))
        start = text.find(value, start + 1)
    return found


def propagates(span: Span) -> bool:
    return span.category not in NOT_PROPAGATED and span.format not in NOT_PROPAGATED_FORMATS


def mark_every_occurrence(text: str, spans: list[Span]) -> list[Span]:
    taken = [(s.start, s.end) for s in spans]
    added: list[Span] = []
    # Longer values first so that a full name claims its place before its surname.
    for span in sorted(spans, key=lambda s: -(s.end - s.start)):
        if not propagates(span):
            continue
        for start, end in occurrences(text, span.text):
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            added.append(Span(start=start, end=end, category=span.category, text=span.text, format=span.format))
    return sorted(spans + added, key=lambda s: (s.start, s.end))
