"""The aligned-table recognizer: plain-text tables lined up with spaces, read by column."""

from __future__ import annotations

import pytest

from phi_core.extractors.recognition.profiles import get_profile
from phi_core.extractors.rules import RECOGNIZERS, run_recognizers


def found(text: str) -> set[tuple[str, str]]:
    return {
        (c.category, text[c.start : c.end])
        for c in run_recognizers(text, {"aligned-table": RECOGNIZERS["aligned-table"]})
    }


def values(text: str) -> set[str]:
    return {value for _, value in found(text)}


def test_japanese_worklist_with_a_rule_line_and_names_with_a_space() -> None:
    text = (
        "本日の検査予定\n"
        "No  患者ID      氏名            年齢  性別  検査            担当\n"
        "--  ----------  --------------  ----  ----  --------------  ------\n"
        "01  0033-8120   河野 澄江       81    女    胸部CT          白石\n"
        "02  0104-5567   ﾎﾝﾀﾞ ﾕｳｽｹ       46    M     腹部MRI         Pereira\n"
        "\n"
        "以上、よろしくお願いします。\n"
    )
    assert {
        ("PATIENT_ID", "0033-8120"),
        ("PATIENT_NAME", "河野 澄江"),
        ("AGE", "81"),
        ("SEX", "女"),
        ("PHYSICIAN_NAME", "白石"),
        ("PATIENT_ID", "0104-5567"),
        ("PATIENT_NAME", "ﾎﾝﾀﾞ ﾕｳｽｹ"),
        ("AGE", "46"),
        ("SEX", "M"),
        ("PHYSICIAN_NAME", "Pereira"),
    } <= found(text)
    # Row numbers, procedures and the prose after the table are left alone.
    assert not values(text) & {"01", "02", "胸部CT", "腹部MRI", "以上、よろしくお願いします。"}


def test_english_or_list_without_a_rule_line() -> None:
    text = (
        "OR LIST  2026/12/03 (THU)  ROOM 5\n"
        "#  IN    PT-ID        NAME              AGE/SEX  PROC                        SURGEON\n"
        "1  08:30 4418-902     IWASAKI,KOHEI    62/M    L3/4 PLIF                   TAKEDA\n"
        "2  13:00 4420-115     BROWN,EMILY      38/F    C5/6 ACDF                   TAKEDA\n"
    )
    assert {
        ("PATIENT_ID", "4418-902"),
        ("PATIENT_NAME", "IWASAKI,KOHEI"),
        ("AGE", "62"),
        ("SEX", "M"),
        ("PATIENT_NAME", "BROWN,EMILY"),
        ("SEX", "F"),
        ("PHYSICIAN_NAME", "TAKEDA"),
    } <= found(text)
    assert not values(text) & {"L3/4 PLIF", "C5/6 ACDF", "PLIF", "1", "2"}


def test_columns_are_matched_on_screen_not_by_code_point() -> None:
    # Kanji take two columns: by code point "82M" would sit under 氏名.
    text = (
        "Bed 到着   氏名              年齢性別  主訴          担当\n"
        "1   22:48  宍戸 敏夫        82M       呼吸困難      荻野\n"
        "B   23:10  ｱｲｻﾞﾜ ﾘｺ         4F        熱性けいれん  Dr.Mori\n"
    )
    assert {
        ("OTHER_ID", "1"),
        ("OTHER_ID", "B"),
        ("PATIENT_NAME", "宍戸 敏夫"),
        ("AGE", "82"),
        ("SEX", "M"),
        ("PATIENT_NAME", "ｱｲｻﾞﾜ ﾘｺ"),
        ("AGE", "4"),
        ("SEX", "F"),
        ("PHYSICIAN_NAME", "荻野"),
    } <= found(text)
    assert not values(text) & {"呼吸困難", "熱性けいれん", "22:48"} - {v for c, v in found(text) if c == "TIME"}


def test_full_width_spaces_and_one_character_sex_codes() -> None:
    text = "氏名　　　　　性別　ベッド　主治医\n山田　花子　　２　　Ａ　　　佐藤\n鈴木　一郎　　1　　 B　　　 田中\n"
    got = found(text)
    assert {("SEX", "２"), ("SEX", "1"), ("OTHER_ID", "Ａ"), ("OTHER_ID", "B")} <= got
    assert {("PHYSICIAN_NAME", "佐藤"), ("PHYSICIAN_NAME", "田中")} <= got
    assert any(c == "PATIENT_NAME" and v.startswith("山田") for c, v in got)


