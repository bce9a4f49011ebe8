"""Who signed the rows of a log: the same family name ending several rows that hold values.

Logs of checks, screenings and infusions end each row with who did it, with or
without a column named above and whether or not the columns line up
(``8/22  02:50  大和田 晋の妻  36.3   堤``, ``7/8(水) 9:30 … 異常なし 遠山``,
``| 140/72 | 嶋``). A kanji word that ends at least two such rows (a digit on
each), set apart from what stands before it, and that the surname list or
SudachiDict gives as a family name, is a signature wherever it ends a row.
One kanji that opens phrases (中, 本, 他) or a status word (済, 可, 有) is never one.

A family name in lower-case romaji set apart by wide gaps in the middle of two
or more such rows is who took them (``11:15  okada     warfarin 2mg``), when
the dictionary does not know it as a word.
"""

from __future__ import annotations

from collections import defaultdict
from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import can_be_surname, known_word
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import UNIFIED_KANJI

from .romaji_words import is_romaji
from .single_kanji_names import PREFIX_WORDS
from .sudachi_names import RANK_SUPPLEMENT

_ROW_END = re.compile(
    rf"^(?P<row>.*[0-9０-９].*?[^\s{UNIFIED_KANJI}々|│])[ \t\u3000|│]+"
    rf"(?P<name>[{UNIFIED_KANJI}々]{{1,3}}(?:[ \u3000][{UNIFIED_KANJI}々]{{1,3}})?)[ \t\u3000|│]*$",
    re.MULTILINE,
)
_ROMAJI_CELL = re.compile(r"^(?=[^\n]*[0-9])[^\n]*?(?:  |\t)(?P<name>[a-z]{4,12})(?:  |\t)", re.MULTILINE)
_STATUS_WORDS = frozenset(
    "済 可 否 有 無 良 未 要 不 欠 休 出 退 入 外 在 済み 不可 不要 異常 正常 中止 完了 終了 確認 実施".split()
)


@register
class RowSignerRecognizer(Recognizer):
    name: ClassVar[str] = "row-signer"
    categories: ClassVar[tuple[str, ...]] = ("PHYSICIAN_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        rows: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for m in _ROW_END.finditer(doc.text):
            rows[m.group("name")].append(m.span("name"))
        for m in _ROMAJI_CELL.finditer(doc.text):
            rows["latin:" + m.group("name")].append(m.span("name"))
        found = []
        for name, places in rows.items():
            if name.startswith("latin:"):
                word = name[6:]
                if len(places) >= 2 and is_romaji(word) and not known_word(word):
                    found.extend(Candidate(s, e, "PHYSICIAN_NAME", RANK_SUPPLEMENT) for s, e in places)
                continue
            family = re.split("[ \u3000]", name)[0]
            if len(places) < 2 or name in _STATUS_WORDS or name in PREFIX_WORDS or not can_be_surname(family):
                continue
            found.extend(Candidate(start, end, "PHYSICIAN_NAME", RANK_SUPPLEMENT) for start, end in places)
        return found
