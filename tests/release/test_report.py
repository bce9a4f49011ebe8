"""The release report: sections, versions, escaping, the PDF's Japanese font; the commands around it."""

import json
import shutil

import pytest

from phi_core.cli.main import main
from phi_core.extractors.rules import VERSION
from phi_core.release.report import SECTIONS, build_report
from phi_core.release.versions import project_version
from phi_core.store import Store
from tests.release.archives import write_archive


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    archive = folder / "archive.jsonl"
    write_archive(archive, {"hl7": 120, "csv": 60, "prose": 20})
    path = folder / "r.duckdb"
    assert main(["init", "--db", str(path), "--no-seed"]) == 0
    assert (
        main(["sample", "--in", str(archive), "--n", "40", "--dataset", "ward <b>", "--seed", "5", "--db", str(path)])
        == 0
    )
    with Store(path) as store:
        # Stand-in for annotators approving the corrected labels.
        store.con.execute("UPDATE reports SET status = 'approved' WHERE dataset = 'ward <b>'")
    assert main(["run", "--backend", "rules", "--phase", "1", "--dataset", "ward <b>", "--db", str(path)]) == 0
    assert main(["pipeline", "score", "rules", "--dataset", "ward <b>", "--db", str(path)]) == 0
    return path, archive


def test_report_has_its_sections_versions_and_escapes_names(db):
    path, _ = db
    with Store(path) as store:
        report = build_report(store, "", "ward <b>", "rules")
        info = store.sample_info("ward <b>")
    page = report.html
    for section in SECTIONS:
        assert f'id="{section}"' in page
    assert "ward &lt;b&gt;" in page and "ward <b>" not in page
    assert VERSION in page and project_version() in page and info["archive_digest"] in page
    assert report.data["versions"]["dataset_digest"] in page
    assert "seed" in page and "40" in page and "k-means" in page
    assert report.data["decision"]["verdict"] in ("passes", "fails", "undecided")
    assert report.data["decision"]["weighted_by_kind"] is True
    ja = build_report(store := Store(path), "", "ward <b>", "rules", language="ja").html
    store.close()
    assert "公開判定報告書" in ja and "確認していないこと" in ja


def test_leak_json_carries_the_release_decision(db, capsys):
    path, _ = db
    capsys.readouterr()
    assert main(["leak", "--dataset", "ward <b>", "--json", "--db", str(path)]) == 0
    runs = json.loads(capsys.readouterr().out)["runs"]
    release = runs[0]["release"]
    assert release["weighted_by_kind"] and release["overall"]["advice_ja"] and release["overall"]["advice_en"]
    assert {c["key"] for c in release["overall"]["criteria"]} >= {"char_rate", "category:PATIENT_NAME"}
    assert all("upper" in c for c in release["overall"]["criteria"]) and release["kinds"]


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs chromium (scripts/install_system_deps.sh)")
def test_pdf_embeds_a_japanese_font(db, tmp_path):
    path, _ = db
    out = tmp_path / "report.pdf"
    assert (
        main(
            [
                "release-report",
                "--dataset",
                "ward <b>",
                "--pipeline",
                "rules",
                "--out",
                str(out),
                "--lang",
                "ja",
                "--db",
                str(path),
            ]
        )
        == 0
    )
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"FontFile2" in data and b"IPA" in data
    assert (out.stat().st_mode & 0o077) == 0  # owner-only
    assert (
        main(["release-report", "--dataset", "ward <b>", "--pipeline", "rules", "--out", str(out), "--db", str(path)])
        != 0
    )
