"""Sex words and departments that only count next to something that identifies.

A sex word is PHI when it describes the patient beside their age
("69歳、女性", "87才の男性", "男　30才", "64-year-old male"); on its own it is
too common a word ("男性ホルモン"). A department name is PHI beside a facility
or a doctor ("立川病院 救急科", "杉山先生（消化器内科）"); a department on its
own ("放射線科外来にて説明") is not, as the annotation guidelines say.
"""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import RANK_PATTERN, Candidate
from phi_core.extractors.recognition.floors import is_floor
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import DIGIT, KANJI

_AGE = f"[{DIGIT}]{{1,3}}(?:歳|才)"
_SEX = "男性|女性|男児|女児|男|女"
_SEX_AFTER_AGE_RE = re.compile(f"{_AGE}[)）]?[、,，の・/／ 　]?[ 　]?(?P<sex>{_SEX})(?![性児子])?")
_SEX_BEFORE_AGE_RE = re.compile(f"(?=[男女])(?<![{KANJI}])(?P<sex>{_SEX})[、,，・/／ 　]{{1,2}}[(（]?{_AGE}")
_SEX_ENGLISH_RE = re.compile(
    r"(?=[0-9MF])(?:(?:[0-9]{1,3}(?:-year-old| ?y/o| ?yo| years? old|y)[ ,]+"
    r"(?P<sex>[Mm]ale|[Ff]emale|[Mm]an|[Ww]oman|[Bb]oy|[Gg]irl|M|F)\b)"
    r"|\b(?P<sex2>[MF])/[0-9]{1,3}\b|\b[0-9]{1,3} ?(?P<sex3>[MF])\b)"
)


def sex_candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    if ("男" in text or "女" in text) and ("歳" in text or "才" in text):
        for regex in (_SEX_AFTER_AGE_RE, _SEX_BEFORE_AGE_RE):
            for m in regex.finditer(text):
                sex = m.group("sex")
                # "女性ホルモン", "男性型": the word continues, so it is not the patient's sex.
                after = text[m.end("sex") : m.end("sex") + 1]
                if sex in ("男", "女") and after and after in KANJI:
                    continue
                found.append(Candidate(m.start("sex"), m.end("sex"), "SEX", RANK_PATTERN))
    english = "/" in text or "y" in text
    for m in _SEX_ENGLISH_RE.finditer(text) if english else ():
        group = next(g for g in ("sex", "sex2", "sex3") if m.group(g))
        if group == "sex3" and is_floor(text, m.start(), m.end()):
            continue  # 2F カンファレンス室, 1F ATMコーナー: a floor
        found.append(Candidate(m.start(group), m.end(group), "SEX", RANK_PATTERN))
    return found


@register
class SexNearAgeRecognizer(Recognizer):
    name = "sex-near-age"
    categories = ("SEX",)

    def find(self, doc: Document) -> list[Candidate]:
        return sex_candidates(doc.text)
