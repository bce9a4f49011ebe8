"""A telephone number with digits nobody could read (079-23?-8816, 090-44［？］1-3307, 0468-2■-3317), still a number.

A scan blots a digit, a listener misses one, and the writer puts a question mark or a block where it was. The
recognizers read the digits up to the mark and stop there, so the rest of the number is left in the text. A
number of a telephone's shape (a leading 0, three groups joined by hyphens) with at least one such mark among its
digits is read whole; a span found inside it gives way to it.
"""

from __future__ import annotations

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate

_MARK = r"(?:[?？■□＊*]|[［\[][?？][］\]])"
_DIGIT = rf"(?:[0-9０-９]|{_MARK})"
_PHONE = re.compile(
    rf"(?<![0-9０-９A-Za-z\-－])[0０]{_DIGIT}{{1,4}}[-－]{_DIGIT}{{1,4}}[-－]{_DIGIT}{{1,4}}(?![0-9０-９A-Za-z\-－])"
)
_HAS_MARK = re.compile(_MARK)


def unreadable_phones(text: str, spans: list[Candidate]) -> list[Candidate]:
    if not _HAS_MARK.search(text):
        return spans
    found = [m for m in _PHONE.finditer(text) if _HAS_MARK.search(m.group())]
    if not found:
        return spans
    out = list(spans)
    for m in found:
        inside = [s for s in out if m.start() <= s.start and s.end <= m.end()]
        if any(s.start < m.end() and m.start() < s.end for s in out if s not in inside):
            continue  # a wider span holds part of it: leave it as it was read
        rank = min((s.rank for s in inside), default=0)
        out = [s for s in out if s not in inside] + [Candidate(m.start(), m.end(), "PHONE", rank)]
    return sorted(out, key=lambda c: c.start)
