"""The annotation guidelines, shown as a help panel beside the editor, and their key points.

The file is the project's own (docs/annotation_guidelines.md), not user
input, so the page may render it as Markdown.
"""

from __future__ import annotations

from pathlib import Path

from phi_core.paths import ROOT

GUIDELINES_FILE = ROOT / "docs" / "annotation_guidelines.md"


def guidelines_markdown(path: Path = GUIDELINES_FILE) -> str:
    """The guidelines' Markdown, or a short note saying where they should be."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return (
            f"The annotation guidelines were not found at {path.name}: restore docs/annotation_guidelines.md "
            "from the repository to read them here."
        )


_KEY_HEADINGS = ("key point", "要点", "summary", "概要", "quick reference", "早見")
_EMPHASIS = str.maketrans("", "", "*_`")


def guideline_points(markdown: str, limit: int = 12) -> list[str]:
    """The key points of the annotation guidelines as plain lines.

    Bullets under a heading that names key points (要点, Key points, Summary)
    when there is one, else the document's first bullets. Markdown emphasis is
    dropped because the lines are shown as plain text.
    """
    lines = markdown.splitlines()
    start = 0
    for index, line in enumerate(lines):
        if line.lstrip().startswith("#") and any(h in line.lower() for h in _KEY_HEADINGS):
            start = index + 1
            break
    points: list[str] = []
    for line in lines[start:]:
        stripped = line.strip()
        if start and stripped.startswith("#") and points:
            break
        if stripped[:2] in ("- ", "* ") or (stripped[:1].isdigit() and ". " in stripped[:4]):
            points.append(stripped.split(" ", 1)[1].translate(_EMPHASIS).strip())
        if len(points) >= limit:
            break
    return points
