"""Adjudication: where annotator layers disagree, and the gold an adjudicator's decisions make.

Spans every layer has are agreed and go into the gold as they are. The other
spans are grouped into disagreements: spans that share a character (across
layers) belong together. For each disagreement the adjudicator takes one
layer's side, both (every side's spans) or neither.

Disagreements are ordered by leak risk: a stretch one annotator marked and
another did not comes first (if the unmarking side is wrong, PHI leaks), then
different boundaries (part of a value could leak), then different categories
(masked either way).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

from phi_core.models import Span

KINDS = ("missing", "boundary", "category", "mixed")
RISK = {kind: rank for rank, kind in enumerate(KINDS)}
BOTH, NEITHER = "both", "neither"


@dataclass
class Disagreement:
    index: int
    start: int
    end: int
    kind: str
    sides: dict[str, list[Span]] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """Stable across reloads of the same layers: where it is and what each side says."""
        parts = [
            f"{a}:" + ",".join(f"{s.start}-{s.end}-{s.category}" for s in spans)
            for a, spans in sorted(self.sides.items())
        ]
        return f"{self.start}-{self.end}|" + "|".join(parts)


@dataclass
class Comparison:
    agreed: list[Span]
    disagreements: list[Disagreement]
    annotators: list[str]


def _triple(s: Span) -> tuple[int, int, str]:
    return (s.start, s.end, s.category)


def compare_layers(layers: Mapping[str, Sequence[Span]]) -> Comparison:
    """Agreed spans and the disagreements, most leak-prone first."""
    annotators = sorted(layers)
    sets = {a: {_triple(s): s for s in layers[a]} for a in annotators}
    common = set.intersection(*(set(v) for v in sets.values())) if sets else set()
    agreed = sorted((next(iter(sets.values()))[t] for t in common), key=_triple)
    loose = sorted({(t, a) for a in annotators for t in sets[a] if t not in common})
    clusters: list[dict] = []
    for (start, end, category), annotator in sorted(loose, key=lambda x: (x[0][0], x[0][1])):
        if clusters and start < clusters[-1]["end"]:
            cluster = clusters[-1]
            cluster["end"] = max(cluster["end"], end)
        else:
            cluster = {"start": start, "end": end, "sides": {a: [] for a in annotators}}
            clusters.append(cluster)
        cluster["sides"][annotator].append(sets[annotator][(start, end, category)])
    found = [Disagreement(0, c["start"], c["end"], _kind(c["sides"]), c["sides"]) for c in clusters]
    found.sort(key=lambda d: (RISK[d.kind], d.start, d.end))
    for index, d in enumerate(found):
        d.index = index
    return Comparison(agreed, found, annotators)


def _kind(sides: Mapping[str, Sequence[Span]]) -> str:
    if any(not spans for spans in sides.values()):
        return "missing"
    categories = {s.category for spans in sides.values() for s in spans}
    bounds = {(s.start, s.end) for spans in sides.values() for s in spans}
    if len(categories) == 1:
        return "boundary"
    if len(bounds) == 1:
        return "category"
    return "mixed"


def choices(comparison: Comparison) -> list[str]:
    """What a disagreement can be settled with: each annotator's side, both, neither."""
    return [*comparison.annotators, BOTH, NEITHER]


def resolve(comparison: Comparison, decisions: Mapping[str, str]) -> list[Span]:
    """The gold from the agreed spans and one decision per disagreement (keyed by Disagreement.key)."""
    undecided = [d for d in comparison.disagreements if d.key not in decisions]
    if undecided:
        raise ValueError(
            f"{len(undecided)} disagreements are not decided yet (first at characters "
            f"{undecided[0].start}-{undecided[0].end}): decide each one, then save"
        )
    chosen: dict[tuple[int, int, str], Span] = {_triple(s): s for s in comparison.agreed}
    for d in comparison.disagreements:
        decision = decisions[d.key]
        if decision == NEITHER:
            continue
        if decision == BOTH:
            picked = [s for spans in d.sides.values() for s in spans]
        elif decision in d.sides:
            picked = list(d.sides[decision])
        else:
            raise ValueError(f"unknown decision {decision!r}: use an annotator's name, {BOTH!r} or {NEITHER!r}")
        chosen.update({_triple(s): s for s in picked})
    return sorted(chosen.values(), key=_triple)


def decision_keys(annotators: Sequence[str]) -> dict[str, str]:
    """Keyboard keys: 1, 2, ... take an annotator's side, b both, 0 neither."""
    keys = {str(i + 1): a for i, a in enumerate(annotators[:9])}
    keys.update({"b": BOTH, "0": NEITHER})
    return keys


def marked_text(text: str, annotator: str, comparison: Comparison) -> str:
    """One layer's view of the text as plain characters: [agreed], ⟦disputed⟧#n, and ⟨…⟩#n where
    another layer marked something this one did not. Shown with st.code, never as markup."""
    inserts: list[tuple[int, int, str]] = []  # (position, order, marker): closers before openers at one spot
    agreed = {_triple(s) for s in comparison.agreed}
    for s in comparison.agreed:
        inserts += [(s.start, 1, "["), (s.end, 0, "]")]
    for d in comparison.disagreements:
        own = d.sides.get(annotator, [])
        if not own:
            inserts += [(d.start, 1, "⟨"), (d.end, 0, f"⟩#{d.index + 1}")]
        for s in own:
            if _triple(s) not in agreed:
                inserts += [(s.start, 1, "⟦"), (s.end, 0, f"⟧#{d.index + 1}")]
    out, last = [], 0
    for position, _, marker in sorted(inserts, key=lambda x: (x[0], x[1])):
        out.append(text[last:position])
        out.append(marker)
        last = position
    out.append(text[last:])
    return "".join(out)


def first_undecided(comparison: Comparison, decisions: Mapping[str, str], after: int = -1) -> int | None:
    """Index of the next disagreement without a decision (wrapping around), or None when all are decided."""
    n = len(comparison.disagreements)
    for step in range(1, n + 1):
        index = (after + step) % n
        if comparison.disagreements[index].key not in decisions:
            return index
    return None
