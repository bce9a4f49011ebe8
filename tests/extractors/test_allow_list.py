"""The clinical allow-list's judgement of one proposal, however it is asked."""

from __future__ import annotations

from phi_core.extractors.allow_list import load_allow_list


def test_a_proposal_is_judged_the_same_with_or_without_the_documents_regions():
    # allows() with no regions scans only as far as the proposal; with them, the whole text: one answer.
    allow = load_allow_list()
    text = "CRP 0.3 mg/dL、2.5×10^3/μL、TE=600/15ms、30-41872、Hb 12.1 g/dL (基準 11.5-15.0)、第3病日 5/2l 田中"
    regions = allow.regions(text)
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 12) + 1):
            assert allow.allows(text, start, end, None) == allow.allows(text, start, end, regions), text[start:end]
