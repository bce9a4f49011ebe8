"""Who and what one document is about, drawn once, written by a style.

A style decides how each value is written; the cast decides which values
exist. Drawing them first keeps a value written twice (a name in the header
and again in the text) identical, and lets two people share a family name on
purpose: a relative of the patient, and sometimes a doctor.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from faker import Faker

from phi_core.corpus.generator import people
from phi_core.corpus.generator.dates import birth_date_for_age
from phi_core.corpus.generator.facilities import Facility, make_facility, referring_clinic_name
from phi_core.corpus.generator.findings import EXAMS_BY_MODALITY, MODALITY_WEIGHTS, Exam, Scenario
from phi_core.corpus.generator.people import NamePart, Person
from phi_core.corpus.generator.styles import formats

# Places with a romaji spelling, for facilities named in English documents.
ROMAJI_PLACES: tuple[tuple[str, str], ...] = (
    ("港北", "Kohoku"),
    ("青葉", "Aoba"),
    ("桜台", "Sakuradai"),
    ("城南", "Jonan"),
    ("北斗", "Hokuto"),
    ("西湘", "Seisho"),
    ("東邦", "Toho"),
    ("三ツ沢", "Mitsuzawa"),
    ("若葉", "Wakaba"),
    ("川崎南", "Kawasaki Minami"),
    ("緑ヶ丘", "Midorigaoka"),
    ("大宮", "Omiya"),
    ("千里", "Senri"),
    ("白鷺", "Shirasagi"),
    ("湊川", "Minatogawa"),
)
ROMAJI_KINDS: tuple[tuple[str, str], ...] = (
    ("総合病院", "General Hospital"),
    ("市民病院", "City Hospital"),
    ("中央病院", "Central Hospital"),
    ("医療センター", "Medical Center"),
    ("クリニック", "Clinic"),
    ("記念病院", "Memorial Hospital"),
)

RELATIONS: tuple[tuple[str, str, str], ...] = (
    ("妻", "F", "wife"),
    ("夫", "M", "husband"),
    ("長男", "M", "son"),
    ("長女", "F", "daughter"),
    ("次男", "M", "son"),
    ("母", "F", "mother"),
    ("父", "M", "father"),
    ("姉", "F", "sister"),
    ("兄", "M", "brother"),
)


@dataclass
class Address:
    postcode: str
    prefecture: str
    city: str
    street: str
    building: str
    room: str

    def write(self, rng: random.Random) -> formats.Value:
        shape = rng.randrange(6)
        core = f"{self.city}{self.street}"
        if shape == 0:
            return f"{self.postcode} {self.prefecture}{core}", "address with postal code"
        if shape == 1:
            return f"{self.prefecture}{core}", "address without postal code"
        if shape == 2:
            return core, "address without prefecture"
        if shape == 3:
            prefix = f"{self.postcode} " if rng.random() < 0.5 else ""
            return f"{prefix}{self.prefecture}{core} {self.building}{self.room}", "address with building and room"
        if shape == 4:
            return formats.to_fullwidth(f"{self.prefecture}{core}"), "full-width address"
        return f"{self.prefecture}{self.city}", "city-only address"


@dataclass
class Cast:
    fake: Faker
    patient: Person
    sex: str
    age: int
    birth: date
    exam: datetime
    modality: str
    study: Exam
    scenario: Scenario
    variables: dict[str, str]
    facility: Facility
    facility_romaji: str
    department: str
    requester: Person
    reader: Person
    nurse: Person
    relative: Person
    relation: str
    relation_en: str
    referrer: Person
    referrer_clinic: str
    address: Address
    patient_phone: tuple[str, str, str]
    relative_phone: tuple[str, str, str]
    facility_phone: tuple[str, str, str]
    patient_id: formats.Value
    previous: date
    admission: date
    discharge: date


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _person(fake: Faker, rng: random.Random, *, sex: str | None = None, family: NamePart | None = None) -> Person:
    person = people.make_person(fake, rng, sex=sex, family=family)
    # A one-character family name (東) turns up inside ordinary words, so a
    # surname mentioned alone would be ambiguous: keep every name two long.
    while len(person.family.kanji) < 2 and family is None:
        person = people.make_person(fake, rng, sex=sex)
    return person


def _address(fake: Faker, rng: random.Random) -> Address:
    street = rng.choice(
        (
            f"{fake.town()}{fake.chome()}{fake.ban()}{fake.gou()}",
            f"{fake.town()}{rng.randint(1, 9)}-{rng.randint(1, 40)}-{rng.randint(1, 30)}",
            f"{fake.town()}{rng.randint(100, 2999)}-{rng.randint(1, 15)}",
        )
    )
    room = f"{rng.randint(1, 12) * 100 + rng.randint(1, 12)}{rng.choice(('号室', '号', ''))}"
    return Address(
        fake.postcode(), fake.prefecture(), fake.city(), street, f"{fake.town()}{fake.building_name()}", room
    )


def random_exam_moment(rng: random.Random) -> datetime:
    """A weekday between 2019-05 and 2025-12 (so 令和元年 occurs), 8:30-17:55, with seconds."""
    first = date(2019, 5, 7)
    day = first + timedelta(days=rng.randrange(365 * 6 + 200))
    while day.weekday() >= 5:
        day += timedelta(days=1)
    minutes = rng.randrange(8 * 12 + 6, 18 * 12) * 5
    return datetime(day.year, day.month, day.day, minutes // 60, minutes % 60, rng.randrange(60))


def draw_cast(fake: Faker, rng: random.Random) -> Cast:
    while True:  # adults only: the relatives below (妻, 長男...) assume one
        modality = _weighted(rng, MODALITY_WEIGHTS)
        exams = EXAMS_BY_MODALITY[modality]
        study = rng.choices(exams, weights=[e.weight for e in exams])[0]
        scenario = rng.choice(study.scenarios)
        low, high = scenario.age_range or study.age_range
        if high >= 20:
            break
    side = rng.choice(("右", "左"))
    age = rng.randint(max(low, 20), high)
    patient = _person(fake, rng, sex=study.sex)
    exam = random_exam_moment(rng)
    birth = birth_date_for_age(rng, exam.date(), age)
    if rng.random() < 0.04 and age > 30:  # born in the first year of Heisei
        birth = date(1989, rng.randint(2, 12), rng.randint(1, 28))
        age = exam.year - 1989 - (0 if (exam.month, exam.day) >= (birth.month, birth.day) else 1)
    relation, relative_sex, relation_en = rng.choice(RELATIONS)
    relative = _person(fake, rng, sex=relative_sex, family=patient.family)
    requester = _person(fake, rng)
    if rng.random() < 0.15:  # a doctor who shares the patient's family name
        requester = _person(fake, rng, family=patient.family)
    place, place_romaji = rng.choice(ROMAJI_PLACES)
    kind, kind_romaji = rng.choice(ROMAJI_KINDS)
    facility = make_facility(fake, rng)
    if rng.random() < 0.3:
        facility = Facility(kind="romaji", name=f"{place}{kind}", address=facility.address, phone=facility.phone)
    admission = exam.date() - timedelta(days=rng.randint(1, 12))
    return Cast(
        fake=fake,
        patient=patient,
        sex=patient.sex,
        age=age,
        birth=birth,
        exam=exam,
        modality=modality,
        study=study,
        scenario=scenario,
        variables={"side": side, "other": "左" if side == "右" else "右"},
        facility=facility,
        facility_romaji=f"{place_romaji} {kind_romaji}",
        department=rng.choice(study.departments),
        requester=requester,
        reader=_person(fake, rng),
        nurse=_person(fake, rng, sex="F"),
        relative=relative,
        relation=relation,
        relation_en=relation_en,
        referrer=_person(fake, rng),
        referrer_clinic=referring_clinic_name(fake, rng),
        address=_address(fake, rng),
        patient_phone=formats.phone_parts(fake, rng, mobile=rng.random() < 0.5),
        relative_phone=formats.phone_parts(fake, rng, mobile=True),
        facility_phone=formats.phone_parts(fake, rng),
        patient_id=formats.patient_id(rng),
        previous=exam.date() - timedelta(days=rng.randint(30, 900)),
        admission=admission,
        discharge=exam.date() + timedelta(days=rng.randint(2, 20)),
    )


__all__ = ["Address", "Cast", "draw_cast"]