def test_half_width_kana_headers_of_older_systems() -> None:
    text = (
        "No ｶﾙﾃNo    ｶﾝｼﾞｬﾒｲ            ｾｲﾍﾞﾂ ｼﾝﾘｮｳｶ    ｴﾗｰｺｰﾄﾞ\n"
        "01 00553018 ﾐﾄﾞﾘｶﾜ ｱｷﾗ        1     ﾅｲｶ        E1203\n"
        "02 00601144 ｵｵﾂｷ ﾊﾙﾐ          2     ｾｲｹｲｹﾞｶ    W2001\n"
    )
    assert {
        ("PATIENT_ID", "00553018"),
        ("PATIENT_NAME", "ﾐﾄﾞﾘｶﾜ ｱｷﾗ"),
        ("SEX", "1"),
        ("SEX", "2"),
    } <= found(text)
    assert not values(text) & {"01", "02", "E1203", "W2001"}


def test_a_bar_ruled_table_without_a_markdown_rule() -> None:
    text = "室 | 入室  | 患者ID      | 氏名         | 年齢 | 術式\n1  | 8:45  | 0033-8120 | 河野 澄江     | 81   | 人工骨頭置換術(左)\n"
    assert {("PATIENT_ID", "0033-8120"), ("PATIENT_NAME", "河野 澄江"), ("AGE", "81")} <= found(text)
    assert "人工骨頭置換術(左)" not in values(text)


@pytest.mark.parametrize(
    "text",
    [
        # Laboratory results: test name, value, flag, unit, reference range.
        "項目              結果    判定  単位          基準値\n"
        "WBC                3.2     L    10^3/uL       3.3-8.6\n"
        "Hb                11.4     L    g/dL          11.6-14.8\n",
        "Test        Result   Unit      Reference range\n"
        "Na          139      mmol/L    138-145\n"
        "K           5.6      mmol/L    3.6-4.8\n",
        # Medication lists.
        "No 薬品名                       YJコード        用法          残数  判定\n"
        "1  ドネペジル塩酸塩OD錠5mg      1190012F2022    朝食後 1T      12   継続\n"
        "2  酸化マグネシウム錠330mg      2344009F1030    毎食後 各1T    40   継続\n",
        "Drug              Dose      Route   Frequency\n"
        "Amlodipine        5 mg      PO      daily\n"
        "Furosemide        20 mg     PO      bid\n",
        # A list of tests whose only telling columns are a name and a date.
        "Name          Value   Unit     Date\n"
        "WBC           3.2     10^3/uL  2024-05-01\n"
        "Hemoglobin    11.4    g/dL     2024-05-01\n",
        # A paragraph with double spaces between sentences is not a table.
        "The patient  was seen today.  Sex and age  were recorded.  No ID  was shown.\n"
        "Follow-up  in two weeks.  Bed rest  advised.\n",
        # A record line with values (a date, a department) is not a header.
        "2025年1月22日　循環器内科 依頼（嵯峨）\nﾐﾔｻﾞｷ ﾄｼｵ　ID55102478　71y　M　H165 W70\n",
    ],
)
def test_look_alikes_are_left_alone(text: str) -> None:
    assert found(text) == set()


def test_profiles_run_it() -> None:
    names = set(get_profile("recall-first").recognizers) | set(get_profile("recall-first").supplements)
    assert "aligned-table" in names


def test_rows_repeating_one_layout_without_a_header() -> None:
    text = (
        "=== LABEL PRINT ===\n"
        "[1] *2612040387*  生化  茶  ﾎｼﾉ ｶｽﾞｴ F 74\n"
        "    ID 00451290  4東  採血 12/04 06:10\n"
        "[2] *2612040388*  血算  紫  ﾎｼﾉ ｶｽﾞｴ F 74\n"
        "    ID 00451290  4東  採血 12/04 06:10\n"
    )
    assert found(text) == {("SEX", "F"), ("AGE", "74")}
    sexes = [c for c in run_recognizers(text, {"aligned-table": RECOGNIZERS["aligned-table"]}) if c.category == "SEX"]
    assert len(sexes) == 2  # one on each label


