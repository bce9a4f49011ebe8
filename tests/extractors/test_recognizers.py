"""Each recognizer on the formats it owns and on the look-alikes it must leave alone.

A recognizer is run alone (through the resolver, so spans are what the
pipeline would keep from it) to show that it, and not a neighbour, does the job.
"""

from __future__ import annotations

import pytest

from phi_core.extractors.rules import RECOGNIZERS, extract_spans, run_recognizers
from phi_core.extractors.recognition.recognizer import Recognizer, get, register


def alone(name: str, text: str) -> set[tuple[str, str]]:
    return {(c.category, text[c.start : c.end]) for c in run_recognizers(text, {name: RECOGNIZERS[name]})}


def values(name: str, text: str) -> set[str]:
    return {value for _, value in alone(name, text)}


def test_registry_holds_one_job_per_recognizer() -> None:
    assert len(RECOGNIZERS) >= 15
    for name, recognizer in RECOGNIZERS.items():
        assert recognizer.name == name and recognizer.categories, name
    with pytest.raises(ValueError, match="two recognizers"):
        register(type("Again", (Recognizer,), {"name": "date"}))
    with pytest.raises(KeyError, match="no recognizer called"):
        get("nope")


# --- dates, times --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("令和6年8月6日", "令和6年8月6日"),
        ("令和元年5月1日", "令和元年5月1日"),
        ("R6.8.6", "R6.8.6"),
        ("H15/10/22", "H15/10/22"),
        ("S61年生まれ", "S61年"),
        ("H4生", "H4"),
        ("Ｈ２２．３", "Ｈ２２．３"),
        ("R6.7", "R6.7"),
        ("2024/08/06", "2024/08/06"),
        ("2024-08-06", "2024-08-06"),
        ("24/8/6", "24/8/6"),
        ("24.10.31", "24.10.31"),
        ("8月6日(火)", "8月6日(火)"),
        ("8/6（火）", "8/6（火）"),
        ("8/6(Tue)", "8/6(Tue)"),
        ("20240806", "20240806"),
        ("20240806103015", "20240806103015"),
        ("06 Aug 2024", "06 Aug 2024"),
        ("6-Aug-2024", "6-Aug-2024"),
        ("Aug 6, 2024", "Aug 6, 2024"),
        ("6th August 2024", "6th August 2024"),
        ("08/06/2024", "08/06/2024"),
        ("2022/08", "2022/08"),
        ("２０２４年８月６日", "２０２４年８月６日"),
        ("R6.8.1〜8.20", "8.20"),
        ("24年8月6日", "24年8月6日"),
        ("令和6（2024）年8月6日", "令和6（2024）年8月6日"),
        ("2024（令和6）年8月6日", "2024（令和6）年8月6日"),
    ],
)
def test_date_recognizer_reads_every_written_form(text: str, value: str) -> None:
    assert value in values("date", text)


@pytest.mark.parametrize(
    "text",
    [
        "肝S5/8境界部に結節",
        "T11/12椎間板",
        "TR/TE=600/15ms",
        "肺癌取扱い規約（2021年第8版）",
        "ガイドライン2022年版",
        "ver 10.2.1",
        "S6区域",
        "RECIST 1.1",
        "H2ブロッカー内服中",
        "Se3 Im45",
        "CEA 5.2ng/mL",
    ],
)
def test_date_recognizer_leaves_lookalikes_alone(text: str) -> None:
    assert values("date", text) == set()


@pytest.mark.parametrize(
    "text, value",
    [
        ("14:30", "14:30"),
        ("14時30分", "14時30分"),
        ("午後3時", "午後3時"),
        ("2:45 PM", "2:45 PM"),
        ("10:05〜10:32", "10:05〜10:32"),
    ],
)
def test_time_recognizer(text: str, value: str) -> None:
    assert value in values("time", text)


@pytest.mark.parametrize("text", ["1:10に希釈", "右乳房3時方向", "24時間後に再検"])
def test_time_recognizer_leaves_ratios_and_clock_positions_alone(text: str) -> None:
    assert values("time", text) == set()


