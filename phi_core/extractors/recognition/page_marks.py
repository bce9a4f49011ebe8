"""Page and part counters written like a month and day: 1/3, 2/3, 3/3.

A printout marks its pages (``― 1/3 ―``, ``page 2/3``, ``（1/2）``) and a set of labels or bottles its parts
(``[容器ラベル #1/3]``, ``血液培養 好気 1/2``); the marks share their second number and run from 1 to it.
Read alone each looks like a date (January 3rd), so a document whose slash pairs with one second number
hold every first number from 1 to that number, the second number among them, is counting, not dating.
None of the 33 such series on the development sets was a date. A pair followed by its weekday or a time
(1/2(火), 2/2 10:00), or after a label (受診日: 1/3, 次回 2/3), is a date whatever else the document counts.

A single pair is a page mark by its word (page 1/2, ﾍﾟｰｼﾞ 1/2, 頁 2/3, 枚数 1/1, 1/2 ページ) or by the rule
drawn on both sides of it (──── 2/3 ────, - 1/2 -): a footer, not a day.

A pair is a score too where a word of a score or a test stands right before it (MMT 4/5, 瞳孔 3/3, 合計 12/25,
NRS 8/10, Index 6/10; a surgical count: ガーゼ 10/10, needles 2/2) or a counter of items after it (12/25点, 4/5項目, 2/2セット, 6/14コース目).
"""

from __future__ import annotations

from functools import lru_cache
from collections import defaultdict

from phi_core.extractors import fast_re as re
from phi_core.japanese.chars import UNIFIED_KANJI

_PAIR = re.compile(r"(?<![0-9/.:])([1-9][0-9]?)/([1-9][0-9]?)(?![0-9/:])")
_DATED_AFTER = re.compile(r"[ \u3000]?(?:[（(][月火水木金土日]|[0-9]{1,2}[:：][0-9]{2})")
# After a label's colon or a word of a day (受診日 1/3, 次回 2/3) the pair is a value, not a mark.
_LABEL_BEFORE = re.compile(r"(?:[:：=]|日|回|期|予定)[ \u3000]*$")
_PAGE_WORD_BEFORE = re.compile(r"(?:(?i:page|p\.)|ページ|ﾍﾟｰｼﾞ|ぺ一ジ|頁|枚数|枚目)[ \u3000:：#.]*$")
_PAGE_WORD_AFTER = re.compile(r"[ \u3000]*(?:ページ|ﾍﾟｰｼﾞ|頁|枚目|(?i:pages?)(?![a-z]))")
_RULE = "─━―－—=＝\\-"
_RULED_BEFORE = re.compile(rf"[{_RULE}][ \u3000]*$")
_RULED_AFTER = re.compile(rf"[ \u3000]*[{_RULE}]")


_SCORE_BEFORE = re.compile(
    r"(?:MMT|筋力|瞳孔|NRS|VAS|スコア|点数|得点|合計|正答|正解|成功|(?i:score|index))[ \u3000]{0,2}$"
)
# An operation's count of what went in and came out (ガーゼ 10/10, 針 3/3, needles 2/2) is a tally too, unless a
# time follows (抜針 2/7 11:00: the day a needle came out); 針 alone, not the end of a word (抜針, 留置針).
_COUNT_BEFORE = re.compile(
    rf"(?:ガーゼ|ｶﾞｰｾﾞ|(?<![{UNIFIED_KANJI}])針|ﾊﾘ|器械|カウント|ｶｳﾝﾄ"
    r"|(?i:gauzes?|needles?|sponges?|swabs?|instruments?|counts?))[ \u3000]{0,2}$"
)
# Glued to the pair; not the first letter of another word (12/2 点滴中: a date, then a drip).
_COUNT_AFTER = re.compile(r"(?:点(?![滴眼検鼻耳])|項目|問|セット|コース)")


def _score(text: str, m: re.Match[str]) -> bool:
    if _COUNT_BEFORE.search(text, max(0, m.start() - 12), m.start()) and not _DATED_AFTER.match(text, m.end()):
        return True
    return bool(_SCORE_BEFORE.search(text, max(0, m.start() - 12), m.start()) or _COUNT_AFTER.match(text, m.end()))


def _page_mark(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 12) : m.start()]
    if _PAGE_WORD_BEFORE.search(before) or _PAGE_WORD_AFTER.match(text, m.end()):
        return True
    return bool(_RULED_BEFORE.search(before) and _RULED_AFTER.match(text, m.end()))


@lru_cache(maxsize=4)
def page_counters(text: str) -> frozenset[tuple[int, int]]:
    """The spans of slash pairs that count pages or parts (read once per document: several rules ask)."""
    if "/" not in text:
        return frozenset()
    out: set[tuple[int, int]] = set()
    by_total: dict[int, list[re.Match[str]]] = defaultdict(list)
    for m in _PAIR.finditer(text):
        part, total = int(m.group(1)), int(m.group(2))
        if total <= 30 and _score(text, m):
            out.add(m.span())
            continue
        if part > total or total > 20:
            continue
        if _page_mark(text, m):
            out.add(m.span())
            continue
        if not (_DATED_AFTER.match(text, m.end()) or _LABEL_BEFORE.search(text, max(0, m.start() - 6), m.start())):
            by_total[total].append(m)
    for total, marks in by_total.items():
        if total >= 2 and {int(m.group(1)) for m in marks} >= set(range(1, total + 1)):
            out.update(m.span() for m in marks)
    return frozenset(out)
