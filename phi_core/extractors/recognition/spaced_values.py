"""The shapes of values a form or a scan spaced out: a blank after every digit, between a number and its unit,
or inside a group of digits. scan_damage closes them up in its repaired copy."""

from __future__ import annotations

from phi_core.extractors import fast_re as re
from phi_core.japanese.eras import ERA_NAMES


# Digits and their units of date and time set apart by blanks, as a word processor or OCR spaces them:
# 2026 年 11 月 14 日, 令和 8 年 11 月 14 日, 14 時 30 分, 午後 2 時 (67 歳 the rules read as it is).
SPACED_UNITS = re.compile(
    rf"(?:(?:{'|'.join(ERA_NAMES)}|午前|午後)[ \u3000]?)?[0-9０-９]{{1,4}}[ \u3000]?[年月日時分]"
    r"(?:[ \u3000]?[0-9０-９]{1,2}[ \u3000]?[月日時分秒])+"
    r"|(?:午前|午後)[ \u3000]?[0-9０-９]{1,2}[ \u3000]?時"
    # an hour alone, when what follows makes it a time of day (翌朝 9 時に, 9 時頃); not 3 時間
    r"|(?<![0-9０-９])[0-9０-９]{1,2}[ \u3000]時(?=[ \u3000]?(?:に|から|頃|ごろ|過ぎ|半|まで|すぎ))"
    # a newborn's age in days or weeks (生後 31 日)
    r"|(?<=生後)[ \u3000]?[0-9０-９]{1,3}[ \u3000](?:日|週|か月|ヶ月)"
)
# A stray space between the two digits of a month or a day after the unit before it (1952年 4月 1 7日).
# A date or time set one character to a box, its units too (2 0 2 6 年 1 2 月 3 日, 1 4 時 3 0 分).
# The era's name may be spaced out too (令 和 8 年 1 0 月 2 日).
SPACED_ERA = "|".join(" ".join(name) for name in ERA_NAMES)
LETTER_SPACED_DATE = re.compile(
    rf"(?:(?:{SPACED_ERA}) )?(?<![0-9])[0-9](?: [0-9]){{0,3}} [年月](?: [0-9](?: [0-9])? [月日時分])+"
    # (not the first units of a date whose day has two digits together: 6 年 3 月 18 日 is spaced by unit)
    r"(?![ \u3000]?[0-9OolI]{2})"
    r"|(?<![0-9])[0-9](?: [0-9])? 時 [0-9] [0-9] 分"
)
# A month and day of look-alikes with a stray space after the slash (ll/ l6): closed up only where a letter shows
# the scan's damage, since 1/ 2 may be a ratio.
SPACED_MONTH_DAY = re.compile(r"(?<![0-9A-Za-z/])[0-9OlI]{1,2}/ [0-9OlI]{1,2}(?![0-9A-Za-z/]| ?[:：])")
# A full date with a stray space between the two digits of its day (2024.9.2 5), not a time or a count after it.
SPLIT_DOTTED_DAY = re.compile(
    r"(?<![0-9.])(?:19|20)[0-9]{2}([./])(?:0?[1-9]|1[0-2])\1[0-3] [0-9](?![0-9:.,]|[ ]?(?:[%件回人名個本枚]|mg|mL|kg))"
)
SPLIT_DAY = re.compile(r"(?<=[年月])[ \u3000]?[0-9] [0-9][月日]")
# A blank between an address's number and its unit (泉中央 4 丁目, 3 番地): where a letter-spaced line was scanned.
# The number after the unit comes with it, however its letters were spaced (4 丁目 1 8 - 5 - 7 0 3).
SPACED_BLOCK_UNIT = re.compile(
    r"(?<![0-9０-９.．])[0-9０-９]{1,3}[ \u3000](?:丁目|番地|番(?![号組目手])|号(?![室館棟車]))"
    r"(?:[ \u3000]?[0-9０-９](?:[ ]?[-－‐][ ]?[0-9０-９OolI]|[ ]?[0-9０-９OolI])*)?"
)
DIGIT_BLANK_UNIT = re.compile(r"[0-9０-９][ \u3000][年月日時分秒]")
# A dash set by a typesetter or a word processor between digits (2026−11−14, 2026–11–14): read as a hyphen.
TYPESET_DASH = re.compile(r"(?<=[0-9])[‐‑‒–—―−](?=[0-9])")
# A time with a stray space between the digits of its minutes (10:4 3).
SPACED_MINUTES = re.compile(r"(?<![0-9:.])(?:[01]?[0-9]|2[0-3]):[0-5] [0-9](?![0-9:.]| [0-9])")


# One character to a box: digits, full-width too (and their look-alikes) and the separators of phones, times and dates,
# each one space from the next; the first box may hold two digits (48 1 7 O 9 3). A space between
# groups of several digits (2026 11 14, 120 80) is a separator of its own, not a box.
# A label's colon may stand just before it (ID：2 0 7 4 4 l 8), and a separator may be set without its blanks
# (〒9 8 1-3 1 3 3); the separator after a digit is the middle of a longer number, not a label.
LETTER_SPACED = re.compile(
    r"(?<![0-9０-９A-Za-z])(?<![0-9０-９][:/.\-：／．－])(?<![0-9０-９:/.\-：／．－] )[0-9０-９OolI]{1,2}"
    r"(?: [0-9０-９OolI:/.\-：／．－]|[/.\-／．－](?=[ ]?[0-9０-９OolI])|(?<=[/.\-／．－])[0-9０-９OolI])+"
    r" [0-9０-９OolI](?![0-9０-９A-Za-z]| [0-9０-９A-Za-z])"
)


# A telephone number with a stray space inside a group (03-3996-58 21, 049-2 24-7713).
SPACED_PHONE = re.compile(r"(?<![0-9A-Za-z-])0(?: ?[0-9]){0,4}(?:-[0-9][0-9 ]{0,4}){2}(?<=[0-9])(?![0-9])")


# A scan that set a blank on each side of every separator (O6 - 6971 - 33O8, 〒 537 - OO14, ll : lO): a telephone
# number of ten or eleven digits, a postcode after its mark, and a clock time with two digits of minutes (not a
# ratio such as 2 : 1). Their digits may be look-alikes.
_SCAN_DIGIT = "[0-9OolI]"
SPACED_SEPARATORS = re.compile(
    rf"(?<![0-9A-Za-z\-])[0O]{_SCAN_DIGIT}{{1,4}} - {_SCAN_DIGIT}{{1,4}} - {_SCAN_DIGIT}{{3,4}}(?![0-9A-Za-z]| -)"
    rf"|(?<=〒)[ \u3000]?{_SCAN_DIGIT}{{3}} - {_SCAN_DIGIT}{{4}}(?![0-9A-Za-z])"
    rf"|(?<![0-9A-Za-z:：])(?:[01Ol]?{_SCAN_DIGIT}|2[0-3]) : [0-5OlI]{_SCAN_DIGIT}(?![0-9A-Za-z]| :)"
)


def spaced_separators_ok(value: str) -> bool:
    """Does a run of SPACED_SEPARATORS hold a whole value: a phone of ten or eleven digits, a postcode, or a time that
    a letter shows to be scanned (1 : 40 in clean digits is a titre's ratio)?"""
    if value.count("-") == 2:
        return sum(ch not in " -" for ch in value) in (10, 11)
    return ":" not in value or any(ch in "OolI" for ch in value)
