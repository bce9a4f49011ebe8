"""Pathology and endoscopy reports: specimen numbers, procedures, signatures."""

from __future__ import annotations

import random
from datetime import timedelta

from phi_core.corpus.generator.fill import fill
from phi_core.corpus.generator.styles import formats
from phi_core.corpus.generator.styles.cast import Cast
from phi_core.corpus.generator.styles.common import (
    birth_date,
    doctor,
    facility_name,
    japanese_name,
    name_with_reading,
)
from phi_core.corpus.generator.styles.doc import StyleBuilder

ORGANS = (
    ("胃", "胃体下部小弯", "高分化管状腺癌（tub1）", "Group 5"),
    ("大腸", "S状結腸", "管状腺腫、低異型度", "Group 3"),
    ("肺", "右肺下葉", "腺癌（浸潤性非粘液性）", "Class V"),
    ("乳腺", "左乳房C領域", "浸潤性乳管癌、硬性型", "Class V"),
    ("前立腺", "右葉", "腺癌、Gleason score 3+4=7", "Grade Group 2"),
    ("皮膚", "背部", "脂漏性角化症", "良性"),
)
GROSS = (
    "提出検体は{int:2-6}片、最大{dec:1.0-4.0}mm。",
    "{int:12-40}×{int:8-30}mmの{pick:隆起性|潰瘍性|平坦}病変を含む切除検体。",
)
MICRO = (
    "異型腺管が{pick:癒合|不規則に増生}し、核の腫大と極性の乱れを認める。",
    "脈管侵襲は{pick:ly0, v0|ly1, v0|ly0, v1}。断端は陰性。",
    "Ki-67陽性率は約{int:5-60}%。",
    "免疫染色：CK7(+), CK20(-), TTF-1({pick:+|-})。",
)
SCOPES = ("GIF-H290Z", "GIF-XZ1200", "CF-HQ290", "EG-L600ZW7", "EC-L600ZP7")
ENDO_FINDINGS = (
    "食道：{pick:異常所見なし|下部食道に縦走びらんあり（LA分類 Grade A）}。",
    "胃：前庭部に発赤調のびらんが散在。",
    "胃：体部小弯に{int:8-25}mm大の0-IIc病変。",
    "胃：萎縮性変化 C-{int:1-3}。",
    "十二指腸：球部・下行脚に異常なし。",
    "盲腸まで挿入。{pick:S状結腸|横行結腸|上行結腸}に{int:4-15}mm大の0-Isポリープを認める。",
    "NBI拡大観察にてJNET分類Type {pick:1|2A|2B}。",
)


CYTOLOGY = (
    ("尿", "自然尿", "Class II（陰性）", "異型細胞を認めない。"),
    ("胸水", "右胸水", "Class V（陽性）", "腺癌細胞の集塊を多数認める。"),
    ("甲状腺", "穿刺吸引", "ベセスダ分類 II（良性）", "濾胞上皮細胞の小集塊とコロイドを認める。"),
    ("喀痰", "喀痰", "Class III（疑陽性）", "軽度異型の扁平上皮細胞を少数認める。"),
)


