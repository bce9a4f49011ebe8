"""The one resolver: context re-typing, overlaps, not-PHI claims, propagation in both widths."""

from __future__ import annotations

from phi_core.extractors.rules import extract, extract_spans
from phi_core.extractors.recognition.candidates import NOT_PHI, RANK_LABEL, RANK_PATTERN, Candidate
from phi_core.japanese.width import other_widths
from phi_core.extractors.recognition.recognizer import Document, Region
from phi_core.extractors.recognition.resolve import apply_regions, choose, resolve


def test_label_rank_beats_a_longer_pattern_and_length_breaks_ties() -> None:
    label = Candidate(0, 4, "PATIENT_NAME", RANK_LABEL)
    longer = Candidate(0, 8, "HOSPITAL_NAME", RANK_PATTERN)
    inside = Candidate(1, 3, "PHYSICIAN_NAME", RANK_PATTERN)
    assert choose([longer, inside, label]) == [label]
    assert choose([inside, longer]) == [longer]


def test_same_span_same_rank_goes_to_the_category_listed_first() -> None:
    date = Candidate(0, 10, "OTHER_DATE", RANK_PATTERN, "date")
    other_id = Candidate(0, 10, "OTHER_ID", RANK_PATTERN, "id")
    assert choose([other_id, date]) == [date]


def test_result_is_sorted_and_non_overlapping() -> None:
    cands = [
        Candidate(5, 9, "AGE", 1),
        Candidate(0, 3, "SEX", 1),
        Candidate(2, 6, "TIME", 1),
        Candidate(10, 12, "AGE", 1),
    ]
    kept = choose(cands)
    assert kept == sorted(kept) and all(a.end <= b.start for a, b in zip(kept, kept[1:]))


def test_regions_retype_generic_matches_by_kind_only() -> None:
    date = Candidate(5, 15, "OTHER_DATE", RANK_PATTERN, "date")
    name = Candidate(5, 8, "PATIENT_NAME", RANK_PATTERN)
    out = apply_regions([date, name], [Region(5, 20, {"date": "BIRTH_DATE"})])
    assert out[0].category == "BIRTH_DATE" and out[0].rank == RANK_LABEL
    assert out[1] == name


def test_a_phone_under_a_facility_line_is_the_facility_phone() -> None:
    text = "港北総合病院 TEL: 045-531-2211\n電話：090-1234-5678\n"
    spans = {(s.category, s.text) for s in extract_spans(text)}
    assert ("FACILITY_PHONE", "045-531-2211") in spans and ("PHONE", "090-1234-5678") in spans


def test_not_phi_claims_keep_patterns_off_and_leave_no_span() -> None:
    text = "MSG48579201"
    claim = Candidate(0, len(text), NOT_PHI, RANK_LABEL)
    pattern = Candidate(0, len(text), "OTHER_ID", RANK_PATTERN, "id")
    assert resolve(Document(text), [pattern, claim]) == []


def test_dates_equal_to_the_labelled_birth_or_exam_date_take_its_category() -> None:
    text = "生年月日：S35.4.15\n検査日：2024/08/06\n所見：昭和35年4月15日生まれ。本日R6.8.6に施行。"
    spans = {(s.category, s.text) for s in extract_spans(text)}
    assert ("BIRTH_DATE", "昭和35年4月15日") in spans
    assert ("EXAM_DATE", "R6.8.6") in spans


def test_hl7_timestamp_is_one_date_span() -> None:
    text = "OBR|1|OD1|ACC1|CT^胸部CT|||20240806103015\n"
    assert ("EXAM_DATE", "20240806103015") in {(s.category, s.text) for s in extract_spans(text)}


# --- propagation -------------------------------------------------------------------------


def test_every_occurrence_of_a_labelled_value_is_found() -> None:
    text = "患者ID：AB1234567\n氏名：山田太郎\n所見：山田太郎様の前回（AB1234567）と比較。"
    spans = [(s.category, s.text) for s in extract_spans(text)]
    assert spans.count(("PATIENT_ID", "AB1234567")) == 2
    assert spans.count(("PATIENT_NAME", "山田太郎")) == 2


def test_propagation_finds_the_other_width() -> None:
    text = "患者ID：１２３４５６７８\n所見：ID 12345678 の前回画像と比較。氏名：ﾅｶﾑﾗ ﾊﾙｴ\nナカムラ ハルエさんに説明。"
    spans = {(s.category, s.text) for s in extract_spans(text)}
    assert {("PATIENT_ID", "１２３４５６７８"), ("PATIENT_ID", "12345678")} <= spans
    assert ("PATIENT_NAME", "ナカムラ ハルエ") in spans


def test_other_widths_of_a_value() -> None:
    assert "12345678" in other_widths("１２３４５６７８")
    assert "ＡＢ１２" in other_widths("AB12")
    assert "ﾅｶﾑﾗ ﾊﾙｴ" in other_widths("ナカムラ\u3000ハルエ")
    assert "ガギ" in other_widths("ｶﾞｷﾞ") and "ｶﾞｷﾞ" in other_widths("ガギ")


def test_a_family_name_written_alone_later_is_found() -> None:
    text = "Patient Name: YAMADA Taro\nMr. Yamada was seen. Yamadanishiki is a rice."
    found = [s.text for s in extract_spans(text)]
    assert "Yamada" in found and "Yamadanishiki" not in found
    kanji = "氏名：中野 太郎\n住所：東京都中野区中野1-2-3\n中野様に説明。"
    spans = {(s.category, s.text) for s in extract_spans(kanji)}
    assert ("ADDRESS", "東京都中野区中野1-2-3") in spans  # the address keeps its longer span
    assert ("PATIENT_NAME", "中野") in spans


def test_a_propagated_value_is_not_taken_from_inside_a_longer_word() -> None:
    text = "氏名：Ito Ken\nItoh is another person."
    assert "Ito" not in [s.text for s in extract_spans(text) if s.start > 12]


# --- items: masking by value must not cut other words ------------------------------------------


def test_values_that_would_mask_other_words_stay_out_of_the_items() -> None:
    text = "性別：男\n長男の付き添いあり。ベッド2、12mmの結節。"
    values = {item.value for item in extract(text)}
    assert "男" not in values and "2" not in values
    assert {s.text for s in extract_spans(text)} >= {"男", "2"}  # the spans themselves are still found


def test_a_value_standing_alone_is_kept() -> None:
    assert "男" in {item.value for item in extract("性別：男\n所見：特記なし。")}


def test_a_person_span_never_keeps_a_trailing_honorific():
    from phi_core.extractors.recognition.resolve import trim_honorifics

    text = "妻（中村春江さん）、担当 大橋康夫 先生、患者 ヒガシ様"

    def span(value, category):
        start = text.index(value)
        return Candidate(start, start + len(value), category)

    got = trim_honorifics(
        text,
        [
            span("中村春江さん", "EMERGENCY_CONTACT"),
            span("大橋康夫 先生", "PHYSICIAN_NAME"),
            span("ヒガシ様", "PATIENT_NAME"),
            span("先生", "PHYSICIAN_NAME"),
        ],
    )
    assert [text[c.start : c.end] for c in got] == ["中村春江", "大橋康夫", "ヒガシ", "先生"]


def test_the_extractor_leaves_the_honorific_of_a_relative_in_brackets_outside():
    text = "看護記録 妻（中村春江さん）より電話あり。"
    assert ("EMERGENCY_CONTACT", "中村春江") in [(s.category, text[s.start : s.end]) for s in extract_spans(text)]
