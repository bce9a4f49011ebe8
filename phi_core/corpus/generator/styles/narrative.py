"""Narrative imaging reports: no header block, PHI only inside sentences."""

from __future__ import annotations

import random

from phi_core.corpus.generator.styles import formats
from phi_core.japanese import honorifics
from phi_core.corpus.generator.styles.cast import Cast
from phi_core.corpus.generator.styles.common import (
    HONORIFICS_PATIENT,
    doctor,
    exam_date,
    facility_name,
    prose,
    technique,
)
from phi_core.corpus.generator.styles.doc import StyleBuilder


def write_narrative(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    b.ln(f"{cast.study.title} 読影所見")
    b.ln()
    opening = rng.randrange(3)
    if opening == 0:
        b.v(formats.kanji_name(cast.patient, rng), "PATIENT_NAME").t(rng.choice(HONORIFICS_PATIENT)).t("（")
        if rng.random() < 0.6:
            b.v(formats.era_year(cast.birth, rng), "BIRTH_DATE").t("生、")
        b.v(formats.age(cast.age, rng), "AGE").t("、").v(formats.sex(cast.sex, "word"), "SEX").t("）について、")
        b.v(exam_date(cast, rng), "EXAM_DATE").t("に")
        facility_name(b, cast, rng)
        b.t(f"で{cast.study.title}を施行した。")
    elif opening == 1:
        b.v(exam_date(cast, rng), "EXAM_DATE").t(" ")
        b.v(formats.clock(cast.exam.time(), rng), "TIME").t(f"撮像の{cast.study.title}。")
        b.t("依頼は")
        doctor(b, cast.requester, rng)
        b.t("（").v((cast.department, "department"), "DEPARTMENT").t("）。")
        b.t("患者は").v(formats.age(cast.age, rng), "AGE").t("の").v(formats.sex(cast.sex, "word"), "SEX").t("で、")
    else:
        b.t("本日（").v(exam_date(cast, rng), "EXAM_DATE").t("）、")
        doctor(b, cast.requester, rng)
        b.t("より依頼のあった").v(formats.kanji_name(cast.patient, rng), "PATIENT_NAME").t("様の")
        b.t(f"{cast.study.title}について報告します。")
    b.t("臨床情報：").t("、".join(prose(cast, rng, "clinical"))).ln("。")
    b.ln()
    b.ln("撮像条件は " + " / ".join(technique(cast, rng)) + " 。")
    b.ln()
    comparison = rng.randrange(4)
    if comparison == 0:
        b.v(formats.japanese_date(cast.previous, rng), "OTHER_DATE").t("に")
        b.v((cast.referrer_clinic, "facility name"), "HOSPITAL_NAME").ln("で撮影された前回画像と比較した。")
    elif comparison == 3:
        b.t("前医「").v((cast.referrer_clinic, "bracketed facility name"), "HOSPITAL_NAME").t("」の")
        b.v(formats.kanji_name(cast.referrer, rng), "PHYSICIAN_NAME").t("先生より、")
        b.v(formats.month_day(cast.previous, rng), "OTHER_DATE").ln("の画像を取り寄せて比較した。")
    elif comparison == 1:
        b.t("前回検査（").v(formats.year_month(cast.previous, rng), "OTHER_DATE").ln("）と比較した。")
    else:
        b.ln("比較可能な前回画像はない。")
    for sentence in prose(cast, rng, "findings"):
        b.ln(sentence)
    b.ln()
    family = cast.patient.family
    if len(family.kanji) >= 2 and rng.random() < 0.7:
        b.v(formats.surname(family), "PATIENT_NAME").t(
            rng.choice(honorifics.words("person", exclude=("さま", "殿", "君", "くん", "ちゃん")))
        ).t("の画像診断は、")
    else:
        b.t("画像診断は、")
    b.t("、".join(prose(cast, rng, "impression"))).ln(" と考えます。")
    for sentence in prose(cast, rng, "advice"):
        b.ln(sentence)
    b.ln()
    if cast.requester.family == cast.patient.family:
        b.t("ご依頼の").v(formats.surname(cast.requester.family), "PHYSICIAN_NAME").ln("先生に電話で報告済み。")
    b.t("以上、")
    doctor(b, cast.reader, rng)
    b.ln(rng.choice(("が読影しました。", " 記。", "（放射線診断専門医）")))
