"""Japanese legacy encodings, lone surrogates, numbers as span text, and the summary's new counts."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from phi_core.corpus.importers import CorpusFormatError, read_corpus
from phi_core.corpus.importers.encoding import EncodingError, decode
from phi_core.ui.transfer import TransferError, preview_import

ROOT = Path(__file__).resolve().parents[2]
TEXT = "氏名：山田 太郎（やまだ たろう）\n患者ID：P-001\n胸部CTにて異常なし。ｶﾀｶﾅ半角も含む。"
NAME = "山田 太郎"
ENCODINGS = {"cp932": "CP932 (Shift_JIS)", "euc_jp": "EUC-JP", "utf-8": "UTF-8"}


def jsonl_record() -> dict:
    start = TEXT.index(NAME)
    return {
        "id": "r1",
        "text": TEXT,
        "split": "dev",
        "status": "silver",
        "spans": [{"start": start, "end": start + len(NAME), "category": "PATIENT_NAME", "text": NAME}],
    }


def jsonl_bytes(encoding: str) -> bytes:
    return (json.dumps(jsonl_record(), ensure_ascii=False) + "\n").encode(encoding)


def paper_bytes(encoding: str) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(["report_text", "phi_items"])
    writer.writerow(
        [
            TEXT.replace("\n", "\\n"),
            json.dumps({"phi_items": [{"type": "Patient Name", "value": NAME}]}, ensure_ascii=False),
        ]
    )
    return out.getvalue().encode(encoding)


@pytest.mark.parametrize("encoding", list(ENCODINGS))
@pytest.mark.parametrize("fmt, make", [("jsonl", jsonl_bytes), ("paper-csv", paper_bytes)])
def test_each_encoding_is_detected_and_named(tmp_path, encoding, fmt, make):
    path = tmp_path / "in.data"
    path.write_bytes(make(encoding))
    result = read_corpus(path, fmt, dataset="d")
    assert result.summary.encoding == ENCODINGS[encoding]
    report = result.reports[0]
    assert report.text == TEXT
    assert [(s.category, s.text) for s in report.spans] == [("PATIENT_NAME", NAME)]


@pytest.mark.parametrize("encoding", ["cp932", "euc_jp"])
def test_forcing_the_encoding(tmp_path, encoding):
    path = tmp_path / "in.jsonl"
    path.write_bytes(jsonl_bytes(encoding))
    assert read_corpus(path, "jsonl", dataset="d", encoding=encoding).reports[0].text == TEXT
    wrong = "euc_jp" if encoding == "cp932" else "utf-8"
    with pytest.raises(CorpusFormatError, match="not .* text"):
        read_corpus(path, "jsonl", dataset="d", encoding=wrong)


def test_an_unknown_encoding_name_is_refused():
    with pytest.raises(EncodingError, match="not a text encoding"):
        decode(b"abc", "klingon-8")


def test_bytes_in_no_known_encoding_are_refused_with_advice():
    with pytest.raises(EncodingError, match="save it as UTF-8, or name its encoding"):
        decode(bytes([0xFF, 0xFE, 0x80, 0x81, 0xFF]) * 4)


@pytest.mark.parametrize("encoding", ["cp932", "euc_jp"])
def test_the_workbench_upload_detects_it_too(encoding):
    preview = preview_import(jsonl_bytes(encoding), "ward.jsonl", "jsonl", "ward", None)
    assert ("encoding", ENCODINGS[encoding]) in preview.summary_rows
    forced = preview_import(jsonl_bytes(encoding), "ward.jsonl", "jsonl", "ward", None, encoding=encoding)
    assert forced.result.reports[0].text == TEXT


def test_the_command_line_names_the_encoding_and_accepts_encoding(tmp_path):
    path = tmp_path / "sjis.jsonl"
    path.write_bytes(jsonl_bytes("cp932"))
    for extra in ([], ["--encoding", "cp932"]):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "phi_core",
                "import",
                str(path),
                "--format",
                "jsonl",
                "--dataset",
                "x",
                "--dry-run",
                *extra,
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["encoding"] == "CP932 (Shift_JIS)"


def test_a_lone_surrogate_is_refused_plainly(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "r1", "text": "abc \\ud800 def"}\n', encoding="utf-8")
    with pytest.raises(CorpusFormatError, match="lone surrogate"):
        read_corpus(path, "jsonl", dataset="d")


def test_upload_errors_name_the_upload_never_the_temporary_copy():
    data = b'{"id": "r1", "text": "abc \\ud800"}\n{"id": "r1", "text": "x"}\n'
    with pytest.raises(TransferError) as caught:
        preview_import(data, "ward.jsonl", "jsonl", "ward", None)
    assert "ward.jsonl" in str(caught.value) and "phi-import-" not in str(caught.value)
    with pytest.raises(TransferError) as caught:
        preview_import(b'{"id": 1}\nnot json\n', "ward.jsonl", "jsonl", "ward", None)
    assert "ward.jsonl" in str(caught.value) and "phi-import-" not in str(caught.value)


def test_a_span_whose_text_is_a_number_is_taken_as_its_digits(tmp_path):
    record = {
        "id": "r1",
        "text": "年齢 45 歳",
        "spans": [
            {"start": 3, "end": 5, "category": "AGE", "text": 45},
            {"start": 0, "end": 2, "category": "AGE", "text": ["x"]},
        ],
    }
    path = tmp_path / "n.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    report = read_corpus(path, "jsonl", dataset="d").reports[0]
    assert [(s.start, s.end, s.text) for s in report.spans if s.text == "45"] == [(3, 5, "45")]


def test_summary_counts_unreadable_label_cells_and_overlapping_spans(tmp_path):
    path = tmp_path / "p.csv"
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(["report_text", "phi_items"])
    writer.writerow(["山田太郎 検査", "{not json at all"])
    writer.writerow(["山田太郎 検査", json.dumps([{"type": "Patient Name", "value": "山田太郎"}], ensure_ascii=False)])
    path.write_text(out.getvalue(), encoding="utf-8")
    summary = read_corpus(path, "paper-csv", dataset="d").summary
    assert summary.unreadable_label_cells == 1

    text = "山田太郎検査"
    record = {
        "id": "r1",
        "text": text,
        "spans": [{"start": 0, "end": 3, "category": "PATIENT_NAME"}, {"start": 2, "end": 5, "category": "EXAM_DATE"}],
    }
    jsonl = tmp_path / "o.jsonl"
    jsonl.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert read_corpus(jsonl, "jsonl", dataset="d").summary.overlapping_spans == 1
