"""Addresses and telephone numbers in the shapes Japanese forms use.

Faker's ``ja_JP`` address provider gives the pieces (prefecture, city, town,
chome/ban/gou, building names, postcode); its ready-made ``address()`` joins a
random prefecture with an unrelated city, which is fine for fake data, and
always uses one layout, so the layouts are composed here instead. Its
``phone_number()`` draws area codes as two random digits, so landlines are
numbered here from a table of real area-code lengths.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable

from faker import Faker

from phi_core.corpus.generator.width import to_fullwidth


def _street_kanji(fake: Faker, rng: random.Random) -> str:
    return f"{fake.town()}{fake.chome()}{fake.ban()}{fake.gou()}"


def _street_hyphen(fake: Faker, rng: random.Random) -> str:
    return f"{fake.town()}{rng.randint(1, 9)}-{rng.randint(1, 40)}-{rng.randint(1, 30)}"


def _street_two_part(fake: Faker, rng: random.Random) -> str:
    return f"{fake.town()}{rng.randint(100, 2999)}-{rng.randint(1, 15)}"


STREET_STYLES: dict[str, Callable[[Faker, random.Random], str]] = {
    "kanji": _street_kanji,
    "hyphen": _street_hyphen,
    "two_part": _street_two_part,
}


def _building(fake: Faker, rng: random.Random) -> str:
    room = rng.randint(1, 12) * 100 + rng.randint(1, 12)
    suffix = rng.choice(("号室", "号", ""))
    return f"{fake.town()}{fake.building_name()}{room}{suffix}"


@dataclass(frozen=True)
class Address:
    text: str
    locality: str  # prefecture and city, for prose such as "…の自宅で転倒"


def patient_address(fake: Faker, rng: random.Random) -> Address:
    """A home address: sometimes with 〒 postcode and building, sometimes only the city."""
    locality = f"{fake.prefecture()}{fake.city()}"
    if rng.random() < 0.12:
        return Address(locality, locality)
    text = f"{locality}{STREET_STYLES[rng.choice(list(STREET_STYLES))](fake, rng)}"
    if rng.random() < 0.4:
        text += f" {_building(fake, rng)}"
    if rng.random() < 0.5:
        text = f"〒{fake.postcode()} {text}"
    if rng.random() < 0.1:
        text = to_fullwidth(text)
    return Address(text, locality)


def facility_address(fake: Faker, rng: random.Random) -> str:
    street = STREET_STYLES[rng.choice(("kanji", "hyphen"))](fake, rng)
    address = f"{fake.prefecture()}{fake.city()}{street}"
    return f"〒{fake.postcode()} {address}" if rng.random() < 0.6 else address


# (area code, digits in the local exchange part); the subscriber part is 4 digits.
AREA_CODES: tuple[tuple[str, int], ...] = (
    ("03", 4),
    ("06", 4),
    ("045", 3),
    ("052", 3),
    ("011", 3),
    ("092", 3),
    ("075", 3),
    ("078", 3),
    ("022", 3),
    ("048", 3),
    ("043", 3),
    ("082", 3),
    ("0422", 2),
    ("0466", 2),
)
MOBILE_PREFIXES: tuple[str, ...] = ("090", "080", "070")


def _hyphenated(parts: tuple[str, str, str]) -> str:
    return "-".join(parts)


def _bracketed(parts: tuple[str, str, str]) -> str:
    return f"{parts[0]}({parts[1]}){parts[2]}"


def _bare(parts: tuple[str, str, str]) -> str:
    return "".join(parts)


def _fullwidth(parts: tuple[str, str, str]) -> str:
    return to_fullwidth("-".join(parts))


PHONE_STYLES: dict[str, Callable[[tuple[str, str, str]], str]] = {
    "hyphen": _hyphenated,
    "bracket": _bracketed,
    "bare": _bare,
    "fullwidth": _fullwidth,
}
PHONE_WEIGHTS: dict[str, int] = {"hyphen": 75, "bracket": 8, "bare": 7, "fullwidth": 10}


def _style(rng: random.Random) -> str:
    names = list(PHONE_WEIGHTS)
    return rng.choices(names, weights=[PHONE_WEIGHTS[n] for n in names])[0]


def landline(fake: Faker, rng: random.Random, *, style: str | None = None) -> str:
    area, exchange_digits = rng.choice(AREA_CODES)
    parts = (area, fake.numerify("%" + "#" * (exchange_digits - 1)), fake.numerify("####"))
    return PHONE_STYLES[style or _style(rng)](parts)


def mobile(fake: Faker, rng: random.Random, *, style: str | None = None) -> str:
    parts = (rng.choice(MOBILE_PREFIXES), fake.numerify("%###"), fake.numerify("####"))
    chosen = style or _style(rng)
    return PHONE_STYLES["hyphen" if chosen == "bracket" else chosen](parts)
