"""The one resolver: every recognizer's candidates become one consistent span list.

Steps, in order:
1. context: a generic match (date, time, phone ...) inside a labelled region
   takes the label's category and the label's rank;
2. dates: a date equal to the labelled birth or exam date takes that category;
3. propagation: a value found once is found at every occurrence, in both widths;
4. overlaps: label context first (rank), then the longest span, then the
   category's place in the taxonomy. The result is sorted and non-overlapping.
"""

from __future__ import annotations

from bisect import bisect_left

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import NOT_PHI, RANK_LABEL, Candidate
from phi_core.extractors.recognition.consistency import propagate, retype_dates
from phi_core.extractors.recognition.recognizer import Document, Region
from phi_core.japanese import honorifics
from phi_core.taxonomy import CATEGORY_CODES

_PRIORITY = {code: index for index, code in enumerate(CATEGORY_CODES)}


# Matches that are PHI only inside a labelled region, read there as this kind.
_NEEDS_CONTEXT = {"bare-date": "date"}


def apply_regions(candidates: list[Candidate], regions: list[Region]) -> list[Candidate]:
    usable = [r for r in regions if r.retype]
    out: list[Candidate] = []
    for cand in candidates:
        new = cand
        kind = _NEEDS_CONTEXT.get(cand.kind, cand.kind)
        if kind:
            for region in usable:
                if region.start <= cand.start < region.end and kind in region.retype:
                    category = region.retype[kind]
                    if category == "PHONE" and region.facility_line:
                        category = "FACILITY_PHONE"
                    new = cand._replace(category=category, rank=max(RANK_LABEL, cand.rank), kind=kind)
                    break
        if new.kind in _NEEDS_CONTEXT:
            continue  # no label vouched for it
        out.append(new)
    return out


def choose(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping subset, best candidates first."""
    ordered = sorted(
        set(candidates),
        key=lambda c: (-c.rank, -c.length, _PRIORITY.get(c.category, len(_PRIORITY)), c.start),
    )
    starts: list[int] = []
    kept: list[Candidate] = []
    for cand in ordered:
        if cand.length <= 0:
            continue
        index = bisect_left(starts, cand.start)
        if index > 0 and kept[index - 1].end > cand.start:
            continue
        if index < len(kept) and kept[index].start < cand.end:
            continue
        starts.insert(index, cand.start)
        kept.insert(index, cand)
    return kept


# Titles and honorifics stay outside a person's span (docs/annotation_guidelines.md), whichever
# recognizer proposed it: a name read from brackets, a table cell or a label may carry one.
_PERSON_CATEGORIES = frozenset({"PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT", "NAME_READING"})
_TRAILING_HONORIFIC_RE = re.compile(
    "[ \u3000]*(?:"
    + honorifics.alternation(honorifics.words("person", "clinician", exclude=("さま", "君", "看護師", "技師")))
    + ")$"
)


def trim_honorifics(text: str, candidates: list[Candidate]) -> list[Candidate]:
    trimmed = []
    for cand in candidates:
        if cand.category in _PERSON_CATEGORIES:
            match = _TRAILING_HONORIFIC_RE.search(text, cand.start, cand.end)
            if match and match.start() > cand.start:
                cand = cand._replace(end=match.start())
        trimmed.append(cand)
    return trimmed


def resolve(doc: Document, candidates: list[Candidate], regions: list[Region] = ()) -> list[Candidate]:
    text = doc.text
    candidates = trim_honorifics(text, apply_regions(candidates, list(regions)))
    candidates = retype_dates(text, candidates)
    candidates = candidates + propagate(text, candidates)
    return [c for c in choose(candidates) if c.category != NOT_PHI]
