"""Person names by their part of speech in SudachiDict (名詞-固有名詞-人名), with no cue needed.

A run of person-name morphemes is one name ("佐藤" "一郎"; "ﾀﾅｶ" " " "ﾊﾅｺ"); a
katakana or Latin name continues over a middle dot, an equals sign or a space
into the next katakana or Latin word ("グエン・ヴァン・ナム", "Mary Johnson").
A single-character "name" on its own is left alone (too many ordinary words
are also rare given names). Whose name it is comes from person_context.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import NOT_A_NAME, can_be_surname, known_word
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.organisations import UNIT_ENDINGS
from phi_core.japanese.honorifics import FORMER_NAME_WORDS, LATIN_STAFF_ABBREVIATIONS, STAFF_OCCUPATIONS, words
from phi_core.japanese.chars import in_hiragana_block, in_katakana_block, is_half_width_katakana, is_unified_kanji
from phi_core.nlp.morphemes import Morpheme, document_morphemes

from .person_context import person_category

RANK_SUPPLEMENT = 0  # below every rule (pattern rank 1): a rule's span wins an overlap

_JOINERS = frozenset(" \u3000・･=＝")
# Honorifics written straight onto a family name that the dictionary reads in context as something else.
_HONORIFICS_AFTER = frozenset(words("person"))
# A job the dictionary also knows as a person's name (クラーク: Clark) names the holder next, not itself.
_OCCUPATIONS = frozenset(STAFF_OCCUPATIONS)


def _script(surface: str) -> str:
    if surface.isascii() and surface.isalpha():
        return "latin"
    if all(in_katakana_block(ch) or is_half_width_katakana(ch) for ch in surface):
        return "katakana"
    return "other"


def _continues(name: list[Morpheme], joiner: Morpheme | None, nxt: Morpheme) -> bool:
    """Does ``nxt`` carry the name on (after an optional joiner such as ・ or a space)?"""
    if nxt.is_person:
        if joiner is not None and joiner.surface in "・･" and name[-1].pos[3] == nxt.pos[3] == "姓":
            return False  # 小田・河野: two family names listed, two people
        return joiner is None or joiner.surface in _JOINERS
    last = name[-1]
    script = _script(last.surface)
    if joiner is not None and joiner.surface in _JOINERS and script in ("katakana", "latin"):
        # Foreign names: the parts after the first are often not in the dictionary.
        if script == "latin" and not nxt.surface[:1].isupper():
            return False  # "Mary Johnson today": a lower-case word ends the name
        if script == "latin" and joiner.surface in "=＝":
            return False  # ReferringPhysician=NOGAMI: a key and its value, not one name
        return _script(nxt.surface) == script and nxt.pos[0] == "名詞" and len(nxt.surface) >= 2
    if (
        joiner is not None
        and joiner.surface in " \u3000"
        and last.pos[3] == "姓"
        and len(nxt.surface) <= 2
        and nxt.pos[0] == "名詞"
        and all(is_unified_kanji(ch) for ch in nxt.surface)
        and nxt.surface not in PERSON_CUES  # 大槻 先生: a title after the space, not a given name
        and nxt.surface not in STAFF_OCCUPATIONS  # 内田　日勤L：: the next field's shift, not a given name
    ):
        return True  # 森下 航: a given name the dictionary reads as a common word, after a family name
    if joiner is None and last.pos[3] == "姓" and nxt.oov and len(nxt.surface) <= 3:
        # 佐藤 + an unknown given name (Sudachi also calls white space unknown: not a name)
        return nxt.pos[0] == "名詞" and all(
            in_hiragana_block(ch) or in_katakana_block(ch) or is_unified_kanji(ch) for ch in nxt.surface
        )
    return False


# Nouns that may follow a name directly without making a compound word of it.
PERSON_CUES = frozenset(
    "様 さま さん 殿 先生 医師 看護師 氏 くん ちゃん 君 技師 主治医 夫妻 家 宅 方 院長 部長 科長 師長 担当 歳 才 "
    "Dr 薬剤師 ケアマネ 記 署名 印 宛 御中 名 ら".split()
)


def forms_compound(name_end: Morpheme | None, nxt: Morpheme | None, cues: frozenset[str] = PERSON_CUES) -> bool:
    """A proper noun written straight onto a common noun or suffix is part of a word, not a name.

    蜂巣 + 肺 (honeycomb lung), 広 + 基 + 性 (sessile), ホジキン + リンパ腫, 三日月 + 状:
    SudachiDict knows these pieces as names or places, but glued to a following
    noun they are clinical words. A title or honorific (様, 先生, 医師) does not count.
    """
    if nxt is None or name_end is None or nxt.start != name_end.end:
        return False
    if nxt.surface in cues or nxt.is_proper:
        return False
    return nxt.pos[0] in ("名詞", "接尾辞") and nxt.pos[1] != "数詞"


# Nouns that may stand straight before a name: roles and relations.
BEFORE_CUES = frozenset(
    "主治医 担当医 担当 医師 看護師 患者 妻 夫 長男 長女 次男 次女 三男 三女 母 父 息子 娘 兄 姉 弟 妹 孫 家族 "
    "技師 薬剤師 読影医 報告者 記載者 記録者 依頼医 紹介医 執刀医 助手 術者 Dr 本人 祖母 祖父 氏名 名前 ケアマネ "
    "参加者 出席者 同席 署名 承認者 確認者 介護者 保護者 キーパーソン 叔父 叔母 義母 義父".split()
) | frozenset(FORMER_NAME_WORDS)


_RULES = frozenset("│┃｜|")


def glued_after(previous: Morpheme | None, first: Morpheme, cues: frozenset[str] = BEFORE_CUES) -> bool:
    """A proper noun written straight after a kanji common noun ends a compound (肩甲骨 + 下角)."""
    if previous is None or previous.end != first.start or previous.surface in cues:
        return False
    if previous.surface in _RULES and len(first.surface) == 1:
        return False  # a drawn table's rule, which the dictionary takes for a noun, before a one-kanji family name
    return previous.pos[1] == "普通名詞" and not previous.surface.isascii()


def _titled(name_end: Morpheme, following: Morpheme | None) -> bool:
    return following is not None and following.start == name_end.end and following.surface in _TITLES_AFTER


# Titles written straight after a name, whatever word stands glued before it.
_TITLES_AFTER = frozenset(words("person", "clinician"))


# Words for a unit of a hospital that a staff member's full name may be written straight onto: 医事課森 香織.


def _unit_then_full_name(previous: Morpheme | None, name: list[Morpheme]) -> bool:
    """A family and a given name the dictionary knows, glued after a unit's name (医事課森 香織)."""
    return (
        previous is not None
        and previous.surface.endswith(UNIT_ENDINGS)
        and len(name) >= 2
        and name[0].pos[3] == "姓"
        and name[-1].is_person
        and name[-1].pos[3] == "名"
    )


