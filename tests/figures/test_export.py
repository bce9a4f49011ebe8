"""Exports through kaleido and the system Chromium give valid, slide-sized files."""

import io
import zipfile

import plotly.graph_objects as go
import pytest
from PIL import Image, ImageChops

from phi_core.figures.export import (
    ChromiumMissing,
    ExportError,
    FigureExporter,
    check_scale,
    find_chromium,
    format_from_path,
    safe_filename,
    zip_figures,
)
from phi_core.figures.theme import apply_theme

needs_chromium = pytest.mark.skipif(
    find_chromium() is None,
    reason="Chromium is not installed: run `make test` or `apt-get install chromium` to test figure export",
)


@pytest.fixture(scope="module")
def exporter():
    if find_chromium() is None:
        pytest.skip("Chromium is not installed: run `make test` or `apt-get install chromium`")
    with FigureExporter(timeout_s=30) as warm:
        yield warm


def bars(labels: list[str]) -> go.Figure:
    return apply_theme(go.Figure(go.Bar(x=labels, y=[3, 5, 4])), "export check")


@needs_chromium
def test_png_is_1920_by_1080_at_scale_1_and_doubles_at_scale_2(exporter):
    one = exporter.render(bars(["a", "b", "c"]), "png")
    two = exporter.render(bars(["a", "b", "c"]), "png", scale=2)
    assert one.startswith(b"\x89PNG\r\n\x1a\n")
    assert Image.open(io.BytesIO(one)).size == (1920, 1080)
    assert Image.open(io.BytesIO(two)).size == (3840, 2160)


@needs_chromium
def test_svg_and_pdf_are_valid_documents(exporter, tmp_path):
    svg = exporter.render(bars(["a", "b", "c"]), "svg")
    assert svg.lstrip().startswith(b"<svg") and b'width="1920"' in svg
    pdf_path = exporter.write(bars(["a", "b", "c"]), tmp_path / "out" / "chart.pdf")
    data = pdf_path.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")


def _dark_pixels(image: Image.Image) -> int:
    return sum(1 for p in image.get_flattened_data() if p < 128)


def _label_strip(exporter, labels: list[str]) -> Image.Image:
    png = exporter.render(bars(labels), "png")
    # Below the plot area (bottom margin at slide size): only the x tick labels are drawn there.
    return Image.open(io.BytesIO(png)).convert("L").crop((0, 975, 1920, 1080))


@needs_chromium
def test_japanese_labels_are_drawn_as_glyphs(exporter):
    latin = _label_strip(exporter, ["a", "b", "c"])
    japanese = _label_strip(exporter, ["患者氏名", "医師名前", "検査日時"])
    other_japanese = _label_strip(exporter, ["生年月日", "電話番号", "住所氏名"])
    assert _dark_pixels(japanese) > 3 * _dark_pixels(latin) > 0
    # Missing glyphs would all be the same empty box: different words of the same
    # length would then draw the same pixels. Real kanji differ.
    changed = ImageChops.difference(japanese, other_japanese).getbbox()
    assert changed is not None
    diff = ImageChops.difference(japanese, other_japanese)
    assert sum(1 for p in diff.get_flattened_data() if p > 64) > 300


@needs_chromium
def test_zip_holds_every_figure_in_every_format(exporter):
    data = zip_figures(
        {"リーダーボード": bars(["a", "b", "c"])},
        formats=("png", "svg"),
        exporter=exporter,
        extra_files={"table.csv": b"a,b\n"},
    )
    names = sorted(zipfile.ZipFile(io.BytesIO(data)).namelist())
    assert names == ["table.csv", "リーダーボード.png", "リーダーボード.svg"]


def test_missing_browser_explains_how_to_install(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    monkeypatch.delenv("PHI_CHROMIUM", raising=False)
    assert find_chromium() is None
    with pytest.raises(ChromiumMissing, match="apt-get install chromium") as error:
        FigureExporter().render(bars(["a", "b", "c"]), "png")
    assert "BROWSER_PATH='/nonexistent/chromium'" in str(error.value)


def test_user_mistakes_get_plain_errors():
    with pytest.raises(ExportError, match="end the file name with"):
        format_from_path("figure.bmp")
    with pytest.raises(ExportError, match="out of range"):
        check_scale(0)
    assert format_from_path("a/b.SVG") == "svg"
    assert safe_filename(" 患者/score: p3 ") == "患者_score_p3"
