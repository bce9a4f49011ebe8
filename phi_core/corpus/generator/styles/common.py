"""Pieces every style shares: clinical prose without PHI, and writers of one value.

The prose comes from the existing generator's examination scenarios, so the
styles corpus talks about the same studies as ``synthetic``; the distractor
sentences hold things that look like PHI and are not (see the guidelines'
"What is not PHI").
"""

from __future__ import annotations

import random

from phi_core.corpus.generator.fill import fill
from phi_core.japanese import honorifics
from phi_core.corpus.generator.people import Person
from phi_core.corpus.generator.styles import formats
from phi_core.corpus.generator.styles.cast import Cast
from phi_core.corpus.generator.styles.doc import StyleBuilder


def prose(cast: Cast, rng: random.Random, part: str) -> list[str]:
    return [fill(line, rng, cast.variables) for line in getattr(cast.scenario, part)]


def technique(cast: Cast, rng: random.Random) -> list[str]:
    return [fill(line, rng, cast.variables) for line in cast.study.technique]


# Look like PHI, are not: eponymous diseases, generic facility words, sizes,
# series/image numbers, guideline years, doses, segment and vertebra labels.
DISTRACTORS: tuple[str, ...] = (
    "橋本病の既往あり、甲状腺はびまん性に腫大している。",
    "Basedow病に対して内服加療中。",
    "前医でのCTと比較して著変なし。",
    "A病院からの紹介状を参照のこと。",
    "当院でのフォローを継続する。",
    "Se{int:2-9} Im{int:10-180}に{int:4-15}mm大の結節を認める。",
    "肺癌取扱い規約（2021年第8版）に準拠して記載する。",
    "乳腺診療ガイドライン2022年版ではカテゴリー{int:2-4}に相当する。",
    "アムロジピン{pick:2.5|5|10}mg 1日1回、ランソプラゾール15mg 分1で内服中。",
    "S{int:1-10}に{dec:3.0-9.0}mmの小結節、Th{int:6-12}椎体に骨島を認める。",
    "CEA {dec:1.0-9.9}ng/mL、CA19-9 {int:5-60}U/mL。",
    "Crohn病の活動性評価目的。",
    "Parkinson病の治療中。",
    "Wilson病は否定的。",
    "腫瘤は{int:12-40}×{int:8-30}×{int:8-25}mm、前回（{int:6-12}か月前）より増大。",
    "70歳代、既往に高血圧。",
    "Grade {int:1-3}、Stage II相当。",
    "Child-Pugh分類A、ALBIグレード{int:1-2}。",
    "造影剤アレルギーの既往なし。eGFR {int:45-95}mL/min/1.73m²。",
    "第{int:3-5}腰椎レベルで椎間板の膨隆を認める。",
    "RECIST 1.1に基づき標的病変の長径和は{int:20-80}mm。",
    "H2ブロッカー内服中、PPIへの変更を検討。",
    "放射線科外来にて説明予定。",
    "Lugano分類でStage {pick:I|II|III}。",
)

ENGLISH_FINDINGS: tuple[str, ...] = (
    "A {int:8-28} mm solid nodule is seen in the {pick:right|left} {pick:upper|lower} lobe.",
    "No pleural effusion or pneumothorax.",
    "Mild emphysematous change in both upper lobes.",
    "The liver shows a {int:10-40} mm arterially enhancing lesion with washout in segment {int:2-8}.",
    "No significant lymphadenopathy in the mediastinum.",
    "Degenerative change of the lumbar spine, most marked at L{int:3-5}/S1.",
    "No acute intracranial hemorrhage. Chronic small vessel ischemic change.",
    "The gallbladder contains multiple stones without wall thickening.",
    "Series {int:2-8}, image {int:20-160}: the lesion measures {dec:1.0-4.5} cm.",
)
ENGLISH_IMPRESSIONS: tuple[str, ...] = (
    "Suspicious pulmonary nodule; recommend follow-up CT in {int:3-6} months.",
    "Findings suggest hepatocellular carcinoma (LI-RADS {pick:4|5}).",
    "No acute abnormality.",
    "Cholecystolithiasis without cholecystitis.",
    "Chronic ischemic change; no acute infarct.",
)


def distractors(rng: random.Random, count: int) -> list[str]:
    return [fill(line, rng, {}) for line in rng.sample(DISTRACTORS, count)]


def english_lines(rng: random.Random, bank: tuple[str, ...], count: int) -> list[str]:
    return [fill(line, rng, {}) for line in rng.sample(bank, min(count, len(bank)))]


def japanese_name(person: Person, rng: random.Random, *, weights: dict[str, int] | None = None) -> formats.Value:
    writers = {
        "kanji": formats.kanji_name,
        "katakana": formats.katakana_name,
        "hiragana": formats.hiragana_name,
        "half": formats.half_width_name,
    }
    weights = weights or {"kanji": 8, "katakana": 1, "hiragana": 1, "half": 1}
    return writers[rng.choices(list(weights), weights=list(weights.values()))[0]](person, rng)


def name_with_reading(b: StyleBuilder, person: Person, rng: random.Random, category: str = "PATIENT_NAME") -> None:
    """A kanji name, often followed by its reading in brackets (brackets outside both spans)."""
    b.v(formats.kanji_name(person, rng), category)
    if rng.random() < 0.5:
        opening, closing = rng.choice((("（", "）"), ("(", ")"), ("【", "】")))
        b.t(opening).v(formats.reading_of(person, rng), "NAME_READING").t(closing)


_SAMA, _SAN, _DONO = honorifics.words("person", exclude=("さま", "氏", "君", "くん", "ちゃん"))
HONORIFICS_PATIENT: tuple[str, ...] = (" " + _SAMA, _SAMA, _SAN, " " + _DONO, "")
TITLES_DOCTOR: tuple[tuple[str, str], ...] = (
    ("", " 先生"),
    ("", "先生"),
    ("", " 医師"),
    ("Dr. ", ""),
    ("Dr.", ""),
    ("", ""),
    ("医師 ", ""),
)


def doctor(b: StyleBuilder, person: Person, rng: random.Random, *, weights: dict[str, int] | None = None) -> None:
    before, after = rng.choice(TITLES_DOCTOR)
    b.t(before).v(japanese_name(person, rng, weights=weights or {"kanji": 1}), "PHYSICIAN_NAME").t(after)


def facility_name(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    if rng.random() < 0.2:
        b.t("「").v((cast.facility.name, "bracketed facility name"), "HOSPITAL_NAME").t("」")
    else:
        b.v((cast.facility.name, "facility name"), "HOSPITAL_NAME")


def exam_date(cast: Cast, rng: random.Random) -> formats.Value:
    return formats.japanese_date(cast.exam.date(), rng)


def birth_date(cast: Cast, rng: random.Random) -> formats.Value:
    return formats.japanese_date(
        cast.birth, rng, weights={"era": 5, "era_abbr": 4, "kanji": 3, "slash": 2, "fullwidth": 1, "iso": 1}
    )
