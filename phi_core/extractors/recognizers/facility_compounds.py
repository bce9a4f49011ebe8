"""Facility names as compounds that end in a facility head noun (recall-first).

ひだまり発達相談室, 横浜北部救命救急センター, 経堂こどもと大人のクリニック,
県立こども医療センター, こども医療センター北: whatever words stand before a head
noun (one table, phi_core/japanese/organisations.FACILITY_HEADS) inside the
same compound make a facility's name as soon as one of them says WHICH facility
rather than what kind: a place or person SudachiDict knows, a word it does not
know, a coined word in hiragana (ひだまり), a public owner with more words
(県立こども), or a branch written right after the head (センター北). Words that
only say what is done there (発達, 相談, 救命救急, 検査, 総合), loanwords it knows
(メンタル, データ), generic kana (こども, がん) make a kind, not a name:
救命救急センター, 地域包括支援センター, 総合病院 stay unmasked, and so does what
points at a facility without naming it (当院, 同センター, 近くのクリニック,
かかりつけの病院, A病院).

The compound runs back from the head over nouns, prefixes and suffixes (and
の or と between words of a name: こどもと大人の), and stops at a particle, a verb,
a space or punctuation. Where the tokenizer cut a coined hiragana name into verbs
and particles (患者は|しらとり内科クリニック), the hiragana run after the sentence's
particle is read as one word. A body that runs the hospital, written before it
with a space (国立病院機構 横浜医療センター), and a hiragana name after the head
and a space (横浜リワークセンター ひだまり, 児童発達支援センター にじいろ) belong
to the name, and so does a place the dictionary knows glued after the head as a
branch (ヒアリングプラザ松戸, さくらクリニック銀座); a head broken across a line (クリ⏎ニック) is still a head.

The same words make a practice's name before its specialties (まえばし中央内科,
きのした内科小児科, 山田眼科) and a hospital's before its group's word (横浜労災,
熊本日赤), but only with a word that says which one: after plain words a
specialty is a department (消化器内科, 当院内科) and 労災 is an insurance. A
municipality's health or welfare office (港北区福祉保健センター) is a public
office the writers leave unmarked, and 園 after a park's, a school's or a
place's word (公園, 保育園, 花園町) is no home. ホーム glued to katakana is one
loanword (メディホーム, a supplier); after a coined word in kana or kanji it is a
home (みどりの丘ホーム). A screening body (浦和検診協会) and a check-up plaza
(ひばりが丘健診プラザ) are places of care; a learned society or an association is not.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import ClassVar, NamedTuple

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import (
    HIRAGANA_LETTERS,
    KANJI,
    KATAKANA,
    LONG_VOWEL,
    is_hiragana,
    is_katakana,
)
from phi_core.japanese.honorifics import alternation, words
from phi_core.japanese.organisations import (
    FACILITY_HEADS,
    HOSPITAL_GROUPS,
    HOSPITAL_OPERATORS,
    NOT_CARE_GARDENS,
    PRACTICE_SPECIALTIES,
    PUBLIC_OWNERS,
)
from phi_core.nlp.morphemes import Morpheme, document_morphemes

from .sudachi_names import RANK_SUPPLEMENT

_HEAD = re.compile(alternation(FACILITY_HEADS))
_GROUP = re.compile(rf"(?:{alternation(HOSPITAL_GROUPS)})(?![{KANJI}{KATAKANA}])")
# A head broken across a line by a form's narrow cell: さがみ野中央クリ⏎ニック.
_SPLIT_HEAD = re.compile(
    alternation(tuple(f"{h[:i]}\n{h[i:]}" for h in FACILITY_HEADS if len(h) > 1 for i in range(1, len(h))))
)
# A practice's specialties, more joined on (内科・小児科, 内科胃腸科), ending the word (not 内科的, 外科医).
_PRACTICE = re.compile(
    rf"(?:{alternation(PRACTICE_SPECIALTIES)})(?:[・･]?(?:{alternation(PRACTICE_SPECIALTIES)}))*(?![{KANJI}{KATAKANA}])"
)
# What turns the head into another noun: 病院機構, 病院協会, センター試験, 病院的, クリニックス.
_NOT_AN_END = re.compile(rf"機構|協会|学会|連合|協議|団体|グループ|試験|化|的|群|[{KATAKANA}]")
_BOUNDARY = r"[\s、。,，（(）)」』】／/：:｜|]|$"
# A particle after a name in a sentence, before the sentence's next word: 北を受診, ひだまりに通所.
_PARTICLE_THEN_WORD = rf"(?:を|に|へ|で|が|は|から|より|まで)(?=[{KANJI}{KATAKANA}])"
# A branch written right after the head: こども医療センター北, さくらクリニック銀座院 (not センター入院).
_BRANCH = re.compile(
    rf"(?:[東西南北]|[{KANJI}]{{1,2}}(?<![入退通来転在帰開閉休受登病医当同本他前貴寺])(?:分院|院)|分院|本院|別院|分室|サテライト)"
    rf"(?={_BOUNDARY}|{_PARTICLE_THEN_WORD})"
)
# A coined name in hiragana after the head and a space: 横浜リワークセンター ひだまり (in katakana it may be a
# person or a thing: 障害学生支援室 ヴォルコフ, 化学療法センター ベッド, 横浜医療センター スタッフ).
_KANA_AFTER = re.compile(
    rf"[ \u3000](?P<name>[{HIRAGANA_LETTERS}{LONG_VOWEL}]{{2,10}}?)"
    rf"(?={_BOUNDARY}|{_PARTICLE_THEN_WORD})"
)
# Where a name may open: a line's start, a space, punctuation, a bracket or a colon.
_OPENING = re.compile(r"[\s、。,，「『（(【：:／/・]")
_LEADING_PARTICLE = re.compile("からの|からは|から|より|まで|には|では|とは|へは|にて|[はがをにでへもとや]")
# Runs that end as a verb, an adjective or a particle, or hold a small っ (行った).
# A run that opens with し and ends in た is する inflected (していた, しました); きのした, やました are names.
_INFLECTED = re.compile(
    "っ|^し.*た$|(?:いた|れた|せた|てた|えた|んだ|だ|て|る|い|ない|ます|です|な|の|に|を|が|は|へ|も|や|か)$"
    "|^(?:あたり|ついて|おいて|よって|かけて|むけて|わたり|つき|とも|して|より|ため)"
)
# Kana words a sentence goes on with after a facility and a space.
_FUNCTION_WORDS = frozenset(
    "まで から より など にて では には への へは です ます こと もの ため よう とき ほか".split()
)
_OPERATOR = re.compile(rf"(?:{alternation(HOSPITAL_OPERATORS)})[ \u3000]?$")
_KANJI_AT = re.compile(f"[{KANJI}]")
_MAX_WORDS = 8
_MAX_CHARS = 20

# Words that point at a facility, say where it is relative to someone, or lead a sentence into it:
# the name (if any) starts after them. Time words are read from their part of speech (昨日, 現在).
_LEADING = frozenset(
    "当 同 本 他 前 近 各 某 貴 元 旧 当該 該当 近く 近隣 近所 最寄り 最寄 自宅 地元 市内 県内 都内 区内 町内 "
    "院内 院外 管内 域内 全国 国内 海外 紹介元 紹介先 搬送先 転院先 受診先 入院先 通院先 入所先 依頼先 連携先 "
    "受入先 受け入れ先 かかりつけ 掛かりつけ 患者 本人 家族 他院 前医 近医 主治医 担当 担当医 複数 一部 別 "
    "ほか べつ まえ つぎ ちかく もより じもと 以下 上記 下記 左記 右記 該 次 全 各種 所属 紹介 搬送 受診 入院 "
    "通院 転院 入所 外部 目的 精査 加療 依頼 予定 希望 門前".split()
) | frozenset(words("person", "clinician", "position"))
# Kana words that say whom a facility serves or what it treats, not which one it is.
_GENERIC_KANA = frozenset(
    "こども こころ からだ おとな いのち あかちゃん がん もの ひと みんな まち くらし ドック".split()
)
# A municipality's health or welfare office (港北区福祉保健センター, 秩父市保健センター) is a public office,
# as a police station is: the writers leave it unmarked. A coined name makes it a facility (さくら保健センター).
_PUBLIC_OFFICES = ("保健", "福祉")


class _Word(NamedTuple):
    start: int
    end: int
    kind: str  # "lead", "owner", "join", "specific" or "plain"


def _kana_only(surface: str, test) -> bool:
    return len(surface) >= 2 and all(test(ch) or ch == LONG_VOWEL for ch in surface)


def _kind_of(surface: str, m: Morpheme | None) -> str:
    if surface in _LEADING or (m is not None and m.pos[2] == "副詞可能"):
        return "lead"
    if surface in PUBLIC_OWNERS:
        return "owner"
    if m is not None and m.pos[0] == "助詞":
        return "join"
    if _kana_only(surface, is_hiragana):
        return "plain" if surface in _GENERIC_KANA else "specific"
    if m is None:
        return "plain"
    if _kana_only(surface, is_katakana):
        # A loanword SudachiDict knows (メンタル, データ) is a kind; one it does not know is a coined name.
        return "specific" if (m.oov or m.is_proper) and surface not in _GENERIC_KANA else "plain"
    if m.pos[0] == "名詞" and (m.is_proper or m.oov) and m.pos[1] != "数詞":
        return "specific"
    return "plain"


def _takes(m: Morpheme) -> bool:
    if m.pos[0] in ("名詞", "接頭辞", "接尾辞"):
        # A word of letters: not a symbol the tokenizer did not know (☑, ※).
        # Numbers in kanji name (第二, 第一); in digits they count (3病院).
        return all(ch.isalnum() or ch in "・ー々ヶ" for ch in m.surface) and (
            m.pos[1] != "数詞" or all(ch in "一二三四五六七八九十" for ch in m.surface)
        )
    return m.pos[0] == "助詞" and m.surface in ("の", "と")


def _words_before(text: str, morphemes: list[Morpheme], starts: list[int], head: int) -> list[_Word]:
    """The words of the compound before the head, left to right."""
    found: list[_Word] = []
    position = head
    index = bisect_right(starts, head - 1) - 1
    if index >= 0 and morphemes[index].start < head < morphemes[index].end:
        # The tokenizer glued a word to the head (医療センター as one word): the piece before it is a word.
        m = morphemes[index]
        found.append(_Word(m.start, head, _kind_of(text[m.start : head], None)))
        position, index = m.start, index - 1
    elif index >= 0 and morphemes[index].end != head:
        return found
    stopped_on_kana = False
    while index >= 0 and len(found) < _MAX_WORDS:
        m = morphemes[index]
        if m.end != position or head - m.start > _MAX_CHARS or not _takes(m):
            # A particle ends a sentence's words cleanly; a verb or an adverb in kana may be a cut coined name.
            stopped_on_kana = m.end == position and is_hiragana(m.surface[-1]) and m.pos[0] != "助詞"
            break
        found.append(_Word(m.start, m.end, _kind_of(m.surface, m)))
        position, index = m.start, index - 1
    found.reverse()
    if stopped_on_kana:
        found = _coined_kana(text, found, head)
    # 県 + 立: a public owner the tokenizer cut in two.
    for i in range(len(found) - 2, -1, -1):
        if text[found[i].start : found[i + 1].end] in PUBLIC_OWNERS:
            found[i : i + 2] = [_Word(found[i].start, found[i + 1].end, "owner")]
    return found


def _coined_kana(text: str, found: list[_Word], head: int) -> list[_Word]:
    """The hiragana run before the compound as one coined word, when the tokenizer cut it into verbs and
    particles (しら + とり, たま + がわ): from the last letter that is not hiragana, less a particle a sentence
    put there after a noun (患者は|しらとり). Runs that end as a verb, an adjective or a particle do (された,
    近くにある, 大きな, べつの): no name."""
    kept = [w for w in found if not all(is_hiragana(ch) for ch in text[w.start : w.end])]
    # The hiragana words the walk took at the compound's start belong to the run.
    while found and found[0] not in kept[:1]:
        found = found[1:]
    end = found[0].start if found else head
    start = end
    while start > 0 and is_hiragana(text[start - 1]) and end - start < 12:
        start -= 1
    run = text[start:end]
    if start > 0 and not _OPENING.match(text[start - 1]):
        # After a noun only a particle opens a name (患者は|しらとり); kana glued to a kanji word inflects it
        # (希望したら, 紹介された).
        particle = _LEADING_PARTICLE.match(run)
        if particle is None:
            return found
        run = run[particle.end() :]
    if len(run) < 3 or _INFLECTED.search(run) or run in _LEADING or run in _GENERIC_KANA:
        return found
    return [_Word(end - len(run), end, "specific"), *found]


def _coined(kana: str) -> bool:
    return kana not in _GENERIC_KANA and kana not in _FUNCTION_WORDS and not _INFLECTED.search(kana)


def _name_words(found: list[_Word]) -> list[_Word]:
    """The words that may belong to the name: after the last leading word, through joins that join a name."""
    for i in range(len(found) - 1, -1, -1):
        if found[i].kind == "lead":
            found = found[i + 1 :]
            break
    while True:
        while found and found[0].kind == "join":
            found = found[1:]
        joins = [i for i, w in enumerate(found) if w.kind == "join"]
        if not joins:
            return found
        i = joins[0]
        left = found[:i]
        # の or と inside a name joins words of it (経堂こどもと大人の); after one plain word it is a sentence's
        # (患者の病院, 横浜の病院: a single place before の names where, not which).
        named = any(w.kind in ("specific", "owner") for w in left)
        if named and (len(left) >= 2 or _kana_only_word(left)):
            return found
        found = found[i + 1 :]
        if not found:
            return found


def _kana_only_word(left: list[_Word]) -> bool:
    return len(left) == 1 and left[0].kind == "specific" and left[0].end - left[0].start >= 3


_BRANCH_END = re.compile(rf"(?:{_BOUNDARY}|{_PARTICLE_THEN_WORD})")


def _place_branch(text: str, morphemes: list[Morpheme], starts: list[int], end: int) -> int | None:
    """Where a place or another proper noun SudachiDict knows, glued after the head as a branch or the
    family that runs it, ends: ヒアリングプラザ松戸, さくらクリニック銀座, ウェルネススクエア北浜 (北浜 is known as a
    family name) (not センター長, a word that runs on: 病院横浜市)."""
    index = bisect_right(starts, end) - 1
    if index < 0 or morphemes[index].start != end:
        return None
    if not (morphemes[index].is_place or morphemes[index].pos[1] == "固有名詞"):
        return None
    if morphemes[index].surface.endswith(("都", "道", "府", "県", "市", "区", "町", "村", "郡")):
        return None  # an address starts there (病院横浜市…), not a branch
    return morphemes[index].end if _BRANCH_END.match(text, morphemes[index].end) else None


@register
class FacilityCompoundRecognizer(Recognizer):
    name: ClassVar[str] = "facility-compound"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        practices = any(kind in text for kind in PRACTICE_SPECIALTIES + HOSPITAL_GROUPS)
        split = "\n" in text and _SPLIT_HEAD.search(text) is not None
        if not practices and not split and not any(head in text for head in FACILITY_HEADS):
            return []
        morphemes = document_morphemes(doc)
        starts = [m.start for m in morphemes]
        found = []
        for head in _HEAD.finditer(text):
            if head.group() == "ホーム" and head.start() and is_katakana(text[head.start() - 1]):
                continue  # one loanword: メディホーム (a supplier), ケアホーム, グループホーム (the kind's recognizers)
            if head.group() == "園" and (
                _KANJI_AT.match(text, head.end()) or text.endswith(NOT_CARE_GARDENS, 0, head.start())
            ):
                continue  # 公園, 保育園, 花園町: a park, a school, a place
            if not _NOT_AN_END.match(text, head.end()):
                found.extend(self._named(text, morphemes, starts, head.start(), head.end(), practice=False))
        if split:
            for head in _SPLIT_HEAD.finditer(text):
                found.extend(self._named(text, morphemes, starts, head.start(), head.end(), practice=False))
        if practices:
            for pattern in (_PRACTICE, _GROUP):
                for head in pattern.finditer(text):
                    found.extend(self._named(text, morphemes, starts, head.start(), head.end(), practice=True))
        return found

    @staticmethod
    def _named(text: str, morphemes: list[Morpheme], starts: list[int], head: int, end: int, practice: bool):
        name = _name_words(_words_before(text, morphemes, starts, head))
        if not name:
            return []
        specific = any(w.kind == "specific" for w in name)
        if practice:
            # A specialty after a plain word is a department (消化器内科, 当院内科): only a name makes a practice.
            return [Candidate(name[0].start, end, "HOSPITAL_NAME", RANK_SUPPLEMENT)] if specific else []
        if text.endswith(_PUBLIC_OFFICES, 0, head) and not any(
            w.kind == "specific" and is_hiragana(text[w.start]) for w in name
        ):
            return []
        branch = _BRANCH.match(text, end)
        place = None if branch else _place_branch(text, morphemes, starts, end)
        after = _KANA_AFTER.match(text, end)
        named = specific or (any(w.kind == "owner" for w in name) and len(name) >= 2)
        if branch or place:
            end, named = (branch.end() if branch else place), True
        elif after and _coined(after.group("name")):
            end, named = after.end(), True
        if not named:
            return []
        start = name[0].start
        operator = _OPERATOR.search(text, max(0, start - 16), start)
        if operator:
            start = operator.start()
        return [Candidate(start, end, "HOSPITAL_NAME", RANK_SUPPLEMENT)]


# The same reading of a compound before a head noun, for other kinds of head (business_names).
words_before = _words_before
name_words = _name_words
SPECIFIC = "specific"
