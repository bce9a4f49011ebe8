"""Numbers a log or a list writes for a person without a label the rules know.

- A race bib after its word (``ｾﾞｯｹﾝ 5521``, ``ゼッケン番号 112``, ``Bib #77``), and a number after ``#``
  opening an entry right after its time (``15:09 #1034 Sarah…``), as aid-post and event logs name a
  runner or a participant by the number worn; a member's number after ``member``/``会員`` and ``#``
  (``member #0412``), the sign with it.
- The tail of an identifier (``ID末尾 ...88``, ``番号下4桁 2203``), as a writer who leaves the rest out
  still writes: the digits are part of the person's number. identifier_shape reads a tail of four digits
  or more; with the identifier's word before 末尾, two are enough.
- A phone written one digit to a box after its first group (``090-4 4 1 8-2 2 0 3``), as a form
  filled in by hand is read: the whole number.
- A time of four digits opening an item of a list (``- 1530 市医師会 打合せ``), where at least two items
  of the document open so: a day's schedule; a single one may be an amount or a year.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

_BIB = re.compile(
    r"(?:ゼッケン|ｾﾞｯｹﾝ|(?<![A-Za-z])(?:[Bb]ib|BIB))(?:番号|ﾊﾞﾝｺﾞｳ|[ ]?No\.?)?[ \u3000]?[:：#＃]?[ \u3000]?"
    r"(?P<v>[0-9]{1,6})(?![0-9.,]|[ \u3000]?(?:枚|個|着|人|名|本|円|kg|g))"
)
_HASH_AFTER_TIME = re.compile(r"(?m)^[ \u3000\t]*[0-2]?[0-9][:：][0-5][0-9][ \u3000\t]+(?P<v>[#＃][0-9]{2,6})(?![0-9])")
_MEMBER = re.compile(
    r"(?:(?<![A-Za-z])(?:[Mm]ember|MEMBER)|会員)[ \u3000]?(?:No\.?[ ]?)?(?P<v>[#＃][ ]?[0-9]{2,8})(?![0-9])"
)
_ID_TAIL = re.compile(
    r"(?:ID|番号|No\.?|カルテ)[ \u3000]?(?:末尾|下[0-9０-９一二三四五六]桁)[ \u3000]?[:：]?[ \u3000]?(?:\.{2,3}|…|･{2,3}|‥)?[ \u3000]?"
    r"(?P<v>[0-9]{2,6})(?![0-9])"
)
_BOXED_PHONE = re.compile(
    r"(?<![0-9])(?P<v>0[0-9]{1,4}[-‐－](?:[0-9][ \u3000]){1,4}[0-9][ \u3000]?[-‐－][ \u3000]?(?:[0-9][ \u3000]){3}[0-9])(?![0-9])"
)
_LIST_TIME = re.compile(r"(?m)^[ \u3000]*[-・*•][ \u3000]*(?P<v>(?:[01][0-9]|2[0-3])[0-5][0-9])(?=[ \u3000]+[^\s0-9])")
_AMOUNT_AFTER = re.compile(r"[ \u3000]*(?:mL|ml|g|kg|kcal|mg|円|年|人|名|件|歩|m\b|cc)")


@register
class LogNumberRecognizer(Recognizer):
    name: ClassVar[str] = "log-number"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_ID", "PATIENT_ID", "PHONE", "TIME")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = [Candidate(*m.span("v"), "OTHER_ID", RANK_SUPPLEMENT) for m in _BIB.finditer(text)]
        if "#" in text or "＃" in text:
            for pattern in (_HASH_AFTER_TIME, _MEMBER):
                found.extend(Candidate(*m.span("v"), "OTHER_ID", RANK_SUPPLEMENT) for m in pattern.finditer(text))
        if "末尾" in text or "桁" in text:
            found.extend(Candidate(*m.span("v"), "OTHER_ID", RANK_SUPPLEMENT) for m in _ID_TAIL.finditer(text))
        found.extend(Candidate(*m.span("v"), "PHONE", RANK_SUPPLEMENT) for m in _BOXED_PHONE.finditer(text))
        times = [m for m in _LIST_TIME.finditer(text) if not _AMOUNT_AFTER.match(text, m.end("v"))]
        if len(times) >= 2:
            found.extend(Candidate(*m.span("v"), "TIME", RANK_SUPPLEMENT) for m in times)
        return found
