"""The synthetic-styles corpus: shapes, guidelines and the shipped file."""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict

import pytest

from phi_core.corpus.generator.styles import (
    DEFAULT_STYLES_SEED,
    STYLES,
    generate_document,
    generate_styles_reports,
    styles_only_in_test,
)
from phi_core.corpus.generator.styles.doc import occurrences, propagates
from phi_core.corpus.generator.styles.format_names import FORMATS
from phi_core.corpus.importers import read_corpus
from phi_core.corpus.jsonl import write_jsonl
from phi_core.paths import DATA_DIR
from phi_core.taxonomy import CATEGORY_CODES

SHIPPED = DATA_DIR / "corpus" / "synthetic-styles.jsonl"
PERSON_CATEGORIES = {"PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT", "NAME_READING"}
HONORIFICS = ("様", "さん", "殿", "先生", "医師", "技師", "看護師", "氏")
TITLES = ("Dr.", "Dr ", "MD", "Ns.")
# Formats whose value may legitimately begin or end with a bracket.
BRACKETED_FORMATS = {"bracket phone", "month-day date"}


@pytest.fixture(scope="module")
def corpus():
    return generate_styles_reports()


def test_shipped_file_is_the_default_generation(corpus, tmp_path):
    fresh = tmp_path / "styles.jsonl"
    write_jsonl(corpus, fresh)
    assert fresh.read_bytes() == SHIPPED.read_bytes()


def test_same_seed_same_documents_and_other_seed_other_documents():
    style = STYLES["referral"]
    from faker import Faker

    first = generate_document(style, 7, "dev", DEFAULT_STYLES_SEED, Faker("ja_JP"))
    again = generate_document(style, 7, "dev", DEFAULT_STYLES_SEED, Faker("ja_JP"))
    other = generate_document(style, 7, "dev", DEFAULT_STYLES_SEED + 1, Faker("ja_JP"))
    assert first == again
    assert first.text != other.text


def test_a_document_does_not_depend_on_which_styles_come_before_it():
    alone = generate_styles_reports(2, styles=["nursing"])
    among = [r for r in generate_styles_reports(2, styles=["hl7", "nursing"]) if r.style == "nursing"]
    assert [r.text for r in alone] == [r.text for r in among]


def test_size_styles_and_splits(corpus):
    assert len(STYLES) >= 12 and len(corpus) >= 480
    per_style = Counter(r.style for r in corpus)
    assert set(per_style) == set(STYLES) and min(per_style.values()) >= 40
    dev_styles = {r.style for r in corpus if r.split == "dev"}
    unseen = {r.style for r in corpus if r.split == "test"} - dev_styles
    assert len(unseen) >= 3 and unseen == set(styles_only_in_test())
    assert len({r.id for r in corpus}) == len(corpus)


def test_every_span_slices_exactly_and_records_a_known_format(corpus):
    for report in corpus:
        for span in report.spans:
            assert report.text[span.start : span.end] == span.text
            assert span.category in CATEGORY_CODES
            assert span.format in FORMATS, (report.id, span)


def test_spans_never_overlap(corpus):
    for report in corpus:
        ordered = sorted(report.spans, key=lambda s: (s.start, s.end))
        for left, right in zip(ordered, ordered[1:]):
            assert left.end <= right.start, (report.id, left, right)


def test_edges_follow_the_guidelines(corpus):
    for report in corpus:
        for span in report.spans:
            value = span.text
            assert value == value.strip(), (report.id, value)
            assert not value.startswith("〒"), (report.id, value)
            if span.format not in BRACKETED_FORMATS:
                assert value[0] not in "（(「【[" and value[-1] not in "）)」】]", (report.id, value)
            if span.category in PERSON_CATEGORIES:
                assert not value.endswith(HONORIFICS) and not value.startswith(TITLES), (report.id, value)


def test_readings_are_separate_spans_beside_their_name(corpus):
    beside = 0
    for report in corpus:
        spans = sorted(report.spans, key=lambda s: s.start)
        for left, right in zip(spans, spans[1:]):
            if right.category == "NAME_READING" and left.category == "PATIENT_NAME":
                gap = report.text[left.end : right.start]
                if gap in ("（", "(", "【"):
                    beside += 1
                    closing = report.text[right.end]
                    assert closing in "）)】"
    assert beside >= 20


def test_every_occurrence_of_a_value_is_marked(corpus):
    for report in corpus:
        for span in report.spans:
            if not propagates(span):
                continue
            for start, end in occurrences(report.text, span.text):
                assert any(start < s.end and s.start < end for s in report.spans), (report.id, span.text, start)


