"""Names written straight onto a title, a role or a relation, with nothing to show where they end.

Notes kept in a hurry glue a staff member's family name to the abbreviation
of their occupation and to what they did next (Ns.上間, Ns三輪確認中,
PSW荒井同行), put a middle dot or a particle where a space would be
(師長・李 より) or put the name in brackets (看護師（上地）), name a relative by a given name between a relation and an
honorific (次男 颯 さん, 夫 朴 志勲 様) (relation_names.py: in brackets, or apart), write a maiden name after 旧姓
(旧姓佐久間で受診), quote the name on a name tag (名札に「イ」), and give a
contact person's family name before a telephone number in brackets
(支援センターかわぐち 岩崎（048-223-5540）) or a row's code (東雲 ハツヱ（D-00102）); a katakana name stands straight before
an honorific (ジョンソンさん); a reading follows its label (よみ：ひが たろう); an addressee stands before the
salutations of a letter (大湾先生御侍史); a nationality in brackets follows a foreign
name (イワノワ（ロシア籍）, （韓国籍、Song Min-jun）).

Where the name ends is read from the dictionary: the longest run of kanji
after the cue that SudachiDict (or the surname list) knows as a family name
(人名,姓) and that does not start a longer common word (Ns上記, Ns中心,
PT実施 name nobody). Whose name it is follows the cue: staff after an
occupation, a relative after a relation.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.word_cache import word_cache
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import can_be_given_name, can_be_surname
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import (
    FULL_WIDTH_KATAKANA,
    HIRAGANA_LETTERS,
    LONG_VOWEL,
    READING_KANA,
    UNIFIED_KANJI,
    is_kanji,
)
from phi_core.japanese.honorifics import (
    DEEDS_AFTER_NAME,
    FORMER_NAME_WORDS,
    LATIN_STAFF_ABBREVIATIONS,
    PATIENT_WORDS,
    POSTS_AFTER_NAME,
    RELATIONS,
    SIGN_OFF_WORDS,
    STAFF_OCCUPATIONS,
    TEAM_SHORT_WORDS,
    alternation,
    words,
)
from phi_core.nlp.loaders import sudachi_available, sudachi_lookup
from phi_core.nlp.morphemes import Morpheme, document_morphemes

from .person_context import person_category
from .sudachi_names import RANK_SUPPLEMENT

_KANJI_RUN = f"[{UNIFIED_KANJI}々]"
# An occupation's Latin abbreviation, a dot or one space, then kanji: Ns.上間, Ns三輪確認中, PSW荒井同行.
_AFTER_ABBREVIATION = re.compile(
    rf"(?<![A-Za-z])(?:{alternation(LATIN_STAFF_ABBREVIATIONS + ('Mr', 'Mrs', 'Ms'))})\.?[ ]?(?={_KANJI_RUN})"
)
# 旧姓佐久間で受診, 旧姓：佐久間, 通称 山城.
_AFTER_FORMER_NAME = re.compile(rf"(?:{alternation(FORMER_NAME_WORDS)})(?:[：:は]|[ \u3000])?(?={_KANJI_RUN})")
# An occupation, a middle dot or a space, a short kanji name, then a particle or the end of a clause:
# 師長・李 より, 看護師 日比が, 主任・宮城から.
_OCCUPATION_THEN_NAME = re.compile(
    rf"(?<![A-Za-z])(?:{alternation(STAFF_OCCUPATIONS + SIGN_OFF_WORDS)})[・･ \u3000](?P<name>{_KANJI_RUN}{{1,3}})"
    r"(?=[ \u3000]?(?:より|から|が|は|に|へ|と|も|の|で|を)|[、。，）)／/]|\n|$)",
    re.MULTILINE,
)
_SINGLE_NAME_END = re.compile(r"[ \u3000]?(?:より|から)|[、。，）)]|\n|$")
# An occupation or what was done, and the name in brackets: 記録者 看護師（上地）, 担当PT（宮平）, 一次読影（香取）.
_OCCUPATION_BRACKETED_NAME = re.compile(
    rf"(?<![A-Za-z])(?:(?P<staff>{alternation(STAFF_OCCUPATIONS + SIGN_OFF_WORDS + TEAM_SHORT_WORDS)})|{alternation(PATIENT_WORDS)})"
    rf"[（(](?P<name>{_KANJI_RUN}{{1,4}})(?:[ \u3000]{_KANJI_RUN}{{1,3}})?[)）]"
)
# A relation, の or a space, a name, then an honorific: 次男 颯 さん, 夫 朴 志勲 様, 妻の美咲さん.
# The relation may be written straight onto a full name (妻木暮 トシ子さん: a family name the dictionary knows).
_RELATION_NAME_HONORIFIC = re.compile(
    rf"(?:{alternation(RELATIONS)})(?:の|[ \u3000]|(?P<glued>(?={_KANJI_RUN}{{1,3}}[ \u3000])))"
    rf"(?P<name>{_KANJI_RUN}{{1,4}}(?:[ \u3000](?:{_KANJI_RUN}{{1,3}}|[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{2,6}}|[{FULL_WIDTH_KATAKANA}]{{1,4}}[子江枝代美]))?"
    rf"|[{HIRAGANA_LETTERS}]{{2,4}}"
    rf"|[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{2,8}}(?:[ \u3000・][{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{2,8}})?)"
    rf"[ \u3000]?(?P<honorific>{alternation(words('person', exclude=('さま', '殿')))})"
)
# 様 also makes "-like" words and 様子, 様式: only a 様 that ends the word is an honorific here.
_NOT_AN_HONORIFIC_AFTER = re.compile(f"[{UNIFIED_KANJI}々]")
# A full name in quotes whose second word is a given name, the first any word: a temporary or an alias
# name (仮名登録「救急 太郎」, 院内呼称「南 花子」), a family name the dictionary reads as a place or a word.
_QUOTED_FULL_NAME = re.compile(
    rf"[「『\"](?P<name>{_KANJI_RUN}{{1,3}}[ \u3000](?P<given>{_KANJI_RUN}{{1,3}}|[{HIRAGANA_LETTERS}]{{2,4}}))"
    r"(?=[」』\"]|[ \u3000][0-9０-９])"
)
# A member of staff written straight after their unit, ending the clause: 統合作業 三宅医師・医事課根本）.
_NAME_AFTER_UNIT = re.compile(rf"(?<=[{UNIFIED_KANJI}][課室係])(?P<name>{_KANJI_RUN}{{2,3}})(?=[）)、。，,]|\n|$)")
# A member of staff written straight onto what they did, in brackets or after a blank: （井上確認）, (… 平田確認).
_NAME_BEFORE_SIGN_OFF = re.compile(
    rf"(?<=[（( \u3000])(?P<name>{_KANJI_RUN}{{2,3}})(?:{alternation(SIGN_OFF_WORDS)})(?=[）)、。，,\s]|$)"
)
# A family name with 姓 after it, the word for a family name: 鵜飼姓での問い合わせ, 旧 佐久間姓.
_FAMILY_NAME_WORD = re.compile(rf"(?<!{_KANJI_RUN})(?P<name>{_KANJI_RUN}{{1,3}})姓(?![{UNIFIED_KANJI}])")
# The name on a name tag or the name someone gave, in quotes: 名札に「イ」, 名乗った「タカシ」.
_QUOTED_NAME = re.compile(
    r"(?:名札|ネームプレート|名乗(?:った|り|る)|呼び名|愛称)(?:に|は|が|の|で|：|:)?(?:には)?[「『]"
    rf"(?P<name>[{UNIFIED_KANJI}々{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}A-Za-z]{{1,8}})[」』]"
)
# A contact person written before a telephone number in brackets: 居宅介護支援センターかわぐち 岩崎（048-223-5540）.
_NAME_BEFORE_PHONE = re.compile(
    rf"(?:^|(?<=[\s、，,：:]))(?P<name>{_KANJI_RUN}{{1,4}})(?:[ \u3000](?P<given>{_KANJI_RUN}{{1,3}}|[{HIRAGANA_LETTERS}]{{2,4}}))?"
    r"[（(](?:TEL|Tel|tel|電話|☎)?[：: ]?0[0-9]{1,4}-[0-9]{1,4}-[0-9]{3,4}[）)]",
    re.MULTILINE,
)
# A family and a given name before a code in brackets, as in a row of a table: 東雲 ハツヱ（D-00102）.
_NAME_BEFORE_CODE = re.compile(
    rf"(?:^|(?<=[\s|｜]))(?P<name>{_KANJI_RUN}{{1,3}})[ \u3000]"
    rf"(?P<given>[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{2,5}}|[{HIRAGANA_LETTERS}]{{2,4}}|{_KANJI_RUN}{{1,3}})"
    r"[（(](?=[A-Za-z0-9\-]*[0-9])[A-Za-z0-9][A-Za-z0-9\-]{3,14}[）)]",
    re.MULTILINE,
)
# A katakana name right before an honorific, with no other cue: ジョンソンさんの家族, マリアちゃん.
_KATAKANA_BEFORE_HONORIFIC = re.compile(
    rf"(?<![{FULL_WIDTH_KATAKANA}{LONG_VOWEL}・])(?P<name>[{FULL_WIDTH_KATAKANA}][{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{1,11}})"
    rf"(?P<honorific>{alternation(words('person', exclude=('さま', '氏', '君')))})"
)
# A reading under its label: よみ：ひが たろう, 読み仮名 ヒガ タロウ (a bare 読み or カナ needs a colon).
_READING_AFTER_LABEL = re.compile(
    r"(?:(?:読み仮名|読みがな|よみがな|ふりがな|フリガナ|ﾌﾘｶﾞﾅ)[：:]?[ \u3000]?|(?:よみ|読み|ヨミ|ﾖﾐ|カナ|ｶﾅ|かな)[：:][ \u3000]?)"
    rf"(?P<reading>[{READING_KANA}]{{2,}}(?:[ \u3000・][{READING_KANA}]{{1,}}){{0,3}})"
    r"(?=[ \u3000]{2,}|[\n、,，)）/／]|$)",
    re.MULTILINE,
)
# A family and a given name, short and apart, before an honorific or a title, when neither part is a word
# the dictionary knows only as something else (陈 伟 さん, 王 小明 様), or when the given name is one it
# knows and neither part names an action (東雲 玄 医師, 宮城 さち さん: family names read as a word or a place).
_SHORT_KANJI_NAME_HONORIFIC = re.compile(
    rf"(?<![{UNIFIED_KANJI}々])(?P<family>{_KANJI_RUN}{{1,3}})[ \u3000](?P<given>{_KANJI_RUN}{{1,2}}|[{HIRAGANA_LETTERS}]{{2,3}})"
    rf"[ \u3000]?(?P<honorific>{alternation(words('person', 'clinician', exclude=('さま',)))})"
)
# An addressee before the salutations of a letter: 大湾先生御侍史, 比嘉 先生 御机下. A department, a unit
# or a role stands there too (整形外科先生御侍史, 担当先生御侍史): those end in a unit's or a role's kanji.
_ADDRESSEE = re.compile(
    rf"(?<![{UNIFIED_KANJI}々])(?P<name>{_KANJI_RUN}{{1,4}}?(?:[ \u3000]{_KANJI_RUN}{{1,3}}?)??)[ \u3000]?"
    rf"(?:{alternation(words('clinician'))})?[ \u3000]?(?:{alternation(words('letter'))})"
)
_NOT_AN_ADDRESSEE_END = tuple("科部室院医長師者課係棟局所当治位同御")
# A nationality in brackets says the word before it, or the Latin name beside it, is a person:
# イワノワ（ロシア籍）, ソン ミンジュン 様（韓国籍、Song Min-jun）.
_KATAKANA_NAME = rf"[{FULL_WIDTH_KATAKANA}][{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{1,11}}(?:[・･ \u3000][{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{2,12}}){{0,3}}"
_LATIN_NAME = r"[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+){0,3}"
_NAME_BEFORE_NATIONALITY = re.compile(
    rf"(?<![{FULL_WIDTH_KATAKANA}{LONG_VOWEL}A-Za-z])(?P<name>{_KATAKANA_NAME}|{_LATIN_NAME})[ \u3000]?"
    rf"(?:(?:{alternation(words('person'))})[ \u3000]?)?"
    r"[（(](?:国籍[：:])?[^（()）\n、,]{1,8}籍(?:[)）]|[、,][ \u3000]?(?P<latin>" + _LATIN_NAME + r")[)）])"
)
# A family name with a post, an occupation or what they do glued after it: 上原主任に報告, 島袋師長より,
# ナカムラ主任, 当山理学療法士, 縫合 8針（片桐介助）.
_NAME_BEFORE_POST = re.compile(
    rf"(?P<run>{_KANJI_RUN}{{1,6}}|(?<![{FULL_WIDTH_KATAKANA}{LONG_VOWEL}])[{FULL_WIDTH_KATAKANA}][{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{1,7}})"
    rf"(?:{alternation(POSTS_AFTER_NAME + DEEDS_AFTER_NAME + tuple(w for w in STAFF_OCCUPATIONS if not w.isascii()))})"
)
# One kanji between a relation and an honorific that is not a given name: 母の方さん is no one.
NOT_GIVEN = frozenset("方家皆達者人子様氏")


@word_cache(maxsize=4096)
def common_word(word: str) -> bool:
    """A word SudachiDict knows only as something other than a person's name (友人, 主治医, 家族)."""
    if not sudachi_available():
        return False
    entries = sudachi_lookup(word)
    return bool(entries) and not any(pos[2] == "人名" for pos in entries)


