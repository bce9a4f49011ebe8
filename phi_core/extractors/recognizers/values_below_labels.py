"""An age or a sex alone on the line under its label alone on its line: 年齢⏎45, Sex:⏎F.

A form exported from a PDF, a screen copied field by field or a label printer puts each field's
name on one line and its value on the next. The label rules read a value after its label on the
same line; here the label fills its line (a colon and a unit in brackets at most: 年齢（歳）, Age (y):)
and the next line holds nothing but the value: an age of up to 120, with its unit or not, or a
sex code or word. A number under another label (体重⏎45) or a line with more on it (年齢⏎45 名中)
is left alone.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

_END = r"[ \t\u3000]*[:：]?[ \t\u3000]*\n[ \t\u3000]*"
_AGE_BELOW = re.compile(
    r"^[ \t\u3000]*(?:年齢|年令|(?i:age))(?:[ ]?[（(](?:歳|才|y|yrs?|years)[)）])?"
    + _END
    + r"(?P<value>[0-9０-９]{1,3}(?:歳|才|[ ]?(?:y|yrs?|years))?)[ \t\u3000]*$",
    re.MULTILINE,
)
_SEX_BELOW = re.compile(
    r"^[ \t\u3000]*(?:性別|性|(?i:sex|gender))"
    + _END
    + r"(?P<value>男性?|女性?|[MFＭＦ]|(?i:male|female))[ \t\u3000]*$",
    re.MULTILINE,
)


@register
class ValueBelowLabelRecognizer(Recognizer):
    name: ClassVar[str] = "value-below-label"
    categories: ClassVar[tuple[str, ...]] = ("AGE", "SEX")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        for m in _AGE_BELOW.finditer(text):
            digits = re.match(r"[0-9０-９]+", m.group("value")).group()
            if int(digits.translate(_FULL_DIGITS)) <= 120:
                found.append(Candidate(*m.span("value"), "AGE", RANK_SUPPLEMENT))
        found += [Candidate(*m.span("value"), "SEX", RANK_SUPPLEMENT) for m in _SEX_BELOW.finditer(text)]
        return found


_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
