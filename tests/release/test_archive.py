"""The streaming archive reader: every format gives the same documents, bad input a clear message."""

import csv
import zipfile

import pytest

from phi_core.release.archive import ArchiveError, archive_digest, iter_documents

TEXTS = {"a": "患者名：山田太郎\n所見なし", "b": "MSH|^~\\&|RIS\nPID|1||123", "c": "Findings: none"}


def test_csv_zip_and_folder_give_the_same_documents(tmp_path):
    with open(tmp_path / "a.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "本文", "dept"])
        for key, text in TEXTS.items():
            writer.writerow([key, text, "rad"])
    folder = tmp_path / "docs"
    folder.mkdir()
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as archive:
        for key, text in TEXTS.items():
            archive.writestr(f"{key}.txt", text)
            (folder / f"{key}.txt").write_text(text, encoding="utf-8")
    from_csv = [(d.id, d.text, d.stratum) for d in iter_documents(tmp_path / "a.csv", column="dept")]
    assert from_csv == [(k, t, "rad") for k, t in TEXTS.items()]
    assert [d.text for d in iter_documents(tmp_path / "a.zip")] == list(TEXTS.values())
    assert [(d.id, d.text) for d in iter_documents(folder)] == [(f"{k}.txt", t) for k, t in TEXTS.items()]
    assert archive_digest(folder) == archive_digest(folder) != archive_digest(tmp_path / "a.zip")


def test_bad_input_says_what_to_do(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "ok"}\n{"id": 2}\n', encoding="utf-8")
    with pytest.raises(ArchiveError, match='line 2 .* has no "text"'):
        list(iter_documents(bad))
    with pytest.raises(ArchiveError, match="not a zip file"):
        list(iter_documents(tmp_path / "bad.jsonl", "zip"))
    with pytest.raises(ArchiveError, match="--format folder"):
        list(iter_documents(tmp_path, "jsonl"))
    other = tmp_path / "x.bin"
    other.write_bytes(b"\0")
    with pytest.raises(ArchiveError, match="cannot tell the format"):
        list(iter_documents(other))
    with pytest.raises(ArchiveError, match="no columns"):
        list(iter_documents(tmp_path, "folder", column="dept"))
