"""Facilities and departments printed letter-spaced, as a letterhead or a scanned title sets them (recall-first).

新 発 田 東 ク リ ニ ッ ク, 市 立 み な と 台 病 院, 皮 膚 科: a run of single letters a space apart is read with
its letters joined, and the facility rule (or the list of departments) decides on the joined word; the span is
mapped back onto the spaced letters. The joined run still has to name WHICH facility (総 合 病 院 stays a kind).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.allow_list import load_allow_list
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import JAPANESE_LETTERS

from .facility import facility_candidates
from .facility_compounds import FacilityCompoundRecognizer
from .facility_forms import FacilityFormRecognizer
from .sudachi_names import RANK_SUPPLEMENT

# Three or more single letters (not ASCII: spaced Latin is a word's emphasis) each a space apart; the first may be
# a word the spacing began after (並柳ク リ ニ ッ ク), and the run may close a bracket or a clause.
_SPACED_RUN = re.compile(
    rf"(?<![^\s：:（(「『【、,])(?:[^\sA-Za-z0-9]|[{JAPANESE_LETTERS}]{{2,6}}?)(?:[ \u3000][^\sA-Za-z0-9]){{2,}}"
    r"(?![^\s）)」』】、,。])"
)
_HEADS = ("病院", "医院", "クリニック", "診療所", "センター", "科")


@register
class SpacedFacilityRecognizer(Recognizer):
    name: ClassVar[str] = "spaced-facility"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME", "DEPARTMENT")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found: list[Candidate] = []
        for run in _SPACED_RUN.finditer(text):
            positions = [i for i in range(run.start(), run.end()) if not text[i].isspace()]
            joined = "".join(text[p] for p in positions)
            first = len(run.group().split(None, 1)[0])
            if first > 1 and not any(0 <= joined.find(head) < first for head in _HEADS):
                # a word before the spaced letters (紹介先 総 合 病 院, 報告書 ほ っ か …) is no part of them, unless
                # the kind began inside it (並柳ク リ ニ ッ ク)
                positions, joined = positions[first:], joined[first:]
            if not any(head in joined for head in _HEADS):
                continue
            names = facility_candidates(joined)
            joined_doc = Document(joined)
            names += FacilityCompoundRecognizer().find(joined_doc) + FacilityFormRecognizer().find(joined_doc)
            for cand in names:
                if cand.category == "HOSPITAL_NAME":
                    start, end = positions[cand.start], positions[cand.end - 1] + 1
                    found.append(Candidate(start, end, "HOSPITAL_NAME", RANK_SUPPLEMENT))
            # The reading department (放 射 線 科) heads every report: the writer's, never the patient's (guidelines).
            if joined.casefold() in load_allow_list().departments and not joined.startswith("放射線"):
                found.append(Candidate(positions[0], run.end(), "DEPARTMENT", RANK_SUPPLEMENT))
        return found