def _katakana_word_then_full_name(previous: Morpheme, name: list[Morpheme]) -> bool:
    """A family and a given name in kanji written straight after a katakana word (レシピエント松井 玲奈)."""
    return (
        _script(previous.surface) == "katakana"
        and len(name) >= 2
        and all(is_unified_kanji(ch) for ch in name[0].surface)
        and name[-1].pos[3] == "名"
    )


def _given_name_split(name: list[Morpheme], following: Morpheme | None, after: Morpheme | None) -> bool:
    """A family name, a space, then a given name cut in two: one kanji glued after the last part.

    喜納 遥 + 斗 (a noun), 張 俊 + 偉 (a prefix, where a bracket or an honorific ends the name).
    """
    if not (
        following is not None
        and len(name) == 2
        and name[0].pos[3] == "姓"
        and name[0].end < name[1].start
        and following.start == name[1].end
        and len(following.surface) == 1
        and is_unified_kanji(following.surface)
        and following.surface not in PERSON_CUES
    ):
        return False
    if following.pos[0] == "名詞":
        return True
    ends = after is None or after.start > following.end or after.pos[0] in ("補助記号", "空白")
    return ends or after.surface in PERSON_CUES


def _named_by_what_follows(morphemes: list[Morpheme], j: int) -> bool:
    """A one-character name (森, 林) counts before an honorific, a title or a bracket: 森(病棟看護師), 林さん."""
    if j >= len(morphemes) or morphemes[j].start != morphemes[j - 1].end:
        return False
    nxt = morphemes[j].surface
    return nxt in PERSON_CUES or nxt in ("(", "（")


