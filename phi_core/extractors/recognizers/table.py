"""The `table` recognizer: a CSV/TSV or Markdown cell takes the meaning of its column header."""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.label_hits import LabelHit, context_regions, label_candidates
from phi_core.extractors.recognition.label_words import column_rule
from phi_core.extractors.recognition.recognizer import Document, Recognizer, Region, register
from phi_core.japanese.width import nfkc

# --- delimited tables ----------------------------------------------------------------


def _cells(text: str, start: int, end: int, delimiter: str) -> list[tuple[int, int]]:
    """Cell contents of one line (quotes and padding excluded), honouring "a, b" quoting."""
    cells: list[tuple[int, int]] = []
    pos = start
    while pos <= end:
        while pos < end and text[pos] in " \t" and delimiter != "\t":
            pos += 1
        if pos < end and text[pos] == '"':
            close = text.find('"', pos + 1, end)
            close = end if close < 0 else close
            cells.append((pos + 1, close))
            nxt = text.find(delimiter, close, end)
        else:
            nxt = text.find(delimiter, pos, end)
            cell_end = end if nxt < 0 else nxt
            trimmed = cell_end
            while trimmed > pos and text[trimmed - 1] in " \t":
                trimmed -= 1
            cells.append((pos, trimmed))
        if nxt < 0:
            break
        pos = nxt + 1
    return cells


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, newline excluded: the rows of any table in plain text."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


_HL7_SEGMENT = re.compile(r"[ \t]*[A-Z][A-Z0-9]{2}\|")


def _delimiter(line: str) -> str:
    if '":' in line:
        return ""  # a JSON record: its keys are no columns ("display":"戸田 洋平", "user":"d1087")
    if "\t" in line:
        return "\t"
    if line.count("|") >= 2 and line.lstrip().startswith("|"):
        return "|"  # Markdown tables open with a bar; HL7 segments do not
    if line.count("|") >= 3 and not _HL7_SEGMENT.match(line):
        return "|"  # a plain-text table with bars between its columns only
    # A table drawn with heavy rules (┃研究用ID┃患者ID┃氏名) or with full-width bars between three columns
    # or more; light rules (│) and narrower bar tables are table_rows' job.
    if line.count("┃") >= 2:
        return "┃"
    if line.count("｜") >= 3:
        return "｜"
    if line.count("│") >= 3 and not line.lstrip().startswith("│"):
        return "│"  # bars between the columns only (優先│受付No│患者ID│氏名); a boxed grid is table_rows' job
    if line.count(",") >= 2:
        return ","
    return ";" if line.count(";") >= 3 else ""  # a device's log (ts;terminal;event;pt_id;staff1)


_MARKDOWN_RULE = re.compile(r"\s*\|?\s*:?-{2,}")
# A column named by a day: 9/29, 10/02(木), 2025/10/02.
_DAY_COLUMN = re.compile(r"(?:20[0-9]{2}/)?[0-9]{1,2}/[0-9]{1,2}(?:[(][月火水木金土日][)])?")


def _value_like(label: str) -> bool:
    digits = sum(ch.isdigit() for ch in label)
    return digits > 0 and digits >= sum(ch.isalpha() for ch in label)


def _label_value_pairs(columns) -> bool:
    """利用者氏名 ｜ 松 本　キ ミ エ 様 ｜ 生年月日 ｜ 昭和13年7月2日, 病棟<tab>ICU<tab>ベッド<tab>09: a form's row of labels,
    each with its value after it (a value holds a digit or a blank; none is a column's name)."""
    labels, values = columns[0::2], [value.strip() for value, _ in columns[1::2]]

    def shaped(value: str) -> bool:
        return any(ch.isdigit() or ch.isspace() for ch in value)

    return (
        len(values) >= 1
        and all(rule is not None for _, rule in labels)
        and any(shaped(value) for value in values)
        and not any(column_rule(value) is not None and not shaped(value) for value in values)
    )