REQUIRED_FORMATS = {
    "era date",
    "era first-year date",
    "era-abbreviated date",
    "era year",
    "western kanji date",
    "slash date",
    "ISO date",
    "two-digit-year date",
    "month-day date",
    "compact date",
    "English date",
    "US date",
    "full-width date",
    "HL7 timestamp",
    "colon time",
    "kanji time",
    "compact time",
    "kanji name",
    "hiragana name",
    "katakana name",
    "half-width katakana name",
    "romaji name",
    "romaji name, family first",
    "romaji initial and surname",
    "initials",
    "HL7 name",
    "DICOM name",
    "surname alone",
    "hyphen phone",
    "bracket phone",
    "international phone",
    "extension",
    "full-width phone",
    "address with postal code",
    "address without postal code",
    "address without prefecture",
    "address with building and room",
    "digit ID",
    "prefixed ID",
    "grouped ID",
    "full-width ID",
    "HL7 ID",
    "accession number",
    "specimen number",
    "room number",
    "bed number",
}


def test_the_value_formats_of_the_issue_all_occur(corpus):
    seen = Counter(span.format for report in corpus for span in report.spans)
    missing = REQUIRED_FORMATS - set(seen)
    assert not missing


def test_some_values_are_written_in_two_widths_in_one_report(corpus):
    reports = 0
    for report in corpus:
        by_folded = defaultdict(set)
        for span in report.spans:
            by_folded[(span.category, unicodedata.normalize("NFKC", span.text))].add(span.text)
        reports += any(len(texts) > 1 for texts in by_folded.values())
    assert reports >= 10


def test_people_share_surnames(corpus):
    shared_with_doctor = shared_with_relative = 0
    for report in corpus:
        surnames = defaultdict(set)
        for span in report.spans:
            if span.format == "surname alone":
                surnames[span.text].add(span.category)
        shared_with_doctor += any({"PATIENT_NAME", "PHYSICIAN_NAME"} <= c for c in surnames.values())
        relative = [s for s in report.spans if s.category == "EMERGENCY_CONTACT" and s.format == "surname alone"]
        shared_with_relative += bool(relative)
    assert shared_with_relative >= 10
    # A doctor and the patient with one family name, both written as a bare surname, or the doctor's.
    doctors_by_surname = sum(
        1
        for report in corpus
        for span in report.spans
        if span.category == "PHYSICIAN_NAME" and span.format == "surname alone"
    )
    assert doctors_by_surname >= 3 or shared_with_doctor >= 1


def test_distractor_documents_carry_few_or_no_phi(corpus):
    distractors = [r for r in corpus if r.style == "distractor"]
    assert sum(1 for r in distractors if not r.spans) >= len(distractors) // 3
    assert max(len(r.spans) for r in distractors) <= 3
    texts = "".join(r.text for r in distractors)
    for look_alike in ("橋本病", "Basedow病", "当院", "前医"):
        assert look_alike in texts
    for report in distractors:
        for span in report.spans:
            assert "病" not in span.text or span.category == "HOSPITAL_NAME"


def test_import_keeps_style_and_formats(tmp_path, corpus):
    sample = [r for r in corpus if r.id.endswith("-001")]
    path = tmp_path / "sample.jsonl"
    write_jsonl(sample, path)
    imported = read_corpus(path, "jsonl", dataset="s").reports
    assert [r.style for r in imported] == [r.style for r in sample]
    assert [[(s.start, s.end, s.category, s.format) for s in r.spans] for r in imported] == [
        [(s.start, s.end, s.category, s.format) for s in r.spans] for r in sample
    ]


def test_counts_below_two_per_style_and_unknown_styles_are_refused():
    with pytest.raises(ValueError, match="per_style"):
        generate_styles_reports(1)
    with pytest.raises(ValueError, match="unknown styles"):
        generate_styles_reports(2, styles=["fax"])


def test_no_template_placeholder_is_left_in_a_document(corpus):
    for report in corpus:
        assert not any(mark in report.text for mark in ("{int:", "{dec:", "{pick:", "{side}", "{other}")), report.id


def test_hl7_identifier_components_carry_no_unmarked_facility_code(corpus):
    for report in corpus:
        if report.style == "hl7":
            assert "^^^HOSP^" in report.text


def test_other_seeds_generate_without_error():
    # Every writer on every era and shape the random draws can reach, not only the shipped seed's.
    for seed in (1, 2, 3):
        reports = generate_styles_reports(6, seed=seed)
        assert len(reports) == 6 * len(STYLES)
        assert all(span.format in FORMATS for r in reports for span in r.spans)


def test_the_import_summary_counts_reports_per_style():
    from phi_core.first_start import STYLES_CORPUS_FILE

    summary = read_corpus(STYLES_CORPUS_FILE, "jsonl", dataset="s").summary
    assert summary.by_style == {key: 40 for key in sorted(STYLES)}
    assert summary.reports == 40 * len(STYLES) and not summary.errors
