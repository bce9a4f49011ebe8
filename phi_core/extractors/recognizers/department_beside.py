"""The `department-beside` recognizer: a department beside a facility or a doctor."""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import RANK_PATTERN, Candidate
from phi_core.extractors.recognition.name_parts import can_be_surname
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import HIRAGANA_LETTERS, KANJI, KATAKANA

# A unit named after its facility, in the heading or the sender's block of a letter: 杜の郷病院　重度認知症患者デイケア,
# 市立浜見台医療センター  高齢者総合診療科 デイホスピタル, 杜の郷病院　精神科デイケア「ひだまり」, or on the line below the
# facility's own line. The unit ends in a word for a unit; two such words may stand
# side by side (診療科 デイホスピタル), and a nickname in brackets may follow.
#
# A unit's 部 counts only where the document also names a 科: on the development sets an office after its hospital
# (薬剤部 御中, 医事課, 地域連携室, 会議室) was left unmarked four times in five, a clinic or ward almost never.
_UNIT_END = "科|外来|センター|デイケア|デイホスピタル|病棟|ユニット"
_FACILITY_END = "病院|クリニック|医院|診療所|医療センター|センター"


# Centres that serve the hospital, not a patient's care: 患者支援センター, 防災センター, 予約センター, 臨床研修センター
# (遺伝相談外来 and 健康管理センター are clinics all the same).
_OFFICE_CENTRE = re.compile("(?:支援|サポート|防災|予約|入退院|研修|研究|情報|安全|相談|連携|事務|解析).*センター")


def _unit_after_facility(unit_end: str, not_before: str = "") -> re.Pattern:
    word = f"(?![のにへをがはでと])[{KANJI}{KATAKANA}{HIRAGANA_LETTERS}・ー]{{1,12}}?(?:{unit_end})"
    unit = f"{word}(?:[ 　](?:{word}|デイケア|デイホスピタル|外来))?(?:[「（(][^」）)\\n]{{1,12}}[」）)])?"
    return re.compile(
        f"(?:{_FACILITY_END})[」』]?(?:[ 　]{{1,3}}|[ 　]*\\n[ 　]*)(?P<dept>{unit})(?=[ 　\\n]|$){not_before}",
        re.MULTILINE,
    )


# (where no 科 is named, a centre addressed or sending with its postcode is an office: 患者支援センター\n〒080-0016)
_UNIT_AFTER_FACILITY_RE = _unit_after_facility(_UNIT_END, "(?![ 　\\n]*(?:〒|御中|宛))")
_DEPT_AFTER_FACILITY_RE = _unit_after_facility(_UNIT_END + "|部")
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
    if "科" in text:
        regexes = (_DEPT_AFTER_FACILITY_RE, _DEPT_AFTER_DOCTOR_RE, _DEPT_BEFORE_DOCTOR_RE)
    elif any(word in text for word in ("病院", "クリニック", "医院", "診療所", "センター")):
        regexes = (_UNIT_AFTER_FACILITY_RE,)
    else:
        regexes = ()
    for regex in regexes:
        for m in regex.finditer(text):
            dept = m.group("dept")
            if dept.startswith("放射線"):
                continue  # the reading department writes every report: it identifies nobody
            if regex is not _DEPT_AFTER_DOCTOR_RE and _OFFICE_CENTRE.search(dept.split("（")[0].split("(")[0]):
                continue
            words = dept.split()
            if words[-1].endswith("部") and can_be_surname(words[-1]):
                # the doctor after the unit, not a second unit: 消化器内科　長谷部 亮 先生 (a first word so named
                # is the doctor alone: 北浜病院 阿部)
                if len(words) == 1:
                    continue
                dept = words[0]
            start = m.start("dept")
            found.append(Candidate(start, start + len(dept), "DEPARTMENT", RANK_PATTERN))
    return found


@register
class DepartmentNextToIdentifierRecognizer(Recognizer):
    name = "department-beside"
    categories = ("DEPARTMENT",)

    def find(self, doc: Document) -> list[Candidate]:
        return department_candidates(doc.text)