# --- phones, addresses, ages, ids ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("03-3462-8901", "03-3462-8901"),
        ("(03)3462-8901", "(03)3462-8901"),
        ("03(3462)8901", "03(3462)8901"),
        ("+81-3-3462-8901", "+81-3-3462-8901"),
        ("+81 90 1234 5678", "+81 90 1234 5678"),
        ("０３－３４６２－８９０１", "０３－３４６２－８９０１"),
        ("連絡先 09048261398", "09048261398"),
        ("（内線3321）", "3321"),
        ("ext. 4410", "4410"),
    ],
)
def test_phone_recognizer(text: str, value: str) -> None:
    assert value in values("phone", text)


@pytest.mark.parametrize("text", ["Grade 1-2-3", "PD-L1 22C3", "腫瘤は12×8×10mm", "eGFR 45 mL/min", "Lot 0012-3456"])
def test_phone_recognizer_leaves_numbers_alone(text: str) -> None:
    assert values("phone", text) == set()


def test_postal_mark_stays_outside_and_the_address_follows_it() -> None:
    text = "〒150-0042 東京都渋谷区宇田川町15-1 渋谷パークタワー305号"
    assert values("address", text) == {"150-0042 東京都渋谷区宇田川町15-1 渋谷パークタワー305号"}


@pytest.mark.parametrize(
    "text, value",
    [
        ("中央区築地5-1-1", "中央区築地5-1-1"),
        ("大分県西多摩郡日の出町藤金4-30-8", "大分県西多摩郡日の出町藤金4-30-8"),
        (
            "2-14-7 Tsunashima-higashi, Kohoku-ku, Yokohama 223-0052",
            "2-14-7 Tsunashima-higashi, Kohoku-ku, Yokohama 223-0052",
        ),
    ],
)
def test_address_recognizer(text: str, value: str) -> None:
    assert value in values("address", text)


def test_a_bare_postal_code_before_a_prefecture_starts_the_address() -> None:
    assert values("address", "150-0042 東京都渋谷区宇田川町15-1") == {"150-0042 東京都渋谷区宇田川町15-1"}
    assert values("address", "Lot 150-0042 の試薬") == set()


def test_address_recognizer_leaves_anatomy_alone() -> None:
    assert values("address", "肝区域3-4に結節、S6区域") == set()


@pytest.mark.parametrize("text, value", [("87才", "87才"), ("64-year-old", "64-year-old"), ("27 y/o", "27 y/o")])
def test_age_recognizer(text: str, value: str) -> None:
    assert value in values("age", text)


def test_age_bands_are_not_ages() -> None:
    assert values("age", "70歳代、既往に高血圧。") == set()


@pytest.mark.parametrize(
    "text, value",
    [
        ("カルテNo.KS19640401", "KS19640401"),
        ("検体番号 E24-03312", "E24-03312"),
        ("No. 21-S-5037", "21-S-5037"),
        ("MRN: MRN123456", "MRN123456"),
        ("【ID】0048291", "0048291"),
    ],
)
def test_identifiers(text: str, value: str) -> None:
    assert value in {s.text for s in extract_spans(text)}


# --- label context ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("患者氏名：山田太郎\n", ("PATIENT_NAME", "山田太郎")),
        ("患者氏名 松本京助（まつもと　きょうすけ） 殿\n", ("NAME_READING", "まつもと　きょうすけ")),
        ("性別 男\n", ("SEX", "男")),
        ("【主治医】森 健二　【担当看護師】小野寺 真理\n", ("PHYSICIAN_NAME", "小野寺 真理")),
        ("主治医 山本義男 ／ 研修医 永井　翼\n", ("PHYSICIAN_NAME", "永井　翼")),
        ("Patient Name: Hiroshi TANAKA          MRN: 00482913\n", ("PATIENT_NAME", "Hiroshi TANAKA")),
        ("Pt: NISHIDA, SHOTA (ID 123)\n", ("PATIENT_NAME", "NISHIDA, SHOTA")),
        ("Age/Sex: 66/M\n", ("AGE", "66")),
    ],
)
def test_label_context_recognizer(text: str, expected: tuple[str, str]) -> None:
    assert expected in alone("label-context", text)


