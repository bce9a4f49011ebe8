"""`python -m phi_core figure ...` writes a figure file from the database."""

import io

import pytest
from PIL import Image

from phi_core.cli.figure_commands import EXPORT_FORMATS, FIGURE_NAMES
from phi_core.cli.main import main
from phi_core.figures.export import FORMATS, find_chromium
from phi_core.figures.registry import FIGURES, FigureRequest, build_figure
from phi_core.store import Store
from tests.figures.analysis_data import DATASET, populate

needs_chromium = pytest.mark.skipif(
    find_chromium() is None,
    reason="Chromium is not installed: run `make test` or `apt-get install chromium` to test figure export",
)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return str(populate(tmp_path_factory.mktemp("figure_cli") / "cli.duckdb", llm_runs=False))


def test_cli_lists_exactly_the_registered_figures():
    assert FIGURE_NAMES == tuple(FIGURES) and EXPORT_FORMATS == tuple(FORMATS)


@needs_chromium
def test_figure_writes_a_slide_sized_png_of_a_rules_run(db, tmp_path, capsys):
    # One export only: each command starts its own Chromium (seconds). PDF and SVG are checked in test_export.
    out = tmp_path / "scripts.out"
    code = main(
        [
            "figure",
            "script-recall",
            "--dataset",
            DATASET,
            "--split",
            "dev",
            "--format",
            "png",
            "--out",
            str(out),
            "--db",
            db,
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert Image.open(io.BytesIO(out.read_bytes())).size == (1920, 1080)
    assert "wrote" in capsys.readouterr().err


def test_every_registered_figure_builds_on_a_rules_only_database(db):
    with Store(db) as store:
        for name in FIGURES:
            fig = build_figure(store, name, FigureRequest(dataset=DATASET, split="dev", n_boot=50))
            assert fig.layout.title.text, name  # phases/threshold say why they are empty instead of failing


def test_user_mistakes_get_one_plain_line(db, tmp_path, capsys):
    assert main(["figure", "pareto", "--dataset", "nope", "--out", str(tmp_path / "a.png"), "--db", db]) == 2
    assert "no dataset called 'nope'" in capsys.readouterr().err
    assert main(["figure", "pareto", "--dataset", DATASET, "--out", str(tmp_path / "a.bmp"), "--db", db]) == 2
    assert "end the file name with" in capsys.readouterr().err
    assert (
        main(["figure", "pareto", "--dataset", DATASET, "--out", str(tmp_path / "a.png"), "--scale", "9", "--db", db])
        == 2
    )
    assert "out of range" in capsys.readouterr().err