def surname_after(text: str, start: int, by_start: dict[int, Morpheme]) -> int:
    """End of the family name written at ``start`` with nothing after it to end it, or ``start``.

    The longest run of kanji (up to four) that may be a family name, ends where
    a morpheme ends and is not the start of a longer common word; one kanji
    only when no kanji follows it and the dictionary reads it as a name there
    (李 より; not 中 of 中心, not 室 of PT室).
    """
    first = by_start.get(start)
    limit = start
    while limit < len(text) and limit - start < 4 and re.match(_KANJI_RUN, text[limit]):
        limit += 1
    ends = {m.end for m in by_start.values() if start <= m.start < limit}
    for end in range(limit, start, -1):
        word = text[start:end]
        if end - start == 1 and (
            (end < len(text) and re.match(_KANJI_RUN, text[end])) or first is None or not first.is_person
        ):
            continue  # one kanji: only where the dictionary reads it as a name here (PT室 is a room)
        if end not in ends or not can_be_surname(word):
            continue
        if first is not None and first.end > end and not first.is_person:
            continue  # the start of a longer common word
        return end
    return start


@register
class GluedNameRecognizer(Recognizer):
    name: ClassVar[str] = "glued-name"
    categories: ClassVar[tuple[str, ...]] = ("PHYSICIAN_NAME", "PATIENT_NAME", "EMERGENCY_CONTACT", "NAME_READING")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found: list[Candidate] = []
        by_start: dict[int, Morpheme] | None = None

        def morphemes() -> dict[int, Morpheme]:
            nonlocal by_start
            if by_start is None:
                by_start = {m.start: m for m in document_morphemes(doc)}
            return by_start

        for pattern, category in ((_AFTER_ABBREVIATION, "PHYSICIAN_NAME"), (_AFTER_FORMER_NAME, "PATIENT_NAME")):
            for m in pattern.finditer(text):
                end = surname_after(text, m.end(), morphemes())
                if end > m.end():
                    given = morphemes().get(end)
                    if given is not None and given.is_person and given.pos[3] == "名":
                        end = given.end  # 荒井美咲: the given name glued on
                    found.append(Candidate(m.end(), end, category, RANK_SUPPLEMENT))
        for m in _OCCUPATION_THEN_NAME.finditer(text):
            name = m.group("name")
            if len(name) == 1 and not _SINGLE_NAME_END.match(text, m.end()):
                continue  # 看護師 間で, 医師 間の: one kanji before a particle is too often a word
            if surname_after(text, m.start("name"), morphemes()) == m.end("name") or (
                len(name) > 1 and not common_word(name) and _unknown(morphemes().get(m.start("name")))
            ):
                found.append(Candidate(m.start("name"), m.end("name"), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        for m in _OCCUPATION_BRACKETED_NAME.finditer(text):
            if surname_after(text, m.start("name"), morphemes()) == m.end("name"):
                category = "PHYSICIAN_NAME" if m.group("staff") else "PATIENT_NAME"  # 患者本人（大湾）
                found.append(Candidate(m.start("name"), m.end() - 1, category, RANK_SUPPLEMENT))
        for m in _RELATION_NAME_HONORIFIC.finditer(text):
            if _NOT_AN_HONORIFIC_AFTER.match(m.group("honorific")[-1]) and _NOT_AN_HONORIFIC_AFTER.match(text, m.end()):
                continue  # 様子, 様式: a word, not an honorific
            name = m.group("name")
            first = re.split("[ \u3000・]", name)[0]
            if (len(first) == 1 and first in NOT_GIVEN) or (len(first) > 1 and common_word(first)):
                continue
            if m.group("glued") is not None and not can_be_surname(first):
                continue
            found.append(Candidate(m.start("name"), m.end("name"), "EMERGENCY_CONTACT", RANK_SUPPLEMENT))
        for m in _NAME_BEFORE_PHONE.finditer(text):
            start = m.start("name")
            if surname_after(text, start, morphemes()) == m.end("name"):
                end = m.end("given") if m.group("given") else m.end("name")
                found.append(Candidate(start, end, person_category(text, start, end), RANK_SUPPLEMENT))
        for m in _NAME_BEFORE_CODE.finditer(text):
            given = morphemes().get(m.start("given"))
            given_is_name = given is not None and given.end == m.end("given") and (given.oov or given.is_person)
            if given_is_name:  # 左 肺（S1-2）: a given name must be one, whatever stands before it
                start, end = m.start("name"), m.end("given")
                found.append(Candidate(start, end, person_category(text, start, end), RANK_SUPPLEMENT))
        for m in _KATAKANA_BEFORE_HONORIFIC.finditer(text):
            if _NOT_AN_HONORIFIC_AFTER.match(m.group("honorific")[-1]) and _NOT_AN_HONORIFIC_AFTER.match(text, m.end()):
                continue
            if _katakana_name(m.group("name"), kana_honorific=not _NOT_AN_HONORIFIC_AFTER.match(m.group("honorific"))):
                start, end = m.span("name")
                found.append(Candidate(start, end, person_category(text, start, end), RANK_SUPPLEMENT))
        for m in _SHORT_KANJI_NAME_HONORIFIC.finditer(text):
            if _NOT_AN_HONORIFIC_AFTER.match(m.group("honorific")[-1]) and _NOT_AN_HONORIFIC_AFTER.match(text, m.end()):
                continue
            family, given = m.group("family"), m.group("given")
            unknown_words = not (common_word(family) or common_word(given)) and len(family) <= 2
            known_given = can_be_given_name(given) and not (_verbal_noun(family) or _verbal_noun(given))
            if (unknown_words and is_kanji(given[0])) or known_given:
                start, end = m.start("family"), m.end("given")
                found.append(Candidate(start, end, person_category(text, start, end), RANK_SUPPLEMENT))
        for m in _ADDRESSEE.finditer(text):
            name = m.group("name")
            if not name.endswith(_NOT_AN_ADDRESSEE_END) and name not in STAFF_OCCUPATIONS:
                found.append(Candidate(m.start("name"), m.end("name"), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        for m in _NAME_BEFORE_NATIONALITY.finditer(text):
            for group in ("name", "latin"):
                if m.group(group) and not _common_noun(m.group(group)):
                    start, end = m.span(group)
                    found.append(Candidate(start, end, person_category(text, start, end), RANK_SUPPLEMENT))
        for m in _NAME_BEFORE_POST.finditer(text):
            start = family_name_ending(text, m.start("run"), m.end("run"), morphemes())
            if start is not None:
                found.append(Candidate(start, m.end("run"), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
            elif not re.match(_KANJI_RUN, text[m.end() : m.end() + 1]):  # not 委員会: the post ends there
                span = _name_before_unit(text, m.start("run"), m.end("run"), morphemes())
                if span is not None:
                    found.append(Candidate(*span, "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        for m in _READING_AFTER_LABEL.finditer(text):
            found.append(Candidate(m.start("reading"), m.end("reading"), "NAME_READING", RANK_SUPPLEMENT))
        for m in _QUOTED_FULL_NAME.finditer(text):
            if len(m.group("given")) >= 2 and can_be_given_name(m.group("given")):
                found.append(Candidate(m.start("name"), m.end("name"), "PATIENT_NAME", RANK_SUPPLEMENT))
        for m in _NAME_AFTER_UNIT.finditer(text):
            name = m.group("name")
            if can_be_surname(name) and not common_word(name) and name not in POSTS_AFTER_NAME:
                found.append(Candidate(*m.span("name"), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        for m in _NAME_BEFORE_SIGN_OFF.finditer(text):
            name, word = m.group("name"), morphemes().get(m.start("name"))
            # (read as a person's name in its place: 院内対応, 中間報告 are words there)
            person = word is not None and word.end == m.end("name") and word.is_person
            if person and can_be_surname(name) and not common_word(name) and name not in POSTS_AFTER_NAME:
                found.append(Candidate(*m.span("name"), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        for m in _FAMILY_NAME_WORD.finditer(text):
            if can_be_surname(m.group("name")) and not common_word(m.group("name")):
                found.append(Candidate(m.start("name"), m.end("name"), "PATIENT_NAME", RANK_SUPPLEMENT))
        for m in _QUOTED_NAME.finditer(text):
            if not common_word(m.group("name")) or len(m.group("name")) == 1:
                staff = m.group().startswith(("名札", "ネームプレート"))
                category = "PHYSICIAN_NAME" if staff else "PATIENT_NAME"
                found.append(Candidate(m.start("name"), m.end("name"), category, RANK_SUPPLEMENT))
        return list(dict.fromkeys(found))  # two forms may read the same name (山田 太郎 先生 御侍史)


def _verbal_noun(word: str) -> bool:
    """A noun that names an action (検査, 確認): SudachiDict lists it as サ変可能."""
    return sudachi_available() and any(pos[2] == "サ変可能" for pos in sudachi_lookup(word))


def _common_noun(word: str) -> bool:
    """SudachiDict lists ``word`` as a common noun (スタッフ), whatever else it may be."""
    return sudachi_available() and any(pos[1] == "普通名詞" for pos in sudachi_lookup(word))


def family_name_ending(text: str, start: int, end: int, by_start: dict[int, Morpheme]) -> int | None:
    """Start of the family name that ends the run text[start:end] (報告者上原 -> 上原), if one does.

    Kanji: the longest ending of two or three that starts a morpheme and may be a family name,
    or one kanji the dictionary reads as a name there. Katakana: the whole word, when the
    dictionary does not list it as a common noun (ナカムラ; not スタッフ).
    """
    run = text[start:end]
    if not re.match(_KANJI_RUN, run):
        return None if _common_noun(run) or len(run) < 2 else start
    for size in (3, 2, 1):
        if size > len(run):
            continue
        begin = end - size
        word = by_start.get(begin)
        if word is None:
            continue
        if size == 1 and not word.is_person:
            continue
        if can_be_surname(run[-size:]) and (word.is_person or word.end >= end or word.oov or size > 1):
            return begin
    return None


_FAMILY_AND_SPACE = re.compile(rf"({_KANJI_RUN}{{1,3}})[ \u3000]$")


def _name_before_unit(text: str, start: int, end: int, by_start: dict[int, Morpheme]) -> tuple[int, int] | None:
    """A name, then the unit of the post written onto it: 三田村事務部長, 宇野 早苗防災委員長.

    The run before the post starts with a family name (or, after a family name and a space, a given
    name) and goes on with a word of the dictionary (事務, 防災): the name is that start.
    """
    run = text[start:end]
    before = _FAMILY_AND_SPACE.search(text, max(0, start - 4), start)
    for size in (3, 2, 1):
        if size >= len(run) or (start + size) not in by_start or _unknown(by_start.get(start + size)):
            continue
        head = run[:size]
        if before and can_be_surname(before.group(1)) and can_be_given_name(head):
            return before.start(1), start + size
        if size > 1 and can_be_surname(head) and not common_word(head):
            return start, start + size
    return None


def _unknown(word: Morpheme | None) -> bool:
    return word is not None and (word.oov or word.is_person)


def _katakana_name(word: str, kana_honorific: bool) -> bool:
    """さん, くん, ちゃん after any katakana word but a common one; 様 and 殿 (also "-like") only after a known name.

    ガラス様, スリガラス様 are glass-like; ジョンソン様 is a person.
    """
    if not sudachi_available():
        return False
    entries = sudachi_lookup(word)
    if entries:  # a name and nothing else: ガラス, ナース, ドクター are also common words
        return any(pos[2] == "人名" for pos in entries) and all(pos[1] == "固有名詞" for pos in entries)
    return kana_honorific
