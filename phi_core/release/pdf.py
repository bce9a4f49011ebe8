"""HTML to PDF through the system chromium (headless print), the browser the project already ships."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from phi_core.figures.export import ChromiumMissing, _looked_for, find_chromium

TIMEOUT_S = 120


class PdfError(RuntimeError):
    pass


def html_to_pdf(html_text: str) -> bytes:
    """PDF bytes of the page; chromium embeds the fonts it used (the CSS asks for IPA fonts first)."""
    browser = find_chromium()
    if browser is None:
        raise ChromiumMissing(_looked_for())
    with tempfile.TemporaryDirectory(prefix="phi-report-") as folder:
        os.chmod(folder, 0o700)  # the page may name documents: keep it to this user
        page, out = Path(folder) / "report.html", Path(folder) / "report.pdf"
        page.write_text(html_text, encoding="utf-8")
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={Path(folder) / 'profile'}",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise PdfError(f"chromium did not finish the PDF within {TIMEOUT_S} s: try again, or write .html") from None
        if not out.is_file() or out.stat().st_size == 0:
            tail = done.stderr.decode("utf-8", "replace")[-300:]
            raise PdfError(f"chromium made no PDF (exit {done.returncode}): {tail}; write .html instead")
        return out.read_bytes()
