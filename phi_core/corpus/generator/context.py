"""Everything one report says about its patient, facility and study, drawn once.

The layouts only arrange these values; drawing them here first keeps a value
that appears twice (the header's patient ID and a hidden mention of it) the
same, and keeps the writing style of one report consistent.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from faker import Faker

from phi_core.corpus.generator import dates, identifiers, people, places
from phi_core.corpus.generator.facilities import Facility, make_facility
from phi_core.corpus.generator.findings import EXAMS_BY_MODALITY, MODALITY_WEIGHTS, Exam, Scenario
from phi_core.corpus.generator.people import Person
from phi_core.corpus.generator.width import to_fullwidth

# Optional header fields and how often each appears, by how much a report's
# header carries: clinic printouts say little, hospital RIS reports say a lot.
FIELD_PROBABILITIES: dict[str, dict[str, float]] = {
    "brief": {
        "reading": 0.25,
        "patient_id": 0.85,
        "birth_date": 0.45,
        "age": 0.6,
        "sex": 0.55,
        "address": 0.1,
        "phone": 0.1,
        "mobile": 0.05,
        "emergency": 0.05,
        "exam_date": 0.9,
        "exam_time": 0.2,
        "requester": 0.35,
        "department": 0.35,
        "hospital": 0.75,
        "facility_address": 0.05,
        "facility_phone": 0.1,
        "accession": 0.1,
        "device_serial": 0.05,
        "previous": 0.25,
        "reader": 0.7,
        "approver": 0.03,
        "report_date": 0.03,
    },
    "standard": {
        "reading": 0.45,
        "patient_id": 0.9,
        "birth_date": 0.8,
        "age": 0.55,
        "sex": 0.6,
        "address": 0.4,
        "phone": 0.35,
        "mobile": 0.1,
        "emergency": 0.15,
        "exam_date": 0.95,
        "exam_time": 0.35,
        "requester": 0.55,
        "department": 0.5,
        "hospital": 0.8,
        "facility_address": 0.15,
        "facility_phone": 0.2,
        "accession": 0.2,
        "device_serial": 0.1,
        "previous": 0.3,
        "reader": 0.8,
        "approver": 0.12,
        "report_date": 0.08,
    },
    "full": {
        "reading": 0.8,
        "patient_id": 1.0,
        "birth_date": 1.0,
        "age": 0.85,
        "sex": 0.9,
        "address": 0.9,
        "phone": 0.85,
        "mobile": 0.3,
        "emergency": 0.6,
        "exam_date": 1.0,
        "exam_time": 0.8,
        "requester": 0.9,
        "department": 0.85,
        "hospital": 1.0,
        "facility_address": 0.7,
        "facility_phone": 0.7,
        "accession": 0.35,
        "device_serial": 0.25,
        "previous": 0.5,
        "reader": 0.95,
        "approver": 0.35,
        "report_date": 0.15,
    },
}
PROFILE_WEIGHTS: dict[str, int] = {"brief": 50, "standard": 38, "full": 12}

NAME_SEPARATORS: dict[str, int] = {"": 55, " ": 35, "\u3000": 10}


@dataclass
class EmergencyContact:
    name: str
    relation: str
    phone: str


@dataclass
class ReportContext:
    modality: str
    exam: Exam
    scenario: Scenario
    variables: dict[str, str]
    patient: Person
    patient_name: str
    reading: str
    reading_style: str
    patient_id: str
    age: int
    age_text: str
    birth_date: str
    sex_text: str
    address: str
    locality: str
    phone: str
    mobile: str
    emergency: EmergencyContact
    exam_day: date
    exam_date: str
    exam_time: str
    facility: Facility
    department: str
    requester: str
    reader: str
    approver: str
    accession: str
    device: str
    device_serial: str
    previous_date: str
    report_date: str
    fields: frozenset[str] = field(default_factory=frozenset)

    def has(self, name: str) -> bool:
        return name in self.fields


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    names = list(weights)
    return rng.choices(names, weights=[weights[n] for n in names])[0]


def _pick_exam(rng: random.Random) -> tuple[str, Exam, Scenario]:
    modality = _weighted(rng, MODALITY_WEIGHTS)
    exams = EXAMS_BY_MODALITY[modality]
    exam = rng.choices(exams, weights=[e.weight for e in exams])[0]
    return modality, exam, rng.choice(exam.scenarios)


def _pick_fields(rng: random.Random) -> frozenset[str]:
    probabilities = FIELD_PROBABILITIES[_weighted(rng, PROFILE_WEIGHTS)]
    chosen = {name for name, p in probabilities.items() if rng.random() < p}
    # The patient's name is always written; make sure at least one date is too.
    if "exam_date" not in chosen and "birth_date" not in chosen:
        chosen.add("exam_date")
    return frozenset(chosen)


def _physician(fake: Faker, rng: random.Random) -> str:
    return people.make_person(fake, rng).name(_weighted(rng, NAME_SEPARATORS))


def _emergency_contact(fake: Faker, rng: random.Random, patient: Person, age: int) -> EmergencyContact:
    relation, sex, same_family = people.emergency_relation(rng, patient, age)
    contact = people.make_person(fake, rng, sex=sex, family=patient.family if same_family else None)
    phone = places.mobile(fake, rng) if rng.random() < 0.8 else places.landline(fake, rng)
    return EmergencyContact(name=contact.name(_weighted(rng, NAME_SEPARATORS)), relation=relation, phone=phone)


def build_context(fake: Faker, rng: random.Random, *, variant_surname: bool = False) -> ReportContext:
    modality, exam, scenario = _pick_exam(rng)
    side = rng.choice(("右", "左"))
    variables = {"side": side, "other": "左" if side == "右" else "右"}

    low, high = scenario.age_range or exam.age_range
    age = rng.randint(low, high)
    patient = people.make_person(fake, rng, sex=exam.sex)
    if variant_surname:
        patient = people.with_variant_surname(patient, rng)

    moment = dates.random_exam_datetime(rng)
    exam_day = moment.date()
    birth = dates.birth_date_for_age(rng, exam_day, age)
    date_style = dates.pick_style(rng, dates.EXAM_DATE_WEIGHTS)
    reading_style = _weighted(rng, people.READING_WEIGHTS)
    reading_separator = rng.choice((" ", " ", "", "\u3000"))
    address = places.patient_address(fake, rng)
    age_text = f"{age}歳"

    return ReportContext(
        modality=modality,
        exam=exam,
        scenario=scenario,
        variables=variables,
        patient=patient,
        patient_name=patient.name(_weighted(rng, NAME_SEPARATORS)),
        reading=people.reading(patient, reading_style, reading_separator),
        reading_style=reading_style,
        patient_id=identifiers.patient_id(rng, modality, exam_day),
        age=age,
        age_text=to_fullwidth(age_text) if rng.random() < 0.07 else age_text,
        birth_date=dates.format_date(birth, dates.pick_style(rng, dates.BIRTH_DATE_WEIGHTS)),
        sex_text=people.SEX_WORDS[patient.sex],
        address=address.text,
        locality=address.locality,
        phone=places.landline(fake, rng) if rng.random() < 0.7 else places.mobile(fake, rng),
        mobile=places.mobile(fake, rng),
        emergency=_emergency_contact(fake, rng, patient, age),
        exam_day=exam_day,
        exam_date=dates.format_date(exam_day, date_style),
        exam_time=dates.format_time(moment.time(), _weighted(rng, dates.TIME_WEIGHTS)),
        facility=make_facility(fake, rng),
        department=rng.choice(exam.departments),
        requester=_physician(fake, rng),
        reader=_physician(fake, rng),
        approver=_physician(fake, rng),
        accession=identifiers.accession_number(rng, modality, exam_day),
        device=rng.choice(exam.devices),
        device_serial=identifiers.device_serial(rng),
        previous_date=dates.format_date(dates.earlier_date(rng, exam_day), date_style),
        report_date=dates.format_date(dates.later_date(rng, exam_day), date_style),
        fields=_pick_fields(rng),
    )
