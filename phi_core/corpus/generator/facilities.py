"""Medical facilities of four kinds, named the way Japanese facilities are named."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable

from faker import Faker

from phi_core.corpus.generator.places import facility_address, landline


@dataclass(frozen=True)
class Facility:
    kind: str
    name: str
    address: str
    phone: str


def place_stem(fake: Faker) -> str:
    """A place name without its 郡/市/区/町/村 suffix (八千代市 -> 八千代)."""
    city = fake.city().split("郡")[-1]
    return city[:-1] if len(city) > 2 and city[-1] in "市区町村" else city


def _university(fake: Faker, rng: random.Random) -> str:
    pattern = rng.choice(("{p}大学医学部附属病院", "{p}医科大学病院", "{p}大学病院", "{p}医科大学附属病院"))
    return pattern.format(p=place_stem(fake))


def _city_hospital(fake: Faker, rng: random.Random) -> str:
    pattern = rng.choice(
        (
            "{p}市立病院",
            "{p}市民病院",
            "{p}総合病院",
            "{p}中央病院",
            "{p}赤十字病院",
            "{f}記念病院",
            "医療法人{f}会 {p}病院",
        )
    )
    return pattern.format(p=place_stem(fake), f=fake.last_name())


def _clinic(fake: Faker, rng: random.Random) -> str:
    pattern = rng.choice(
        (
            "{f}内科クリニック",
            "{p}整形外科クリニック",
            "{p}駅前クリニック",
            "{f}医院",
            "{p}レディースクリニック",
            "{f}内科・消化器科",
            "{p}ファミリークリニック",
        )
    )
    return pattern.format(p=place_stem(fake), f=fake.last_name())


def _imaging_center(fake: Faker, rng: random.Random) -> str:
    pattern = rng.choice(
        (
            "{p}画像診断センター",
            "{p}画像診断クリニック",
            "{p}メディカルイメージングセンター",
            "{p}PET・MRIセンター",
            "{p}健診センター",
        )
    )
    return pattern.format(p=place_stem(fake))


FACILITY_NAMERS: dict[str, Callable[[Faker, random.Random], str]] = {
    "university_hospital": _university,
    "city_hospital": _city_hospital,
    "clinic": _clinic,
    "imaging_center": _imaging_center,
}
FACILITY_WEIGHTS: dict[str, int] = {"university_hospital": 35, "city_hospital": 35, "clinic": 15, "imaging_center": 15}


def make_facility(fake: Faker, rng: random.Random, kind: str | None = None) -> Facility:
    if kind is None:
        kinds = list(FACILITY_WEIGHTS)
        kind = rng.choices(kinds, weights=[FACILITY_WEIGHTS[k] for k in kinds])[0]
    return Facility(
        kind=kind, name=FACILITY_NAMERS[kind](fake, rng), address=facility_address(fake, rng), phone=landline(fake, rng)
    )


def referring_clinic_name(fake: Faker, rng: random.Random) -> str:
    """A clinic that saw the patient before (mentioned in prose, never in the header)."""
    return _clinic(fake, rng)
