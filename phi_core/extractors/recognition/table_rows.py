"""Values in the rows of plain-text tables, read from the row and its column once the names are found.

A roster, a ledger, a line list or a dose report puts one person on a row
(table_blocks.py cuts the rows and finds each cell's column). There:

- under a sex column (性, 性別, Sex, ｾｲﾍﾞﾂ) a sex code is the sex (M, F, 男, 女,
  and the codes 1 and 2); under an age column (年齢, Age) a bare number up to
  120 is the age;
- on a row whose cell is a name found, a sex code standing alone in its cell
  is the sex, and a bare number up to 120 in the cell just before it the age
  (not in a table of sizes, where M is one: S, M, L);
- on such a row, a number of three digits or more before the name (a staff,
  badge or patient number: ``0075  ﾃﾞｨｱｽ ｱﾅ``, ``27  3320-1149  ONODERA Rie``)
  is an identifier, unless its column counts the rows (1, 2, 3 / 0131, 0132);
  the same number written elsewhere in the document is that identifier too
  (``上位：0013 6.9mSv``);
- in a column where names were found on two rows (or on one, every other cell
  being shaped like a name), or whose header names a person (担当, 実施者,
  担当医), a cell shaped like a name is a name of that column's kind (``│平野``,
  ``│坂井``, ``内海``): a family name alone, a family and given name, a katakana
  or Latin name that is not a clinical word; a family name in a cell past the
  last named column on every row is who signed it (``異常なし  関``);
- identifiers and rooms under the columns that name them (患者ID, 病室), in
  tables drawn with bars too, which the balanced table readers leave; an age
  and a sex in one cell of a name row (``72 M``); sex and age in rows whose
  cells stand one space apart, read in order under their header.
Counts, doses, lab values, scores and counters in the same tables are left
alone: they are no cell under those columns and no number before a name.
Only what no span covers yet is added; nothing found is removed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from functools import cache
from typing import Callable

from phi_core.extractors import fast_re as re
from phi_core.extractors.allow_list import load_allow_list
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.label_words import column_rule
from phi_core.extractors.recognition.name_parts import can_be_given_name, can_be_surname
from phi_core.extractors.recognition.table_blocks import Cell, Column, Header, Row, blocks, header_of, word_columns
from phi_core.extractors.recognition.value_patterns import AGE_CELL
from phi_core.japanese.chars import HIRAGANA, KANJI, KATAKANA
from phi_core.japanese.width import nfkc

_RANK = 0  # the supplements' rank: a post-pass adds where nothing was found, so the rank only labels
_PERSONS = frozenset({"PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT", "NAME_READING"})
_SEX_VALUE = re.compile("男性|女性|男|女|[MFＭＦ♂♀]")
_SEX_CODE = re.compile("男性|女性|男|女|[MFＭＦ♂♀12１２]|[Mm]ale|[Ff]emale")
# An age and a sex in one cell: "72 M", "F/34", "88歳 女".
_AGE_SEX = re.compile(
    r"(?P<age>[0-9０-９]{1,3})(?:歳|才|[yY])?[ /／・]?(?P<sex>男性?|女性?|[MFＭＦ♂♀])"
    r"|(?P<sex2>男性?|女性?|[MFＭＦ♂♀])[ /／・]?(?P<age2>[0-9０-９]{1,3})(?:歳|才|[yY])?"
)
_SIZES = re.compile("S|L|LL|XL|XXL|[2-5]L|SS|XS|ＳＳ|Ｓ|Ｌ|ＬＬ")
# A staff, badge or patient number: three digits or more, in groups joined by a hyphen.
_NUMBER = re.compile(r"[0-9０-９]{3,}(?:[-‐－][0-9０-９]{2,})*")
_DATE_LIKE = re.compile(r"(?:19|20)[0-9]{2}(?:[-‐－](?:0?[1-9]|1[0-2])(?:[-‐－][0-9]{1,2})?)?")
_KANJI_NAME = re.compile(rf"(?P<family>[{KANJI}]{{1,4}})(?:[ \u3000](?P<given>[{KANJI}{HIRAGANA}{KATAKANA}]{{1,4}}))?")
_KANA_NAME = re.compile(rf"[{KATAKANA}]{{2,}}(?:[ \u3000・･][{KATAKANA}]{{1,}}){{0,2}}")
_LATIN_NAME = re.compile(r"(?:(?:Dr|Ns|Mr|Ms|Mrs)\.?\s)?(?P<name>[A-Z][a-z]+(?:[ ,]{1,2}[A-Z][A-Za-z]+)?)")
_MIN_FOUND_IN_COLUMN = 2
_KANA_GIVEN = re.compile(rf"[{HIRAGANA}{KATAKANA}]{{1,4}}")
_READING = re.compile(rf"[{KATAKANA}{HIRAGANA}]{{2,}}(?:[ \u3000・･][{KATAKANA}{HIRAGANA}]{{1,}}){{0,3}}")
_ROOM = re.compile(r"(?:[A-Z]{1,3}[-‐－]?)?[0-9０-９]{1,4}(?:[-‐－](?:[0-9０-９]{1,2}|[A-H]))?")
_CODE = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]+(?:[-‐－/_.][0-9A-Za-z０-９Ａ-Ｚａ-ｚ]+)*")
_DIGITS = re.compile("[0-9０-９]")
# A number written one digit to a box of a form (│ID│2 1 0 5 7 7 3│): in the cell after its label it is the number.
_BOXED = re.compile("[0-9０-９](?: [0-9０-９]){3,}")
# A number standing as a word of its own: not inside a code, a date, a time or a decimal.
_NUMBER_WORD = re.compile(
    r"(?<![0-9A-Za-z０-９.:/\-‐－])[0-9０-９]+(?:[-‐－][0-9０-９]+)*(?![0-9A-Za-z０-９:/]|[.\-‐－][0-9０-９])"
)
_DECIMAL = re.compile(r"[0-9０-９]+[.．][0-9０-９]+")
_BLANK = re.compile("[-－ー―—‐/／・*＊×]?")


def _text(text: str, cell: Cell) -> str:
    return text[cell.start : cell.end]


class _Index:
    """Spans sorted by start, to find the few that overlap a stretch (a table may hold thousands)."""

    def __init__(self, spans: list[Candidate]) -> None:
        self.spans = sorted(spans, key=lambda c: c.start)
        self.starts = [c.start for c in self.spans]
        self.longest = max((c.end - c.start for c in self.spans), default=0)

    def overlapping(self, start: int, end: int) -> list[Candidate]:
        low = bisect_left(self.starts, start - self.longest)
        high = bisect_left(self.starts, end)
        return [c for c in self.spans[low:high] if c.end > start]


def _covered(index: _Index, start: int, end: int) -> bool:
    return bool(index.overlapping(start, end))


def _name_in(cell: Cell, names: _Index, more: _Index | None = None) -> Candidate | None:
    """A found name that fills most of the cell ("本人 石黒 誠" holds 石黒 誠; a bar taken in: "｜倉持")."""
    near = names.overlapping(cell.start, cell.end)
    if more is not None:
        near += more.overlapping(cell.start, cell.end)
    for span in near:
        shared = min(cell.end, span.end) - max(cell.start, span.start)
        if shared > 0 and 2 * shared >= cell.end - cell.start and 2 * shared >= span.end - span.start:
            return span
    return None


def _age(text: str, cell: Cell, digits: int = 1) -> Candidate | None:
    match = AGE_CELL.fullmatch(text, cell.start, cell.end)
    if match is None:
        return None
    if match.group("months") is not None:
        return Candidate(cell.start, cell.end, "AGE", _RANK) if digits == 1 else None
    if len(match.group("n")) < digits or int(nfkc(match.group("n"))) > 120:
        return None
    return Candidate(cell.start, cell.end, "AGE", _RANK)


def _counter_column(text: str, rows: list[Row], index: int) -> bool:
    """Do the cells of this column count the rows (1, 2, 3 or 0131, 0132)?"""
    numbers = []
    for row in rows:
        if index < len(row.cells) and _text(text, row.cells[index]).isdigit():
            numbers.append(int(nfkc(_text(text, row.cells[index]))))
    return len(numbers) >= 2 and all(b - a == 1 for a, b in zip(numbers, numbers[1:]))


def _sex_and_age(text: str, row: Row, columns: list[Column | None], sizes: bool, at: int | None) -> list[Candidate]:
    """Sex and age under their columns, and beside the name in cell ``at`` (None: no name on the row)."""
    found = []
    cells = row.cells
    for index, cell in enumerate(cells):
        column = columns[index]
        if column is not None and column.sex and _SEX_CODE.fullmatch(text, cell.start, cell.end):
            found.append(Candidate(cell.start, cell.end, "SEX", _RANK))
        elif column is not None and column.age and (age := _age(text, cell)):
            found.append(age)
        elif at is not None and index > at and (pair := _AGE_SEX.fullmatch(text, cell.start, cell.end)):
            # after the name: before it, 3F or 4W is where the bed is
            age, sex = ("age", "sex") if pair.group("age") else ("age2", "sex2")
            if int(nfkc(pair.group(age))) <= 120:
                found += [Candidate(*pair.span(age), "AGE", _RANK), Candidate(*pair.span(sex), "SEX", _RANK)]
        elif at is not None and not sizes and _SEX_VALUE.fullmatch(text, cell.start, cell.end):
            found.append(Candidate(cell.start, cell.end, "SEX", _RANK))
            if index and (age := _age(text, cells[index - 1])):
                found.append(age)
            elif index - 1 == at and index + 1 < len(cells) and (age := _age(text, cells[index + 1], 2)):
                found.append(age)  # name, sex, age
    if at is not None and at + 1 < len(cells) and columns[at + 1] is None:
        # name, age: a roster or a handover list writes the age bare after the name
        age = _age(text, cells[at + 1], 2)
        if age is not None and not (at + 2 < len(cells) and _age(text, cells[at + 2])):
            found.append(age)
    return found


def _numbers_before(text: str, row: Row, at: int, name: Candidate, counter: Callable[[int], bool]) -> list[Candidate]:
    """Numbers in the cells right before the name's (a dose or a count further left is no identifier)."""
    category = "PATIENT_ID" if name.category in ("PATIENT_NAME", "NAME_READING") else "OTHER_ID"
    index = at
    found = []
    while index > 0:
        index -= 1
        cell = row.cells[index]
        value = _text(text, cell)
        if not _NUMBER.fullmatch(value) and not value.isdigit():
            break
        if _NUMBER.fullmatch(value) and not _DATE_LIKE.fullmatch(nfkc(value)) and not counter(index):
            found.append(Candidate(cell.start, cell.end, category, _RANK))
    return found


