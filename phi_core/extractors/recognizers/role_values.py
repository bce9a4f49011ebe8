"""Names written after a staff role and a colon, and the names listed after them.

術者：鳴海 拓, 助手：相良、Olsen, 麻酔：ヴォルコフ, 差出人：森下 航: the value
after a role is a person when it is shaped like a name: a katakana word, one
or two capitalised Latin words, or kanji that begin with a proper noun or an
unknown word (so 麻酔：全身麻酔 is left alone). Items listed after it with 、
or , count the same. After a clinician's role and one space, a short kanji
word that closes a bracket or a line is a name too (（主治医 荒巻）). Drugs and clinical words are let through by the allow-list.
"""

from __future__ import annotations

import re
from typing import ClassVar

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, LONG_VOWEL, MIDDLE_DOT, UNIFIED_KANJI
from phi_core.nlp.morphemes import document_morphemes

from .sudachi_names import RANK_SUPPLEMENT

ROLES: tuple[str, ...] = (
    "術者", "執刀医", "執刀", "助手", "第1助手", "第2助手", "第一助手", "第二助手", "麻酔", "麻酔科医", "麻酔医",
    "器械出し", "外回り", "人工心肺", "記載医", "記載者", "記録", "記録者", "報告者", "作成者", "差出人", "宛先",
    "送信者", "担当", "担当医", "担当者", "主治医", "薬剤師", "通訳", "付き添い", "付添", "同席", "出席者", "参加者",
    "司会", "確認者", "承認者", "依頼医", "紹介医", "読影医", "指導医", "看護師", "受付", "署名", "検査技師",
)  # fmt: skip
_ROLE = re.compile(
    "(?:" + "|".join(sorted(map(re.escape, ROLES), key=len, reverse=True)) + r")[ \u3000]*[：:][ \u3000]*"
)
_ITEM = re.compile(r"[^、,，\n\u3000（(／/]+(?:[ ][^、,，\n\u3000（(／/ ]+)?")
_KATAKANA = re.compile(f"^[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}{MIDDLE_DOT}]{{2,16}}$")
_LATIN = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?$")
_KANJI_NAME = re.compile(f"^[{UNIFIED_KANJI}々]{{1,4}}(?: [{UNIFIED_KANJI}々{HIRAGANA_LETTERS}]{{1,4}})?$")


# A clinician's role, one space, and a short kanji family name closing a bracket or a line:
# （主治医 荒巻）, "担当医 野間\n": what else would stand there is a name.
_CLINICIAN_ROLES = ("主治医", "担当医", "執刀医", "術者", "読影医", "依頼医", "紹介医", "指導医", "記載医", "麻酔科医")
_ROLE_SPACE_NAME = re.compile(
    "(?:" + "|".join(_CLINICIAN_ROLES) + f")[ \u3000](?P<name>[{UNIFIED_KANJI}々]{{1,3}})(?=[）)]|\n|$)", re.MULTILINE
)


@register
class RoleValueRecognizer(Recognizer):
    name: ClassVar[str] = "role-value"
    categories: ClassVar[tuple[str, ...]] = ("PHYSICIAN_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        by_start = None
        found: list[Candidate] = []
        for role in _ROLE.finditer(text):
            position = role.end()
            while True:
                item = _ITEM.match(text, position)
                if not item:
                    break
                value = item.group().strip()
                start = item.start() + (len(item.group()) - len(item.group().lstrip()))
                if _KATAKANA.match(value) or _LATIN.match(value):
                    found.append(Candidate(start, start + len(value), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
                elif _KANJI_NAME.match(value):
                    if by_start is None:
                        by_start = {m.start: m for m in document_morphemes(doc)}
                    first = by_start.get(start)
                    if first is not None and (first.is_proper or first.oov):
                        found.append(Candidate(start, start + len(value), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
                end = item.end()
                if end < len(text) and text[end] in "、,，":
                    position = end + 1
                    continue
                break
        found.extend(
            Candidate(*m.span("name"), "PHYSICIAN_NAME", RANK_SUPPLEMENT) for m in _ROLE_SPACE_NAME.finditer(text)
        )
        return found
