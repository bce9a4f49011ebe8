"""Download helpers for the analysis pages: figures as PNG/SVG/PDF, tables as CSV, all as a zip.

Images are made only when a button is clicked (Streamlit's deferred
downloads), so drawing a page never starts a browser. When Chromium is
missing the buttons are disabled with the reason, and Plotly's own camera
button (configured for 1920x1080) still saves a PNG from the user's browser.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from phi_core.files import safe_frame
from phi_core.figures.export import FORMATS, export_available, figure_bytes, safe_filename, zip_figures
from phi_core.figures.theme import PRESENTATION_HEIGHT, PRESENTATION_WIDTH
from phi_core.ui.i18n import tr
from phi_core.ui import plain

SCALE_KEY = "fig_export_scale"
SCALES = (1.0, 1.5, 2.0, 3.0)


@st.cache_data(ttl=60, show_spinner=False)
def _availability() -> tuple[bool, str]:
    return export_available()


def export_scale() -> float:
    return float(st.session_state.get(SCALE_KEY, 1.0))


def plotly_config(name: str) -> dict:
    """Chart options: the camera button saves a slide-sized PNG in the browser itself."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {
            "format": "png",
            "filename": safe_filename(name),
            "width": PRESENTATION_WIDTH,
            "height": PRESENTATION_HEIGHT,
            "scale": 1,
        },
    }


def _render(fig: go.Figure, fmt: str, scale: float) -> Callable[[], bytes]:
    return lambda: figure_bytes(fig, fmt, scale=scale)


def figure_download_buttons(fig: go.Figure, name: str, *, key: str) -> None:
    """PNG, SVG and PDF buttons in one row under a chart."""
    available, reason = _availability()
    scale = export_scale()
    columns = st.columns([1, 1, 1, 5])
    for column, fmt in zip(columns, FORMATS):
        column.download_button(
            fmt.upper(),
            data=_render(fig, fmt, scale),
            file_name=f"{safe_filename(name)}.{fmt}",
            mime=FORMATS[fmt].mime,
            key=f"{key}_dl_{fmt}",
            disabled=not available,
            icon=":material/download:",
            help=(
                f"{PRESENTATION_WIDTH * scale:.0f}x{PRESENTATION_HEIGHT * scale:.0f} px"
                if fmt == "png"
                else tr("vector, for slides and papers", "ベクター形式（スライド・論文用）")
            )
            if available
            else reason,
        )


def csv_bytes(frame: pd.DataFrame) -> bytes:
    # UTF-8 with BOM so that Excel on Japanese Windows opens kana and kanji correctly.
    return safe_frame(frame).to_csv(index=False).encode("utf-8-sig")


def table_download(frame: pd.DataFrame, name: str, *, key: str) -> None:
    # Written when clicked: a study-sized table costs tenths of a second to write on every rerun.
    st.download_button(
        "CSV",
        data=lambda: csv_bytes(frame),
        file_name=f"{safe_filename(name)}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        icon=":material/table_view:",
    )


class PageExports:
    """Collects a page's figures and tables so one button can zip them all.

    A part of the page that is not drawn (a closed tab or expander) still
    belongs in the zip: :meth:`later` registers how to make it, and it is made
    only when the zip is asked for.
    """

    def __init__(self, page: str):
        self.page = page
        self.figures: dict[str, go.Figure] = {}
        self.tables: dict[str, pd.DataFrame] = {}
        self._later_figures: dict[str, Callable[[], go.Figure]] = {}
        self._later_tables: dict[str, Callable[[], pd.DataFrame]] = {}

    def later(
        self,
        *,
        figures: dict[str, Callable[[], go.Figure]] | None = None,
        tables: dict[str, Callable[[], pd.DataFrame]] | None = None,
    ) -> None:
        """Figures and tables of a part not drawn now, made only if the zip is downloaded."""
        for name, build in (figures or {}).items():
            if name not in self.figures:
                self._later_figures[name] = build
        for name, build in (tables or {}).items():
            if name not in self.tables:
                self._later_tables[name] = build

    def chart(
        self,
        fig: go.Figure,
        name: str,
        *,
        key: str,
        on_select: str | None = None,
        selection_mode: tuple[str, ...] = ("points",),
    ):
        """Draw a chart with its download buttons; returns the selection event when on_select is given."""
        self.figures[name] = fig
        options = dict(config=plotly_config(name), theme=None, key=key, width="stretch")
        if on_select:
            event = st.plotly_chart(fig, on_select=on_select, selection_mode=selection_mode, **options)
        else:
            event = st.plotly_chart(fig, **options)
        figure_download_buttons(fig, name, key=key)
        return event

    def table(self, frame: pd.DataFrame, name: str, *, key: str, **dataframe_options) -> None:
        self.tables[name] = frame
        st.dataframe(frame, hide_index=True, key=f"{key}_table", **dataframe_options)
        table_download(frame, name, key=key)

    def export_all(self) -> None:
        """Scale choice plus one zip of every figure (PNG, SVG, PDF) and table (CSV) on the page."""
        available, reason = _availability()
        with st.container(border=True):
            left, right = st.columns([2, 3])
            left.selectbox(
                tr("PNG scale", "PNGの倍率"),
                SCALES,
                key=SCALE_KEY,
                format_func=lambda s: f"×{s:g} ({PRESENTATION_WIDTH * s:.0f}×{PRESENTATION_HEIGHT * s:.0f})",
            )
            figures, tables, scale = dict(self.figures), dict(self.tables), export_scale()
            later_figures = {n: b for n, b in self._later_figures.items() if n not in figures}
            later_tables = {n: b for n, b in self._later_tables.items() if n not in tables}
            n_figures, n_tables = len(figures) + len(later_figures), len(tables) + len(later_tables)

            def zipped() -> bytes:
                every_figure = {**figures, **{n: build() for n, build in later_figures.items()}}
                every_table = {**tables, **{n: build() for n, build in later_tables.items()}}
                extra = {f"{safe_filename(n)}.csv": csv_bytes(t) for n, t in every_table.items()}
                return zip_figures(every_figure, scale=scale, extra_files=extra)

            right.download_button(
                tr(
                    f"Export all figures on this page ({n_figures} figures, {n_tables} tables) as zip",
                    f"このページの図表をすべてzipで書き出す（図{n_figures}点、表{n_tables}点）",
                ),
                data=zipped,
                file_name=f"{safe_filename(self.page)}_figures.zip",
                mime="application/zip",
                key=f"{safe_filename(self.page)}_export_all",
                disabled=not available or not n_figures,
                icon=":material/folder_zip:",
            )
            if not available:
                st.caption(":material/info: " + plain.escape(reason))