def _name_shaped(text: str, cell: Cell, named: bool = False) -> tuple[int, int] | None:
    """Where the name lies in a cell that is a name and nothing else, else None.

    Under a column that says it holds names (``named``), a family and a given
    name one space apart need no family name the dictionary knows (綾小路 きみ).
    """
    value = _text(text, cell)
    kanji = _KANJI_NAME.fullmatch(value)
    if kanji:
        family = kanji.group("family")
        ok = can_be_surname(family) or (
            kanji.group("given") is None and len(family) >= 3 and can_be_surname(family[:2])
        )
        given = kanji.group("given")
        # A given name in kana or one the dictionary knows (きみ, 進), not a word (本人 確認中).
        ok = ok or (named and given is not None and (_KANA_GIVEN.fullmatch(given) or can_be_given_name(given)))
        return (cell.start, cell.end) if ok else None
    if _KANA_NAME.fullmatch(value):
        return cell.start, cell.end
    latin = _LATIN_NAME.fullmatch(value)
    if latin:
        return cell.start + latin.start("name"), cell.start + latin.end("name")
    return None


def _name_columns(text: str, header: Header | None, rows: list[Row], names: _Index) -> list[Candidate]:
    """Cells shaped like names in the columns that hold names (rows of the block's usual length)."""
    width = Counter(len(row.cells) for row in rows).most_common(1)[0][0]
    same = [row for row in rows if len(row.cells) == width]
    header_columns = header.columns(same[0]) if header is not None else None
    allow = load_allow_list()
    found = []
    for index in range(width):
        in_column = [_name_in(row.cells[index], names) for row in same]
        kinds = Counter(span.category for span in in_column if span is not None)
        column = header_columns[index] if header_columns and index < len(header_columns) else None
        by_header = column is not None and column.rule is not None and column.rule.read_as == "name"
        if column is not None and column.rule is not None and column.rule.category == "NAME_READING":
            found += _readings(text, [row.cells[index] for row in same])  # (a reading found as a name too)
            continue
        shaped = [
            None if span is not None else _name_shaped(text, row.cells[index], by_header)
            for row, span in zip(same, in_column)
        ]
        shaped = [where if where and not allow.allows(text, *where) else None for where in shaped]
        rest = [
            where
            for row, span, where in zip(same, in_column, shaped)
            if span is None and not _BLANK.fullmatch(text, row.cells[index].start, row.cells[index].end)
        ]
        # One name found, and every other cell of the column a family name (not any katakana word:
        # a column of drugs or devices is katakana too), says as much as two found.
        of_names = kinds and rest and all(where and _KANJI_NAME.fullmatch(text, *where) for where in rest)
        if sum(kinds.values()) < _MIN_FOUND_IN_COLUMN and not by_header and not of_names:
            continue
        category = kinds.most_common(1)[0][0] if kinds else column.rule.category
        found.extend(Candidate(*where, category, _RANK) for where in shaped if where)
    return found


