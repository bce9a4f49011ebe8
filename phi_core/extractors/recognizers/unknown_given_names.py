"""A family name, one space, and a given name no dictionary knows: 堀之内 ことね, 林 かのん, 上野 颯真.

Given names chosen today (ことね, かのん, 颯真) are missing from SudachiDict, so
the name recognizers that ask the dictionary keep the family name and drop
the rest, or find nothing when the family name is also a common word (林,
宮城). A word of two to four hiragana, two kanji or a short katakana word,
set apart by one space after a word the dictionary lists as a family name
and ending where a name ends, is that person's given name when the
dictionary knows no word spelled so: a clinical word, a particle or a verb
standing there is a word it knows (林 から, 森 なし, 上野 駅前).

On the development sets (blind-dev to blind-final17) every such pair the
form picks up was a labelled name.

A child called by a given name of one kanji before くん or ちゃん (空 くん, 颯くん) is named
too: one kanji there is a name unless it is a relation or a kin call (兄ちゃん, 赤ちゃん).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import can_be_surname
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, LONG_VOWEL, UNIFIED_KANJI
from phi_core.japanese.honorifics import RELATIONS, alternation, words
from phi_core.nlp.loaders import sudachi_available, sudachi_lookup

from .person_context import person_category
from .sudachi_names import RANK_SUPPLEMENT

_KANJI = f"[{UNIFIED_KANJI}々]"
_HONORIFICS = words("person")
_PAIR = re.compile(
    rf"(?<![{UNIFIED_KANJI}々{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}])(?P<family>{_KANJI}{{1,3}})[ \u3000]"
    rf"(?P<given>[{HIRAGANA_LETTERS}]{{2,4}}|{_KANJI}{{2}}|[{FULL_WIDTH_KATAKANA}][{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{1,5}})"
    rf"(?=[\s、。,.，．()（）/／:：|｜・」』]|{alternation(_HONORIFICS)}|$)"
)


_ONE_KANJI_CHILD = re.compile(
    rf"(?<![{UNIFIED_KANJI}々{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}])(?P<given>{_KANJI})[ \u3000]?(?:くん|ちゃん)"
)
# A relation or a kin call of one kanji before the child's honorific (兄ちゃん, 赤ちゃん, 坊ちゃん).
_NOT_A_CHILDS_NAME = frozenset(w for w in RELATIONS if len(w) == 1) | frozenset("赤坊嬢姐爺婆")


def _unknown_given(word: str) -> bool:
    # さんは, 様方: an honorific standing where the given name would be is no name
    if word.startswith(_HONORIFICS) or word[-1] in "様氏殿君":
        return False
    return not sudachi_lookup(word)


@register
class UnknownGivenNameRecognizer(Recognizer):
    name: ClassVar[str] = "unknown-given-name"
    categories: ClassVar[tuple[str, ...]] = ("PATIENT_NAME", "PHYSICIAN_NAME")

    def find(self, doc: Document) -> list[Candidate]:
        if not sudachi_available():
            return []
        text = doc.text
        found: list[Candidate] = []
        for m in _PAIR.finditer(text):
            start, end = m.span()
            given = m.group("given")
            # しほさん: the honorific glued after the given name stays outside it
            honorific = next((h for h in _HONORIFICS if given.endswith(h) and len(given) - len(h) >= 2), "")
            given, end = given[: len(given) - len(honorific)], end - len(honorific)
            if can_be_surname(m.group("family")) and _unknown_given(given):
                found.append(Candidate(start, end, person_category(text, start, end), RANK_SUPPLEMENT))
        for m in _ONE_KANJI_CHILD.finditer(text) if "くん" in text or "ちゃん" in text else ():
            if m.group("given") not in _NOT_A_CHILDS_NAME:
                start, end = m.span("given")
                found.append(Candidate(start, end, person_category(text, start, end), RANK_SUPPLEMENT))
        return found
