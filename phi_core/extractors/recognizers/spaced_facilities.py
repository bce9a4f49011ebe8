"""Facilities and departments printed letter-spaced, as a letterhead or a scanned title sets them (recall-first).

新 発 田 東 ク リ ニ ッ ク, 市 立 み な と 台 病 院, 皮 膚 科: a run of single letters a space apart (or words a scan
broke apart, one of them a single letter: とちぎ 東 クリニック, 北斗記念病 院, 血液内 科) is read with its letters joined, and the facility rule (or the list of departments) decides on the joined word; the span is
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
# Or words a scan broke apart, one of them a single letter (とちぎ 東 クリニック, 北斗記念病 院, 血液内 科): the blanks
# fall anywhere, inside the kind too.
_SPACED_WORDS = re.compile(
    rf"(?<![^\s：:（(「『【、,])[{JAPANESE_LETTERS}]{{1,8}}(?: [{JAPANESE_LETTERS}]{{1,8}}){{1,3}}(?![^\s）)」』】、,。])"
)
_HEADS = ("病院", "医院", "クリニック", "診療所", "センター", "科")


@register
class SpacedFacilityRecognizer(Recognizer):
    name: ClassVar[str] = "spaced-facility"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME", "DEPARTMENT")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found: list[Candidate] = []
        runs = [(run.start(), run.end(), True) for run in _SPACED_RUN.finditer(text)]
        runs += [(*span, False) for run in _SPACED_WORDS.finditer(text) if (span := _broken_kind(run))]
        for start, end, letters in runs:
            positions = [i for i in range(start, end) if not text[i].isspace()]
            joined = "".join(text[p] for p in positions)
            first = len(text[start:end].split(None, 1)[0])
            if letters and first > 1 and not any(0 <= joined.find(head) < first for head in _HEADS):
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
                found.append(Candidate(positions[0], end, "DEPARTMENT", RANK_SUPPLEMENT))
        return list(dict.fromkeys(found))  # (a run of letters is also a run of words)


def _broken_kind(run: re.Match[str]) -> tuple[int, int] | None:
    """The words of a kind a scan broke: the kind split by a blank (北斗記念病 院), a kind of one letter (血液内 科), or
    a kind after a single letter (とちぎ 東 クリニック), with the short words just before it; else None."""
    words, at = [], run.start()
    for word in run.group().split(" "):
        words.append((at, at + len(word)))
        at += len(word) + 1
    joined = run.group().replace(" ", "")
    ends = [head for head in _HEADS if head in joined]
    if not ends:
        return None
    head = max(ends, key=lambda h: joined.rfind(h) + len(h))
    head_start = joined.rfind(head)
    head_end = head_start + len(head)
    # the words where the kind starts and ends, counted in letters
    starts, done = [], 0
    for a, b in words:
        starts.append(done)
        done += b - a
    first = max(i for i, offset in enumerate(starts) if offset <= head_start)
    last = max(i for i, offset in enumerate(starts) if offset < head_end)
    single = words[last][1] - words[last][0] == 1
    after_letter = first > 0 and words[first - 1][1] - words[first - 1][0] == 1
    if first == last and not single and not after_letter:
        return None
    begin = first
    while begin > 0 and first - begin < 2 and words[begin - 1][1] - words[begin - 1][0] <= 4:
        begin -= 1
    return words[begin][0], words[last][1]
