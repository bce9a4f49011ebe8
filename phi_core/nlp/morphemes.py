"""A document cut into morphemes by SudachiPy, as plain tuples with code-point offsets."""

from __future__ import annotations

import threading
from typing import NamedTuple

from phi_core.nlp.loaders import sudachi

# Sudachi refuses inputs over about 49,000 bytes; lines are cut well below that
# (a Japanese character is three bytes in UTF-8).
_MAX_CHARS = 8000
# One tokenizer per process, and a SudachiPy tokenizer is not safe to share
# between threads (the app's sessions, a runner's workers): one at a time.
_TOKENIZE = threading.Lock()


class Morpheme(NamedTuple):
    start: int
    end: int
    surface: str
    pos: tuple[str, ...]
    reading: str
    oov: bool

    @property
    def is_person(self) -> bool:
        return self.pos[1] == "固有名詞" and self.pos[2] == "人名"

    @property
    def is_place(self) -> bool:
        return self.pos[1] == "固有名詞" and self.pos[2] == "地名"

    @property
    def is_proper(self) -> bool:
        return self.pos[1] == "固有名詞"


def _pieces(text: str):
    """(offset, piece) with every piece short enough for Sudachi, cut at line ends."""
    start = 0
    while start < len(text):
        end = min(len(text), start + _MAX_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        yield start, text[start:end]
        start = end


# A drawn table's rules (│┃┌─) are read as a typed bar, a symbol: the dictionary takes │ for a noun, and a name
# in the cell after it (│三浦 大輝) for the end of a compound. One character for one, so every offset stays.
_RULES_AS_BARS = {code: "|" for code in range(0x2500, 0x2580)}


def morphemes(text: str) -> list[Morpheme]:
    tokenizer = sudachi()
    out: list[Morpheme] = []
    original = text
    text = text.translate(_RULES_AS_BARS)
    for offset, piece in _pieces(text):
        with _TOKENIZE:  # read every field while no other thread can tokenize
            out.extend(
                Morpheme(
                    offset + m.begin(),
                    offset + m.end(),
                    original[offset + m.begin() : offset + m.end()],
                    tuple(m.part_of_speech()),
                    m.reading_form(),
                    m.is_oov(),
                )
                for m in tokenizer.tokenize(piece)
            )
    return out


def document_morphemes(doc) -> list[Morpheme]:
    """The morphemes of a rules Document, computed once and shared by every recognizer."""
    return doc.shared("sudachi-morphemes", lambda d: morphemes(d.text))
