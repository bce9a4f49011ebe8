"""Units of record written without 科: clinics, ER, short forms, rooms that are units, English departments.

Independent writers mark where a patient was seen or where a staff member
works also when the unit is not named by a specialty ending in 科:

- a clinic named by a specialty or an organ: 救急外来, 呼吸器外来, 小児アレルギー外来
  (the word before 外来 is a department's stem: 救急科, アレルギー科, or an organ in
  器); a clinic named by what it does (禁煙外来, ペースメーカー外来) or when it
  runs (次回外来, 午前外来) is left alone, as the writers leave it;
- ER as a place, a word of its own: "ER → 7W-701", "同乗: ER Dr", "FROM: ER";
  not the oestrogen receptor (ER 90%, ER+, ER陽性), a code (ER-WS-01) or the
  title on a document's first line (ER Triage Note);
- a ward by floor and wing in katakana, as older systems print it: 4ｶｲﾆｼ; a ward by a letter and
  a number (B2病棟);
- a department's short form: 心外, 整外, 脳外, 消内, 呼内 ... (not 心外膜, 脳外傷);
- a room that is a unit, where a patient goes to it (透析室通院, 地域連携室経由,
  カテ室へ周知), or alone in brackets after what was done there (血栓回収へ（IVR室）), or where a staff member belongs to it, written in brackets with
  their role or staff number (臨床検査技師、輸血検査室; 本人、薬剤部; 放射線技術部、職番);
- an English department with its words: "our Department of Cardiology", or as a field's value:
  "Dept: Cardiology", "Division: Onc".
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.allow_list import load_allow_list
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import HIRAGANA_LETTERS, KANJI, KATAKANA

from .sudachi_names import RANK_SUPPLEMENT

_CLINIC = re.compile(rf"(?<![{KANJI}{KATAKANA}])(?P<stem>[{KANJI}{KATAKANA}]{{1,8}}?)外来")
_ER = re.compile(
    r"(?<![A-Za-z0-9\-/])ER(?![A-Za-z0-9+\-−/%＋(（])"
    r"(?![ \u3000]*[:：]?[ \u3000]*(?:[0-9０-９＋+\-−(（]|陽性|陰性|強陽性|弱陽性|status|positive|negative|Allred|J-?Score))"
)
# ER after a word of movement in English is where the patient came from or went, whatever follows
# (admission (from ER 03:12), transferred to ER): the oestrogen receptor is never "from ER".
_ER_MOVED = re.compile(
    r"(?<![A-Za-z])(?i:from|to|via) (?:(?P<er>ER)(?![A-Za-z0-9])"
    rf"|(?P<unit>[{KANJI}{KATAKANA}・]{{2,10}}(?:室|部|センター))(?![{KANJI}{KATAKANA}]))"
)  # and a unit of the hospital in Japanese in English text: routed to 医療福祉相談室
# A clinic whose name joins a department's stem and what it treats by a dot (皮膚・性感染症外来, 呼吸器・禁煙外来).
_DOTTED_CLINIC = re.compile(
    rf"(?<![{KANJI}{KATAKANA}・])(?P<first>[{KANJI}{KATAKANA}]{{1,8}})・[{KANJI}{KATAKANA}]{{1,10}}外来(?![{KANJI}])"
)
# Any clinic (依存症外来, 禁煙外来, 物忘れ外来) right after a facility's name or as the value of a place label
# (北浜中央病院 呼吸器・禁煙外来, 場所：依存症外来 集団療法室): the writers mark it there.
_CLINIC_BESIDE = re.compile(
    rf"(?:(?:病院|クリニック|医院|診療所|センター|科)[ \u3000]|(?:場所|部署|所属|受診先|紹介先|診療科)[ \u3000]*[:：][ \u3000]*"
    # ... or after its department, or in brackets after the doctor who runs it: 循環器内科 脂質外来, 川口 義則（緑内障外来）.
    rf"|(?<=[{KANJI}][ \u3000][{KANJI}][（(])|(?<=[{KANJI}][ \u3000][{KANJI}]{{2}}[（(])|(?<=[{KANJI}][ \u3000][{KANJI}]{{3}}[（(]))"
    rf"(?P<clinic>[{KANJI}{KATAKANA}][{KANJI}{KATAKANA}{HIRAGANA_LETTERS}・]{{1,11}}?外来)(?![{KANJI}])"
)
_SHORT = re.compile(
    rf"(?<![{KANJI}])(?:心外|整外|脳外|消内|呼内|循内|腎内|血内|神内|消外|呼外|代内|糖内|総診)"
    rf"(?![{KANJI}])|(?<![{KANJI}])(?:心外|整外|脳外|消内|呼内|循内|腎内|血内|神内|消外|呼外|代内|糖内)"
    r"(?=分|外来|病棟|当直|共観|併診|転科|受診|紹介|依頼|医局|Dr)"
)
# 整形 for 整形外科 as a cell or a log's word, a space on both sides (71 M 整形 右TKA, 森本\t整形 上西Dr): not
# the verb (表を整形した), a clinic's word (スポーツ整形), nor a doubt (整形?).
_BARE_ORTHO = re.compile(r"(?:(?<=[\s:：])|^)整形(?=[ \t\u3000])", re.MULTILINE)
# A ward by floor and wing read in katakana, as older systems print it: 4ｶｲﾆｼ, 5カイヒガシ, 6ｷﾀ (not the
# start of a name: 3ｷﾀﾑﾗ).
_KANA_WARD = re.compile(
    r"(?<![0-9０-９])[0-9０-９]{1,2}(?:ｶｲ|カイ)?(?:ﾆｼ|ﾋｶﾞｼ|ﾐﾅﾐ|ｷﾀ|ニシ|ヒガシ|ミナミ|キタ)(?:[ \u3000]?(?:ﾋﾞｮｳﾄｳ|ビョウトウ))?"
    rf"(?![{KATAKANA}])"
)
# A ward by a letter and a number before 病棟 (B2病棟, 7W病棟).
_CODED_WARD = re.compile(r"(?<![A-Za-z0-9])(?:[A-Z]{1,2}[0-9]{1,2}|[0-9]{1,2}[A-Z]{1,2})病棟")
_AFTER_ROOM = r"(?:通院|経由|受診|併診|へ周知|より依頼|からの依頼)"
_ROOM_UNIT = re.compile(rf"(?<![{KANJI}{KATAKANA}])[{KANJI}{KATAKANA}]{{1,10}}?室(?={_AFTER_ROOM})")
# A room that is a unit, alone in brackets after what was done there or who went there (血栓回収へ（IVR室）,
# 面談（健康管理室）, ｸﾗﾓﾁ ｱｷﾗ（心臓カテーテル室）); not a room anyone has (（個室）, （診察室）), a class
# (（分教室）) or a company's (（本社保健室）), nor a title's (the document's first line).
_BRACKETED_ROOM = re.compile(rf"(?<=[（(])(?P<room>[{KANJI}{KATAKANA}A-Z・]{{2,10}}室)(?=[)）])")
_NOT_UNIT_ROOMS = (
    "個室", "教室", "会議室", "面談室", "待合室", "診察室", "処置室", "病室", "居室", "和室", "洋室", "浴室", "更衣室",
    "隔離室", "保健室", "控室", "休憩室", "談話室", "多目的室",
)  # fmt: skip
_ROLES = rf"本人|[{KANJI}]{{0,6}}(?:技師|看護師|医師|薬剤師|職員|助手|療法士|栄養士|事務)"
_STAFF_NUMBER = r"職番|職員番号|社員番号|個人番号|職員ID"
_UNIT_WORD = rf"[{KANJI}{KATAKANA}]{{2,10}}(?:室|部|科|センター|外来)"
_AFFILIATION = re.compile(
    rf"[（(](?:{_ROLES})[、，,・ \u3000](?P<a>{_UNIT_WORD}(?:[ \u3000]{_UNIT_WORD})?)[)）、，,]"
    rf"|(?:{_ROLES})[（(](?P<b>{_UNIT_WORD}(?:[ \u3000]{_UNIT_WORD})?)[)）]"
    rf"|[（(](?P<c>{_UNIT_WORD})[、，,][ \u3000]?(?:{_STAFF_NUMBER})"
)
_ENGLISH = re.compile(
    r"(?<![A-Za-z])(?:Department|Dept\.|Division) of (?:[A-Z][a-z]+|and|&)(?: (?:[A-Z][a-z]+|and|&)){0,3}(?<![ a-z&]and)"
)
# The value of an English department field up to the field's end: "Dept: Cardiology", "Department : ER",
# "Division: Onc" (not "Unit:", a unit of measure; not the reading department).
_ENGLISH_FIELD = re.compile(
    r"(?<![A-Za-z])(?:Dept\.?|Department|Division)[ \t]*[:：][ \t]*(?P<value>[A-Z][A-Za-z&/\-]*(?: [A-Za-z&/\-]+){0,3}?)"
    r"(?=[ \t]{2,}|[ \t]*[,;|\n]|[ \t]*$)"
)
# An English department by its specialty before the word: Gastroenterology Department, our emergency department
# (not a kind of department: Radiology's reads every report, "the same Department").
_ENGLISH_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:(?i:emergency) (?i:department)|[A-Z][a-z]+(?:ology|iatrics|surgery|ics|ine) Department)(?![A-Za-z])"
)
# A department by its organ system alone, in brackets right after the clinic it belongs to:
# 鹿嶋台クリニック（泌尿器）, 港北医院（循環器）. Alone in prose the stem is the organ (循環器の合併症).
_ORGAN_AFTER = re.compile(rf"(?:病院|クリニック|医院|診療所)[（(](?P<stem>[{KANJI}]{{1,3}}器)[)）]")
# Stems that name when or how a clinic runs, not a department.
_NOT_STEMS = frozenset(
    "次回 前回 初回 今回 午前 午後 夜間 休日 時間外 一般 専門 特殊 予約 初診 再診 新患 定期 月次 本日".split()
)
_GENERIC_BEFORE = frozenset("当他各同本貴前")


def _department_stem(stem: str, departments: frozenset[str]) -> bool:
    if stem in _NOT_STEMS:
        return False
    for cut in range(len(stem)):
        tail = stem[cut:]
        if len(tail) >= 2 and tail.endswith("器"):
            return True
        if any(f"{tail}{end}" in departments for end in ("科", "内科", "外科")):
            return True
    # A department's stem then what its clinic treats (口腔顔面痛外来: 口腔外科's clinic for facial pain).
    return any(
        any(f"{stem[:cut]}{end}" in departments for end in ("科", "内科", "外科")) for cut in range(2, len(stem) - 1)
    )


def _clinics_by_joins(text: str, departments: frozenset[str]) -> list[Candidate]:
    found = []
    if "・" in text:
        for m in _DOTTED_CLINIC.finditer(text):
            first = m.group("first")
            if first.endswith("科") or _department_stem(first, departments):
                found.append(Candidate(*m.span(), "DEPARTMENT", RANK_SUPPLEMENT))
    for m in _CLINIC_BESIDE.finditer(text):
        clinic = m.group("clinic")
        if (
            clinic[:-2] not in _NOT_STEMS
            and clinic[0] not in _GENERIC_BEFORE
            and not clinic.startswith("・")
            and "医師" not in clinic  # 藤巻医師外来: a doctor's clinic day, his name the value
        ):
            found.append(Candidate(*m.span("clinic"), "DEPARTMENT", RANK_SUPPLEMENT))
    return found


def _in_title(text: str, start: int, first_line_end: int) -> bool:
    """On the first line a clinic is the document's title (救急外来 トリアージ記録), unless the line opens with
    a bracketed tag of how the text was taken and the clinic follows it or stands in it: [印刷ログ] 救急外来,
    [OCR 取込 2025.02.06 救急外来]: there it says where."""
    return start < first_line_end and not ("]" in text[:start] or text.startswith(("[", "［")))


@register
class DepartmentUnitRecognizer(Recognizer):
    name: ClassVar[str] = "department-unit"
    categories: ClassVar[tuple[str, ...]] = ("DEPARTMENT",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found: list[Candidate] = []
        first_line_end = text.find("\n") if "\n" in text else 0
        if "外来" in text:
            departments = load_allow_list().departments
            for m in _CLINIC.finditer(text):
                stem = m.group("stem")
                while stem and stem[0] in _GENERIC_BEFORE:
                    stem = stem[1:]  # 当院救急外来: the clinic without the word that points at it
                if stem.startswith("院"):
                    stem = stem[1:]
                if _in_title(text, m.start(), first_line_end) or text.startswith("待合", m.end()):
                    continue  # a title names the document's kind; a waiting room is a place, not a unit
                if stem and _department_stem(stem, departments):
                    found.append(Candidate(m.end() - len(stem) - 2, m.end(), "DEPARTMENT", RANK_SUPPLEMENT))
            found.extend(_clinics_by_joins(text, departments))
        if "ER" in text or " to " in text or "from " in text or "via " in text:
            for m in _ER.finditer(text):
                if m.start() > first_line_end:
                    found.append(Candidate(*m.span(), "DEPARTMENT", RANK_SUPPLEMENT))
            found.extend(
                Candidate(*m.span("er" if m.group("er") else "unit"), "DEPARTMENT", RANK_SUPPLEMENT)
                for m in _ER_MOVED.finditer(text)
                if m.group("er") or not m.group("unit").endswith(_NOT_UNIT_ROOMS)
            )
        found.extend(Candidate(*m.span(), "DEPARTMENT", RANK_SUPPLEMENT) for m in _SHORT.finditer(text))
        if "整形" in text:
            found.extend(Candidate(*m.span(), "DEPARTMENT", RANK_SUPPLEMENT) for m in _BARE_ORTHO.finditer(text))
        if "器" in text:
            found.extend(Candidate(*m.span("stem"), "DEPARTMENT", RANK_SUPPLEMENT) for m in _ORGAN_AFTER.finditer(text))
        if "病棟" in text:
            found.extend(Candidate(*m.span(), "DEPARTMENT", RANK_SUPPLEMENT) for m in _CODED_WARD.finditer(text))
        if any(wing in text for wing in ("ﾆｼ", "ﾋｶﾞｼ", "ﾐﾅﾐ", "ｷﾀ", "ニシ", "ヒガシ", "ミナミ", "キタ")):
            found.extend(Candidate(*m.span(), "DEPARTMENT", RANK_SUPPLEMENT) for m in _KANA_WARD.finditer(text))
        if "室" in text:
            found.extend(Candidate(*m.span(), "DEPARTMENT", RANK_SUPPLEMENT) for m in _ROOM_UNIT.finditer(text))
        if ("（" in text or "(" in text) and "室" in text:
            for m in _BRACKETED_ROOM.finditer(text):
                if m.start() > first_line_end and not m.group("room").endswith(_NOT_UNIT_ROOMS):
                    found.append(Candidate(*m.span("room"), "DEPARTMENT", RANK_SUPPLEMENT))
        if "（" in text or "(" in text:
            for m in _AFFILIATION.finditer(text):
                group = next(g for g in ("a", "b", "c") if m.group(g))
                found.append(Candidate(*m.span(group), "DEPARTMENT", RANK_SUPPLEMENT))
        if "Dep" in text or "Div" in text:
            for m in _ENGLISH_FIELD.finditer(text):
                if "Radiolog" not in m.group("value"):
                    found.append(Candidate(*m.span("value"), "DEPARTMENT", RANK_SUPPLEMENT))
        if "epartment" in text:
            for m in _ENGLISH_BEFORE.finditer(text):
                if "Radiolog" not in m.group():
                    found.append(Candidate(*m.span(), "DEPARTMENT", RANK_SUPPLEMENT))
        if "of " in text:
            for m in _ENGLISH.finditer(text):
                if "Radiolog" not in m.group():  # the reading department writes every report (guidelines)
                    found.append(Candidate(*m.span(), "DEPARTMENT", RANK_SUPPLEMENT))
        return found
