"""The candidate record every rule module emits before overlaps are resolved."""

from __future__ import annotations

from typing import NamedTuple

# How much a candidate's origin is trusted when two candidates overlap.
# A value read after its label ("氏名：...") beats a bare pattern match, and a
# value seen under a label and then found again elsewhere sits in between.
RANK_LABEL = 3
RANK_PROPAGATED = 2
RANK_PATTERN = 1

# A claim that a stretch is NOT PHI (an HL7 message type, an order's service
# code): it takes part in overlap resolution like any candidate, so it keeps
# generic patterns off that stretch, and is dropped from the result.
NOT_PHI = "NOT_PHI"


class Candidate(NamedTuple):
    """A NamedTuple rather than a dataclass: thousands are made per second."""

    start: int
    end: int
    category: str
    rank: int = RANK_PATTERN
    # Coarse kind of the generic pattern that produced it ("date", "time",
    # "phone", ...); lets label context re-type it. Empty for typed candidates.
    kind: str = ""

    @property
    def length(self) -> int:
        return self.end - self.start

    def retyped(self, category: str, rank: int | None = None) -> "Candidate":
        return self._replace(category=category, rank=self.rank if rank is None else rank)
