"""A family name of one kanji where only a person stands: a chat line's speaker, a member of a unit.

One kanji (陳, 森, 槙) is as often a common word as a family name, so the
name recognizers leave it alone unless a title follows. Two places say
"who" on their own:

- the speaker of a line of a log or chat, after its time stamp and before a
  colon (``11/18 13:52 陳：…``, ``23:21 医局長 昆：``, two kanji to four too: ``19:05 宮内：``), or a messenger's sender alone on a line with the time (``堀 22:14``, two kanji
  to four too: ``金城 22:31``);
- the member named after a unit of the hospital or a facility, set apart by
  spaces and followed by a particle, a comma or the end of the line
  (``医事課 森 より報告``, ``小児科 槙 に照会``, ``心不全看護外来 湊 が電話``,
  a letter signed ``あおば子どもメンタルクリニック　関``); two kanji there too
  (``医事課 松下 に確認``), where the dictionary may take them for a company;
- one kanji before a staff abbreviation (``院側 菅 Ns``, ``担当 堀PT``), or after one, closing a cell, a bracket
  or the line (``"7東 Ns 関"``, ``担当 Dr.堀）``).

The kanji must be one the surname list or SudachiDict gives as a family name.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import can_be_surname
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import UNIFIED_KANJI
from phi_core.japanese.honorifics import LATIN_STAFF_ABBREVIATIONS, STAFF_OCCUPATIONS, alternation, words
from phi_core.japanese.organisations import CARE_PLACE_WORDS, UNIT_ENDINGS

from .sudachi_names import RANK_SUPPLEMENT

_KANJI = f"[{UNIFIED_KANJI}]"
_SPEAKER = re.compile(
    rf"^\[?(?:[0-9]{{1,4}}[/-][0-9]{{1,2}}(?:[/-][0-9]{{1,2}})?[ \u3000]+)?[0-9]{{1,2}}:[0-9]{{2}}\]?[ \u3000]+"
    # (the speaker's post may stand before the name, 23:21 医局長 昆：, or in brackets after it, [07:43] 安田 (6西 夜勤):)
    rf"(?:{_KANJI}{{1,6}}[ \u3000]+)?(?P<name>{_KANJI}{{1,4}})(?:[ \u3000]?[（(][^（()）\n]{{1,12}}[)）])?[：:]",
    re.MULTILINE,
)
# A chat copied out of a messenger heads each message with its sender and the time, alone on a line (堀 22:14);
# one kanji to four, a family name the surname list or the dictionary knows (巡回 22:14 is what happened then).
_SENDER_LINE = re.compile(rf"^(?P<name>{_KANJI}{{1,4}})[ \u3000]+[0-9]{{1,2}}:[0-9]{{2}}[ \u3000]*$", re.MULTILINE)
_UNIT_MEMBER = re.compile(
    rf"(?:{_KANJI}[{''.join(UNIT_ENDINGS)}]|外来|センター|{'|'.join(CARE_PLACE_WORDS)})[ \u3000]+"
    rf"(?P<name>{_KANJI}{{1,2}})(?=[ \u3000](?:より|から|に|が|へ|と|→)|[ \u3000]*$|、|[)）]|\u3000|[ ]{{2}}"
    # a wide gap before the next field (医療情報課 中島　発行ID), or a staff abbreviation (保護課 村上CW)
    rf"|(?:{alternation(LATIN_STAFF_ABBREVIATIONS)})(?![A-Za-z]))",
    re.MULTILINE,
)
# A staff abbreviation written after the family name: 院側 菅 Ns, 担当 堀PT (not 5階Ns, CT室).
_BEFORE_ABBREVIATION = re.compile(
    rf"(?<![{UNIFIED_KANJI}0-9A-Za-z])(?P<name>{_KANJI})[ \u3000]?(?:{alternation(LATIN_STAFF_ABBREVIATIONS)})\.?(?![A-Za-z])"
)

# ... or before it, the name closing a cell, a bracket or the line: "7東 Ns 関", 担当 Dr.堀）.
_AFTER_ABBREVIATION = re.compile(
    rf"(?<![A-Za-z])(?:{alternation(LATIN_STAFF_ABBREVIATIONS)})(?:\.[ \u3000]?|[ \u3000])(?P<name>{_KANJI}{{1,2}})"
    r"(?=[\"”'、,，)）|│。\t/／]|[ \u3000]*$)",
    re.MULTILINE,
)
_TITLES = sorted({*STAFF_OCCUPATIONS, *words("person", "clinician", "position")}, key=lambda t: (-len(t), t))
# One kanji that also opens a phrase before a staff word (左 PT, 全 Ns, 本 Dr, 中 ST): family names too, but not here.
PREFIX_WORDS = frozenset(
    "左 右 両 本 全 中 当 同 各 他 前 後 上 下 新 旧 次 計 約 毎 翌 昨 今 半 第 主 副 元 現 旧 某 要 済 未".split()
)


@register
class SingleKanjiNameRecognizer(Recognizer):
    name: ClassVar[str] = "single-kanji-name"
    categories: ClassVar[tuple[str, ...]] = ("PHYSICIAN_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found: list[Candidate] = []
        for pattern in (_SPEAKER, _SENDER_LINE, _UNIT_MEMBER, _BEFORE_ABBREVIATION, _AFTER_ABBREVIATION):
            for m in pattern.finditer(text):
                name = m.group("name")
                if pattern in (_BEFORE_ABBREVIATION, _AFTER_ABBREVIATION) and name in PREFIX_WORDS:
                    continue
                if pattern is _SPEAKER and len(name) > 1:
                    # a longer speaker opens with a family name of two kanji or three (19:05 宮内：); a word of
                    # the log (10:00 開始：) opens with none; a title after the name stays out (金井師長：)
                    title = next((t for t in _TITLES if name.endswith(t) and len(name) > len(t)), "")
                    if any(can_be_surname(name[:n]) for n in (2, 3) if n <= len(name) - len(title)):
                        start = m.start("name")
                        found.append(Candidate(start, m.end("name") - len(title), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
                    continue
                if can_be_surname(name):
                    found.append(Candidate(*m.span("name"), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        return found
