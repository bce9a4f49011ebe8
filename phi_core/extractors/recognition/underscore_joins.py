"""A name a machine wrote with underscores for blanks (Hamada_Setsuko, Ueno_T, SAKURADAI_SJH), read as one.

An export or a device's header cannot hold a blank in a field, so it joins a name's words with underscores. The
recognizers find the words; the underscore between two of them, or between a word and a short tail of capitals
(a given name's initial, a hospital's letters), is the same name's. A tail that goes on into digits or more
underscores (Embla_N7000_EN) is a code of its own, and a word joined to a non-name (CT_data) is left.
"""

from __future__ import annotations

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate

_JOINED = frozenset({"PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT", "HOSPITAL_NAME"})
_SHORT_TAIL = re.compile(r"_(?P<tail>[A-Z]{1,4})(?![A-Za-z0-9_])")


def underscore_joins(text: str, spans: list[Candidate]) -> list[Candidate]:
    ordered = sorted(spans, key=lambda c: (c.start, -c.end))
    out: list[Candidate] = []
    for span in ordered:
        last = out[-1] if out else None
        if (
            last is not None
            and last.category in _JOINED
            and span.category in _JOINED
            and span.start == last.end + 1
            and text[last.end] == "_"
        ):
            out[-1] = last._replace(end=span.end)
            continue
        out.append(span)
    joined = []
    taken = {s.start for s in out}
    for span in out:
        if span.category in _JOINED:
            tail = _SHORT_TAIL.match(text, span.end)
            if tail and span.end + 1 not in taken and _word_before(text, span.start):
                span = span._replace(end=tail.end())
        joined.append(span)
    return joined


def _word_before(text: str, start: int) -> bool:
    """The name starts a field of its own (not the tail of a longer code: ID_NAME_T)."""
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")
