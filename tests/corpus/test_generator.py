"""The synthetic corpus generator: determinism, exact spans, coverage, shipped file."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from phi_core.corpus.generator import DEFAULT_SEED, generate_reports
from phi_core.corpus.generator.__main__ import main as generator_main
from phi_core.corpus.generator.builder import TextBuilder
from phi_core.corpus.generator.dates import era_of, format_date
from phi_core.corpus.jsonl import report_to_record, write_jsonl
from phi_core.taxonomy import CATEGORY_CODES

REPO_ROOT = Path(__file__).resolve().parents[2]
SHIPPED = REPO_ROOT / "data" / "corpus" / "synthetic.jsonl"
FULLWIDTH_DIGITS = set("０１２３４５６７８９")


@pytest.fixture(scope="module")
def corpus():
    return generate_reports()


def _spans(reports, category=None):
    return [(r, s) for r in reports for s in r.spans if category is None or s.category == category]


def test_same_seed_gives_identical_reports_and_another_seed_does_not():
    first = [report_to_record(r) for r in generate_reports(12, 6, seed=7)]
    second = [report_to_record(r) for r in generate_reports(12, 6, seed=7)]
    other = [report_to_record(r) for r in generate_reports(12, 6, seed=8)]
    assert first == second
    assert [r["text"] for r in first] != [r["text"] for r in other]


def test_a_report_does_not_depend_on_how_many_come_before_it():
    small = generate_reports(6, 0, seed=3)
    large = generate_reports(40, 0, seed=3)

    def plain(report):  # hidden-PHI and variant-name picks depend on the split size
        return not report.meta["hidden"] and all(ord(ch) <= 0xFFFF for ch in report.text)

    pairs = [(a, b) for a, b in zip(small, large) if plain(a) and plain(b)]
    assert pairs
    assert all(a.text == b.text and a.spans == b.spans for a, b in pairs)


def test_split_counts_ids_and_status(corpus):
    assert Counter(r.split for r in corpus) == {"dev": 100, "test": 60}
    assert [r.id for r in corpus[:2]] == ["syn-dev-001", "syn-dev-002"]
    assert corpus[100].id == "syn-test-001" and corpus[-1].id == "syn-test-060"
    assert len({r.id for r in corpus}) == 160
    assert {r.status for r in corpus} == {"approved"}


def test_every_span_is_exact_and_spans_never_overlap(corpus):
    for report in corpus:
        ordered = sorted(report.spans, key=lambda s: (s.start, s.end))
        for span in ordered:
            assert report.text[span.start : span.end] == span.text
            assert span.text == span.text.strip()
        for left, right in zip(ordered, ordered[1:]):
            assert left.end <= right.start, f"{report.id}: {left} overlaps {right}"


def test_every_category_is_canonical_and_every_one_occurs(corpus):
    seen = Counter(s.category for _, s in _spans(corpus))
    assert set(seen) <= set(CATEGORY_CODES)
    assert set(seen) == set(CATEGORY_CODES), f"missing: {set(CATEGORY_CODES) - set(seen)}"


def test_mean_phi_per_report_is_in_the_intended_range(corpus):
    mean = len(_spans(corpus)) / len(corpus)
    assert 5 <= mean <= 12
    assert all(r.spans for r in corpus)


def test_titles_and_labels_stay_outside_spans(corpus):
    for _report, span in _spans(corpus):
        assert not span.text.startswith(("Dr", "氏名", "患者")), span
        assert not span.text.endswith(("医師", "先生", "様")), span
        if span.category != "TIME":
            assert "：" not in span.text, span
    assert any(report.text[s.start - 3 : s.start] == "Dr." for report, s in _spans(corpus, "PHYSICIAN_NAME"))
    assert any(
        report.text[s.end : s.end + 2] == "医師" or report.text[s.end : s.end + 3] == " 医師"
        for report, s in _spans(corpus, "PHYSICIAN_NAME")
    )


def test_relation_words_are_not_part_of_emergency_contact_spans(corpus):
    contacts = [s.text for _, s in _spans(corpus, "EMERGENCY_CONTACT")]
    assert contacts
    assert not any(word in text for text in contacts for word in ("長男", "長女", "妻", "夫", "母", "父"))


def test_birth_dates_use_every_era_and_western_writing(corpus):
    births = [s.text for _, s in _spans(corpus, "BIRTH_DATE")]
    for era in ("昭和", "平成", "令和"):
        assert any(text.startswith(era) for text in births), era
    assert any(text[:4].isdigit() and text[:2] in ("19", "20") for text in births)


def test_full_width_digits_appear_in_several_categories(corpus):
    widened = {s.category for _, s in _spans(corpus) if FULLWIDTH_DIGITS & set(s.text)}
    assert len(widened) >= 3, widened


def test_readings_come_in_katakana_hiragana_and_romaji(corpus):
    readings = [s.text for _, s in _spans(corpus, "NAME_READING")]
    assert any("ア" <= ch <= "ヶ" for text in readings for ch in text)
    assert any("ぁ" <= ch <= "ゖ" for text in readings for ch in text)
    assert any(text.isascii() for text in readings)


def test_hidden_phi_matches_spans_and_carries_difficulty(corpus):
    dev_with_hidden = [r for r in corpus if r.split == "dev" and r.meta["hidden"]]
    assert len(dev_with_hidden) == 29  # the study's share
    for report in corpus:
        by_position = {(s.start, s.end): s.category for s in report.spans}
        for mark in report.meta["hidden"]:
            assert by_position[(mark["start"], mark["end"])] == mark["category"]
            assert 4 <= mark["difficulty"] <= 9
            # Planted PHI lives in the prose after the header, not in it.
            assert report.text.find("\n\n") < mark["start"]


def test_meta_names_modality_facility_layout_and_seed(corpus):
    modalities = Counter(r.meta["modality"] for r in corpus)
    assert set(modalities) == {"CT", "MRI", "US", "XR"}
    assert modalities.most_common(1)[0][0] == "CT"
    assert {r.meta["facility_type"] for r in corpus} == {
        "university_hospital",
        "city_hospital",
        "clinic",
        "imaging_center",
    }
    assert {r.meta["layout"] for r in corpus} == {"labelled", "bracket_block", "one_line", "table"}
    assert {r.meta["seed"] for r in corpus} == {DEFAULT_SEED}


def test_a_name_outside_the_bmp_keeps_code_point_offsets(corpus):
    wide = [(r, s) for r, s in _spans(corpus, "PATIENT_NAME") if any(ord(ch) > 0xFFFF for ch in s.text)]
    assert any(r.split == "dev" for r, _ in wide) and any(r.split == "test" for r, _ in wide)
    report, span = wide[0]
    assert report.text[span.start : span.end] == span.text
    assert span.end - span.start == len(span.text)  # code points, not UTF-16 units


def test_shipped_corpus_equals_a_fresh_generation(tmp_path):
    fresh = tmp_path / "synthetic.jsonl"
    write_jsonl(generate_reports(), fresh)
    assert SHIPPED.exists(), f"{SHIPPED} is missing; run python -m phi_core.corpus.generator --out {SHIPPED}"
    assert SHIPPED.read_bytes() == fresh.read_bytes(), (
        "data/corpus/synthetic.jsonl differs from generate_reports(); do not edit it by hand. "
        "If the generator changed on purpose, regenerate it with "
        "python -m phi_core.corpus.generator --out data/corpus/synthetic.jsonl"
    )


def test_builder_records_offsets_by_code_point():
    builder = TextBuilder().add("氏名：").phi("𠮷田太郎", "PATIENT_NAME").add("（").phi("ヨシダ タロウ", "NAME_READING")
    text = builder.text
    assert [(s.start, s.end) for s in builder.spans] == [(3, 7), (8, 15)]
    assert all(text[s.start : s.end] == s.text for s in builder.spans)
    with pytest.raises(ValueError, match="unknown PHI category"):
        builder.phi("x", "NOT_A_CATEGORY")
    with pytest.raises(ValueError, match="surrounding blanks"):
        builder.phi(" 山田", "PATIENT_NAME")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1989, 1, 8), "平成元年1月8日"),
        (date(2019, 4, 30), "平成31年4月30日"),
        (date(2019, 5, 1), "令和元年5月1日"),
        (date(2024, 8, 6), "令和6年8月6日"),
    ],
)
def test_era_dates_switch_on_the_right_day(day, expected):
    assert format_date(day, "era") == expected


def test_taisho_dates_and_earlier_ones_refused():
    # The oldest patients of the styles corpus were born in Taisho.
    assert format_date(date(1926, 12, 24), "era") == "大正15年12月24日"
    assert format_date(date(1926, 12, 25), "era") == "昭和元年12月25日"
    with pytest.raises(ValueError, match="before the Taisho era"):
        era_of(date(1910, 1, 1))


def test_command_writes_the_requested_reports(tmp_path, capsys):
    out = tmp_path / "small.jsonl"
    assert generator_main(["--out", str(out), "--dev", "3", "--test", "2", "--seed", "5"]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5 and '"syn-test-002"' in lines[-1]
    assert '"reports": 5' in capsys.readouterr().out


def test_command_explains_a_missing_folder(tmp_path, capsys):
    assert generator_main(["--out", str(tmp_path / "nowhere" / "x.jsonl")]) == 2
    assert "does not exist" in capsys.readouterr().err