def _readings(text: str, cells: list[Cell]) -> list[Candidate]:
    """Kana cells under a reading column (カナ氏名, ﾌﾘｶﾞﾅ)."""
    return [
        Candidate(cell.start, cell.end, "NAME_READING", _RANK)
        for cell in cells
        if _READING.fullmatch(text, cell.start, cell.end)
    ]


def _signatures(text: str, names_row: Row | None, rows: list[Row]) -> list[Candidate]:
    """A family name in a cell past the last named column on every row: who did it, signed.

    Logs of injections, checks and counts end each row with the family name of
    who did it, often with no column name above (``異常なし  関``).
    """
    if names_row is None or len(rows) < 2 or any(len(row.cells) != len(names_row.cells) + 1 for row in rows):
        return []
    allow = load_allow_list()
    shaped = [_name_shaped(text, row.cells[-1]) for row in rows]
    if not all(where and _KANJI_NAME.fullmatch(text, *where) for where in shaped):
        return []
    return [Candidate(*where, "PHYSICIAN_NAME", _RANK) for where in shaped if where and not allow.allows(text, *where)]


def _elsewhere(text: str, numbers: list[Candidate]) -> list[Candidate]:
    """Every other place where a number read from a table stands as a word of its own."""
    wanted = {text[c.start : c.end]: c.category for c in numbers}
    if not wanted:
        return []
    return [Candidate(*m.span(), wanted[m.group()], _RANK) for m in _NUMBER_WORD.finditer(text) if m.group() in wanted]


