"""Proposals that pass the clinical allow-list before they join the rules' candidates.

A profile's ``supplements`` (data/rules/profiles.toml) are recognizers whose
every proposal is first asked of the allow-list (is it a measurement, a dose,
a stage, a drug, a department?) and, if not a clinical fact, joins the other
candidates at the profile's ``supplement_rank`` (0: it loses every overlap
with a rule). ``balanced`` uses it for a few generic, cheap recognizers;
recall-first (profiles_recall_first.py) for many more.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate
from typing import Iterable

from phi_core.extractors.allow_list import AllowList, load_allow_list
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer
from phi_core.paths import DATA_DIR


@lru_cache(maxsize=8)
def allow_list_for(file_name: str | None) -> AllowList:
    return load_allow_list(DATA_DIR / "rules" / file_name) if file_name else load_allow_list()


def trimmed(text: str, cand: Candidate) -> Candidate:
    """No span starts or ends with white space (a tokenizer may hand a line end with a word)."""
    start, end = cand.start, cand.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return cand if (start, end) == (cand.start, cand.end) else cand._replace(start=start, end=end)


# Characters read on each side of a proposal when the allow-list's patterns run on
# a window around it rather than the whole text: more than any measurement,
# range or score they describe is long.
WINDOW = 48


def checked_proposals(
    doc: Document,
    recognizers: Iterable[Recognizer],
    allow: AllowList,
    rank: int,
    rule_candidates: Iterable[Candidate] = (),
) -> list[Candidate]:
    """Each recognizer's proposals that the allow-list does not call clinical facts, at ``rank``.

    A proposal that overlaps a rule's candidate of a higher rank is left out
    unasked: it would lose that overlap anyway. The allow-list's patterns
    (every measurement, range and score) cost more than the recognizers that
    use them, so they run only for proposals the cheaper word and unit checks
    do not settle, on windows around them when those are shorter than the text.
    """
    text = doc.text
    # Dates with no year that a rule proposes only for a label to vouch for may vanish: they block nothing.
    stronger = sorted((c.start, c.end) for c in rule_candidates if c.rank > rank and c.kind != "bare-date")
    starts = [s for s, _ in stronger]
    reach = list(accumulate((e for _, e in stronger), max))
    pending: list[Candidate] = []
    for recognizer in recognizers:
        for cand in recognizer.find(doc):
            cand = trimmed(text, cand)
            if cand.end <= cand.start:
                continue
            before = bisect_left(starts, cand.end)  # rule spans starting before the proposal ends
            if before and reach[before - 1] > cand.start:
                continue
            if not allow.allows(
                text, cand.start, cand.end, [], cand.category
            ):  # not a clinical word, nor a number with its unit
                pending.append(cand)
    if not pending:
        return []
    windows = sum(c.end - c.start + 2 * WINDOW for c in pending)
    if windows >= len(text):
        regions = allow.regions(text, [(c.start, c.end) for c in pending])
        return [c._replace(rank=rank) for c in pending if not allow.allows(text, c.start, c.end, regions, c.category)]
    out = []
    for cand in pending:
        left = max(0, cand.start - WINDOW)
        if not allow.allows(text[left : cand.end + WINDOW], cand.start - left, cand.end - left, None, cand.category):
            out.append(cand._replace(rank=rank))
    return out
