"""Plain-text tables cut into rows and cells, and each cell's column found in the header.

Rosters, ledgers, line lists and dose reports put one record on a line: cells
stand apart by bars (``│``, ``║``, ``｜``, ``|``, `` ／ ``), tabs, a full-width space or two
spaces and more (one space stays inside a cell: ``宇佐美 昭二``). A block is a
run of such lines with three cells or more (one line of a list between headings
is a block too); rule lines (``-----``) inside it are skipped, a blank line or a
line of prose ends it. HL7 segments are no rows: their fields mean what the
standard says.

A cell's column is read from the header, a line among the block's first that
names two columns or more and holds no value (a line of a form, ``氏名 山田 太郎
年齢 72歳``, names its fields beside their values): cell by cell when the row has
as many cells as the header has cells or words (``年齢 性`` are two columns one
space apart), else by where the cell stands on screen (a kanji takes two
columns). Hand-aligned tables drift by a column or two; the order of their
cells does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.label_words import LabelRule, column_rule
from phi_core.japanese.width import display_width

_BARS = "│｜|┃║"
# (a full-width slash with a blank beside it parts the cells of a typed list as a bar would: 北村 茂 ／ 2041-8837 ／ 58,
# AMI（RCA）／ 60W)
_BAR = re.compile("[│｜|┃║\t]|[ \u3000]?／[ \u3000]|[ \u3000]／")
_SLASH_BAR = re.compile("[ \u3000]／[ \u3000]")
_GAP = re.compile(" {2,}|\u3000+|\t")
_WORD_GAP = re.compile("[ \u3000\t]+")
_PAD = " \u3000\t"
# (every box-drawing character, heavy and double ones too: ┣━━╋━━┫, ╠══╬══╣)
_RULE_LINE = re.compile("[-=_＝ー－+|:\u2500-\u257f \u3000\t]+")
# A drawn table's ruled line, with at least one box-drawing character (a blank line is no rule): the table goes on
# past it.
DRAWN_RULE_LINE = re.compile("(?=.*[\u2500-\u257f])[-=_＝ー－+|:\u2500-\u257f \u3000\t]+")
_MIN_CELLS = 3
_HL7_SEGMENT = re.compile(r"[ \t]*[A-Z][A-Z0-9]{2}\|")
# Column names the label table leaves out: a one-letter sex column, an age in other scripts.
_SEX_HEADER = re.compile("性|ｾｲ|M/F|男女|男/女")
# An age column with its unit in brackets: 年齢(歳), Age (y), AGE(yrs).
_SHORT_AGE = ("年", "齢")
_AGE_HEADER = re.compile("年令|ﾈﾝﾚｲ|ｻｲ|(?:年齢|年令|(?i:age))[ ]?[（(](?:歳|才|y|yrs?|years)[)）]")


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    left: int  # display columns from the line's start
    right: int


@dataclass
class Row:
    start: int
    end: int
    cells: list[Cell]
    bars: bool


def _pieces(text: str, start: int, end: int, bars: bool) -> list[tuple[int, int]]:
    """(start, end) of the cells of a line, padding excluded; empty cells kept between bars."""
    splitter = _BAR if bars else _GAP
    bounds, last = [], start
    for m in splitter.finditer(text, start, end):
        bounds.append((last, m.start()))
        last = m.end()
    bounds.append((last, end))
    out = []
    for s, e in bounds:
        while s < e and text[s] in _PAD:
            s += 1
        while e > s and text[e - 1] in _PAD:
            e -= 1
        out.append((s, e))
    if bars:
        opened = text[start:end].lstrip(_PAD)[:1] in _BARS
        if opened and out and out[0][0] == out[0][1]:
            out = out[1:]  # "| a | b |": the bars at both ends draw the frame
            if out and out[-1][0] == out[-1][1]:
                out = out[:-1]
        return out
    return [p for p in out if p[1] > p[0]]


def _row(text: str, start: int, end: int) -> Row:
    line = text[start:end]
    if _HL7_SEGMENT.match(line):
        return Row(start, end, [], True)  # a message segment: its fields have meanings of their own (F: final)
    bars = sum(line.count(b) for b in _BARS) >= 2 or "\t" in line or len(_SLASH_BAR.findall(line)) >= 2
    cells = []
    pos, left = start, 0  # widths add up: each cell is measured from the one before, not from the line's start
    for s, e in _pieces(text, start, end, bars):
        left += display_width(text[pos:s])
        right = left + display_width(text[s:e])
        cells.append(Cell(s, e, left, right))
        pos, left = e, right
    return Row(start, end, cells, bars)


def blocks(text: str) -> list[list[Row]]:
    """Runs of table rows, rule lines left out (a run may be one row: a line of a list between headings)."""
    if "  " not in text and "\u3000" not in text and "\t" not in text and not any(b in text for b in (*_BARS, "／")):
        return []
    out: list[list[Row]] = []
    current: list[Row] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip(_PAD) and _RULE_LINE.fullmatch(line):
            start = end + 1
            continue
        row = _row(text, start, end) if len(line) > 4 else None
        if row is not None and sum(c.end > c.start for c in row.cells) >= _MIN_CELLS:
            current.append(row)
        else:
            if current:
                out.append(current)
            current = []
        start = end + 1
    if current:
        out.append(current)
    return out


@dataclass(frozen=True)
class Column:
    label: str
    rule: LabelRule | None
    sex: bool
    age: bool


def _column(label: str) -> Column:
    rule = column_rule(label)
    sex = (rule is not None and rule.read_as == "sex") or _SEX_HEADER.fullmatch(label) is not None
    age = (rule is not None and rule.read_as == "age") or _AGE_HEADER.fullmatch(label) is not None
    return Column(label, rule, sex, age)


def _short_age_beside_sex(columns: list[Column]) -> list[Column]:
    """年 beside a sex column (氏名 | 年 | 性) is the age written short, not a year."""
    return [
        Column(c.label, c.rule, c.sex, True)
        if c.label.strip() in _SHORT_AGE and any(0 <= j < len(columns) and columns[j].sex for j in (i - 1, i + 1))
        else c
        for i, c in enumerate(columns)
    ]


class Header:
    """The column names of a block's first line, as whole cells and as single words."""

    def __init__(self, text: str, row: Row) -> None:
        self.row = row
        self.cells = _short_age_beside_sex([_column(text[c.start : c.end]) for c in row.cells])
        self.words: list[tuple[Column, Cell]] = []
        for cell in row.cells:
            pos = cell.start
            for piece in _WORD_GAP.split(text[cell.start : cell.end]):
                s = text.index(piece, pos, cell.end) if piece else pos
                left = cell.left + display_width(text[cell.start : s])
                self.words.append((_column(piece), Cell(s, s + len(piece), left, left + display_width(piece))))
                pos = s + len(piece)

    def known(self) -> int:
        return sum(c.rule is not None or c.sex or c.age for c, _ in self.words)

    def columns(self, row: Row) -> list[Column | None]:
        """The column each cell of ``row`` stands in (None where no header word is above it)."""
        if len(row.cells) == len(self.cells):
            return list(self.cells)
        if len(row.cells) == len(self.words):
            return [column for column, _ in self.words]
        if row.bars:
            return [None] * len(row.cells)
        out: list[Column | None] = []
        for cell in row.cells:
            best, overlap = None, 0
            for column, word in self.words:
                shared = min(cell.right, word.right) - max(cell.left, word.left)
                if shared > overlap:
                    best, overlap = column, shared
            out.append(best)
        return out


