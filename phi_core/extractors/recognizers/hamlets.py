"""Hamlets by 字 (aza), the smallest part of a rural address, written alone (recall-first).

A village's ledger, a letter or a visit list names where a patient lives by the
hamlet only: 字東浜, 字本村, 字西ノ浦, 大字上野; after the village (南島村字東浜) too, and the
village and the lot number go with it, and after the part of a city it belongs to, glued, with a lot number
(一関市狐禅寺字石の瀬61).
字 is a hamlet only at the opening of a word: after a kanji (文字, 数字, 赤字) or a
digit or a Latin letter (3字, T字) it is a character; nor is it one where the
kanji after it make a word of writing (字幕, 字体, 字数) or a verb (字下げ).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import HIRAGANA_LETTERS, KANJI, KATAKANA
from phi_core.japanese.organisations import WORDS_ENDING_IN_ZI, WORDS_OF_WRITING

from .sudachi_names import RANK_SUPPLEMENT

_HAMLET = re.compile(
    rf"(?:(?<![{KANJI}{KATAKANA}A-Za-z0-9０-９Ａ-Ｚａ-ｚ])|(?<=[村町郡])|(?<=大))(?P<mark>大?字)"
    rf"(?P<name>[{KANJI}]{{1,3}}(?:[ノのケヶ][{KANJI}]{{1,2}})?)(?![{KANJI}{KATAKANA}])"
)
# The village or town glued before the hamlet (南大東村字在所) and the lot number after it, apart or not
# (大字智里 1234番地, 字東浜123番地の2), are the same address.
_TOWN_BEFORE = re.compile(rf"[{KANJI}]{{1,6}}[村町]$")
_LOT_AFTER = re.compile(
    r"[ \u3000]?[0-9０-９]{1,5}(?:番地|番)(?:の[0-9０-９]{1,4})?|[0-9０-９]{1,5}(?:[-－‐][0-9０-９]{1,4}){0,2}"
)
_VERB_ENDING = re.compile(rf"[{HIRAGANA_LETTERS}]")
# A hamlet after the part of a city it belongs to, glued (一関市狐禅寺字石の瀬61): there a kanji stands before
# 字, so only with the city's ending before that part and a lot number after the hamlet.
_AFTER_TOWN_PART = re.compile(
    rf"(?<=[市町村郡区])(?P<part>[{KANJI}]{{1,4}}?)(?P<mark>大?字)"
    rf"(?P<name>[{KANJI}]{{1,3}}(?:[ノのケヶ][{KANJI}]{{1,2}})?)(?=[ \u3000]?[0-9０-９])"
)


@register
class HamletRecognizer(Recognizer):
    name: ClassVar[str] = "hamlet"
    categories: ClassVar[tuple[str, ...]] = ("ADDRESS",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if "字" not in text:
            return []
        found = []
        for m in _HAMLET.finditer(text):
            name = m.group("name")
            if name[:1] in WORDS_OF_WRITING:
                continue
            if len(name) == 1 and _VERB_ENDING.match(text, m.end()):
                continue  # 字下げ, 字余り: a verb's stem, not a one-kanji hamlet
            town = _TOWN_BEFORE.search(text, max(0, m.start("mark") - 7), m.start("mark"))
            lot = _LOT_AFTER.match(text, m.end())
            start = town.start() if town else m.start("mark")
            found.append(Candidate(start, lot.end() if lot else m.end(), "ADDRESS", RANK_SUPPLEMENT))
        for m in _AFTER_TOWN_PART.finditer(text):
            lot = _LOT_AFTER.match(text, m.end())
            if lot and m.group("name")[:1] not in WORDS_OF_WRITING and m.group("part")[-1] not in WORDS_ENDING_IN_ZI:
                found.append(Candidate(m.start(), lot.end(), "ADDRESS", RANK_SUPPLEMENT))
        return found
