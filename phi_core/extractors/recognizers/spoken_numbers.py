"""Telephone numbers read aloud and written down in kana: ぜろきゅうぜろの、よんよんいちはちの、にーにーさんなな.

Voicemail and call transcripts (speech to text, or a clerk writing down what
was said) spell a number digit by digit in kana, its groups joined by の and
a pause (、). A run of such digit words holding seven digits or more, or
four or more after a word for a telephone (電話は、ななさんの、よんごーいちきゅう),
is a phone number; a single number read as a quantity (はちじゅういち) has
tens (じゅう) and is no run of digits.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import HIRAGANA_LETTERS

from .sudachi_names import RANK_SUPPLEMENT

# Each digit as it is read out in a number, longest first (きゅう before きゅ, ぜろ, まる and れい for 0).
_DIGIT_WORDS = (
    "ぜろ", "まる", "れい", "いち", "にー", "に", "さん", "よん", "ごー", "ご", "ろく", "なな", "しち",
    "はち", "きゅう", "きゅー", "きゅ",
)  # fmt: skip
_DIGIT = "(?:" + "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True)) + ")"
_GROUP = rf"{_DIGIT}{{2,5}}"
_RUN = re.compile(
    rf"(?<![{HIRAGANA_LETTERS}])(?P<run>{_GROUP}(?:(?:の)?[、, ]?[ ]?{_GROUP}){{0,3}}(?:(?:の)?[、, ]?[ ]?{_DIGIT})?)(?![{HIRAGANA_LETTERS}])"
)
_PHONE_WORDS = re.compile(r"(?:電話|でんわ|携帯|けいたい|番号|ばんごう|折り返し|折返し)[^。\n]{0,12}$")


def _digits(run: str) -> int:
    return len(re.findall(_DIGIT, run))


@register
class SpokenNumberRecognizer(Recognizer):
    name: ClassVar[str] = "spoken-number"
    categories: ClassVar[tuple[str, ...]] = ("PHONE",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if not any(word in text for word in ("ぜろ", "まる", "なな", "よん", "はち", "きゅう")):
            return []
        found = []
        for m in _RUN.finditer(text):
            count = _digits(m.group("run"))
            cue = _PHONE_WORDS.search(text, max(0, m.start() - 24), m.start())
            if count >= 7 or (count >= 4 and cue):
                found.append(Candidate(*m.span("run"), "PHONE", RANK_SUPPLEMENT))
        return found
