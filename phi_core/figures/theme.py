"""The one look every figure shares: fonts, colours, sizes.

Figures are built at screen size for the app; :func:`presentation_copy` makes
the 1920x1080 slide version with larger text. Category colours come from the
taxonomy so that a category has the same colour in every chart and in the
annotator. The font list starts with Japanese-capable families because
labels, report excerpts and category names are often Japanese; Chromium uses
the first family it has, so exports render kana and kanji instead of boxes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import plotly.graph_objects as go
import plotly.io as pio

from phi_core.taxonomy import CATEGORY_BY_CODE

FONT_FAMILY = "IPAPGothic, IPAGothic, IPAexGothic, Noto Sans CJK JP, Noto Sans JP, Hiragino Sans, Meiryo, sans-serif"
TEMPLATE_NAME = "phi_presentation"

PRESENTATION_WIDTH = 1920
PRESENTATION_HEIGHT = 1080

# Base and title font sizes (px) for the screen and the slide version.
SCREEN_FONT, SCREEN_TITLE = 14, 20
SLIDE_FONT, SLIDE_TITLE = 26, 38

# Okabe-Ito without black and yellow (poor on white), then Tol's muted set:
# distinguishable for the common colour-vision deficiencies.
SERIES_COLORS: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#332288",
    "#117733",
    "#882255",
    "#44AA99",
    "#999933",
    "#AA4499",
)
REFERENCE_COLOR = "#8C8C8C"  # numbers reported by the paper, never our measurements
REFERENCE_PATTERN = "/"
REFERENCE_LABEL = "reported by the paper"
REFERENCE_LABEL_JA = "論文の報告値"
GRID_COLOR = "#E5E5E5"
FRONT_COLOR = "#D55E00"
# Sequential scales that stay readable in grey and for colour-blind readers.
SEQUENTIAL_SCALE = "Cividis"
COUNT_SCALE = "Blues"

ERROR_TYPE_COLORS: dict[str, str] = {
    "missed": "#D55E00",
    "spurious": "#0072B2",
    "boundary": "#E69F00",
    "wrong_category": "#CC79A7",
    "impure": "#009E73",
    "not_in_text": "#8C8C8C",
}
ERROR_TYPE_LABELS: dict[str, str] = {
    "missed": "missed",
    "spurious": "spurious",
    "boundary": "boundary off",
    "wrong_category": "wrong category",
    "impure": "impure value",
    "not_in_text": "not in the text",
}


# Legends stand right of the plot, top-aligned: below the plot they collide
# with the x-axis title, above it with the title and annotations.
SIDE_LEGEND = dict(orientation="v", x=1.02, xanchor="left", y=1, yanchor="top")


def _template() -> go.layout.Template:
    template = go.layout.Template()
    template.layout = go.Layout(
        font=dict(family=FONT_FAMILY, size=SCREEN_FONT, color="#222222"),
        title=dict(font=dict(size=SCREEN_TITLE), x=0.01, xanchor="left"),
        colorway=list(SERIES_COLORS),
        paper_bgcolor="white",
        plot_bgcolor="white",
        hoverlabel=dict(font=dict(family=FONT_FAMILY)),
        legend=dict(bgcolor="rgba(255,255,255,0.8)"),
        xaxis=dict(gridcolor=GRID_COLOR, zeroline=False, linecolor="#888888", ticks="outside", automargin=True),
        yaxis=dict(gridcolor=GRID_COLOR, zeroline=False, linecolor="#888888", ticks="outside", automargin=True),
        margin=dict(l=80, r=40, t=80, b=70),
    )
    return template


pio.templates[TEMPLATE_NAME] = _template()


def apply_theme(fig: go.Figure, title: str | None = None) -> go.Figure:
    fig.update_layout(template=TEMPLATE_NAME)
    if title is not None:
        fig.update_layout(title_text=title)
    return fig


def presentation_copy(fig: go.Figure, width: int = PRESENTATION_WIDTH, height: int = PRESENTATION_HEIGHT) -> go.Figure:
    """A copy sized for a slide: fixed pixel size and every font scaled up."""
    slide = go.Figure(fig)
    factor = SLIDE_FONT / SCREEN_FONT
    slide.update_layout(
        width=width,
        height=height,
        font_size=SLIDE_FONT,
        title_font_size=SLIDE_TITLE,
        margin=dict(l=140, r=60, t=130, b=110),
    )
    for annotation in slide.layout.annotations or ():
        if annotation.font.size:
            annotation.font.size = annotation.font.size * factor
    for trace in slide.data:  # text written on bars and cells
        if getattr(trace, "textfont", None) is not None and trace.textfont.size:
            trace.textfont.size = trace.textfont.size * factor
    return slide


def reference_label(language: str = "en") -> str:
    return REFERENCE_LABEL_JA if language == "ja" else REFERENCE_LABEL


def category_color(code: str) -> str:
    category = CATEGORY_BY_CODE.get(code)
    return category.color if category else REFERENCE_COLOR


def category_name(code: str, language: str = "en") -> str:
    """Display name of a category; unknown labels (coarse or invented) stay as they are."""
    category = CATEGORY_BY_CODE.get(code)
    if category is None:
        return str(code)
    return category.name_ja if language == "ja" else category.name_en


def category_tick(code: str, language: str = "en") -> str:
    """Axis label with a square in the category's colour (Plotly renders the span style)."""
    return f"<span style='color:{category_color(code)}'>■</span> {category_name(code, language)}"


def series_colors(names: Iterable[str]) -> dict[str, str]:
    """A stable colour per series name, in first-seen order."""
    ordered = list(dict.fromkeys(names))
    return {name: SERIES_COLORS[i % len(SERIES_COLORS)] for i, name in enumerate(ordered)}


def category_order(codes: Sequence[str]) -> list[str]:
    """Taxonomy display order first, then any other labels alphabetically."""
    known = [c for c in CATEGORY_BY_CODE if c in set(codes)]
    return known + sorted({c for c in codes if c not in CATEGORY_BY_CODE}, key=str)
