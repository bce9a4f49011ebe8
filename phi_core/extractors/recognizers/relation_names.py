"""A relative named after the relation, apart from it: in brackets, or after a space before a particle.

- in brackets with an age after it: ``上の子（湊、3歳）``, ``長男（ハルト、5歳）``;
- a whole name in brackets, the relation maybe with its honorific: ``妻（北畑 ゆかり）``,
  ``娘さん(髙橋 真理)``, ``奥さん（北畑 ゆかり）応答`` (the family name a listed one or no common word);
- a whole name written apart after the relation, before a particle or the clause's end: ``夫 田 志強 は``;
- a given name alone between the relation and an honorific: ``ご主人の 誠 さん``, ``奥様（彩 様）``.

Whose name it is follows the relation: a contact's (EMERGENCY_CONTACT). A word
the dictionary knows only as something else (本人, 健常) names nobody.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import can_be_surname
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, LONG_VOWEL, UNIFIED_KANJI
from phi_core.japanese.honorifics import RELATIONS, alternation, words

from .glued_names import NOT_GIVEN, common_word
from .sudachi_names import RANK_SUPPLEMENT

_KANJI_RUN = f"[{UNIFIED_KANJI}々]"
_SPACED_NAME = re.compile(
    rf"(?:{alternation(RELATIONS)})[ \u3000](?P<name>{_KANJI_RUN}{{1,3}}[ \u3000]{_KANJI_RUN}{{1,3}})"
    r"(?=[ \u3000]?(?:は|が|を|に|と|も|より|から)|[、，,）)\n]|$)"
)
_BRACKETED_WITH_AGE = re.compile(
    rf"(?:{alternation(RELATIONS)})[（(](?P<name>{_KANJI_RUN}{{1,4}}|[{HIRAGANA_LETTERS}]{{2,5}}|[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{2,8}})"
    r"[、,，][ \u3000]?[0-9０-９]{1,3}(?:歳|才|か月|ヶ月|カ月)"
)
# Spoken relations with their honorific, as a call log writes them (お母さん; the polite ones, 奥さん, ご主人, are
# relations of their own). In a child's record お母さん is how everyone speaks of the mother, so it counts only here.
_SPOKEN_RELATIONS = ("お母さん", "お父さん")
# A given name alone between the relation and an honorific, a blank or a bracket apart (ご主人の 誠 さん, 奥様（彩 様）).
_GIVEN_BEFORE_HONORIFIC = re.compile(
    rf"(?:{alternation(RELATIONS)})の?(?:[ \u3000]|[（(])"
    rf"(?P<name>{_KANJI_RUN}{{1,3}}|[{HIRAGANA_LETTERS}]{{2,4}}|[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{2,6}})"
    rf"[ \u3000]?(?P<honorific>{alternation(words('person'))})"
)
_WORD_GOES_ON = re.compile(f"[{UNIFIED_KANJI}の]")  # after 様: 同様の, 多様な are words, not an honorific
_BRACKETED_FULL_NAME = re.compile(
    rf"(?:{alternation(RELATIONS + _SPOKEN_RELATIONS)})(?:さん|様)?[（(]"
    rf"(?P<family>{_KANJI_RUN}{{1,3}})[ \u3000](?P<given>{_KANJI_RUN}{{1,3}}|[{HIRAGANA_LETTERS}]{{2,4}}|[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{2,6}})"
    r"[)）]"
)


def _family_like(word: str) -> bool:
    """A listed family name, or a word the dictionary has no common noun for (北畑 as a place, 髙橋 unknown)."""
    from phi_core.nlp.loaders import sudachi_available, sudachi_lookup

    if can_be_surname(word):
        return True
    return sudachi_available() and not any(pos[1] == "普通名詞" for pos in sudachi_lookup(word))


@register
class RelationNameRecognizer(Recognizer):
    name: ClassVar[str] = "relation-name"
    categories: ClassVar[tuple[str, ...]] = ("EMERGENCY_CONTACT",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found: list[Candidate] = []
        for m in _SPACED_NAME.finditer(text):
            first = re.split("[ \u3000]", m.group("name"))[0]
            if (len(first) == 1 and first in NOT_GIVEN) or (len(first) > 1 and common_word(first)):
                continue
            found.append(Candidate(*m.span("name"), "EMERGENCY_CONTACT", RANK_SUPPLEMENT))
        for m in _BRACKETED_WITH_AGE.finditer(text):
            name = m.group("name")
            if len(name) == 1 and name in NOT_GIVEN or len(name) > 1 and common_word(name):
                continue
            found.append(Candidate(*m.span("name"), "EMERGENCY_CONTACT", RANK_SUPPLEMENT))
        for m in _GIVEN_BEFORE_HONORIFIC.finditer(text):
            if m.group("honorific") == "様" and _WORD_GOES_ON.match(text, m.end()):
                continue
            if m.group("name") not in NOT_GIVEN:
                found.append(Candidate(*m.span("name"), "EMERGENCY_CONTACT", RANK_SUPPLEMENT))
        for m in _BRACKETED_FULL_NAME.finditer(text):
            if _family_like(m.group("family")):
                found.append(Candidate(m.start("family"), m.end("given"), "EMERGENCY_CONTACT", RANK_SUPPLEMENT))
        return found
