"""recall-first on the forms met in a fifth development set: each mechanism's forms and its look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import found, masked, values

from phi_core.extractors import rules
from phi_core.extractors.recognition.label_hits import find_label_hits


# --- care services and clinics named through words of what they do ---------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("救急搬送（房総北救命救急センター）、意識障害", "房総北救命救急センター"),
        ("既往：熱性けいれん（2026年4月、みどりの森こどもクリニック受診）。", "みどりの森こどもクリニック"),
        ("11/6 admitted via さくら通り小児科 referral", "さくら通り小児科"),
        ("11月24日にリハビリテーション病院 あおば台へ転院した。", "リハビリテーション病院 あおば台"),
        ("担当：相談支援センター ひだまり港南（泉谷）", "相談支援センター ひだまり港南"),
        ("前回の出産は地元の やまびこ産院でした", "やまびこ産院"),
        ("搬送元：助産院 こもれび（院長 杉本）", "助産院 こもれび"),
        ("ケアマネジャー：かわごえ南 居宅介護支援事業所 早川氏", "かわごえ南 居宅介護支援事業所"),
    ],
)
def test_service_names_through_words_of_what_the_place_does(text, value):
    assert value in found("service-name", text)


@pytest.mark.parametrize(
    "text",
    [
        "近くのクリニックを受診",
        "救命救急センターへ搬送",
        "当院救命救急センターに入院",
        "訪問看護 斉藤 居宅介護支援事業所",
        "ほかの 薬局",
    ],
)
def test_service_words_alone_or_after_a_pointer_name_nothing(text):
    assert found("service-name", text) == []


# --- staff named after their occupation -------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("沐浴指導を実施（指導 助産師 石蔵）。", "石蔵"),
        ("面談（副院長 白鳥、病棟師長 エヴァンス 葉子）", "白鳥"),
        ("面談（副院長 白鳥、病棟師長 エヴァンス 葉子）", "エヴァンス 葉子"),
        ("同意確認（19:40、聴取者 PSW 柏葉）。", "柏葉"),
        ("面接を実施（公認心理師 ファン・ティ・マイ）。", "ファン・ティ・マイ"),
        ("TEE（検者 鬼塚 玲央）：MV", "鬼塚 玲央"),
        ("術者 榊原 直人　助手 Lee Min-jun　麻酔 真鍋　外回り 西", "Lee Min-jun"),
        ("術者 榊原 直人　助手 Lee Min-jun　麻酔 真鍋　外回り 西", "真鍋"),
    ],
)
def test_a_name_after_an_occupation_and_a_space(text, value):
    assert value in found("role-value", text)


@pytest.mark.parametrize("text", ["PT 2単位、OT 実施）", "（担当 看護師 確認）", "（主治医 本人）", "薬剤師 同席）"])
def test_an_occupation_before_what_happened_names_nobody(text):
    assert found("role-value", text) == []


def test_a_role_written_after_a_name_is_not_its_given_name():
    assert "宇佐美" in found("role-value", "執刀 宇佐美　第一助手 乾")


@pytest.mark.parametrize(
    "text, value", [("病棟Ns ﾎﾘｹﾞﾁ → 手術室Ns Ｋａｎｅｋｏ", "Ｋａｎｅｋｏ"), ("RRT（石黒、Ns.Perez）到着", "Perez")]
)
def test_latin_names_after_every_latin_title(text, value):
    assert value in found("latin-name", text)


# --- HL7 pasted into a log ----------------------------------------------------------------------

_LOG = (
    "2026-12-03 22:47:05 ERROR import failed\n  message:\n"
    "    MSH|^~\\&|REGI|NISHIKI_MEDICAL|EMR|NISHIKI_MEDICAL|20261203224705||ADT^A08|1|P|2.5\n"
    "    PID|1||00440912^^^NMC^MR||MORIOKA^AOI^^^^^L||20110722|F\n"
    "  payload: PV1|1|O|PED^^^^^^|||||3321^SUGAWARA^NAO\n"
)


@pytest.mark.parametrize(
    "value, category",
    [("NISHIKI_MEDICAL", "HOSPITAL_NAME"), ("MORIOKA^AOI", "PATIENT_NAME"), ("SUGAWARA^NAO", "PHYSICIAN_NAME")],
)
def test_hl7_segments_indented_or_after_log_text_are_read(value, category):
    assert (value, category) in [(s.text, s.category) for s in rules.extract_spans(_LOG)]


def test_only_known_segments_are_read_in_the_middle_of_a_line():
    # "ABC|" after other text is a bar table or prose, not a segment the table knows.
    assert found("hl7", "result: ABC|1||YAMADA^TARO") == []
    assert "YAMADA^TARO" in found("hl7", "result: PID|1||4711||YAMADA^TARO")


# --- lists of patients, labels in katakana --------------------------------------------------------


def test_a_kana_given_name_before_an_age_joins_the_family_name():
    assert ("大城 ちか", "PATIENT_NAME") in masked("605-B　大城 ちか　92　F　心不全増悪")


def test_a_kana_word_after_a_family_name_without_an_age_is_left_alone():
    assert "大城 まだ" not in values("大城 まだ来院せず")


@pytest.mark.parametrize(
    "label, value, category",
    [
        ("ｼﾒｲ", "ﾂﾂｲ ｺﾊﾙ", "PATIENT_NAME"),
        ("ｼﾞｭｳｼｮ", "ﾄﾁｷﾞｹﾝ ﾓｵｶｼ ﾀｶﾏ 1120-6", "ADDRESS"),
        ("シメイ", "ツツイ コハル", "PATIENT_NAME"),
    ],
)
def test_labels_spelled_by_their_reading(label, value, category):
    text = f"{label}: {value}\n"
    assert [h.label for h in find_label_hits(text)] == [label]
    spans = masked(text)
    assert (value, category) in spans
    assert label not in [v for v, _ in spans]  # the label itself is never a name


# --- damaged and wrapped values -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value", [("自宅 03-3996-58 21）", "03-3996-58 21"), ("（自宅 049-2 24-7713、携帯", "049-2 24-7713")]
)
def test_a_phone_with_a_stray_space(text, value):
    assert value in values(text)


def test_spaced_groups_that_are_no_phone_stay_apart():
    assert values("BP 136-88 12 3") == []


def test_an_address_wrapped_onto_an_indented_line():
    text = "住所：埼玉県川越市新富町2丁目\n      14-3 コーポ新富 201\n電話：049-224-7713"
    assert ("埼玉県川越市新富町2丁目\n      14-3 コーポ新富 201", "ADDRESS") in masked(text)


def test_a_count_on_the_next_line_is_not_an_address():
    assert ("東京都港区", "ADDRESS") in masked("住所：東京都港区\n  12 名")


# --- numbers, stamps, wards, readings -------------------------------------------------------------


def test_licence_numbers_and_their_look_alikes():
    assert ("3-45521", "OTHER_ID") in [(s.text, s.category) for s in rules.extract_spans("免許証番号 第3-45521号")]
    assert rules.extract_spans("第2号被保険者、第3-4肋間") == []


def test_a_compact_date_and_time_is_one_stamp():
    assert "20261202 1415" in found("machine-timestamp", "assessed_at=20261202 1415  by=x")
    assert found("machine-timestamp", "count 20261399 1415") == []


def test_a_floor_and_a_specialty_ward():
    assert "5F産科病棟" in found("ward-name", "確認者：中山　5F産科病棟 510号室")
    assert "3階小児病棟" in found("ward-name", "3階小児病棟へ転棟")


def test_an_extension_in_katakana_and_a_reading_two_spaces_after_the_name():
    assert ("2418", "FACILITY_PHONE") in masked("TEL 03-3971-2204 (ﾅｲｾﾝ 2418)")
    assert ("フカサワ ソウイチ", "NAME_READING") in masked("患者 深沢 宗一  (フカサワ ソウイチ)  74歳")


# --- a sixth set: ages beside names, kinds before names, labels in capitals ------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Patient: TAKEUCHI Goro  Age 88  Sex M", [("88", "AGE")]),
        ("- 伊東 信夫さん（81、膵癌、7東）：せん妄", [("81", "AGE")]),
        ("対象：ｲﾉｳｴ ｼｹﾞﾙ 様（男・82）　ID HC-00271", [("男", "SEX"), ("82", "AGE")]),
        ("Pt 堤 かおり（ツツミ カオリ）45F　ID:00981127", [("45", "AGE"), ("F", "SEX")]),
    ],
)
def test_ages_beside_names_in_more_layouts(text, expected):
    spans = masked(text)
    for item in expected:
        assert item in spans


@pytest.mark.parametrize("text", ["山田 太郎（3回目）", "山田 太郎（3、4回目）", "Ages 3 to 5", "Stage 3"])
def test_counts_in_brackets_and_other_numbers_are_no_age(text):
    assert not [value for value, category in masked(text) if category == "AGE"]


@pytest.mark.parametrize(
    "text, value",
    [
        ("ケアマネジャー：居宅介護支援センターかわぐち 岩崎", "居宅介護支援センターかわぐち"),
        ("同席：訪問看護ステーション潮風 看護師 須藤", "訪問看護ステーション潮風"),
        ("施設（特別養護老人ホーム 桜の里）入所申込中", "特別養護老人ホーム 桜の里"),
    ],
)
def test_a_name_written_after_its_kind(text, value):
    assert value in found("service-name", text)


@pytest.mark.parametrize("text", ["デイサービス利用中。グループホーム入所予定", "訪問看護ステーション担当者より"])
def test_what_happens_at_a_kind_or_who_works_there_is_no_name(text):
    assert found("service-name", text) == []


def test_labels_in_capitals_are_never_names():
    spans = masked("PT-NO : O0519826   KANA : ﾌｼﾞｲ ｹﾝ\nWARD : 4E-412-1")
    assert "KANA" not in [v for v, _ in spans] and "WARD" not in [v for v, _ in spans]
    assert ("ﾌｼﾞｲ ｹﾝ", "NAME_READING") in spans


def test_a_latin_name_takes_its_kanji_in_brackets_but_not_a_role():
    assert ("陳 偉", "PATIENT_NAME") in masked("pt: Mr. Chen Wei (陳 偉), 61 y.o.")
    assert "臨床検査技師" not in values("記載：Nguyen Thi Lan（臨床検査技師）　確認：轟")


def test_ward_codes_labels_ending_in_shi_and_a_reception_desk():
    assert "7B" in found("ward-name", "2/12 入院予定（7B 病棟）")
    assert ("木下 遥", "PHYSICIAN_NAME") in masked("医学物理士：木下 遥\n")
    assert ("整形外科", "DEPARTMENT") in masked("佐藤様を整形外科受付へ案内")
    assert ("09:05", "TIME") in masked("時刻 09:05：意識清明")
    assert values("比 1:2:3 混合") == []


# --- a seventh set: outpatient specialties -------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("Patient Hoshino, Tetsuya  ID 71 20 5533\n", "71 20 5533"),
        ("Pt 鈴木   MRN 88 120 431\nIndication: AF", "88 120 431"),
        ("わたなべ そうたくん（5さい）", "5さい"),
        ("ﾐﾔｹ ｶｽﾞｵ ｻﾏ、65ｻｲ", "65ｻｲ"),
        ("DOB 14 Jul 1990 (35 y) F", "35 y"),
        ("わたなべ そうたくん（5さい）", "わたなべ そうた"),
        ("ID 0061-2290　松田 ヨシ子　88歳　女", "松田 ヨシ子"),
        ("（栃木県小山市大字粟宮1580）", "栃木県小山市大字粟宮1580"),
        ("荒川さんは特別養護老人ホーム 緑風苑入所中", "特別養護老人ホーム 緑風苑"),
        ("東海トラベルメディスン クリニック　〒460-0008", "東海トラベルメディスン クリニック"),
        ("国際感染症科　Dr. 宮崎", "国際感染症科"),
        ("接種計画：黄熱（11/28 本日）", "11/28"),
    ],
)
def test_forms_found_on_a_seventh_development_set(text, value):
    assert value in values(text)


@pytest.mark.parametrize(
    "text, value",
    [
        ("ID 2 3\n", "2 3"),
        ("3さいじ健診", "3さい"),
        ("山田 さん 68歳", "山田 さん"),
        ("栃木県小山市で字を書く練習5回", "栃木県小山市で字を書く練習5"),
        ("診療科：内科", "診療科"),
        ("ドレーン 2 本挿入", "2"),
    ],
)
def test_look_alikes_of_the_seventh_set_forms(text, value):
    assert value not in values(text)


def test_a_known_family_name_with_a_latin_title_glued_on():
    assert "石原" in found("role-value", "長谷川(OT)、4南 石原Ns、MSW 高木")
    assert found("role-value", "CTDr 読影") == []


def test_units_before_their_staff_and_departments_attended():
    assert "スポーツ医学センター" in found("department-word", "スポーツ医学センター 野口 拓也\n")
    assert "呼吸ケアチーム" in found("department-word", "指導 呼吸ケアチーム 柳沢（3学会")
    assert found("department-word", "放射線部 業務連絡") == []
    assert "血液内科" in found("department-word", "R6.6.1〜血液内科通院、DLBCL。")
    assert found("department-word", "消化器内科受診を推奨する。") == []


def test_particles_inside_latin_names():
    assert ("Maria da Silva Santos", "PATIENT_NAME") in masked("Maria da Silva Santos visited")
    assert "Abdul Rahman bin Ismail" in " ".join(values("Pt Abdul Rahman bin Ismail  ID T-0047716"))
    assert values("Partial Response of the Disease") == []


def test_a_relative_named_after_the_relation_and_a_space():
    assert "Piotr" in found("name-beside-age", "利尿薬調整、夫 Piotr へ説明")
    assert "昭" in found("name-beside-age", "→ 夫 昭 さん（携帯 090-8156-2231）")
    assert found("name-beside-age", "妻 同席、母 まだ来ていない。夫 来院") == []


def test_a_serial_number_label_with_spaced_digits():
    assert ("UP 2 1 3 0 4 4 8 7", "OTHER_ID") in masked("装置シリアル UP 2 1 3 0 4 4 8 7　試験紙")
    assert ("TB-7730915", "OTHER_ID") in masked("S/N TB-7730915")
