"""The second part of an insurance card's symbol and number written with a slash: 記号番号 12-345 / 987.

A health insurance card has a symbol (記号) and a number (番号); forms print them as one value after the
label 記号番号 or 記号・番号, split by a slash. The identifier rules take the first group (it has a hyphen
or enough digits); the short number after the slash looks like a count on its own and must be read
with the label before it. Only on the label's line, and only digits (a slash and a word is a remark).

A card's symbol may hold kanji or kana of the insurer's office or group (記号 長02 番号 113874,
記号 公立小　番号 540912): between the two labels on one line, whatever its letters, it is the symbol.
After the joined label a symbol in half-width kana or in kanji comes before the number (記号・番号 ｺｳﾄｳ 5・1182,
記号・番号 生野42・308771): the letters and the number are one value, not a name and a number.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import HALF_WIDTH_KATAKANA, KANJI

from .sudachi_names import RANK_SUPPLEMENT

_SYMBOL_NUMBER = re.compile(
    r"記号[・･/／]?番号[^\S\n]*[:：]?[^\S\n]*"
    r"(?P<symbol>[0-9０-９A-Za-zＡ-Ｚａ-ｚ][0-9０-９A-Za-zＡ-Ｚａ-ｚ\-－]*)[^\S\n]*[/／][^\S\n]*"
    r"(?P<number>[0-9０-９]{1,10})(?![0-9０-９.%])"
)

# The symbol between its label and the number's label on the same line; no word that says there is none.
# (the office's name and its group may stand a blank apart: 記号 浜中 12  番号 3088)
_BETWEEN_LABELS = re.compile(
    r"(?<![・･/／])記号[^\S\n]*[:：]?[^\S\n]*(?P<symbol>[^\s:：・･]{1,10}?(?:[ \u3000][0-9０-９lO]{1,6})?)[^\S\n]+番号(?![・･/／])"
)
# No symbol, or only the kind of insurer a national health insurance card prints (市国, 町国: a city's or
# a town's scheme, shared by all its members), which the annotators leave.
_NO_SYMBOL = frozenset({"なし", "無し", "無", "不明", "-", "－", "未記入", "空欄", "市国", "町国", "村国", "区国"})
# (or in kanji, the insurer's office: 記号・番号 生野42・308771, 被保険者記号・番号 都筑 25-3318, in a table's cell too)
_KANA_SYMBOL = re.compile(
    rf"記号[・･/／]?番号[^\S\n]*[:：|｜│]?[^\S\n]*"
    rf"(?P<value>(?:[{HALF_WIDTH_KATAKANA}]{{2,8}}|[{KANJI}]{{1,4}})[ \u3000]?[0-9０-９]{{1,8}}(?:[・･\-－][0-9０-９]{{1,10}})?)(?![0-9０-９])"
)


@register
class SymbolNumberRecognizer(Recognizer):
    name: ClassVar[str] = "symbol-number"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_ID",)

    def find(self, doc: Document) -> list[Candidate]:
        if "記号" not in doc.text:
            return []
        found = []
        for m in _SYMBOL_NUMBER.finditer(doc.text):
            found.append(Candidate(*m.span("symbol"), "OTHER_ID", RANK_SUPPLEMENT))
            found.append(Candidate(*m.span("number"), "OTHER_ID", RANK_SUPPLEMENT))
        for m in _BETWEEN_LABELS.finditer(doc.text):
            if m.group("symbol") not in _NO_SYMBOL:
                found.append(Candidate(*m.span("symbol"), "OTHER_ID", RANK_SUPPLEMENT))
        found.extend(Candidate(*m.span("value"), "OTHER_ID", RANK_SUPPLEMENT) for m in _KANA_SYMBOL.finditer(doc.text))
        return found
