"""Nursing notes: a timeline of the day with rooms, beds, relatives and calls."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from phi_core.corpus.generator.styles import formats
from phi_core.japanese import honorifics
from phi_core.corpus.generator.styles.cast import Cast
from phi_core.corpus.generator.styles.common import japanese_name
from phi_core.corpus.generator.styles.doc import StyleBuilder

OBSERVATIONS = (
    "BT {dec:36.2-37.8}℃、BP {int:100-160}/{int:60-95}mmHg、P {int:60-100}回/分、SpO2 {int:93-99}%（RA）。",
    "夜間は{pick:良眠|中途覚醒2回|入眠困難あり}。疼痛の訴えなし。",
    "食事摂取 主食{int:3-10}割、副食{int:3-10}割。",
    "点滴ルート刺入部に発赤・腫脹なし。",
    "歩行器使用にてトイレ歩行自立。ふらつきなし。",
    "S)「{pick:よく眠れました|少し痛いです|早く家に帰りたい}」 O) 表情穏やか。",
    "検査出棟前に更衣、排尿済み。",
    "帰棟後バイタル変動なし。穿刺部出血なし。",
)


def _time(moment: datetime, rng: random.Random, weights: dict[str, int]) -> formats.Value:
    return formats.clock(moment.time(), rng, weights=weights)


FOCUS = ("#1 転倒・転落リスク", "#2 疼痛", "#3 退院支援", "#1 感染リスク")


def _focus_charting(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    """Focus charting over two days: each entry dated and timed, relatives by surname."""
    from phi_core.corpus.generator.fill import fill

    b.t("経過表・看護記録（フォーカスチャーティング）　").v(formats.room(rng), "OTHER_ID").t("号室　")
    b.v(formats.katakana_name(cast.patient, rng), "PATIENT_NAME").ln(" 様")
    day = cast.exam
    for offset in range(2):
        moment = day + timedelta(days=offset)
        moment = moment.replace(hour=rng.randint(8, 10), minute=rng.choice((0, 10, 20, 30, 40, 50)))
        b.v(formats.month_day(moment.date(), rng), "OTHER_DATE").t(" ")
        b.v(formats.clock(moment.time(), rng, weights={"colon": 1}), "TIME").t(" ").ln(rng.choice(FOCUS))
        b.ln("　D：" + fill(rng.choice(OBSERVATIONS), rng, {}))
        if offset == 0:
            b.t("　A：").t(cast.relation).t("の").v(formats.surname(cast.relative.family), "EMERGENCY_CONTACT")
            b.t("様へ電話連絡（").v(
                formats.phone(cast.relative_phone, rng, weights={"hyphen": 2, "bare": 1}), "EMERGENCY_CONTACT"
            ).ln("）し、面会の予定を確認。")
        else:
            b.t("　A：").v(formats.kanji_name(cast.requester, rng), "PHYSICIAN_NAME")
            b.ln("医師の指示により安静度を拡大。")
        b.ln("　R：" + rng.choice(("表情穏やか。", "疼痛自制内。", "理解良好。")))
    b.t("（記載：").v(formats.kanji_name(cast.nurse, rng), "PHYSICIAN_NAME").ln("）")


def write_nursing(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    from phi_core.corpus.generator.fill import fill

    if rng.random() < 0.35:
        _focus_charting(b, cast, rng)
        return

    ward = (f"{rng.randint(3, 9)}{rng.choice(('階東', '階西', '東', '西', 'A', 'B'))}病棟", "ward")
    b.t(rng.choice(("看護記録　", "【看護記録】", "経過記録（看護）"))).v(ward, "DEPARTMENT").t("　")
    b.v(formats.room(rng), "OTHER_ID").t(rng.choice(("号室-", "号室 ベッド", "-")))
    b.v(formats.bed(rng), "OTHER_ID").ln()
    patient_name = japanese_name(cast.patient, rng, weights={"kanji": 4, "katakana": 1, "half": 1, "hiragana": 1})
    b.t("患者：").v(patient_name, "PATIENT_NAME").t(rng.choice((" 様", "様", " ")))
    b.t("（ID ").v(cast.patient_id, "PATIENT_ID")
    if rng.random() < 0.3:
        b.t("、").v(formats.era_year(cast.birth, rng), "BIRTH_DATE").t("生")
    b.ln("）")
    b.v(formats.japanese_date(cast.exam.date(), rng, weights={"slash": 2, "kanji": 1, "era_abbr": 1}), "OTHER_DATE")
    b.ln()
    weights = rng.choice(({"colon": 1}, {"kanji": 1}, {"colon": 3, "fullwidth": 1}))
    moment = cast.exam.replace(hour=7, minute=rng.choice((0, 15, 30)))
    events = rng.sample(range(6), 4)
    for event in sorted(events):
        moment += timedelta(minutes=rng.randint(40, 150))
        b.v(_time(moment, rng, weights), "TIME").t(" ")
        if event == 0:
            b.ln(fill(rng.choice(OBSERVATIONS), rng, {}))
        elif event == 1:
            b.t(cast.relation).t("（").v(formats.kanji_name(cast.relative, rng), "EMERGENCY_CONTACT").t(
                rng.choice(honorifics.words("person", exclude=("さま", "殿", "氏", "君", "くん", "ちゃん")) + ("",))
            ).t("）より電話あり。")
            number = formats.phone(cast.relative_phone, rng, weights={"hyphen": 1})
            b.t("折り返し先 ").v(number, "EMERGENCY_CONTACT").ln("。面会時間について説明。")
            if rng.random() < 0.4:  # copied from a form typed in full width
                b.t("（家族連絡票：").v((formats.to_fullwidth(number[0]), "full-width phone"), "EMERGENCY_CONTACT").ln(
                    "）"
                )
        elif event == 2:
            b.t("主治医 ").v(formats.kanji_name(cast.requester, rng), "PHYSICIAN_NAME").t(
                rng.choice(("医師", "Dr", "先生"))
            )
            b.t("より病状説明。")
            if len(cast.relative.family.kanji) >= 2:
                b.t(cast.relation).t("の").v(formats.surname(cast.relative.family), "EMERGENCY_CONTACT").t("さん同席。")
            b.ln()
        elif event == 3:
            b.t(f"{cast.study.title}のため検査室へ出棟。").t("担当 ")
            b.v(formats.kanji_name(cast.reader, rng), "PHYSICIAN_NAME").ln("医師。")
        elif event == 4:
            b.ln(fill(rng.choice(OBSERVATIONS), rng, {}))
            if len(cast.patient.family.kanji) >= 2:
                surname = formats.surname(cast.patient.family)
                if rng.random() < 0.4:
                    surname = (cast.patient.family.kana, "katakana surname alone")
                b.t("　").v(surname, "PATIENT_NAME").ln("さん、ナースコールにて訴えあり。")
        else:
            b.t("同室（").v(formats.room(rng), "OTHER_ID").t("号室）の患者と談笑している。")
            b.ln(fill(rng.choice(OBSERVATIONS), rng, {}))
    b.t("記録者：").t(rng.choice(("看護師 ", "Ns. ", "")))
    b.v(japanese_name(cast.nurse, rng, weights={"kanji": 3, "katakana": 1}), "PHYSICIAN_NAME").ln()
