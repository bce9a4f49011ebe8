"""Places of care and their units in forms the other place recognizers leave open (recall-first).

- a coined name before a loan word of care and a building's head: ひばりヶ丘デンタルオフィス,
  湯布院ウェルネス館, みなとメディカルハウス (オフィス, 館 or ハウス alone is any building);
- a kind of place written first and its kana name glued after it, the whole run one name:
  視覚障害者リハビリセンターひかり (not a particle after the kind: センターから, センターでは);
- a unit written after a place's name and a space, a clinic named by what it treats or a
  specialty: 松山あさひ記念病院　もの忘れ外来, 北浜中央病院 呼吸器・禁煙外来 (not a room, an office or a
  centre, 地域連携室, 薬剤部, 睡眠センター: after a hospital's name the writers marked 1 of 43 rooms,
  3 of 20 offices and 4 of 18 centres on the development sets, but 8 of 12 clinics; nor the
  reading department, 放射線科);
- a clinic ending its line after a space, as a header writes its unit on the right: 記録（テストステロン）
  ジェンダー外来 (not a visit in time, 次回外来, nor a clinic opening the line: a title, mostly unmarked);
- the value of a field that names who sent a patient or a request: 依頼元：健診センター,
  紹介元：総合診療科 (not a public office's section, 介護保険課, nor 放射線科);
- a short word and の opening a place's name: 山の手地域包括支援センター (not この, その: words of the sentence);
- a medical or welfare corporation, its association and the place it runs, whatever the place's
  name ends in: 医療法人 白樺会 ふじさわ整形 (整形 for 整形外科, as a fax header shortens it).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.facility_edges import NOT_A_KANA_NAME
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, KANJI, LONG_VOWEL
from phi_core.japanese.honorifics import alternation
from phi_core.japanese.organisations import (
    CARE_LOAN_HEADS,
    CARE_LOAN_WORDS,
    FACILITY_HEADS,
    LEGAL_FORMS,
    ROOMS_NOT_UNITS,
    SOCIETY_WORDS,
    SOURCE_LABELS,
    VISITS_NOT_CLINICS,
)

from .sudachi_names import RANK_SUPPLEMENT

_LETTERS = f"{KANJI}{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}"
_NAME_LETTERS = f"{_LETTERS}・"
# Words that point at a place rather than name it: 当院デンタルオフィス is no name.
_POINTING = ("当", "同", "貴", "他", "各", "本", "院内", "院外", "自宅", "近く", "近所", "最寄")
_LOAN_KIND = re.compile(
    rf"(?<![{_LETTERS}])(?P<name>[{_LETTERS}]{{2,10}}?)(?:{alternation(CARE_LOAN_WORDS)})"
    rf"(?:{alternation(CARE_LOAN_HEADS)})(?![{FULL_WIDTH_KATAKANA}{LONG_VOWEL}])"
)
_KIND_THEN_KANA = re.compile(
    rf"(?<![{_NAME_LETTERS}])[{KANJI}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{2,12}}"
    rf"(?:センター|ホーム|ステーション|クリニック)(?P<kana>[{HIRAGANA_LETTERS}]{{2,5}})(?=[\s、。,，（(）)]|$)"
)
_FACILITY_END = "病院|クリニック|医院|診療所|センター|ホスピタル"
_UNIT_AFTER_PLACE = re.compile(
    rf"(?<![{_NAME_LETTERS}])(?P<place>[{_LETTERS}]{{1,14}}?(?:{_FACILITY_END}))[ \u3000]{{1,4}}"
    rf"(?P<unit>[{_NAME_LETTERS}]{{1,12}}?(?:外来|科))(?=[ \u3000]|\n|$|[（(])"
)
# A clinic ending its line after a space, as a header writes its unit on the right (検査日 2026/11/20　小児アレルギー外来,
# 記録（テストステロン）　ジェンダー外来): 22 of 22 marked on the development sets. A clinic opening a line is
# the document's title (フレイル外来 評価シート): 5 of 48 marked, left alone.
_CLINIC_ENDING_LINE = re.compile(rf"(?<=\S)[ \u3000]+(?P<unit>[{_NAME_LETTERS}]{{2,12}}外来)[ \u3000]*$", re.MULTILINE)
_SOURCE = re.compile(
    rf"(?:{alternation(SOURCE_LABELS)})[ \u3000]*[：:][ \u3000]*(?P<value>[^\s（(）)、,，：:／/]{{2,16}})"
)
# A short word and の opening a place's name, at the start of a line, an item, a bracket or a field
# (山の手地域包括支援センター, もりの宮クリニック, 海の見える丘病院): one kanji or up to four kana before の, so a word
# of the sentence (患者の, その際の) is no name; the rules stop at the の (30 of 32 such runs marked on the
# development sets, the two others after この and その).
_NO_NAME = re.compile(
    rf"(?:(?<=[\s（(「『・：:、,，【])|^)(?:[{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{1,4}}|[{KANJI}])の"
    rf"[{_LETTERS}]{{1,10}}?(?:{alternation(tuple(h for h in FACILITY_HEADS if len(h) >= 2))})"
    rf"(?![{KANJI}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}])",
    re.MULTILINE,
)
_CARE_FORMS = tuple(form for form in LEGAL_FORMS if "医" in form or "福" in form)
_OWNED_PLACE = re.compile(
    rf"(?:{alternation(_CARE_FORMS)})[ \u3000]?(?P<owner>[{_LETTERS}]{{1,10}}?(?:会|財団))[ \u3000]"
    rf"(?P<name>[{_NAME_LETTERS}]{{2,16}})(?=[\s、。,，（(）)]|$)"
)


def _points(word: str) -> bool:
    return word.startswith(_POINTING)


def _not_unit(unit: str) -> bool:
    return unit in ROOMS_NOT_UNITS or unit.startswith("放射線") or len(unit) < 3


@register
class FacilityFormRecognizer(Recognizer):
    name: ClassVar[str] = "facility-form"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME", "DEPARTMENT")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found: list[Candidate] = []
        for m in _LOAN_KIND.finditer(text):
            if not _points(m.group("name")):
                found.append(Candidate(*m.span(), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        for m in _KIND_THEN_KANA.finditer(text):
            if not NOT_A_KANA_NAME.match(m.group("kana")) and not _points(m.group()):
                found.append(Candidate(*m.span(), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        for m in _UNIT_AFTER_PLACE.finditer(text):
            if not _points(m.group("place")) and not _not_unit(m.group("unit")):
                found.append(Candidate(*m.span("unit"), "DEPARTMENT", RANK_SUPPLEMENT))
        if "外来" in text:
            for m in _CLINIC_ENDING_LINE.finditer(text):
                if not m.group("unit").startswith(VISITS_NOT_CLINICS) and not _points(m.group("unit")):
                    found.append(Candidate(*m.span("unit"), "DEPARTMENT", RANK_SUPPLEMENT))
        if "：" in text or ":" in text:
            for m in _SOURCE.finditer(text):
                value = m.group("value")
                if value.endswith("課") or value.startswith("放射線") or _points(value):
                    continue
                kind = "HOSPITAL_NAME" if value.endswith(FACILITY_HEADS) and len(value) > 4 else "DEPARTMENT"
                found.append(Candidate(*m.span("value"), kind, RANK_SUPPLEMENT))
        if "の" in text:
            for m in _NO_NAME.finditer(text):
                if not m.group().startswith(("この", "その", "あの", "どの", "当", "同", "他", "各")):
                    found.append(Candidate(*m.span(), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        for m in _OWNED_PLACE.finditer(text):
            if not m.group("owner").endswith(SOCIETY_WORDS):
                found.append(Candidate(m.start(), m.end(), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        return found
