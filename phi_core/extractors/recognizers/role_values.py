"""Names written after a staff role and a colon, and the names listed after them.

術者：鳴海 拓, 助手：相良、Olsen, 麻酔：ヴォルコフ, 差出人：森下 航: the value
after a role is a person when it is shaped like a name: a katakana word, one
or two capitalised Latin words, or kanji that begin with a proper noun or an
unknown word (so 麻酔：全身麻酔 is left alone). Items listed after it with 、
or , count the same. After a clinician's role and one space, a short kanji
word that closes a bracket or a line is a name too (（主治医 荒巻）). Drugs and clinical words are let through by the allow-list.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import (
    NOT_A_NAME,
    _strip_trailing_titles,
    can_be_particle,
    can_be_surname,
    known_word,
    particle_then_word,
    surnames,
)
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.organisations import UNIT_ENDINGS
from phi_core.japanese.chars import (
    HALF_WIDTH_KATAKANA,
    FULL_WIDTH_KATAKANA,
    HIRAGANA_LETTERS,
    LONG_VOWEL,
    MIDDLE_DOT,
    UNIFIED_KANJI,
    is_kanji,
)
from phi_core.japanese.honorifics import (
    DEEDS_AFTER_NAME,
    KATAKANA_POST_ENDINGS,
    LATIN_STAFF_ABBREVIATIONS,
    SIGN_OFF_WORDS,
    STAFF_OCCUPATIONS,
    TEAM_SHORT_WORDS,
    alternation,
    words,
)
from phi_core.nlp.loaders import sudachi_available, sudachi_lookup
from phi_core.nlp.morphemes import document_morphemes

from .romaji_words import is_romaji
from .sudachi_names import BEFORE_CUES, RANK_SUPPLEMENT

ROLES: tuple[str, ...] = (
    "術者", "執刀医", "執刀", "助手", "第1助手", "第2助手", "第一助手", "第二助手", "麻酔", "麻酔科医", "麻酔医",
    "器械出し", "外回り", "人工心肺", "記載医", "記載者", "記録", "記録者", "報告者", "作成者", "差出人", "宛先",
    "送信者", "担当", "担当医", "担当者", "主治医", "薬剤師", "通訳", "付き添い", "付添", "同席", "出席者", "参加者",
    "司会", "確認者", "承認者", "依頼医", "紹介医", "読影医", "指導医", "看護師", "受付", "署名", "検査技師",
    # Who read, judged, measured or did it, in a report's or a log's sign-off (判読：堀, 測定者：沖).
    "判読", "判読医", "判定者", "評価者", "測定者", "施行者", "実施者", "検査者", "入力者", "点検者", "監査者", "受付者",
    # Who made or took a call in a call log (発信：真壁, 受信者：沖田).
    "発信", "発信者", "受信", "受信者",
)  # fmt: skip
# Words that head a list of people only with a colon after them (参加：…; 出席 alone marks attendance in a table).
_LIST_HEADS = ("出席", "参加")
_ROLE = re.compile(
    "(?:" + "|".join(sorted(map(re.escape, ROLES + _LIST_HEADS), key=len, reverse=True)) + r")[ \u3000]*[：:][ \u3000]*"
)
_ITEM = re.compile(r"[^、,，\n\u3000（(／/]+(?:[ ][^、,，\n\u3000（(／/ ]+)?")
_KATAKANA = re.compile(f"^[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}{MIDDLE_DOT}]{{2,16}}$")
_KANJI_MEMBER = re.compile(f"^[{UNIFIED_KANJI}々]{{1,3}}$")
_LATIN = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?$")
_KANJI_NAME = re.compile(f"^[{UNIFIED_KANJI}々]{{1,4}}(?: [{UNIFIED_KANJI}々{HIRAGANA_LETTERS}]{{1,4}})?$")


# A clinician's role, one space, and a short kanji family name closing a bracket or a line:
# （主治医 荒巻）, "担当医 野間\n": what else would stand there is a name.
_CLINICIAN_ROLES = ("主治医", "担当医", "執刀医", "術者", "読影医", "依頼医", "紹介医", "指導医", "記載医", "麻酔科医")
_ROLE_SPACE_NAME = re.compile(
    "(?:" + "|".join(_CLINICIAN_ROLES) + f")[ \u3000](?P<name>[{UNIFIED_KANJI}々]{{1,3}})(?=[）)]|\n|$)", re.MULTILINE
)


# Any staff occupation, one space, and a name closing a bracket, an item of a list or a line:
# （指導 助産師 石蔵）, 病棟師長 エヴァンス 葉子）, （公認心理師 ファン・ティ・マイ）, 検者 鬼塚 玲央）.
# Half-width katakana too, as a ward's terminal types a name (OT ｻｶｷ).
_KATAKANA_PART = f"(?:[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{2,10}}|[{HALF_WIDTH_KATAKANA}]{{2,10}})"
# A family name may hold a small ノ or ヶ between its kanji (一ノ瀬, 八ヶ代).
_KANJI_FAMILY = f"[{UNIFIED_KANJI}々](?:[ノヶ]?[{UNIFIED_KANJI}々]){{0,3}}"
# Any post made of kanji that ends in a person word names its holder next, listed or not
# (診療情報管理士 ラミレス 香, 視能訓練士 Okafor).
_KANJI_POST = f"[{UNIFIED_KANJI}]{{1,7}}[士師医員官]"
# A katakana occupation by how it ends (リンクワーカー, 治験モニター); the kanji before it belong to the post.
_KATAKANA_POST = (
    f"[{UNIFIED_KANJI}]{{0,4}}[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{0,8}}(?:{alternation(KATAKANA_POST_ENDINGS)})"
)
_LATIN_CAPITALISED = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"
_LATIN_WORD = rf"(?:{_LATIN_CAPITALISED}|[A-Z]{{2,}}(?:-[A-Z]{{2,}})?)"
_LATIN_PARTICLE = r"(?:de|da|di|du|dos|del|van|von|der|den|bin|binti|al|le|la)"
_OCCUPATION_SPACE_NAME = re.compile(
    f"(?<![{UNIFIED_KANJI}A-Za-z])(?:{alternation(STAFF_OCCUPATIONS + ROLES + TEAM_SHORT_WORDS)}|{_KANJI_POST}|{_KATAKANA_POST}|(?P<signoff>{alternation(SIGN_OFF_WORDS)}))[ \u3000]"
    f"(?P<name>{_KANJI_FAMILY}(?:[ \u3000][{UNIFIED_KANJI}々{HIRAGANA_LETTERS}]{{1,3}})?"
    # A foreign name written with middle dots, a part of one letter among them (受け イ・ソヨン).
    f"|[{FULL_WIDTH_KATAKANA}][{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{0,9}}(?:{MIDDLE_DOT}[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{1,10}}){{1,2}}"
    f"|{_KATAKANA_PART}(?:[{MIDDLE_DOT} \u3000]{_KATAKANA_PART}){{0,2}}(?:[ \u3000][{UNIFIED_KANJI}々]{{1,3}})?"
    # Latin: up to four words, capitalised or in capitals, with the particles of a family name between or
    # before them (看護師 Ng Thi Lan, 当直医 Hendrik de VRIES, 当直 de Vries).
    # The first word is capitalised: capitals alone after ST or PT are as often an English heading (ST ANALYSIS).
    f"|(?:{_LATIN_PARTICLE} ){{0,2}}{_LATIN_CAPITALISED}(?: (?:{_LATIN_PARTICLE} ){{0,2}}{_LATIN_WORD}){{0,3}}"
    # a family name in lower-case romaji, as a log's sign-off writes it (保健師 kawano); read as romaji below
    "|(?P<lower>[a-z]{3,12}))"
    # The next item of a list set apart by a wide space or two spaces: 助手 Lee Min-jun　麻酔 真鍋.
    # A particle set apart by a space ends the name too: 会計課長 井戸川 に確認.
    # A colon after the name makes it a speaker's (心理 堀：…); a note in brackets may follow (通訳 Pham（院内）).
    # What they did may follow after a space: 看護部長 渡辺 久美 確認後.
    # The next item after a slash: 看護師長 関 ／ 主治医 安藤, Ns 関／Ns 上原.
    # An honorific or what they did, a space after the name: 通訳 ファム 氏が, 通訳 Pham 同席.
    rf"(?=[）)（(、,，。\u3000：]|  |\n|$| (?:に|へ|が|は|より|から|と|も)(?![{HIRAGANA_LETTERS}])| (?:{alternation(SIGN_OFF_WORDS)})"
    rf"| (?:{alternation(words('person') + DEEDS_AFTER_NAME + ('同席',))})| ?[／/])",
    re.MULTILINE,
)


_ROLE_WORDS = frozenset(STAFF_OCCUPATIONS + ROLES)
# English words that parse as Hepburn syllables and may follow a post in a note.
_ENGLISH_ROMAJI_SHAPED = frozenset(
    "one are ago due none name home same note mode code done made make take more some mine hope rare".split()
)


def _lower_case_family_name(word: str) -> bool:
    """kawano, oda: romaji, and no word the dictionary knows; a short one (oda, abe, ono) may be an acronym it
    lists (ODA) and is still a name unless English writes it so."""
    if not is_romaji(word):
        return False
    return not known_word(word) or (len(word) <= 4 and word not in _ENGLISH_ROMAJI_SHAPED)


# A known family name with a Latin title glued after it: 4南 石原Ns, 野口Dr, 玉城PT.
_NAME_BEFORE_LATIN_TITLE = re.compile(
    f"(?<![{UNIFIED_KANJI}々])(?P<name>[{UNIFIED_KANJI}々]{{1,8}})(?:{alternation(LATIN_STAFF_ABBREVIATIONS)})\\.?(?![A-Za-z])"
)
# A role followed by a word saying what happened (PT 実施) or who in general (担当 本人: NOT_A_NAME).
_VERBAL_NOUNS = ("サ変可能", "形状詞可能", "副詞可能", "助数詞可能")


_UNIT_ENDINGS = (*UNIT_ENDINGS, "院", "所")
_HONORIFIC_WORDS = frozenset(words())


def _unknown_compound(value: str, by_start: dict, start: int) -> bool:
    """記録：梟山: kanji the dictionary has only as single-kanji nouns (梟 + 山), none a verbal noun or a unit.

    A family name no dictionary lists reads as ordinary nouns glued together; a
    clinical value after a role is a word it knows (全身麻酔) or a compound of
    words (外来看護, 胸部外科, 病棟全体).
    """
    if " " in value or not 2 <= len(value) <= 4 or value.endswith(_UNIT_ENDINGS) or not sudachi_available():
        return False
    if sudachi_lookup(value):
        return False
    pieces = [m for m in by_start.values() if start <= m.start and m.end <= start + len(value)]
    return len(pieces) >= 2 and all(
        len(m.surface) == 1 and m.pos[0] == "名詞" and m.pos[2] not in _VERBAL_NOUNS for m in pieces
    )


def _common_word_only(value: str) -> bool:
    if not is_kanji(value[:1]) or " " in value or "\u3000" in value or not sudachi_available():
        return False
    entries = sudachi_lookup(value)
    return bool(entries) and not can_be_surname(value) and all(pos[1] != "固有名詞" for pos in entries)


def _family_name_word(value: str, first) -> bool:
    """発信：真壁: a family name the dictionary also knows as a common word (真壁, 根本), standing alone after a role."""
    return (
        first is not None
        and first.end - first.start == len(value)
        and can_be_surname(value)
        and not _says_what_not_who(first)
    )


def _says_what_not_who(word) -> bool:
    return word.surface in NOT_A_NAME or word.surface in BEFORE_CUES or word.pos[2] in _VERBAL_NOUNS


@register
class RoleValueRecognizer(Recognizer):
    name: ClassVar[str] = "role-value"
    categories: ClassVar[tuple[str, ...]] = ("PHYSICIAN_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        by_start = None
        found: list[Candidate] = []
        for role in _ROLE.finditer(text):
            position = role.end()
            while True:
                item = _ITEM.match(text, position)
                if not item:
                    break
                value = item.group().strip()
                start = item.start() + (len(item.group()) - len(item.group().lstrip()))
                unit, _, member = value.partition(" ")
                if member and not can_be_surname(unit) and (_LATIN.match(member) or _KANJI_MEMBER.match(member)):
                    # 参加：麻酔科 Kim／リハ 堤: each item a unit, then its member's name
                    start, value = start + len(unit) + 1, member
                if _KATAKANA.match(value) or _LATIN.match(value):
                    found.append(Candidate(start, start + len(value), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
                elif _KANJI_NAME.match(value):
                    if by_start is None:
                        by_start = {m.start: m for m in document_morphemes(doc)}
                    first = by_start.get(start)
                    if (
                        (first is not None and (first.is_proper or first.oov))
                        or _unknown_compound(value, by_start, start)
                        or _family_name_word(value, first)
                    ):
                        found.append(Candidate(start, start + len(value), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
                end = item.end()
                if end < len(text) and text[end] in "、,，／/":
                    position = end + 1
                    continue
                break
        spaced = [m.span("name") for m in _ROLE_SPACE_NAME.finditer(text)]
        for m in _OCCUPATION_SPACE_NAME.finditer(text):
            start, end = m.span("name")
            if m.group("signoff") and is_kanji(text[start]):
                continue  # 確認 済, 対応 中: after what was done, kanji are read by glued-name alone
            if m.group("lower") and not _lower_case_family_name(m.group("lower")):
                continue  # 看護師 note, PT done: English, not a romanised name
            parts = re.split("[ \u3000]", text[start:end])
            if parts[0] in _ROLE_WORDS:
                continue  # 担当 看護師 確認: a second role, no name
            if len(parts) > 1 and (
                parts[-1] in _ROLE_WORDS or particle_then_word(parts[-1]) or can_be_particle(parts[-1])
            ):
                # 宇佐美　第一助手 乾: the next item's role; 広瀬 に確認: a particle and a verb, no given name
                end = start + len(parts[0])
            if _common_word_only(text[start:end]):
                continue  # 会社員 男性（34）: a word the dictionary knows and lists as no family name
            spaced.append((start, _strip_trailing_titles(text, start, end)))  # 佐藤 花子様: not the 様
        if any(abbreviation in text for abbreviation in LATIN_STAFF_ABBREVIATIONS):
            known = surnames()
            for m in _NAME_BEFORE_LATIN_TITLE.finditer(text):
                # The longest end of the kanji that may be a family name: 4南 上間Ns, 病棟我如古Dr.
                name_start, name_end = m.span("name")
                for start in range(max(name_start, name_end - 3), name_end - 1):
                    if text[start:name_end] in known or can_be_surname(text[start:name_end]):
                        spaced.append((start, name_end))
                        break
                else:
                    if name_end - name_start <= 3 and text[name_start:name_end] in known:
                        spaced.append((name_start, name_end))
                    elif text[name_end - 2] in _UNIT_ENDINGS and can_be_surname(text[name_end - 1]):
                        spaced.append((name_end - 1, name_end))  # 形成外科嶋Dr: one kanji after its unit
        for start, end in spaced:
            if by_start is None:
                by_start = {m.start: m for m in document_morphemes(doc)}
            word = by_start.get(start)
            if word is not None and _says_what_not_who(word):
                continue
            found.append(Candidate(start, end, "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        # An honorific after a role addresses someone (院長 殿); it is no name itself.
        return [c for c in found if text[c.start : c.end] not in _HONORIFIC_WORDS]
