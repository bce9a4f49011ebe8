"""recall-first on values in the rows of plain-text tables: each form and the look-alikes it leaves alone."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import found, masked, values

from phi_core.extractors.recognition.table_blocks import blocks, header_of

# --- cutting a table into rows, cells and columns ---------------------------------------------

ROSTER = (
    "糖尿病教室 出席簿\n"
    "No ID        氏名                年齢 性 区分\n"
    "1  00388105  宇佐美 昭二          68   M  外来\n"
    "2  00760032  ﾌｼﾞﾓﾄ ﾀｹｼ           72   M  入院(7W-715)\n"
    "3  01120977  金城 ナナミ          45   F  外来\n"
)


def test_a_block_is_cut_into_cells_and_the_header_names_its_columns():
    (block,) = blocks(ROSTER)
    header, rows = header_of(ROSTER, block)
    assert header is not None and len(rows) == 3
    cells = [ROSTER[c.start : c.end] for c in rows[1].cells]
    assert cells == ["2", "00760032", "ﾌｼﾞﾓﾄ ﾀｹｼ", "72", "M", "入院(7W-715)"]
    # "年齢 性" stand one space apart: two columns, read cell by cell.
    columns = header.columns(rows[1])
    assert columns[3].age and columns[4].sex


@pytest.mark.parametrize(
    "line",
    [
        "氏名 山田 太郎　　年齢 72歳　　性別 男",
        "性別  : F     年齢 : 57     生年月日 : 1967/02/14",
        "ID 0062  氏名 ﾀｶｾ ﾉﾘｺ  F  63歳",
    ],
)
def test_a_line_of_a_form_is_no_header(line):
    text = line + "\n" + "1  00388105  宇佐美 昭二  68  M  外来\n"
    (block,) = blocks(text)
    header, rows = header_of(text, block)
    assert header is None and len(rows) == 2


def test_a_number_glued_to_a_column_name_still_makes_a_header():
    text = "個人番号  氏名        性 装着部位   Hp(10)  Hp(0.07)\n0012     ｶﾈﾀﾞ ﾋﾛｼ   M  胸+頸     0.3     0.4\n"
    (block,) = blocks(text)
    assert header_of(text, block)[0] is not None


def test_prose_and_key_value_lines_make_no_block():
    text = "氏名：山田 太郎　性別：男\n年齢：72歳\n\n本日 CT 施行。所見なし。"
    assert blocks(text) == []


def test_a_message_segment_is_no_table_row():
    text = "PID|1||123^^^MR||YAMADA^TARO||19500101|M\nOBR|1|||CT^胸部||||||||||F|||\nOBX|1|TX|||所見なし||||||F"
    assert blocks(text) == []


# --- sex and age under their columns, or beside a name found on the row -------------------------


def test_sex_and_age_under_their_columns():
    got = masked(ROSTER)
    assert ("72", "AGE") in got and ("45", "AGE") in got
    assert [v for v, c in got if c == "SEX"] == ["M", "M", "F"]


@pytest.mark.parametrize(
    "table, codes",
    [
        (
            "登録番号         患者ID      カナ氏名                性 生年月日    部位\n"
            "CR-2026-00902  0090-4412  ﾀｲﾗ ﾏﾘｺ               2  1968/03/07  C50.4\n"
            "CR-2026-00903  0090-5120  ｸﾞｯﾄﾞｳｨﾝ ｼﾞｪｰﾑｽﾞ      1  1949/06/19  C61.9\n",
            ["2", "1"],
        ),
        (
            "#  患者    ID          病室-床      年齢 性 発症日       症状\n"
            "1  K.T.  20118834  405-1   82   M  1/22        嘔吐・下痢\n"
            "2  S.H.  20207715  405-3   79   F  1/23        下痢\n",
            ["M", "F"],
        ),
    ],
)
def test_sex_codes_under_a_sex_column_even_as_digits(table, codes):
    assert [v for v, c in masked(table) if c == "SEX"] == codes


def test_a_lone_sex_code_beside_a_found_name_with_no_header():
    text = (
        "0012     ｶﾈﾀﾞ ﾋﾛｼ           M  胸+頸     0.3     0.4\n"
        "0027     ﾐｽﾞﾉ ｻｷ            F  腹        X       X\n"
        "0080     小室 ハル           F  腹        0.1     0.2\n"
    )
    assert [v for v, c in masked(text) if c == "SEX"] == ["M", "F", "F"]


def test_the_bare_age_just_before_the_sex_code_on_a_name_row():
    text = (
        "1   00094412  小室 ハル           87   F  11/02   BHA\n2   01277310  戸張 昭             79   M  11/21   BHA\n"
    )
    got = masked(text)
    assert ("87", "AGE") in got and ("79", "AGE") in got


def test_sizes_counts_and_lab_values_in_the_same_tables_stay():
    roster_values = values(ROSTER)
    for kept in ("外来", "入院", "1", "2", "3"):
        assert kept not in roster_values
    sizes = (
        "白衣 貸与\n品名      サイズ  枚数  担当課\n白衣      M       2     総務課\n白衣      L       3     総務課\n"
    )
    assert not [v for v, c in masked(sizes) if c in ("SEX", "AGE")]


def test_m_and_f_inside_words_and_codes_on_a_name_row_stay():
    text = "1  山田 太郎様  MRI  F/U  T2N0M0\n2  佐藤 花子様  MRA  F/U  T1N0M0\n"
    assert not [v for v, c in masked(text) if c == "SEX"]


# --- numbers before a name, and the same number elsewhere ----------------------------------------

DOSES = (
    "個人番号  氏名                  性 装着部位   Hp(10)  Hp(0.07)\n"
    "0012     ｶﾈﾀﾞ ﾋﾛｼ           M  胸+頸     0.3     0.4\n"
    "0013     ｸﾗﾓﾁ ｱｷﾗ           M  胸+頸     1.2     1.6\n"
    "0027     ﾐｽﾞﾉ ｻｷ            F  腹        X       X\n"
    "\n"
    "水晶体 上位：0013 6.9mSv、0027 4.8mSv\n"
)


def test_a_badge_number_before_a_name_and_again_in_prose():
    got = values(DOSES)
    assert got.count("0013") == 2 and got.count("0027") == 2 and "0012" in got
    assert "6.9mSv" not in got and "0.3" not in got and "1.2" not in got


def test_an_identifier_before_a_name_but_not_the_row_counter():
    text = (
        "row  patient_id   name              icd10  issue\n"
        "12   3318-0065    AKIYAMA Tetsu     C18.7  退院日不一致\n"
        "27   3320-1149    ONODERA Rie       C50.4  側性コード欠落\n"
    )
    got = values(text)
    assert "3320-1149" in got and "3318-0065" in got
    assert "27" not in got and "12" not in got and "C50.4" not in got


def test_counters_and_doses_before_a_name_stay():
    counted = "面談予定\n101  谷口 正樹様  11/14(金)  外来\n102  谷口 正樹様  11/18(火)  外来\n"
    assert "101" not in values(counted) and "102" not in values(counted)
    doses = (
        "回数  日付        線量(mJ/cm2)  累積      反応   担当\n"
        " 21   11/14(金)  900           14,350    紅斑±  谷口\n"
        " 22   11/18(火)  950           15,250    なし   谷口\n"
    )
    got = values(doses)
    assert "900" not in got and "950" not in got and "14,350" not in got


# --- names in a column of names -----------------------------------------------------------------


def test_family_names_alone_under_a_staff_column():
    text = (
        "No.│受付日　　　│申出者　　　　│内容　　　　│担当\n"
        " 1 │2026/11/04│本人 石黒 誠　│利用拒否　　│坂井\n"
        " 2 │2026/11/06│長女 石黒 真理子│確認のみ　　│平野\n"
    )
    got = values(text)
    assert "坂井" in got and "平野" in got
    assert "利用拒否" not in got and "確認のみ" not in got


def test_a_name_in_a_column_where_other_rows_hold_found_names():
    text = (
        "受付No.｜患者氏名　　　　｜回答　　｜科\n"
        "D-1841｜相良 文子　　　｜倉持 修一　｜婦人科\n"
        "D-1842｜是枝 友和　　　｜内海　｜総合内科\n"
        "D-1843｜上杉 陽平　　　｜久米 さやか　｜精神科\n"
    )
    assert "内海" in values(text)


def test_clinical_words_and_dashes_in_a_name_column_stay():
    text = (
        "日付        薬剤           実施者\n"
        "2026/10/09  セフトリアキソン  乾 正一\n"
        "2026/11/06  －             石神 直子\n"
        "2026/12/04  MRI            佐藤 花子\n"
    )
    got = values(text)
    assert "セフトリアキソン" not in got and "MRI" not in got and "－" not in got


# --- one row of a list between headings ----------------------------------------------------------


def test_a_bare_age_after_a_name_on_a_row_of_a_list():
    text = "■大部屋\n　221-4　タマラ・ペトロワ（Tamara PETROVA）　47　外泊中（12/1〜12/3）\n　　・帰院予定 12/3 17時。"
    assert ("47", "AGE") in masked(text)


def test_name_sex_then_age_on_a_row():
    text = "面会予定\n　0731　ﾌｼﾞﾓﾄ ﾀｹｼ　M　72　入院中\n"
    got = masked(text)
    assert ("M", "SEX") in got and ("72", "AGE") in got
    assert "0731" in values(text)


def test_a_count_or_a_year_beside_a_name_is_no_age_or_identifier():
    got = values("集計\n　2026　山田 太郎様　3　件\n")
    assert "2026" not in got and "3" not in got


# --- a table drawn with box bars: every column read from its header ------------------------------

BOXED = (
    "│No│患者ID　│氏名　　　　│年齢│性別│病室│主治医│\n"
    "│1 │4471　　│乾 ゆかり　　│72　│女　│305 │関　　│\n"
    "│2 │5312　　│御手洗 進　　│8　 │男　│412 │石神　│\n"
)


def test_a_boxed_table_is_read_column_by_column():
    got = masked(BOXED)
    for value, category in [("4471", "PATIENT_ID"), ("72", "AGE"), ("女", "SEX"), ("305", "OTHER_ID")]:
        assert (value, category) in got
    assert {"乾 ゆかり", "御手洗 進", "関", "石神", "5312", "412", "8", "男"} <= set(values(BOXED))
    assert "1" not in values(BOXED) and "2" not in values(BOXED)


def test_counters_and_measures_under_an_id_column_stay():
    text = "No.｜検体番号｜結果\n0131｜12.5｜陰性\n0132｜13.0｜陰性\n0133｜0.5｜陽性\n"
    assert values(text) == []


def test_an_age_and_a_sex_in_one_cell_of_a_name_row():
    got = masked("面会予定\n1  宇佐美 昭二  72 M  外来\n2  金城 ナナミ  F/45  入院\n")
    assert {("72", "AGE"), ("M", "SEX"), ("F", "SEX"), ("45", "AGE")} <= set(got)


def test_sex_symbols_under_a_sex_column_and_an_identifier_of_its_column_again_in_prose():
    text = BOXED.replace("女", "♀").replace("男", "♂") + "※4471 は転棟予定、412 は空床\n"
    got = masked(text)
    assert ("♀", "SEX") in got and ("♂", "SEX") in got
    assert [v for v in values(text)].count("4471") == 2
    assert [v for v in values(text)].count("412") == 1  # a room is not looked for elsewhere


# --- a family name past the last named column: who signed the row ---------------------------------

SIGNED_LOG = (
    "日付           濃度(JAU/mL)  量(mL)  局所反応  観察30分\n"
    "2025/10/07    10,000        0.3     膨疹8mm   異常なし  関\n"
    "2025/11/04    10,000        0.3     膨疹5mm   異常なし  乾\n"
)


def test_a_family_name_past_the_last_column_on_every_row():
    got = masked(SIGNED_LOG)
    assert ("関", "PHYSICIAN_NAME") in got and ("乾", "PHYSICIAN_NAME") in got
    assert "異常なし" not in values(SIGNED_LOG) and "0.3" not in values(SIGNED_LOG)


def test_a_word_past_the_last_column_is_no_signature():
    text = SIGNED_LOG.replace("  乾\n", "  済\n")
    got = values(text)
    assert "関" not in got and "済" not in got


@pytest.mark.parametrize(
    "table",
    [
        "検査項目      結果    単位      基準値        判定\n"
        "WBC           8.2     10^3/μL   3.3-8.6       H\n"
        "CRP           0.05    mg/dL     0.00-0.14\n"
        "HbA1c         6.8     %         4.9-6.0       H\n",
        "シリーズ  スライス厚  kV    mAs   FOV   再構成\n"
        "001       5.0         120   200   350   STD\n"
        "002       1.0         120   200   350   LUNG\n"
        "003       0.625       100   150   320   BONE\n"
        "線量 DLP 0350 mGy・cm、CTDIvol 012.4 mGy\n",
        "No  部位   所見            サイズ   ステージ\n"
        "1   L4/5   椎間板ヘルニア    M      T2N0M0\n"
        "2   C5/6   狭窄              S      T1N0M0\n",
    ],
)
def test_clinical_tables_with_no_one_in_them_stay_as_they_are(table):
    assert values(table) == []


@pytest.mark.parametrize(
    "text, value", [("承認番号：R8-迅-0311　判定日", "R8-迅-0311"), ("第2024-倫-015号", "2024-倫-015")]
)
def test_a_number_of_record_with_a_kanji_series_mark(text, value):
    assert value in found("identifier-shape", text)


def test_a_kanji_between_anatomy_numbers_is_no_series_mark():
    assert not found("identifier-shape", "L4-左-5 の神経根、C5-右-6")


def test_a_floor_before_its_room_is_no_glued_age_and_sex():
    assert found("sex-code", "3F  401  山田 太郎様\n4F-502  佐藤 花子様") == []
    assert found("sex-code", "1  82M  嘔吐\n2  4F  下痢") == ["82", "M", "4", "F"]


def test_names_and_readings_under_their_columns_in_a_boxed_table():
    text = (
        "│No│氏名　　　　　│フリガナ　　　　│年齢│\n"
        "│1 │綾小路 きみ　│アヤノコウジ キミ│72　│\n"
        "│2 │御手洗 進　　│ミタライ ススム　│81　│\n"
    )
    got = masked(text)
    assert ("綾小路 きみ", "PATIENT_NAME") in got
    assert ("アヤノコウジ キミ", "NAME_READING") in got and ("ミタライ ススム", "NAME_READING") in got


def test_words_under_a_name_column_that_are_no_names_stay():
    text = "│No│氏名　　　　│備考　　│\n│1 │不明　　　　│未確認　│\n│2 │本人 確認中　│－　　　│\n"
    assert values(text) == []


def test_a_column_of_katakana_words_needs_more_than_one_name_found():
    text = (
        "日付        薬剤            サイン\n"
        "11/02       ムコスタ        中林 恒夫\n"
        "11/03       ザイザル        ﾜｰﾌｧﾘﾝ\n"
        "11/04       セレコックス    石神\n"
    )
    got = values(text)
    assert "ムコスタ" not in got and "ザイザル" not in got and "セレコックス" not in got


# --- a form drawn as a grid: label cell, value cell --------------------------------------------------


def test_values_after_their_labels_in_a_grid():
    text = "│担当医│平野　│記録者│坂井　│\n│病室　│412 │性別　│女　　│\n"
    got = masked(text)
    for value, category in [("平野", "PHYSICIAN_NAME"), ("坂井", "PHYSICIAN_NAME"), ("412", "OTHER_ID"), ("女", "SEX")]:
        assert (value, category) in got


def test_a_row_of_column_names_is_no_grid_of_values():
    text = "| 日 | ID | 氏名 | 年齢 | 検査 | 依頼医 | メモ |\n|---|---|---|---|---|---|---|\n| 3/2 | - | - | - | CT | - | 特記なし |\n"
    assert "メモ" not in values(text) and "検査" not in values(text)


def test_one_row_under_a_header_is_read_by_its_columns():
    text = "│No│患者ID　│氏名　　　　│年齢│性別│病室│主治医│\n│1 │4471　　│乾 ゆかり　　│72　│女　│305 │関　　│\n"
    assert {"4471", "乾 ゆかり", "72", "女", "305", "関"} <= set(values(text))
