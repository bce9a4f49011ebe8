"""Whether one predicted value holds several items ("山田太郎、佐藤花子"): the ``mixed_entry`` check."""

from __future__ import annotations

import re

from phi_core.japanese import honorifics
from phi_core.japanese.chars import JAPANESE_LETTERS

# A deliberately simple heuristic: a value is "mixed" when it contains two or
# more phone numbers or dates, or when list separators split it into two or more
# parts that all look like names. A part looks like a name when it is 2-15
# letters (kanji, kana or Latin) after dropping a title such as 様 or 先生; a
# Latin-only part must also hold a space, so "YAMADA, Taro" (surname, given
# name) stays one name. Katakana's "・" is not a separator: it joins the parts
# of one foreign name.
_PHONE = re.compile(r"(?<!\d)0\d{1,4}[-‐－ー(（]?\d{1,4}[-‐－ー)）]?\d{3,4}(?!\d)")
_DATE = re.compile(r"\d{2,4}\s*[年/\-.]\s*\d{1,2}\s*[月/\-.]\s*\d{1,2}\s*日?")
_SEPARATORS = re.compile(r"[、，,;；/／]|\s+(?:and|&)\s+|及び|および")
_NAME_LIKE = re.compile(f"[{JAPANESE_LETTERS}A-Za-z\u30fb\\s.]{{2,15}}")
_TITLES = re.compile(
    "("
    + honorifics.alternation(
        honorifics.words("person", "clinician", exclude=("さま", "殿", "君", "くん", "ちゃん", "看護師", "技師"))
    )
    + r"|Dr\.?|MD)\s*$"
)


def is_mixed_value(value: str) -> bool:
    if len(_PHONE.findall(value)) >= 2 or len(_DATE.findall(value)) >= 2:
        return True
    parts = [p.strip() for p in _SEPARATORS.split(value)]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return False
    return all(_looks_like_name(part) for part in parts)


def _looks_like_name(part: str) -> bool:
    name = _TITLES.sub("", part).strip() or part
    if not _NAME_LIKE.fullmatch(name):
        return False
    return not name.isascii() or " " in name
