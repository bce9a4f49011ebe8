"""Readings of the names found in a document, wherever they are written.

SudachiDict gives each name its reading (佐藤一郎 -> サトウイチロウ). That
reading, in full-width or half-width katakana or in hiragana, with or without
a space between family and given name, is a name reading anywhere in the same
document: a kana field or a bracket far from the kanji name, with no label.
"""

from __future__ import annotations

from typing import ClassVar

import jaconv

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.width import to_half_width_kana
from phi_core.nlp.morphemes import document_morphemes

from .sudachi_names import RANK_SUPPLEMENT, person_runs

_GAP = "[ \u3000・･]?"


def _forms(reading: str) -> tuple[str, str, str]:
    """Full-width katakana, hiragana, half-width katakana, in that order."""
    return reading, jaconv.kata2hira(reading), to_half_width_kana(reading, space=False)


def _pattern(parts: list[str]) -> str:
    return _GAP.join(re.escape(p) for p in parts)


@register
class SudachiReadingRecognizer(Recognizer):
    name: ClassVar[str] = "sudachi-reading"
    categories: ClassVar[tuple[str, ...]] = ("NAME_READING",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        morphemes = document_morphemes(doc)
        by_start = {m.start: m for m in morphemes}
        patterns: set[str] = set()
        for start, end in person_runs(morphemes):
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
                patterns.add(_pattern([f[kind] for f in forms]))
            # A part alone only when long enough not to be an ordinary word.
            patterns.update(re.escape(f) for p, fs in zip(parts, forms) if len(p) >= 3 for f in fs)
        if not patterns:
            return []
        finder = re.compile("|".join(sorted(patterns, key=len, reverse=True)))
        return [Candidate(m.start(), m.end(), "NAME_READING", RANK_SUPPLEMENT) for m in finder.finditer(text)]
