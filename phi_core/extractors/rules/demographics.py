"""Sex words and departments that only count next to something that identifies.

A sex word is PHI when it describes the patient beside their age
("69歳、女性", "87才の男性", "男　30才", "64-year-old male"); on its own it is
too common a word ("男性ホルモン"). A department name is PHI beside a facility
or a doctor ("立川病院 救急科", "杉山先生（消化器内科）"); a department on its
own ("放射線科外来にて説明") is not, as the annotation guidelines say.
"""

from __future__ import annotations

import re

from .candidates import RANK_PATTERN, Candidate
from .chars import DIGIT, KANJI, KATAKANA
from .recognizer import Document, Recognizer, register

_AGE = f"[{DIGIT}]{{1,3}}(?:歳|才)"
_SEX = "男性|女性|男児|女児|男|女"
_SEX_AFTER_AGE_RE = re.compile(f"{_AGE}[)）]?[、,，の・/／ 　]?[ 　]?(?P<sex>{_SEX})(?![性児子])?")
_SEX_BEFORE_AGE_RE = re.compile(f"(?<![{KANJI}])(?P<sex>{_SEX})[、,，・/／ 　]{{1,2}}[(（]?{_AGE}")
_SEX_ENGLISH_RE = re.compile(
    r"(?:[0-9]{1,3}(?:-year-old| ?y/o| ?yo| years? old|y)[ ,]+(?P<sex>[Mm]ale|[Ff]emale|[Mm]an|[Ww]oman|[Bb]oy|[Gg]irl|M|F)\b)"
    r"|\b(?P<sex2>[MF])/[0-9]{1,3}\b|\b[0-9]{1,3} ?(?P<sex3>[MF])\b"
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
        found.append(Candidate(m.start(group), m.end(group), "SEX", RANK_PATTERN))
    return found


@register
class SexNearAgeRecognizer(Recognizer):
    name = "sex-near-age"
    categories = ("SEX",)

    def find(self, doc: Document) -> list[Candidate]:
        return sex_candidates(doc.text)


_DEPARTMENT = f"[{KANJI}{KATAKANA}・]{{1,10}}?(?:科|外来|センター|部)"
_FACILITY_END = "病院|クリニック|医院|診療所|医療センター|センター"
_DEPT_AFTER_FACILITY_RE = re.compile(
    f"(?:{_FACILITY_END})[」』]?[ 　](?P<dept>{_DEPARTMENT})(?=[ 　\\n]|$)", re.MULTILINE
)
_DEPT_AFTER_DOCTOR_RE = re.compile(
    f"(?:先生|医師|Dr\\.?[^\\n（(]{{1,12}}?)[ 　]?[（(](?P<dept>[{KANJI}{KATAKANA}・]{{1,10}}?科)[)）]"
)
_DEPT_BEFORE_DOCTOR_RE = re.compile(
    f"(?:{_FACILITY_END})[」』]?[ 　](?P<dept>[{KANJI}{KATAKANA}・]{{1,10}}?科)[ 　](?=Dr|[{KANJI}]{{2,}}[ 　]?(?:[{KANJI}]+)?[ 　]?(?:先生|医師))"
)


# "Department of Gastroenterology", "Dept. of Internal Medicine", "Kenji Mori, MD (Internal Medicine)".
_ENGLISH_DEPT_RE = re.compile(
    r"(?:Department|Dept\.?|Division) of (?P<dept>(?:[A-Z][a-z]+|and|&)(?: (?:[A-Z][a-z]+|and|&)){0,3})"
    r"|(?:MD|M\.D\.|Dr\. [A-Z][a-z]+(?: [A-Z][a-z]+)?),? \((?P<dept2>[A-Z][a-z]+(?: [A-Z][a-z]+){0,3})\)"
    r"|(?<![A-Za-z])(?!The |Our |This |Emergency |Institutional |Requesting |Referring |Performing )(?P<dept3>(?:[A-Z][a-z]+ ){1,3})(?:Department|Dept\.|Division)(?![a-z])"
)


def department_candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    if "Dep" in text or "Div" in text or "(" in text:
        for m in _ENGLISH_DEPT_RE.finditer(text):
            group = next(g for g in ("dept", "dept2", "dept3") if m.group(g))
            if "Radiolog" in m.group(group):
                continue  # the reading department (放射線科) writes every report: it identifies nobody
            start, end = m.span(group)
            while end > start and text[end - 1] == " ":
                end -= 1
            if text[start:end] in ("The", "Our", "This", "Emergency"):
                continue
            found.append(Candidate(start, end, "DEPARTMENT", RANK_PATTERN))
    if "科" not in text:
        return found
    for regex in (_DEPT_AFTER_FACILITY_RE, _DEPT_AFTER_DOCTOR_RE, _DEPT_BEFORE_DOCTOR_RE):
        for m in regex.finditer(text):
            dept = m.group("dept")
            if dept.startswith("放射線"):
                continue  # the reading department writes every report: it identifies nobody
            found.append(Candidate(m.start("dept"), m.end("dept"), "DEPARTMENT", RANK_PATTERN))
    return found


@register
class DepartmentNextToIdentifierRecognizer(Recognizer):
    name = "department-beside"
    categories = ("DEPARTMENT",)

    def find(self, doc: Document) -> list[Candidate]:
        return department_candidates(doc.text)
