"""Telephone numbers typed with a dash the phone patterns do not take: ー, ｰ, —, –, ・ or dots.

A kana keyboard turns the hyphen into the long vowel mark (``090ー1234ー5678``, ``03ｰ3456ｰ7890``), and
forms from abroad write ``090.1234.5678``. The same mark twice between three groups, ten or eleven
digits in all and a leading 0 (not 00) keep it a Japanese number, not a code or a decimal.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.width import nfkc

from .sudachi_names import RANK_SUPPLEMENT

_MARKS = "ーｰ—–・.．"
_PHONE = re.compile(
    rf"(?<![0-9０-９{_MARKS}])[0０][0-9０-９]{{1,4}}(?P<mark>[{_MARKS}])[0-9０-９]{{1,4}}(?P=mark)[0-9０-９]{{3,4}}"
    rf"(?![0-9０-９]|[{_MARKS}][0-9０-９])"
)


def _phone_digits(value: str) -> bool:
    digits = re.sub("[^0-9]", "", nfkc(value))
    return 10 <= len(digits) <= 11 and not digits.startswith("00")


@register
class DashPhoneRecognizer(Recognizer):
    name: ClassVar[str] = "dash-phone"
    categories: ClassVar[tuple[str, ...]] = ("PHONE",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if not any(mark in text for mark in _MARKS):
            return []
        return [
            Candidate(*m.span(), "PHONE", RANK_SUPPLEMENT) for m in _PHONE.finditer(text) if _phone_digits(m.group())
        ]
