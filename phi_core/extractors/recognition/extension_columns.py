"""Extensions read down the columns of a call log whose header names the calling or the called line.

Exchange exports, PHS histories and pager logs put one call on a line, fields between commas or
lined up with spaces and bars, under a header of field names (``日付,時刻,発信,発信者,着信,...``,
``No  送信時刻  宛先ﾍﾞﾙ  受信者``). A cell under a field that names a line (発信, 着信, 宛先ﾍﾞﾙ,
内線, PHS, Ext) and holds a bare number of an extension's width (three to five digits) is a
facility's internal number; the caller's name (発信者) and the outside numbers with dashes are
other columns, other rules.
"""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.table_blocks import Header, blocks

# The field of a line: who called (発信, 発信元), who was called (着信, 着信先, 宛先, 転送先) or a phone
# word (内線, PHS, ベル), with 番号 or No. after it; 発信者 names the person and is no line.
_LINE_FIELD = re.compile(
    r"(?:発信|着信|宛先|転送|受信)(?:元|先)?(?:ﾍﾞﾙ|ベル|内線|PHS|ＰＨＳ|番号|No\.?)?"
    r"|(?:内線|PHS|ＰＨＳ|ﾍﾞﾙ|ベル|ポケベル|(?i:ext|extension|from_ext|to_ext))(?:番号|No\.?|#)?"
)
_EXTENSION_CELL = re.compile(r"[0-9０-９]{3,5}")
_MIN_FIELDS = 3
_MAX_ROWS = 200


def _lines(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def _comma_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cells, at = [], start
    for piece in text[start:end].split(","):
        s, e = at, at + len(piece)
        while s < e and text[s] in " \u3000":
            s += 1
        while e > s and text[e - 1] in " \u3000":
            e -= 1
        cells.append((s, e))
        at += len(piece) + 1
    return cells


def _from_commas(text: str) -> list[tuple[int, int]]:
    found = []
    lines = _lines(text)
    for index, (start, end) in enumerate(lines):
        header = _comma_cells(text, start, end)
        if len(header) < _MIN_FIELDS:
            continue
        columns = [k for k, (s, e) in enumerate(header) if _LINE_FIELD.fullmatch(text, s, e)]
        if not columns:
            continue
        for r_start, r_end in lines[index + 1 : index + 1 + _MAX_ROWS]:
            cells = _comma_cells(text, r_start, r_end)
            if len(cells) != len(header):
                if text[r_start:r_end].lstrip().startswith("#"):
                    continue  # a comment line of the export
                break
            found += [cells[k] for k in columns if _EXTENSION_CELL.fullmatch(text, *cells[k])]
    return found


def _from_aligned(text: str) -> list[tuple[int, int]]:
    found = []
    for block in blocks(text):
        for index, row in enumerate(block[:3]):
            header = Header(text, row)
            if not any(_LINE_FIELD.fullmatch(column.label) for column, _ in header.words):
                continue
            if any(_EXTENSION_CELL.fullmatch(text, c.start, c.end) for c in row.cells):
                continue  # a row of values, not of names
            for below in block[index + 1 : index + 1 + _MAX_ROWS]:
                for cell, column in zip(below.cells, header.columns(below), strict=True):
                    if column is not None and _LINE_FIELD.fullmatch(column.label):
                        if _EXTENSION_CELL.fullmatch(text, cell.start, cell.end):
                            found.append((cell.start, cell.end))
            break
    return found


def extension_cells(text: str) -> list[tuple[int, int]]:
    """(start, end) of the extension numbers standing in a call log's line columns."""
    if not any(
        word in text for word in ("発信", "着信", "宛先", "転送", "受信", "内線", "PHS", "ＰＨＳ", "ﾍﾞﾙ", "ベル")
    ):
        if "ext" not in text.lower():
            return []
    found = _from_commas(text) if text.count(",") >= 2 * _MIN_FIELDS else []
    return found + _from_aligned(text)