_HEADER_SEARCH = 3


# A line of a form ("氏名 山田 太郎　　年齢 72歳", "性別: F") names its fields and holds their values;
# a number in a column name is glued to it (Hp(10), 観察30分, HbA1c).
_HEADER_VALUE = re.compile(
    r"[:：]|(?<![^ \u3000\t│｜|])(?:[0-9０-９]{2}|[0-9０-９][/／.][0-9０-９])|(?<![^ \u3000\t│｜|])(?:男性?|女性?|[MF])(?![^ \u3000\t│｜|])"
)


def header_of(
    text: str,
    block: list[Row],
    holds_values: Callable[[Row], bool] | None = None,
    enough: Callable[[Header], bool] | None = None,
) -> tuple[Header | None, list[Row]]:
    """The header (a line among the block's first that names two columns or more, or that ``enough``
    accepts, and holds no value) and the rows under it."""
    for index, row in enumerate(block[:_HEADER_SEARCH]):
        if _HEADER_VALUE.search(text, row.start, row.end) or (holds_values is not None and holds_values(row)):
            continue
        header = Header(text, row)
        if header.known() >= 2 or (enough is not None and enough(header)):
            return header, block[index + 1 :]
    return None, block


# --- tables whose cells stand one space apart ---------------------------------------------------
# Sample rows pasted from a query or an export ("00315527 64 M LA 46mm") keep one space
# between cells: their columns are read word by word, in order, under a header whose
# words name them (患者ID 年齢 性別 ...), and only the sex and age columns are read there.
_SEX_OR_AGE = re.compile("性|[Ss]ex|SEX|Gender|年齢|年令|[Aa]ge|AGE|ｾｲ|ﾈﾝﾚｲ")
_TOKEN = re.compile("[^ \u3000\t]+")
_VALUE_TOKEN = re.compile("[0-9０-９]+|男性?|女性?|[MFＭＦ]")
_MAX_WORD_ROWS = 40


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text, start, end)]


