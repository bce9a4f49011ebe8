"""Label words spelled as they are read: in katakana, as older systems print them, and in romaji, as their exports
name their columns. Each maps to the written label whose rule it shares (``label_words`` applies them).
"""

from __future__ import annotations

# ｼﾒｲ: ﾂﾂｲ ｺﾊﾙ, ｼﾞｭｳｼｮ: ..., セイネンガッピ ... (half-width forms are derived from these).
LABEL_READINGS = {
    "シメイ": "氏名", "カンジャメイ": "患者名", "カンジャシメイ": "患者氏名", "ナマエ": "名前", "カンジ": "患児",
    "ジドウ": "児童", "ジュウショ": "住所", "セイネンガッピ": "生年月日", "セイベツ": "性別", "ネンレイ": "年齢",
    "デンワ": "電話", "デンワバンゴウ": "電話番号", "ケイタイ": "携帯", "レンラクサキ": "連絡先",
    "キンキュウレンラクサキ": "緊急連絡先", "ホゴシャ": "保護者", "カゾク": "家族", "ニュウインビ": "入院日",
    "タイインビ": "退院日", "ジュシンビ": "受診日", "ケンサビ": "検査日", "タントウ": "担当", "タントウイ": "担当医",
    "シュジイ": "主治医", "ビョウトウ": "病棟", "シンリョウカ": "診療科", "ビョウインメイ": "病院名",
    "キンムサキ": "勤務先", "ガッコウメイ": "学校名", "ヘヤ": "部屋", "ビョウシツ": "病室", "シジイ": "担当医",
}  # fmt: skip

# Column names in Hepburn romaji (SHIMEI, SEIBETSU, NENREI, JIKAN), lower case with no separators, with the spellings
# programmers use for long vowels and ja (KANJYA, TANTOU, JUUSHO), and a few in katakana that no label reading gives
# (ｼﾞｶﾝ); each maps to a column name it stands for.
_ROMAJI = {
    "shimei kanjashimei kanjyashimei kanjamei kanjyamei": "氏名",
    "kanashimei kanjakana kanjyakana": "カナ氏名",
    "seibetsu seibetu": "性別",
    "nenrei": "年齢",
    "jikan jikoku ジカン ジコク": "時刻",
    "seinengappi seinengapi": "生年月日",
    "jusho juusho jyusho jyuusho": "住所",
    "denwa denwabango denwabangou": "電話",
    "tanto tantou tantoi tantoui shujii": "担当医",
    "byoto byouto byoutou": "病棟",
    "shinryoka shinryouka": "診療科",
    "nyuinbi nyuuinbi taiinbi yoyakubi jushinbi kensabi": "受診日",
}
ROMAJI_COLUMNS = {word: written for words, written in _ROMAJI.items() for word in words.split()}
