"""A person's name as one part of a file name or a path: /scan/上妻十堂院源之茜_同意書_20261203.pdf.

Scanners, exports and shared folders name files after the patient. In a
token that is a file name or a path (it holds a slash, a backslash or ends in
an extension), a part between the separators / \\ _ - that is written in kanji
(or kana) and starts with a family name the dictionary knows is a name, all of
it: given names in file names are often ones no dictionary has. Parts that are
words (同意書, 紹介状, 検査結果) do not start with a family name, or are common
words as a whole.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import can_be_surname
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, LONG_VOWEL, UNIFIED_KANJI
from phi_core.nlp.loaders import sudachi_available, sudachi_lookup

from .sudachi_names import RANK_SUPPLEMENT

# A path or a file name: no spaces, with a separator or an extension.
_PATH = re.compile(
    r"[^\s「」『』（）()、。,，:：;；\"'<>|｜]*(?:[/\\][^\s「」『』（）()、。,，:：;；\"'<>|｜]+|\.[A-Za-z0-9]{2,4})(?![A-Za-z0-9])"
)
_PART = re.compile(
    f"(?<![^/\\\\_\\-])(?P<part>[{UNIFIED_KANJI}々][{UNIFIED_KANJI}々{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{1,9}})"
    r"(?=[/\\_\-.]|$)"
)


def _a_name(part: str) -> bool:
    entries = sudachi_lookup(part) if sudachi_available() else []
    if entries:  # a word the dictionary has whole: a name (与那覇) or not (同意書, 紹介状)
        return any(pos[2] == "人名" for pos in entries)
    return any(can_be_surname(part[:size]) for size in (3, 2) if size < len(part))


@register
class PathNameRecognizer(Recognizer):
    name: ClassVar[str] = "path-name"
    categories: ClassVar[tuple[str, ...]] = ("PATIENT_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if "/" not in text and "\\" not in text and "_" not in text:
            return []
        found: list[Candidate] = []
        for path in _PATH.finditer(text):
            token = path.group()
            if not any(sep in token for sep in "/\\_"):
                continue
            for m in _PART.finditer(token):
                if _a_name(m.group("part")):
                    start = path.start() + m.start("part")
                    found.append(Candidate(start, start + len(m.group("part")), "PATIENT_NAME", RANK_SUPPLEMENT))
        return found
