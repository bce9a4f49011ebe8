"""Names of the thirteenth round (blind-final18..20, blind-dev21..24): forms and the look-alikes they must leave alone."""

from __future__ import annotations

import pytest

from phi_core.extractors import rules
from tests.extractors.recall_probes import found, masked, values

_NAMES = ("PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT")


@pytest.mark.parametrize(
    "text, name",
    [
        ("当直のベルナール医師が対応", "ベルナール"),  # -ール ends drugs' names, but a doctor's title follows
        ("Surname / 姓 : ALVAREZ        Given names / 名 : MARIA", "ALVAREZ"),  # a surname's label
        ("姓：ALVAREZ", "ALVAREZ"),
        ("No.2 09:20 Julien MARCHAND 29 M フランス国籍", "Julien MARCHAND"),  # a family name English also has
        ("二次読影：Patel, R.（右上肺野 結節影疑い）", "Patel, R."),  # a listed family name, a comma, an initial
        ("-spine(palliative) done  Suzuki R\nnote", "Suzuki R"),  # romaji and a bare initial ending the field
        ("call log — pt WHITFIELD-SATO E / #118-204-7", "WHITFIELD-SATO E"),
        ("2) 症例B：G.S.M. ID 3317-0042", "G.S.M."),  # three initials
        ("07/05 19:40 daughter (Claire, +1-503-555-0101)", "Claire"),  # a listed given name after a relation
        ("院側　菅 Ns\n内容：説明", "菅"),  # one kanji before a staff abbreviation
        ("個室へ。医事課 松下 に確認済み。", "松下"),  # two kanji after a unit, then a particle
        ("お伝えしました。\nあおば子どもメンタルクリニック　関", "関"),  # a letter signed after the clinic's name
        ("休薬中につき主治医 oda へ連絡済", "oda"),  # a short romaji family name the dictionary has as an acronym
        (",Bendamustine+R,WAITLIST,asida.k\n# cancelled", "asida.k"),  # a login in Kunrei romaji
        ("術後6週：スプリント装着\nOT ｻｶｷ", "ｻｶｷ"),  # half-width katakana after a staff abbreviation
        ("出席：MSW 千葉 礼・江頭 瑞穂", "江頭 瑞穂"),  # the next whole name of a list after a middle dot
        ("証人 遠藤 美樹（行政書士）", "遠藤 美樹"),  # a witness is a relation-like word before a name
        ("前回（11/11）6.4kg でした。\n石神（Ns）", "石神"),  # a kanji family name before its occupation in brackets
        ("リンクワーカー 陳 偉（携帯 070-1188-2000）", "陳 偉"),  # a katakana occupation by how it ends
        ("SDV 2026-10-06 モニター Kowalski", "Kowalski"),
        ("②母　斉藤 リサ（Lisa）　080-1207-5565", "Lisa"),  # a listed given name in brackets: the name again
        ("23:55 Do Thi Lan（ID 3318720）34w", "Do Thi Lan"),  # a Vietnamese middle name, the other words English
        ("（看護記録 tanaka-y 記載）", "tanaka-y"),  # a login with a hyphen before one initial
        (
            "相談員 : 碓井、ファン・デル・ベルフ 杏（医事）",
            "ファン・デル・ベルフ 杏",
        ),  # dotted katakana before a given name
        ("result=ok by=薬剤部 nonomura", "薬剤部 nonomura"),
        ("TEL → 奥さん（北畑 ゆかり）応答。", "北畑 ゆかり"),  # a relation, its honorific, a whole name in brackets
        ("娘さん(髙橋 真理)同席", "髙橋 真理"),
        ("from: miyake_msw\n孫さんと連絡", "miyake_msw"),  # a family name then a staff abbreviation
        ("16:25 410A WANG Mei（王 美）帰院", "WANG Mei"),  # a listed family name in capitals, a romaji given name
        ("回答案は看護部長 渡辺 久美 確認後、送付", "渡辺 久美"),  # what they did after a space
        ("本人携帯へ連絡（通訳 グエン ティ ハ 同席）。", "グエン ティ ハ"),  # a one-letter last part
        ("氏名：藤 原　 紗 英　　年齢：31才", "藤 原　 紗 英"),  # scanned letters across two kinds of space
        ("（本人署名は施設職員若松さん代筆）", "若松"),
        ("出席者：林、技師長早川 誠司\n議題1", "早川 誠司"),  # a post ending in 長 written onto a name
        ("ひまわりこどもクリニック（小西せんせい）に　そうだん", "小西"),  # the title in kana, as for a child
        ("次回1/24常勤宇佐美先生へ。", "宇佐美"),  # glued to a word before it, a title after it
        (
            "Pt: KIM Jiwoo / 김지우, 24F",
            "김지우",
        ),  # a name in Hangul  # a post ending in 員 written onto a name, an honorific after
    ],
)
def test_names_of_the_thirteenth_round(text, name):
    assert name in values(text)


