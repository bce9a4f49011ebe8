"""A pattern rewritten to open with the letter it consumes first, its look-arounds after that letter.

Python's engine scans fastest for a pattern whose first item consumes a known
letter or class: a tight loop in C skips every place where that letter is not.
Most recognizer patterns open with a look-behind instead (``(?<![0-9])[0-9]{2}``),
and the engine then starts a full match attempt at every place in the text.
Such an opening can be turned around without changing what matches: the first
letter is consumed, and the look-arounds are asked from a look-behind that also
holds that letter (``[0-9](?<=(?<![0-9])[0-9])[0-9]{1}``). The rewritten
pattern keeps the written text as its ``pattern``, so it prints, pickles and
compares as written; only the compiled program differs.

Patterns this cannot turn around (a choice of words whose first letters are
classes, a repeat that may match nothing, a group with its own flags) are left to the look-ahead hint of ``regex_alphabet``.
"""

from __future__ import annotations

import re

try:  # Python 3.11 moved these modules; both build the same program
    import _sre
    from re import _compiler as _compiler, _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import _sre  # type: ignore[no-redef]
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_ZERO_WIDTH = {_c.ASSERT, _c.ASSERT_NOT, _c.AT}
_ONE_LETTER = {_c.LITERAL, _c.IN}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}


def _turned(items: list, state, leading: list) -> list | None:
    """``leading`` + ``items`` with the first consumed letter first, or None when that cannot be done."""
    for index, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH or _p.SubPattern(state, [(op, av)]).getwidth() == (0, 0):
            continue  # look-arounds, anchors, and choices among them ((?<=満)|(?<=齢 ))
        before = leading + list(items[:index])
        rest = list(items[index + 1 :])
        if op in _ONE_LETTER or op in _REPEATS:
            split = _first_letter(op, av)
            if split is None:
                return None
            letter, tail = split
            return [letter, *([_behind(state, before, letter)] if before else []), *tail, *rest]
        if op is _c.SUBPATTERN:
            group, add_flags, del_flags, body = av
            if add_flags or del_flags:
                return None  # the moved look-arounds would be read under the group's flags
            inner = _turned(list(body.data), state, before)
            if inner is None:
                return None
            return [(op, (group, 0, 0, _p.SubPattern(state, inner))), *rest]
        if op is _c.BRANCH:
            # Look-arounds before a choice go into each choice. The engine scans fast for a choice only when
            # every choice opens with a literal letter ((?<![A-Za-z])(?:Mon|Tue)): it then tests that letter
            # first. (Consuming one class of all first letters and asking each choice for its own in a
            # look-behind was measured slower: a look-behind per choice costs more than the hint saves.)
            turned = [_turned(list(branch.data), state, before) for branch in av[1]]
            if any(choice is None or choice[0][0] is not _c.LITERAL for choice in turned):
                return None
            return [(op, (None, [_p.SubPattern(state, choice) for choice in turned])), *rest]
        return None
    return None


def _first_letter(op, av) -> tuple[tuple, list] | None:
    """A one-letter item, and what is left of it once its first letter is consumed (a repeat's other letters)."""
    if op in _ONE_LETTER:
        return (op, av), []
    low, high, body = av
    if low < 1 or len(body.data) != 1 or body.data[0][0] not in _ONE_LETTER:
        return None  # a repeat that may match nothing, or of more than one letter
    tail_high = high if high == _c.MAXREPEAT else high - 1
    return body.data[0], ([(op, (low - 1, tail_high, body))] if tail_high else [])


def _behind(state, zero_width: list, letter: tuple) -> tuple:
    """A look-behind over the letter just consumed that asks the look-arounds from where it stood."""
    return (_c.ASSERT, (-1, _p.SubPattern(state, [*zero_width, letter])))


def _opens_with_letter(tree, flags: int) -> bool:
    prefix, _skip, _all = _compiler._get_literal_prefix(tree, flags)
    return bool(prefix) or bool(_compiler._get_charset_prefix(tree, flags))


def letter_first(pattern: str, flags: int = 0) -> re.Pattern | None:
    """``pattern`` compiled to open with its first letter, or None when it already does or cannot."""
    try:
        tree = _p.parse(pattern, flags)
        flags |= tree.state.flags  # (inline global flags count as the compiler counts them)
        if _opens_with_letter(tree, flags):
            return None
        turned = _turned(list(tree.data), tree.state, [])
        if turned is None:
            return None
        rewritten = _p.SubPattern(tree.state, turned)
        if not _opens_with_letter(rewritten, flags):
            return None
        code = _compiler._code(rewritten, flags)
    except (re.error, TypeError, ValueError, AttributeError, IndexError):
        return None
    index_group = [None] * tree.state.groups
    for name, number in tree.state.groupdict.items():
        index_group[number] = name
    return _sre.compile(pattern, flags, code, tree.state.groups - 1, tree.state.groupdict, tuple(index_group))
