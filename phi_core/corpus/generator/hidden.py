"""PHI planted in the prose of a report, where a header-minded reader misses it.

The study's development set carries such "hidden" PHI in 29 of 100 reports:
a patient's name in a sentence, a chart number passed off as a reference, a
previous study at a named clinic. Each kind below writes one sentence as
plain text and PHI pieces, says where in the report it belongs, and carries a
detection difficulty from 4 (a plain mention) to 9 (initials in a research note).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable

from faker import Faker

from phi_core.corpus.generator import dates, people
from phi_core.corpus.generator.builder import Piece
from phi_core.corpus.generator.context import ReportContext
from phi_core.corpus.generator.facilities import referring_clinic_name
from phi_core.corpus.generator.findings import PREVIOUS_EXAM_WORDS


@dataclass(frozen=True)
class HiddenSentence:
    kind: str
    pieces: tuple[Piece, ...]
    difficulty: int
    section: str  # "clinical", "findings" or "advice"


def _patient_name(ctx: ReportContext, fake: Faker, rng: random.Random) -> HiddenSentence:
    surname_only = rng.random() < 0.5
    name = ctx.patient.family.kanji if surname_only else ctx.patient.name()
    tail = rng.choice(
        (
            "様は前回検査時に造影剤による軽度の蕁麻疹があり、今回は慎重に観察しながら施行した。",
            "さんご本人より、症状は数日前から続いているとの申告があった。",
            "様には検査直後に結果の概略を説明済みである。",
        )
    )
    return HiddenSentence(
        "patient_name", ("なお、", (name, "PATIENT_NAME"), tail), 5 if surname_only else 4, "findings"
    )


def _prior_clinic(ctx: ReportContext, fake: Faker, rng: random.Random) -> HiddenSentence:
    day = dates.earlier_date(rng, ctx.exam_day, min_days=14, max_days=400)
    day_text = dates.format_date(day, rng.choice(("western", "era", "slash")))
    clinic = referring_clinic_name(fake, rng)
    exam_word = PREVIOUS_EXAM_WORDS[ctx.modality]
    pieces = (
        (day_text, "OTHER_DATE"),
        "に",
        (clinic, "HOSPITAL_NAME"),
        f"で撮影された{exam_word}（紹介元資料）も参照した。",
    )
    return HiddenSentence("prior_clinic", pieces, 5, "findings")


def _chart_number(ctx: ReportContext, fake: Faker, rng: random.Random) -> HiddenSentence:
    pieces = rng.choice(
        (
            ("過去画像はカルテ番号", (ctx.patient_id, "PATIENT_ID"), "で保管されているものを参照した。"),
            ("（旧システム番号 ", (ctx.patient_id, "PATIENT_ID"), " の画像と照合済み）"),
        )
    )
    return HiddenSentence("chart_number", pieces, 6, "findings")


def _family_member(ctx: ReportContext, fake: Faker, rng: random.Random) -> HiddenSentence:
    relation, sex = rng.choice(
        (("母", "F"), ("父", "M"), ("姉", "F"), ("兄", "M")) if ctx.age >= 18 else (("母", "F"), ("父", "M"))
    )
    relative = people.make_person(fake, rng, sex=sex, family=ctx.patient.family)
    pieces = ("家族歴：", relation, "（", (relative.name(), "EMERGENCY_CONTACT"), "）が同様の疾患で加療歴あり。")
    return HiddenSentence("family_member", pieces, 7, "clinical")


def _accession(ctx: ReportContext, fake: Faker, rng: random.Random) -> HiddenSentence:
    pieces = ("本検査は", (ctx.accession, "OTHER_ID"), "の追加撮影として実施した。")
    return HiddenSentence("accession", pieces, 6, "findings")


def _physician_self(ctx: ReportContext, fake: Faker, rng: random.Random) -> HiddenSentence:
    colleague = people.make_person(fake, rng)
    pieces = rng.choice(
        (
            ("結果は担当の", (colleague.family.kanji, "PHYSICIAN_NAME"), "より主治医へ電話連絡済み。"),
            ("当直の", (colleague.name(), "PHYSICIAN_NAME"), "医師に報告済み。"),
        )
    )
    return HiddenSentence("physician_self", pieces, 5, "advice")


def _home_locality(ctx: ReportContext, fake: Faker, rng: random.Random) -> HiddenSentence:
    pieces = ((ctx.locality, "ADDRESS"), "の自宅で症状を自覚し、近医を経て紹介受診となった。")
    return HiddenSentence("home_locality", pieces, 7, "clinical")


def _onset_time(ctx: ReportContext, fake: Faker, rng: random.Random) -> HiddenSentence:
    moment = dates.random_exam_datetime(rng).time()
    pieces = ("本日", (dates.format_time(moment, rng.choice(("kanji", "colon"))), "TIME"), "に受付、同日撮影となった。")
    return HiddenSentence("onset_time", pieces, 6, "clinical")


def _reading(ctx: ReportContext, fake: Faker, rng: random.Random) -> HiddenSentence:
    style = "hiragana" if ctx.reading_style == "katakana" else "katakana"
    pieces = (
        "受付票では氏名が「",
        (people.reading(ctx.patient, style), "NAME_READING"),
        "」と記載されており、同姓同名患者との取り違えに注意。",
    )
    return HiddenSentence("reading", pieces, 8, "advice")


def _initials(ctx: ReportContext, fake: Faker, rng: random.Random) -> HiddenSentence:
    pieces = (
        "本症例は研究登録症例（イニシャル ",
        (people.initials(ctx.patient), "PATIENT_NAME"),
        "）として匿名化画像を保存した。",
    )
    return HiddenSentence("initials", pieces, 9, "advice")


def _phone(ctx: ReportContext, fake: Faker, rng: random.Random) -> HiddenSentence:
    pieces = ("結果説明の連絡先として本人携帯", (ctx.mobile, "PHONE"), "が指定されている。")
    return HiddenSentence("phone", pieces, 7, "advice")


def _device(ctx: ReportContext, fake: Faker, rng: random.Random) -> HiddenSentence:
    pieces = (
        "装置（製造番号",
        (ctx.device_serial, "OTHER_ID"),
        "）由来の軽度のアーチファクトを認めるが、診断に影響はない。",
    )
    return HiddenSentence("device", pieces, 8, "findings")


HIDDEN_KINDS: dict[str, Callable[[ReportContext, Faker, random.Random], HiddenSentence]] = {
    "patient_name": _patient_name,
    "prior_clinic": _prior_clinic,
    "chart_number": _chart_number,
    "family_member": _family_member,
    "accession": _accession,
    "physician_self": _physician_self,
    "home_locality": _home_locality,
    "onset_time": _onset_time,
    "reading": _reading,
    "initials": _initials,
    "phone": _phone,
    "device": _device,
}
HIDDEN_COUNT_WEIGHTS: dict[int, int] = {1: 50, 2: 35, 3: 15}


def draw_hidden(ctx: ReportContext, fake: Faker, rng: random.Random) -> list[HiddenSentence]:
    counts = list(HIDDEN_COUNT_WEIGHTS)
    count = rng.choices(counts, weights=[HIDDEN_COUNT_WEIGHTS[c] for c in counts])[0]
    kinds = rng.sample(list(HIDDEN_KINDS), count)
    return [HIDDEN_KINDS[kind](ctx, fake, rng) for kind in kinds]
