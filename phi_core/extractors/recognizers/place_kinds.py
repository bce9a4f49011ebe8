"""Places of care and custody named like hospitals: 東浜刑務所, 北関東赤十字血液センター, 献血ルーム 新宿東口 (recall-first).

A prison, detention house or juvenile training school, a blood centre or
donation room, a university's or employer's health service is where a person
was held, gave blood or was seen, and narrows them down as much as a hospital
does. The kinds are one table in phi_core/japanese/organisations.py. A name is

- the letters right before the kind (東浜刑務所, さいたま大宮献血ルーム,
  東都大学保健管理センター), cut after a particle that a sentence puts before it
  (書類を東浜刑務所へ: not を), 医大 only where no kanji follows (主治医大槻), and never a word that only points at one (当所, 同所,
  最寄りの, 各, 近くの);
- or, for a donation room, the words right after the kind and a space
  (献血ルーム ミナトみらいスクエア: the name alone, as the writers mark it), not a word of the sentence (献血ルームで, 献血ルーム 受付).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, KANJI, LONG_VOWEL
from phi_core.japanese.honorifics import alternation
from phi_core.japanese.organisations import KINDS_OPENING_NAMES, PLACE_KINDS, PLACE_KINDS_FIRST

from .sudachi_names import RANK_SUPPLEMENT

_LETTERS = f"{KANJI}{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}ヶ・"
_NAME_FIRST = re.compile(rf"(?<![{_LETTERS}])(?P<name>[{_LETTERS}]{{2,14}}?)(?:{alternation(PLACE_KINDS)})")
_KIND_FIRST = re.compile(
    rf"(?:{alternation(PLACE_KINDS_FIRST)})[ \u3000]?(?P<name>[{KANJI}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]"
    rf"[{_LETTERS}]{{1,13}})(?=[ \u3000\n、。,，（(）)」』】]|$)"
)
_OPENING_KIND = re.compile(
    rf"(?<![{_LETTERS}])(?:{alternation(KINDS_OPENING_NAMES)})(?P<name>[{KANJI}{HIRAGANA_LETTERS}][{_LETTERS}]{{0,7}}?)"
    rf"(?=[ \u3000\n、。,，（(）)」』】]|$)"
)
_KANJI_AT = re.compile(f"[{KANJI}]")
# A particle after a kanji or katakana word, as a sentence puts it before a place: 書類を東浜刑務所へ.
_PARTICLE = re.compile(rf"(?<=[{KANJI}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}])(?:から|より|まで|[をにへでがはとの])")
# Words that point at a place of the kind without naming it.
_POINTERS = frozenset(
    "当 同 本 各 他 前 元 最寄り 近く 近隣 地元 全国 県内 市内 管轄 所属 収容先 移送先 担当 別 某 一般 大学 学校 "
    # words that say which kind, not which one: 医療刑務所, 女子少年院, 国立の, 赤十字血液センター
    "医療 女子 男子 少年 成人 地方 国立 県立 市立 都立 府立 道立 公立 赤十字 日赤 日本赤十字社 各地 近郊 通所 入所".split()
)
# What follows a kind-first kind in a sentence: what is done there, not its name.
_NOT_NAMES = re.compile(
    r"^(?:で|に|へ|の|にて|から|より|受付|担当|職員|看護師|検診医|医師|来所|来訪|利用|予約|見学|問診|採血|献血"
    r"|事務|責任者|所長|案内|一覧|等|など|内|部門|部|課|室)"
)


@register
class PlaceKindRecognizer(Recognizer):
    name: ClassVar[str] = "place-kind"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = [
            Candidate(m.start(), m.end(), "HOSPITAL_NAME", RANK_SUPPLEMENT)
            for m in _OPENING_KIND.finditer(text)
            if not _NOT_NAMES.match(m.group("name"))
        ]
        if not any(kind in text for kind in PLACE_KINDS):  # most documents name none
            return found
        for m in _NAME_FIRST.finditer(text):
            if m.group().endswith("医大") and _KANJI_AT.match(text, m.end()):
                continue  # 主治医大槻: a word that runs on is no university
            start = m.start()
            name = m.group("name")
            # The last particle that leaves two letters or more: が and の also sit inside names (西が丘).
            cut = None
            for particle in _PARTICLE.finditer(name):
                if len(name) - particle.end() >= 2:
                    cut = particle
            if cut is not None:
                start += cut.end()
                name = name[cut.end() :]
            if len(name) < 2 or name in _POINTERS or name.endswith("の"):
                continue
            found.append(Candidate(start, m.end(), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        for m in _KIND_FIRST.finditer(text):
            if not _NOT_NAMES.match(m.group("name")):
                found.append(Candidate(*m.span("name"), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        return found
