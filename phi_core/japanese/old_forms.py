"""Kanji as old records print them, and their forms today.

Records written before the 1950s reform, and letterheads that kept their old
seal, print the traditional forms (丸山外科醫院, 國立, 縣立, 齒科); a name or a
facility's kind is the same word in either form, so the rules read them in
today's form. Each old form maps to one character, so positions stay.
"""

from __future__ import annotations

OLD_TO_NEW: dict[str, str] = dict(
    zip(
        "醫國縣會齒藥舊營區當專實體號驛廣濱澤邊櫻與聯總鑛歐戰",
        "医国県会歯薬旧営区当専実体号駅広浜沢辺桜与連総鉱欧戦",
        strict=True,
    )
)

# A facility's kind a scan misread by one kanji of the same shape (京都桂川病陰 for 病院).
# A small ツ or ョ read as a large one is the same misreading (ほほえみ歯科クリニツク, 訪問看護ステ一シヨン).
MISREAD_KINDS: dict[str, str] = {
    "病陰": "病院",
    "医陰": "医院",
    "病阮": "病院",
    "医阮": "医院",
    "病皖": "病院",
    "医皖": "医院",
    "病陵": "病院",
    "病練": "病棟",
    "クリニツク": "クリニック",
    "シヨン": "ション",
    # ソ for ン and 料 for 科: shapes a scan confuses (医療セソター, 整形外料)
    "セソター": "センター",
    # a dash or a bar for the long vowel mark (東北中央医療センタ―)
    "センタ―": "センター",
    "センタ－": "センター",
    "外料": "外科",
    "内料": "内科",
    # 右 or 各 for 名 in the label before a name (傷病者氏右, 患者氏各)
    "氏右": "氏名",
    "氏各": "氏名",
}

# Kanji a scan reads for a common one of nearly the same shape: 曰 (says) for 日 (生年月曰, 3 月 l8 曰, 曰齢), 氐 for
# 氏 (保護者氐名). 曰 is a word of its own only in 曰く (本人曰く), which stays.
MISREAD_SINGLE: dict[str, str] = {"曰": "日", "氐": "氏"}
MISREAD_KEPT_BEFORE: dict[str, str] = {"曰": "く"}