def test_a_form_field_ends_a_name_at_the_next_label_and_at_a_wide_gap():
    assert "山田" in values("姓：山田　名：太郎")
    assert "山田\u3000名" not in values("姓：山田　名：太郎")
    assert values("Surname: ALVAREZ        Given names: MARIA")[:1] == ["ALVAREZ"]
    assert "山田 太郎" in values("11/18 山田 太郎：了解です")  # a chat line's speaker keeps the given name


@pytest.mark.parametrize("extract", [rules.extract_spans, lambda t: masked(t)])
def test_a_header_row_after_a_name_label_is_no_name(extract):
    text = "氏名          目的                     対応者\n山田 太郎    検査     佐藤"
    spans = [s.text if hasattr(s, "text") else s[0] for s in extract(text)]
    assert "目的" not in spans and "山田 太郎" in spans
    assert "山田 太郎" in [
        s.text if hasattr(s, "text") else s[0] for s in extract("氏名          山田 太郎     性別     男")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "ビソプロロール医師",  # no name: a drug's name before a title is still the allow-list's
        "Child-Pugh A",  # a classification whose first part is English
        "（ESBL陰性、CTRX S, CEZ S）",  # susceptibility letters after a drug's code
        "HLA-DR, FCXM T/B 陰性",
        "Vitamin D 不足",
        "Hepatitis B ワクチン",
        "U.S.A. から帰国",
        "Aquilion ONE で撮影",  # a device named by two words, one unknown
        "左 PT 介入",  # one kanji that opens a phrase before a staff word
        "全 Ns に周知",
        "整形外科 本日 より",
        "心電図モニター 装着",  # a katakana occupation's ending on a device
        "病棟（Ns）へ連絡",
        "麻酔：全身麻酔（ASA-PS 1）",
        "妻（来院 なし）",  # words in brackets after a relation
        "長男（本人 確認）",
        "看護師長様へ",
        "CT Scan と MRI Report",
        "部長室前で待機",  # a post's room, no name
        "Coordinator: TBD",  # a label's value that names nobody
        "実習生：なし",
        "Pharmacist: not yet assigned",  # words in lower case are a remark
        "안녕하세요 저는 김지우 입니다",  # Korean prose: its words are no names  # capitals and a hyphen: a classification, no login
        "LN 12→9mm（non-CR/non-PD）",
    ],
)
def test_look_alikes_of_the_thirteenth_round(text):
    assert not [v for v, c in masked(text) if c in _NAMES]


def test_latin_listed_name_needs_the_lexicon_and_an_unknown_word():
    assert found("latin-listed-name", "seen by Julien MARCHAND today") == ["Julien MARCHAND"]
    assert found("latin-listed-name", "Grace Hope") == []  # both words English: latin-name's to judge
    assert found("latin-listed-name", "Sato, K.") == ["Sato, K."]
    # A bare letter after a listed family name is a stage or a ward (Tanner B, Ward B); after romaji it is an initial.
    assert found("latin-listed-name", "Tanner B") == [] and found("latin-listed-name", "Ward B\n") == []
    assert found("latin-listed-name", "done  Suzuki R\n") == ["Suzuki R"]


def test_a_family_name_ending_several_rows_of_a_log_signs_them():
    log = "8/22  02:50  来院 妻  36.3   堤\n8/22  03:35  来院 夫  36.1   堤\n"
    assert found("row-signer", log) == ["堤", "堤"]
    assert found("row-signer", "8/22  02:50  来院  36.3   堤\n") == []  # one row says too little
    assert found("row-signer", "1 | 12 | 済\n2 | 13 | 済\n") == []  # a status word
    assert found("row-signer", "10/1 検査   中\n10/2 検査   中\n") == []  # one kanji that opens phrases
    assert found("row-signer", "胸部  単純   堤\n腹部  造影   堤\n") == []  # no value on the rows


def test_a_lower_case_romaji_name_between_wide_gaps_on_two_rows_is_who_took_them():
    log = "1  1946-10-09  11:15  okada     warfarin 2mg\n2  1950-02-17  11:02  okada     metformin 500mg\n"
    assert found("row-signer", log) == ["okada", "okada"]
    assert found("row-signer", "1  12  mode   ok\n2  13  mode   ok\n") == []  # an English word the dictionary knows
    assert found("row-signer", "1  1946-10-09  okada     warfarin\n") == []  # one row


def test_after_a_slash_set_apart_by_spaces_an_english_word_is_no_name():
    spans = values("R. Morita / Midwife on duty")
    assert "R. Morita" in spans and "Midwife" not in spans


def test_a_family_name_in_capitals_after_a_title():
    assert any("ONO" in v for v in values("SOAP (Dr.ONO, General Medicine)"))
