"""A delimited table's column of names: when most of its cells are names, the rest are names too.

Ledgers exported as CSV, pipe tables and tab-separated lists give each person
who did something a column of their own (``実施者1,実施者2``: ``牧野,戸田`` on
one row, ``杉浦,谷`` on another). The recognizers find the family names they
know; one no list holds, in the same column of the same table, is a name all
the same. A column counts as one of names when at least two of its cells, and
at least half of those not empty, were found as names. Its other cells are
taken when they are made of letters only, short enough for a name, inside no
other span, and when the dictionary does not read them as a common word only
(不在, 同上 and なし stay); a Latin cell must be two words (HOME and BCG are codes).
The first line of a table is its header and is never taken.
"""

from __future__ import annotations

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.table_blocks import DRAWN_RULE_LINE
from phi_core.extractors.recognition.list_columns import NAME_CATEGORIES, column_of_names
from phi_core.extractors.recognition.name_parts import can_be_given_name, can_be_surname
from phi_core.japanese.chars import JAPANESE_LETTERS, is_hiragana, is_kanji

_DELIMITERS = (",", "\t", "|", "｜", "║", "│", "┃")
_NAME_SHAPED = re.compile(rf"[{JAPANESE_LETTERS}々A-Za-z]+(?:[ \u3000][{JAPANESE_LETTERS}々A-Za-z]+)?")
_MIN_ROWS = 3
_MIN_CELLS = 3


def _cells(text: str, start: int, end: int, delimiter: str) -> list[tuple[int, int]]:
    """A line's cells, each without its blanks and its CSV quotes."""
    cells, at = [], start
    while True:
        cut = text.find(delimiter, at, end)
        stop = end if cut < 0 else cut
        a, b = at, stop
        while a < b and text[a] in ' \u3000"':
            a += 1
        while b > a and text[b - 1] in ' \u3000"\r':
            b -= 1
        cells.append((a, b))
        if cut < 0:
            return cells
        at = cut + 1


def _line_key(line: str, run_key: tuple[str, int] | None) -> tuple[str, int] | None:
    """The delimiter that cuts a line into cells, and how many times it occurs. The table the line may
    continue is asked first, then the delimiter the line holds most: a tab-separated row whose free-text
    cell holds two commas is still a row of the tab table."""
    if run_key is not None and line.count(run_key[0]) == run_key[1]:
        return run_key
    counts = [(line.count(delimiter), delimiter) for delimiter in _DELIMITERS]
    count, delimiter = max(counts, key=lambda pair: pair[0])
    return (delimiter, count) if count + 1 >= _MIN_CELLS else None


def _tables(text: str) -> list[list[list[tuple[int, int]]]]:
    """Runs of lines that one delimiter cuts into the same number of cells (three or more)."""
    tables: list[list[list[tuple[int, int]]]] = []
    run: list[list[tuple[int, int]]] = []
    run_key: tuple[str, int] | None = None
    at = 0
    for line in text.split("\n"):
        start, end = at, at + len(line)
        at = end + 1
        if run and DRAWN_RULE_LINE.fullmatch(line):
            continue
        key = _line_key(line, run_key)
        if key is not None and key == run_key:
            run.append(_cells(text, start, end, key[0]))
            continue
        if len(run) >= _MIN_ROWS:
            tables.append(run)
        run, run_key = ([_cells(text, start, end, key[0])] if key else []), key
    if len(run) >= _MIN_ROWS:
        tables.append(run)
    return tables


def _reads_as_name(value: str) -> bool:
    if value.isascii():
        return " " in value  # a Latin name of two words; one word is as often a code or a status (HOME, BCG)
    if not all(is_kanji(ch) or ch in " \u3000" for ch in value):
        return not all(is_hiragana(ch) for ch in value)  # a name in kana; not なし or 済み
    words = value.split()
    return can_be_surname(words[0]) or can_be_given_name(words[-1])


def names_in_table_columns(text: str, spans: list[Candidate]) -> list[Candidate]:
    if "\n" not in text:
        return spans
    names = [s for s in spans if s.category in NAME_CATEGORIES]
    added: list[Candidate] = []
    for rows in _tables(text):
        body = rows[1:]
        for column in range(len(rows[0])):
            cells = [row[column] for row in body if row[column][1] > row[column][0]]
            found = [s for a, b in cells for s in names if s.start <= a and b <= s.end]
            category = column_of_names(found, len(cells))
            if category is None:
                continue
            for a, b in cells:
                value = text[a:b]
                if b - a > 10 or not _NAME_SHAPED.fullmatch(value) or not _reads_as_name(value):
                    continue
                if any(s.start < b and a < s.end for s in spans + added):
                    continue
                added.append(Candidate(a, b, category, found[0].rank))
    return sorted(spans + added, key=lambda c: c.start) if added else spans
