"""A name typed or scanned with a space between its letters, before an honorific: 嶋 田 み ゆ き 様.

Forms filled in by hand and then scanned, or typed to fill a fixed-width box,
put a space (two between family and given name) after every letter. Three to
ten single Japanese letters spaced so, right before 様, さん, 殿, 氏, 君 or
ちゃん, are a person's name, whatever a dictionary makes of the letters.
Without an honorific, the letters read together must be a family name
SudachiDict knows followed by given names or unknown words.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import JAPANESE_LETTERS
from phi_core.japanese.honorifics import alternation, words
from phi_core.nlp.loaders import sudachi_available
from phi_core.nlp.morphemes import morphemes

from .person_context import person_category
from .sudachi_names import RANK_SUPPLEMENT

_HONORIFICS = words("person")
_LETTER = f"[{JAPANESE_LETTERS}々]"
_SPACED_BEFORE_HONORIFIC = re.compile(
    rf"(?:^|(?<=[\s：:、。,，（(「『]))(?P<name>{_LETTER}(?:(?: {{1,3}}|\u3000){_LETTER}){{2,9}})"
    rf"[ \u3000]?(?:{alternation(words('person'))})",
    re.MULTILINE,
)


# The same letters with no honorific after them (宮 良 勝 男（ミヤラ カツオ）, ＝ 仲 宗 根  拓（２４）):
# a name when the letters, read together, are a family name the dictionary knows and then given
# names or words it does not know; 検 査 結 果 and 診 断 名 read as common words.
_SPACED_RUN = re.compile(
    rf"(?:^|(?<=[\s：:、。,，（(「『＝=]))(?P<name>{_LETTER}(?:(?: {{1,3}}|\u3000){_LETTER}){{2,9}})"
    rf"(?=[\s、。,，）)」』（(]|$)",
    re.MULTILINE,
)


def _reads_as_a_name(letters: str) -> bool:
    if not sudachi_available():
        return False
    parts = morphemes(letters)
    if len(parts) < 2 or not (parts[0].is_person and parts[0].pos[3] == "姓"):
        return False
    return all(p.is_person or p.oov for p in parts[1:])


@register
class SpacedNameRecognizer(Recognizer):
    name: ClassVar[str] = "spaced-name"
    categories: ClassVar[tuple[str, ...]] = ("PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        if any(h in text for h in _HONORIFICS):
            found = [
                Candidate(*m.span("name"), person_category(text, *m.span("name")), RANK_SUPPLEMENT)
                for m in _SPACED_BEFORE_HONORIFIC.finditer(text)
            ]
        taken = {c.start for c in found}
        for m in _SPACED_RUN.finditer(text):
            start, end = m.span("name")
            if start not in taken and _reads_as_a_name(re.sub(r"\s", "", m.group("name"))):
                found.append(Candidate(start, end, person_category(text, start, end), RANK_SUPPLEMENT))
        return found
