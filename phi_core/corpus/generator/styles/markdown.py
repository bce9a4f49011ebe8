"""Markdown tables: an exam list or a key/value summary pasted into a wiki, a chat or an e-mail."""

from __future__ import annotations

import random

from phi_core.corpus.generator.styles import formats
from phi_core.corpus.generator.styles.cast import Cast, draw_cast
from phi_core.corpus.generator.styles.common import prose
from phi_core.corpus.generator.styles.doc import StyleBuilder


def _row(b: StyleBuilder, cells: list) -> None:
    """One table row; a cell is plain text or a (value, category) pair."""
    b.t("|")
    for cell in cells:
        b.t(" ")
        if isinstance(cell, str):
            b.t(cell)
        else:
            value, category = cell
            b.v(value, category)
        b.t(" |")
    b.ln()


def _exam_list(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    b.ln(rng.choice(("## 本日の読影依頼一覧", "### 要フォロー症例", "**未読影リスト**")))
    b.ln()
    header = ["検査日", "ID", "氏名", "年齢", "検査", "依頼医", "メモ"]
    b.ln("| " + " | ".join(header) + " |")
    b.ln("|" + "---|" * len(header))
    weights = rng.choice(({"slash": 1}, {"two_digit": 1}, {"era_abbr": 1}, {"iso": 1}))
    for row in [cast] + [draw_cast(cast.fake, rng) for _ in range(rng.randint(1, 3))]:
        _row(
            b,
            [
                (formats.japanese_date(row.exam.date(), rng, weights=weights), "EXAM_DATE"),
                (row.patient_id, "PATIENT_ID"),
                (formats.kanji_name(row.patient, rng), "PATIENT_NAME"),
                (formats.age(row.age, rng), "AGE"),
                row.study.title,
                (formats.kanji_name(row.requester, rng), "PHYSICIAN_NAME"),
                rng.choice(("至急", "前回比較", "", "造影追加検討")),
            ],
        )


def _summary(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    b.ln(rng.choice(("# 症例サマリー", "## 紹介患者情報", "### 申し送り")))
    b.ln()
    b.ln("| 項目 | 内容 |")
    b.ln("|:--|:--|")
    _row(b, ["患者", (formats.kanji_name(cast.patient, rng), "PATIENT_NAME")])
    _row(b, ["ふりがな", (formats.hiragana_name(cast.patient, rng), "NAME_READING")])
    _row(b, ["生年月日", (formats.japanese_date(cast.birth, rng, weights={"era": 1, "era_abbr": 1}), "BIRTH_DATE")])
    _row(b, ["性別", (formats.sex(cast.sex, "word"), "SEX")])
    _row(b, ["連絡先", (formats.phone(cast.patient_phone, rng), "PHONE")])
    _row(b, ["紹介元", ((cast.referrer_clinic, "facility name"), "HOSPITAL_NAME")])
    b.t("| 検査 | ").v(formats.japanese_date(cast.exam.date(), rng), "EXAM_DATE").ln(f" {cast.study.title} |")
    _row(b, ["所見", "、".join(prose(cast, rng, "impression"))])
    _row(b, ["担当", (formats.kanji_name(cast.reader, rng), "PHYSICIAN_NAME")])


def write_markdown(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    (_exam_list if rng.random() < 0.5 else _summary)(b, cast, rng)