@pytest.mark.parametrize(
    "text",
    [
        # One record line is no layout: the same words once only.
        "ID 0066 1902  ｸﾆﾖｼ ﾀｹｵ  M  RM 615\n- ﾒｶﾞﾈ x1\n",
        # Repeated rows whose F is no sex code beside an age (a flag beside a decimal value).
        "Temp  36.8  F  ok  08:00\nTemp  37.9  F  ok  12:00\n",
        "Gr 2  M 10  T2  N0\nGr 3  M 12  T3  N1\n",
    ],
)
def test_repeated_rows_without_a_sex_code_beside_an_age_are_left_alone(text: str) -> None:
    assert found(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        # Key-value lines of a form, spaced like columns.
        "氏名  山田 太郎  性別  男\n住所  東京都港区芝1-2-3  電話  03-1234-5678\n",
        "患者  佐藤 花子 様  担当  鈴木  病棟  5東\n検査  胸部CT  結果  異常なし  次回  未定\n",
    ],
)
def test_key_value_lines_of_a_form_are_not_a_table(text: str) -> None:
    assert found(text) == set()


def test_a_latin_name_overflowing_its_column_stays_whole() -> None:
    text = (
        "No. 日付   時刻  患者ID     患者            処方科        区分\n"
        " 1  10/02 09:51 0041-2290 今 一郎         消化器内科    用量\n"
        " 3  10/07 11:30 0013-0475 Oliveira, Marcos 救急科        相互作用\n"
    )
    got = found(text)
    assert {("PATIENT_NAME", "今 一郎"), ("PATIENT_NAME", "Oliveira, Marcos"), ("PATIENT_ID", "0013-0475")} <= got
    assert ("DEPARTMENT", "救急科") in got


def test_column_names_with_a_digit_inside_and_a_vital_signs_table() -> None:
    text = "時刻    BP        HR    SpO2   担当\n08:00   132/78    88    98%    山田\n12:00   128/70    76    97%    佐藤 花子\n"
    got = found(text)
    assert {("PHYSICIAN_NAME", "山田"), ("PHYSICIAN_NAME", "佐藤 花子")} <= got
    assert not values(text) & {"132/78", "88", "98%"}


def test_a_remark_wrapped_onto_an_indented_line_does_not_end_the_table() -> None:
    text = (
        "病床    氏名                 年齢  目的            申し送り\n"
        "6N-612  河野 澄江            81    負荷試験        夜間症状なし\n"
        "                                                朝 回診後に退院可否を判断\n"
        "6N-615  ﾎﾝﾀﾞ ﾕｳｽｹ            46    導入            本日増量\n"
        "その他：特記なし\n"
        "6N-618  佐藤 花子            52    精査            なし\n"
    )
    got = found(text)
    assert {("PATIENT_NAME", "ﾎﾝﾀﾞ ﾕｳｽｹ"), ("AGE", "46")} <= got
    # Prose at the left margin ends the table: what follows it is not read by the header above.
    assert ("AGE", "52") not in got
    assert "朝 回診後に退院可否を判断" not in values(text)


def test_two_indented_lines_in_a_row_end_the_table() -> None:
    text = (
        "病床    氏名                 年齢  目的            申し送り\n"
        "6N-612  河野 澄江            81    負荷試験        夜間症状なし\n"
        "                             以下は参考\n"
        "                             旧病棟の一覧\n"
        "6N-615  ﾎﾝﾀﾞ ﾕｳｽｹ            46    導入            本日増量\n"
    )
    assert ("AGE", "46") not in found(text)


@pytest.mark.parametrize(
    "text",
    [
        # an indented line right under the header: no row for a remark to belong to
        "病床    氏名                 年齢  目的            申し送り\n"
        "                                                令和7年1月18日\n"
        "6N-615  ﾎﾝﾀﾞ ﾕｳｽｹ            46    導入            本日増量\n",
        # after the wrapped remark, a line that does not begin where the rows begin
        "病床    氏名                 年齢  目的            申し送り\n"
        "6N-612  河野 澄江            81    負荷試験        夜間症状なし\n"
        "                                                朝 回診後に退院可否を判断\n"
        "        院長  ﾎﾝﾀﾞ ﾕｳｽｹ      46    導入            本日増量\n",
    ],
)
def test_an_indented_line_continues_the_table_only_between_rows(text: str) -> None:
    assert ("AGE", "46") not in found(text)
