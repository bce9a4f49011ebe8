"""Rule-based PHI extractor: pattern families, label context, names, PHI-free text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from phi_core.extractors.rules import VERSION, extract, extract_spans
from phi_core.taxonomy import CATEGORY_CODES

REPO = Path(__file__).resolve().parents[2]
PHI_FREE = REPO / "data" / "rules" / "phi_free_findings.txt"
PAPER_CSV = REPO / ".." / "shared" / "data" / "paper_dev_100.csv"

HEADER = (
    "【頭部造影MRI検査報告書】\n"
    "氏名：佐藤明子（さとうあきこ）\n"
    "患者ID：MR2024-78234\n"
    "生年月日：昭和38年11月15日（60歳）\n"
    "性別：女性\n"
    "住所：〒150-0042 東京都渋谷区宇田川町15-1 渋谷パークタワー305号\n"
    "電話：03-3462-8901\n"
    "緊急連絡先：佐藤健太（長男）080-5678-9012\n"
    "検査日時：令和6年8月6日 10:15\n"
    "検査依頼医：Dr.高橋智子（脳神経内科）\n"
    "施設：国立がん研究センター中央病院\n"
    "施設住所：〒104-0045 東京都中央区築地5-1-1\n"
    "施設電話：03-3542-2511\n"
    "前回MRI：令和6年2月10日\n"
    "読影医：Dr.小林裕介（放射線診断専門医）\n"
)


def found(text: str) -> set[tuple[str, str]]:
    return {(s.category, s.text) for s in extract_spans(text)}


def category_of(text: str, value: str) -> str | None:
    for span in extract_spans(text):
        if span.text == value:
            return span.category
    return None


# --- pattern families ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, category",
    [
        ("生年月日：昭和38年11月15日", "昭和38年11月15日", "BIRTH_DATE"),
        ("生年月日：令和元年5月1日（5歳）", "令和元年5月1日", "BIRTH_DATE"),
        ("検査日：２０２４年１月５日", "２０２４年１月５日", "EXAM_DATE"),
        ("検査日：2024/08/06", "2024/08/06", "EXAM_DATE"),
        ("前回検査（2024/02/10）と比較して増大。", "2024/02/10", "OTHER_DATE"),
        ("前回MRI：令和6年2月10日", "令和6年2月10日", "OTHER_DATE"),
        ("投与時刻：10:15", "10:15", "TIME"),
        ("本日14時30分に救急搬送された。", "14時30分", "TIME"),
        ("症状は午後3時頃から出現。", "午後3時", "TIME"),
        ("生年月日：平成2年5月8日（34歳）", "34歳", "AGE"),
        ("電話：03-3462-8901", "03-3462-8901", "PHONE"),
        ("携帯電話：080-5678-9012", "080-5678-9012", "PHONE"),
        ("連絡先：0422-47-5511", "0422-47-5511", "PHONE"),
        ("施設電話：03-3542-2511", "03-3542-2511", "FACILITY_PHONE"),
        ("患者ID：MR2024-78234", "MR2024-78234", "PATIENT_ID"),
        ('- 患者ID": "CT-FUP-1022",', "CT-FUP-1022", "PATIENT_ID"),
        ("**患者IDがCT-PED-H-1023**の児", "CT-PED-H-1023", "PATIENT_ID"),
        ("検査番号：EX-55821", "EX-55821", "OTHER_ID"),
    ],
)
def test_pattern_families_with_their_label_context(text: str, value: str, category: str) -> None:
    assert category_of(text, value) == category


def test_postal_code_starts_the_address_span_without_the_postal_mark() -> None:
    text = "住所：〒150-0042 東京都渋谷区宇田川町15-1\n"
    assert ("ADDRESS", "150-0042 東京都渋谷区宇田川町15-1") in found(text)


def test_address_in_running_text() -> None:
    assert ("ADDRESS", "千葉県松戸市") in found("かかりつけである千葉県松戸市の医院から紹介。")


# --- the full header: label context decides the category -------------------------


def test_header_labels_decide_categories() -> None:
    spans = found(HEADER)
    expected = {
        ("PATIENT_NAME", "佐藤明子"),
        ("NAME_READING", "さとうあきこ"),
        ("PATIENT_ID", "MR2024-78234"),
        ("BIRTH_DATE", "昭和38年11月15日"),
        ("AGE", "60歳"),
        ("SEX", "女性"),
        ("PHONE", "03-3462-8901"),
        ("EMERGENCY_CONTACT", "佐藤健太"),
        ("EMERGENCY_CONTACT", "080-5678-9012"),
        ("EXAM_DATE", "令和6年8月6日"),
        ("TIME", "10:15"),
        ("PHYSICIAN_NAME", "高橋智子"),
        ("DEPARTMENT", "脳神経内科"),
        ("HOSPITAL_NAME", "国立がん研究センター中央病院"),
        ("FACILITY_ADDRESS", "104-0045 東京都中央区築地5-1-1"),
        ("FACILITY_PHONE", "03-3542-2511"),
        ("OTHER_DATE", "令和6年2月10日"),
        ("PHYSICIAN_NAME", "小林裕介"),
    }
    assert expected <= spans


def test_spans_never_include_labels_titles_or_relation_words() -> None:
    texts = {s.text for s in extract_spans(HEADER)}
    assert not any(t.startswith(("Dr", "氏名", "患者ID")) for t in texts)
    assert "長男" not in texts and not any("長男" in t for t in texts)


def test_name_with_inner_space_and_reading_in_parentheses() -> None:
    text = "- 患者名：中島 久美子（なかじま くみこ）\n- 依頼医：Dr. 清水 玲子（内分泌内科）\n"
    spans = found(text)
    assert ("PATIENT_NAME", "中島 久美子") in spans
    assert ("NAME_READING", "なかじま くみこ") in spans
    assert ("PHYSICIAN_NAME", "清水 玲子") in spans


def test_katakana_and_romaji_readings() -> None:
    assert ("NAME_READING", "ヤマダタロウ") in found("氏名：山田太郎（ヤマダタロウ）\n")
    assert ("NAME_READING", "TAKAHASHI Misaki") in found("氏名：高橋美咲（TAKAHASHI Misaki）\n")


def test_markdown_table_rows_are_labels() -> None:
    text = "| 項目 | 内容 |\n|---|---|\n| 患者氏名 | 荒木節子 |\n| 患者ID | CT2025-86232 |\n| 性別 | 女性 |\n"
    assert {("PATIENT_NAME", "荒木節子"), ("PATIENT_ID", "CT2025-86232"), ("SEX", "女性")} <= found(text)


def test_rare_kanji_name_offsets_are_code_points() -> None:
    text = "患者：𠮷田直樹 様　男性\n本日、𠮷田直樹様は無症状。"
    spans = [s for s in extract_spans(text) if s.category == "PATIENT_NAME"]
    assert spans and all(text[s.start : s.end] == "𠮷田直樹" for s in spans)
    assert spans[0].start == 3 and spans[0].end == 7


# --- names and facilities in running text ----------------------------------------


def test_names_in_running_text_need_a_cue() -> None:
    text = (
        "**主治医である腫瘍内科のDr.渡辺からの依頼です。** 患者の鈴木フミ様は無症状。"
        "担当医の森本です。K.T.氏（木村拓也氏のイニシャル）。母親（高橋はな、80歳）。"
    )
    spans = found(text)
    assert ("PHYSICIAN_NAME", "渡辺") in spans
    assert ("PATIENT_NAME", "鈴木フミ") in spans
    assert ("PHYSICIAN_NAME", "森本") in spans
    assert ("PATIENT_NAME", "K.T.") in spans
    assert ("PATIENT_NAME", "木村拓也") in spans
    assert ("EMERGENCY_CONTACT", "高橋はな") in spans


def test_facilities_in_running_text() -> None:
    text = "紹介元の「さくら内科クリニック」から。以前、福岡中央病院（電話092-555-1234）で生検済み。"
    spans = found(text)
    assert ("HOSPITAL_NAME", "さくら内科クリニック") in spans
    assert ("HOSPITAL_NAME", "福岡中央病院") in spans
    assert ("PHONE", "092-555-1234") in spans


def test_dates_take_the_category_of_the_labelled_date_they_repeat() -> None:
    text = "生年月日：昭和15年3月3日\n検査日：2024年8月16日\n所見：昭和15年生まれの高齢者。今朝8月16日の検査。"
    spans = found(text)
    assert ("BIRTH_DATE", "昭和15年") in spans
    assert ("EXAM_DATE", "8月16日") in spans


@pytest.mark.parametrize(
    "text",
    [
        "辺縁は星芒状様の形態を示し、すりガラス様陰影を伴う。",
        "Willis動脈輪およびウィリス氏動脈輪は正常。",
        "がん拠点病院または大学病院での精査を推奨。当院で経過観察。",
        "造影剤を1:10に希釈した。第1時相で撮影。右乳房3時方向、24時間後に再検。",
        "取扱い規約（2016年改訂）に準じる。IDH1変異、PD-L1陽性。",
        "患者様およびご家族様に説明した。同氏は無症状。",
    ],
)
def test_lookalikes_are_not_phi(text: str) -> None:
    assert extract_spans(text) == []


# --- PHI-free corpus, output contract, determinism, speed --------------------------


def _phi_free_paragraphs() -> list[str]:
    return [p for p in re.split(r"\n\s*\n", PHI_FREE.read_text(encoding="utf-8")) if p.strip()]


def test_phi_free_findings_yield_at_most_point_one_items_per_paragraph() -> None:
    paragraphs = _phi_free_paragraphs()
    assert len(paragraphs) >= 15
    spurious = [item for p in paragraphs for item in extract(p)]
    assert len(spurious) / len(paragraphs) <= 0.1, spurious


def test_spans_are_sorted_non_overlapping_canonical_and_exact() -> None:
    spans = extract_spans(HEADER)
    assert spans
    for left, right in zip(spans, spans[1:]):
        assert left.end <= right.start
    for span in spans:
        assert span.category in CATEGORY_CODES
        assert HEADER[span.start : span.end] == span.text


def test_extract_returns_unique_items() -> None:
    text = HEADER + "所見：**患者ID: MR2024-78234**の症例。"
    items = [(i.category, i.value) for i in extract(text)]
    assert len(items) == len(set(items))
    assert ("PATIENT_ID", "MR2024-78234") in items


def test_deterministic_and_versioned() -> None:
    assert VERSION
    assert extract_spans(HEADER) == extract_spans(HEADER)
    assert extract(HEADER) == extract(HEADER)
    assert extract_spans("") == [] and extract("") == []


def test_paper_dev_reports_recall_when_available() -> None:
    if not PAPER_CSV.exists():
        pytest.skip("shared/data/paper_dev_100.csv is not available here")
    from phi_core.corpus.importers import read_corpus

    reports = [r for r in read_corpus(PAPER_CSV, "paper-csv", dataset="paper").reports if r.spans]
    gold = found_gold = 0
    for report in reports:
        predicted = extract_spans(report.text)
        for span in report.spans:
            gold += 1
            found_gold += any(p.start < span.end and span.start < p.end for p in predicted)
    assert found_gold / gold >= 0.9
