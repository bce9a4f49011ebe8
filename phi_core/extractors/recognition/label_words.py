"""Label words: the label in front of a value decides its category (the tables).

``氏名：佐藤明子`` is a patient name, ``施設電話：03-...`` a facility phone and a
date after ``生年月日：`` a birth date. Each label word maps to a
:class:`LabelRule` saying how its value is read; the value region runs from the
separator to the end of the line (or to the next label on the same line).
Spans never include the label itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from phi_core.extractors import fast_re as re
from phi_core.word_cache import word_cache
from phi_core.extractors.recognition.candidates import NOT_PHI
from phi_core.extractors.recognition.id_label_words import _ID_LABELS
from phi_core.extractors.recognition.label_readings import LABEL_READINGS, ROMAJI_COLUMNS
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HALF_WIDTH_KATAKANA, HIRAGANA_LETTERS
from phi_core.japanese.width import nfkc, to_half_width_kana
from phi_core.japanese.old_forms import MISREAD_SINGLE


@dataclass(frozen=True)
class LabelRule:
    # "name": a person's name (+ reading, + department); "whole": the whole
    # value is one span; "context": re-type pattern matches inside the value;
    # "contact": an emergency contact (name and phone, relation word skipped);
    # "sex": a sex word.
    read_as: str
    category: str | None = None
    retype: dict[str, str] = field(default_factory=dict)
    finds_sex: bool = False


def _rules(words: str, rule: LabelRule) -> dict[str, LabelRule]:
    return {word: rule for word in (words.split("|") if "|" in words else words.split())}


_PHYSICIAN_RULE_DEF = LabelRule("name", "PHYSICIAN_NAME")
_BIRTH = LabelRule("context", retype={"date": "BIRTH_DATE", "age": "AGE"}, finds_sex=True)
_EXAM = LabelRule("context", retype={"date": "EXAM_DATE", "time": "TIME"})
_OTHER_DATE = LabelRule("context", retype={"date": "OTHER_DATE", "time": "TIME"})
_AGE_SEX = LabelRule("agesex", "AGE")

LABEL_RULES: dict[str, LabelRule] = {
    **_rules(
        "氏名 姓 患者 患者名 患者氏名 傷病者名 傷病者氏名 患児 児童 名前 おなまえ なまえ 被検者名 受診者名 登録名 仮登録名 通称 旧姓 別名 本名 "
        "ユーザー名 表示名 ニックネーム アカウント名",
        LabelRule("name", "PATIENT_NAME", finds_sex=True),
    ),
    **_rules("読影 依頼 報告 執刀 実習生 研修生 見学者", _PHYSICIAN_RULE_DEF),
    **_rules(
        "フリガナ ふりがな カナ氏名 氏名カナ 氏名（カナ） ローマ字氏名 ローマ字", LabelRule("whole", "NAME_READING")
    ),
    **_rules("生年月日 生年月日／年齢 生年月日/年齢 生年月日・年齢", _BIRTH),
    **_rules("年齢 年令", LabelRule("context", retype={"age": "AGE"}, finds_sex=True)),
    **_rules("性別", LabelRule("sex", "SEX")),
    **_rules("住所 患者住所 現住所 自宅住所 緊急連絡先住所 連絡先住所", LabelRule("whole", "ADDRESS")),
    **_rules("施設住所 病院住所 所在地 医療機関住所", LabelRule("whole", "FACILITY_ADDRESS")),
    **_rules(
        "電話 電話番号 携帯電話 携帯 携帯番号 自宅電話 連絡先 TEL Tel", LabelRule("context", retype={"phone": "PHONE"})
    ),
    **_rules(
        "施設電話 施設電話番号 施設TEL 病院電話 代表電話", LabelRule("context", retype={"phone": "FACILITY_PHONE"})
    ),
    **_rules(
        "緊急連絡先 家族連絡先 キーパーソン 家族 保護者 身元引受人 連絡先（家族） 家族の連絡先",
        LabelRule("contact", "EMERGENCY_CONTACT", retype={"phone": "EMERGENCY_CONTACT"}),
    ),
    **_rules(
        "検査日 検査日時 撮影日 撮影日時 検査年月日 撮影年月日 検査実施日 実施日 施行日 検査・治療日時 治療日時", _EXAM
    ),
    **_rules("前回検査日 前回検査 前回撮影日 比較対象", _OTHER_DATE),
    **_rules("施設 施設名 病院名 医療機関 医療機関名 紹介元 紹介元医療機関", LabelRule("whole", "HOSPITAL_NAME")),
    **_rules(
        "診療科 依頼科 依頼診療科 依頼部署 病棟 提出科 担当科 受診科 紹介科 依頼元科 所属科 所属",
        LabelRule("whole", "DEPARTMENT"),
    ),
    **_rules(
        "スクリーナー 細胞検査士 検査技師 医師名 担当医師名 医師氏名 記載 記入 記入者 作成 作成者 入力者 介助 介助者 介助看護師 施行者 実施者 確認 承認 署名 報告者 記載者 記録者 署名者 承認者 確認者 検査者 担当者 説明者 担当看護師 看護師 受持看護師 担当 主治医 担当医 記載医",
        _PHYSICIAN_RULE_DEF,
    ),
    **_rules(
        "入院日 退院日 手術日 来院日 受診日 初診日 紹介日 記載日 作成日 報告日 発行日 採取日 受付日 入院日時 退院日時 "
        "記録日 記録日時 日付 日時 既往歴 発症日 予約日 次回予約 次回受診日 前回 前回検査日時",
        _OTHER_DATE,
    ),
    **_rules("宛先 紹介先 紹介先医療機関 貴院 医療機関名称", LabelRule("whole", "HOSPITAL_NAME")),
    **_rules(
        "病室 部屋番号 部屋 ベッド ベッド番号 床番号 病床 号室 居室 居室番号 チェア ﾁｪｱ", LabelRule("room", "OTHER_ID")
    ),
    # People beside the patient that forms and logs name: guarantors, applicants, visitors, guardians.
    **_rules(
        "保証人 連帯保証人 身元保証人 申請者 申込者 申請者氏名 届出人 代理人 面会者 来院者 来訪者 付添者 付添人 "
        "同伴者 相談者 患者家族 同居家族 家族氏名 世帯主 親権者 後見人 成年後見人 扶養者 被保険者 被保険者氏名",
        LabelRule("contact", "EMERGENCY_CONTACT", retype={"phone": "EMERGENCY_CONTACT"}),
    ),
    # Where the patient works or studies narrows them down as an address does.
    **_rules(
        "勤務先 勤務先名 職場 会社名 事業所名 学校名 通学先 在籍校 園名 学校・園名", LabelRule("whole", "ADDRESS")
    ),
}

# English keys ("Patient Name: ...", CSV headers such as patient_name) share
# the rules above; every case variant is listed so lookup stays a dict hit.
_ENGLISH_KEYS: dict[str, LabelRule] = {
    **_rules(
        "Case|症例|Re|RE|Subject|Pt|Pt.|Name|Patient|Patient Name|Patient's Name|Full Name|Patient Full Name|"
        "Surname|Family Name|Last Name|Given Name|Given Names|First Name|Forename|Forenames|Middle Name",
        LabelRule("name", "PATIENT_NAME", finds_sex=True),
    ),
    **_rules("Kana|Reading|Furigana|Name Kana|Kana Name|Patient Name Kana", LabelRule("whole", "NAME_READING")),
    # (the birth date and then the age under one label: DOB / Age : 05 Oct 1968 / 56 yrs)
    **_rules("DOB|D.O.B.|Date of Birth|Birth Date|Birthdate|Birthday|DOB/Age|DOB / Age|DOB/AGE|DOB / AGE", _BIRTH),
    **_rules("Age", LabelRule("context", retype={"age": "AGE"}, finds_sex=True)),
    **_rules("Sex|Gender", LabelRule("sex", "SEX")),
    **_rules("Age/Sex|Age/Gender|Sex/Age|Age / Sex|Sex / Age|年齢/性別|年齢・性別|性別/年齢", _AGE_SEX),
    **_rules("Address|Home Address|Patient Address|Employer|Workplace|School", LabelRule("whole", "ADDRESS")),
    **_rules(
        "Guardian|Visitor|Relative|Informant|Caregiver|Legal Representative|Guarantor|Applicant",
        LabelRule("contact", "EMERGENCY_CONTACT", retype={"phone": "EMERGENCY_CONTACT"}),
    ),
    **_rules("Initials|Patient Initials|Subject Initials", LabelRule("whole", "PATIENT_NAME")),
    **_rules(
        "イニシャル 患者イニシャル 氏名イニシャル イニシャル氏名", LabelRule("name", "PATIENT_NAME", finds_sex=True)
    ),
    # Who did it, in application logs: user=ramirez.k, operator: t_sato.
    **_rules("User|User ID|UserID|Operator|Login|Logged by|Entered by|By", LabelRule("whole", "PHYSICIAN_NAME")),
    **_rules(
        "Phone|Tel|Tel.|Telephone|Phone Number|Mobile|Contact|Home Phone|Patient Phone",
        LabelRule("context", retype={"phone": "PHONE"}),
    ),
    **_rules(
        "Emergency Contact|Next of Kin|NOK",
        LabelRule("contact", "EMERGENCY_CONTACT", retype={"phone": "EMERGENCY_CONTACT"}),
    ),
    **_rules(
        "Exam Date|Study Date|Date of Exam|Date of Study|Examination Date|Exam Date/Time|Study Date/Time|Date of Examination",
        _EXAM,
    ),
    **_rules(
        "Date|Report Date|Admission Date|Discharge Date|Date of Admission|Date of Discharge|Previous Exam|Prior Study|Comparison",
        _OTHER_DATE,
    ),
    **_rules(
        "Referring Physician|Referring Doctor|Ordering Physician|Requesting Physician|Radiologist|Reported by|"
        "Reading Radiologist|Read by|Signed by|Attending Physician|Attending|Physician|Doctor|Dictated by|"
        "Approved by|Interpreted by|Referred by|Pathologist|Endoscopist|Nurse|Technologist|Author|Presenter|Presented by|"
        "Moderator|Discussant|Chair|Operator|Sonographer|Cytotechnologist|Screener|Resident|Fellow|Consultant|"
        "Reviewer|Reviewed by|Checked by|Verified by|Approver|Requester|Requested by|Assignee|Assigned to|Created by|"
        "Updated by|Modified by|Edited by|Student|Clinician|Therapist|Pharmacist|Coordinator|Examiner|"
        "Scribe|Surgeon|Anesthesiologist|Anaesthetist|Midwife|Dietitian|Caseworker|Social Worker|Care Manager",
        _PHYSICIAN_RULE_DEF,
    ),
    **_rules(
        "Hospital|Institution|Facility|Referring Hospital|Referred from|Hospital Name|Institution Name",
        LabelRule("whole", "HOSPITAL_NAME"),
    ),
    **_rules("Department|Dept|Dept.|Ward|Service|Division", LabelRule("whole", "DEPARTMENT")),
    **_rules("Room|Room No.|Bed|Bed No.", LabelRule("room", "OTHER_ID")),
}
for _key, _rule in list(_ENGLISH_KEYS.items()):
    for _variant in (_key, _key.lower(), _key.upper(), _key.title(), _key.capitalize()):
        LABEL_RULES.setdefault(_variant, _rule)

# Labels spelled by their reading (ｼﾒｲ: ﾂﾂｲ ｺﾊﾙ, セイネンガッピ ...): each shares its written label's rule.
for _reading, _written in LABEL_READINGS.items():
    for _variant in (_reading, to_half_width_kana(_reading)):
        LABEL_RULES.setdefault(_variant, LABEL_RULES[_written])
_PHYSICIAN_RULE = _PHYSICIAN_RULE_DEF

# Role labels for clinicians are open-ended (依頼医, 検査依頼医, 読影医, 承認医,
# 麻酔医, 検査技師 ...), so they are recognised by their ending, not listed.
_PHYSICIAN_ENDINGS = (
    "医師",
    "医",
    "技師",
    "看護師",
    "者",
    "担当",
    "当直",
    "日直",
    "師長",
    "主任",
    "院長",
    "部長",
    "科長",
    "士",
    "読影",  # 一次読影 梅田, 二次読影 荒木 洋平
)
_PHYSICIAN_WORDS = ("術者", "助手", "文責", "器械出し", "外回り")
# Role words that end like a clinician's but name someone else (or no one).
_NOT_CLINICIAN_ROLES = frozenset({"患者", "保護者", "配偶者", "同居者", "高齢者", "当事者", "第三者", "関係者", "担当"})
_MAX_PHYSICIAN_LABEL = 8
# Labels are found from their separator backwards: colons are rare, so this is
# far cheaper than trying a long alternation at every position. The separator
# also covers the JSON-ish layout some reports use: `"- 患者ID": "...`.
# A bar after a label (| 患者氏名 | 荒木節子 |), also a drawn one (│患者フリガナ　│ワタナベ); a form's dot leader
# (Year of Birth ........ 1958, 氏名……山田 太郎).
_SEPARATOR_RE = re.compile("[:：】=]|(?<=[^\\s|│┃｜])[ \u3000]*[|│┃｜]|(?<=[^\\s.…‥])[ \u3000]*(?:\\.{4,}|[…‥]+)")
_SEPARATOR_PADDING = " \t\u3000\"'|"

# A form printed in kana writes the sex by its reading (ｾｲﾍﾞﾂ: ｵﾄｺ).
_SEX_RE = re.compile(
    r"男性|女性|男児|女児|男|女|(?<![A-Za-zＡ-Ｚａ-ｚ])(?:[Ff]emale|[Mm]ale|[MFＭＦ])(?![A-Za-zＡ-Ｚａ-ｚ])"
    rf"|(?<![{FULL_WIDTH_KATAKANA}{HALF_WIDTH_KATAKANA}])(?:ｵﾄｺ|ｵﾝﾅ|オトコ|オンナ)(?![{FULL_WIDTH_KATAKANA}{HALF_WIDTH_KATAKANA}])"
    rf"|(?<![{HIRAGANA_LETTERS}])(?:おとこ|おんな)(?![{HIRAGANA_LETTERS}])"
)
# Room and bed numbers inside a room label's value ("305号室 2床" -> 305, 2).
# (not the floor before it: 居室 2階 213号)
# (not a count of them: ベッド 5台, チェア 5脚; a bay's letter before its bed is the bed's own: B-3, Ｂ－３, but
# not a scanner's name: CT-1)
_ROOM_NUMBER_RE = re.compile(
    r"(?<![0-9０-９A-Za-zＡ-Ｚ])(?!(?:CT|MR|RI|US|XR|PET|DSA)[-－])(?:[A-Za-zＡ-Ｚ]{1,2}[-－])?[A-Za-zＡ-Ｚ]?[0-9０-９]{1,4}[A-Za-zＡ-Ｚ]?(?![0-9０-９A-Za-z]|階|[ \u3000]?(?:台|脚|床|名|人|件|個|枚|室|部屋))"
)
# Padding and the rules of a drawn table (│) around a value.
_VALUE_TRAILER = " \t\u3000\"',\\│┃｜"
_FACILITY_WORDS = re.compile(r"病院|クリニック|医院|診療所|センター")


_ID_RULES = {label: LabelRule("id", category) for label, category in _ID_LABELS.items()}


_MISREAD = str.maketrans(MISREAD_SINGLE)


def _normal_key(label: str) -> str:
    # a scanned header reads as its word (曰齢 is 日齢)
    label = nfkc(label).translate(_MISREAD)
    return "".join(ch for ch in label.lower() if ch not in " _-.'\"*【】[]()（）#:：").replace("ｉｄ", "id")


_COLUMN_RULES: dict[str, LabelRule] = {}
for _table in (LABEL_RULES, _ID_RULES):
    for _label, _rule in _table.items():
        _COLUMN_RULES.setdefault(_normal_key(_label), _rule)
_COLUMN_RULES.update(
    {
        _normal_key(k): v
        for k, v in {
            "id": _ID_RULES["患者ID"],
            "patientid": _ID_RULES["患者ID"],
            "患者id": _ID_RULES["患者ID"],
            "kana_name": LABEL_RULES["カナ氏名"],
            "name_kana": LABEL_RULES["カナ氏名"],
            "patient_name_kana": LABEL_RULES["カナ氏名"],
            "birth": _BIRTH,
            "dob": _BIRTH,
            "exam_time": LabelRule("context", retype={"time": "TIME", "date": "EXAM_DATE"}),
            "study_time": LabelRule("context", retype={"time": "TIME", "date": "EXAM_DATE"}),
            "time": LabelRule("context", retype={"time": "TIME", "date": "OTHER_DATE"}),
            "検査時刻": LabelRule("context", retype={"time": "TIME", "date": "EXAM_DATE"}),
            "accession_no": _ID_RULES["Accession No."],
            "order_no": _ID_RULES["Order No."],
            "reporter": _PHYSICIAN_RULE_DEF,
            "reader": _PHYSICIAN_RULE_DEF,
            "requester": _PHYSICIAN_RULE_DEF,
            "referring": _PHYSICIAN_RULE_DEF,
            "hospital_name": LABEL_RULES["病院名"],
            # Worklist and OR-list headers (space-aligned tables), and the
            # half-width kana column names of older hospital systems.
            "surgeon": _PHYSICIAN_RULE_DEF,
            "anesthesiologist": _PHYSICIAN_RULE_DEF,
            "anesthetist": _PHYSICIAN_RULE_DEF,
            "assistant": _PHYSICIAN_RULE_DEF,
            "staff": _PHYSICIAN_RULE_DEF,
            # a person's city in a record ("city":"Da Nang"): where they live
            "city": LabelRule("whole", "ADDRESS"),
            "hometown": LabelRule("whole", "ADDRESS"),
            "bay": LABEL_RULES["ベッド"],  # a recovery or treatment bay ("bay":"R-4")
            "seat": LABEL_RULES["ベッド"],  # a day unit's chair ("seat":"T2-4")
            # a name split into a family and a given key ("family":"Tanaka","given":"Sho"); not 名, セイ or メイ alone,
            # which label other things as often (名　称; ｾｲ for 性 in a half-width form)
            **dict.fromkeys(("given", "family"), LABEL_RULES["氏名"]),
            # a postal code is part of an address, not a number of its own ("zip": "901-2103")
            **dict.fromkeys(
                ("zip", "zipcode", "zip_code", "postal_code", "postcode", "郵便番号", "〒"), LabelRule("id", "ADDRESS")
            ),
            "年齢性別": LABEL_RULES["年齢/性別"],
            "性別年齢": LABEL_RULES["年齢/性別"],
            "カンジャメイ": LABEL_RULES["氏名"],
            "シメイ": LABEL_RULES["氏名"],
            "セイベツ": LABEL_RULES["性別"],
            "ネンレイ": LabelRule("age", "AGE"),
            # the department column of an old system's list, its name read aloud (KA, ｶ for 科)
            "ka": LabelRule("whole", "DEPARTMENT"),
            "カ": LabelRule("whole", "DEPARTMENT"),
            "シンリョウカ": LabelRule("whole", "DEPARTMENT"),
        }.items()
    }
)


# Whose name a form asks for, as labels only: as a column's name they would make a form's line of a label and its
# value a table's header (利用者氏名　久我 卜シ子　　フリガナ クガ トシコ).
LABEL_RULES.update(
    dict.fromkeys(
        "当該者氏名 児童氏名 患児氏名 対象者氏名 利用者氏名 本人氏名 受診者氏名 被験者氏名".split(), LABEL_RULES["氏名"]
    )
)

_AGE_COLUMN = LabelRule("age", "AGE")
_TIME_COLUMN = LabelRule("time", "TIME")
# A column of how long something lasted (a call, a wait, the time to answer a call): 00:01:48 there is a
# duration, no time of day, and the cell is claimed as no PHI so that the clock pattern leaves it.
_DURATION_COLUMN = LabelRule("whole", NOT_PHI)
# (also read before a clock in running text: 所要時間 00:45:12 is no time of day)
DURATION_WORDS = (
    *("通話時間", "所要時間", "経過時間", "待ち時間", "待時間", "応答まで", "応答時間", "対応まで", "到着まで"),
    *("duration", "elapsed", "waittime", "calllength"),
)
_PHONE_COLUMN = LabelRule("phone", "PHONE")
_READING_COLUMN = LabelRule("whole", "NAME_READING")
# Column names vary more than labels do: recognised by how they end.
_COLUMN_ENDINGS: tuple[tuple[tuple[str, ...], LabelRule], ...] = (
    # (a newborn's age in days, an infant's in months: 日齢, 月齢)
    (("age", "ageyears", "年齢", "年令", "歳", "日齢", "月齢", "享年"), _AGE_COLUMN),  # (享年: the age at death)
    # start/end columns of a log hold clock times; the cell must still look like one.
    (("time", "時刻", "時間", "start", "end", "begin", "finish", "開始", "終了"), _TIME_COLUMN),
    (("kana", "カナ", "かな", "reading", "読み", "フリガナ", "ふりがな", "ヨミ"), _READING_COLUMN),
    (
        (
            *("dr", "doctor", "physician", "reader", "radiologist", "医", "医師", "者", "者名", "nurse", "看護師"),
            *("tech", "technologist", "operator", "pharmacist", "therapist", "signer", "by", "担当", "技師", "技士"),
            # who checked or countersigned the row (Checked, 確認, 鑑査): a person's name or initials
            *("checked", "checker", "verified", "countersigned", "鑑査", "prescriber", "orderer"),
            # social workers and case workers by their letters, as a welfare record's keys write them ("msw":"平塚 葵")
            *("msw", "psw", "cw", "caseworker", "staff"),
        ),
        _PHYSICIAN_RULE_DEF,
    ),
    (("phone", "tel", "電話", "電話番号", "携帯", "連絡先"), _PHONE_COLUMN),
    # a year of birth alone, as trial logs keep it (YOB 1983)
    (("yob", "year of birth", "birth year", "生年", "出生年"), LabelRule("year", "BIRTH_DATE")),
    (("date", "日", "日付", "年月日", "日時"), _OTHER_DATE),
    (("dept", "department", "科", "診療科"), LabelRule("whole", "DEPARTMENT")),
    (
        ("hospital", "institution", "facility", "病院", "医療機関", "施設", "pharmacy", "clinic", "薬局", "医院"),
        LabelRule("whole", "HOSPITAL_NAME"),
    ),
    (("id", "no", "番号", "mrn"), LabelRule("id", "PATIENT_ID")),
    # where someone lives, as a roster's or a register's column names it (居住地区: 浜ノ宮市汐入町)
    (("居住地", "居住地区", "居住区", "現住地"), LabelRule("whole", "ADDRESS")),
)
# A column's name is compared once normalised (birth_year, Birth Year: birthyear); so are the endings.
_COLUMN_ENDINGS = tuple((tuple(dict.fromkeys(map(_normal_key, endings))), rule) for endings, rule in _COLUMN_ENDINGS)


# (the script in brackets after the word: name_kanji, a database's field, is no such header)
_NAME_SCRIPT = re.compile(
    # (or by its initials: 患者(ｲﾆｼｬﾙ), Patient (initials))
    r"(?<=\S)[ \u3000]?[（(][ \u3000]?(?:ローマ字|ﾛｰﾏ字|英字|漢字|アルファベット|[Rr]omaji|[Rr]oman|[Ll]atin|[Kk]anji"
    r"|イニシャル|ｲﾆｼｬﾙ|[Ii]nitials?)[ \u3000]?[)）]$"
    r"|(?<=[a-z])_(?:latin|roman|romaji|alpha|en|eng)$"  # family_name_latin, name_en
)
_LAST_DIGITS = re.compile(r"(?<=.)(?:下|末尾|下位)[0-9０-９一二三四五六]桁$")
# A time card's in and out, in capitals after a word of another script or as English says it (ﾖﾃｲIN, 実績OUT, Clock in).
_TIME_CARD = re.compile(r"(?:^|[^A-Za-z])(?:IN|OUT)$|(?i:clock[ _-]?(?:in|out))$|^(?:in|out|In|Out)$")
_COLUMN_NUMBER = re.compile(r"(?<=[a-z]{3})[1-9]$")
_SHORT_SUFFIX = re.compile(r"(?<=[A-Za-z])_(tm|TM|dt|DT)$")


# Tables repeat their headers on every page and recognizers ask about the same ones.
@word_cache(maxsize=4096)
def column_rule(label: str) -> LabelRule | None:
    """The rule for a table column named ``label`` (Japanese, English, snake_case)."""
    # ID下4桁, 番号末尾4桁: the last digits of a number are still the number
    key = _LAST_DIGITS.sub("", _normal_key(label))
    # the second of two columns of one kind: staff1, staff2, nurse_2 (not SpO2 or T2, no word before the digit)
    key = _COLUMN_NUMBER.sub("", key)
    if key.endswith(DURATION_WORDS):
        return _DURATION_COLUMN
    # A database's short suffixes: spec_tm, ADM_DT (the time and the date of what the name says).
    if _TIME_CARD.search(label.strip()):
        return _TIME_COLUMN
    short = _SHORT_SUFFIX.search(label)
    if short:
        return _TIME_COLUMN if short.group(1).lower() == "tm" else _OTHER_DATE
    for endings, typed in _COLUMN_ENDINGS[:2] + _COLUMN_ENDINGS[4:5]:
        if key.endswith(endings) and key not in ("date/time", "日時"):
            return typed
    rule = _COLUMN_RULES.get(key)
    if rule is not None or not key:
        return rule
    if key in ("sex", "gender", "性別"):
        return LABEL_RULES["性別"]
    for endings, ending_rule in _COLUMN_ENDINGS:
        if key.endswith(endings):
            return ending_rule
    # 氏名（ローマ字）, 患者氏名（漢字）, Name (Romaji): the name in the script the header names
    script = _NAME_SCRIPT.search(label)
    if script is not None:
        return column_rule(label[: script.start()])
    return None


# Column names an older system spells in romaji read as the Japanese words they spell (SEIBETSU, NENREI, JIKAN).
_COLUMN_RULES.update({word: column_rule(written) for word, written in ROMAJI_COLUMNS.items()})