def _word_rows(text: str) -> list[Candidate]:
    """Sex and age in rows whose cells stand one space apart, read in order under their header."""
    found = []
    for columns, rows in word_columns(text):
        for tokens in rows:
            for column, token in zip(columns, tokens):
                if token is None:
                    continue
                start, end = token
                if column.sex and _SEX_CODE.fullmatch(text, start, end):
                    found.append(Candidate(start, end, "SEX", _RANK))
                elif column.age and (age := _age(text, Cell(start, end, 0, 0))):
                    found.append(age)
    return found


def _holds_values(row: Row, spans: _Index) -> bool:
    """Does a value found lie on the row: anything but a name, or a name after a label in its cell?"""
    for span in spans.overlapping(row.start, row.end):
        if span.category not in _PERSONS:
            return True
        if not any(cell.start == span.start for cell in row.cells):
            return True
    return False


def _label_pairs(text: str, row: Row) -> list[Candidate]:
    """A form drawn as a grid (│担当医│平野　│病室│412│): the cell after a label cell is its value.

    Labels and values take turns there; a row with two labels side by side names columns.
    """
    rules = [column_rule(_text(text, cell)) if cell.end > cell.start else None for cell in row.cells]
    if any(a is not None and b is not None for a, b in zip(rules, rules[1:])):
        return []
    found = []
    for rule, value in zip(rules, row.cells[1:]):
        if rule is None or value.end == value.start:
            continue
        if rule.read_as == "name" and (where := _name_shaped(text, value, named=True)):
            if not load_allow_list().allows(text, *where):
                found.append(Candidate(*where, rule.category or "PATIENT_NAME", _RANK))
        elif rule.read_as in ("id", "room") and (
            _ROOM.fullmatch(text, value.start, value.end)
            if rule.read_as == "room"
            else (_CODE.fullmatch(text, value.start, value.end) or _BOXED.fullmatch(text, value.start, value.end))
            and len(_DIGITS.findall(_text(text, value))) >= 3
        ):
            found.append(Candidate(value.start, value.end, rule.category or "OTHER_ID", _RANK))
        elif rule.read_as == "sex" and _SEX_CODE.fullmatch(text, value.start, value.end):
            found.append(Candidate(value.start, value.end, "SEX", _RANK))
        elif rule.read_as == "age" and (age := _age(text, value)):
            found.append(age)
    return found


