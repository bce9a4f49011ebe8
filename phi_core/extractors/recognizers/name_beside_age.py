"""Who is named right before their age or sex, and family names typed with a space inside.

- A name-shaped run (kanji words, or katakana words, one space between at
  most; a given name may be kana, ヨシ子 or はるか) right before an age or a sex code and an age: "森永 剛　M　68y",
  "川原 ヨネさん（94歳）", "宍戸 敏夫  82M". Without a space inside, the run must
  start with a word SudachiDict calls a proper noun or does not know (症例 68歳,
  患者 男性 are common words).
- A family name typed or scanned with a space between its two kanji
  (薬剤師 畑 中, 看護職員 浅 野) when the two together are a known surname.
- A name in capitals opening a roster's row before its sex and age: "DANG QUOC BAO 　　男 27".
- A relative named in brackets after the relation, however short the name:
  夫（隆）, 長男（翔太・会社員）, or after it and a space: 夫 昭 さん, 長女 さやか, 夫 Piotr へ.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import surnames
from phi_core.extractors.recognition.prose_names import _RELATION_WORDS_RE
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, KANJI, LONG_VOWEL
from phi_core.japanese.honorifics import alternation, words
from phi_core.nlp.morphemes import document_morphemes

from .person_context import person_category
from .sudachi_names import BEFORE_CUES, RANK_SUPPLEMENT

_KATA = f"[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]"
_HONORIFIC = alternation(words("person"))
_AGE = r"[0-9０-９]{1,3}(?:歳|才|y|Y)(?![A-Za-z])"
_SEX = r"(?:男性|女性|男|女|M|F)"
_BESIDE_AGE = re.compile(
    rf"(?:^|(?<=[\s、。,，:：()（）]))"
    rf"(?P<name>[{KANJI}]{{1,4}}[ \u3000](?:[{KANJI}]{{1,3}}|{_KATA}{{1,5}}[子江代枝恵美]?|[{HIRAGANA_LETTERS}]{{2,4}})"
    rf"|[{KANJI}]{{2,4}}|{_KATA}{{2,8}}[ \u3000]{_KATA}{{2,8}})"
    rf"(?:{_HONORIFIC})?(?:[ \u3000]*[（(]{_AGE}|[ \u3000]+{_AGE}|[ \u3000]+{_SEX}[ \u3000、,/／]+{_AGE}|[ \u3000]+[0-9]{{1,3}}[MF](?![A-Za-z]))",
    re.MULTILINE,
)
_RELATIVE_IN_BRACKETS = re.compile(
    _RELATION_WORDS_RE
    + rf"[（(](?P<name>[{KANJI}]{{1,4}}|[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}{HIRAGANA_LETTERS}]{{2,6}})(?=[)）・、,，/／])"
)
# A relative named after the relation word and a space: 夫 昭 さん, 長女 さやか, 夫 Piotr へ説明.
_RELATIVE_AFTER_SPACE = re.compile(
    _RELATION_WORDS_RE
    + rf"[ \u3000](?P<name>[{KANJI}]{{1,3}}|[{HIRAGANA_LETTERS}]{{2,4}}|{_KATA}{{2,8}}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    + rf"(?=[ \u3000]?(?:{_HONORIFIC})|[ \u3000]?[へにがはとの](?![{HIRAGANA_LETTERS}])|[、,，（(）)]|$)",
    re.MULTILINE,
)
# A name in capital letters opening a row, then its sex and age as a roster sets them out: K0416-04 DANG QUOC BAO
# 男 27 (two words or more, so that an acronym alone, CT 男 27, is none).
_CAPITALS_BESIDE_SEX = re.compile(
    r"(?:^|(?<=[ \u3000\t]))(?P<name>[A-Z]{2,}(?: [A-Z]{2,}){1,3})[ \u3000\t]+(?:男|女|M|F)[ \u3000\t]+[0-9]{1,3}(?![0-9.])",
    re.MULTILINE,
)
_VERBAL = ("サ変可能", "形状詞可能", "副詞可能")
_HONORIFICS = frozenset(words())
_NOT_NAME_WORDS = frozenset({"男性", "女性", "男", "女", "男児", "女児"})
_SPACED_SURNAME = re.compile(rf"(?<![{KANJI}])([{KANJI}])[ \u3000]([{KANJI}])(?![{KANJI}])")


@register
class NameBesideAgeRecognizer(Recognizer):
    name: ClassVar[str] = "name-beside-age"
    categories: ClassVar[tuple[str, ...]] = ("PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        by_start = None
        for m in _BESIDE_AGE.finditer(text):
            start, end = m.span("name")
            name = m.group("name")
            parts = re.split("[ \u3000]", name)
            if any(part in BEFORE_CUES or part in _NOT_NAME_WORDS or part in _HONORIFICS for part in parts):
                continue
            if " " not in name and "\u3000" not in name:
                if by_start is None:
                    by_start = {p.start: p for p in document_morphemes(doc)}
                first = by_start.get(start)
                if first is None or not (first.is_proper or first.oov) or first.surface in BEFORE_CUES:
                    continue
            found.append(Candidate(start, end, "PATIENT_NAME", RANK_SUPPLEMENT))
        found.extend(
            Candidate(*m.span("name"), "EMERGENCY_CONTACT", RANK_SUPPLEMENT)
            for m in _RELATIVE_IN_BRACKETS.finditer(text)
        )
        found.extend(
            Candidate(*m.span("name"), "PATIENT_NAME", RANK_SUPPLEMENT) for m in _CAPITALS_BESIDE_SEX.finditer(text)
        )
        for m in _RELATIVE_AFTER_SPACE.finditer(text):
            start, end = m.span("name")
            if by_start is None:
                by_start = {p.start: p for p in document_morphemes(doc)}
            word = by_start.get(start)
            if m.group("name") in _HONORIFICS or m.group("name") in BEFORE_CUES:
                continue
            if (
                word is not None
                and word.end == end
                and (word.pos[2] in _VERBAL or word.pos[0] not in ("名詞", "接頭辞"))
            ):
                if not m.group("name").isascii():
                    continue  # 妻 同席, 母 まだ: what the relative does, not who
            found.append(Candidate(start, end, "EMERGENCY_CONTACT", RANK_SUPPLEMENT))
        known = surnames()
        for m in _SPACED_SURNAME.finditer(text):
            if m.group(1) + m.group(2) in known:
                found.append(Candidate(m.start(), m.end(), person_category(text, m.start(), m.end()), RANK_SUPPLEMENT))
        return found
