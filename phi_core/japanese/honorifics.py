"""Honorifics and titles written around Japanese (and romanised) names.

One table. Every user picks the groups it needs with :func:`words` and,
when it needs a regex, :func:`alternation`, so the lists can no longer drift
apart between the rules, the reply parser, the importers and the generators.
Titles and honorifics are never part of a person's span
(docs/annotation_guidelines.md).

Groups:
    person      polite or familiar forms after anyone's name (様, さん, 氏 ...)
    katakana    様 on forms written wholly in katakana (ヤマダ タロウ サマ, ﾔﾏﾀﾞ ﾀﾛｳ ｻﾏ)
    familiar    the familiar subset (くん, ちゃん, 君)
    clinician   a clinician's title after the name (先生, 医師, 看護師, 技師)
    letter      the salutations after an addressee in a letter (御侍史, 御机下)
    position    a post written after a name (部長, 教授, 院長, 科長)
    latin       Latin abbreviations (Dr, MD)
    newborn     a newborn not yet named, registered by the family's or the mother's name (松浦ベビー)
"""

from __future__ import annotations

import re

# (word, groups), in the order the lists were written before they were merged.
HONORIFICS: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (word, frozenset(groups.split()))
    for word, groups in (
        ("様", "person"),
        ("さま", "person"),
        ("サマ", "katakana"),
        ("ｻﾏ", "katakana"),
        ("さん", "person"),
        ("殿", "person"),
        ("氏", "person"),
        ("君", "person familiar"),
        ("くん", "person familiar"),
        ("ちゃん", "person familiar"),
        ("先生", "clinician"),
        ("せんせい", "clinician"),  # written in kana for children (小西せんせい)
        ("医師", "clinician"),
        ("看護師", "clinician"),
        ("技師", "clinician"),
        ("御侍史", "letter"),
        ("御机下", "letter"),
        ("侍史", "letter"),
        ("部長", "position"),
        ("教授", "position"),
        ("院長", "position"),
        ("科長", "position"),
        ("Dr", "latin"),
        ("MD", "latin"),
        ("ベビー", "newborn"),
        ("ﾍﾞﾋﾞｰ", "newborn"),
    )
)

