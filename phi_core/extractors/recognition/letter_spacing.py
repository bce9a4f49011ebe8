"""Words scanned or typeset with a blank after every letter (東 久 留 米 市 滝 山, 6 階 西 病 棟).

Japanese sets no blank between the letters of a word, so three letters or more in a row, each one
blank from the next, are one spaced-out run: a printed form's spacing, or a scan's. Every pass of a
profile reads words whole, and a run of spaced letters shows it none. The closed-up copy moves each
run's blanks to its end, so its letters stand together and every position maps back to the text as
written: what a profile finds over a closed run in the copy is proposed for the original.

A word boundary inside such a line is kept: an ideographic space or two blanks part words
(甲 状 腺 外 来　問 診 票), and only the single blanks between letters move.
"""

from __future__ import annotations

from collections.abc import Callable

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA, HIRAGANA_LETTERS, JAPANESE_LETTERS, KANJI
from phi_core.extractors.recognition.label_words import _PHYSICIAN_ENDINGS, LABEL_RULES
from phi_core.extractors.recognition.name_parts import can_be_given_name, can_be_surname
from phi_core.japanese.honorifics import RELATIONS, alternation, words

# A one-letter word beside a name is a word of its own, spaced or not: a relation before it (夫 王 磊), an
# honorific, a sex or a seal after it (堀 清 様, 西園寺 勲 様 男, 根 津 印). A run sheds them at its ends; inside
# one they are letters of the word (秩 父 保 健 所).
_BEFORE_NAME = "".join(w for w in RELATIONS if len(w) == 1)
_AFTER_NAME = "".join(w for w in words("person") if len(w) == 1) + "男女印㊞"
_ANY_LETTER = f"[{KANJI}{HIRAGANA}{FULL_WIDTH_KATAKANA}0-9０-９]"
# Three letters at least, each one half-width blank apart, with no letter glued on either side (実家 東 久 留 米:
# the word before the blank is a word of its own; 氏名 大 竹: 名 belongs to its word; 1/2 本 服 用: the 2 is the
# fraction's).
_SPACED_RUN = re.compile(
    f"(?<!{_ANY_LETTER})(?<![/.\\-:：／．－]){_ANY_LETTER}(?: {_ANY_LETTER}){{2,}}(?!{_ANY_LETTER})"
)
# Not a week's header (月 火 水 木 金), nor one-letter columns among words a blank apart (日付 曜 順 科 ID 患者).
_WEEKDAYS = re.compile("[月火水木金土日 ]+")
_WORD_BEFORE = re.compile(r"[^\s]{2} $")
_WORD_AFTER = re.compile(r" [^\s]{2}")
_WIDE_GAP = re.compile("[ \u3000]{2,}")
# (a run of digits alone is a number typed one to a box: the scan repair reads those)
_DIGITS_ONLY = re.compile(r"[0-9０-９ ]+")


# A given name whose last letter a scanner's blank sets apart, one letter to a box (三浦 健 吉, 池田 なな み): the
# letter joins the name when the letters together read as a given name (not 岡本 唯 入（付き添い交代）).
SPACED_GIVEN = re.compile(f"^[{KANJI}]{{1,3}}[ \u3000](?:[{KANJI}]{{1,2}}|[{HIRAGANA_LETTERS}]{{1,3}})$")
_REST_AFTER_BLANK = re.compile(f"[ ](?P<rest>[{KANJI}]|[{HIRAGANA_LETTERS}]{{1,2}})(?=[ \u3000（(]|\n|$)")


def given_rest_after_blank(text: str, value: str, end: int) -> re.Match[str] | None:
    blank = _REST_AFTER_BLANK.match(text, end)
    return blank if blank and can_be_given_name(value.split()[-1] + blank.group("rest")) else None


def closed_up(text: str) -> tuple[str, list[int], list[tuple[int, int]]]:
    """The copy with every spaced run closed up, each position's place in the text, and the runs."""
    runs = []
    for m in _SPACED_RUN.finditer(text):
        p, q = m.span()
        while p < q and text[p] in _BEFORE_NAME:
            p += 2
        while q > p and text[q - 1] in _AFTER_NAME:
            q -= 2
        run = text[p:q]
        if (
            len(run) >= 5
            and not _DIGITS_ONLY.fullmatch(run)
            and not _WEEKDAYS.fullmatch(run)
            and not (_WORD_BEFORE.search(text, 0, m.start()) and _WORD_AFTER.match(text, m.end()))
        ):
            runs.append((p, q))
    if not runs:
        return text, [], []
    chars = list(text)
    origin = list(range(len(text)))
    for p, q in runs:
        kept = [i for i in range(p, q) if text[i] != " "]
        blanks = [i for i in range(p, q) if text[i] == " "]
        chars[p:q] = [text[i] for i in kept] + [" "] * len(blanks)
        origin[p:q] = kept + blanks
    return "".join(chars), origin, runs


