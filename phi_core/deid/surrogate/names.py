"""Fictional names with readings that match them, consistent across a job.

A person is a family and a given name part, each a (kanji, katakana, romaji)
triple, so a surrogate kanji name always comes with its own kana and romaji
reading. Parts come from Faker's ja_JP pairs, the generator's extra lists and
a composed pool (two halves with their readings, 青+川 -> 青川 アオカワ
Aokawa), never one spelled like the original it replaces, and, in a job
that knows all its documents first (a pasted text, an upload), never one
that appears in any original name of the job. An archive streamed in pieces
cannot know that list, so there a surrogate may by chance equal a real name
found elsewhere in the archive (never the one it replaces).

The same original family (given) name always maps to the same surrogate
family (given) name, drawn from the stream the job's key gives that original,
which keeps 山田太郎, 山田 太郎, 山田様 and, within a document, the reading
ヤマダ タロウ pointing at one fictional person.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import jaconv
from faker.providers.person.ja_JP import Provider as _JaPersons

from phi_core.corpus.generator.people import EXTRA_FAMILY_NAMES, EXTRA_FEMALE_NAMES, EXTRA_MALE_NAMES, NamePart
from phi_core.corpus.locate import strip_titles
from phi_core.japanese.scripts import name_writing
from phi_core.japanese.width import to_full_width_kana, to_half_width_kana

_FAMILY_HEADS = (
    ("青", "アオ", "Ao"),
    ("赤", "アカ", "Aka"),
    ("白", "シラ", "Shira"),
    ("黒", "クロ", "Kuro"),
    ("朝", "アサ", "Asa"),
    ("春", "ハル", "Haru"),
    ("夏", "ナツ", "Natsu"),
    ("秋", "アキ", "Aki"),
    ("冬", "フユ", "Fuyu"),
    ("梅", "ウメ", "Ume"),
    ("松", "マツ", "Matsu"),
    ("竹", "タケ", "Take"),
    ("杉", "スギ", "Sugi"),
    ("桜", "サクラ", "Sakura"),
    ("霧", "キリ", "Kiri"),
    ("雪", "ユキ", "Yuki"),
    ("星", "ホシ", "Hoshi"),
    ("月", "ツキ", "Tsuki"),
    ("浜", "ハマ", "Hama"),
    ("岩", "イワ", "Iwa"),
    ("磯", "イソ", "Iso"),
    ("梶", "カジ", "Kaji"),
    ("椎", "シイ", "Shii"),
    ("葛", "クズ", "Kuzu"),
)
_FAMILY_TAILS = (
    ("川", "カワ", "kawa"),
    ("野", "ノ", "no"),
    ("沢", "サワ", "sawa"),
    ("原", "ハラ", "hara"),
    ("谷", "タニ", "tani"),
    ("森", "モリ", "mori"),
    ("島", "シマ", "shima"),
    ("崎", "サキ", "saki"),
    ("尾", "オ", "o"),
    ("井", "イ", "i"),
    ("浦", "ウラ", "ura"),
    ("坂", "サカ", "saka"),
)
_MALE_HEADS = (
    ("健", "ケン", "Ken"),
    ("翔", "ショウ", "Sho"),
    ("大", "ダイ", "Dai"),
    ("拓", "タク", "Taku"),
    ("悠", "ユウ", "Yu"),
    ("航", "コウ", "Ko"),
    ("蒼", "ソウ", "So"),
    ("晴", "ハル", "Haru"),
)
_MALE_TAILS = (
    ("太", "タ", "ta"),
    ("斗", "ト", "to"),
    ("介", "スケ", "suke"),
    ("也", "ヤ", "ya"),
    ("平", "ヘイ", "hei"),
)
_FEMALE_HEADS = (
    ("美", "ミ", "Mi"),
    ("花", "ハナ", "Hana"),
    ("彩", "アヤ", "Aya"),
    ("結", "ユ", "Yu"),
    ("千", "チ", "Chi"),
    ("沙", "サ", "Sa"),
    ("理", "リ", "Ri"),
    ("紗", "サ", "Sa"),
)
_FEMALE_TAILS = (("子", "コ", "ko"), ("香", "カ", "ka"), ("帆", "ホ", "ho"), ("絵", "エ", "e"))
# How a given name ends says, more often than not, whether it is a woman's or a
# man's; the surrogate then keeps that, so 美咲 does not become 健太.
_FEMALE_ENDINGS = frozenset("子美香恵奈代江乃花咲菜穂絵里沙紗帆央枝衣華")
_MALE_ENDINGS = frozenset("郎夫雄男介太輔也樹一二三彦朗司治人士平斗吾輝翔蔵助吉")


def _composed(heads, tails) -> list[NamePart]:
    return [NamePart(h[0] + t[0], h[1] + t[1], h[2] + t[2]) for h in heads for t in tails]


@lru_cache(maxsize=None)
def _family_parts() -> tuple[NamePart, ...]:
    return tuple(
        [NamePart(*p) for p in _JaPersons.last_name_pairs]
        + list(EXTRA_FAMILY_NAMES)
        + _composed(_FAMILY_HEADS, _FAMILY_TAILS)
    )


@lru_cache(maxsize=None)
def _given_parts(sex: str | None) -> tuple[NamePart, ...]:
    male = (
        [NamePart(*p) for p in _JaPersons.first_name_male_pairs]
        + list(EXTRA_MALE_NAMES)
        + _composed(_MALE_HEADS, _MALE_TAILS)
    )
    female = (
        [NamePart(*p) for p in _JaPersons.first_name_female_pairs]
        + list(EXTRA_FEMALE_NAMES)
        + _composed(_FEMALE_HEADS, _FEMALE_TAILS)
    )
    return tuple(male if sex == "M" else female if sex == "F" else male + female)


@lru_cache(maxsize=None)
def _known_sex() -> dict[str, str]:
    return {text: sex for sex in ("F", "M") for p in _given_parts(sex) for text in (p.kanji, p.kana)}


def family_pool() -> list[NamePart]:
    return list(_family_parts())


def given_pool(sex: str | None = None) -> list[NamePart]:
    """Given names of one sex ("M", "F") or of both (None)."""
    return list(_given_parts(sex))


def guess_sex(given: str) -> str | None:
    """ "M", "F" or None for a given name, from the known lists, else from its last character."""
    known = _known_sex().get(given)
    if known:
        return known
    last = given[-1:] if given else ""
    return "F" if last in _FEMALE_ENDINGS else "M" if last in _MALE_ENDINGS else None


@dataclass(frozen=True)
class SurrogatePerson:
    family: NamePart
    given: NamePart | None


_SPACES = re.compile(r"([ \u3000]+)")


def _case_like(original: str, text: str) -> str:
    if original.isupper() and len(original) > 1:
        return text.upper()
    if original.islower():
        return text.lower()
    return text[:1].upper() + text[1:].lower()


class NameBook:
    """Original names -> fictional people, for one de-identification job."""

    def __init__(self, rng: random.Random | Callable[[str, str], random.Random], avoid: str = ""):
        # ``rng``: the keyed stream of each original (kind, value) -> Random, or one
        # shared Random. ``avoid``: the job's original names joined; no surrogate part may occur in it.
        self.rng_for = rng if callable(rng) and not isinstance(rng, random.Random) else (lambda kind, value: rng)
        self.avoid = avoid  # every original name of the job, joined
        self.family: dict[str, NamePart] = {}
        self.given: dict[str, NamePart] = {}
        self.people: dict[str, SurrogatePerson] = {}  # original kanji name (spaces removed) -> person
        self.readings: dict[tuple[str, ...], SurrogatePerson] = {}  # reading_keys of an original reading
        # Filtered once per job: no part that shows up in any original name.
        lowered = avoid.lower()
        self._families = [p for p in family_pool() if not _in(p, avoid, lowered)] or family_pool()
        self._givens = {
            sex: [p for p in given_pool(sex) if not _in(p, avoid, lowered)] or given_pool(sex)
            for sex in ("M", "F", None)
        }
        self._splits: dict[str, tuple[str, str | None]] = {}  # name without spaces -> (family, given)

    def start_document(self) -> None:
        """Forget the names of the last document (their surrogates are recomputed from the key)."""
        for memory in (self.family, self.given, self.people, self.readings, self._splits):
            memory.clear()

    def _draw(self, pool: list[NamePart], kind: str, original: str) -> NamePart:
        """The part the key gives ``original``: never one spelled like the original itself."""
        rng = self.rng_for(kind, original)
        plain = original.removeprefix("reading:").lower()
        part = rng.choice(pool)
        for _ in range(20):
            if plain not in (part.kanji, jaconv.kata2hira(part.kana), part.kana, part.romaji.lower()):
                break
            part = rng.choice(pool)
        return part

    def _family(self, original: str) -> NamePart:
        if original not in self.family:
            self.family[original] = self._draw(self._families, "family-name", original)
        return self.family[original]

    def _given(self, original: str) -> NamePart:
        if original not in self.given:
            sex = guess_sex(original.removeprefix("reading:"))
            self.given[original] = self._draw(self._givens[sex], "given-name", original)
        return self.given[original]

    # ----------------------------------------------------------- kanji names

    def _split_kanji(self, token: str) -> tuple[str, str | None]:
        for length in range(len(token) - 1, 0, -1):  # a family name seen before, longest first
            if token[:length] in self.family:
                return token[:length], token[length:]
        if token in self.family or len(token) <= 2:
            return token, None
        return token[:2], token[2:]

    def person_for_kanji(self, core: str) -> tuple[SurrogatePerson, list[str]]:
        """The person and the pieces (family, separator, given) of a kanji name."""
        pieces = _SPACES.split(core.strip())
        key = "".join(p for p in pieces if not _SPACES.fullmatch(p))
        if len(pieces) >= 3:
            family_text, given_text = pieces[0], "".join(pieces[2:])
        elif key in self._splits:  # 山田太郎 after 山田 太郎: split where the spaced form did
            family_text, given_text = self._splits[key]
        else:
            family_text, given_text = self._split_kanji(key)
        self._splits.setdefault(key, (family_text, given_text))
        family = self._family(family_text)
        given = self._given(given_text) if given_text else None
        person = SurrogatePerson(family, given)
        self.people.setdefault(key, person)
        return person, pieces

    def kanji(self, value: str) -> tuple[str, SurrogatePerson]:
        core, prefix, suffix = _split_titles(value)
        person, pieces = self.person_for_kanji(core)
        separator = pieces[1] if len(pieces) >= 3 else ""
        text = person.family.kanji + (separator + person.given.kanji if person.given else "")
        return prefix + text + suffix, person

    # ------------------------------------------------------------- readings

    def known_reading(self, value: str) -> SurrogatePerson | None:
        """The person an earlier reading of the same name (any script, any order) went to."""
        keys = reading_keys(_split_titles(value)[0])
        if not keys:
            return None
        return self.readings.get(tuple(keys)) or self.readings.get(tuple(reversed(keys)))

    def reading(self, value: str, person: SurrogatePerson | None = None) -> tuple[str, SurrogatePerson]:
        """A kana or romaji reading (or initials) of ``person``, written like ``value``.

        An earlier reading of the same name wins over the ``person`` guessed
        from the text around it, so one name keeps one reading everywhere.
        """
        core, prefix, suffix = _split_titles(value)
        keys = reading_keys(core)
        person = self.known_reading(value) or person
        if person is None:
            tokens = keys or [core]
            person = SurrogatePerson(
                self._family("reading:" + tokens[0]),
                self._given("reading:" + "".join(tokens[1:])) if len(tokens) > 1 else None,
            )
        if keys and name_writing(core) != "initials":
            self.readings.setdefault(tuple(keys), person)
        written = _write_reading(core, person)
        if written == core:  # only initials can meet by chance (Y.Y. for Y.Y.): never keep the original
            written = "".join(_next_letter(c) for c in written)
        return prefix + written + suffix, person


_LONG_VOWELS = (("ou", "o"), ("oo", "o"), ("uu", "u"), ("oh", "o"))


def reading_keys(core: str) -> list[str]:
    """One key per word of a reading, equal for kana and romaji spellings
    (ヤマダ タロウ, やまだ たろう and YAMADA Taro give ["yamada", "taro"]):
    romaji drops long vowels (Taro, Ono), so the keys drop them too."""
    script = name_writing(core)
    if script == "kanji" or script == "initials":
        return []
    words = [t for t in _SPACES.split(core.strip()) if t and not _SPACES.fullmatch(t)]
    keys = []
    for word in words:
        if script == "halfkana":
            word = to_full_width_kana(word)
        if script in ("katakana", "halfkana"):
            word = jaconv.kata2hira(word)
        key = jaconv.kana2alphabet(word).lower() if script != "romaji" else word.lower()
        for long, short in _LONG_VOWELS:
            key = key.replace(long, short)
        keys.append(key)
    return keys


def _in(part: NamePart, avoid: str, lowered: str) -> bool:
    hiragana = jaconv.kata2hira(part.kana)
    return part.kanji in avoid or part.kana in avoid or hiragana in avoid or part.romaji.lower() in lowered


def _next_letter(char: str) -> str:
    if "A" <= char <= "Z":
        return chr((ord(char) - 65 + 1) % 26 + 65)
    if "a" <= char <= "z":
        return chr((ord(char) - 97 + 1) % 26 + 97)
    return char


def _split_titles(value: str) -> tuple[str, str, str]:
    core = strip_titles(value)
    at = value.find(core)
    if at < 0:
        return value, "", ""
    return core, value[:at], value[at + len(core) :]


def _write_reading(core: str, person: SurrogatePerson) -> str:
    script = name_writing(core)
    pieces = _SPACES.split(core.strip())
    tokens = [p for p in pieces if not _SPACES.fullmatch(p)]
    separator = pieces[1] if len(pieces) >= 3 else ""
    family, given = person.family, person.given
    if script == "initials":
        letters = [c for c in core if c.isascii() and c.isalpha()]
        sources = [given.romaji if given else family.romaji, family.romaji] if len(letters) >= 2 else [family.romaji]
        out, n = [], 0
        for c in core:
            if c.isascii() and c.isalpha():
                source = sources[min(n, len(sources) - 1)]
                out.append(source[0].upper() if c.isupper() else source[0].lower())
                n += 1
            else:
                out.append(c)
        return "".join(out)
    if script == "romaji":
        if len(tokens) >= 2 and given is not None:
            family_first = tokens[0].isupper() and len(tokens[0]) > 1
            first, second = (family.romaji, given.romaji) if family_first else (given.romaji, family.romaji)
            return _case_like(tokens[0], first) + separator + _case_like(tokens[-1], second)
        return _case_like(tokens[0] if tokens else core, family.romaji)
    full = len(tokens) >= 2 or (given is not None and len(core) >= 5)
    kana = family.kana + ((separator if len(tokens) >= 2 else "") + given.kana if full and given else "")
    if script == "hiragana":
        return jaconv.kata2hira(kana)
    if script == "halfkana":
        return to_half_width_kana(kana, space=False)
    return kana