def test_a_label_retypes_the_dates_other_recognizers_find() -> None:
    assert ("BIRTH_DATE", "03/14/1958") in {(s.category, s.text) for s in extract_spans("DOB: 03/14/1958\n")}
    assert ("EXAM_DATE", "R6.8.6") in {(s.category, s.text) for s in extract_spans("検査日 R6.8.6\n")}


def test_dates_right_after_a_colon_label() -> None:
    found = {
        (s.category, s.text) for s in extract_spans("検査日：24/8/6\n生年月日：08/06/1960\n前回検査日：8/6（火）\n")
    }
    assert {("EXAM_DATE", "24/8/6"), ("BIRTH_DATE", "08/06/1960"), ("OTHER_DATE", "8/6（火）")} <= found


def test_a_bare_month_day_needs_a_date_label() -> None:
    assert ("EXAM_DATE", "8/6") in {(s.category, s.text) for s in extract_spans("検査日：8/6\n")}
    assert extract_spans("3/4周性の壁肥厚、血圧130/80、1/2錠") == []


def test_a_title_after_a_name_is_not_a_label() -> None:
    assert alone("label-context", "以上、三浦京助 医師 記。\n") == set()


# --- names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("依頼は杉山花子 先生（消化器内科）。", "杉山花子"),
        ("鈴木あすか 殿（69歳、女性）", "鈴木あすか"),
        ("主治医 松本恵美Drより病状説明。", "松本恵美"),
        ("915号室\u3000ニシダ ナナミ 様", "ニシダ ナナミ"),
        ("妻の濱田さん同席。", "濱田"),
        ("患者の𠮷田直樹様は", "𠮷田直樹"),
    ],
)
def test_person_names_next_to_a_cue(text: str, value: str) -> None:
    assert value in {s.text for s in extract_spans(text)}


@pytest.mark.parametrize(
    "text, value, recognizer",
    [
        ("Reported by Y. Ohashi, MD", "Y. Ohashi", "romaji-name"),
        ("Dr. Y. Ohashi", "Y. Ohashi", "romaji-name"),
        ("Discussed with Kitamura-san.", "Kitamura", "romaji-name"),
        ("cc: T. Yamada", "T. Yamada", "romaji-name"),
        ("ﾅｶﾑﾗ ﾊﾙｴ", "ﾅｶﾑﾗ ﾊﾙｴ", "kana-form-name"),
        ("PatientName ヒガシ^ユウジ", "ヒガシ^ユウジ", "kana-form-name"),
        ("院長 中村　くみ子 先生", "中村　くみ子", "role-name"),
        ("以上、医師 山下 義男が読影しました。", "山下 義男", "role-name"),
        ("長男：北村　稔 080-9877-1234", "北村　稔", "role-name"),
        ("妻の花子さんより電話", "花子", "role-name"),
        ("キーパーソン：ヤマダ ハナコ（妻）", "ヤマダ ハナコ", "role-name"),
        ("His wife, Keiko Tanaka, can be reached", "Keiko Tanaka", "role-name"),
        ("山田太郎（やまだ たろう）様", "やまだ たろう", "name-with-reading"),
    ],
)
def test_name_recognizers_on_their_forms(text: str, value: str, recognizer: str) -> None:
    assert value in values(recognizer, text)


@pytest.mark.parametrize(
    "text",
    [
        "橋本病の既往あり、甲状腺はびまん性に腫大。",
        "Basedow病に対して内服加療中。",
        "Parkinson病の治療中。",
        "辺縁は星芒状様の形態を示し、すりガラス様陰影を伴う。",
        "患者様およびご家族様に説明した。",
        "Willis動脈輪およびウィリス氏動脈輪は正常。",
        "E. coli was isolated. Fig. 3 shows the lesion.",
        "ｶﾙﾃ参照",
        "CT^胸部単純CT",
        "臨床診断：悪性疑い",
    ],
)
def test_names_leave_eponyms_and_words_alone(text: str) -> None:
    assert [s for s in extract_spans(text) if s.category.endswith("NAME")] == []


