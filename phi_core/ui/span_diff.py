"""What changed between two versions of a report's spans, and my change replayed on someone else's.

The editor saves with a check that nobody else saved meanwhile; when
somebody did, the annotator sees the difference and can replay their edit on
top of what is stored now.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from phi_core.models import Span
from phi_core.ui.span_edits import sort_spans, span_key


@dataclass
class SpanDiff:
    added: list[Span] = field(default_factory=list)
    removed: list[Span] = field(default_factory=list)
    changed: list[tuple[Span, Span]] = field(default_factory=list)  # (before, after), same offsets

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def diff_spans(before: Sequence[Span], after: Sequence[Span]) -> SpanDiff:
    before_keys = {span_key(s): s for s in before}
    after_keys = {span_key(s): s for s in after}
    gone = [s for k, s in before_keys.items() if k not in after_keys]
    new = [s for k, s in after_keys.items() if k not in before_keys]
    diff = SpanDiff()
    new_by_place = {}
    for s in new:
        new_by_place.setdefault((s.start, s.end), []).append(s)
    for s in gone:
        partners = new_by_place.get((s.start, s.end))
        if partners:
            diff.changed.append((s, partners.pop(0)))
        else:
            diff.removed.append(s)
    diff.added = [s for group in new_by_place.values() for s in group]
    diff.added, diff.removed = sort_spans(diff.added), sort_spans(diff.removed)
    return diff


def describe_diff(diff: SpanDiff) -> list[str]:
    lines = [f"added {s.category} {s.text!r} at {s.start}-{s.end}" for s in diff.added]
    lines += [f"removed {s.category} {s.text!r} at {s.start}-{s.end}" for s in diff.removed]
    lines += [f"changed {a.text!r} at {a.start}-{a.end} from {a.category} to {b.category}" for a, b in diff.changed]
    return lines or ["no span changes"]


def reapply(base: Sequence[Span], mine: Sequence[Span], current: Sequence[Span]) -> list[Span]:
    """Replay my edit (base -> mine) on top of what is in the store now."""
    diff = diff_spans(base, mine)
    result = {span_key(s): s for s in current}
    for span in diff.removed:
        result.pop(span_key(span), None)
    for before, after in diff.changed:
        result.pop(span_key(before), None)
        result[span_key(after)] = after
    for span in diff.added:
        result[span_key(span)] = span
    return sort_spans(result.values())
