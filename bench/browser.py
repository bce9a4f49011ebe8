"""The app in a real browser: start `make run`'s server on a database, launch chromium, wait for pages.

Used by the browser benches (``bench/pages.py``, ``bench/workbench_fit.py``)
and, through ``tests/e2e/helpers.py``, by the e2e tests. Nothing here
asserts; the functions start things and wait for Streamlit to settle.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

REPO_ROOT = Path(__file__).resolve().parents[1]
APP_FILE = REPO_ROOT / "app.py"
# What `make run` starts: app.py behind the Host check (serve.py).
SERVE_FILE = REPO_ROOT / "serve.py"
CORPUS_FILE = REPO_ROOT / "data" / "corpus" / "synthetic.jsonl"
SCREENSHOT_DIR = REPO_ROOT / "artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags chromium keeps dialling Google's
# services, which this machine's closed network refuses.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
# An Ollama address that refuses at once: the sidebar's host check must not wait on the network.
UNREACHABLE_OLLAMA = "http://127.0.0.1:9"
VIEWPORT = {"width": 1400, "height": 1000}
SERVER_START_TIMEOUT_S = 45.0
RENDER_TIMEOUT_MS = 30_000


# ------------------------------------------------------------ prerequisites


def missing_browser_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing: run `make system-deps` (installs Debian's chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is missing: run `make dev-deps`"
    return None


def launch_browser(playwright) -> Browser:
    """Debian's chromium, headless; Playwright gives it a fresh temporary profile."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=list(CHROMIUM_ARGS))


# ------------------------------------------------------------------ pages


@dataclass(frozen=True)
class AppPage:
    file: str
    title: str
    default: bool
    title_ja: str | None = None  # None: the row gives its title in English only

    def title_in(self, language: str) -> str:
        """The navigation title in that language (English where no Japanese is given)."""
        return self.title_ja if language == "ja" and self.title_ja else self.title

    @property
    def url_path(self) -> str:
        """The path Streamlit serves the page at: the default page at the root."""
        if self.default:
            return ""
        return re.sub(r"^[0-9_\s-]+", "", Path(self.file).stem)

    @property
    def slug(self) -> str:
        return Path(self.file).stem


def _title_pair(node: ast.expr) -> tuple[str, str | None]:
    """(English, Japanese) from a title written "Title" or tr("Title", "題名")."""
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and len(node.args) == 2:
        return ast.literal_eval(node.args[0]), ast.literal_eval(node.args[1])
    return ast.literal_eval(node), None


def app_pages(app_file: Path = APP_FILE) -> list[AppPage]:
    """app.py's PAGES whose file exists, read from its source (importing it would run Streamlit)."""
    tree = ast.parse(app_file.read_text(encoding="utf-8"))
    rows = None
    for node in ast.walk(tree):
        targets = [node.target] if isinstance(node, ast.AnnAssign) else getattr(node, "targets", [])
        if any(isinstance(t, ast.Name) and t.id == "PAGES" for t in targets) and node.value is not None:
            rows = [(ast.literal_eval(row.elts[0]), *_title_pair(row.elts[1])) for row in node.value.elts]
    if rows is None:
        raise LookupError(f"{app_file} has no PAGES table")
    present = [row for row in rows if (app_file.parent / row[0]).exists()]
    return [AppPage(file, title, index == 0, title_ja) for index, (file, title, title_ja) in enumerate(present)]


@lru_cache(maxsize=1)
def corpus_texts() -> dict[str, str]:
    """Report id -> text of the built-in corpus that `phi_core init` seeds."""
    texts = {}
    with CORPUS_FILE.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                texts[record["id"]] = record["text"]
    return texts


# ------------------------------------------------------------- app server


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def init_db(db_path: Path) -> None:
    """A database with the built-in corpus, made the way a user makes one."""
    done = subprocess.run(
        [sys.executable, "-m", "phi_core", "init", "--db", str(db_path)],
        cwd=REPO_ROOT,
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
    )
    if done.returncode != 0:
        raise RuntimeError(f"`python -m phi_core init --db {db_path}` failed:\n{done.stderr}")


def add_rules_runs(db_path: Path, plan: tuple[tuple[str | None, int], ...]) -> float:
    """One finished, scored rules run per (split, repeats) in plan; returns the seconds it took.

    Each (split, repeats) pair is a different job, hence a different run. Must
    happen while no app holds the database.
    """
    from phi_core.scoring.stored_runs import score_run
    from phi_core.paths import BUILTIN_DATASET
    from phi_core.runs import Job, Runner
    from phi_core.runs.extractor_factory import build_extractors
    from phi_core.store import Store

    started = time.perf_counter()
    with Store(db_path) as store:
        for split, repeats in plan:
            job = Job(dataset=BUILTIN_DATASET, backend="rules", split=split, repeats=repeats)
            summary = Runner(store, job, build_extractors(job, store), scorer=score_run).run()
            if summary.status != "done":
                raise RuntimeError(f"the rules run {job.describe()} ended {summary.status}")
    return time.perf_counter() - started


