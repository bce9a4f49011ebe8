"""Issue 20 for deid: size limits, safe member names, owner-only files, no overwrite without --force."""

import io
import json
import stat
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from phi_core.cli.main import main
from phi_core.deid.limits import DeidInputError, read_bounded, safe_relative_name
from phi_core.deid.stream import checkpoint
from phi_core.deid.stream.sample import write_jsonl_archive

TEXT = "患者名：山田太郎\n電話：03-1234-5678\n"


def _deid(source, out, *extra, mode="tags"):
    return main(
        ["deid", "--pipeline", "rules", "--in", str(source), "--mode", mode, "--out", str(out), "--no-progress", *extra]
    )


def _mode(path):
    return stat.S_IMODE(Path(path).stat().st_mode)


def _jsonl(tmp_path, n=3):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": f"d{i}", "text": TEXT}) + "\n" for i in range(n)), encoding="utf-8")
    return source


def test_a_zip_member_over_the_limit_is_refused_before_it_is_read(tmp_path, capsys, monkeypatch):
    source = tmp_path / "bomb.zip"
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ok.txt", TEXT)
        archive.writestr("big.txt", b"0" * (3 * 1024 * 1024))  # 3 MiB that deflate to a few KiB
    opened = []
    real_open = zipfile.ZipFile.open
    monkeypatch.setattr(
        zipfile.ZipFile, "open", lambda self, name, *a, **k: opened.append(name) or real_open(self, name, *a, **k)
    )
    out = tmp_path / "out.zip"
    assert _deid(source, out, "--max-document-bytes", str(1024 * 1024)) == 2
    err = capsys.readouterr().err
    assert "big.txt" in err and "limit" in err
    assert opened == [] and not out.exists()


def test_reads_are_bounded_even_when_a_header_lies():
    assert read_bounded(io.BytesIO(b"x" * 10), 10, "m") == b"x" * 10
    with pytest.raises(DeidInputError, match="limit"):
        read_bounded(io.BytesIO(b"x" * 11), 10, "m")


def test_a_jsonl_line_and_a_text_file_over_the_limit_are_refused(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "x" * 5000}) + "\n", encoding="utf-8")
    assert _deid(source, tmp_path / "o.jsonl", "--max-document-bytes", "1000") == 2
    assert "line 1" in capsys.readouterr().err
    big = tmp_path / "big.txt"
    big.write_text("y" * 5000, encoding="utf-8")
    assert _deid(big, tmp_path / "o.txt", "--max-document-bytes", "1000") == 2
    assert "limit" in capsys.readouterr().err


@pytest.mark.parametrize(
    "name, safe",
    [
        ("../../x.txt", "x.txt"),
        ("/tmp/x.txt", "tmp/x.txt"),
        ("a/../../b.txt", "a/b.txt"),
        ("C:\\w\\y.txt", "w/y.txt"),
        ("..", "document.txt"),
    ],
)
def test_member_names_become_safe_relative_names(name, safe):
    assert safe_relative_name(name) == safe


def test_unsafe_zip_members_stay_inside_the_output(tmp_path):
    source = tmp_path / "in.zip"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("../../evil.txt", TEXT)
        archive.writestr("/tmp/abs.txt", TEXT)
    out = tmp_path / "out.zip"
    assert _deid(source, out) == 0
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
    assert sorted(names) == ["evil.txt", "tmp/abs.txt"]
    assert all(not n.startswith("/") and ".." not in n.split("/") for n in names)
    folder_out = tmp_path / "as-folder"
    folder_in = tmp_path / "folder-in"
    folder_in.mkdir()
    (folder_in / "r.txt").write_text(TEXT, encoding="utf-8")
    assert _deid(folder_in, folder_out) == 0
    assert [p.name for p in folder_out.iterdir()] == ["r.txt"] and _mode(folder_out / "r.txt") == 0o600


def test_output_and_mapping_are_owner_only(tmp_path):
    out, mapping = tmp_path / "o.jsonl", tmp_path / "m.csv"
    assert _deid(_jsonl(tmp_path), out, "--mapping", str(mapping)) == 0
    assert _mode(out) == 0o600 and _mode(mapping) == 0o600
    assert "山田太郎" in mapping.read_text(encoding="utf-8") and "山田太郎" not in out.read_text(encoding="utf-8")


def test_existing_files_are_kept_without_force(tmp_path, capsys):
    source = _jsonl(tmp_path)
    out, mapping = tmp_path / "o.jsonl", tmp_path / "m.csv"
    out.write_text("someone else's file", encoding="utf-8")
    assert _deid(source, out) == 2
    assert "--force" in capsys.readouterr().err and out.read_text(encoding="utf-8") == "someone else's file"
    mapping.write_text("old mapping", encoding="utf-8")
    assert _deid(source, tmp_path / "o2.jsonl", "--mapping", str(mapping)) == 2
    assert mapping.read_text(encoding="utf-8") == "old mapping" and not (tmp_path / "o2.jsonl").exists()
    out.chmod(0o644)
    assert _deid(source, out, "--force") == 0
    assert out.read_text(encoding="utf-8").count("\n") == 3 and _mode(out) == 0o600


