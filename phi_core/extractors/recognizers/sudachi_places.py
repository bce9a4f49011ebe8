"""Place names by their part of speech in SudachiDict (名詞-固有名詞-地名), with the street number after them.

Country names (地名-国: 日本, 米国) are left alone: they identify no one. A run
of place morphemes is one span ("横浜市港北区" "日吉"), and the house number
written right after it ("2-5-10", "２丁目５番") joins it.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.nlp.morphemes import document_morphemes

from .sudachi_names import RANK_SUPPLEMENT, forms_compound, glued_after

# Words written onto a place that leave it the place: a part of an address, where someone lives or comes from,
# within or around it (輪島市内, 札幌郊外). (Where something happened, 道頓堀付近, the writers leave unmarked.)
_PLACE_CUES = frozenset("市 区 町 村 県 都 府 道 郡 在住 出身 方面 地区 丁目 番地 在 近郊 内 郊外 管内".split())

_NUMBER = "[0-9０-９一二三四五六七八九十]+"
_HOUSE_NUMBER = re.compile(rf"{_NUMBER}(?:丁目|番地|番|号|[-－ー‐−]{_NUMBER})*(?:号)?")


@register
class SudachiPlaceRecognizer(Recognizer):
    name: ClassVar[str] = "sudachi-place"
    categories: ClassVar[tuple[str, ...]] = ("ADDRESS",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        morphemes = document_morphemes(doc)
        found: list[Candidate] = []
        i = 0
        while i < len(morphemes):
            m = morphemes[i]
            # A lower-case English word the dictionary also lists as a place ("male": Malé) is a word.
            # Letters with a digit (K2, a column's code for a second dose of vitamin K) are a code.
            code = m.surface.isascii() and any(ch.isdigit() for ch in m.surface)
            if not (m.is_place and m.pos[3] != "国") or m.surface.isascii() and m.surface.islower() or code:
                i += 1
                continue
            j = i + 1
            while j < len(morphemes) and morphemes[j].is_place and morphemes[j].start == morphemes[j - 1].end:
                j += 1
            start, end = m.start, morphemes[j - 1].end
            following = morphemes[j] if j < len(morphemes) else None
            previous = morphemes[i - 1] if i else None
            if forms_compound(morphemes[j - 1], following, _PLACE_CUES) or glued_after(previous, m, frozenset()):
                i = j
                continue
            number = _HOUSE_NUMBER.match(text, end)
            if number and number.end() - end >= 3:
                end = number.end()
            if end - start >= 2:
                found.append(Candidate(start, end, "ADDRESS", RANK_SUPPLEMENT))
            i = j
        return found
