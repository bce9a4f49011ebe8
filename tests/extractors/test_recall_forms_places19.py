"""recall-first on wards written as codes and by their kind, clinics beside their department or doctor,
facilities and departments printed letter-spaced, and a place cut off a hospital's name at の; and look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import covered, found, masked_as, values

# --- ward codes by their cue ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, ward",
    [
        ("対応：藤田（7E リーダー）→ 中野医師へ伝達", "7E"),
        ("夜勤日誌（7B 外科混合）\u30002025.1.11 準夜", "7B"),
        ("Ward Log – 6N (Respiratory) – week of 2025/11/17", "6N"),
        ("Ward Log – 6N (Respiratory) – week of 2025/11/17", "Respiratory"),
        ("post-it memo (typed by clerk, 8F West)  date: 13-May", "8F West"),
        ("「もしもし、4階の東の、えー、看護婦さん。", "4階の東"),
        ("Ward after ER: 精神科 閉鎖 B4 / bed 12", "B4"),
        ("抽出条件：部署 外科病棟(4W)\u3000担当 hirose_y", "病棟(4W)"),
    ],
)
def test_a_ward_code_with_a_cue_is_a_department(text, ward):
    assert covered(ward, found("ward-code", text)), found("ward-code", text)


@pytest.mark.parametrize(
    "text",
    [
        "SSID：WARD-7E（WPA2）／ゲスト",
        "身長 2F 以上の階段は 2階の東側にあります",
        "濃度 3A 以上",
        "Type 2A (Mild) lesion",
    ],
)
def test_codes_without_a_ward_cue_stay_unmasked(text):
    assert found("ward-code", text) == [], found("ward-code", text)


# --- wards by their kind -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, ward",
    [
        ("09:58\tこども病棟3F\tおはようございます", "こども病棟3F"),
        ("※こども病棟 3階 業務用アカウント。", "こども病棟 3階"),
        ("転院希望日：11月5日以降\n回復期リハ病棟での加療をお願いしたく", "回復期リハ病棟"),
        ("11/6 受領\u3000回復期2病棟 湯浅", "回復期2病棟"),
        (" 内線グループ: HCU/救急病棟   期間", "HCU/救急病棟"),
        ("（2/3 15:00〜、西4階面談室）へのご出席", "西4階"),
    ],
)
def test_a_ward_by_its_kind_is_a_department(text, ward):
    assert covered(ward, masked_as("DEPARTMENT", text)), values(text)


def test_prose_before_a_ward_word_and_advice_to_a_department_stay_unmasked():
    assert masked_as("DEPARTMENT", "それから私も病棟に戻った") == []
    assert masked_as("DEPARTMENT", "必要に応じて循環器内科での精査をお願いします") == []


# --- clinics beside their department or doctor ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, clinic",
    [
        ("主治医 川口 義則（緑内障外来）", "緑内障外来"),
        ("→ 医療センター 循環器内科 脂質外来へ紹介", "脂質外来"),
        ("[OCR 取込 2025.02.06 救急外来]\nFAX 送 信 書", "救急外来"),
        ("[印刷ログ] 救急外来 リストバンドプリンタ\n---", "救急外来"),
    ],
)
def test_a_clinic_beside_its_department_or_doctor_or_after_a_capture_tag_is_a_department(text, clinic):
    assert covered(clinic, masked_as("DEPARTMENT", text)), values(text)


def test_a_clinic_as_the_title_and_a_doctors_clinic_day_stay_out():
    assert masked_as("DEPARTMENT", "救急外来 トリアージ記録\n2024/1/1") == []
    assert "藤巻医師外来" not in found("department-unit", "総合診療科 藤巻医師外来（毎週木曜）")


# --- letter-spaced facilities and departments ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("退 院 後 :\u3000新 発 田 東 ク リ ニ ッ ク へ 訪 問 診 療 依 頼 済", "新 発 田 東 ク リ ニ ッ ク"),
        ("報告書\u3000ほ っ か い ど う 北 見 消 化 器 ク リ ニ ッ ク\n\n検査日", "北 見 消 化 器 ク リ ニ ッ ク"),
        ("受診先：市 立 み な と 台 病 院 呼吸器内科", "み な と 台 病 院"),
    ],
)
def test_a_letter_spaced_facility_is_read_with_its_letters_joined(text, name):
    assert covered(name, masked_as("HOSPITAL_NAME", text)), values(text)


def test_a_letter_spaced_department_and_a_spaced_kind():
    assert found("spaced-facility", "ひばりヶ丘病院     皮 膚 科\n患 者") == ["皮 膚 科"]
    assert found("spaced-facility", "紹介先 総 合 病 院 へ") == []
    assert found("spaced-facility", "診 察 券 を 忘 れ ず に") == []


# --- a place cut off a hospital's name at の ------------------------------------------------------------------


def test_a_place_before_no_joins_a_one_letter_hospital_name():
    text = "〒330-0843 埼玉県さいたま市大宮区吉敷町4-190-3\n見沼の杜病院 医事課 会計係"
    assert "見沼の杜病院" in masked_as("HOSPITAL_NAME", text), values(text)


def test_a_place_in_a_sentence_or_before_a_longer_name_stays_apart():
    assert "東京の田中クリニック" not in masked_as("HOSPITAL_NAME", "\n東京の田中クリニックに紹介")
    assert "見沼の杜病院" not in masked_as("HOSPITAL_NAME", "紹介元は見沼の杜病院です。")


# --- practices by their kana specialty, labs, kana names after the kind --------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("いつもお世話になっております。あおば皮フ科の青葉です。", "あおば皮フ科"),
        ("（ビフォーアフター）\n銀座ルミナ皮フ科・美容皮フ科\u3000院長 藤堂 玲奈 殿", "銀座ルミナ皮フ科・美容皮フ科"),
        ("高橋 悠\u3000先生\n\u3000\u3000オホーツク病理診断所\u3000渡辺 泰三", "オホーツク病理診断所"),
        ("（35歳、切迫早産 32週）レディースクリニックみのりより母体搬送 11:05", "レディースクリニックみのり"),
    ],
)
def test_a_practice_a_lab_or_a_kana_name_after_the_kind_is_a_facility(text, name):
    assert covered(name, masked_as("HOSPITAL_NAME", text)), values(text)


def test_a_kana_run_after_a_kind_that_goes_on_with_the_sentence_stays_out():
    assert "さくらクリニックにいった" not in values("さくらクリニックにいったのにね")
    assert masked_as("HOSPITAL_NAME", "画像診断所見は前回と同じ") == []


# --- 整形 as a cell, English departments ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, department",
    [
        ("1 OR2 8:45 ﾏﾂﾀﾞ 71 M 整形 右TKA 吉岡", "整形"),
        ("3\t中井\t85\t女\t転倒\t○\t森本\t整形 上西Dr オンコール", "整形"),
        ("10:02\tDr. Iwata\tDr. Mori (Resp. Med)\tN/A", "Resp. Med"),
        ("Location: Emergency Department   Referring: Dr. Y.", "Emergency Department"),
        ("To: Gastroenterology Department\n    Osaka", "Gastroenterology Department"),
    ],
)
def test_a_short_or_english_department_with_its_cue_is_a_department(text, department):
    assert covered(department, masked_as("DEPARTMENT", text)), values(text)


@pytest.mark.parametrize(
    "text",
    [
        "送信履歴（tab区切りを整形）",
        "入院科 : 整形? → 受付間違い",
        "スポーツ整形で再建術の検討",
        "Radiology Department",
    ],
)
def test_the_verb_a_doubt_or_the_reading_department_stay_out(text):
    assert masked_as("DEPARTMENT", text) == [], values(text)


# --- addresses a rule cut short ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, address",
    [
        ("・住所 群馬県太田市東新町12-3 県営東新町団地5-304 変更なし", "群馬県太田市東新町12-3 県営東新町団地5-304"),
        ("患者連絡先：O80-3317-2046（本人）\u3000神奈川県伊勢原市桜台2- 4- l7\n■■", "神奈川県伊勢原市桜台2- 4- l7"),
        ("救急車（浜北1）\u3000水野 和彦\u300045才 男\u3000浜北市小松1■■5\u3000胸痛", "浜北市小松1■■5"),
        ("8/18 3:50 救急車\u3000野村 聡\u30008才 男\u3000浜北市貴布祢\u3000右前腕変形", "浜北市貴布祢"),
    ],
)
def test_an_address_runs_on_over_its_room_its_spaced_block_or_its_town(text, address):
    assert covered(address, masked_as("ADDRESS", text)), values(text)


def test_a_city_word_or_a_town_in_a_sentence_does_not_grow_the_place():
    assert "浜北市民" not in "".join(masked_as("ADDRESS", "浜北市民病院 へ"))
    assert masked_as("ADDRESS", "浜北市小松に住む") in ([], ["浜北"])


def test_a_short_form_alone_after_a_doctor_is_his_role_not_a_department():
    assert found("ward-code", "attendees: Dr H. Meyer (psych), Dr Kishimoto (OB), Tsurumi RM") == []


# --- a Japanese facility in romaji by its kind's short form --------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("2024/12/03 08:52,048-764-5532,MISONODAI FC,2,OK,連携室", "MISONODAI FC"),
        ("2024/12/03 11:47,048-882-3015,URAWA KITA HP,6,ERR(P.4-6)", "URAWA KITA HP"),
    ],
)
def test_romaji_words_before_a_short_kind_are_a_facility(text, name):
    assert name in found("latin-facility", text)


@pytest.mark.parametrize("text", ["ENGINE POWER 120 HP", "see OUR HP for details", "SERVER HP LOGS"])
def test_a_short_kind_after_english_words_stays_out(text):
    assert found("latin-facility", text) == []
