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
  (no unit after it);
- ``整形外科外来 内 2310``: 内 standing alone before the number, the switchboard's short hand for 内線;
- ``内線 6301-6309``: both ends of a range of extensions;
- ``医師PHS 整外 吉岡 6215``, ``内線つなぐなら 3312 でも可``: a few short words between the phone word and
  the number (a desk, a person, a clause), the number standing alone after them;
- ``内線 324l``, ``内線  5l52``: a scanned number whose 1 or 0 was read as a letter (l, I, O);
- the numbers in a call log's calling and called columns (recognition.extension_columns).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.extension_columns import extension_cells
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
_END = r"(?=[ \u3000]|$|[/／、,，。）)｜|])"
# 内 alone (after a space, a bar or a bracket) is 内線 cut short on a switchboard's slip.
_ABBREVIATED = re.compile(
    rf"(?<![^\s｜|/／（(、,，:：])内[ \u3000]?(?P<n>[0-9０-９]{{3,5}}){_UNIT_AFTER}{_END}", re.MULTILINE
)
_RANGE = re.compile(
    rf"{_PHONE_WORD}(?:番号)?[ \u3000]?[:：]?[ \u3000]?(?P<a>[0-9０-９]{{3,5}})[ \u3000]?[-~〜～－][ \u3000]?"
    r"(?P<b>[0-9０-９]{3,5})(?![0-9０-９\-])"
)
# Up to three short words between a phone word and its number: no digit, no punctuation that closes an item.
_AFTER_WORDS = re.compile(
    r"(?:PHS|ＰＨＳ|内線|ピッチ|院内携帯)[:：]?"  # (a list's label too: PHS：篠原 6011／石井 6034)
    r"(?:[ \u3000]?[^\s0-9０-９,，、。:：;；/／()（）｜|]{1,8}){1,3}"
    rf"[ \u3000](?P<n>[0-9０-９]{{3,5}}){_UNIT_AFTER}{_END}",
    re.MULTILINE,
)
# A scan reads 1 as l or I and 0 as O: three digits at least, the rest such letters, nothing glued after.
_SCANNED = re.compile(
    r"(?:内線|ﾅｲｾﾝ|PHS|ＰＨＳ)[ \u3000]*[:：]?[ \u3000]*"
    r"(?P<n>(?=(?:[lIO]*[0-9]){3})(?=[0-9]*[lIO])[0-9lIO]{3,5})(?![0-9A-Za-z])"
)
_NUMBER = re.compile(rf"(?<![0-9０-９.\-/:])[0-9０-９]{{3,5}}{_UNIT_AFTER}(?!\.[0-9])")


def _listed_after(text: str, m: re.Match[str]) -> list[tuple[int, int]]:
    """Numbers of the same width that close the next items of the list an extension opens."""
    out, width, end = [], len(m.group("n")), m.end()
    while (item := _LISTED.match(text, end)) is not None and len(item.group("n")) == width:
        out.append(item.span("n"))
        end = item.end()
    return out


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
            spans += _listed_after(text, m)
        for m in _RANGE.finditer(text):
            if len(m.group("a")) == len(m.group("b")):
                spans += [m.span("a"), m.span("b")]
        for pattern in (_ABBREVIATED, _AFTER_WORDS):
            for m in pattern.finditer(text):
                spans += [m.span("n"), *_listed_after(text, m)]
        spans += [m.span("n") for m in _SCANNED.finditer(text)]
        spans += extension_cells(text)
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
