"""A text builder that knows where every PHI value it wrote sits.

Reports are written piece by piece; a PHI piece is recorded as a span at the
moment it is appended, so offsets are exact by construction rather than found
again by searching (which would go wrong for values that occur twice).
Offsets count code points, so a name written with a character outside the
Basic Multilingual Plane (𠮷) still lines up with ``text[start:end]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from phi_core.models import Span
from phi_core.taxonomy import CATEGORY_BY_CODE


@dataclass
class HiddenMark:
    start: int
    end: int
    category: str
    difficulty: int

    def as_meta(self) -> dict:
        return {"start": self.start, "end": self.end, "category": self.category, "difficulty": self.difficulty}


@dataclass
class TextBuilder:
    parts: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    hidden: list[HiddenMark] = field(default_factory=list)
    length: int = 0

    def add(self, text: str) -> "TextBuilder":
        """Append plain text that is not PHI (labels, titles, prose)."""
        if text:
            self.parts.append(text)
            self.length += len(text)
        return self

    def line(self, text: str = "") -> "TextBuilder":
        return self.add(text + "\n")

    def phi(self, value: str, category: str, *, difficulty: int | None = None) -> "TextBuilder":
        """Append a PHI value and record its span (and, for planted PHI, its difficulty)."""
        if category not in CATEGORY_BY_CODE:
            raise ValueError(f"unknown PHI category {category!r}; use a code from phi_core.taxonomy")
        if not value or value != value.strip():
            raise ValueError(f"PHI value {value!r} is empty or has surrounding blanks; trim it before adding")
        start = self.length
        self.add(value)
        self.spans.append(Span(start=start, end=self.length, category=category, text=value))
        if difficulty is not None:
            self.hidden.append(HiddenMark(start, self.length, category, difficulty))
        return self

    def pieces(self, pieces: "list[Piece]", *, difficulty: int | None = None) -> "TextBuilder":
        """Append a sentence given as plain strings and (value, category) pairs."""
        for piece in pieces:
            if isinstance(piece, str):
                self.add(piece)
            else:
                value, category = piece
                self.phi(value, category, difficulty=difficulty)
        return self

    def ends_with(self, suffixes: tuple[str, ...]) -> bool:
        return bool(self.parts) and self.parts[-1].endswith(suffixes)

    @property
    def text(self) -> str:
        return "".join(self.parts)


# A sentence fragment: plain text, or a PHI value with its category.
Piece = str | tuple[str, str]
