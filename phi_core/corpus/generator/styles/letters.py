"""Letters between doctors: referral letters and discharge summaries."""

from __future__ import annotations

import random
from datetime import timedelta

from phi_core.corpus.generator.styles import formats
from phi_core.japanese import honorifics
from phi_core.japanese.width import to_half_width
from phi_core.corpus.generator.styles.cast import Cast
from phi_core.corpus.generator.styles.common import (
    birth_date,
    doctor,
    exam_date,
    japanese_name,
    name_with_reading,
    prose,
)
from phi_core.corpus.generator.styles.doc import StyleBuilder

SEPARATORS = ("：", ":", "　", " ")
_SAMA_DONO = honorifics.words("person", exclude=("さま", "さん", "氏", "君", "くん", "ちゃん"))


def _facility_contact(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    b.v((cast.facility.name, "facility name"), "HOSPITAL_NAME")
    if rng.random() < 0.6:
        b.t(" ").v((cast.department, "department"), "DEPARTMENT")
    b.ln()
    address = cast.facility.address.removeprefix("〒")
    if rng.random() < 0.7:
        if address != cast.facility.address:
            b.t("〒")
        b.v(
            (
                address,
                "address with postal code" if address != cast.facility.address else "address without postal code",
            ),
            "FACILITY_ADDRESS",
        ).ln()
    b.t(rng.choice(("TEL ", "電話：", "Tel: "))).v(
        formats.phone(cast.facility_phone, rng, weights={"hyphen": 4, "bracket": 2, "international": 1}),
        "FACILITY_PHONE",
    )
    if rng.random() < 0.5:
        before, after = rng.choice((("（内線", "）"), (" 内線", ""), (" ext. ", "")))
        b.t(before).v(formats.extension(rng), "FACILITY_PHONE").t(after)
    b.ln()
    if rng.random() < 0.4:
        fax = (cast.facility_phone[0], cast.facility_phone[1], formats.digits(rng, 4))
        b.t("FAX ").v(formats.phone(fax, rng, weights={"hyphen": 1}), "FACILITY_PHONE").ln()


def _reply_letter(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    """The answer to a referral: a greeting, the patient named inside sentences, a signature."""
    b.ln(rng.choice(("ご報告", "返書", "紹介患者さんについてのご報告")))
    b.ln()
    b.v((cast.referrer_clinic, "facility name"), "HOSPITAL_NAME").t("　")
    b.v(formats.kanji_name(cast.referrer, rng), "PHYSICIAN_NAME").ln(" 先生")
    b.ln()
    b.ln("拝啓　時下ますますご清祥のこととお慶び申し上げます。")
    b.t("先日は").v(formats.kanji_name(cast.patient, rng), "PATIENT_NAME").t("様（")
    b.v(formats.age(cast.age, rng), "AGE").t("・").v(formats.sex(cast.sex, "word"), "SEX")
    b.t("、").v(birth_date(cast, rng), "BIRTH_DATE").ln("生）をご紹介いただき、誠にありがとうございました。")
    b.v(exam_date(cast, rng), "EXAM_DATE").t(f"に{cast.study.title}を施行しましたので、結果をご報告いたします。")
    b.ln()
    for sentence in prose(cast, rng, "findings"):
        b.ln("　" + sentence)
    b.ln("　診断：" + "、".join(prose(cast, rng, "impression")))
    b.t("　").v(formats.surname(cast.patient.family), "PATIENT_NAME").t("様には")
    b.t(rng.choice(("本日", "検査当日"))).ln("結果を説明し、今後は貴院での経過観察をお願いしたく存じます。")
    b.ln("　今後ともどうぞよろしくお願い申し上げます。")
    b.ln("敬具")
    b.ln()
    b.v(formats.japanese_date(cast.exam.date(), rng, weights={"era": 1, "kanji": 1}), "OTHER_DATE").ln()
    _facility_contact(b, cast, rng)
    b.t(rng.choice(("放射線診断科 ", "画像診断部 ", ""))).v(formats.kanji_name(cast.reader, rng), "PHYSICIAN_NAME")
    b.ln()


def write_referral(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    if rng.random() < 0.35:
        _reply_letter(b, cast, rng)
        return
    b.ln(rng.choice(("診療情報提供書", "紹介状", "診療情報提供書（紹介状）")))
    b.ln()
    b.v(formats.japanese_date(cast.exam.date(), rng, weights={"era": 3, "kanji": 3, "era_abbr": 1}), "OTHER_DATE").ln()
    b.ln()
    b.v((cast.referrer_clinic, "facility name"), "HOSPITAL_NAME").ln()
    b.t(rng.choice(("院長 ", "", "担当医 ")))
    b.v(formats.kanji_name(cast.referrer, rng), "PHYSICIAN_NAME").ln(
        rng.choice((" 先生 御侍史", " 先生 御机下", "先生"))
    )
    b.ln()
    _facility_contact(b, cast, rng)
    b.t("担当医 ")
    doctor(b, cast.reader, rng)
    b.ln()
    b.ln()
    sep = rng.choice(SEPARATORS)
    b.t(f"患者氏名{sep}")
    name_with_reading(b, cast.patient, rng)
    b.ln(rng.choice(tuple(" " + word for word in _SAMA_DONO) + ("",)))
    b.t(f"生年月日{sep}").v(birth_date(cast, rng), "BIRTH_DATE").t("（").v(formats.age(cast.age, rng), "AGE").t("） ")
    b.t(f"性別{sep}").v(formats.sex(cast.sex, rng.choice(("word", "short"))), "SEX").ln()
    if rng.random() < 0.6:
        b.t(f"住所{sep}")
        if rng.random() < 0.5:
            b.t("〒")
            value = (
                f"{cast.address.postcode} {cast.address.prefecture}{cast.address.city}{cast.address.street}",
                "address with postal code",
            )
        else:
            value = cast.address.write(rng)
        b.v(value, "ADDRESS").ln()
        b.t(f"電話{sep}").v(formats.phone(cast.patient_phone, rng), "PHONE").ln()
    b.ln()
    b.ln(
        f"紹介目的{sep}"
        + rng.choice(("精査加療のお願い", "画像所見についてのご報告", "手術適応のご相談", "今後の経過観察のお願い"))
    )
    b.ln(f"傷病名{sep}" + "、".join(prose(cast, rng, "impression")))
    b.t(f"既往歴{sep}").v(formats.year_month(cast.previous, rng), "OTHER_DATE").ln(" 虫垂炎手術、高血圧症で内服加療中")
    b.ln()
    b.ln("経過：")
    b.t("　").t("、".join(prose(cast, rng, "clinical"))).t("のため、")
    b.v(exam_date(cast, rng), "EXAM_DATE").ln(f"に当院で{cast.study.title}を施行しました。")
    for sentence in prose(cast, rng, "findings"):
        b.ln("　" + sentence)
    b.t("　").t(rng.choice(("ご多忙のところ恐縮ですが、", ""))).t("貴院での")
    b.ln("ご高診のほどよろしくお願い申し上げます。")
    if rng.random() < 0.5:
        b.t("　なお、ご家族（").t(cast.relation).t("：").v(formats.kanji_name(cast.relative, rng), "EMERGENCY_CONTACT")
        b.t(" ").v(formats.phone(cast.relative_phone, rng), "EMERGENCY_CONTACT").ln("）にも説明済みです。")


def _discharge_block(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    """A form-like summary: a basic-information block, the stay as one date range, short items."""
    b.ln("＜退院時サマリー＞")
    b.ln("【基本情報】")
    b.t("患者番号　").v(cast.patient_id, "PATIENT_ID").ln()
    b.t("患者氏名　").v(formats.kanji_name(cast.patient, rng), "PATIENT_NAME").t("　")
    b.t("（").v(formats.half_width_name(cast.patient, rng), "NAME_READING").ln("）")
    b.t("性別・年齢　").v(formats.sex(cast.sex, "word"), "SEX").t("・").v(formats.age(cast.age, rng), "AGE").ln()
    weights = rng.choice(({"slash": 1}, {"era_abbr": 1}, {"iso": 1}))
    b.t("入院期間　").v(formats.japanese_date(cast.admission, rng, weights=weights), "OTHER_DATE").t("～")
    b.v(formats.japanese_date(cast.discharge, rng, weights=weights), "OTHER_DATE")
    b.ln(f"（{(cast.discharge - cast.admission).days + 1}日間）")
    b.t("担当　主治医 ").v(formats.kanji_name(cast.requester, rng), "PHYSICIAN_NAME")
    b.t(" ／ 研修医 ").v(formats.kanji_name(cast.reader, rng), "PHYSICIAN_NAME")
    b.t(" ／ 受持ち看護師 ").v(formats.kanji_name(cast.nurse, rng), "PHYSICIAN_NAME").ln()
    b.ln()
    b.ln("【主訴】" + "、".join(prose(cast, rng, "clinical")))
    b.ln("【検査】")
    b.t("・").v(formats.japanese_date(cast.exam.date(), rng, weights=weights), "EXAM_DATE")
    b.ln(f" {cast.study.title}：" + "、".join(prose(cast, rng, "impression")))
    b.ln("【転帰】軽快退院")
    b.t("【退院先】自宅（").v(cast.address.write(rng), "ADDRESS").ln("）")
    b.t("【連絡先】").t(cast.relation).t(" ").v(formats.katakana_name(cast.relative, rng), "EMERGENCY_CONTACT")
    b.t(" ").v(
        formats.phone(cast.relative_phone, rng, weights={"hyphen": 2, "international": 1}), "EMERGENCY_CONTACT"
    ).ln()


def write_discharge(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    if rng.random() < 0.35:
        _discharge_block(b, cast, rng)
        return
    b.ln(rng.choice(("退院サマリー", "退院時要約", "【退院サマリー】")))
    b.t("ID：").v(cast.patient_id, "PATIENT_ID").t("　氏名：")
    name_with_reading(b, cast.patient, rng)
    b.t("　").v(formats.sex(cast.sex, "short"), "SEX").t("　").v(formats.age(cast.age, rng), "AGE").ln()
    b.t("生年月日：").v(birth_date(cast, rng), "BIRTH_DATE").ln()
    date_weights = rng.choice(({"kanji": 1}, {"slash": 1}, {"era_abbr": 1}, {"era": 1}))
    b.t("入院日：").v(formats.japanese_date(cast.admission, rng, weights=date_weights), "OTHER_DATE")
    b.t("　退院日：").v(formats.japanese_date(cast.discharge, rng, weights=date_weights), "OTHER_DATE").ln()
    b.t("病棟：").v((f"{rng.randint(3, 9)}階{rng.choice('東西南北')}病棟", "ward"), "DEPARTMENT")
    b.t("　").v(formats.room(rng), "OTHER_ID").t("号室").ln()
    b.t("主治医：")
    doctor(b, cast.requester, rng)
    b.t("　担当看護師：").v(japanese_name(cast.nurse, rng, weights={"kanji": 4, "katakana": 1}), "PHYSICIAN_NAME")
    b.ln()
    b.t("診療科：").v((cast.department, "department"), "DEPARTMENT").ln()
    b.ln()
    b.ln("【入院時診断】" + "、".join(prose(cast, rng, "impression")))
    b.ln("【入院経過】")
    b.t("　").t("、".join(prose(cast, rng, "clinical"))).ln("にて入院。")
    b.t("　").v(formats.month_day(cast.exam.date(), rng), "EXAM_DATE").t("に").t(cast.study.title).ln("を施行。")
    for sentence in prose(cast, rng, "findings")[:2]:
        b.ln("　" + sentence)
    b.ln("　" + rng.choice(("保存的加療にて症状は軽快した。", "内服調整を行い、全身状態は安定した。")))
    if rng.random() < 0.5:  # the same ID again, typed in the other width
        text, fmt = cast.patient_id
        other = (
            (to_half_width(text), "digit ID")
            if fmt == "full-width ID"
            else (formats.to_fullwidth(text), "full-width ID")
        )
        b.t("　（カルテ番号 ").v(other, "PATIENT_ID").ln("）")
    b.ln("【家族・社会背景】")
    b.t("　キーパーソンは").t(cast.relation).t("の").v(formats.kanji_name(cast.relative, rng), "EMERGENCY_CONTACT")
    b.t("さん（連絡先 ").v(formats.phone(cast.relative_phone, rng), "EMERGENCY_CONTACT").ln("）。")
    if len(cast.patient.family.kanji) >= 2:
        b.t("　").v(formats.surname(cast.relative.family), "EMERGENCY_CONTACT")
        b.ln(f"さん（{cast.relation}）は毎日面会に来られていた。")
    b.ln("【退院後の予定】")
    follow = cast.discharge + timedelta(days=rng.randint(7, 21))
    b.t("　").v(formats.month_day(follow, rng), "OTHER_DATE").t("に")
    b.v((cast.department, "department"), "DEPARTMENT").ln("外来を予約。")
    b.ln()
    b.t("記載医：")
    doctor(b, cast.reader, rng)
    b.t("　").v(formats.japanese_date(cast.discharge, rng, weights=date_weights), "OTHER_DATE").ln()
