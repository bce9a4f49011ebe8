"""Static export of figures (PNG, SVG, PDF) through kaleido and the system Chromium.

Kaleido 1.x drives a headless Chromium. Starting one takes a second or two, so
an exporter keeps one browser warm for its whole life: the app holds one for
the process, the CLI one per command. The browser lives on its own thread
with its own event loop; every export waits at most ``timeout_s`` and is
cancelled after that, so a hung render never freezes a page.

We run kaleido's ``Kaleido`` class ourselves rather than its global sync
server (``kaleido.start_sync_server``): that server matches answers to
callers through one shared queue, so two browser sessions exporting at once
could receive each other's images, and a caller that gives up after a timeout
would leave its late answer for the next caller.

Which browser: env ``PHI_CHROMIUM`` or ``BROWSER_PATH`` (choreographer's own
override), else the first of chromium / chromium-browser / google-chrome on
PATH. Plotly.js comes from the plotly package and MathJax is switched off,
so export needs no network.
"""

from __future__ import annotations

import asyncio
import atexit
import io
import os
import re
import shutil
import threading
import zipfile
from collections.abc import Iterable, Mapping
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import plotly.graph_objects as go

from phi_core.figures.theme import PRESENTATION_HEIGHT, PRESENTATION_WIDTH, presentation_copy

BROWSER_ENV_VARS = ("PHI_CHROMIUM", "BROWSER_PATH")
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
DEFAULT_TIMEOUT_S = 60.0
START_TIMEOUT_S = 60.0
MAX_SCALE = 4.0


@dataclass(frozen=True)
class ExportFormat:
    name: str
    mime: str
    magic: bytes  # first bytes of a valid file, for checks


FORMATS: dict[str, ExportFormat] = {
    "png": ExportFormat("png", "image/png", b"\x89PNG\r\n\x1a\n"),
    "svg": ExportFormat("svg", "image/svg+xml", b"<svg"),
    "pdf": ExportFormat("pdf", "application/pdf", b"%PDF"),
}


class ExportError(RuntimeError):
    """A figure could not be exported; the message says what to do."""


class ChromiumMissing(ExportError):
    def __init__(self, looked_for: str):
        super().__init__(
            f"exporting figures as PNG, SVG or PDF needs the Chromium browser, and {looked_for}. "
            "Install it with `sudo apt-get install chromium fonts-ipafont-gothic` (`make run` and `make test` "
            "do this when they may), or point PHI_CHROMIUM at a Chrome or Chromium executable. "
            "In the app, the camera button above each chart still saves a PNG from your own browser."
        )


class ExportTimeout(ExportError):
    pass


def find_chromium() -> str | None:
    """Path of the browser export will use, or None."""
    for var in BROWSER_ENV_VARS:
        value = os.environ.get(var)
        if value:
            return value if Path(value).is_file() and os.access(value, os.X_OK) else None
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _looked_for() -> str:
    for var in BROWSER_ENV_VARS:
        if os.environ.get(var):
            return f"{var}={os.environ[var]!r} is not an executable file"
    return f"none of {', '.join(BROWSER_NAMES)} is on PATH"


def export_format(name: str) -> ExportFormat:
    try:
        return FORMATS[name.lower()]
    except KeyError:
        raise ExportError(f"unknown export format {name!r}: choose one of {', '.join(FORMATS)}") from None


def format_from_path(path: str | Path) -> str:
    suffix = Path(path).suffix.lstrip(".").lower()
    if suffix not in FORMATS:
        raise ExportError(
            f"cannot tell the format from {str(path)!r}: end the file name with "
            f"{', '.join('.' + f for f in FORMATS)} or pass the format"
        )
    return suffix


def check_scale(scale: float) -> float:
    scale = float(scale)
    if not 0 < scale <= MAX_SCALE:
        raise ExportError(
            f"scale {scale:g} is out of range: use a number above 0 and at most {MAX_SCALE:g} "
            "(1 gives 1920x1080 pixels, 2 gives 3840x2160)"
        )
    return scale


