"""People with written names and their readings (kanji, kana, romaji).

Faker's ``ja_JP`` provider supplies matched (kanji, katakana, romaji) triples
through ``last_name_pair()``, ``first_name_male_pair()`` and
``first_name_female_pair()``. Its pools are small (50 family names, 30 male
and 21 female given names), so a few more triples are added here to keep 160
reports from repeating the same handful of people. The extra list also holds
the variant-character surnames (𠮷田, 𡈽屋) that sit outside the Basic
Multilingual Plane and so exercise code-point offsets downstream.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

import jaconv
from faker import Faker


@dataclass(frozen=True)
class NamePart:
    kanji: str
    kana: str  # full-width katakana
    romaji: str


@dataclass(frozen=True)
class Person:
    family: NamePart
    given: NamePart
    sex: str  # "M" or "F"

    def name(self, separator: str = "") -> str:
        return f"{self.family.kanji}{separator}{self.given.kanji}"


EXTRA_FAMILY_NAMES: tuple[NamePart, ...] = tuple(
    NamePart(*triple)
    for triple in (
        ("大塚", "オオツカ", "Otsuka"),
        ("菅原", "スガワラ", "Sugawara"),
        ("武田", "タケダ", "Takeda"),
        ("上野", "ウエノ", "Ueno"),
        ("杉山", "スギヤマ", "Sugiyama"),
        ("千葉", "チバ", "Chiba"),
        ("村上", "ムラカミ", "Murakami"),
        ("荒木", "アラキ", "Araki"),
        ("大野", "オオノ", "Ono"),
        ("野口", "ノグチ", "Noguchi"),
        ("平野", "ヒラノ", "Hirano"),
        ("菊地", "キクチ", "Kikuchi"),
        ("久保田", "クボタ", "Kubota"),
        ("宮本", "ミヤモト", "Miyamoto"),
        ("北村", "キタムラ", "Kitamura"),
        ("服部", "ハットリ", "Hattori"),
        ("桑原", "クワバラ", "Kuwabara"),
        ("長谷川", "ハセガワ", "Hasegawa"),
        ("西田", "ニシダ", "Nishida"),
        ("東", "ヒガシ", "Higashi"),
        ("本田", "ホンダ", "Honda"),
        ("永井", "ナガイ", "Nagai"),
        ("須藤", "スドウ", "Sudo"),
        ("横山", "ヨコヤマ", "Yokoyama"),
        ("石原", "イシハラ", "Ishihara"),
        ("小松", "コマツ", "Komatsu"),
        ("安藤", "アンドウ", "Ando"),
        ("丸山", "マルヤマ", "Maruyama"),
        ("髙橋", "タカハシ", "Takahashi"),
        ("濱田", "ハマダ", "Hamada"),
    )
)
EXTRA_MALE_NAMES: tuple[NamePart, ...] = tuple(
    NamePart(*triple)
    for triple in (
        ("健太", "ケンタ", "Kenta"),
        ("茂雄", "シゲオ", "Shigeo"),
        ("光一", "コウイチ", "Koichi"),
        ("裕介", "ユウスケ", "Yusuke"),
        ("正明", "マサアキ", "Masaaki"),
        ("達也", "タツヤ", "Tatsuya"),
        ("義男", "ヨシオ", "Yoshio"),
        ("和夫", "カズオ", "Kazuo"),
        ("大輔", "ダイスケ", "Daisuke"),
        ("勝", "マサル", "Masaru"),
        ("蓮", "レン", "Ren"),
        ("悠真", "ユウマ", "Yuma"),
    )
)
EXTRA_FEMALE_NAMES: tuple[NamePart, ...] = tuple(
    NamePart(*triple)
    for triple in (
        ("明子", "アキコ", "Akiko"),
        ("恵美", "エミ", "Emi"),
        ("久美子", "クミコ", "Kumiko"),
        ("優子", "ユウコ", "Yuko"),
        ("和子", "カズコ", "Kazuko"),
        ("幸子", "サチコ", "Sachiko"),
        ("玲子", "レイコ", "Reiko"),
        ("千尋", "チヒロ", "Chihiro"),
        ("美穂", "ミホ", "Miho"),
        ("節子", "セツコ", "Setsuko"),
        ("陽菜", "ヒナ", "Hina"),
        ("結衣", "ユイ", "Yui"),
    )
)

# Surnames written with a character outside the BMP; forced onto a few
# patients (see corpus assembly) and otherwise never drawn.
VARIANT_FAMILY_NAMES: tuple[NamePart, ...] = (
    NamePart("𠮷田", "ヨシダ", "Yoshida"),
    NamePart("𡈽屋", "ツチヤ", "Tsuchiya"),
)

EXTRA_SHARE = 0.35  # how often a name part comes from the extra lists


def _family(fake: Faker, rng: random.Random) -> NamePart:
    if rng.random() < EXTRA_SHARE:
        return rng.choice(EXTRA_FAMILY_NAMES)
    return NamePart(*fake.last_name_pair())


def _given(fake: Faker, rng: random.Random, sex: str) -> NamePart:
    if rng.random() < EXTRA_SHARE:
        return rng.choice(EXTRA_MALE_NAMES if sex == "M" else EXTRA_FEMALE_NAMES)
    pair = fake.first_name_male_pair() if sex == "M" else fake.first_name_female_pair()
    return NamePart(*pair)


def make_person(fake: Faker, rng: random.Random, *, sex: str | None = None, family: NamePart | None = None) -> Person:
    sex = sex or rng.choice(("M", "F"))
    return Person(family=family or _family(fake, rng), given=_given(fake, rng, sex), sex=sex)


def with_variant_surname(person: Person, rng: random.Random) -> Person:
    return replace(person, family=rng.choice(VARIANT_FAMILY_NAMES))


def _katakana(person: Person, separator: str) -> str:
    return f"{person.family.kana}{separator}{person.given.kana}"


def _hiragana(person: Person, separator: str) -> str:
    return jaconv.kata2hira(_katakana(person, separator))


def _romaji_given_first(person: Person, separator: str) -> str:
    return f"{person.given.romaji} {person.family.romaji}"


def _romaji_family_upper(person: Person, separator: str) -> str:
    return f"{person.family.romaji.upper()} {person.given.romaji}"


READING_STYLES = {
    "katakana": _katakana,
    "hiragana": _hiragana,
    "romaji": _romaji_given_first,
    "romaji_upper": _romaji_family_upper,
}
READING_WEIGHTS: dict[str, int] = {"katakana": 45, "hiragana": 35, "romaji": 10, "romaji_upper": 10}


def reading(person: Person, style: str, separator: str = " ") -> str:
    return READING_STYLES[style](person, separator)


def initials(person: Person) -> str:
    return f"{person.given.romaji[0]}.{person.family.romaji[0]}."


SEX_WORDS: dict[str, str] = {"M": "男性", "F": "女性"}
SHORT_SEX_WORDS: dict[str, str] = {"M": "男", "F": "女"}

# Relations an emergency contact may have, by whether the contact keeps the
# patient's family name (a married daughter often does not).
SAME_FAMILY_RELATIONS: tuple[tuple[str, str], ...] = (
    ("妻", "F"),
    ("夫", "M"),
    ("長男", "M"),
    ("次男", "M"),
    ("母", "F"),
    ("父", "M"),
    ("兄", "M"),
    ("姉", "F"),
)
OTHER_FAMILY_RELATIONS: tuple[tuple[str, str], ...] = (("長女", "F"), ("次女", "F"), ("妹", "F"))


CHILD_RELATIONS: tuple[tuple[str, str], ...] = (("母", "F"), ("父", "M"))


def emergency_relation(rng: random.Random, patient: Person, age: int) -> tuple[str, str, bool]:
    """(relation word, contact's sex, whether the contact shares the family name)."""
    if age < 18:
        word, sex = rng.choice(CHILD_RELATIONS)
        return word, sex, True
    spouse = "妻" if patient.sex == "M" else "夫"
    unlikely = {"妻", "夫"} - {spouse}
    if age >= 60:
        unlikely |= {"母", "父"}  # parents of older patients are rarely the contact
    if age < 35:
        unlikely |= {"長男", "次男"}
    same = [(word, sex) for word, sex in SAME_FAMILY_RELATIONS if word not in unlikely]
    if age >= 35 and rng.random() < 0.25:
        word, sex = rng.choice(OTHER_FAMILY_RELATIONS)
        return word, sex, False
    word, sex = rng.choice(same)
    return word, sex, True
