"""A person's seat after its word, and a chart number glued to the chart's word.

- A seat (on a flight, a bus, in a hall) is a row and a letter after the seat's word, in Japanese,
  its half-width reading or English: ``Seat 座席: 34K``, ``ｻﾞｾｷ 51C``, ``本人座席 26C``, ``座席番号 12A``.
  A seat says where one traveller sat (contact tracing reads it), so it is the person's own number.
  Seats listed as a range around it (``前後2列（24A〜28F）``) have no word of their own and stay; a seat
  without a letter (``座席 2列``) is a count.
- A chart number written straight after the word カルテ, or after it with one blank (``（カルテ1187）``,
  ``カルテ 00412``): three digits or more, standing alone (``カルテ2枚``, ``カルテ3冊`` are counts).
- A chair's or a bed's code: one capital letter, a hyphen and a number padded with its zero (``C-01``,
  ``B-02``, scanned ``C-O4``), standing alone in a row, a bracket or after its word. The zero says it is
  a place in a numbered set, not a vertebra (C5, Th-12) or a stage; a code that ends a range
  (``空き：C-05〜C-12``) lists free places, and a form's number (``様式R-07``) is no one's. A device's code
  is no place either: one with its serial in brackets after it (``H-02（C3P-0710191）``: a lent device),
  or one after a word of a device or an error on its line (``カメラ：C-07``, ``エラー 7件（E-02 体動）``).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import JAPANESE_LETTERS

from .sudachi_names import RANK_SUPPLEMENT

_SEAT = re.compile(
    r"(?:座席(?:番号)?|ｻﾞｾｷ(?:ﾊﾞﾝｺﾞｳ)?|(?<![A-Za-z])(?i:seat)(?:[ \t]?(?:No\.?|number|#))?)"
    r"[ \t\u3000]*[:：]?[ \t\u3000]*(?P<value>[0-9０-９]{1,3}[A-KＡ-Ｋ])(?![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])"
)
_CHART = re.compile(
    rf"カルテ[ \u3000]?(?:[#＃][ \u3000]?)?(?P<value>[0-9０-９]{{3,}})(?![0-9０-９A-Za-z.\-{JAPANESE_LETTERS}々])"
)

_PLACE_CODE = re.compile(
    r"(?<![0-9A-Za-z\-_/〜~～])(?<!様式)(?<!Lot )(?<!LOT )[A-Z]-[0O][0-9O](?![0-9A-Za-z\-_/.〜~～])(?![ ]?[〜~～])"
)

# A device's serial in brackets after the code; a word of a device or an error before it on its line.
_SERIAL_AFTER = re.compile(r"[ \t]?[（(][A-Za-z0-9]+-?[0-9]{4,}")
_DEVICE_BEFORE = re.compile(r"(?:カメラ|エラー|警報|アラーム|(?i:camera|error|alarm))[^\n]{0,12}$")


def _a_place(text: str, m: re.Match[str]) -> bool:
    if _SERIAL_AFTER.match(text, m.end()):
        return False
    return _DEVICE_BEFORE.search(text, max(0, m.start() - 30), m.start()) is None


@register
class SeatNumberRecognizer(Recognizer):
    name: ClassVar[str] = "seat-number"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_ID", "PATIENT_ID")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        if "座席" in text or "ｻﾞｾｷ" in text or "eat" in text or "EAT" in text:
            found.extend(Candidate(*m.span("value"), "OTHER_ID", RANK_SUPPLEMENT) for m in _SEAT.finditer(text))
        if "カルテ" in text:
            found.extend(Candidate(*m.span("value"), "PATIENT_ID", RANK_SUPPLEMENT) for m in _CHART.finditer(text))
        if "-" in text:
            found.extend(
                Candidate(*m.span(), "OTHER_ID", RANK_SUPPLEMENT)
                for m in _PLACE_CODE.finditer(text)
                if _a_place(text, m)
            )
        return found