class FigureExporter:
    """One warm headless Chromium that renders figures to bytes. Thread-safe."""

    def __init__(
        self,
        browser_path: str | None = None,
        *,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        start_timeout_s: float = START_TIMEOUT_S,
    ):
        self.browser_path = browser_path
        self.timeout_s = timeout_s
        self.start_timeout_s = start_timeout_s
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Any = None

    # ------------------------------------------------------------ lifecycle

    @property
    def running(self) -> bool:
        return self._kaleido is not None

    def start(self) -> None:
        with self._lock:
            if self._kaleido is not None:
                return
            path = self.browser_path or find_chromium()
            if not path:
                raise ChromiumMissing(_looked_for())
            self._loop = asyncio.new_event_loop()
            self._thread = threading.Thread(target=self._loop.run_forever, name="figure-export", daemon=True)
            self._thread.start()
            future = asyncio.run_coroutine_threadsafe(self._open(path), self._loop)
            try:
                self._kaleido = future.result(timeout=self.start_timeout_s)
            except FutureTimeout:
                future.cancel()
                self._stop_loop()
                raise ExportTimeout(
                    f"Chromium at {path} did not start within {self.start_timeout_s:g} s; "
                    "check that it runs (`chromium --version`)"
                ) from None
            except Exception as exc:
                self._stop_loop()
                raise ExportError(f"Chromium at {path} could not be started for export: {exc}") from exc

    async def _open(self, path: str) -> Any:
        import kaleido  # imported here: it loads choreographer and logging we need only when exporting

        engine = kaleido.Kaleido(path=path, mathjax=False, timeout=self.timeout_s)
        await engine.open()
        return engine

    def close(self) -> None:
        with self._lock:
            engine, self._kaleido = self._kaleido, None
            if engine is not None and self._loop is not None:
                try:
                    asyncio.run_coroutine_threadsafe(engine.close(), self._loop).result(timeout=15)
                except Exception:  # a dead browser needs no closing
                    pass
            self._stop_loop()

    def _stop_loop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            if self._thread is not None:
                self._thread.join(timeout=5)
        self._loop, self._thread = None, None

    def __enter__(self) -> "FigureExporter":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # ------------------------------------------------------------- rendering

    def render(
        self,
        fig: go.Figure,
        fmt: str = "png",
        *,
        scale: float = 1.0,
        width: int = PRESENTATION_WIDTH,
        height: int = PRESENTATION_HEIGHT,
        presentation: bool = True,
    ) -> bytes:
        """Bytes of the figure in ``fmt``; PNG is ``width*scale`` x ``height*scale`` pixels."""
        spec = export_format(fmt)
        scale = check_scale(scale)
        figure = presentation_copy(fig, width, height) if presentation else go.Figure(fig)
        self.start()
        opts = {"format": spec.name, "width": width, "height": height, "scale": scale}
        loop, engine = self._loop, self._kaleido
        if loop is None or engine is None:  # closed by another thread meanwhile
            raise ExportError("the export browser was closed while exporting; try again")
        future = asyncio.run_coroutine_threadsafe(engine.calc_fig(figure, opts=opts), loop)
        try:
            data = future.result(timeout=self.timeout_s + 5)
        except FutureTimeout:
            future.cancel()
            raise ExportTimeout(
                f"exporting the figure as {spec.name} took longer than {self.timeout_s:g} s and "
                "was stopped; try a smaller scale or try again"
            ) from None
        except Exception as exc:
            self.close()  # the browser may be gone; the next export starts a fresh one
            raise ExportError(f"exporting the figure as {spec.name} failed: {exc}") from exc
        return data.encode("utf-8") if isinstance(data, str) else bytes(data)

    def write(self, fig: go.Figure, path: str | Path, fmt: str | None = None, *, scale: float = 1.0) -> Path:
        path = Path(path)
        data = self.render(fig, fmt or format_from_path(path), scale=scale)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path


# One exporter per process, started on first use and closed at exit.
_shared: FigureExporter | None = None
_shared_lock = threading.Lock()


def shared_exporter() -> FigureExporter:
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = FigureExporter()
            atexit.register(_shared.close)
        return _shared


def export_available() -> tuple[bool, str]:
    """(True, browser path) or (False, what to do) without starting anything."""
    path = find_chromium()
    return (True, path) if path else (False, str(ChromiumMissing(_looked_for())))


def figure_bytes(
    fig: go.Figure, fmt: str = "png", *, scale: float = 1.0, exporter: FigureExporter | None = None
) -> bytes:
    return (exporter or shared_exporter()).render(fig, fmt, scale=scale)


def safe_filename(name: str) -> str:
    """A file name stem that is safe on every OS (keeps Japanese letters)."""
    stem = re.sub(r"[^\w.\-]+", "_", name.strip(), flags=re.UNICODE).strip("._")
    return stem or "figure"


def zip_figures(
    figures: Mapping[str, go.Figure],
    formats: Iterable[str] = tuple(FORMATS),
    *,
    scale: float = 1.0,
    exporter: FigureExporter | None = None,
    extra_files: Mapping[str, bytes] | None = None,
) -> bytes:
    """One zip with every figure in every format (plus any tables given as extra files)."""
    exporter = exporter or shared_exporter()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, fig in figures.items():
            for fmt in formats:
                archive.writestr(f"{safe_filename(name)}.{fmt}", exporter.render(fig, fmt, scale=scale))
        for name, data in (extra_files or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()
