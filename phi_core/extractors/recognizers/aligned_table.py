"""The `aligned-table` recognizer: plain-text tables whose columns are lined up with spaces.

Worklists, OR lists, bed boards and label prints are often text aligned with
runs of spaces (or full-width spaces) under a header row of column names. A
header is a line whose fields are mostly column labels that ``column_rule``
knows, with at least two of them; the rows under it run until a blank line or
a line with too few fields to be a row. Each row's words go to the header field
they overlap most *on screen*: alignment is by display width (a kanji takes two
columns, a half-width kana one), not by code point. Words of one row that land
in the same column form its cell, so a name with one space inside stays whole
(「河野 澄江」, "BROWN, EMILY"). A cell under a PHI column is read the way a
value after that label is read; cells under other columns (tests, doses,
procedures) are left alone.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import RANK_LABEL, Candidate
from phi_core.extractors.recognition.label_hits import LabelHit, context_regions, label_candidates
from phi_core.extractors.recognition.label_words import LABEL_RULES, LabelRule, column_rule
from phi_core.extractors.recognition.recognizer import Document, Recognizer, Region, register
from phi_core.japanese.honorifics import alternation, words
from phi_core.japanese.chars import is_half_width_katakana
from phi_core.japanese.width import display_width, nfkc

from .table import line_spans

_BLANKS = " \u3000\t|"
# A bar between columns ("1  | 8:45  | 整形外科") is a blank too: it only draws the grid.
_WORD = re.compile("[^ \u3000\t|]+")
# A rule line under the header: dashes, equals signs or box-drawing bars only.
_RULE_LINE = re.compile("[-=_─━＝ー－+|: \u3000\t]+")
# A digit that is not part of a name such as SpO2 or HbA1c: a value, not a column name.
_DIGIT = re.compile("(?<![A-Za-z])[0-9０-９]")
_VALUE_WORD = re.compile(f"男性?|女性?|[MF]|.*(?:{alternation(words('person'))})")
# Column names that say nothing about a person on their own: a test, a drug or a row can have them.
_WEAK_LABELS = frozenset({"name", "no", "no.", "#", "名前"})
# Cheap test before any work: a run of two blanks, a full-width space or a tab.
_ALIGNED = re.compile("  |\u3000|\t")
# Header words joined by one space when the pair is itself a label ("Patient Name").
_MAX_LABEL_WORDS = 3
_SEX_CELL = re.compile(r"男性|女性|男|女|[Mm]ale|[Ff]emale|[MF12ＭＦ１２]")
_AGE_SEX_CELL = re.compile(
    r"(?P<age>[0-9０-９]{1,3})(?:歳|才|y|Y)?\s?[/／・]?\s?(?P<sex>男性|女性|男|女|[MF])"
    r"|(?P<sex2>男性|女性|男|女|[MF])\s?[/／・]?\s?(?P<age2>[0-9０-９]{1,3})(?:歳|才|y|Y)?"
)
_ROOM_CELL = re.compile(r"[0-9０-９A-Za-zＡ-Ｚ][0-9０-９A-Za-zＡ-Ｚ\-－ー・]{0,9}")


_RULE_CACHE: dict[str, LabelRule | None] = {}


def _rule(label: str) -> LabelRule | None:
    """``column_rule`` remembered: the same few words are asked about on every line."""
    if label not in _RULE_CACHE:
        if len(_RULE_CACHE) > 4096:
            _RULE_CACHE.clear()
        _RULE_CACHE[label] = column_rule(label)
    return _RULE_CACHE[label]


def _may_be_header(line: str) -> bool:
    """Cheap checks on the bare words before any widths are measured."""
    if "：" in line or ": " in line or _DIGIT.search(line):
        return False
    if line.count("│") >= 3 and not line.lstrip().startswith("│"):
        return False  # columns parted by bars: the `table` recognizer reads them cell by cell
    words = _WORD.findall(line)
    return len(words) >= 3 and sum(_rule(word) is not None for word in words) >= 2


class _Word:
    """A run of non-blank characters: offsets in the text and columns on screen."""

    __slots__ = ("start", "end", "left", "right")

    def __init__(self, start: int, end: int, left: int, right: int) -> None:
        self.start, self.end, self.left, self.right = start, end, left, right


def _words(text: str, start: int, end: int) -> list[_Word]:
    words, column, pos = [], 0, start
    for match in _WORD.finditer(text, start, end):
        column += display_width(text[pos : match.start()])
        right = column + display_width(match.group())
        words.append(_Word(match.start(), match.end(), column, right))
        column, pos = right, match.end()
    return words


def _gap(text: str, a: _Word, b: _Word) -> int:
    return b.left - a.right


def _header_fields(text: str, words: list[_Word]) -> list[tuple[_Word, LabelRule | None]]:
    """Header words as fields; English words one space apart join when together they are a label."""
    fields: list[tuple[_Word, LabelRule | None]] = []
    index = 0
    while index < len(words):
        taken = 1
        for size in range(_MAX_LABEL_WORDS, 1, -1):
            group = words[index : index + size]
            if len(group) < size or any(_gap(text, a, b) != 1 or text[a.end] != " " for a, b in zip(group, group[1:])):
                continue
            # Only English names and half-width kana readings hold a space ("Patient Name", "ｶﾝｼﾞｬ ｼﾒｲ");
            # "No ｶﾙﾃNo" are two columns.
            joined = text[group[0].start : group[-1].end]
            if not (joined.isascii() or all(ch == " " or is_half_width_katakana(ch) for ch in joined)):
                continue
            rule = _rule(text[group[0].start : group[-1].end])
            if rule is not None:
                taken = size
                break
        group = words[index : index + taken]
        label_word = _Word(group[0].start, group[-1].end, group[0].left, group[-1].right)
        fields.append((label_word, _rule(text[label_word.start : label_word.end])))
        index += taken
    return fields


def _is_header(text: str, start: int, end: int, fields) -> bool:
    if len(fields) < 3 or "：" in text[start:end] or ": " in text[start:end]:
        return False
    # A key-value line ("氏名  山田 太郎  性別  男") holds values beside its labels.
    if any(_VALUE_WORD.fullmatch(text, w.start, w.end) for w, _ in fields):
        return False
    known = [rule for _, rule in fields if rule is not None]
    if len(known) < 2 or len(known) * 3 < len(fields):
        return False
    # Column names hold no values (a date or a number says the line is a record, not a header).
    if any(_DIGIT.search(text[w.start : w.end]) for w, _ in fields):
        return False
    # Columns that say only "when" (日付, 時刻) or "name" make a schedule or a list of tests
    # (Name  Value  Unit  Date), not a record of someone: one more telling column is needed.
    return any(
        rule is not None
        and rule.read_as not in ("context", "time")
        and text[w.start : w.end].lower() not in _WEAK_LABELS
        for w, rule in fields
    )


def _chunks(text: str, words: list[_Word]) -> list[list[_Word]]:
    """Words grouped by the runs of two blank columns or more between them."""
    chunks: list[list[_Word]] = []
    for word in words:
        if chunks and _gap(text, chunks[-1][-1], word) < 2:
            chunks[-1].append(word)
        else:
            chunks.append([word])
    return chunks


def _column_of(word: _Word, fields) -> int:
    """The field this word sits under: most overlap on screen, else the nearest label."""
    best, best_key = 0, None
    for index, (label, _) in enumerate(fields):
        overlap = min(word.right, label.right) - max(word.left, label.left)
        key = (overlap > 0, overlap if overlap > 0 else -max(label.left - word.right, word.left - label.right))
        if best_key is None or key > best_key:
            best, best_key = index, key
    return best


def _row_cells(text: str, words: list[_Word], fields) -> list[tuple[int, int, int]]:
    """(field, start, end) of every cell of a row.

    A row with as many runs as the header has fields is read in order: hand-aligned
    tables drift by a column or two, the order of their cells does not. Otherwise
    each word goes under the label it overlaps (or comes nearest to); words of one
    column no more than a full-width space apart make one cell.
    """
    chunks = _chunks(text, words)
    if len(chunks) == len(fields):
        return [(index, chunk[0].start, chunk[-1].end) for index, chunk in enumerate(chunks)]
    cells: list[tuple[int, int, int]] = []
    last: _Word | None = None
    for word in words:
        column = _column_of(word, fields)
        # "Oliveira, Marcos" overflowing its column is still one name.
        if last is not None and _gap(text, last, word) == 1 and text[last.end - 1] == ",":
            column = cells[-1][0]
        if cells and cells[-1][0] == column and last is not None and _gap(text, last, word) <= 2:
            cells[-1] = (column, cells[-1][1], word.end)
        else:
            cells.append((column, word.start, word.end))
        last = word
    return cells


_DRAWN_RULES = "│┃｜|"


def _cell_hits(text: str, words: list[_Word], fields) -> list[LabelHit]:
    hits = []
    for column, c_start, c_end in _row_cells(text, words, fields):
        label, rule = fields[column]
        while c_start < c_end and text[c_start] in _DRAWN_RULES:
            c_start += 1  # │坂井: the table's drawn rule, not part of the value
        while c_end > c_start and text[c_end - 1] in _DRAWN_RULES:
            c_end -= 1
        if rule is not None and c_end > c_start:
            hits.append(LabelHit(text[label.start : label.end], rule, c_start, c_end))
    return hits


def aligned_hits(text: str) -> list[LabelHit]:
    """Cells under the known columns of every space-aligned table in ``text``."""
    if not _ALIGNED.search(text):
        return []
    hits: list[LabelHit] = []
    lines = line_spans(text)
    index = 0
    while index < len(lines):
        start, end = lines[index]
        if not _ALIGNED.search(text, start, end) or not _may_be_header(text[start:end]):
            index += 1
            continue
        words = _words(text, start, end)
        fields = _header_fields(text, words)
        # Columns stand two blank columns or more apart; "預かり者 外間（看護師）" is a line of prose.
        if len(_chunks(text, words)) < 3 or not _is_header(text, start, end, fields):
            index += 1
            continue
        # Where the last row began on screen: a remark wrapped below a row goes on to a row that begins there too.
        row, row_left, wrapped = index + 1, None, False
        while row < len(lines):
            r_start, r_end = lines[row]
            if _RULE_LINE.fullmatch(text, r_start, r_end) and text[r_start:r_end].strip(_BLANKS):
                row += 1
                continue
            words = _words(text, r_start, r_end)
            chunks = _chunks(text, words)
            if wrapped and words and words[0].left > row_left + 2:
                break
            # A remark wrapped onto a line indented to the last column: the table goes on below it.
            if len(chunks) < 3 and words and row_left is not None and not wrapped:
                if words[0].left >= fields[-1][0].left - 4:
                    row, wrapped = row + 1, True
                    continue
            if len(chunks) < 3:
                break  # a blank line, or prose after the table
            # Label words as written (not by their ending: 消化器内科 and 坂東Dr are values).
            if sum(text[c[0].start : c[0].end] in LABEL_RULES for c in chunks) >= 2:
                break  # another key-value line of a form, not a row
            hits.extend(_cell_hits(text, words, fields))
            row, row_left, wrapped = row + 1, words[0].left, False
        index = max(row, index + 1)
    return hits


def _one_char_cells(text: str, hit: LabelHit) -> list[Candidate]:
    """Cells the label readers leave out: a sex code, a glued age and sex, a bed letter."""
    value = text[hit.value_start : hit.value_end]
    read_as = hit.rule.read_as
    if read_as == "sex" and _SEX_CELL.fullmatch(value):
        return [Candidate(hit.value_start, hit.value_end, "SEX", RANK_LABEL)]
    if read_as == "agesex":
        match = _AGE_SEX_CELL.fullmatch(value)
        if match:
            age, sex = ("age", "sex") if match.group("age") else ("age2", "sex2")
            return [
                Candidate(hit.value_start + match.start(age), hit.value_start + match.end(age), "AGE", RANK_LABEL),
                Candidate(hit.value_start + match.start(sex), hit.value_start + match.end(sex), "SEX", RANK_LABEL),
            ]
    if read_as == "room" and _ROOM_CELL.fullmatch(value):
        return [Candidate(hit.value_start, hit.value_end, hit.rule.category or "OTHER_ID", RANK_LABEL)]
    return []


def _keep(text: str, hit: LabelHit) -> bool:
    """Row numbers under "No" or "ID" ("01", "3") are counters, not identifiers."""
    value = text[hit.value_start : hit.value_end]
    return not (hit.rule.read_as == "id" and len(value) <= 2)


def aligned_candidates(text: str, hits: list[LabelHit]) -> list[Candidate]:
    kept = [hit for hit in hits if _keep(text, hit)]
    own = [hit for hit in kept if hit.rule.read_as in ("sex", "agesex", "room")]
    found = label_candidates(text, [hit for hit in kept if hit.rule.read_as not in ("sex", "agesex", "room")])
    for hit in own:
        found.extend(_one_char_cells(text, hit))
    return found


# --- rows with no header ------------------------------------------------------------
# Label prints and bed boards repeat one fixed layout row after row with no header.
# Only what a layout alone can tell is read there: a lone sex code beside an age,
# in the same place on every repeated row (the rest is left to the other recognizers).
_LONE_SEX = re.compile(r"男性|女性|男|女|[MF]")
_LONE_AGE = re.compile(r"(?P<n>[0-9０-９]{1,3})(?:歳|才|y|Y|ｻｲ|サイ)?")
_LAYOUT_WINDOW = 3
_MIN_LAYOUT_WORDS = 4


def _age_at(text: str, word: _Word) -> Candidate | None:
    match = _LONE_AGE.fullmatch(text, word.start, word.end)
    if not match or int(nfkc(match.group("n"))) > 120:
        return None
    return Candidate(match.start("n"), match.end("n"), "AGE", RANK_LABEL)


def _sex_and_age(text: str, words: list[_Word], index: int) -> list[Candidate]:
    word = words[index]
    if not _LONE_SEX.fullmatch(text, word.start, word.end):
        return []
    beside = [words[i] for i in (index - 1, index + 1) if 0 <= i < len(words)]
    ages = [age for age in (_age_at(text, w) for w in beside) if age is not None]
    # Numbers on both sides ("Gr 2  M 10") say nothing about which, if any, is an age.
    return [Candidate(word.start, word.end, "SEX", RANK_LABEL), ages[0]] if len(ages) == 1 else []


def repeated_layout_candidates(text: str) -> list[Candidate]:
    """A sex code and the age beside it, on rows that repeat one layout word for word on screen."""
    if not _ALIGNED.search(text):
        return []
    # Widths are measured only on lines holding a lone sex code beside a number, and
    # only when two such lines lie close together.
    starts = _lone_sex_lines(text)
    if len(starts) < 2:
        return []
    rows = []
    for start in starts:
        end = text.find("\n", start)
        words = _words(text, start, len(text) if end < 0 else end)
        rows.append((text.count("\n", 0, start), words if len(words) >= _MIN_LAYOUT_WORDS else []))
    found: dict[tuple[int, int], Candidate] = {}
    for number, (line, words) in enumerate(rows):
        layout = [w.left for w in words]
        for other_line, other in rows[number + 1 :]:
            if other_line - line > _LAYOUT_WINDOW:
                break
            if not layout or [w.left for w in other] != layout:
                continue
            for index in range(len(words)):
                pair = _sex_and_age(text, words, index), _sex_and_age(text, other, index)
                if pair[0] and pair[1]:
                    for candidate in pair[0] + pair[1]:
                        found[(candidate.start, candidate.end)] = candidate
    return list(found.values())


# A lone sex code: starts with its letter so the engine skips ahead quickly; the
# blank before it and a number beside it are checked in code.
_SEX_TOKEN = re.compile("[MF男女]性?(?=[ \u3000\t]|$)", re.MULTILINE)
_NUMBER_BESIDE = re.compile("[0-9０-９][^ \u3000\t\n]{0,2}[ \u3000\t]+$|^[ \u3000\t]+[0-9０-９]")


def _lone_sex_lines(text: str) -> list[int]:
    """Starts of the lines holding a lone sex code with a number beside it."""
    starts = set()
    for match in _SEX_TOKEN.finditer(text):
        if match.start() and text[match.start() - 1] not in " \u3000\t":
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        if line_start in starts:
            continue
        before = text[max(line_start, match.start() - 8) : match.start()]
        after = text[match.end() : match.end() + 4]
        if _NUMBER_BESIDE.search(before) or _NUMBER_BESIDE.match(after):
            starts.add(line_start)
    return sorted(starts)


@register
class AlignedTableRecognizer(Recognizer):
    """Tables aligned with spaces: a cell takes the meaning of the column header above it."""

    name: ClassVar[str] = "aligned-table"
    categories: ClassVar[tuple[str, ...]] = (
        "PATIENT_NAME",
        "PATIENT_ID",
        "PHYSICIAN_NAME",
        "AGE",
        "SEX",
        "BIRTH_DATE",
        "EXAM_DATE",
        "OTHER_DATE",
        "TIME",
        "PHONE",
        "ADDRESS",
        "DEPARTMENT",
        "HOSPITAL_NAME",
        "NAME_READING",
        "OTHER_ID",
    )

    def find(self, doc: Document) -> list[Candidate]:
        found = aligned_candidates(doc.text, doc.shared("aligned_hits", lambda d: aligned_hits(d.text)))
        return found + repeated_layout_candidates(doc.text)

    def regions(self, doc: Document) -> list[Region]:
        return context_regions(doc.text, doc.shared("aligned_hits", lambda d: aligned_hits(d.text)))
