"""Spreadsheet exports: CSV and TSV tables with a header row, one patient per row.

A column's header is Japanese or English; separators and quotes are never part
of a span, so a quoted address cell marks only the address.
"""

from __future__ import annotations

import random
from datetime import timedelta

from phi_core.corpus.generator.styles import formats
from phi_core.corpus.generator.styles.cast import Cast, draw_cast
from phi_core.corpus.generator.styles.common import prose
from phi_core.corpus.generator.styles.doc import StyleBuilder

TABLE_COLUMNS = {
    "csv": (
        ("患者ID", "PatientID"),
        ("氏名", "Name"),
        ("カナ", "Kana"),
        ("生年月日", "DOB"),
        ("性別", "Sex"),
        ("年齢", "Age"),
        ("検査日", "StudyDate"),
        ("検査時刻", "StudyTime"),
        ("検査種別", "Modality"),
        ("依頼科", "Dept"),
        ("依頼医", "OrderingDr"),
        ("読影医", "Reader"),
        ("所見", "Findings"),
    ),
    "tsv": (
        ("カルテNo", "MRN"),
        ("患者名", "PatientName"),
        ("ﾌﾘｶﾞﾅ", "Reading"),
        ("生年月日", "BirthDate"),
        ("性別", "Gender"),
        ("受付日", "OrderDate"),
        ("実施日", "ExamDate"),
        ("電話番号", "Phone"),
        ("住所", "Address"),
        ("病院名", "Hospital"),
        ("コメント", "Comment"),
    ),
}


def _cell(b: StyleBuilder, value, category: str | None, quote: bool) -> None:
    q = '"' if quote else ""
    b.t(q)
    if category is None:
        b.t(value)
    else:
        b.v(value, category)
    b.t(q)


def _row_values(column: str, cast: Cast, rng: random.Random, kind: str, date_weights: dict[str, int]):
    day = cast.exam.date()
    p = cast.patient
    cells = {
        "患者ID": (cast.patient_id, "PATIENT_ID"),
        "カルテNo": (cast.patient_id, "PATIENT_ID"),
        "氏名": (formats.kanji_name(p, rng), "PATIENT_NAME"),
        "患者名": (formats.kanji_name(p, rng), "PATIENT_NAME"),
        "カナ": (formats.katakana_name(p, rng), "NAME_READING"),
        "ﾌﾘｶﾞﾅ": (formats.half_width_name(p, rng), "NAME_READING"),
        "生年月日": (formats.japanese_date(cast.birth, rng, weights=date_weights), "BIRTH_DATE"),
        "性別": (formats.sex(cast.sex, rng.choice(("short", "code", "word"))), "SEX"),
        "年齢": ((str(cast.age), "age"), "AGE"),
        "検査日": (formats.japanese_date(day, rng, weights=date_weights), "EXAM_DATE"),
        "実施日": (formats.japanese_date(day, rng, weights=date_weights), "EXAM_DATE"),
        "受付日": (
            formats.japanese_date(day - timedelta(days=rng.randint(1, 20)), rng, weights=date_weights),
            "OTHER_DATE",
        ),
        "検査時刻": (formats.clock(cast.exam.time(), rng, weights={"colon": 3, "compact": 1}), "TIME"),
        "検査種別": (cast.modality, None),
        "依頼科": ((cast.department, "department"), "DEPARTMENT"),
        "依頼医": (formats.kanji_name(cast.requester, rng), "PHYSICIAN_NAME"),
        "読影医": (formats.kanji_name(cast.reader, rng), "PHYSICIAN_NAME"),
        "電話番号": (formats.phone(cast.patient_phone, rng, weights={"hyphen": 3, "bare": 1, "bracket": 1}), "PHONE"),
        "住所": (cast.address.write(rng), "ADDRESS"),
        "病院名": ((cast.facility.name, "facility name"), "HOSPITAL_NAME"),
        "所見": ("。".join(prose(cast, rng, "impression")), None),
        "コメント": (rng.choice(("要フォロー", "至急報告済", "特記なし", "前回比較あり")), None),
    }
    return cells[column]


def write_table(b: StyleBuilder, cast: Cast, rng: random.Random, kind: str) -> None:
    columns = TABLE_COLUMNS[kind]
    chosen = [c for i, c in enumerate(columns) if i < 2 or rng.random() < 0.75]
    english_header = rng.random() < 0.3
    sep = "," if kind == "csv" else "\t"
    b.ln(sep.join(en if english_header else ja for ja, en in chosen))
    date_weights = rng.choice(({"slash": 1}, {"iso": 1}, {"compact": 1}, {"era_abbr": 1}, {"kanji": 1}))
    rows = [cast] + [draw_cast(cast.fake, rng) for _ in range(rng.randint(1, 4))]
    for row in rows[1:]:
        row.facility = cast.facility  # one hospital's export: every row names the same facility
    for row in rows:
        for index, (ja, _) in enumerate(chosen):
            if index:
                b.t(sep)
            value, category = _row_values(ja, row, rng, kind, date_weights)
            if category == "PATIENT_ID" and value[1] == "full-width ID" and kind == "csv":
                value = (formats.digits(rng, 8), "digit ID")
            quote = kind == "csv" and (ja in ("所見", "住所") or rng.random() < 0.15)
            _cell(b, value, category, quote)
        b.ln()


def write_csv(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    write_table(b, cast, rng, "csv")


def write_tsv(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    write_table(b, cast, rng, "tsv")
