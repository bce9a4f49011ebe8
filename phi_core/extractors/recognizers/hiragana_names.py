"""A name written wholly in hiragana, family and given name apart, before an honorific: ほし のぞみちゃん.

Children's records, letters to families and notes read aloud write names in
hiragana (わたなべ そうたくん, なかむら とめさん). Two hiragana words set apart
by one space, the second written onto 様, さん, くん or ちゃん (or one space before it), are a person's
name when the first is one the dictionary can take as a noun or does not know:
an adverb, a pronoun or a conjunction standing first (まだ, みんな, それから) reads as
prose, not as a family name. A child's given name or a nickname alone before ちゃん or くん, opening after a quote,
a blank or の, is one too (「そう」ちゃん, 孫の さくら ちゃん), unless it is how a family calls its kin (おばあちゃん).
A family name in kanji with the given name in hiragana glued on counts before an honorific (高村ひなたちゃん).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import can_be_surname
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import HIRAGANA_LETTERS, KANJI, to_katakana
from phi_core.japanese.honorifics import KIN_CALLS, alternation, words
from phi_core.nlp.loaders import sudachi_available, sudachi_lookup
from phi_core.nlp.morphemes import morphemes

from .person_context import person_category
from .sudachi_names import RANK_SUPPLEMENT

_NAME = re.compile(
    rf"(?<![{HIRAGANA_LETTERS}])(?P<name>[{HIRAGANA_LETTERS}]{{2,5}}[ \u3000][{HIRAGANA_LETTERS}]{{2,5}}?)"
    rf"(?:{alternation(words('person'))}"
    # or a space before it, as name boards and cards set it apart (たなか ゆうと くん)
    rf"|[ \u3000](?:{alternation(words('person'))})(?![{HIRAGANA_LETTERS}]))"
)
# A child's given name or a nickname alone, in hiragana before ちゃん or くん, the word opening after a quote, a
# blank, の or a comma: 「そう」ちゃん, 孫の さくら ちゃん, “だい”ちゃん (not おばあちゃん or 赤ちゃん).
_CALLED = re.compile(
    rf"(?:(?<=[「“\"『 \u3000の、，,（(])|^)(?P<name>[{HIRAGANA_LETTERS}ー]{{2,4}})[」”\"』]?[ \u3000]?"
    rf"(?:{alternation(words('familiar'))})(?:(?![{HIRAGANA_LETTERS}])|(?=[がのはにをともへやで]))",
    re.MULTILINE,
)
# A family name in kanji with the given name in hiragana glued on, before an honorific (高村ひなたちゃん,
# 今井そうたくん): the kanji a family name the dictionary knows, the kana not a particle's ending.
_KANJI_FAMILY_KANA_GIVEN = re.compile(
    rf"(?<![{KANJI}々])(?P<family>[{KANJI}々]{{1,3}})(?P<given>[{HIRAGANA_LETTERS}]{{2,4}})"
    rf"(?<![のはがをにでともへやか])(?:{alternation(words('person'))})"
)
_PROSE = frozenset({"副詞", "接続詞", "感動詞", "連体詞", "代名詞", "助詞", "助動詞"})


def _can_be_family_name(word: str) -> bool:
    # The dictionary lists family names in katakana (オカダ), where the hiragana splits (お + かだ).
    if any(pos[1:4] == ("固有名詞", "人名", "姓") for pos in sudachi_lookup(to_katakana(word))):
        return True
    entries = sudachi_lookup(word)
    if entries:
        prose = any(pos[0] in _PROSE or pos[2] == "副詞可能" for pos in entries)  # みんな, いつも
        return any(pos[1] == "固有名詞" for pos in entries) or not prose
    return not any(m.pos[0] in _PROSE for m in morphemes(word))  # それから: それ + から


@register
class HiraganaNameRecognizer(Recognizer):
    name: ClassVar[str] = "hiragana-full-name"
    categories: ClassVar[tuple[str, ...]] = ("PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT")

    def find(self, doc: Document) -> list[Candidate]:
        if not sudachi_available():
            return []
        text = doc.text
        found: list[Candidate] = []
        for m in _NAME.finditer(text):
            family = re.split("[ \u3000]", m.group("name"))[0]
            if _can_be_family_name(family):
                start, end = m.span("name")
                found.append(Candidate(start, end, person_category(text, start, end), RANK_SUPPLEMENT))
        for m in _KANJI_FAMILY_KANA_GIVEN.finditer(text):
            if can_be_surname(m.group("family")) and not sudachi_lookup(m.group("family") + m.group("given")):
                start, end = m.start("family"), m.end("given")
                found.append(Candidate(start, end, person_category(text, start, end), RANK_SUPPLEMENT))
        for m in _CALLED.finditer(text):
            quoted = text[m.end("name") : m.end("name") + 1] in '」”"』'
            if text.startswith("と", m.end()) and not quoted:
                continue  # ごはんちゃんと食べて: ちゃんと (properly), no one's name
            if m.group("name") not in KIN_CALLS:
                start, end = m.span("name")
                found.append(Candidate(start, end, person_category(text, start, end), RANK_SUPPLEMENT))
        return found
