"""Facility names printed in half-width katakana by older systems: ﾎｰﾑｹｱ訪問看護ｽﾃｰｼｮﾝ東海.

The facility recognizers read their kind words (ステーション, クリニック, センター)
in full-width katakana. A document that holds half-width katakana is folded to
full width (NFKC, with a map back to the original offsets) and read again by
them; a name found there counts when it holds half-width letters in the
original, since the others were found in the first reading.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, recognizer_class, register
from phi_core.japanese.chars import HALF_WIDTH_KATAKANA
from phi_core.japanese.width import fold_with_offsets

from .sudachi_names import RANK_SUPPLEMENT

_HALF_WIDTH_KATAKANA = re.compile(f"[{HALF_WIDTH_KATAKANA}]")
_READERS = ("service-name", "kana-facility", "facility", "facility-kind", "kana-clinic", "facility-compound")


@register
class HalfWidthFacilityRecognizer(Recognizer):
    name: ClassVar[str] = "half-width-facility"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if not _HALF_WIDTH_KATAKANA.search(text):
            return []
        folded, starts, ends = fold_with_offsets(text)
        folded_doc = Document(folded)
        found = []
        for name in _READERS:
            for cand in recognizer_class(name)().find(folded_doc):
                if cand.category != "HOSPITAL_NAME" or cand.end <= cand.start:
                    continue
                start, end = starts[cand.start], ends[cand.end - 1]
                if _HALF_WIDTH_KATAKANA.search(text, start, end):
                    found.append(Candidate(start, end, "HOSPITAL_NAME", RANK_SUPPLEMENT))
        return found