def _is_header(text: str, lines, index: int, delimiter: str, columns) -> bool:
    """A header row names its columns: known labels, no values among them.

    A Markdown header is followed by its |---| rule, so a key/value table
    ("| ふりがな | きむらかな |") is not taken for a header; a table with bars
    only between its columns ("室 | 氏名 | 年齢") needs none.
    """
    named = [label for label, _ in columns if label.strip()]
    known = sum(rule is not None for _, rule in columns)
    # A system export names many columns of its own (Site, Energy, MU, Fx; AETERM, AEDECOD); three known ones make
    # it a header.
    if known < 2 or (known * 5 < len(named) * 2 and known < 3):
        return False
    # Values among the cells make a row of data; a column named with a number in it (RTT1, RTT2) does not, and
    # neither do columns named by the day they were measured beside three known ones (年齢,性別,ID,９／２９（月）).
    value_like = sum(_value_like(label) for label in named)
    if value_like > 1 and not (
        known >= 3 and all(_DAY_COLUMN.fullmatch(nfkc(label)) or not _value_like(label) for label in named)
    ):
        return False
    if _label_value_pairs(columns):
        return False
    if delimiter == "|" and text[lines[index][0] : lines[index][1]].lstrip().startswith("|"):
        if index + 1 >= len(lines):
            return False
        start, end = lines[index + 1]
        return bool(_MARKDOWN_RULE.match(text, start, end))
    return True


def table_hits(text: str) -> list[LabelHit]:
    """Cells under a header row whose column names are known labels, as label hits."""
    if not any(mark in text for mark in (",", "\t", "|", "┃", "｜", "│", ";")):
        return []
    hits: list[LabelHit] = []
    lines = line_spans(text)
    index = 0
    while index < len(lines):
        start, end = lines[index]
        delimiter = _delimiter(text[start:end])
        if not delimiter:
            index += 1
            continue
        header = _cells(text, start, end, delimiter)
        columns = [(text[s:e], column_rule(text[s:e])) for s, e in header]
        if not _is_header(text, lines, index, delimiter, columns):
            index += 1
            continue
        row = index + 1
        while row < len(lines):
            r_start, r_end = lines[row]
            row_text = text[r_start:r_end]
            if delimiter not in row_text:
                break
            if set(row_text.strip()) <= set("|-:= \t+━─┼╋┣┫├┤┠┨┃│"):
                row += 1
                continue
            cells = _cells(text, r_start, r_end, delimiter)
            if delimiter == "," and len(cells) * 2 < len(header):
                break  # a note under an export (# rows=4, mode: ...): its commas are a sentence's
            names = sum(column_rule(text[c_start:c_end]) is not None for c_start, c_end in cells)
            # a row of values holds an ID, a date or an age; a row of column names holds no digit
            if names >= 2 and not any(ch.isdigit() for ch in row_text):
                break  # a row of column names below: a new table (or a line of key-value pairs) starts there
            for (c_start, c_end), (label, rule) in zip(_cells(text, r_start, r_end, delimiter), columns):
                if rule is not None and rule.read_as == "id" and c_end - c_start <= 2:
                    continue  # 01, 2l under No: the row's count, not a record's number
                if rule is not None and c_end > c_start:
                    hits.append(LabelHit(label, rule, c_start, c_end))
            row += 1
        index = row
    return hits


@register
class TableRecognizer(Recognizer):
    """CSV/TSV exports and Markdown tables: a cell takes the meaning of its column header."""

    name = "table"
    categories = (
        "PATIENT_NAME",
        "PATIENT_ID",
        "BIRTH_DATE",
        "EXAM_DATE",
        "PHONE",
        "ADDRESS",
        "PHYSICIAN_NAME",
        "HOSPITAL_NAME",
        "OTHER_ID",
    )

    def find(self, doc: Document) -> list[Candidate]:
        hits = doc.shared("table_hits", lambda d: table_hits(d.text))
        return label_candidates(doc.text, hits)

    def regions(self, doc: Document) -> list[Region]:
        return context_regions(doc.text, doc.shared("table_hits", lambda d: table_hits(d.text)))
