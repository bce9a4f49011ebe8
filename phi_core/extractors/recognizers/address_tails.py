"""Addresses in forms the address rule cuts short or leaves out (recall-first).

- a block number written after a space, with the building and its room that may follow: 群馬県太田市西本町
  17-5 コーポ西本201 (the rule stops at the town); only after a city, ward or county word, and not
  before a unit (区域 2-3 cm);
- a coined city's town and block glued on: せせらぎ市本町1-4-22;
- a block number after 丁目 joined by any dash and in any width, or by の: 桐生市相生町3丁目２２１−７,
  川口市芝塚原2丁目7の15, 経塚２丁目１４番地の３; a town and its 丁目 in kanji numerals: 健軍四丁目町内会;
- a block number broken across lines at its dash: 前原西５丁目２２－⏎６;
- a postal code ending its line and the address on the next: the line break is inside the address
  (the mark 〒 itself stays outside, as the guidelines say, however some writers marked it);
- the value of a field that names where a person moves to or lives, a city alone or abroad:
  移住先：上海市浦东新区, 転居先 Seattle, WA, USA (a place word or Latin places apart by commas; a
  shelter's name is left alone, the writers mark it one time in five).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import DIGIT, HIRAGANA_LETTERS, KANJI, KATAKANA

from .sudachi_names import RANK_SUPPLEMENT

_LETTERS = f"{KANJI}{HIRAGANA_LETTERS}{KATAKANA}"
_DASH = "-－‐−ー"
_BLOCK = rf"[{DIGIT}]{{1,5}}(?:[{_DASH}][{DIGIT}]{{1,5}}){{1,3}}"
_BUILDING = (
    rf"[{_LETTERS}A-Za-z][{_LETTERS}A-Za-z・]{{0,15}}[ \u3000]?(?:[A-Z][{_DASH}]?)?[{DIGIT}]{{2,5}}(?:号室|号|室)?"
)
_SPACED_BLOCK = re.compile(
    rf"(?<![{_LETTERS}])(?P<place>[{KANJI}]{{1,5}}(?:都|道|府|県)?[{KANJI}{HIRAGANA_LETTERS}]{{0,5}}(?:市|区(?![間域分画切])|郡)"
    rf"[{_LETTERS}]{{1,10}})[ \u3000]{{1,2}}(?P<block>{_BLOCK})(?:[ \u3000](?P<building>{_BUILDING}))?"
    rf"(?![{DIGIT}.．]|[ \u3000]?(?:mm|cm|m|km|%|％|回|日|時|分|歳|才|個|本|枚|件|名|人|週|か月|ヶ月))"
)
# A city of any script with its town and the block glued on (せせらぎ市本町1-4-22, 汐見市鵠沼松が岡3-15-9): a coined
# city the dictionary does not know is still a city before a town and a block.
_GLUED_BLOCK = re.compile(
    rf"(?<![{_LETTERS}])(?:[{KANJI}]{{1,5}}|[{HIRAGANA_LETTERS}]{{2,6}}|[{KATAKANA}]{{2,6}})(?:市|(?<![地学管])区|郡)"
    rf"[{_LETTERS}]{{1,10}}{_BLOCK}"
    rf"(?![{DIGIT}.．]|[ \u3000]?(?:mm|cm|m|km|mg|%|％|回|日|時|分|歳|才|個|本|枚|件|名|人|週|か月|ヶ月|錠|包))"
)
_CHOME_BLOCK = re.compile(
    rf"[{DIGIT}]{{1,3}}丁目[{DIGIT}]{{1,5}}(?:(?:[{_DASH}]|番地?の|の)[{DIGIT}]{{1,5}}){{1,3}}"
    # A town and its 丁目 in kanji numerals stand for the address alone: 健軍四丁目町内会, 健軍四丁目公園.
    rf"|[{KANJI}]{{1,4}}?[一二三四五六七八九十]{{1,2}}丁目"
)
# A postal code ending its line and the address opening the next (〒231-0023⏎神奈川県横浜市…): one
# address, the line break inside it; the proposal runs to the city word so that it holds the break.
_CODE_THEN_LINE = re.compile(
    rf"(?<=〒)[ \u3000]?[{DIGIT}]{{3}}[{_DASH}][{DIGIT}]{{4}}[ \u3000]*\n[ \u3000]*"
    rf"[{KANJI}]{{1,4}}(?:都|道|府|県|市|区|郡)"
)
# A block number broken across lines at its dash, as a form's narrow field or a scan breaks it
# (前原西５丁目２２－⏎６): the digits opening the next line finish the address. The proposal holds the word
# before the block, so that it reads as part of an address (digits alone are a clinical number to the allow-list).
_BROKEN_BLOCK = re.compile(
    rf"(?:丁目|番地?|[{KANJI}](?<![年月日時分回歳才号]))[{DIGIT}]{{1,5}}(?:[{_DASH}][{DIGIT}]{{1,5}})*[{_DASH}][ \u3000]*\n"
    rf"[ \u3000]*[{DIGIT}]{{1,5}}(?:[{_DASH}][{DIGIT}]{{1,5}}){{0,2}}(?![{DIGIT}.．:：/])"
)
# ... on a line that names a town (a pressure or a range broken at its dash is no address: 血圧120-⏎80).
_TOWN_WORD = re.compile(rf"[{KANJI}](?:都|道|府|県|市|区|郡|町|村)|丁目|番地")
_MOVE_LABELS = (
    "転居先", "移住先", "転居予定先", "引越し先", "引っ越し先", "帰国先", "移転先", "新住所", "旧住所", "現住所",
    "居住地", "滞在先", "住所",
)  # fmt: skip
_LATIN_PLACE = r"[A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,2}"
_MOVED_TO = re.compile(
    rf"(?:{'|'.join(_MOVE_LABELS)})[ \u3000]*(?:[：:]|は|[（(])?[ \u3000]*"
    rf"(?:(?P<ja>[{KANJI}]{{1,6}}(?:都|道|府|県|市|省|州|区|郡|町|村)[{KANJI}{HIRAGANA_LETTERS}{KATAKANA}]{{0,12}})"
    rf"|(?P<latin>{_LATIN_PLACE}(?:, {_LATIN_PLACE}){{1,3}}))(?=[（(\s、。,，]|$)"
)


@register
class AddressTailRecognizer(Recognizer):
    name: ClassVar[str] = "address-tail"
    categories: ClassVar[tuple[str, ...]] = ("ADDRESS",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = [Candidate(*m.span(), "ADDRESS", RANK_SUPPLEMENT) for m in _SPACED_BLOCK.finditer(text)]
        found += [Candidate(*m.span(), "ADDRESS", RANK_SUPPLEMENT) for m in _GLUED_BLOCK.finditer(text)]
        if "丁目" in text:
            found.extend(Candidate(*m.span(), "ADDRESS", RANK_SUPPLEMENT) for m in _CHOME_BLOCK.finditer(text))
        if "〒" in text:
            found.extend(Candidate(*m.span(), "ADDRESS", RANK_SUPPLEMENT) for m in _CODE_THEN_LINE.finditer(text))
        for m in _BROKEN_BLOCK.finditer(text):
            if _TOWN_WORD.search(text, text.rfind("\n", 0, m.start()) + 1, m.start() + 2):
                found.append(Candidate(*m.span(), "ADDRESS", RANK_SUPPLEMENT))
        for m in _MOVED_TO.finditer(text):
            group = "ja" if m.group("ja") else "latin"
            found.append(Candidate(*m.span(group), "ADDRESS", RANK_SUPPLEMENT))
        return found
