"""Numbers, dates and durations written the way a reader of each language expects.

Pure functions with the language as an argument (``"ja"`` or ``"en"``), so
they are tested without Streamlit; pages pass ``current_language()``.
Japanese writes dates as 2026年11月30日 and durations as 1分30秒; English as
30 Nov 2026 and 1 min 30 s. Both use a comma for thousands and a point for
decimals (as Japanese does), so numbers differ only in their units. Missing
values (None, NaN) show as an em dash in both, never as "nan".
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

MISSING = "—"
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def format_number(value: Any, decimals: int = 0, language: str = "en", *, sign: bool = False) -> str:
    """12345.678 -> "12,345.68" (decimals=2); sign=True writes "+" before gains."""
    number = _number(value)
    if number is None:
        return MISSING
    text = f"{number:{'+' if sign else ''},.{decimals}f}"
    # -0.0 rounds to "-0": a gain of nothing has no sign.
    if float(text.replace(",", "")) == 0:
        text = f"{0:,.{decimals}f}"
    return text


def format_count(value: Any, language: str = "en") -> str:
    """A whole number with thousands separators: 1234 -> "1,234"."""
    return format_number(value, 0, language)


def format_percent(value: Any, decimals: int = 1, language: str = "en") -> str:
    """A share (0.123) as a percentage: "12.3%" in both languages."""
    number = _number(value)
    return MISSING if number is None else f"{format_number(number * 100, decimals, language)}%"


def _as_date(value: Any) -> date | None:
    if value is None or value != value:  # NaT is a datetime that differs from itself
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    to_pydatetime = getattr(value, "to_pydatetime", None)  # pandas Timestamp (NaT has none usable)
    if to_pydatetime is not None:
        try:
            return to_pydatetime().date()
        except (ValueError, AttributeError):
            return None
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip()).date()
        except ValueError:
            return None
    return None


def format_date(value: Any, language: str = "en") -> str:
    """2026-11-30 -> "2026年11月30日" (ja) or "30 Nov 2026" (en); unreadable values -> "—"."""
    day = _as_date(value)
    if day is None:
        return MISSING
    if language == "ja":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def format_duration(seconds: Any, language: str = "en") -> str:
    """Seconds as hours, minutes and seconds: 90 -> "1分30秒" (ja) or "1 min 30 s" (en).

    Below a minute one decimal is kept (24.6 s is a figure the study reports),
    two below a second (the rule-based extractor takes hundredths), so a
    column of times lines up; from a minute on, whole seconds, and zero parts
    in between are left out (3600 -> "1 h", "1時間").
    """
    number = _number(seconds)
    if number is None or number < 0:
        return MISSING
    ja = language == "ja"
    if round(number, 1) < 60:
        value = format_number(number, 2 if round(number, 2) < 1 else 1, language)
        return f"{value}秒" if ja else f"{value} s"
    total = int(round(number))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    units = (("時間", "h"), ("分", "min"), ("秒", "s"))
    parts = [(amount, unit) for amount, unit in zip((hours, minutes, secs), units) if amount]
    if ja:
        return "".join(f"{format_count(amount)}{unit[0]}" for amount, unit in parts)
    return " ".join(f"{format_count(amount)} {unit[1]}" for amount, unit in parts)