def spaced_words_read(text: str, spans: list[Candidate], run: Callable[[str], list[Candidate]]) -> list[Candidate]:
    """``spans`` with what ``run`` finds over the closed-up runs of the copy: a new span is added, and a span
    that overlaps one already found widens it to both."""
    copy, origin, runs = closed_up(text)
    if not runs:
        return spans
    found = []
    for cand in run(copy):
        # A run's blanks, moved to its end, part it from what follows as a wide gap would: a span over them
        # is cut there (南 彩 花　　性 別: the name, not the label after it).
        for part in _WIDE_GAP.split(copy[cand.start : cand.end]):
            start = copy.index(part, cand.start)
            letters = [origin[i] for i in range(start, start + len(part)) if copy[i] != " "]
            if letters and any(p <= i < q for i in letters for p, q in runs):
                found.append(cand._replace(start=min(letters), end=max(letters) + 1))
    out = sorted(spans, key=lambda c: c.start)
    for cand in sorted(found, key=lambda c: c.start):
        touching = [s for s in out if s.start < cand.end and cand.start < s.end]
        if not touching:
            out.append(cand)
        elif not any(s.start <= cand.start and cand.end <= s.end for s in touching):
            best = max(touching, key=lambda s: (s.rank, s.end - s.start))
            joined = best._replace(
                start=min(cand.start, *(s.start for s in touching)), end=max(cand.end, *(s.end for s in touching))
            )
            out = [s for s in out if s not in touching] + [joined]
        out.sort(key=lambda c: c.start)
    return out


NAME_CATEGORIES = frozenset({"PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT", "NAME_READING"})
# Between the parts of a name: one or two spaces, an ideographic one, or one of each (丸 山 　清 治); a scan
# may keep an ideographic space between two plain ones (荻 原 　 紀 子).
_NAME_GAPS = (" ", "  ", "\u3000", " \u3000", "\u3000 ", " \u3000 ")
_SPACED = re.compile(r"^\S(?:(?: {1,2}|\u3000 ?| \u3000 ?)\S)+$")
# Two spaces may stand between family and given name (桜 庭  み の り); a wider gap is a new field.
_MORE_SPACED = re.compile(
    rf"(?:(?: {{1,2}}|\u3000 ?| \u3000 ?)(?!{alternation(words('person'))})[{JAPANESE_LETTERS}々])+(?![^\s、。,.()（）:：])"
)
# The family name's letters before a spaced given name found alone (稲 佐　 康 夫 ㊞), from a line's or a field's
# start: one to three single letters one blank apart, set off from the given name by a wider gap, as the parts of
# a name are (a label spaced like its value, 記 載 者 五 十 嵐, has no such gap).
_SPACED_BEFORE = re.compile(
    rf"(?:^|(?<=[\n\t\u3000：:]))(?P<letters>[{KANJI}](?: [{KANJI}]){{0,2}})(?:  |\u3000 ?| \u3000 ?)$",
    re.MULTILINE,
)
# Digits typed one to a box before a found number: 年 令 4 6 才, 0 9 0-1234-5678.
_SPACED_DIGITS_BEFORE = re.compile(r"(?<![0-9０-９A-Za-z])(?:[0-9０-９] )+$")


def join_spaced_letters(text: str, spans: list[Candidate]) -> list[Candidate]:
    """A name typed or scanned with a space between letters (山 田 太 郎) keeps its letters together.

    A name span that is itself letters with spaces between them takes the
    single letters that follow in the same way, up to the next word, and those before it from a line's or
    a field's start; a value
    that starts with a digit takes the single digits spaced before it.
    """
    out: list[Candidate] = []
    for span in spans:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.category in NAME_CATEGORIES
            and span.category in NAME_CATEGORIES
            and text[previous.end : span.start] in _NAME_GAPS
            and _SPACED.match(text[previous.start : span.end])
        ):
            out[-1] = previous._replace(end=span.end)  # 山 田 + 太 郎, found as two names
            continue
        out.append(span)
    for i, span in enumerate(out):
        if span.category in NAME_CATEGORIES and _SPACED.match(text[span.start : span.end]):
            limit = out[i + 1].start if i + 1 < len(out) else len(text)
            more = _MORE_SPACED.match(text, span.end, limit)
            if more:
                out[i] = span._replace(end=more.end())
            back = _SPACED_BEFORE.search(text, out[i - 1].end if i else 0, span.start)
            label = text[: back.start()].rstrip(" \u3000")[-1:] if back else ""
            if back and _family_name_before(label + back.group("letters"), text[span.start : span.end]):
                out[i] = out[i]._replace(start=back.start("letters"))
        elif text[span.start : span.start + 1].isdigit():
            floor = out[i - 1].end if i else 0
            before = _SPACED_DIGITS_BEFORE.search(text, max(floor, span.start - 12), span.start)
            if before:
                out[i] = span._replace(start=before.start())
    return out


def _family_name_before(letters: str, found: str) -> bool:
    """Can spaced ``letters`` (after the letter before them) be the family name of ``found``: not a label or a role
    (記 載 者; 名 of 氏　名), and ``found`` not a family name itself (調 査 員　五 十 嵐)?"""
    joined = letters.replace(" ", "")
    return (
        joined not in LABEL_RULES
        and joined[1:] not in LABEL_RULES
        and not joined.endswith(_PHYSICIAN_ENDINGS)
        and not can_be_surname(found.replace(" ", "").replace("\u3000", ""))
    )
