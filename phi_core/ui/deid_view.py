"""What the De-identify page shows, without Streamlit: highlighted text and
the part choices of the pipeline form.

Safety of the highlight: the documents are untrusted (real reports, uploaded
files). :func:`highlight_html` escapes EVERY piece of document text with
``html.escape`` (quotes included) before it is put between our own ``<span>``
tags, and the only unescaped pieces are fixed style strings from this module
and colours from the taxonomy. The page renders the result with ``st.html``,
which does not parse Markdown, so no character of a document can become
markup, a link or a script.
"""

from __future__ import annotations

import html
from typing import Iterable, Sequence

from phi_core.taxonomy import CATEGORY_BY_CODE

BOX_STYLE = (
    "font-family:inherit;white-space:pre-wrap;line-height:1.8;border:1px solid #ddd;"
    "border-radius:6px;padding:0.6em;max-height:32em;overflow:auto"
)


def _color(category: str | None) -> str:
    known = CATEGORY_BY_CODE.get(category or "")
    return known.color if known else "#999999"


def highlight_html(text: str, spans: Iterable[tuple[int, int, str | None]]) -> str:
    """``text`` in a box with each (start, end, category) span shaded in its category colour."""
    pieces, cursor = [], 0
    for start, end, category in sorted(spans):
        if start < cursor:
            continue  # overlapping spans cannot both be drawn; the pipeline merges them anyway
        pieces.append(html.escape(text[cursor:start], quote=True))
        title = html.escape(category or "PHI", quote=True)
        pieces.append(
            f'<span title="{title}" style="background:{_color(category)}55;'
            f'border-bottom:2px solid {_color(category)}">{html.escape(text[start:end], quote=True)}</span>'
        )
        cursor = end
    pieces.append(html.escape(text[cursor:], quote=True))
    return f'<div style="{BOX_STYLE}">{"".join(pieces)}</div>'


def part_choices(run_identities: Sequence[tuple[str, str, str]]) -> list[str]:
    """``rules`` and every model-in-phase that has a run, as part specs."""
    from phi_core.pipelines.materialise import PIPELINE_BACKEND

    specs = ["recall-first", "rules"]
    for backend, model, phase in run_identities:
        if backend in ("rules", "recall-first", PIPELINE_BACKEND) or not phase or phase == "-":
            continue
        specs.append(f"{backend}:{model}:{phase}")
    return list(dict.fromkeys(specs))
