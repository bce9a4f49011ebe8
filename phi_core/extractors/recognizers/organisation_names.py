"""Schools, nurseries and employers named in a document: where a patient studies or works.

A school or a company is not a medical facility, yet it narrows a patient down
as an address does (the guidelines' ADDRESS: a place that locates the patient),
so its name is masked as one:

- a kind of school or nursery after its name, with the owner before it when
  written: 市立若葉台小学校, ひまわり第二保育園, 県立北高等学校, 聖マリア学園;
- a legal form of a company or corporation before or after the name:
  有限会社 十勝ファームサービス, 株式会社みなと物流, 丸菱運輸㈱, 社会福祉法人 あけぼの会;
- an English company or school name: "Hokuto Logistics Co., Ltd.", "Midori Elementary School".

A kind alone (小学校, 保育園で流行), or after a word that points at one without
naming it (近くの, 同じ, 地元の), names nothing.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, KANJI, LONG_VOWEL
from phi_core.japanese.organisations import LEGAL_FORMS

from .sudachi_names import RANK_SUPPLEMENT

SCHOOL_KINDS = (
    "小学校", "中学校", "高等学校", "高校", "中等教育学校", "義務教育学校", "特別支援学校", "支援学校", "養護学校",
    "専門学校", "高等専門学校", "短期大学", "大学", "学園", "保育園", "保育所", "幼稚園", "認定こども園",
    "こども園", "学童保育", "学童クラブ", "児童館", "放課後等デイサービス",
)  # fmt: skip
_OWNERS = "(?:市立|町立|村立|区立|県立|都立|府立|道立|私立|国立|公立)"
_LETTERS = f"{KANJI}{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}ヶ"
_NAME = f"[{_LETTERS}A-Za-zＡ-Ｚａ-ｚ0-9０-９・]"
_OPEN = r"(?:^|(?<=[\s：:、。,，「『（(／/・]))"
_SCHOOL = re.compile(
    rf"{_OPEN}(?P<owner>{_OWNERS})?(?P<name>{_NAME}{{2,14}}?)(?:{'|'.join(SCHOOL_KINDS)})",
    re.MULTILINE,
)
_FORMS = "|".join(re.escape(f) for f in sorted(LEGAL_FORMS, key=len, reverse=True))
_FORM_FIRST = re.compile(rf"(?:{_FORMS})[ \u3000]?(?P<name>{_NAME}{{2,20}})")
_FORM_LAST = re.compile(rf"{_OPEN}(?P<name>{_NAME}{{2,20}}?)[ \u3000]?(?:{_FORMS})", re.MULTILINE)
# Forms that are only written before the corporation's name (医療法人 清和会, never 清和会 医療法人).
_OWNER_FIRST = re.compile(r"(?:医療法人|社会医療法人|特定医療法人|医療法人社団|医療法人財団)$")
_ENGLISH = re.compile(
    r"(?<![A-Za-z])(?:[A-Z][a-z]+|[A-Z]{2,})(?: (?:[A-Z][a-z]+|[A-Z]{2,}|&)){0,4}"
    r"(?: Co\.,? ?Ltd\.?| Inc\.?| Corp\.?| Corporation| K\.K\.| LLC| Ltd\.?| Elementary School| Junior High School"
    r"| High School| School| Kindergarten| Nursery| Daycare| University| College)(?![A-Za-z])"
)
# Words before a kind that point at a school or company without naming it.
_POINTERS = re.compile(
    r"^(?:近く|近所|地元|同じ|同|別の|別|前の|元の|この|その|あの|どの|各|他|全|当|本|某|一般|普通|公立|私立|国立|"
    r"通学|通園|通学先|勤務先|在籍|就学|入学|卒業|転校|登校|登園|の|で|に|は|を|が|と|も|から)+$"
)
_GENERIC_NAMES = frozenset(
    "医科 医学 看護 歯科 薬科 保健 福祉 医療 教育 体育 工業 商業 農業 付属 附属 第一 第二 夜間 通信 大学 短期 "
    "学校 こども 子ども 子供 認定 地域 院内 病院 病棟".split()
)

_PARTICLES = ("の", "で", "に", "へ", "は", "を", "が", "と", "も", "や", "から", "まで", "より")


def _name_ok(name: str) -> bool:
    name = name.strip(" \u3000・")
    if name.isascii() and name.islower():
        return False  # from (株)ミドリ薬局: an English word before a form written ahead of its name
    if len(name) < 2 or _POINTERS.match(name) or name in _GENERIC_NAMES:
        return False
    # A sentence runs into the kind, not a name: "市内の小学校", "近医から保育園".
    return not name.endswith(_PARTICLES)


@register
class OrganisationNameRecognizer(Recognizer):
    name: ClassVar[str] = "organisation-name"
    categories: ClassVar[tuple[str, ...]] = ("ADDRESS",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found: list[Candidate] = []
        if any(kind in text for kind in SCHOOL_KINDS):
            for m in _SCHOOL.finditer(text):
                if _name_ok(m.group("name")):
                    found.append(Candidate(m.start(), m.end(), "ADDRESS", RANK_SUPPLEMENT))
        if any(form in text for form in LEGAL_FORMS):
            for pattern in (_FORM_FIRST, _FORM_LAST):
                for m in pattern.finditer(text):
                    if pattern is _FORM_LAST and _OWNER_FIRST.search(m.group()):
                        continue  # 送信元 医療法人 清和会: a medical corporation's name comes after its form
                    if _name_ok(m.group("name")):
                        found.append(Candidate(m.start(), m.end(), "ADDRESS", RANK_SUPPLEMENT))
        for m in _ENGLISH.finditer(text):
            if not m.group().startswith(("The ", "A ", "An ")) or len(m.group().split()) > 2:
                found.append(Candidate(m.start(), m.end(), "ADDRESS", RANK_SUPPLEMENT))
        return found
