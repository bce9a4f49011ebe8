"""Readings of the names found in a document, wherever they are written.

SudachiDict gives each name its reading (佐藤一郎 -> サトウイチロウ). That
reading, in full-width or half-width katakana or in hiragana, with or without
a space between family and given name, is a name reading anywhere in the same
document: a kana field or a bracket far from the kanji name, with no label.
"""

from __future__ import annotations

from typing import ClassVar

import jaconv

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.width import to_half_width_kana
from phi_core.nlp.morphemes import document_morphemes

from .sudachi_names import RANK_SUPPLEMENT, document_person_runs

# What may stand between the family and the given name of a reading: nothing, a space or a middle dot.
_GAPS = ("", " ", "\u3000", "・", "･")


def _forms(reading: str) -> tuple[str, str, str]:
    """Full-width katakana, hiragana, half-width katakana, in that order."""
    return reading, jaconv.kata2hira(reading), to_half_width_kana(reading, space=False)


def _spelled(parts: list[str]) -> set[str]:
    """The parts of a reading joined by each gap (one gap for the whole name, as it is typed)."""
    return {gap.join(parts) for gap in _GAPS}


def _leftmost_longest(text: str, words: set[str]) -> list[tuple[int, int]]:
    """Where the words are written, none overlapping: at each place the longest, left to right.

    Plain searches: a pattern of a document's own readings would cost a compile per document, more
    than all the searches together.
    """
    found = []
    for word in words:
        pos = text.find(word)
        while pos >= 0:
            found.append((pos, pos + len(word)))
            pos = text.find(word, pos + 1)
    kept: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda span: (span[0], -span[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


@register
class SudachiReadingRecognizer(Recognizer):
    name: ClassVar[str] = "sudachi-reading"
    categories: ClassVar[tuple[str, ...]] = ("NAME_READING",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        morphemes = document_morphemes(doc)
        by_start = {m.start: m for m in morphemes}
        words: set[str] = set()
        for start, end in document_person_runs(doc):
            parts = []
            pos = start
            while pos < end and pos in by_start:
                m = by_start[pos]
                if m.is_person and m.reading:
                    parts.append(m.reading)
                pos = m.end
            if not parts or sum(map(len, parts)) < 3:
                continue
            forms = [_forms(p) for p in parts]
            for kind in range(3):  # the whole name in one kana form
                words |= _spelled([f[kind] for f in forms])
            # A part alone only when long enough not to be an ordinary word.
            words.update(f for p, fs in zip(parts, forms) if len(p) >= 3 for f in fs)
        return [Candidate(s, e, "NAME_READING", RANK_SUPPLEMENT) for s, e in _leftmost_longest(text, words)]
