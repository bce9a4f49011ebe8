"""Report headers and footers in four layouts seen in Japanese radiology systems.

- ``labelled``: 患者情報：/診療情報： blocks of ``key：value`` lines.
- ``bracket_block``: 【患者情報】/【依頼情報】 blocks of bulleted lines.
- ``one_line``: a compact header that packs several values on each line.
- ``table``: a pipe table of 項目 | 内容 rows.

A layout writes only the fields the context carries, puts titles (Dr., 医師,
先生, 様) and labels outside the PHI spans, and names the heading style its
body sections use.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable

from phi_core.corpus.generator.builder import TextBuilder
from phi_core.corpus.generator.context import ReportContext

# (before, after) a physician's name; never part of the span.
PHYSICIAN_TITLES: dict[str, tuple[str, str]] = {
    "dr": ("Dr.", ""),
    "dr_space": ("Dr. ", ""),
    "ishi": ("", " 医師"),
    "ishi_tight": ("", "医師"),
    "sensei": ("", " 先生"),
    "bare": ("", ""),
}

HEADING_STYLES: dict[str, str] = {"bracket": "【{}】", "square": "■ {}", "angle": "＜{}＞", "colon": "{}："}


def physician(b: TextBuilder, name: str, rng: random.Random, titles: tuple[str, ...] = tuple(PHYSICIAN_TITLES)) -> None:
    before, after = PHYSICIAN_TITLES[rng.choice(titles)]
    b.add(before).phi(name, "PHYSICIAN_NAME").add(after)


def emergency(b: TextBuilder, ctx: ReportContext, rng: random.Random) -> None:
    contact = ctx.emergency
    if rng.random() < 0.5:
        b.phi(contact.name, "EMERGENCY_CONTACT").add(f"（{contact.relation}）").phi(contact.phone, "EMERGENCY_CONTACT")
    else:
        b.add(f"{contact.relation} ").phi(contact.name, "EMERGENCY_CONTACT").add(" TEL ").phi(
            contact.phone, "EMERGENCY_CONTACT"
        )


def _date_time(b: TextBuilder, ctx: ReportContext, separator: str = " ") -> None:
    if ctx.has("exam_date"):
        b.phi(ctx.exam_date, "EXAM_DATE")
    if ctx.has("exam_time"):
        b.add(separator if ctx.has("exam_date") else "").phi(ctx.exam_time, "TIME")


def _reading_label(ctx: ReportContext) -> str:
    return "ローマ字" if ctx.reading_style.startswith("romaji") else "フリガナ"


def _labelled(b: TextBuilder, ctx: ReportContext, rng: random.Random) -> None:
    b.line(f"【{ctx.exam.title}検査報告書】").line().line("患者情報：")
    b.add(rng.choice(("氏名：", "患者氏名：", "患者名："))).phi(ctx.patient_name, "PATIENT_NAME")
    if ctx.has("reading"):
        b.add("（").phi(ctx.reading, "NAME_READING").add("）")
    b.line()
    if ctx.has("patient_id"):
        b.add(rng.choice(("患者ID：", "カルテ番号：", "ID："))).phi(ctx.patient_id, "PATIENT_ID").line()
    if ctx.has("birth_date"):
        b.add("生年月日：").phi(ctx.birth_date, "BIRTH_DATE")
        if ctx.has("age"):
            b.add("（").phi(ctx.age_text, "AGE").add("）")
        b.line()
    elif ctx.has("age"):
        b.add("年齢：").phi(ctx.age_text, "AGE").line()
    if ctx.has("sex"):
        b.add("性別：").phi(ctx.sex_text, "SEX").line()
    if ctx.has("address"):
        b.add("住所：").phi(ctx.address, "ADDRESS").line()
    if ctx.has("phone"):
        b.add("電話：").phi(ctx.phone, "PHONE").line()
    if ctx.has("mobile"):
        b.add("携帯電話：").phi(ctx.mobile, "PHONE").line()
    if ctx.has("emergency"):
        b.add("緊急連絡先：")
        emergency(b, ctx, rng)
        b.line()
    b.line().line("診療情報：")
    if ctx.has("exam_date") or ctx.has("exam_time"):
        b.add("検査日時：")
        _date_time(b, ctx)
        b.line()
    if ctx.has("requester"):
        b.add("検査依頼医：")
        physician(b, ctx.requester, rng, ("dr", "dr_space", "bare"))
        if ctx.has("department"):
            b.add("（").phi(ctx.department, "DEPARTMENT").add("）")
        b.line()
    elif ctx.has("department"):
        b.add("依頼科：").phi(ctx.department, "DEPARTMENT").line()
    if ctx.has("hospital"):
        b.add("施設：").phi(ctx.facility.name, "HOSPITAL_NAME").line()
    if ctx.has("facility_address"):
        b.add("施設住所：").phi(ctx.facility.address, "FACILITY_ADDRESS").line()
    if ctx.has("facility_phone"):
        b.add("施設電話：").phi(ctx.facility.phone, "FACILITY_PHONE").line()
    if ctx.has("accession"):
        b.add("検査番号：").phi(ctx.accession, "OTHER_ID").line()


def _bracket_block(b: TextBuilder, ctx: ReportContext, rng: random.Random) -> None:
    if ctx.has("hospital"):
        b.phi(ctx.facility.name, "HOSPITAL_NAME").line(" 放射線科")
    b.line(f"{ctx.exam.title} 読影レポート").line().line("【患者情報】")
    b.add("・患者名：").phi(ctx.patient_name, "PATIENT_NAME").line(" 様")
    if ctx.has("reading"):
        b.add(f"・{_reading_label(ctx)}：").phi(ctx.reading, "NAME_READING").line()
    if ctx.has("patient_id"):
        b.add("・患者番号：").phi(ctx.patient_id, "PATIENT_ID").line()
    parts = [
        (label, value, code)
        for label, value, code, key in (
            ("生年月日", ctx.birth_date, "BIRTH_DATE", "birth_date"),
            ("年齢", ctx.age_text, "AGE", "age"),
            ("性別", ctx.sex_text, "SEX", "sex"),
        )
        if ctx.has(key)
    ]
    if parts:
        b.add("・")
        for index, (label, value, code) in enumerate(parts):
            b.add(("\u3000" if index else "") + f"{label}：").phi(value, code)
        b.line()
    if ctx.has("address"):
        b.add("・住所：").phi(ctx.address, "ADDRESS").line()
    if ctx.has("phone") or ctx.has("mobile"):
        b.add("・TEL：")
        if ctx.has("phone"):
            b.phi(ctx.phone, "PHONE")
        if ctx.has("mobile"):
            b.add("／携帯：" if ctx.has("phone") else "携帯 ").phi(ctx.mobile, "PHONE")
        b.line()
    if ctx.has("emergency"):
        b.add("・緊急連絡先：")
        emergency(b, ctx, rng)
        b.line()
    b.line().line("【依頼情報】")
    if ctx.has("department"):
        b.add("・依頼科：").phi(ctx.department, "DEPARTMENT").line()
    if ctx.has("requester"):
        b.add("・依頼医：")
        physician(b, ctx.requester, rng, ("sensei", "ishi", "bare"))
        b.line()
    if ctx.has("exam_date") or ctx.has("exam_time"):
        b.add("・検査日：")
        _date_time(b, ctx, "\u3000")
        b.line()
    if ctx.has("accession"):
        b.add("・受付番号：").phi(ctx.accession, "OTHER_ID").line()


def _one_line(b: TextBuilder, ctx: ReportContext, rng: random.Random) -> None:
    b.add(f"{ctx.exam.title}　読影報告書")
    if ctx.has("hospital"):
        b.add("　").phi(ctx.facility.name, "HOSPITAL_NAME")
    b.line().add("患者：").phi(ctx.patient_name, "PATIENT_NAME")
    if ctx.has("reading"):
        b.add("（").phi(ctx.reading, "NAME_READING").add("）")
    b.add(" 様")
    if ctx.has("age"):
        b.add("　").phi(ctx.age_text, "AGE")
    if ctx.has("sex"):
        b.add("/" if ctx.has("age") else "　").phi(ctx.sex_text, "SEX")
    if ctx.has("patient_id"):
        b.add("　ID:").phi(ctx.patient_id, "PATIENT_ID")
    if ctx.has("birth_date"):
        b.add("　生年月日:").phi(ctx.birth_date, "BIRTH_DATE")
    b.line()
    line_started = False
    if ctx.has("exam_date") or ctx.has("exam_time"):
        b.add("検査日時：")
        _date_time(b, ctx)
        line_started = True
    if ctx.has("requester") or ctx.has("department"):
        b.add("　依頼：" if line_started else "依頼：")
        if ctx.has("department"):
            b.phi(ctx.department, "DEPARTMENT")
        if ctx.has("requester"):
            b.add(" " if ctx.has("department") else "")
            physician(b, ctx.requester, rng, ("ishi_tight", "ishi", "dr"))
        line_started = True
    if ctx.has("accession"):
        b.add("　Acc.No. " if line_started else "Acc.No. ").phi(ctx.accession, "OTHER_ID")
        line_started = True
    if line_started:
        b.line()
    contact_parts = [
        (label, value, code)
        for label, value, code, key in (
            ("住所：", ctx.address, "ADDRESS", "address"),
            ("TEL：", ctx.phone, "PHONE", "phone"),
            ("携帯：", ctx.mobile, "PHONE", "mobile"),
        )
        if ctx.has(key)
    ]
    for index, (label, value, code) in enumerate(contact_parts):
        b.add(("　" if index else "") + label).phi(value, code)
    if contact_parts:
        b.line()
    if ctx.has("emergency"):
        b.add("緊急連絡先：")
        emergency(b, ctx, rng)
        b.line()


def _table(b: TextBuilder, ctx: ReportContext, rng: random.Random) -> None:
    b.line(f"■ {ctx.exam.title} 検査報告書").line().line("| 項目 | 内容 |").line("|------|------|")

    def row(label: str, value: str, code: str) -> None:
        b.add(f"| {label} | ").phi(value, code).line(" |")

    row("患者氏名", ctx.patient_name, "PATIENT_NAME")
    rows = (
        ("reading", _reading_label(ctx), ctx.reading, "NAME_READING"),
        ("patient_id", "患者ID", ctx.patient_id, "PATIENT_ID"),
        ("birth_date", "生年月日", ctx.birth_date, "BIRTH_DATE"),
        ("age", "年齢", ctx.age_text, "AGE"),
        ("sex", "性別", ctx.sex_text, "SEX"),
        ("address", "住所", ctx.address, "ADDRESS"),
        ("phone", "電話番号", ctx.phone, "PHONE"),
        ("mobile", "携帯電話", ctx.mobile, "PHONE"),
    )
    for key, label, value, code in rows:
        if ctx.has(key):
            row(label, value, code)
    if ctx.has("emergency"):
        b.add("| 緊急連絡先 | ")
        emergency(b, ctx, rng)
        b.line(" |")
    if ctx.has("exam_date") or ctx.has("exam_time"):
        b.add("| 検査日時 | ")
        _date_time(b, ctx)
        b.line(" |")
    if ctx.has("department"):
        row("依頼科", ctx.department, "DEPARTMENT")
    if ctx.has("requester"):
        b.add("| 依頼医 | ")
        physician(b, ctx.requester, rng)
        b.line(" |")
    for key, label, value, code in (
        ("hospital", "医療機関", ctx.facility.name, "HOSPITAL_NAME"),
        ("facility_address", "所在地", ctx.facility.address, "FACILITY_ADDRESS"),
        ("facility_phone", "代表電話", ctx.facility.phone, "FACILITY_PHONE"),
        ("accession", "オーダー番号", ctx.accession, "OTHER_ID"),
    ):
        if ctx.has(key):
            row(label, value, code)


def footer(b: TextBuilder, ctx: ReportContext, rng: random.Random, *, facility_contact: bool) -> None:
    """Signature lines, report date and (for layouts whose header lacks it) the facility's contact."""
    if ctx.has("reader") or ctx.has("approver") or ctx.has("report_date"):
        b.line()
    if ctx.has("reader"):
        b.add(rng.choice(("読影医：", "読影：", "報告医：")))
        physician(b, ctx.reader, rng)
        b.line(rng.choice(("（放射線診断専門医）", "", "（放射線科）")))
    if ctx.has("approver"):
        b.add("承認医：")
        physician(b, ctx.approver, rng)
        b.line()
    if ctx.has("report_date"):
        b.add("報告日：").phi(ctx.report_date, "OTHER_DATE").line()
    if facility_contact and (ctx.has("facility_address") or ctx.has("facility_phone")):
        b.line()
        if ctx.has("facility_address"):
            b.add("所在地：").phi(ctx.facility.address, "FACILITY_ADDRESS")
        if ctx.has("facility_phone"):
            b.add("　" if ctx.has("facility_address") else "").add("TEL ").phi(ctx.facility.phone, "FACILITY_PHONE")
        b.line()


@dataclass(frozen=True)
class Layout:
    header: Callable[[TextBuilder, ReportContext, random.Random], None]
    heading_styles: tuple[str, ...]
    facility_contact_in_footer: bool


LAYOUTS: dict[str, Layout] = {
    "labelled": Layout(_labelled, ("bracket",), False),
    "bracket_block": Layout(_bracket_block, ("bracket", "angle"), True),
    "one_line": Layout(_one_line, ("colon", "square"), True),
    "table": Layout(_table, ("square", "bracket"), False),
}
LAYOUT_WEIGHTS: dict[str, int] = {"labelled": 35, "bracket_block": 25, "one_line": 20, "table": 20}
