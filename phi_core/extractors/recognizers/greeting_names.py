"""Names that the courtesies of a letter, an e-mail or a chat put in place.

Japanese business writing fixes where a name stands, whatever the document is:

- the writer introduces themselves after the opening courtesy, with their
  organisation before の: ``お世話になっております、ワールドケアの林です。``,
  ``お疲れ様です。5階東の佐々木です``; and anyone who gives their name says
  ``…と申します``;
- the addressee stands on a line of its own, the family name and an honorific,
  one kanji being enough there: ``陳 様``, ``佐藤先生``;
- a chat export names its speaker in brackets after a role written in capitals:
  ``STAFF(大橋): Good morning``.

The family name must be one the surname list or SudachiDict gives as such
(``…の件です``, ``担当者と申します`` name nobody).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import can_be_surname
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, LONG_VOWEL, UNIFIED_KANJI, is_kanji
from phi_core.japanese.honorifics import alternation, words
from phi_core.japanese.organisations import UNIT_ENDINGS

from .person_context import person_category
from .romaji_words import is_romaji
from .sudachi_names import RANK_SUPPLEMENT

_KANJI_NAME = f"[{UNIFIED_KANJI}々]{{1,4}}"
_OPENINGS = "お世話になっております|お世話になります|お疲れ様です|お疲れさまです|いつもありがとうございます"
_SELF_INTRODUCTION = re.compile(
    rf"(?:{_OPENINGS})[、。,.!！]?[ \u3000\n]*(?:(?P<org>[^\n。、]{{1,30}}?)の)?[ \u3000]?"
    rf"(?P<name>{_KANJI_NAME}|[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{2,8}})(?=です[。！!、,\n]|です$|でございます|と申します)"
)
_GIVES_NAME = re.compile(rf"(?<![{UNIFIED_KANJI}々])(?P<name>{_KANJI_NAME})(?=と申します)")
_ADDRESSEE = re.compile(
    rf"^[ \u3000]*(?P<name>{_KANJI_NAME})[ \u3000]?(?:{alternation(words('person', 'clinician'))})[ \u3000]*$",
    re.MULTILINE,
)
_CHAT_SPEAKER = re.compile(
    rf"(?<![A-Za-z])(?:STAFF|NURSE|DOCTOR|DR|NS|MSW|CW|SW|PT|OT|ST|CM|TEACHER|ADMIN)[(（]"
    rf"(?P<name>{_KANJI_NAME}|[A-Za-z][A-Za-z.\- ]{{1,20}})[)）][ ]?[:：]"
)
# A chat line's speaker by a login in lower case after the time (8:03 ookubo: A便 出発します).
_LOGIN_SPEAKER = re.compile(r"^[0-9]{1,2}:[0-9]{2}[ \t]+(?P<name>[a-z][a-z._\-]{2,20})[ ]?[:：]", re.MULTILINE)
# The writer's organisation is an outside one (なでしこの田村です, 関東メディカルガスの栗原です) unless it is a unit
# of the writer's own house (連携室, 医事課, 放射線診断科, 4東, ICN), their shift or post (夜勤, 産業医) or a
# word for "ours" (当園看護師).
_OWN_UNIT_ENDINGS = (*UNIT_ENDINGS, *"師医区市町村階") + (
    *("保険", "病棟", "外来", "受付", "包括", "担当", "当直", "夜勤", "日勤", "事", "理", "学"),
    *("センター", "チーム", "サポート", "看護"),
)
_OWN_HOUSE = ("当", "弊", "貴", "本", "同")


def _outside_organisation(org: str | None) -> bool:
    if not org:
        return False
    org = org.strip(" \u3000")
    return (
        len(org) >= 2
        and not org.isascii()
        and not any(ch.isdigit() for ch in org)
        and (org.endswith("薬局") or not org.endswith(_OWN_UNIT_ENDINGS))  # (a pharmacy is outside; 医局 is not)
        and not org.startswith(_OWN_HOUSE)
    )


# Words that end a self-introduction without being a name: …の件です, …の担当です.
_NOT_NAMES = frozenset("件 者 方 担当 担当者 係 窓口 代理 本人 家族 事務 私 わたし".split())


def _family_name(name: str) -> bool:
    if not name or name in _NOT_NAMES or name[-1] in "件者方係":
        return False
    return any(can_be_surname(name[:n]) for n in (1, 2, 3) if n <= len(name))


@register
class GreetingNameRecognizer(Recognizer):
    name: ClassVar[str] = "greeting-name"
    categories: ClassVar[tuple[str, ...]] = ("PHYSICIAN_NAME", "PATIENT_NAME")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found: list[Candidate] = []
        if "お" in text or "申します" in text:
            for pattern in (_SELF_INTRODUCTION, _GIVES_NAME):
                for m in pattern.finditer(text):
                    name = m.group("name")
                    katakana = not any(is_kanji(ch) for ch in name)
                    if katakana or _family_name(name):
                        category = (
                            "PHYSICIAN_NAME"
                            if pattern is _SELF_INTRODUCTION
                            else person_category(text, *m.span("name"))
                        )
                        found.append(Candidate(*m.span("name"), category, RANK_SUPPLEMENT))
                        # (colleagues greet each other with お疲れ様: their units are the house's own)
                        outside = pattern is _SELF_INTRODUCTION and not m.group().startswith("お疲れ")
                        if outside and _outside_organisation(m.group("org")):
                            org = m.group("org")
                            start = m.start("org") + len(org) - len(org.lstrip(" \u3000"))
                            found.append(Candidate(start, m.end("org"), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        for m in _ADDRESSEE.finditer(text):
            if _family_name(m.group("name")):
                found.append(Candidate(*m.span("name"), person_category(text, *m.span("name")), RANK_SUPPLEMENT))
        for m in _LOGIN_SPEAKER.finditer(text):
            if is_romaji(m.group("name").split(".")[0].split("_")[0]):
                found.append(Candidate(*m.span("name"), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        if "(" in text or "（" in text:
            for m in _CHAT_SPEAKER.finditer(text):
                name = m.group("name").strip()
                if name.isascii() or _family_name(name):
                    start = m.start("name")
                    found.append(Candidate(start, start + len(name), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        return found
