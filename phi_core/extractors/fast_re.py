"""The standard ``re`` module, whose compiled patterns skip at once to where a match can start.

Python's engine jumps ahead quickly only for a pattern that opens with a letter
or a character class; one that opens with a look-behind (``(?<![0-9])19\\d\\d``)
or a choice of words (``病院|クリニック|…センター``) is tried at every place in
the text, and the recognizers run hundreds of such patterns over every
document. :func:`compile` turns such a pattern around to consume its first
letter first (regex_first_letter), or else adds a look-ahead at the letters a
match can start with (read from the pattern itself: regex_alphabet.start_hint);
neither changes a match, group or flag. Modules of the extractors import this in place of ``re``::

    from phi_core.extractors import fast_re as re

Everything else is the standard module's own.
"""

from __future__ import annotations

import re as _re
from re import *  # noqa: F401,F403 - the whole standard interface, compile() replaced below
from re import Match, Pattern, error  # noqa: F401 - named for type hints and except clauses

from phi_core.extractors.regex_alphabet import start_hint
from phi_core.extractors.regex_first_letter import letter_first


# Each pattern compiled faster than written, as its module wrote it (for tests and for reading a pattern back).
_WRITTEN: dict[_re.Pattern, str] = {}


def compile(pattern, flags=0):  # noqa: A001 - the standard name, on purpose
    if isinstance(pattern, _re.Pattern):
        return pattern
    turned = letter_first(pattern, flags)
    if turned is not None:
        _WRITTEN[turned] = pattern
        return turned
    hint = start_hint(pattern, flags)
    if not hint:
        return _re.compile(pattern, flags)
    # (a verbose pattern may end in a comment: the group closes on a line of its own)
    compiled = _re.compile(f"{hint}(?:{pattern}\n)" if flags & _re.VERBOSE else f"{hint}(?:{pattern})", flags)
    _WRITTEN[compiled] = pattern
    return compiled


def hinted_patterns() -> dict[_re.Pattern, str]:
    """Every pattern compiled here turned around or with a hint, and the pattern as its module wrote it."""
    return dict(_WRITTEN)
