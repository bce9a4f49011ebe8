"""Departments and units of record in any text: 消化器内科, 肝胆膵外科, 総合診療科, ICU, 外科2病棟.

The guidelines make the department of record PHI (依頼科：消化器内科, a
header, "P：耳鼻咽喉科（羽田医師）", "to CCU"); recall-first masks every
department it reads rather than guess which of them is the patient's: a leak
costs more than a mask. A department is

- a word of the clinical allow-list's department list (Japanese and English:
  Internal Medicine, Cardiology);
- a kanji word ending in 内科 or 外科 (乳腺内分泌外科), not after a kanji that
  makes it generic (当科, 他科) and not running on into a kanji word (外科的,
  外科医) except a ward or clinic (消化器内科外来, 外科2病棟);
- a ward or care unit named by its kind in kanji (精神科急性期治療病棟, 脳卒中ケアユニット);
- an intensive or high care unit by its letters (ICU, CCU, HCU, NICU ...),
  not part of a code or a pair (HCU-12, ICU/CCU) and also in Japanese prose
  (ICU入室, HCU転棟: independent writers mark the unit a patient moves to).

A department followed by advice to consult it (腫瘍内科へのコンサルトを推奨)
is a teaching note, not where this patient was seen; the radiology department
is the writer's (the guidelines: never 放射線科 on its own).

The allow-list keeps department words proposed as anything else (a name, an
unknown word): only a department proposal is a department.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.allow_list import load_allow_list
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import surnames
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import DIGIT, HIRAGANA_LETTERS, KANJI, KATAKANA, is_kanji
from phi_core.extractors.recognition.care_units import CARE_UNITS

from .sudachi_names import RANK_SUPPLEMENT

# Services a department runs under its own name, the longer first.
SERVICES = (
    "デイ・ナイト・ケア", "デイ・ナイトケア", "デイナイトケア", "デイ・ケア", "デイケア", "ナイト・ケア", "ナイトケア",
    "ショート・ケア", "ショートケア", "デイホスピタル",
)  # fmt: skip

_UNITS = tuple(sorted(CARE_UNITS, key=len, reverse=True))
# What may follow a department and still leave it a department: its clinic (小児科一般外来, 麻酔科術前外来) or ward.
# A member of its staff written onto it (循環器内科医師, 救急科医師 桜庭) leaves it the department too, and so
# does what the patient does there or who is on call for it (脳神経内科再診, 産婦人科予約, 呼吸器内科当直), a
# paper it issued or its office (総合診療科発行の処方箋, 整形外科医局), its share of a list (消化器内科分), a
# consult asked of it (（腎臓内科依頼、…）; not 依頼を検討, advice, nor a form, 依頼書), a
# room of it (小児科処置室, 眼科第2診察室), the post of a named doctor (外科部長, 呼吸器内科部長 神谷) and
# a service it runs (精神科デイケア).
_AFTER = (
    rf"(?:[{KANJI}]{{0,3}}外来|病棟|受付|窓口|通院|受診|入院|併診|経由|医師|看護師|技師|[{DIGIT}]+病棟"
    rf"|再診|初診|予約|当直|日直|宿直|待機|共観|転科|発行|医局|依頼(?![を書票状])|分(?![{KANJI}])"
    rf"|(?:第[{DIGIT}]{{1,2}})?[{KANJI}]{{1,3}}(?<![教和洋居寝茶])室|副?部長|医長|科長|主任|准?教授|講師|助教|医員|専攻医"
    rf"|{'|'.join(SERVICES)}"
    # A doctor's surname written onto the department, as a quick note does (形成外科嶋Dr, 眼科佐野医師).
    rf"|[{KANJI}]{{1,3}}(?:Dr|医師|先生))"
)
# A service or clinic written onto its department is one unit of record with it (精神科デイケア, 婦人科外来).
# A centre of the hospital named by its department is the department's unit (肥満外科センター, 消化器内科センター).
_UNIT_SUFFIX = re.compile(rf"[{KANJI}]{{0,3}}外来|センター(?![{KATAKANA}])|{'|'.join(SERVICES)}")
# A department by its number, as university hospitals name them: 第3内科, 第二外科.
_NUMBERED = re.compile(rf"第[{DIGIT}一二三四五六七八九]{{1,2}}(?:内科|外科)(?![{KANJI}]|的)")
# A ward by its kind then its floor and wing, one place: 無菌病棟 8階西.
# Or by its kind then its wing or code, one place: 精神科病棟 東2, 内科病棟 4B; a letter glued on is its wing
# too (救急病棟A).
_FLOOR = re.compile(
    rf"[ \u3000]?(?:[{DIGIT}]{{1,2}}階[東西南北]?|[東西南北][{DIGIT}]{{1,2}}(?![{DIGIT}{KANJI}])"
    rf"|[0-9]{{1,2}}[A-Z](?![A-Za-z0-9])|(?<=病棟)[A-Z](?![A-Za-z0-9]))"
)
_SHAPED = re.compile(rf"(?<![{KANJI}])[{KANJI}]{{1,6}}(?:内科|外科)(?={_AFTER}|[^{KANJI}]|$)")
# Any specialty written as a word ending in 科, kanji and katakana joined by a dot or not
# (国際感染症科, 循環器小児科, 小児アレルギー科, 内分泌・代謝内科), but not the generic ones.
_SPECIALTY = re.compile(
    rf"(?<![{KANJI}{KATAKANA}・])[{KANJI}{KATAKANA}][{KANJI}{KATAKANA}・]{{1,9}}科(?={_AFTER}|[^{KANJI}]|$)"
)
# A unit of the hospital named right before a member of its staff, as a signature or a header writes
# it: スポーツ医学センター 野口 拓也, 脳卒中センター　医師 本郷, 呼吸ケアチーム 柳沢. A room or a
# division before a name (写真室 中尾, 看護部 長谷部, 連携室 江口) is where someone works, and the
# writers leave it unmarked (17 of 18 times on the development sets): not here.
_UNIT_BEFORE_STAFF = re.compile(
    rf"(?<![{KANJI}{KATAKANA}・])(?P<unit>[{KANJI}{KATAKANA}・]{{2,10}}(?:センター|チーム))[ \u3000]+"
    rf"(?P<next>医師|Dr|看護師|技師|[{KANJI}]{{1,3}})"
)
_NOT_SPECIALTIES = frozenset(
    "診療科 教科 学科 百科 専科 理科 文科 本科 各科 全科 他科 当科 貴科 同科 前科 受診科 担当科 依頼科 所属科 紹介科 "
    "担当歯科 処方科 通院科 希望科 受診希望科 入院科 転科 診療希望科".split()
)
# A ward named by its kind (精神科急性期治療病棟, 緩和ケア病棟 is kana: not here), and a care unit by its
# kind in kanji (脳卒中ケアユニット, the SCU written out).
# A ward's number between its kind and the word (回復期2病棟) is part of its name.
_WARD_KIND = re.compile(rf"(?<![{KANJI}])[{KANJI}]{{2,12}}(?:[{DIGIT}]{{1,2}}(?=病棟))?(?:病棟|ケアユニット)")
# Field names and words that point at a ward without naming it (入院病棟：ICU, 各病棟).
# A ward named by a kind written partly in katakana (緩和ケア病棟, 回復期リハビリテーション病棟, 地域包括ケア病棟):
# writers mark it where the patient is or moves to (17 of 25 times on the development sets), with its floor
# (3階緩和ケア病棟).
_KANA_WARD_KIND = re.compile(
    rf"(?<![{KANJI}{KATAKANA}ー{DIGIT}])(?:当院|同院|貴院)?(?P<ward>(?:[{DIGIT}]{{1,2}}階)?(?![ー・])[{KANJI}{KATAKANA}ー・]{{0,14}}[{KATAKANA}]"
    rf"[{KANJI}{KATAKANA}ー・]{{0,14}}病棟|(?![ー・])[{KANJI}{KATAKANA}ー・]{{1,14}}ケアユニット)"
)
# A ward or a home's unit named by a flower or a landscape in hiragana (たんぽぽ病棟, ひまわりユニット): not a word
# of prose before 病棟 (ほかの病棟, それから病棟, 戻った病棟), which ends in a particle or follows a kanji.
_HIRAGANA_WARD = re.compile(
    rf"(?<![{HIRAGANA_LETTERS}{KANJI}])[{HIRAGANA_LETTERS}]{{3,8}}(?<![のはがをにでへとやるたかね])(?:(?<!も)|(?<=こども))"
    r"(?<!から)(?<!まで)(?<!より)(?<!たら)(?<!れば)(?<!ても)(?:病棟|ユニット)"
)
# A department with its floor written onto it (内科5F, 小児科 3F): the floor's unit, one place of record.
_FLOOR_AFTER = re.compile(r"[ \u3000]?[0-9０-９]{1,2}[FＦ](?![A-Za-z0-9０-９])")
_NOT_WARDS = frozenset(
    "入院病棟 入院中病棟 担当病棟 所属病棟 希望病棟 転棟先病棟 予定病棟 当該病棟 各病棟 全病棟 他病棟 同病棟 一般病棟".split()
)
# A unit before a slash is one of a list of units (ICU/CCU), unless a ward in Japanese follows: HCU/救急病棟.
_UNIT = re.compile(rf"(?<![A-Za-z0-9\-])(?:{'|'.join(_UNITS)})(?![A-Za-z0-9+\-%]|/(?![{KANJI}]))")
# Advice to consult a department ("腫瘍内科へのコンサルトを推奨", "循環器内科にご相談ください"):
# a teaching note, not where this patient was seen.
_ADVICE = re.compile(
    r"(?:への|に|へ)(?:ご)?(?:コンサルト|相談|紹介を(?:検討|考慮|推奨))|の?受診を(?:推奨|勧め|検討|考慮)"
    r"|(?:での|で|・)[^。\n]{0,24}(?:検討|推奨|ご相談|精査を|お願い)|\s?(?i:consult)|へ?コンサルト"
)
# The reading department of a radiology report is the writer's, never the patient's (guidelines).
_WRITERS = frozenset({"放射線科", "放射線部", "放射線診断科"})
# ... but it is a department of record before a named doctor in brackets (（放射線科 宮城）).
_STAFF_WORDS = frozenset({"医師", "Dr", "看護師", "技師"})
# ... unless a label says it is the department of record: 依頼元：放射線科, 診療科 放射線科.
_RECORD_LABEL = re.compile(r"(?:依頼元|依頼科|依頼部署|診療科|受診科|担当科|所属科)[ \u3000]*[:：]?[ \u3000]*$")
# (and what a form or a card says of it: 外来化学療法センター用, 化学療法センター直通, 腎臓内科宛, 内科経由)
_WARD_OF = re.compile(rf"{_AFTER}|用(?=[）)」』】、。]|$)|直通|宛|経由")
# A kanji right before the department that makes it no department of record.
_GENERIC_BEFORE = frozenset("当他各同本貴前")


def _listed() -> re.Pattern:
    words = sorted(load_allow_list().departments, key=len, reverse=True)
    # The allow-list keeps its words case-folded: English departments are read in any case.
    return re.compile("|".join(re.escape(w) for w in words) if words else "(?!)", re.IGNORECASE)


_LISTED: re.Pattern | None = None
# In brackets with a named doctor, as a note credits a reading (（放射線科 宮城）); a signature's line
# (放射線診断科 佐藤 直樹) is the writer's own.
_SURNAME_AFTER = re.compile(rf"[ \u3000](?P<name>[{KANJI}]{{1,3}})(?:[ \u3000]?(?:医師|先生|Dr))?[)）]")


def _before_named_doctor(text: str, start: int, end: int, known: frozenset[str]) -> bool:
    m = _SURNAME_AFTER.match(text, end)
    return (
        start > 0
        and text[start - 1] in "（("
        and m is not None
        and any(m.group("name")[:size] in known for size in (1, 2, 3))
    )


@register
class DepartmentWordRecognizer(Recognizer):
    name: ClassVar[str] = "department-word"
    categories: ClassVar[tuple[str, ...]] = ("DEPARTMENT",)

    def find(self, doc: Document) -> list[Candidate]:
        global _LISTED
        if _LISTED is None:
            _LISTED = _listed()
        text = doc.text
        spans: set[tuple[int, int]] = set()
        for m in _SHAPED.finditer(text):
            spans.add(m.span())
        for m in _WARD_KIND.finditer(text):
            if m.group() not in _NOT_WARDS:
                floor = _FLOOR.match(text, m.end())
                spans.add((m.start(), floor.end() if floor else m.end()))
        for m in _KANA_WARD_KIND.finditer(text) if "病棟" in text or "ユニット" in text else ():
            if m.group("ward") not in _NOT_WARDS:
                spans.add(m.span("ward"))
        for m in _HIRAGANA_WARD.finditer(text) if "病棟" in text or "ユニット" in text else ():
            floor = _FLOOR.match(text, m.end())  # こども病棟 3階, こども病棟3F: the ward's floor is part of it
            spans.add((m.start(), floor.end() if floor else m.end()))
        for m in _NUMBERED.finditer(text) if "第" in text else ():
            spans.add(m.span())
        for m in _SPECIALTY.finditer(text) if "科" in text else ():
            word = m.group()
            if word[-2:] in _NOT_SPECIALTIES and len(word) > 2 and word[-2] in _GENERIC_BEFORE:
                continue  # 院内他科, 現在当科: a word that points at a department without naming it
            if word not in _NOT_SPECIALTIES and text[m.start()] not in _GENERIC_BEFORE:
                spans.add(m.span())
        for m in _LISTED.finditer(text):
            if m.start() and text[m.start() - 1] in _GENERIC_BEFORE:
                continue
            if any(s <= m.start() and m.end() <= e for s, e in spans):
                continue
            after = text[m.end() : m.end() + 1]
            if after and re.match(f"[{KANJI}]", after) and not _WARD_OF.match(text, m.end()):
                continue  # 内科的, 外科医, 眼科検診: the word runs on into another
            spans.add(m.span())
        if "センター" in text or "チーム" in text:
            known = surnames()
            for m in _UNIT_BEFORE_STAFF.finditer(text):
                nxt = m.group("next")
                if nxt in _STAFF_WORDS or not is_kanji(nxt[0]) or any(nxt[:size] in known for size in (1, 2, 3)):
                    spans.add(m.span("unit"))
        known = surnames() if any(w in text for w in _WRITERS) else frozenset()
        found = [
            Candidate(s, e, "DEPARTMENT", RANK_SUPPLEMENT)
            for s, e in spans
            # A ward the patient is asked to go to is where he will lie (回復期リハ病棟での加療をお願い), no advice.
            if (not _ADVICE.match(text, e) or text[s:e].endswith(("病棟", "ユニット")))
            and (
                text[s:e] not in _WRITERS
                or _RECORD_LABEL.search(text, max(0, s - 12), s)
                or _before_named_doctor(text, s, e, known)
            )
        ]
        found.extend(Candidate(*m.span(), "DEPARTMENT", RANK_SUPPLEMENT) for m in _UNIT.finditer(text))
        for cand in list(found):
            ward = re.match(rf"[{DIGIT}]+病棟", text[cand.end :]) or _UNIT_SUFFIX.match(text, cand.end)
            if ward:  # 外科2病棟, 婦人科外来, 精神科デイケア: the ward, clinic or service is the unit of record
                found.remove(cand)
                found.append(cand._replace(end=ward.end() if ward.re is _UNIT_SUFFIX else cand.end + ward.end()))
                continue
            floor = _FLOOR_AFTER.match(text, cand.end)
            if floor and not text[cand.start : cand.end].isascii():
                found.remove(cand)
                found.append(cand._replace(end=floor.end()))
        return _joined_english(text, _dotted_units(text, sorted(found)))


# An English department named by two fields joined by & or "and" is one unit of record (Nephrology &
# Hypertension, Diabetes & Endocrinology): the field on the other side of the join, when it is no department
# of its own (Cardiology and Radiology are two), goes with the department read. A field's name ends the way
# names of fields do (-ology, -ics, -ion, -ism ...), so "Cardiology and Dr Mori" or "& Tel" stays apart.
_FIELD = r"[A-Z][a-z]{2,}(?:ology|ogy|ics|ion|ism|ine|ery|etes|iatry|ysis|ence)"
_JOINED_AFTER = re.compile(rf" (?:&|and) (?P<field>(?:[A-Z][a-z]+ )?{_FIELD})(?![A-Za-z])")
_JOINED_BEFORE = re.compile(rf"(?<![A-Za-z&] )(?<![A-Za-z])(?P<field>(?:[A-Z][a-z]+ )?{_FIELD}) (?:&|and) $")


# The reading department is the writer's (the guidelines), so "Cardiology and Radiology" names two.
_NOT_JOINED = re.compile("Radiology")


def _joined_english(text: str, found: list[Candidate]) -> list[Candidate]:
    out = []
    for cand in found:
        if text[cand.start : cand.end].isascii() and text[cand.start : cand.end][:1].isupper():
            after = _JOINED_AFTER.match(text, cand.end)
            if after and not _LISTED.fullmatch(after.group("field")) and not _NOT_JOINED.search(after.group()):
                cand = cand._replace(end=after.end())
            before = _JOINED_BEFORE.search(text, max(0, cand.start - 40), cand.start)
            if before and not _LISTED.fullmatch(before.group("field")) and not _NOT_JOINED.search(before.group()):
                cand = cand._replace(start=before.start())
        out.append(cand)
    return out


def _dotted_units(text: str, found: list[Candidate]) -> list[Candidate]:
    """Two units joined by a dot or a slash are one unit of record: 形成外科・熱傷センター, HCU/救急病棟."""
    out: list[Candidate] = []
    for cand in found:
        prev = out[-1] if out else None
        if prev is not None and prev.end + 1 == cand.start and text[prev.end] in "・･/／":
            out[-1] = prev._replace(end=max(prev.end, cand.end))
            continue
        out.append(cand)
    return out
