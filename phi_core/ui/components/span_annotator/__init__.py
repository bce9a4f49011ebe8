"""The span annotator: report text with highlighted spans, mouse and keyboard editing.

A Streamlit v2 component whose HTML, CSS and JavaScript ship inline from this
folder (no build step, nothing fetched from the internet). Python cuts the
text into segments and converts every offset to UTF-16 before sending; the
browser answers with events carrying UTF-16 offsets and a nonce, which the
caller converts back with :func:`phi_core.ui.editor_session.browser_event_to_codepoints`.

The report text is placed with ``textContent`` only, never as HTML, so a
report cannot inject markup into the page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Sequence

import streamlit as st

from phi_core.models import Span
from phi_core.taxonomy import CATEGORY_BY_CODE
from phi_core.ui.offsets import cp_to_utf16
from phi_core.ui.gold_comparison import Comparison
from phi_core.ui.workbench_keys import ACTION_SHORTCUTS, legend

_HERE = Path(__file__).parent
COMPONENT_NAME = "phi_span_annotator"

# Rendered into the app's own DOM (not a shadow root) so that the browser's
# text selection works normally; every class name carries the phi-sa- prefix.
_render = st.components.v2.component(
    COMPONENT_NAME,
    html='<div class="phi-sa"></div>',
    css=(_HERE / "annotator.css").read_text(encoding="utf-8"),
    js=(_HERE / "annotator.js").read_text(encoding="utf-8"),
    isolate_styles=False,
)


def segments(text: str, gold: Sequence[Span], predictions: Sequence[tuple[int, int]] = ()) -> list[dict[str, Any]]:
    """Cut the text where any span starts or ends; each piece lists what covers it.

    Offsets in the result are UTF-16 (``s``, ``e``) for the browser; ``g`` and
    ``p`` index into ``gold`` and ``predictions``.
    """
    cuts = {0, len(text)}
    for span in gold:
        cuts.update((span.start, span.end))
    for start, end in predictions:
        cuts.update((start, end))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    pieces = []
    for a, b in zip(points, points[1:]):
        if a == b:
            continue
        pieces.append(
            {
                "s": cp_to_utf16(text, a),
                "e": cp_to_utf16(text, b),
                "text": text[a:b],
                "g": [i for i, s in enumerate(gold) if s.start <= a and b <= s.end],
                "p": [i for i, (s, e) in enumerate(predictions) if s <= a and b <= e],
            }
        )
    return pieces


def component_data(
    report_id: str,
    text: str,
    gold: Sequence[Span],
    comparison: Comparison | None,
    *,
    version: int,
    status: str,
    language: str = "ja",
    strings: dict[str, str] | None = None,
    status_names: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Everything the browser needs to draw one report, offsets in UTF-16.

    ``strings`` and ``status_names`` give the interface wording in the user's
    language; category chips show the taxonomy's name in ``language``.
    """
    preds = comparison.predictions if comparison else []
    missed = {(s.start, s.end, s.category) for s in comparison.missed} if comparison else set()
    categories = [{**c, "name": c["name_ja"] if language == "ja" else c["name_en"]} for c in legend()]
    return {
        "report_id": report_id,
        "version": version,
        "status": status,
        "segments": segments(text, gold, [(p.start, p.end) for p in preds]),
        "gold": [
            {
                "s": cp_to_utf16(text, s.start),
                "e": cp_to_utf16(text, s.end),
                "category": s.category,
                "text": s.text,
                "missed": (s.start, s.end, s.category) in missed,
                "color": CATEGORY_BY_CODE[s.category].color if s.category in CATEGORY_BY_CODE else "#999999",
            }
            for s in gold
        ],
        "predictions": [
            {
                "s": cp_to_utf16(text, p.start),
                "e": cp_to_utf16(text, p.end),
                "label": p.label,
                "category": p.category,
                "value": p.value,
                "verdict": p.verdict,
            }
            for p in preds
        ],
        "overlay": comparison is not None,
        "categories": categories,
        "actions": [{"key": key, "action": action, "does": does} for key, action, does in ACTION_SHORTCUTS],
        "strings": dict(strings or {}),
        "status_names": dict(status_names or {}),
    }


def span_annotator(data: dict[str, Any], *, key: str, on_event: Callable[[], None] | None = None) -> dict | None:
    """Mount the annotator; returns this run's event (UTF-16 offsets) or None."""
    result = _render(key=key, data=data, on_event_change=on_event or (lambda: None))
    return result.get("event") if result is not None else None
