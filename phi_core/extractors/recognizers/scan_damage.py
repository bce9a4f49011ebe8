"""Values damaged by scanning: the rules read a repaired copy of the text.

Optical character recognition writes the letter O for zero, l or I for one, B for eight
("2O24年7月1O日", "l5:22", "O8O-4l2O-7735", even alone between a date's units: 12月l日) and kanji that look like katakana
(クリ二ック with the kanji 二), a facility's kind by a kanji of its shape (病陰), and old records print
old kanji (醫院, 國立), a PDF's radicals for kanji (⾼⽊), and a kanji of nearly the same shape (生年月曰, 保護者氐名); a value may also be broken across lines
("090-1234-\n5678", "錦町\n3-5-18"), or a space cut into a number (03-3996-58 21). The repaired copy has the same length:
letters are replaced one for one, and a line break inside a value moves to
the end of the number after it, with a map back to the original positions.
A value typed one character to a box, or scanned with a space after every
character (0 8 0 - 7 7 1 2 - 4 4 0 9, 48 1 7 O 9 3, 1 5 : 4 O), is closed up the
same way: its spaces move to its end, and so does a stray space inside a time's minutes (10:4 3) and
the blanks between the digits of a date or time and their units (2026 年 11 月 14 日, 14 時 30 分) or between
the two digits of a day (1952年 4月 1 7日), or one character to a box, units too (2 0 2 6 年 1 2 月 3 日); a dash
a typesetter set between digits (2026−11−14) is read as a hyphen.
The balanced rules run on it, and what they find where something was repaired
is proposed for the original text. The one-for-one repairs (a letter for a digit, a kanji or katakana for the
one it resembles, an old kanji for today's) keep every position, so recall-first reads the whole text through
them (``letters_read``) and every one of its recognizers and passes sees 医療センター where a scan wrote 医療セソター.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.spaced_values import (
    DIGIT_BLANK_UNIT,
    LETTER_SPACED,
    LETTER_SPACED_DATE,
    SPACED_BLOCK_UNIT,
    SPACED_MINUTES,
    SPACED_MONTH_DAY,
    SPACED_PHONE,
    SPACED_SEPARATORS,
    SPACED_UNITS,
    SPLIT_DAY,
    SPLIT_DOTTED_DAY,
    TYPESET_DASH,
    spaced_separators_ok,
)
from phi_core.taxonomy import CATEGORY_CODES
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import DIGIT, FULL_WIDTH_KATAKANA, LONG_VOWEL, RADICALS, UNIFIED_KANJI, radical_as_kanji
from phi_core.japanese.old_forms import MISREAD_KEPT_BEFORE, MISREAD_KINDS, MISREAD_SINGLE, OLD_TO_NEW

from .identifier_shape import IdentifierShapeRecognizer
from .sudachi_names import RANK_SUPPLEMENT

_DIGIT_LIKE = {"O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "Ｏ": "０", "ｌ": "１"}
# A digit blacked out or unreadable on a copy (0468-■1-2290, 1■■5) is still a digit of the number:
# read as 0 so the number keeps its shape; the mask covers the original text anyway.
_DIGIT_LIKE.update({mark: "0" for mark in "■〓▒＊\ufffd"})
# Cyrillic letters an OCR engine takes for digits (0258-3З-4419, 025-2б4-8830).
_DIGIT_LIKE.update({"З": "3", "з": "3", "б": "6", "О": "0", "о": "0"})
# Among full-width digits a look-alike is read as a full-width digit (２O２６．O９．O１, １９９０．０６．ｌ９).
_FULL_WIDTH_OF = {"0": "０", "1": "１"}
# A run of digits and digit look-alikes (with the separators of dates, times and
# numbers) holding at least one real digit, not inside a Latin word.
# An era letter may stand before it (S3l年 is 昭和31年).
_LETTER_CLOCK = re.compile(r"[0-2Ol][0-9OlI]?:[0-5O][0-9OlI]")
_RUN = re.compile(
    r"(?:(?<=(?<![A-Za-z])[MTSHR])|(?<![A-Za-zＡ-Ｚａ-ｚ]))[0-9OolI|０-９Ｏｌ■〓▒＊ЗзбоО�](?:[0-9OolI|０-９Ｏｌ■〓▒＊ЗзбоО�]|[:/.\-：／．－](?=[0-9OolI|０-９Ｏｌ■〓▒＊ЗзбоО�]))*"
    r"(?![A-XZa-xzＡ-Ｚａ-ｚ]|[Yy][A-Za-z])"  # (an age's Y may follow: 6lY / F)
)
_PHONE_DIGIT = "[0-9OolI０-９Ｏｌ]"
_KANJI_DASH_PHONE = re.compile(
    rf"(?<![0-9０-９])[0０O]{_PHONE_DIGIT}{{1,4}}([一ー]){_PHONE_DIGIT}{{1,4}}([一ー]){_PHONE_DIGIT}{{3,4}}(?![0-9０-９])"
)
# Look-alikes alone between the units of a date (12月l日, 8年O1月... l2月l日): no real digit in the run,
# but no letter stands there.
# A blank may part them from the unit before, as a form's fields set them (2O24年 lO月 l日); an hour after 午前 or
# 午後 is read so too (午後ll時).
_LETTERS_BETWEEN_UNITS = re.compile(
    r"(?:(?<=[年月])|(?<=[年月][ \u3000]))[OolI]{1,2}(?=[月日])"
    r"|(?:(?<=午前)|(?<=午後)|(?<=午前 )|(?<=午後 ))[OolI]{1,2}(?=時)"
)

# B for 8 in a number before its unit or a clock's colon, or after a clock's colon or a date's slash (8B歳, l98B 年,
# 2B日, 1B:OO, B:3O, 2l:4B, 3/B, l/2B), or opening an age (B7 歳); not a bed or a grade after a number (12B, 5B),
# which no unit follows, nor a gene's name (SLCO1B1, CYP2B6).
_EIGHT_AS_B = re.compile(
    r"(?<=[0-9OolI])(?<![A-Za-z][0-9])(?<![A-Za-z][A-Za-z])B(?=[ \u3000]?[年月日歳才時分]|[0-9]|[:：][0-5OolI][0-9OolI])"
    r"|(?<=[:：][0-9])B(?![0-9A-Za-z])"
    r"|(?<![0-9A-Za-z])B(?=[:：][0-5OolI][0-9OolI](?![0-9A-Za-z])|[0-9OolI][ \u3000]?[歳才])"
    r"|(?<=[0-9OolI]/)B(?![0-9A-Za-z])|(?<=[0-9OolI]/[0-9OolI])B(?![0-9A-Za-z])"
)
# The katakana オ a scan reads for the age's 才 after its number (I6 オ, 3オ時), not inside a katakana word.
_KANA_FOR_AGE = re.compile(f"(?<=[0-9OolI])[ ]?オ(?![{FULL_WIDTH_KATAKANA}{LONG_VOWEL}])")
# Kanji that OCR reads in place of the katakana they resemble, between katakana.
_KANA_LIKE = {"二": "ニ", "口": "ロ", "工": "エ", "力": "カ", "夕": "タ", "卜": "ト", "八": "ハ", "一": "ー"}
_KATAKANA = re.compile(f"[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]")
_KANJI_OF_KANA = {kana: kanji for kanji, kana in _KANA_LIKE.items() if kana != "ー"}
# (its neighbours true kanji, not ones a scan may have made of katakana: ハ一卜 is ハート)
_PLAIN_KANJI = f"[{UNIFIED_KANJI}](?<![{''.join(_KANA_LIKE)}])"
_KANJI_LIKE_KANA = re.compile(
    f"(?<={_PLAIN_KANJI})[{''.join(_KANJI_OF_KANA)}](?=[ ]?{_PLAIN_KANJI}|[ \u3000]*(?:\n|$)|\u3000|[ ]{{2}}|\t|[、。，,]"
    # (or a blank and a given name in katakana: 坂ロ キヨ)
    f"|[ ][{FULL_WIDTH_KATAKANA}]{{2}})"
    f"|(?<={_PLAIN_KANJI} )[{''.join(_KANJI_OF_KANA)}](?= {_PLAIN_KANJI})"
)
_RADICAL = re.compile(f"[{RADICALS}]")


def _drawn_with_bars(text: str, at: int) -> bool:
    """Does the line holding ``at`` use | as a column rule (two bars or more)?"""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text.count("|", start, end if end >= 0 else len(text)) >= 2


def _close_runs(
    pattern: re.Pattern[str],
    text: str,
    chars: list[str],
    origin: list[int],
    changed: list[int],
    taken: set[int],
    claim: bool = False,
) -> None:
    """Close up every run of ``pattern`` that no earlier pass repaired (and, with ``claim``, keep later ones off it)."""
    for m in pattern.finditer(text):
        p, q = m.span()
        if not taken & set(range(p, q)):
            _close_up(text, chars, origin, p, q)
            changed.extend(range(p, q))
            if claim:
                taken.update(range(p, q))


# (an author's affiliation number before its bracket, Hirabayashi1), stays a number)
_LETTER_AS_DIGIT = re.compile(
    r"(?<=[A-Za-z][a-z])[1|](?=[a-z]|[^A-Za-z0-9)])|(?<=[^A-Za-z0-9][A-Z])1(?=[a-z]{2})|(?<![A-Za-z0-9])l(?=[nmt][a-z]{3})"
    # inside a name in capitals: O'CONN0R, PATRlCK (0 for O, l for I, with two capitals before and one after)
    r"|(?<=[A-Z]{2})[0l](?=[A-Z]{1,8}(?![A-Za-z0-9]))"
)


def _all(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def letters_read(text: str) -> str:
    """The text with every look-alike read as what it stands for, one character for one (2O24 -> 2024,
    医療セソター -> 医療センター, 醫院 -> 医院): positions stay where they are, so spans found in it hold for the text."""
    return "".join(_read_one_for_one(text)[1])


def _read_one_for_one(text: str) -> tuple[str, list[str], list[int], list[int], set[int]]:
    """The text with its misread kanji read, the characters after every one-for-one pass, what changed,
    the misread kanji's positions, and the digits read from letters."""
    changed: list[int] = []
    # A misread kanji is read first, so that every pass below sees the unit it stands for (3 月 l8 曰).
    misread = (
        [i for i, ch in enumerate(text) if ch in MISREAD_SINGLE and text[i + 1 : i + 2] != MISREAD_KEPT_BEFORE.get(ch)]
        if any(ch in text for ch in MISREAD_SINGLE)
        else []
    )
    if misread:
        listed = list(text)
        for i in misread:
            listed[i] = MISREAD_SINGLE[text[i]]
        text = "".join(listed)
    chars = list(text)
    for m in _RUN.finditer(text):
        run = m.group()
        if not any(ch in _DIGIT_LIKE for ch in run):
            continue
        if not any(ch.isdigit() for ch in run) and not _LETTER_CLOCK.fullmatch(run):
            continue  # (a clock time may be all look-alikes: ll:OO is 11:00)
        if run.startswith("II"):
            continue  # a Roman numeral before its number (III-2, a pedigree's generation and member)
        wide = any("０" <= ch <= "９" for ch in run)
        for i, ch in enumerate(run, start=m.start()):
            if ch == "|" and _drawn_with_bars(text, i):
                continue  # 12/1|上野: a table's rule, not a one
            if ch in _DIGIT_LIKE:
                digit = _DIGIT_LIKE[ch]
                chars[i] = _FULL_WIDTH_OF.get(digit, digit) if wide else digit
                changed.append(i)
    for m in _LETTERS_BETWEEN_UNITS.finditer(text):
        for i in range(*m.span()):
            if chars[i] in _DIGIT_LIKE:
                chars[i] = _DIGIT_LIKE[chars[i]]
                changed.append(i)
    for m in _EIGHT_AS_B.finditer(text):
        chars[m.start()] = "8"
        changed.append(m.start())
    for m in _KANA_FOR_AGE.finditer(text):
        chars[m.start()] = "才"
        changed.append(m.start())
    digits_read = set(changed)
    # A phone's dashes read as the kanji one or a long vowel (O9O一5l24一887l): the shape of a number says they are dashes.
    for m in _KANJI_DASH_PHONE.finditer(text):
        for group in (1, 2):
            chars[m.start(group)] = "-"
            changed.append(m.start(group))
    # Between katakana, or ending a katakana word before a blank (吉永 サ卜 様); two look-alikes in a row
    # (ハ一卜センタ一) are read left to right, each with the one before it already read as katakana.
    for i, ch in enumerate(text):
        if ch in _KANA_LIKE and 0 < i < len(text) - 1:
            after = text[i + 1]
            after_kana = _KATAKANA.match(after) or (after in _KANA_LIKE and _KATAKANA.match(text[i + 2 : i + 3] or " "))
            if _KATAKANA.match(chars[i - 1]) and (after_kana or after in " \u3000\n"):
                chars[i] = _KANA_LIKE[ch]
                changed.append(i)
    # A radical a PDF's text writes for a kanji (⾼⽊ for 高木).
    for m in _RADICAL.finditer(text):
        if radical_as_kanji(m.group()) != m.group():
            chars[m.start()] = radical_as_kanji(m.group())
            changed.append(m.start())
    # ... and the other way: a katakana alone between kanji, a blank apart at most, or after kanji at the end of a
    # field, is the kanji it resembles (野ロ 哲夫, 井 ロ 浩 之: 口; 吉住 誠ニ　ヨシズミ: 二).
    for m in _KANJI_LIKE_KANA.finditer(text):
        chars[m.start()] = _KANJI_OF_KANA[m.group()]
        changed.append(m.start())
    # Old kanji (丸山外科醫院) read in today's form; a facility's kind misread by a kanji of its shape (病陰).
    for i, ch in enumerate(text):
        if ch in OLD_TO_NEW:
            chars[i] = OLD_TO_NEW[ch]
            changed.append(i)
    for pair, right in MISREAD_KINDS.items():
        for at in _all(text, pair):
            for k, (was, now) in enumerate(zip(pair, right)):
                if was != now:
                    chars[at + k] = now
                    changed.append(at + k)
    # Inside a Latin word a scan reads l as 1 or | (Hospita1, lnternationa|, Te1) and I as l at a word's start
    # before a consonant no English word opens with (lnternational, lmaging).
    for m in _LETTER_AS_DIGIT.finditer(text):
        if (text[m.start()] == "|" and _drawn_with_bars(text, m.start())) or m.start() in changed:
            continue
        chars[m.start()] = {"l": "I", "0": "O"}.get(text[m.start()], "l")
        changed.append(m.start())
    return text, chars, changed, misread, digits_read