def _coded(
    text: str, row: Row, columns: list[Column | None], counter: Callable[[int], bool]
) -> tuple[list[Candidate], list[Candidate]]:
    """Identifiers and rooms under the columns that name them (患者ID, カルテ番号, 病室), counters left out."""
    ids, rooms = [], []
    for index, (cell, column) in enumerate(zip(row.cells, columns)):
        if column is None or column.rule is None or column.rule.read_as not in ("id", "room"):
            continue
        value = _text(text, cell)
        if column.rule.read_as == "room":
            shaped = _ROOM.fullmatch(value) is not None
        else:
            shaped = _CODE.fullmatch(value) is not None and len(_DIGITS.findall(value)) >= 3
            shaped = shaped and not _DATE_LIKE.fullmatch(nfkc(value)) and not _DECIMAL.fullmatch(value)
        if shaped and not counter(index):
            into = rooms if column.rule.read_as == "room" else ids
            into.append(Candidate(cell.start, cell.end, column.rule.category or "OTHER_ID", _RANK))
    return ids, rooms


def _age_or_sex_header(header: Header) -> bool:
    """A header of three columns or more whose only known column is its age or sex (| 診察券 | 氏名イニシャル | 年齢 |
    判定 |): no value stands in it, so the numbers under that one column are the ages."""
    if any(_COUNT_COLUMN.search(column.label) for column in header.cells):
        return False  # a table of counts by age (| 年齢 | 件数 | 割合 |): its rows are groups, not people
    return len(header.cells) >= 3 and any(column.age or column.sex for column in header.cells)


_COUNT_COLUMN = re.compile(r"件数|人数|例数|症例数|割合|比率|[率%％]$|(?i:^n$|count|number of|total|rate|ratio)")


def table_values(text: str, spans: list[Candidate]) -> list[Candidate]:
    """The spans found, plus the sexes, ages, numbers and names the rows and columns of tables show."""
    table_blocks = blocks(text)
    extra: list[Candidate] = _word_rows(text)
    if not table_blocks and not extra:
        return spans
    found = _Index(spans)
    names = _Index([s for s in spans if s.category in _PERSONS])
    numbers: list[Candidate] = []
    for block in table_blocks:
        extra += [cand for row in block if row.bars for cand in _label_pairs(text, row)]
        header, rows = header_of(text, block, lambda row: _holds_values(row, found), _age_or_sex_header)
        if not rows:
            continue
        # Names first: a name read from its column makes its row a person's row too.
        named = rows[1:] if header is None and not _covered(found, rows[0].start, rows[0].end) else rows
        in_columns = _name_columns(text, header, named, names) if named else []
        in_columns += _signatures(text, header.row if header else (rows[0] if named is not rows else None), named)
        extra += in_columns
        read = _Index(in_columns)
        sizes = any(_SIZES.fullmatch(text, c.start, c.end) for row in rows for c in row.cells)
        counter = cache(lambda index, rows=rows: _counter_column(text, rows, index))
        for row in rows:
            columns = header.columns(row) if header is not None else [None] * len(row.cells)
            at, name = next(((i, n) for i, c in enumerate(row.cells) if (n := _name_in(c, names, read))), (None, None))
            ids, rooms = _coded(text, row, columns, counter)
            extra += _sex_and_age(text, row, columns, sizes, at) + rooms
            numbers += ids
            if at is not None and name is not None:
                numbers += _numbers_before(text, row, at, name, counter)
    extra += numbers + _elsewhere(text, numbers)
    taken = bytearray(len(text))
    for span in spans:
        taken[span.start : span.end] = b"\x01" * (span.end - span.start)
    out, persons = list(spans), {(s.start, s.end): i for i, s in enumerate(spans) if s.category in _PERSONS}
    # (duplicates dropped in the order found, not a set's: the first proposal's category, whatever the hash seed)
    for cand in sorted(dict.fromkeys(extra), key=lambda c: (c.start, -c.end)):
        if not any(taken[cand.start : cand.end]):
            out.append(cand)
            taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        elif cand.category in _PERSONS and (i := persons.get((cand.start, cand.end))) is not None:
            out[i] = out[i]._replace(category=cand.category)  # a column or a label says whose name it is
    return sorted(out, key=lambda c: c.start)