# --- facilities, departments, rooms, sex ------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("紹介元の「さくら内科クリニック」から。", "さくら内科クリニック"),
        ("医療法人小林会 立川病院 救急科", "医療法人小林会 立川病院"),
        ("2020/9/3に渡辺内科・消化器科で撮影", "渡辺内科・消化器科"),
        ("港北医療センター 健診科", "港北医療センター"),
        ("さくら訪問看護ステーションより", "さくら訪問看護ステーション"),
        ("Referred from Kohoku General Hospital.", "Kohoku General Hospital"),
        ("TOKYO KOHOKU GENERAL HOSPITAL", "TOKYO KOHOKU GENERAL HOSPITAL"),
    ],
)
def test_facility_recognizer(text: str, value: str) -> None:
    assert value in values("facility", text)


@pytest.mark.parametrize(
    "text",
    [
        "当院でのフォローを継続する。",
        "前医でのCTと比較して著変なし。",
        "A病院からの紹介状を参照のこと。",
        "がん拠点病院または大学病院での精査を推奨。",
        "救命救急センターへ搬送",
        "The hospital was notified.",
    ],
)
def test_facility_recognizer_leaves_generic_words_alone(text: str) -> None:
    assert values("facility", text) == set()


def test_departments_count_only_beside_a_facility_or_doctor() -> None:
    assert ("DEPARTMENT", "救急科") in alone("department-beside", "立川病院 救急科\n")
    assert ("DEPARTMENT", "Gastroenterology") in alone("department-beside", "Department of Gastroenterology")
    assert alone("department-beside", "放射線科外来にて説明予定。消化器内科に相談。") == set()


def test_rooms_beds_and_wards() -> None:
    found = alone("room-bed", "【看護記録】7階東病棟　403号室 ベッド2")
    assert found == {("DEPARTMENT", "7階東病棟"), ("OTHER_ID", "403"), ("OTHER_ID", "2")}
    assert alone("room-bed", "一般病棟へ転棟。床上安静。") == set()


def test_sex_counts_beside_an_age_only() -> None:
    assert ("SEX", "女性") in alone("sex-near-age", "（69歳、女性）")
    assert ("SEX", "male") in alone("sex-near-age", "A 64-year-old male")
    assert alone("sex-near-age", "男性ホルモン、女性化乳房") == set()


@pytest.mark.parametrize(
    "text",
    [
        "肝S7/8に3/4周性の壁肥厚。C5/6、L4/5、Th12/L1椎間板の膨隆。T1/T2強調像で等信号。",
        "1.5T MRIおよび3.0T装置で撮像。64列CT（Aquilion ONE、キヤノン社製）を使用。",
        "IDH1変異、HER2陰性、PD-L1 22C3 TPS 50%、Ki-67 30%。cT1bN0M0、Stage IA2。",
        "Murphy徴候陽性。McBurney点に圧痛。Virchow転移なし。Trousseau症候群を疑う。",
        "ステロイド様の作用。すりガラス様陰影。蜂巣肺様の変化。",
        "患者さんご本人様に説明し、看護師より補足した。主治医より説明。担当医に報告。",
        "血圧 130/80 mmHg、脈拍 72/分、Gleason 4+3=7。WHO分類2021、TNM分類第8版に準拠。",
        "Se 3 Im 45、Series 4 Image 120 にて計測。No. 3リンパ節、#7リンパ節。",
        "The patient tolerated the procedure well. Dr. recommended biopsy. Follow-up in 3 months.",
    ],
)
def test_clinical_lookalikes_yield_no_span(text: str) -> None:
    assert extract_spans(text) == []