def test_another_jobs_partial_output_is_not_resumed_or_replaced(tmp_path, capsys):
    source = _jsonl(tmp_path)
    out = tmp_path / "o.jsonl"
    out.write_text('{"id": "d0", "text": "partial"}\n', encoding="utf-8")
    checkpoint.save(out, {"job": {"input": "another"}, "documents": 1, "position": None, "out": {"offset": 0}})
    assert _deid(source, out) == 2
    assert "another de-identification job" in capsys.readouterr().err
    assert "partial" in out.read_text(encoding="utf-8")
    assert _deid(source, out, mode="redact") == 2  # nor by this job under other options
    assert _deid(source, out, "--force") == 0 and not checkpoint.progress_path(out).exists()


def test_the_output_may_not_be_the_input(tmp_path, capsys):
    source = _jsonl(tmp_path)
    before = source.read_bytes()
    assert _deid(source, source, "--force") == 2
    assert "input" in capsys.readouterr().err and source.read_bytes() == before
    assert _deid(source, tmp_path / "o.jsonl", "--mapping", str(source), "--force") == 2
    assert source.read_bytes() == before


def test_surrogate_mode_needs_a_key_and_the_key_file_is_owner_only(tmp_path, capsys):
    source = _jsonl(tmp_path)
    assert _deid(source, tmp_path / "o.jsonl", mode="surrogate") == 2
    assert "deid-key new" in capsys.readouterr().err
    key = tmp_path / "k.key"
    assert main(["deid-key", "new", "--out", str(key)]) == 0
    assert _mode(key) == 0o600
    assert main(["deid-key", "new", "--out", str(key)]) == 2  # never replaced by accident
    assert _deid(source, tmp_path / "o.jsonl", "--key", str(key), mode="surrogate") == 0
    key.chmod(0o644)
    assert _deid(source, tmp_path / "o3.jsonl", "--key", str(key), mode="surrogate") == 2
    assert "chmod 600" in capsys.readouterr().err


def test_memory_stays_flat_on_an_archive_many_times_larger(tmp_path, monkeypatch):
    """Traced Python memory of a whole job, on archives of 1,000 and 10,000 documents (about 12 MB)."""
    import re

    from phi_core.deid import job as deid_job
    from phi_core.deid.modes import FoundSpan
    from phi_core.deid.stream.engine import ArchiveJob, run_archive
    from phi_core.deid.stream.readers import Source
    from phi_core.deid.stream.work import WorkSpec
    from phi_core.deid.keys import new_key
    from phi_core.pipelines import make_pipeline

    digits = re.compile(r"[0-9]{2,}")
    # A fast stand-in detector: this test is about the stream, not the rules' speed.
    monkeypatch.setattr(
        deid_job,
        "pipeline_detector",
        lambda pipeline, store=None: (
            lambda text: [FoundSpan(m.start(), m.end(), "OTHER_ID", "x") for m in digits.finditer(text)]
        ),
    )
    peaks = []
    for n in (1_000, 10_000):
        source = write_jsonl_archive(tmp_path / f"in{n}.jsonl", n)
        job = ArchiveJob(
            Source(source, "jsonl", 1 << 20, patient_key="patient"),
            tmp_path / f"out{n}.jsonl",
            WorkSpec(make_pipeline("rules", ["rules"]), "surrogate", new_key()),
            mapping=tmp_path / f"map{n}.csv",
            progress=False,
        )
        tracemalloc.start()
        run_archive(job)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        size = source.stat().st_size
    assert size > 10e6
    assert peaks[1] < size / 5, (peaks, size)  # the archive is several times larger than the job's memory
    assert peaks[1] < 1.5 * peaks[0] + 1e6, peaks  # ten times the documents, about the same memory


def test_the_pages_zip_reader_has_the_same_limits_and_names():
    from phi_core.deid.io import read_documents

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("../../x.txt", TEXT)
        archive.writestr("/abs/y.txt", TEXT)
    docs = read_documents(buffer.getvalue(), "up.zip", "zip")
    assert sorted(d.id for d in docs) == ["abs/y.txt", "x.txt"]
    big = io.BytesIO()
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.txt", b"0" * 4096)
    with pytest.raises(DeidInputError, match="limit"):
        read_documents(big.getvalue(), "up.zip", "zip", max_bytes=1024)
