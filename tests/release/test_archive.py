"""Reading an archive for `sample` (deid's stream readers): every format gives the same documents,
bad input a clear message, and deid's limits hold."""

import csv
import json
import zipfile

import pytest

from phi_core.deid.limits import DeidInputError
from phi_core.release.sampling import archive_digest, draw_sample, read_archive

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
    from_csv = [(d.id, d.text, d.patient) for d in read_archive(tmp_path / "a.csv", "csv", column="dept")]
    assert from_csv == [(k, t, "rad") for k, t in TEXTS.items()]
    assert [d.text for d in read_archive(tmp_path / "a.zip", "zip")] == list(TEXTS.values())
    assert [(d.id, d.text) for d in read_archive(folder, "folder")] == [(f"{k}.txt", t) for k, t in TEXTS.items()]
    assert archive_digest(folder) == archive_digest(folder) != archive_digest(tmp_path / "a.zip")


def test_jsonl_keeps_the_style_and_the_stratum_column(tmp_path):
    path = tmp_path / "a.ndjson"
    rows = [{"id": "x", "text": "t1", "style": "ct", "site": "A"}, {"id": "y", "text": "t2", "site": 3}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    docs = list(read_archive(path, "jsonl", column="site"))
    assert [(d.id, d.patient, d.extra["style"]) for d in docs] == [("x", "A", "ct"), ("y", "3", None)]
    result = draw_sample(path, 2, strata="column:site")
    assert {(d.id, d.kind, d.style) for d in result.documents} == {("x", "A", "ct"), ("y", "3", None)}


def test_bad_input_says_what_to_do(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "ok"}\n{"id": 2}\n', encoding="utf-8")
    with pytest.raises(DeidInputError, match='line 2 .* has no "text"'):
        list(read_archive(bad, "jsonl"))
    with pytest.raises(DeidInputError, match="not a zip file"):
        list(read_archive(bad, "zip"))
    with pytest.raises(DeidInputError, match="--format folder"):
        list(read_archive(tmp_path, "jsonl"))
    other = tmp_path / "x.bin"
    other.write_bytes(b"\0")
    with pytest.raises(DeidInputError, match="cannot tell the format"):
        draw_sample(other, 1)
    with pytest.raises(DeidInputError, match="no columns"):
        list(read_archive(tmp_path, "folder", column="dept"))
    with pytest.raises(DeidInputError, match="no column 'dept'"):
        (tmp_path / "a.csv").write_text("id,text\n1,x\n", encoding="utf-8")
        list(read_archive(tmp_path / "a.csv", "csv", column="dept"))


def test_deid_limits_hold_for_sample(tmp_path, monkeypatch):
    monkeypatch.setenv("PHI_DEID_MAX_DOCUMENT_BYTES", "100")
    big = tmp_path / "big.jsonl"
    big.write_text(json.dumps({"id": "1", "text": "x" * 200}) + "\n", encoding="utf-8")
    with pytest.raises(DeidInputError, match="more than the limit"):
        draw_sample(big, 1)
    monkeypatch.delenv("PHI_DEID_MAX_DOCUMENT_BYTES")
    with zipfile.ZipFile(tmp_path / "evil.zip", "w") as archive:
        archive.writestr("../../escape.txt", "a")
        archive.writestr("/abs/b.txt", "b")
    assert sorted(d.id for d in read_archive(tmp_path / "evil.zip", "zip")) == ["abs/b.txt", "escape.txt"]