def repaired(text: str) -> tuple[str, list[int], list[int]]:
    """The repaired copy, the positions that changed, and each position's place in the original."""
    text, chars, changed, misread, digits_read = _read_one_for_one(text)
    origin = list(range(len(text)))
    for m in _BROKEN_LINE.finditer(text):
        p, q = m.start(), m.end()  # the line break, then the number it cut off
        chars[p:q] = chars[p + 1 : q] + ["\n"]
        origin[p:q] = origin[p + 1 : q] + [p]
        changed.extend(range(p, q))
    for m in SPACED_PHONE.finditer(text):
        digits = sum(ch.isdigit() for ch in m.group())
        if m.group().count(" ") == 1 and m.group().count("-") == 2 and digits in (10, 11):
            p, q = m.start() + m.group().index(" "), m.end()  # the stray space, then the rest of the number
            chars[p:q] = chars[p + 1 : q] + [" "]
            origin[p:q] = origin[p + 1 : q] + [p]
            changed.extend(range(p, q))
        elif 2 <= m.group().count(" ") <= 3 and m.group().count("-") == 2 and digits in (10, 11):
            _close_up(text, chars, origin, m.start(), m.end())  # 0 90-44 81-2270: more than one stray space
            changed.extend(range(m.start(), m.end()))
    for m in SPACED_MINUTES.finditer(text):
        p = m.start() + m.group().index(" ")
        q = m.end()
        if not set(range(p, q)) & set(changed):
            chars[p:q] = chars[p + 1 : q] + [" "]
            origin[p:q] = origin[p + 1 : q] + [p]
            changed.extend(range(p, q))
    taken = set(changed)
    for m in SPACED_SEPARATORS.finditer(text):
        if spaced_separators_ok(m.group()) and not taken & set(range(*m.span())):
            _read_and_close(text, chars, origin, *m.span(), changed, taken)
    for m in SPACED_BLOCK_UNIT.finditer(text):
        if not taken & set(range(*m.span())):
            _read_and_close(text, chars, origin, *m.span(), changed, taken)
    for m in LETTER_SPACED.finditer(text):
        p, q = m.span()
        run = m.group()
        tokens = run.split(" ")
        digits = sum(ch.isdigit() for ch in run)
        if len(tokens) < 5 or sum(len(t) == 1 for t in tokens) < 4 or digits < 3 or taken & set(range(p, q)):
            continue
        if digits + sum(ch in _DIGIT_LIKE for ch in run) < 4:
            continue
        _read_and_close(text, chars, origin, p, q, changed, taken)
    _close_runs(LETTER_SPACED_DATE, text, chars, origin, changed, taken, claim=True)
    # Read with its look-alike digits read (3 月 l8 日), where no pass moved a character yet.
    read = "".join(chars)
    for m in SPACED_UNITS.finditer(read):
        p, q = m.span()
        # Only a blank between a number and its unit: 2026年 11月 14日 the rules read as it is.
        unmoved = all(origin[i] == i for i in range(p, q))
        if DIGIT_BLANK_UNIT.search(m.group()) and unmoved and not (taken - digits_read) & set(range(p, q)):
            _close_up(text, chars, origin, p, q)
            changed.extend(range(p, q))
    _close_runs(SPLIT_DAY, text, chars, origin, changed, taken)
    for m in SPACED_MONTH_DAY.finditer(text):
        p, q = m.span()
        # Letters the first pass read already may lie inside; a value another pass moved may not.
        if any(ch in _DIGIT_LIKE for ch in m.group()) and all(origin[i] == i for i in range(p, q)):
            _read_and_close(text, chars, origin, p, q, changed, taken)
    _close_runs(SPLIT_DOTTED_DAY, text, chars, origin, changed, taken)
    for m in TYPESET_DASH.finditer(text):
        chars[m.start()] = "-"
        changed.append(m.start())
    # (a misread kanji counts as changed only now: the passes above may still close up the value around it)
    return "".join(chars), sorted(set(changed) | set(misread)), origin