# Job titles and posts written in front of a name (in a label value or a signature).
LEADING_TITLES: tuple[str, ...] = (
    "院長",
    "副院長",
    "部長",
    "医長",
    "主任",
    "診療放射線技師",
    "臨床検査技師",
    "放射線技師",
    "検査技師",
    "技師",
    "医師",
    "看護師",
    "准教授",
    "教授",
    "講師",
)
# Occupations and posts of staff written in front of a name with a space, in prose and brackets
# (（助産師 石蔵）, 病棟師長 エヴァンス 葉子, 聴取者 PSW 柏葉): the word says a staff member is named next.
STAFF_OCCUPATIONS: tuple[str, ...] = (
    "院長", "副院長", "部長", "副部長", "本部長", "医長", "科長", "主任", "事務長", "事務局長", "所長", "室長", "課長",
    "係長", "班長", "隊長", "技師長", "医学物理士", "師長", "副師長", "看護師長", "病棟師長",
    "外来師長", "看護部長", "主治医", "担当医", "執刀医", "術者", "読影医", "依頼医", "紹介医", "指導医", "記載医",
    "麻酔科医", "研修医", "専攻医", "当直医", "医師", "看護師", "准看護師", "助産師", "保健師", "薬剤師",
    "管理栄養士", "栄養士", "理学療法士", "作業療法士", "言語聴覚士", "臨床工学技士", "臨床検査技師",
    "診療放射線技師", "放射線技師", "検査技師", "技師", "公認心理師", "臨床心理士", "心理士", "精神保健福祉士",
    "社会福祉士", "医療ソーシャルワーカー", "相談員", "相談支援専門員", "介護支援専門員", "ケアマネジャー",
    "ケアマネ", "介護福祉士", "看護助手", "医療事務", "医師事務作業補助者", "検者", "聴取者", "説明者", "立会人",
    "PSW", "MSW", "PT", "OT", "ST", "CE", "CP", "MA", "Ns.", "Ns", "Dr.", "Dr",
    # A radiologic technologist (撮影 RT 三輪, 担当RT 大橋).
    "RT",
    # The nurse or pharmacist in charge, and the shift a nurse works (担当看護師 日比、夜勤 Kim).
    "担当看護師", "受け持ち看護師", "受持看護師", "受持ち看護師", "担当薬剤師", "夜勤", "日勤", "準夜", "深夜",
    "夜勤者", "日勤者", "遅番", "早番",
    # Clerks and engineers on the ward or at the desk (外来クラーク 一ノ瀬, サービスエンジニア マルティネス 健).
    "クラーク", "外来クラーク", "病棟クラーク", "医療クラーク", "医療秘書", "エンジニア", "サービスエンジニア",
    "ドライバー", "運転手", "コーディネーター", "ヘルパー",
)  # fmt: skip
# Short words a team note uses for a member, before a name with a space only (通訳 Pham, 心理 堀：);
# written onto other words they name a service (医療通訳, 臨床心理), so they are no STAFF_OCCUPATIONS.
TEAM_SHORT_WORDS: tuple[str, ...] = ("通訳", "心理")
# How katakana occupations end: a word ending so names a job and its holder follows (リンクワーカー 陳 偉,
# 治験モニター Kowalski, ピアカウンセラー 堀).
KATAKANA_POST_ENDINGS: tuple[str, ...] = (
    "ワーカー", "カウンセラー", "コーディネーター", "セラピスト", "トレーナー", "ナース", "モニター", "スタッフ",
    "ボランティア", "アシスタント", "サポーター", "インストラクター",
)  # fmt: skip
# Latin abbreviations of occupations that are written straight onto a name (Ns上間, PSW荒井同行).
# CW and SW: a (case) social worker of a welfare office; CM: a care manager; CRC: a trial's research coordinator.
LATIN_STAFF_ABBREVIATIONS: tuple[str, ...] = (
    *("Ns", "NS", "Dr", "DR", "PSW", "MSW", "PT", "OT", "ST", "CE", "RN", "RD"),
    *("CW", "SW", "CM", "CRC", "PHN"),
    # ME: a clinical engineer as Japanese wards call one (ME 竹林へ連絡); DH: a dental hygienist (吉岡DH)
    *("ME", "DH"),
    # RT: a radiological technologist (宮城RT, Tomoya Odagiri RT)
    "RT",
    # CN: a certified nurse or a coordinating nurse (移植CN 三好, 三好CN より)
    "CN",
)
# Honorifics that also make a word "-like" after a noun (Doppler様の所見): no sure sign of a person after a word.
ALSO_LIKENESS: tuple[str, ...] = ("様", "さま")
# How a family calls its own members with ちゃん or くん (おばあちゃん, 赤ちゃん): kin, not a name.
KIN_CALLS: frozenset[str] = frozenset(
    "おばあ おじい おにい おねえ おかあ おとう ばあ じい ねえ にい かあ とう あか おば おじ いとこ まご".split()
)
# Relations of a patient written before a relative's or companion's name (次男 颯 さん, 同行の友人 Tom Baker).
RELATIONS: tuple[str, ...] = (
    "母親", "父親", "配偶者", "長男", "長女", "次男", "次女", "三男", "三女", "四男", "四女", "息子", "娘", "祖母", "祖父",
    "叔父", "叔母", "伯父", "伯母", "義母", "義父", "義兄", "義姉", "孫", "甥", "姪", "兄", "姉", "弟", "妹", "母", "父",
    "妻", "夫", "内縁の妻", "内縁の夫", "婚約者", "パートナー", "友人", "知人", "隣人", "同居人", "同行者", "付添人",
    "付き添い", "保護者", "後見人", "成年後見人", "証人", "公証人", "保証人", "身元保証人", "代理人", "キーパーソン", "上の子", "下の子", "長兄", "長姉",
    # (and as staff speak of them politely: 奥様 Priya, ご主人 河野 様)
    "奥様", "奥さん", "ご主人", "ご主人様", "旦那様", "旦那さん", "お母様", "お父様", "娘さん", "息子さん",
)  # fmt: skip
# The same relations in English, before a name (her husband Rajesh, daughter, Emi).
ENGLISH_RELATIONS: tuple[str, ...] = (
    "wife", "husband", "son", "daughter", "mother", "father", "sister", "brother", "spouse", "partner", "friend",
    "niece", "nephew", "grandson", "granddaughter", "grandmother", "grandfather", "guardian", "carer", "caregiver",
    "fiancé", "fiancee", "uncle", "aunt", "cousin", "neighbour", "neighbor",
)  # fmt: skip
# Ranks of police officers and fire crews; a liaison note writes them after the family name, often with a
# blank between (木村巡査長, 梶原 警部補, 小島 巡査部長).
OFFICER_RANKS: tuple[str, ...] = (
    "巡査", "巡査長", "巡査部長", "警部補", "警部", "警視", "消防士", "救急救命士", "救命士",
)  # fmt: skip
# Posts written straight after a staff member's family name (上原主任, 島袋師長より, 金城課長).
POSTS_AFTER_NAME: tuple[str, ...] = (
    "主任", "副主任", "師長", "副師長", "看護師長", "技師長", "事務長", "課長", "係長", "部長", "副部長", "室長", "所長",
    "院長", "副院長", "医長", "科長", "班長", "主査", "主事", "参事", "理事長", "施設長", "センター長", "リーダー",
    "サブリーダー", "マネージャー", "マネジャー", "ケアマネ", "ケアマネジャー", "相談員", "支援員", "指導員",
    # Members of a committee and the clergy a family asks for (甲斐委員より, 東條委員長が, 岡野牧師, 宗田和尚).
    "委員", "委員長", "副委員長", "議長", "座長", "幹事", "牧師", "神父", "司祭", "和尚", "住職",
    # Members of a team or the staff in general (大城調整員, 坂口技士長, 堀職員分).
    "調整員", "業務調整員", "隊員", "隊長", "技士長", "職員",
    # Players and their staff in a team's records (Tupou 選手, 佐藤監督).
    "選手", "監督", "コーチ", "主将",
    # Doctors by their grade on a round's list (河野医員, 平田専攻医, 宮本講師).
    "医員", "研修医", "専攻医", "講師",
    # Lawyers and advisers in a claim's file and minutes (溝口弁護士, 久保田顧問：).
    "弁護士", "司法書士", "行政書士", "社会保険労務士", "顧問",
    # Interpreters (佐伯通訳者が対応), police officers and fire crews in liaison notes (木村巡査長, 梶原 警部補).
    "教授", "准教授", "助教", "通訳者", "通訳士", "刑事", *OFFICER_RANKS,
)  # fmt: skip
# What a staff member does, written straight after their family name in a note (片桐介助, 佐川同行, 大森追記).
DEEDS_AFTER_NAME: tuple[str, ...] = ("介助", "同行", "立会い", "立会", "付き添い", "付添", "追記")
# What a staff member did, written before their name in a sign-off (記録　新城／確認　当山, 実施 比嘉).
SIGN_OFF_WORDS: tuple[str, ...] = (
    "確認", "記録", "記載", "記入", "入力", "作成", "承認", "実施", "点検", "監査", "立会", "立会い", "指示", "報告",
    "対応", "署名", "自署", "文責", "チェック", "申し送り", "受け", "送り", "読影", "一次読影", "二次読影", "判読",
)  # fmt: skip
# Words for the patient or the person served, written before their name in brackets (患者本人（大湾）).
PATIENT_WORDS: tuple[str, ...] = (
    "患者",
    "本人",
    "患者本人",
    "ご本人",
    "利用者",
    "対象者",
    "入所者",
    "入居者",
    "受診者",
    "児",
)
# Words that say a name follows is an earlier or another name of the same person (旧姓佐久間で受診).
FORMER_NAME_WORDS: tuple[str, ...] = ("旧姓", "新姓", "旧名", "通称", "本名", "旧氏")
# Latin titles in front of a name; a dot may follow.
LATIN_LEADING_TITLES: tuple[str, ...] = ("Dr", "DR", "Prof", "Ns", "NS", "Mr", "Mrs", "Ms")
# Words of a post written after a titled name and a comma (Dr. Emily Tan, Medical Director): the post, not a
# given name written after the family name (Dr. Tan, Emily).
LATIN_POST_WORDS: tuple[str, ...] = (
    *("Medical", "Director", "Chief", "Head", "Senior", "Associate", "Assistant", "Consultant", "Professor"),
    *("Attending", "Resident", "Clinical", "Department", "Division", "Manager", "Coordinator", "President"),
)
# Katakana rendering of "doctor" used as a title.
KATAKANA_DOCTOR = "ドクター"


def words(*groups: str, exclude: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Honorifics in any of ``groups`` (all when none given), table order, minus ``exclude``."""
    unknown = set(groups) - {g for _, gs in HONORIFICS for g in gs}
    if unknown:
        raise ValueError(f"unknown honorific group(s): {', '.join(sorted(unknown))}")
    return tuple(
        word for word, in_groups in HONORIFICS if (not groups or in_groups & set(groups)) and word not in exclude
    )


def alternation(items: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal words, longest first (御侍史 before 侍史)."""
    ordered = sorted(dict.fromkeys(items), key=len, reverse=True)
    return "|".join(re.escape(word) for word in ordered)


def longest_first(items: tuple[str, ...]) -> tuple[str, ...]:
    """For suffix tests that take the first match: 御侍史 must be tried before 侍史."""
    return tuple(sorted(dict.fromkeys(items), key=len, reverse=True))