def serve_copy(seeded_db: Path, tmp_dir: Path, *, runs: tuple[tuple[str | None, int], ...] = ()) -> AppServer:
    """The app on a copy of seeded_db in tmp_dir, with the given rules runs added first."""
    for source in (seeded_db, seeded_db.with_name(seeded_db.name + ".wal")):
        if source.exists():
            shutil.copyfile(source, tmp_dir / source.name)
    db_path = tmp_dir / seeded_db.name
    if runs:
        add_rules_runs(db_path, runs)
    return start_app(db_path, tmp_dir / "streamlit.log")


@dataclass
class AppServer:
    process: subprocess.Popen
    port: int
    db_path: Path
    log_path: Path
    # Whether a browser has opened it yet: the first request decides Streamlit's page mode.
    visited: bool = False

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "") -> str:
        return f"{self.base_url}/{path.lstrip('/')}"

    def log_tail(self, lines: int = 60) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])

    def uncaught_errors(self) -> list[str]:
        """Tracebacks the server logged for script runs ("Uncaught app execution")."""
        text = self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""
        return [chunk.strip()[:2000] for chunk in text.split("Uncaught app execution")[1:]]


def start_app(
    db_path: Path,
    log_path: Path,
    *,
    port: int | None = None,
    extra_env: dict | None = None,
    timeout_s: float = SERVER_START_TIMEOUT_S,
) -> AppServer:
    """`streamlit run serve.py` (as `make run` does) on a loopback port against db_path, once it answers."""
    port = port or free_port()
    env = {**os.environ, "PHI_DB": str(db_path), "OLLAMA_HOST": UNREACHABLE_OLLAMA, **(extra_env or {})}
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(SERVE_FILE),
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        # Other people edit files in this tree while tests run; a rerun on their save would race the test.
        "--server.fileWatcherType",
        "none",
        "--browser.gatherUsageStats",
        "false",
    ]
    log = log_path.open("w", encoding="utf-8")
    process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    server = AppServer(process, port, db_path, log_path)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited with code {process.returncode} before answering:\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(server.url("_stcore/health"), timeout=2) as answer:
                if answer.status == 200:
                    return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    stop_app(server)
    raise RuntimeError(f"the app did not answer on port {port} within {timeout_s:.0f} s:\n{server.log_tail()}")


def stop_app(server: AppServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=5)


# ------------------------------------------------------- waiting and reading

_SCRIPT_STATE = "() => document.querySelector('[data-testid=\"stApp\"]')?.getAttribute('data-test-script-state')"


def wait_until_idle(page: Page, *, timeout_ms: int = RENDER_TIMEOUT_MS, quiet_ms: int = 250) -> None:
    """Until Streamlit has finished running the script (and stays finished for quiet_ms)."""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        remaining = max(1, int((deadline - time.monotonic()) * 1000))
        page.wait_for_function(f"({_SCRIPT_STATE})() === 'notRunning'", timeout=remaining)
        page.wait_for_timeout(quiet_ms)
        if page.evaluate(_SCRIPT_STATE) == "notRunning" or time.monotonic() > deadline:
            return


def main_heading(page: Page):
    return page.locator('[data-testid="stMain"] h1').first


def open_app_page(page: Page, server: AppServer, url_path: str, *, timeout_ms: int = RENDER_TIMEOUT_MS) -> None:
    """Navigate and wait until the page is drawn: script finished and main heading visible."""
    page.goto(server.url(url_path))
    wait_for_rendered(page, timeout_ms=timeout_ms)


def wait_for_rendered(page: Page, *, timeout_ms: int = RENDER_TIMEOUT_MS) -> None:
    main_heading(page).wait_for(state="visible", timeout=timeout_ms)
    wait_until_idle(page, timeout_ms=timeout_ms)


def page_problems(page: Page) -> list[str]:
    """Exceptions and error messages the page shows (empty when it looks healthy)."""
    problems = [
        f"exception: {text.strip()[:800]}" for text in page.locator('[data-testid="stException"]').all_inner_texts()
    ]
    problems += [
        f"error message: {text.strip()[:400]}"
        for text in page.locator('[data-testid="stAlertContentError"]').all_inner_texts()
    ]
    body = page.locator("body").inner_text()
    if "Traceback (most recent call last)" in body and not problems:
        problems.append("a Python traceback is printed on the page")
    return problems


def blur(page: Page) -> None:
    """Move the focus out of text fields: the annotator ignores keys typed into one."""
    page.evaluate("() => document.activeElement && document.activeElement.blur()")


def component_text(page: Page):
    return page.locator(".phi-sa-text")
