"""Documents dense with look-alikes and with few or no PHI.

Teaching files, protocol notes and anonymised case summaries: eponymous
diseases, 当院/前医/A病院, sizes, series and image numbers, guideline years,
doses, segment labels (S6 is a lung segment, not Showa 6). About half carry
no PHI at all; the rest carry one or two values, so a detector that fires on
the look-alikes is caught by precision and by spurious items per report.
"""

from __future__ import annotations

import random

from phi_core.corpus.generator.styles import formats
from phi_core.corpus.generator.styles.cast import Cast
from phi_core.corpus.generator.styles.common import distractors, prose, technique
from phi_core.corpus.generator.styles.doc import StyleBuilder

TITLES = (
    "症例検討会資料（匿名化済み）",
    "読影カンファレンス 教育症例",
    "撮影プロトコル変更のお知らせ",
    "放射線科 業務連絡",
    "ガイドライン改訂要点メモ",
)


def write_distractor(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    b.ln(rng.choice(TITLES))
    b.ln()
    b.ln("【概要】")
    for line in distractors(rng, rng.randint(4, 7)):
        b.ln(line)
    b.ln()
    b.ln("【撮像条件】" + " / ".join(technique(cast, rng)))
    b.ln("【所見の要点】")
    for line in prose(cast, rng, "findings"):
        b.ln("・" + line)
    b.ln("【考察】" + "、".join(prose(cast, rng, "impression")) + "。" + distractors(rng, 1)[0])
    b.ln()
    dice = rng.random()
    if dice < 0.25:
        b.t("症例の検査日：").v(formats.japanese_date(cast.exam.date(), rng), "EXAM_DATE").ln()
    elif dice < 0.4:
        b.t("担当：").v(formats.kanji_name(cast.reader, rng), "PHYSICIAN_NAME").ln()
    elif dice < 0.45:
        b.t("症例：").v(formats.initials(cast.patient, rng), "PATIENT_NAME").ln("（イニシャルのみ記載）")
    elif dice < 0.5:
        b.t("問い合わせ：放射線科 内線").v(formats.extension(rng), "FACILITY_PHONE").ln()
    else:
        b.ln("以上")
