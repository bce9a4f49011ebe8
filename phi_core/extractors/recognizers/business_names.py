"""Companies, workshops, shops, lodgings and districts named by a head word (recall-first).

Where a patient works, what made or supplied something for them, where they
live or went narrows them down as an address does:

- a company, workshop or shop: whatever words stand before a head noun (one
  table, phi_core/japanese/organisations.BUSINESS_HEADS) make its name as soon
  as one of them says WHICH one, read as facility-compound reads a hospital's
  name (a place or proper noun SudachiDict knows, a word it does not know, a
  coined kana word): 相模義肢製作所, 丸菱ロジスティクス, 東和ヘルスケア, オリオン西帯広店;
  a name written before it and a space goes with it (メガネのオリオン 西帯広店).
  A kind alone (製作所, 物流, 売店, 自動車部品工場), a word that runs on (店長, 産業医,
  工業化) and a maker named as a product's (島津製作所製, 製造販売元 ○○工業, 使用装置：島津製作所 RADspeed, a
  drug maker: 武田薬品工業)
  are no place;
- a lodging or apartment house by 荘 (寿荘, 松風荘, しおん荘), with a kind of lodging
  glued before it (ホテル寿荘), not a word of the language (別荘, 山荘, 荘厳); a lodging's kind glued
  before a name that holds a proper noun or an unknown word (ホテルニューオータニ, not ホテルスタッフ);
- a home or a day centre by a coined kana word, の and a place word where a name is written (after a space,
  a colon or a bracket: やすらぎの郷, ひだまりの丘), not a person's house (おばあちゃんの家);
- a district, estate or hamlet by its word (寿地区, 桜台団地, 西ノ谷集落): the name is a
  proper noun, a word SudachiDict does not know or one kanji; general words
  (全地区, 被災地区, 住宅地区) and an organisation (地区医師会), a breakdown (地区別) are not.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, KANJI, KATAKANA, LONG_VOWEL
from phi_core.japanese.honorifics import alternation, words
from phi_core.japanese.organisations import (
    BUSINESS_HEADS,
    DISTRICT_WORDS,
    DRUG_MAKER_WORDS,
    HOME_NAME_ENDS,
    LODGING_FIRST,
    LODGING_KINDS,
    MAKER_AFTER,
    MAKER_BEFORE,
)
from phi_core.nlp.morphemes import Morpheme, document_morphemes

from .facility_compounds import SPECIFIC, name_words, words_before
from .sudachi_names import RANK_SUPPLEMENT

_HEAD = re.compile(rf"(?:{alternation(BUSINESS_HEADS)})(?![{KANJI}{KATAKANA}])")
_LODGE = re.compile(rf"荘(?![{KANJI}])")
_DISTRICT = re.compile(rf"(?:{alternation(DISTRICT_WORDS)})(?!医師会|歯科医師会|薬剤師会|別|ごと|毎|単位|長|内外)")
# A lodging's kind glued before its name (ホテルニューオータニ, 旅館みやこ): the words up to a break or a particle.
_KIND_THEN_NAME = re.compile(
    rf"(?:{alternation(LODGING_FIRST)})(?P<name>[{KANJI}{KATAKANA}A-Za-z・]{{2,14}}?)"
    rf"(?=[\s、。,，（(）)」』]|$|から|より|まで|[にでへをがはのと](?![{KATAKANA}]))"
)
# A home or a day centre by a coined kana word, の and a place word, where a name is written (after a space, a
# colon, a bracket or a line's start): やすらぎの郷, ひだまりの丘 (not 友人の家 in a sentence).
_COINED_HOME = re.compile(
    rf"(?:^|(?<=[\s：:「『（(]))(?P<name>[{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{2,8}}の"
    rf"(?:{alternation(HOME_NAME_ENDS)}))(?![{KANJI}{HIRAGANA_LETTERS}])",
    re.MULTILINE,
)
# The same with a kanji word, for the landscape words only (白百合の里, 片倉の杜, 桜の郷): a kanji word before
# 家, 園 or 庭 is as often a person's or a place's in general (祖母の家, 実家の庭); before 郷, 里, 杜, 森 or 丘
# it names a home on the development sets every time (23 of 23 with the kana ones).
_COINED_KANJI_HOME = re.compile(
    rf"(?:^|(?<=[\s：:「『（(]))(?P<name>(?P<word>[{KANJI}]{{1,4}})の[郷里杜森丘])(?![{KANJI}{HIRAGANA_LETTERS}])",
    re.MULTILINE,
)
_NOT_COINED_KANJI = frozenset(
    "故郷 田舎 実家 地元 近所 山 海 川 村 町 森 里 郷 丘 杜 鎮守 裏山 自宅 祖母 祖父 母 父".split()
)
# Words a lodging's kind makes with what follows it (ホテルマン, a hotel worker), not a name.
_LODGING_WORDS = frozenset("マン ウーマン スタッフ ライフ ビジネス チェーン".split())
_KANJI_RUN = re.compile(rf"[{KANJI}]{{1,4}}$")
_KANA_RUN = re.compile(rf"[{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{2,6}}$")
_LEADING_PARTICLE = re.compile("^(?:から|より|まで|[のはがをにへでとも])")
# Words that make 荘 a word of the language: 別荘, 山荘, 旅荘; pointers (同荘, 当荘).
_NOT_LODGINGS = frozenset("別 山 旅 村 同 当 本 各 該 貴 一".split())
# Words before a district's word that say what kind of district, not which one.
_KIND_PREFIXES = frozenset("全 各 同 当 本 他 旧 新 該 一 両 近 隣 自 諸 某 別".split())


# Kana words before の that are people or pointers, not coined names (おばあちゃんの家, そこの家).
_NOT_COINED = frozenset(
    "おばあちゃん おじいちゃん ばあちゃん じいちゃん おかあさん おとうさん かあさん とうさん ともだち こども "
    "みんな じぶん あなた わたし ぼく それ これ あれ そこ ここ あそこ どこ むすめ むすこ いもうと おとうと "
    "あね あに いえ うち となり ひと".split()
)
# Kana that end a sentence's word before a district, not a name: この, ある, 同じ, 広い.
_INFLECTED_KANA = re.compile("(?:の|る|い|な|た|じ|[はがをにへでともや])$|^(?:この|その|あの|どの|ある|各)")
_NOT_COINED_ENDS = (*words("person"), "たち")  # おかあさんの家, こどもたちの家
# ら makes a plural only after a person (こどもらの家), not at the end of a coined word (あおぞらの郷).
_PERSONS_PLURAL = tuple(f"{w}ら" for w in (*words("person"), *_NOT_COINED))


# A device's model written after its maker: 島津製作所 RADspeed, 日立 ECHELON.
_MODEL_AFTER = re.compile(r"[ \u3000]?[A-Za-z]{2,}")


def _maker_before(text: str, start: int) -> bool:
    before = text[max(0, start - 10) : start].rstrip(" \u3000：:")
    return before.endswith(MAKER_BEFORE)


def _company_start(text: str, morphemes: list[Morpheme], starts: list[int], head: int) -> int | None:
    name = name_words(words_before(text, morphemes, starts, head))
    index = bisect_right(starts, head - 1) - 1
    glued = morphemes[index] if index >= 0 and morphemes[index].start < head < morphemes[index].end else None
    if glued is not None and (glued.is_proper or glued.oov) and not any(w.kind == SPECIFIC for w in name):
        return glued.start  # ヤマト運輸, one proper noun to SudachiDict with its head
    if not any(w.kind == SPECIFIC for w in name):
        return None
    start = name[0].start
    if start > 0 and text[start - 1] in " \u3000":
        # A shop's name, a space, its branch: メガネのオリオン 西帯広店.
        before = words_before(text, morphemes, starts, start - 1)
        for i in range(len(before) - 1, -1, -1):
            if before[i].kind == "lead":
                before = before[i + 1 :]
                break
        while before and before[0].kind == "join":
            before = before[1:]
        if before and any(w.kind == SPECIFIC for w in before):
            start = before[0].start
    return start


def _lodging_start(text: str, at: int) -> int | None:
    kanji = _KANJI_RUN.search(text, max(0, at - 4), at)
    if kanji:
        if kanji.group()[-1] in _NOT_LODGINGS:  # 別荘, 貸別荘, 山荘
            return None
        start = kanji.start()
    else:
        kana = _KANA_RUN.search(text, max(0, at - 6), at)
        if kana is None:
            return None
        run = kana.group()
        particle = _LEADING_PARTICLE.match(run)
        start = kana.start() + (particle.end() if particle and len(run) - particle.end() >= 2 else 0)
    for kind in LODGING_KINDS:
        if text.endswith(kind, 0, start):
            return start - len(kind)
    return start


def _district_start(text: str, by_end: dict[int, Morpheme], at: int) -> int | None:
    run = _KANJI_RUN.search(text, max(0, at - 4), at)
    if run is None:
        # A coined kana name (あいりん地区, すずかけ団地), not a word of a sentence before it (この地区, ある地域).
        kana = _KANA_RUN.search(text, max(0, at - 6), at)
        if kana is None or len(kana.group()) < 3 or kana.group() in _NOT_COINED or _INFLECTED_KANA.search(kana.group()):
            return None
        before = text[kana.start() - 1 : kana.start()]
        # The run is a whole word: at a break, or after the ward or town it lies in (西成区あいりん地区).
        return kana.start() if not before or not before.isalnum() or before in "区市町村郡" else None
    last = by_end.get(at)
    if last is None or last.start < run.start():
        return None
    word = last.surface
    if word in _KIND_PREFIXES or last.pos[0] == "接頭辞" or last.pos[2] in ("サ変可能", "副詞可能"):
        return None
    if not (last.is_proper or last.is_place or last.oov or len(word) == 1):
        return None  # 住宅地区, 山間地区: a kind of district
    start = last.start
    before = by_end.get(start)
    # A place the district's name is built on (中区寿地区): the words before it that SudachiDict knows as places.
    while before is not None and before.start >= run.start() and (before.is_place or before.is_proper):
        start = before.start
        before = by_end.get(start)
    return start


@register
class BusinessNameRecognizer(Recognizer):
    name: ClassVar[str] = "business-name"
    categories: ClassVar[tuple[str, ...]] = ("ADDRESS",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        heads = any(head in text for head in BUSINESS_HEADS)
        if (
            not heads
            and "荘" not in text
            and "の" not in text
            and not any(word in text for word in DISTRICT_WORDS + LODGING_FIRST)
        ):
            return []
        morphemes = document_morphemes(doc)
        starts = [m.start for m in morphemes]
        found: list[Candidate] = []
        if heads:
            for head in _HEAD.finditer(text):
                if text.startswith(MAKER_AFTER, head.end()):
                    continue  # 島津製作所製: the maker of a device
                if head.group() == "店" and text[head.start() - 1 : head.start()] == "支":
                    continue  # 横浜南支店: a supplier's branch, left unmarked like its 営業所
                start = _company_start(text, morphemes, starts, head.start())
                if start is None or any(word in text[start : head.end()] for word in DRUG_MAKER_WORDS):
                    continue  # 武田薬品工業: a drug's maker
                if not _maker_before(text, start) and not _MODEL_AFTER.match(text, head.end()):
                    found.append(Candidate(start, head.end(), "ADDRESS", RANK_SUPPLEMENT))
        for lodge in _LODGE.finditer(text):
            start = _lodging_start(text, lodge.start())
            if start is not None:
                found.append(Candidate(start, lodge.end(), "ADDRESS", RANK_SUPPLEMENT))
        if any(kind in text for kind in LODGING_FIRST):
            for m in _KIND_THEN_NAME.finditer(text):
                # A name holds a proper noun or a word SudachiDict does not know (not ホテルスタッフ, 旅館業).
                first, end = m.start("name"), m.end("name")
                words = [w for w in morphemes if w.start < end and w.end > first]
                if m.group("name") not in _LODGING_WORDS and any(w.is_proper or w.oov for w in words):
                    found.append(Candidate(m.start(), end, "ADDRESS", RANK_SUPPLEMENT))
        if "の" in text:
            for m in _COINED_HOME.finditer(text):
                coined = m.group("name")[:-2]
                if (
                    coined not in _NOT_COINED
                    and not coined.endswith(_NOT_COINED_ENDS)
                    and not coined.endswith(_PERSONS_PLURAL)
                ):
                    found.append(Candidate(*m.span("name"), "HOSPITAL_NAME", RANK_SUPPLEMENT))
            for m in _COINED_KANJI_HOME.finditer(text):
                if m.group("word") not in _NOT_COINED_KANJI:
                    found.append(Candidate(*m.span("name"), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        by_end = {m.end: m for m in morphemes}
        for district in _DISTRICT.finditer(text):
            start = _district_start(text, by_end, district.start())
            if start is not None:
                found.append(Candidate(start, district.end(), "ADDRESS", RANK_SUPPLEMENT))
        return found
