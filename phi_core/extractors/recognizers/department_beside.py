"""The `department-beside` recognizer: a department beside a facility or a doctor."""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import RANK_PATTERN, Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import KANJI, KATAKANA

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
