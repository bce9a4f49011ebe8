"""Labels set off by a bar: a Markdown table's cell ("| 患者氏名 | 荒木節子 |") or a form's line ("郵便番号　｜ 350-1123")."""

from __future__ import annotations

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.id_label_words import _ID_LABELS
from phi_core.extractors.recognition.label_words import _PHYSICIAN_ENDINGS, LABEL_RULES
from phi_core.japanese.chars import is_kanji


# What may stand before a form's label on its line: blanks and a bullet.
_LEAD = " \t\u3000■□●○◆・*-"
# A label's qualifier in brackets at its end: 姓（漢字）, 氏名(カナ).
_QUALIFIER = re.compile(r"[（(][^（()）]{1,8}[)）]$")


def is_table_label_cell(text: str, bar: int) -> bool:
    """A Markdown table row "| 患者氏名 | 荒木節子 |": the cell before the bar opens the line."""
    line_start = text.rfind("\n", 0, bar) + 1
    rule = text[bar]
    return text[line_start:bar].lstrip().startswith(rule) and text.count(rule, line_start, bar) == 1


def is_form_label_cell(text: str, bar: int) -> bool:
    """A form's line "郵便番号　｜ 350-1123": the first bar on the line, and a value after it that is no label itself (a table's header row, 氏名｜年齢｜疾患, names its columns, not a value)."""
    line_start = text.rfind("\n", 0, bar) + 1
    rule = text[bar]
    if text.count(rule, line_start, bar):
        return False
    line_end = text.find("\n", bar)
    line_end = len(text) if line_end < 0 else line_end
    bars = text.count(rule, line_start, line_end)
    if bars >= 2 and line_end < len(text):
        # (a row of as many cells follows that opens with a value, not a label: the line is a table's header,
        # 氏名｜職種｜接触日 over 山田｜看護師｜2/1; a form's next line opens with its next label, 生年月日 | …)
        next_end = text.find("\n", line_end + 1)
        next_end = len(text) if next_end < 0 else next_end
        if text.count(rule, line_end + 1, next_end) == bars:
            first = text[line_end + 1 : text.find(rule, line_end + 1, next_end)].strip(_LEAD)
            if not (is_label_word(_QUALIFIER.sub("", first)) or _QUALIFIER.search(first)):
                return False
    next_bar = text.find(rule, bar + 1, line_end)
    value = text[bar + 1 : line_end if next_bar < 0 else next_bar].strip(" \t\u3000")
    return bool(value) and not is_label_word(value)


def opens_line(text: str, start: int) -> bool:
    """Only blanks and a bullet stand before ``start`` on its line (■ 氏名, not "Shonan Harbor Hospital | Tel")."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(_LEAD)


def is_label_word(word: str) -> bool:
    return (
        word in LABEL_RULES
        or word in _ID_LABELS
        or (word.endswith(_PHYSICIAN_ENDINGS) and all(is_kanji(c) for c in word))
    )
