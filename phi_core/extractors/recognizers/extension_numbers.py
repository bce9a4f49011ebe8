"""Internal telephone numbers the extension pattern does not read: by 番 or a bracket after a phone word,
and the numbers listed after an extension.

- ``病棟電話 4120 番``, ``PHS 7712番``, ``内線は 2418 番``: a phone word, then three to five digits
  with 番 after them (``電話 2 回`` is a count, and takes no 番);
- ``PHS 番号（7712）``, ``PHS（7123）``: the number in brackets after the phone word;
- after the phone words the rules' extension pattern does not know: ``ＰＨＳ ７１２３``, ``ピッチ 7123``,
  ``院内携帯 7123``, ``Pager #4471``, ``（内線）2455``;
- ``内線 2455 / 夜間 中央監視室 2400``, ``PHS 7123、7124``, ``内線：2455（夜間は 2400）``: after an extension,
  further numbers with as many digits that close an item of the same list or a bracket (a desk's
  number after the desk), and no unit after them;
- ``本部内線は 1190 に統一``, ``内線#1190``: after a phone word and the particle は or a number sign, which the rules'
  pattern does not step over;
- ``（旧 1100 は廃止）``, ``新番号は 1190``: a number of an extension's width after old or new (旧, 新, old, new),
  as a change of numbers is announced, and an extension's number written again anywhere in the document
  (no unit after it).
"""

from __future__ import annotations

import re
from typing import ClassVar

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

_PHONE_WORD = (
    r"(?:電話|内線|ナイセン|ﾅｲｾﾝ|PHS|ＰＨＳ|ピッチ|院内携帯|ポケベル|[（(]内線?[)）]"
    r"|(?<![A-Za-z])(?:ext|Ext|EXT|Tel|TEL|tel|[Pp]ager|PAGER|[Bb]eeper)\.?)"
)
_BY_BAN = re.compile(
    rf"{_PHONE_WORD}(?:番号)?[ \u3000]?(?:は|:|：)?[ \u3000]?(?P<n>[0-9０-９]{{3,5}})[ \u3000]?番(?!号|目|地)"
)
_IN_BRACKETS = re.compile(rf"{_PHONE_WORD}[ \u3000]?(?:番号)?[ \u3000]?[（(](?P<n>[0-9０-９]{{3,5}})[）)]")
_EXTENSION = re.compile(
    rf"{_PHONE_WORD}(?:番号)?[ \u3000]?(?P<particle>は)?(?P<sep>[:：#＃])?[ \u3000]?(?P<n>[0-9０-９]{{3,5}})(?![0-9０-９\-]|[ \u3000]?(?:回|件|円|分|秒|人|名))"
)
# Phone words the extension pattern of the rules does not know: a full-width PHS, ピッチ, a hospital
# mobile, a pager, 内線 in brackets before the number.
_OTHER_WORDS = re.compile(r"ＰＨＳ|ピッチ|院内携帯|ポケベル|[（(]内線?[)）]|(?<![A-Za-z])(?:[Pp]ager|PAGER|[Bb]eeper)")
# Items of the same line after the first extension: "/ 夜間 中央監視室 2400", "、7124".
_LISTED = re.compile(
    r"[ \u3000]?[/／、,，・（(][ \u3000]?(?:[^\s/／、,，・（()）0-9０-９]{1,12}[ \u3000]?){0,3}"
    r"(?P<n>[0-9０-９]{3,5})(?=[ \u3000]*(?:$|[/／、,，・）)]))",
    re.MULTILINE,
)

_UNIT_AFTER = r"(?![0-9０-９\-]|[ \u3000]?(?:回|件|円|分|秒|人|名|年|月|日|時|歳|才|床|mg|ml|mL|g|%|％))"
_OLD_OR_NEW = re.compile(
    r"(?:旧|新|(?<![A-Za-z])(?:old|new|Old|New))(?:番号|内線|number)?[ \u3000]?(?:は|:|：)?[ \u3000]?"
    rf"(?P<n>(?<![0-9０-９])[0-9０-９]{{3,5}}){_UNIT_AFTER}"
)
_NUMBER = re.compile(rf"(?<![0-9０-９.\-/:])[0-9０-９]{{3,5}}{_UNIT_AFTER}(?!\.[0-9])")


@register
class ExtensionNumberRecognizer(Recognizer):
    name: ClassVar[str] = "extension-number"
    categories: ClassVar[tuple[str, ...]] = ("FACILITY_PHONE",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        spans = []
        if "番" in text:
            spans += [m.span("n") for m in _BY_BAN.finditer(text)]
        if "(" in text or "（" in text:
            spans += [m.span("n") for m in _IN_BRACKETS.finditer(text)]
        for m in _EXTENSION.finditer(text):
            if _OTHER_WORDS.match(text, m.start()) or m.group("particle") or m.group("sep") in ("#", "＃"):
                spans.append(m.span("n"))
            width, end = len(m.group("n")), m.end()
            while (item := _LISTED.match(text, end)) is not None and len(item.group("n")) == width:
                spans.append(item.span("n"))
                end = item.end()
        # Where the rules' extension pattern reads the number itself, its span is theirs.
        read = {m.span("n") for m in _EXTENSION.finditer(text)}
        numbers = {text[s:e] for s, e in spans} | {text[s:e] for s, e in read}
        if numbers:
            widths = {len(n) for n in numbers}
            for m in _OLD_OR_NEW.finditer(text):
                if len(m.group("n")) in widths:
                    spans.append(m.span("n"))
            for m in _NUMBER.finditer(text):
                if m.group() in numbers and m.span() not in read:
                    spans.append(m.span())
        return [Candidate(s, e, "FACILITY_PHONE", RANK_SUPPLEMENT) for s, e in set(spans)]