def _neighbour(morphemes: list[Morpheme], index: int, step: int) -> Morpheme | None:
    """The next morpheme in a direction, over one joiner (a space or a middle dot)."""
    index += step
    if 0 <= index < len(morphemes) and morphemes[index].surface in _JOINERS:
        index += step
    return morphemes[index] if 0 <= index < len(morphemes) else None


def _place_as_surname(morphemes: list[Morpheme], i: int) -> bool:
    """A place name used as a family name (久留米 礼子, 宗像医師, 技師 外山).

    Many family names are also places; one is read as a person's when a given
    name follows it, a title or honorific follows it, or a role stands before it.
    """
    m = morphemes[i]
    if not m.is_place or m.pos[3] == "国":
        return False
    if len(m.surface) < 2:
        # 立会い：楠医師: one kanji read as a place, a family name too, with a title written onto it
        glued = morphemes[i + 1] if i + 1 < len(morphemes) else None
        return glued is not None and glued.start == m.end and glued.surface in PERSON_CUES and can_be_surname(m.surface)
    after = _neighbour(morphemes, i, 1)
    before = _neighbour(morphemes, i, -1)
    if after is not None and ((after.is_person and after.pos[3] in ("名", "一般")) or after.surface in PERSON_CUES):
        return True
    return before is not None and before.surface in BEFORE_CUES


def _proper_noun_as_surname(morphemes: list[Morpheme], i: int) -> bool:
    """A proper noun the dictionary also lists as a family name, before a given name or an honorific.

    In context SudachiDict may read 安田 or 佐川 as an organisation's or a place's
    name; a given name right after it over a space (レシピエント：安田 恵) or an
    honorific written onto it (医務課 佐川様) says it is a person's.
    """
    m = morphemes[i]
    # (one kanji after a drawn table's rule, which the dictionary reads as a common word there: │林 大輔)
    ruled = len(m.surface) == 1 and i and morphemes[i - 1].surface in _RULES
    if not ruled and (not m.is_proper or m.is_person or len(m.surface) < 2):
        return False
    if not all(is_unified_kanji(ch) for ch in m.surface):
        return False
    if i + 1 >= len(morphemes) or not can_be_surname(m.surface):
        return False
    if morphemes[i + 1].surface in _HONORIFICS_AFTER and morphemes[i + 1].start == m.end:
        return True
    if _occupation_in_brackets(morphemes, i + 1):
        return True  # 安田（MSW）: the occupation of the person named
    if morphemes[i + 1].surface not in (" ", "\u3000"):
        return False
    after = morphemes[i + 2] if i + 2 < len(morphemes) else None
    return after is not None and after.is_person and after.pos[3] == "名"


_OCCUPATION_WORDS = frozenset(STAFF_OCCUPATIONS + LATIN_STAFF_ABBREVIATIONS)


def _occupation_in_brackets(morphemes: list[Morpheme], j: int) -> bool:
    """（MSW）, (看護師) right after a word: an occupation alone in brackets."""
    if j + 2 >= len(morphemes) or morphemes[j].surface not in ("（", "(") or morphemes[j].start != morphemes[j - 1].end:
        return False
    return morphemes[j + 1].surface in _OCCUPATION_WORDS and morphemes[j + 2].surface in ("）", ")")


def _unknown_katakana_before(morphemes: list[Morpheme], i: int) -> bool:
    """A katakana word no dictionary entry lists, a space, then a katakana name or a given name.

    コワルスキ アンナ, ヴォルコフ 亜希: a foreign family name before the given name the dictionary knows.
    """
    if i < 2 or morphemes[i - 1].surface not in (" ", "\u3000"):
        return False
    if _script(morphemes[i].surface) != "katakana" and morphemes[i].pos[3] != "名":
        return False
    word = morphemes[i - 2].surface
    return len(word) >= 2 and _script(word) == "katakana" and (morphemes[i - 2].oov or not known_word(word))


def _occupation_before_name(morphemes: list[Morpheme], i: int) -> bool:
    """外来クラーク 一ノ瀬: a job the dictionary also lists as a person's name, then a space; not クラーク医師."""
    nxt = morphemes[i + 1] if i + 1 < len(morphemes) else None
    return morphemes[i].surface in _OCCUPATIONS and nxt is not None and nxt.surface in (" ", "\u3000")