def _cytology(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    """A short cytology report: one line per field with half-width colons, a screener and a cytopathologist."""
    organ, method, result, comment = rng.choice(CYTOLOGY)
    day = cast.exam.date()
    b.ln("細胞診報告書")
    b.t("細胞診番号: ").v(formats.specimen(rng, day, "C"), "OTHER_ID").ln()
    b.t("患者名: ").v(formats.katakana_name(cast.patient, rng), "PATIENT_NAME").t("  ")
    b.t("生年月日: ").v(formats.era_abbreviated(cast.birth, rng), "BIRTH_DATE").t("  ")
    b.t("性別: ").v(formats.sex(cast.sex, "short"), "SEX").ln()
    b.t("カルテ番号: ").v(cast.patient_id, "PATIENT_ID").ln()
    b.t("提出日: ").v(formats.japanese_date(day, rng, weights={"slash": 1, "iso": 1}), "EXAM_DATE").t("  ")
    b.t("提出科: ").v((cast.department, "department"), "DEPARTMENT").t("  ")
    b.t("提出医: ").v(formats.kanji_name(cast.requester, rng), "PHYSICIAN_NAME").ln()
    b.ln(f"検体: {organ}（{method}）")
    b.ln(f"判定: {result}")
    b.ln(f"所見: {comment}")
    b.t("スクリーナー: ").v(formats.kanji_name(cast.nurse, rng), "PHYSICIAN_NAME").t(" (CT)  ")
    b.t("細胞診専門医: ").v(formats.kanji_name(cast.reader, rng), "PHYSICIAN_NAME").ln()


def write_pathology(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    if rng.random() < 0.3:
        _cytology(b, cast, rng)
        return
    organ, site, diagnosis, group = rng.choice(ORGANS)
    day = cast.exam.date()
    received = day + timedelta(days=rng.randint(0, 2))
    reported = received + timedelta(days=rng.randint(3, 10))
    b.ln(rng.choice(("病理組織診断報告書", "病理診断報告書", "【病理診断】")))
    b.t(rng.choice(("標本番号：", "病理番号 ", "No. "))).v(
        formats.specimen(rng, day, rng.choice(("S", "P", "H"))), "OTHER_ID"
    )
    b.ln()
    weights = rng.choice(({"kanji": 1}, {"slash": 1}, {"era_abbr": 1}, {"iso": 1}))
    b.t("採取日：").v(formats.japanese_date(day, rng, weights=weights), "EXAM_DATE")
    b.t("　受付日：").v(formats.japanese_date(received, rng, weights=weights), "OTHER_DATE")
    b.t("　報告日：").v(formats.japanese_date(reported, rng, weights=weights), "OTHER_DATE").ln()
    b.t("患者：")
    name_with_reading(b, cast.patient, rng)
    b.t(" 様　").v(formats.age(cast.age, rng), "AGE").t(" ").v(formats.sex(cast.sex, "word"), "SEX")
    b.t("　ID ").v(cast.patient_id, "PATIENT_ID").ln()
    if rng.random() < 0.4:
        b.t("生年月日：").v(birth_date(cast, rng), "BIRTH_DATE").ln()
    b.t("依頼元：")
    facility_name(b, cast, rng)
    b.t(" ")
    b.v((cast.department, "department"), "DEPARTMENT").t(" ")
    doctor(b, cast.requester, rng)
    b.ln()
    b.ln(f"検体：{organ}（{site}）、{rng.choice(('生検', '内視鏡的切除', '手術検体'))}")
    b.ln("臨床診断：" + rng.choice(("悪性疑い", "腫瘍性病変の精査", "ポリープ")))
    b.ln()
    b.ln("【肉眼所見】" + fill(rng.choice(GROSS), rng, {}))
    b.ln("【組織所見】")
    for line in rng.sample(MICRO, 2):
        b.ln("　" + fill(line, rng, {}))
    b.ln(f"【病理診断】{organ}、{site}：{diagnosis}（{group}）")
    b.ln()
    b.t(rng.choice(("病理医：", "診断医 ", "報告者："))).v(formats.kanji_name(cast.reader, rng), "PHYSICIAN_NAME")
    if rng.random() < 0.5:
        b.t("　確認：").v(formats.kanji_name(cast.nurse, rng), "PHYSICIAN_NAME")
    b.ln(rng.choice(("", "（署名）", " 印")))


COLON_FINDINGS = (
    "挿入時間 {int:4-15}分、盲腸まで到達。BBPS {int:6-9}点。",
    "{pick:上行結腸|横行結腸|S状結腸|直腸}に{int:3-20}mm大の{pick:0-Ip|0-Is|0-IIa}病変を認め、{pick:EMR|CSP|ESD}にて一括切除。",
    "憩室が散在する。出血なし。",
    "内痔核あり（Goligher分類 {pick:I|II}度）。",
)


def _colonoscopy(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    """A colonoscopy note in short clauses, with the procedure time range and the retrieved specimens."""
    day = cast.exam.date()
    start = cast.exam
    end = start + timedelta(minutes=rng.randint(15, 45))
    b.ln("【大腸内視鏡検査（CS）】")
    b.v(formats.japanese_date(day, rng, weights={"kanji": 1, "era": 1, "two_digit": 1}), "EXAM_DATE").t("　")
    b.v(formats.clock(start.time(), rng, weights={"colon": 1}), "TIME").t("～")
    b.v(formats.clock(end.time(), rng, weights={"colon": 1}), "TIME").ln()
    b.t("ID ").v(cast.patient_id, "PATIENT_ID").t("　").v(formats.kanji_name(cast.patient, rng), "PATIENT_NAME")
    b.t("（").v(formats.hiragana_name(cast.patient, rng), "NAME_READING").t("）").t(" ")
    b.v(formats.age(cast.age, rng), "AGE").ln()
    b.t("術者 ").v(formats.kanji_name(cast.reader, rng), "PHYSICIAN_NAME")
    b.t("　介助 ").v(formats.kanji_name(cast.nurse, rng), "PHYSICIAN_NAME").ln()
    for line in rng.sample(COLON_FINDINGS, 3):
        b.ln("・" + fill(line, rng, {}))
    b.t("回収検体：").v(formats.specimen(rng, day, "C"), "OTHER_ID").t("、")
    b.v(formats.specimen(rng, day, "C"), "OTHER_ID").ln("（病理提出）")
    b.t("結果説明予定：").v(formats.month_day(day + timedelta(days=rng.randint(7, 21)), rng), "OTHER_DATE")
    b.ln(" 外来")


def write_endoscopy(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    if rng.random() < 0.35:
        _colonoscopy(b, cast, rng)
        return
    day = cast.exam.date()
    b.ln(rng.choice(("上部消化管内視鏡検査報告書", "内視鏡検査レポート", "下部消化管内視鏡検査 所見")))
    b.t("検査日 ").v(
        formats.japanese_date(day, rng, weights={"era_abbr": 2, "slash": 2, "two_digit": 1, "fullwidth": 1}),
        "EXAM_DATE",
    )
    b.t(" ").v(formats.clock(cast.exam.time(), rng), "TIME").t("　ID: ").v(cast.patient_id, "PATIENT_ID").ln()
    b.t("氏名 ").v(japanese_name(cast.patient, rng, weights={"kanji": 2, "half": 2, "katakana": 1}), "PATIENT_NAME")
    b.t(" 様 (").v(formats.age(cast.age, rng), "AGE").t("/").v(formats.sex(cast.sex, "short"), "SEX").ln(")")
    b.t("施行医: ")
    doctor(b, cast.reader, rng, weights={"kanji": 3, "katakana": 1})
    b.t(" / 介助: ").v(japanese_name(cast.nurse, rng, weights={"kanji": 2, "katakana": 1}), "PHYSICIAN_NAME")
    b.ln(rng.choice(("看護師", " Ns", "")))
    b.t(f"使用機種 {rng.choice(SCOPES)}（No.").v((formats.digits(rng, 7), "device serial"), "OTHER_ID").ln("）")
    b.ln("前処置：" + rng.choice(("ガスコン水、キシロカインビスカス", "ニフレック2L", "鎮静：ミダゾラム3mg")))
    b.ln()
    for line in rng.sample(ENDO_FINDINGS, 3):
        b.ln(fill(line, rng, {}))
    b.t("生検：{}より{}個（検体番号 ".format(rng.choice(("胃体下部小弯", "前庭部大弯", "S状結腸")), rng.randint(1, 4)))
    b.v(formats.specimen(rng, day, "E"), "OTHER_ID").ln("）")
    b.ln()
    b.t("次回 ").v(
        formats.japanese_date(day + timedelta(days=rng.randint(7, 40)), rng, weights={"kanji": 1, "slash": 1}),
        "OTHER_DATE",
    ).ln(" 外来にて結果説明予定。")
    b.t("依頼：").v((cast.facility.name, "facility name"), "HOSPITAL_NAME").t(" ")
    b.v(formats.kanji_name(cast.requester, rng), "PHYSICIAN_NAME").ln(" 先生")
