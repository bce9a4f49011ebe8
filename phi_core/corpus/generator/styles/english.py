"""Reports from a Japanese hospital written partly or wholly in English."""

from __future__ import annotations

import random
from datetime import timedelta

from phi_core.corpus.generator.styles import formats
from phi_core.corpus.generator.styles.cast import Cast
from phi_core.corpus.generator.styles.common import (
    ENGLISH_FINDINGS,
    ENGLISH_IMPRESSIONS,
    english_lines,
    exam_date,
    prose,
)
from phi_core.corpus.generator.styles.doc import StyleBuilder

ENGLISH_DEPARTMENTS = (
    "Radiology",
    "Gastroenterology",
    "Respiratory Medicine",
    "Neurosurgery",
    "Urology",
    "Internal Medicine",
    "Orthopedics",
)


def _romaji_person(person, rng: random.Random) -> formats.Value:
    return rng.choice((formats.romaji_name, formats.romaji_family_first, formats.romaji_initial))(person, rng)


def _conference_note(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    """A multidisciplinary conference note: English headings, Japanese clauses, names in both scripts."""
    b.t("[Cancer Board] ").v(
        formats.japanese_date(cast.exam.date(), rng, weights={"slash": 1, "two_digit": 1}), "OTHER_DATE"
    ).ln()
    b.t("Case: ").v(formats.romaji_initial(cast.patient, rng), "PATIENT_NAME").t(" / ")
    b.v(formats.kanji_name(cast.patient, rng), "PATIENT_NAME").t(", ").v(formats.english_age(cast.age, rng), "AGE")
    b.t(" ").v(formats.sex(cast.sex, "code"), "SEX").t(", MRN ").v(cast.patient_id, "PATIENT_ID").ln()
    b.t("Presenter: ").v(formats.romaji_family_first(cast.reader, rng), "PHYSICIAN_NAME").t(" (Radiology), ")
    b.t("attending: ").v(formats.kanji_name(cast.requester, rng), "PHYSICIAN_NAME").t(" (")
    b.v((cast.department, "department"), "DEPARTMENT").ln(")")
    b.ln("Summary: " + "、".join(prose(cast, rng, "clinical")))
    b.t("Imaging (").v(exam_date(cast, rng), "EXAM_DATE").t("): ").ln("、".join(prose(cast, rng, "impression")))
    b.ln(
        "Discussion: "
        + rng.choice(("手術適応ありと判断", "化学療法先行の方針", "経過観察で合意", "追加でMRIを施行予定"))
    )
    b.t("Next: ").v(formats.month_day(cast.exam.date() + timedelta(days=rng.randint(7, 28)), rng), "OTHER_DATE")
    b.ln(" に再検討")


def write_english_mixed(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    if rng.random() < 0.3:
        _conference_note(b, cast, rng)
        return
    b.ln(f"{cast.study.title} Report")
    b.t("Pt: ").v(rng.choice((formats.romaji_family_first, formats.kanji_name))(cast.patient, rng), "PATIENT_NAME")
    b.t(" (ID ").v(cast.patient_id, "PATIENT_ID").t("), ").v(formats.english_age(cast.age, rng), "AGE").t(" ")
    b.v(formats.sex(cast.sex, rng.choice(("code", "english"))), "SEX").ln()
    if rng.random() < 0.5:
        b.t("DOB ").v(formats.era_abbreviated(cast.birth, rng), "BIRTH_DATE").t(" / initials ")
        b.v(formats.initials(cast.patient, rng), "PATIENT_NAME").ln()
    b.t("Date: ").v(exam_date(cast, rng), "EXAM_DATE").t(" ").v(formats.clock(cast.exam.time(), rng), "TIME").ln()
    b.t("Ref: Dr. ").v(rng.choice((formats.romaji_initial, formats.kanji_name))(cast.requester, rng), "PHYSICIAN_NAME")
    b.t(" (").v((cast.referrer_clinic, "facility name"), "HOSPITAL_NAME").ln(")")
    b.ln()
    b.ln("Hx: " + "、".join(prose(cast, rng, "clinical")))
    b.t("Compared with prior CT on ").v(
        formats.japanese_date(cast.previous, rng, weights={"slash": 1, "iso": 1}), "OTHER_DATE"
    ).ln(".")
    b.ln()
    b.ln("Findings:")
    for line in prose(cast, rng, "findings"):
        b.ln(line)
    b.ln()
    b.ln("Impression: " + " / ".join(prose(cast, rng, "impression")))
    b.ln("Plan: " + rng.choice(("f/u CT 3M後", "EUS-FNA考慮", "外科consult予定", "経過観察")))
    b.ln()
    if len(cast.patient.family.romaji) > 2 and rng.random() < 0.6:
        b.t("Discussed with ").v((cast.patient.family.romaji, "romaji surname alone"), "PATIENT_NAME")
        b.ln(rng.choice(("-san and family.", " san.", "-sama.")))
    b.t("Reported by ").v(_romaji_person(cast.reader, rng), "PHYSICIAN_NAME").t(", MD")
    if rng.random() < 0.5:
        b.t(" / ").v(formats.kanji_name(cast.reader, rng), "PHYSICIAN_NAME")
    b.ln()


def _english_letter(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    """A referral letter in English: salutation, the patient inside sentences, a signature block."""
    day = cast.exam.date()
    b.v(formats.english(day, rng), "OTHER_DATE").ln()
    b.ln()
    b.t("Dear Dr. ").v((cast.referrer.family.romaji, "romaji surname alone"), "PHYSICIAN_NAME").ln(",")
    b.ln()
    b.t("Thank you for referring ").v(
        rng.choice((formats.romaji_name, formats.romaji_initial))(cast.patient, rng), "PATIENT_NAME"
    )
    b.t(" (MRN ").v(cast.patient_id, "PATIENT_ID").t("; DOB ").v(
        formats.english_style_date(cast.birth, rng), "BIRTH_DATE"
    ).ln("),")
    b.t(f"who underwent {cast.modality} at our department on ").v(formats.english_style_date(day, rng), "EXAM_DATE")
    b.ln(".")
    for line in english_lines(rng, ENGLISH_FINDINGS, 2):
        b.ln(line)
    b.t("We explained the results to ").v((cast.patient.family.romaji, "romaji surname alone"), "PATIENT_NAME")
    b.t(rng.choice(("-san", " san", ""))).t(" and ").v(
        rng.choice((formats.romaji_name,))(cast.relative, rng), "EMERGENCY_CONTACT"
    )
    b.ln(f" ({cast.relation_en}).")
    b.ln("We would be grateful for your continued care.")
    b.ln()
    b.ln("Sincerely,")
    b.v(_romaji_person(cast.reader, rng), "PHYSICIAN_NAME").ln(", MD, PhD")
    b.v((cast.facility_romaji, "romaji facility name"), "HOSPITAL_NAME").ln()
    b.t("Phone: ").v(formats.phone(cast.facility_phone, rng, weights={"international": 1}), "FACILITY_PHONE").ln()


def write_english(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    if rng.random() < 0.35:
        _english_letter(b, cast, rng)
        return
    day = cast.exam.date()
    b.ln(rng.choice(("RADIOLOGY REPORT", "Diagnostic Imaging Report", "Imaging Consultation")))
    b.v((cast.facility_romaji, "romaji facility name"), "HOSPITAL_NAME").t(", Department of ")
    b.v((rng.choice(ENGLISH_DEPARTMENTS), "English department"), "DEPARTMENT").ln()
    if rng.random() < 0.5:
        b.t("Tel ").v(
            formats.phone(cast.facility_phone, rng, weights={"international": 3, "hyphen": 1}), "FACILITY_PHONE"
        )
        b.t(" ext. ").v(formats.extension(rng), "FACILITY_PHONE").ln()
    b.ln()
    b.t("Patient: ").v(
        rng.choice((formats.romaji_name, formats.romaji_family_first))(cast.patient, rng), "PATIENT_NAME"
    )
    b.t("    MRN: ").v(cast.patient_id, "PATIENT_ID").ln()
    b.t("DOB: ").v(formats.english_style_date(cast.birth, rng), "BIRTH_DATE").t(" (")
    b.v(formats.english_age(cast.age, rng), "AGE").t(" ").v(formats.sex(cast.sex, "english"), "SEX").ln(")")
    if rng.random() < 0.4:
        a = cast.address
        b.t("Address: ").v(
            (
                f"{formats.digits(rng, 1)}-{rng.randint(1, 30)}-{rng.randint(1, 20)} "
                f"{rng.choice(('Chuo', 'Minami', 'Kita', 'Higashi'))}, {a.postcode}",
                "English address",
            ),
            "ADDRESS",
        ).ln()
    b.t("Exam: ").t(f"{cast.modality} ").t("on ").v(formats.english_style_date(day, rng), "EXAM_DATE")
    b.t(" at ").v(formats.clock(cast.exam.time(), rng, weights={"colon": 1, "english": 1}), "TIME").ln()
    b.t("Referring physician: Dr. ").v(_romaji_person(cast.requester, rng), "PHYSICIAN_NAME").ln()
    b.t("Accession: ").v(formats.accession(rng, day), "OTHER_ID").ln()
    b.ln()
    b.ln(
        "CLINICAL HISTORY: "
        + rng.choice(("Cough for 3 weeks.", "Abdominal pain.", "Follow-up of known lesion.", "Headache and dizziness."))
    )
    b.t("COMPARISON: ")
    if rng.random() < 0.7:
        b.v(formats.english_style_date(cast.previous, rng), "OTHER_DATE").ln(f" ({cast.modality}).")
    else:
        b.ln("None.")
    b.ln("FINDINGS:")
    for line in english_lines(rng, ENGLISH_FINDINGS, 3):
        b.ln(line)
    b.ln("IMPRESSION:")
    for number, line in enumerate(english_lines(rng, ENGLISH_IMPRESSIONS, 2), start=1):
        b.ln(f"{number}. {line}")
    b.ln()
    if len(cast.patient.family.romaji) > 2 and rng.random() < 0.5:
        b.t("Results were explained to Mr./Ms. ").v(
            (cast.patient.family.romaji, "romaji surname alone"), "PATIENT_NAME"
        ).ln(".")
    b.t("Electronically signed by ").v(_romaji_person(cast.reader, rng), "PHYSICIAN_NAME").t(", MD on ")
    b.v(formats.english_style_date(day, rng), "OTHER_DATE").ln()