def _read_and_close(
    text: str, chars: list[str], origin: list[int], p: int, q: int, changed: list[int], taken: set[int]
) -> None:
    """Read the look-alike digits of text[p:q], close it up, and keep later passes off it."""
    for i in range(p, q):
        if text[i] in _DIGIT_LIKE:
            chars[i] = _DIGIT_LIKE[text[i]]
    _close_up(text, chars, origin, p, q)
    changed.extend(range(p, q))
    taken.update(range(p, q))


def _close_up(text: str, chars: list[str], origin: list[int], p: int, q: int) -> None:
    """Move the blanks of text[p:q] to its end, in the repaired copy and its map back."""
    kept = [i for i in range(p, q) if text[i] not in " \u3000"]
    blanks = [i for i in range(p, q) if text[i] in " \u3000"]
    chars[p:q] = [chars[i] for i in kept] + [text[i] for i in blanks]
    origin[p:q] = kept + blanks


def bare_spaced_digits(text: str) -> list[tuple[int, int]]:
    """Letter-spaced runs of real digits alone (1 2 3 4 5): a row of scores as often as a value typed to boxes."""
    return [m.span() for m in LETTER_SPACED.finditer(text) if all(ch.isdigit() or ch == " " for ch in m.group())]


# A line break after a digit, hyphen or kanji and before a number: the number it cut off. Not a table's next
# row, which starts with a time (8:5O), a month and day (1/1O, 6/ll: an entry's date) or a value a column gap
# (two blanks, a tab) sets apart from the next.
# Not the first cell of a CSV row (81\n0092,2025...): that line starts a record of its own; not after a clock
# time, which is whole (21:00\n308 森: the next line opens with a room); not a word (OBX, the next segment).
_BROKEN_LINE = re.compile(
    f"(?<=[-{DIGIT}{UNIFIED_KANJI}])(?<![:：][0-9]{{2}})(?<![:：][０-９]{{2}})"
    + r"\n[0-9０-９OolI][-0-9０-９OolI]*(?![-0-9０-９OolI:：/／A-Za-z]|[ \u3000]{2}|\t|,[^\n]*,)"
)