def _mid_letter_spaced_run(morphemes: list[Morpheme], i: int) -> bool:
    """A single kanji a blank after another single one with which it makes a common word and no family name (検 査
    結 果), or opening such a run (健 康 診 査): a word typed a letter apart, not a name; a spaced name is read from
    its label."""
    if len(morphemes[i].surface) != 1:
        return False
    if i + 2 < len(morphemes) and morphemes[i + 1].surface.isspace() and len(morphemes[i + 2].surface) == 1:
        opening = (i == 0 or morphemes[i - 1].surface.isspace()) and _common_word_only(
            morphemes[i].surface + morphemes[i + 2].surface
        )
        if opening:
            return True
    if i < 2 or not morphemes[i - 1].surface.isspace():
        return False
    before = morphemes[i - 2]
    isolated = i == 2 or morphemes[i - 3].surface.isspace()  # 室 in CRC室 森 沙織 ends a word, no run
    return (
        isolated
        and len(before.surface) == 1
        and is_unified_kanji(before.surface)
        and is_unified_kanji(morphemes[i].surface)
        and _common_word_only(before.surface + morphemes[i].surface)  # 検 査, not 兄 湊 or 鴎 崎
    )


def _common_word_only(word: str) -> bool:
    from phi_core.nlp.loaders import sudachi_lookup

    entries = sudachi_lookup(word)
    return any(pos[1] == "普通名詞" for pos in entries) and not any(pos[3] == "姓" for pos in entries)


def person_runs(morphemes: list[Morpheme]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(morphemes):
        m = morphemes[i]
        if _occupation_before_name(morphemes, i) or not (
            m.is_person or _place_as_surname(morphemes, i) or _proper_noun_as_surname(morphemes, i)
        ):
            i += 1
            continue
        name = [m]
        j = i + 1
        while j < len(morphemes):
            joiner = morphemes[j] if morphemes[j].surface in _JOINERS and len(morphemes[j].surface) == 1 else None
            k = j + 1 if joiner is not None else j
            key = k + 1 < len(morphemes) and morphemes[k + 1].surface in ("=", "＝")
            if key and _script(morphemes[k].surface) == "latin":
                break  # CLINIC ReferringPhysician=: the next word is a key, not more of the name
            if k < len(morphemes) and _continues(name, joiner, morphemes[k]):
                name.append(morphemes[k])
                j = k + 1
            else:
                break
        following = morphemes[j] if j < len(morphemes) else None
        after = morphemes[j + 1] if j + 1 < len(morphemes) else None
        if _given_name_split(name, following, after):
            name.append(following)  # 喜納 遥 + 斗: the dictionary cut a given name it does not know
            j += 1
            following = morphemes[j] if j < len(morphemes) else None
        start, end = name[0].start, name[-1].end
        if _unknown_katakana_before(morphemes, i):
            start = morphemes[
                i - 2
            ].start  # シバサキ ユウコ: a family name no dictionary lists, then the known given name
        previous = morphemes[i - 1] if i else None
        lower_latin = name[0].surface.isascii() and not name[0].surface[:1].isupper()
        if (
            (end - start >= 2 or _named_by_what_follows(morphemes, j))
            and not _mid_letter_spaced_run(morphemes, i)
            and not lower_latin
            and not forms_compound(name[-1], following)
            and not (
                glued_after(previous, name[0])
                and not _unit_then_full_name(previous, name)
                and not _katakana_word_then_full_name(previous, name)
                and not _titled(name[-1], following)  # 常勤宇佐美先生: the title says it is a name
            )
        ):
            runs.append((start, end))
        i = j
    return runs


def document_person_runs(doc: Document) -> list[tuple[int, int]]:
    """The person runs of a rules Document, read once and shared (the names and their readings use them)."""
    return doc.shared("sudachi-person-runs", lambda d: person_runs(document_morphemes(d)))


@register
class SudachiPersonRecognizer(Recognizer):
    name: ClassVar[str] = "sudachi-person"
    categories: ClassVar[tuple[str, ...]] = ("PATIENT_NAME", "PHYSICIAN_NAME")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        # (a status word the dictionary also knows as a given name, 要 or 済 after a label, names no one)
        return [
            Candidate(start, end, person_category(text, start, end), RANK_SUPPLEMENT)
            for start, end in document_person_runs(doc)
            if text[start:end] not in NOT_A_NAME
        ]