_PLAY = 2


def _narrow(text: str, start: int, end: int) -> bool:
    """Is the line all narrow letters? Under a header of kanji a writer lines cells up by letters or by
    screen columns, no one knows which; a line of half-width letters only lines up one way."""
    return display_width(text[start:end]) == end - start


def _under(
    text: str, header: tuple[int, list[tuple[int, int]]], row: tuple[int, list[tuple[int, int]]]
) -> list[tuple[int, int] | None]:
    """The row's word standing under each header word on screen, when the row has more words than the header.

    A name of two words under one header word (ﾀｶﾂｷ ﾉﾘｵ under ｶﾅｼﾒｲ) shifts every later word: a host's
    printout keeps its columns in place instead, so the word under a column's name is its value
    (each word goes to the nearest column name it touches, two columns of play either side; a column
    gets no value when two words or none go to it).
    """
    head_start, head_words = header
    row_start, row_words = row

    def place(line_start: int, start: int, end: int) -> tuple[int, int]:
        left = display_width(text[line_start:start])
        return left, left + display_width(text[start:end])

    heads = [place(head_start, s, e) for s, e in head_words]
    taken: list[list[tuple[int, int]]] = [[] for _ in heads]
    for s, e in row_words:
        left, right = place(row_start, s, e)
        near = [i for i, (hl, hr) in enumerate(heads) if left < hr + _PLAY and right > hl - _PLAY]
        if near:  # the column whose name's middle is nearest the word's
            taken[min(near, key=lambda i: abs(heads[i][0] + heads[i][1] - left - right))].append((s, e))
    return [words[0] if len(words) == 1 else None for words in taken]


def word_columns(text: str) -> list[tuple[list[Column], list[list[tuple[int, int] | None]]]]:
    """(columns of a header, the rows of words under it) for headers that name a sex or an age column."""
    if not _SEX_OR_AGE.search(text):
        return []
    lines, start = [], 0
    for line in text.split("\n"):
        lines.append((start, start + len(line)))
        start += len(line) + 1
    out = []
    for index, (start, end) in enumerate(lines):
        if not _SEX_OR_AGE.search(text, start, end):
            continue
        words = _tokens(text, start, end)
        if len(words) < _MIN_CELLS or any(_VALUE_TOKEN.fullmatch(text, s, e) for s, e in words):
            continue  # a key-value line ("性別 男 年齢 72") holds its values
        columns = [_column(text[s:e]) for s, e in words]
        known = sum(c.rule is not None or c.sex or c.age for c in columns)
        if known < 2 or not any(c.sex or c.age for c in columns):
            continue
        rows = []
        for r_start, r_end in lines[index + 1 : index + 1 + _MAX_WORD_ROWS]:
            if _RULE_LINE.fullmatch(text, r_start, r_end) and text[r_start:r_end].strip(_PAD):
                continue
            tokens = _tokens(text, r_start, r_end)
            if len(tokens) < len(words):
                break
            if len(tokens) == len(words):
                rows.append(tokens)
            elif _narrow(text, start, end) and _narrow(text, r_start, r_end):
                rows.append(_under(text, (start, words), (r_start, tokens)))
            else:
                rows.append(list(tokens))
        if rows:
            out.append((columns, rows))
    return out