@register
class ScanDamageRecognizer(Recognizer):
    name: ClassVar[str] = "scan-damage"
    # Whatever the rules find in the repaired copy.
    categories: ClassVar[tuple[str, ...]] = CATEGORY_CODES

    def find(self, doc: Document) -> list[Candidate]:
        from phi_core.extractors.rules import run_recognizers

        fixed, changed, origin = repaired(doc.text)
        if not changed:
            return []
        found = []
        # Such a run is kept only where a rule reads it (after a label, in a field), not as a bare shape.
        bare = bare_spaced_digits(doc.text)
        # The balanced rules with their own checked supplements (era years, dates
        # without a year): balanced never lists this recognizer, so it cannot recurse.
        for cand in run_recognizers(fixed, supplements=True):
            if any(cand.start <= i < cand.end for i in changed):
                if cand.rank < 1 and any(p <= cand.start < q for p, q in bare):
                    continue
                places = origin[cand.start : cand.end]
                found.append(cand._replace(start=min(places), end=max(places) + 1, rank=RANK_SUPPLEMENT))
        # An identifier's shape (a table's ID column: OO27, O8l3) only shows once its letters are digits again:
        # digits alone, read from letters (a bar | before a number is a table's rule, 18.6 a measure).
        for cand in _IDENTIFIER_SHAPE.find(Document(fixed)):
            # (an international phone keeps its + and blanks: +66 2 1O8 4455)
            if not _DIGITS_ONLY.fullmatch(fixed, cand.start, cand.end) and cand.category != "PHONE":
                continue
            if any(cand.start <= i < cand.end and doc.text[i] in "OolI" for i in changed):
                places = origin[cand.start : cand.end]
                found.append(cand._replace(start=min(places), end=max(places) + 1, rank=RANK_SUPPLEMENT))
        return found


_IDENTIFIER_SHAPE = IdentifierShapeRecognizer()
_DIGITS_ONLY = re.compile(r"[0-9]+(?:-[0-9]+)*")
