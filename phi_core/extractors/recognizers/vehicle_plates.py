"""Vehicle registration plates: 横浜 300 さ 12-34, 品川330み71-02, 湘南 500 る ・・・8, 袖ケ浦 480 く 23-09.

A car's number names its owner as surely as a telephone number: parking
permits, shuttle and transport logs, security reports and visitor lists carry
it. A Japanese plate is a place name (kanji or kana), a class number of two or
three digits (a letter may end it since 2017), one hiragana and a serial of up
to four digits written with a hyphen or with dots standing for leading
digits. The hiragana between two numbers is what no clinical value has.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, KANJI

from .sudachi_names import RANK_SUPPLEMENT

_SPACE = "[ \u3000]?"
# The kana of plates: every hiragana but お, し, へ, ん (never used on plates) and the particles の, と, を,
# も, や, which run between numbers in prose (胸部 30 の 12-14 mm). に is a plate's too (足立 330 に 70-05): between a
# class number of three digits and the serial, with the place before, no prose writes it.
_PLATE_KANA = "あいうえかきくけこさすせそたちつてなにぬねはひふほまみむめゆよらりるれろわ"
_PLATE = re.compile(
    rf"(?<![{KANJI}{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}])"
    # a place's name may hold a small ケ or ノ (袖ケ浦, 八戸ノ里)
    rf"(?:[{KANJI}](?:[ケヶノ]?[{KANJI}]){{0,3}}|[{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}]{{2,4}}){_SPACE}"
    rf"[0-9]{{2,3}}[A-Z]?{_SPACE}[{_PLATE_KANA}]{_SPACE}"
    r"(?:[0-9]{1,2}[-‐－][0-9]{2}|[・･.]{1,3}[0-9]{1,3})(?![0-9A-Za-z])"
    r"(?![ \u3000]?(?:mm|cm|mL|ml|mg|kg|%|％|日|月|年|回|個|歳|時|分))"
)


# After a word that says a plate follows, the class number may be left out (ナンバー 姫路 み 12-48).
_NAMED_PLATE = re.compile(
    rf"(?:ナンバー|車両番号|車番|[Pp]late)[ \u3000:：]*(?P<plate>[{KANJI}]{{1,4}}(?:{_SPACE}[0-9]{{2,3}})?{_SPACE}"
    rf"[{_PLATE_KANA}]{_SPACE}[0-9]{{1,2}}[-‐－][0-9]{{2}})(?![0-9A-Za-z])"
)


@register
class VehiclePlateRecognizer(Recognizer):
    name: ClassVar[str] = "vehicle-plate"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_ID",)

    def find(self, doc: Document) -> list[Candidate]:
        found = [Candidate(*m.span(), "OTHER_ID", RANK_SUPPLEMENT) for m in _PLATE.finditer(doc.text)]
        spans = {(c.start, c.end) for c in found}
        return found + [
            Candidate(*m.span("plate"), "OTHER_ID", RANK_SUPPLEMENT)
            for m in _NAMED_PLATE.finditer(doc.text)
            if m.span("plate") not in spans
        ]
