"""Rooms, beds and wards added to what recall-first found: the post-pass that joins them in.

The forms the text shows by itself are in ``rooms.py`` (and columns of a table in
``room_columns.py``); here also what stands beside a found name: a room in brackets
or closing the item after a patient's name (徳山 良江（602）, 岡本 晴翔 くん 305), or opening it before one
at the start of a line or item (・803-1 川原 ヨネさん, ▼B1 ｵｶﾞﾀさん), a number of
record in brackets there (古川 翼 様（4410-873）), and a
ward code or floor-and-wing opening the item before one (・7E 大迫 様, ・東3　T.K. 氏),
which then counts as confirmed wherever else the same code stands alone.
"""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.room_columns import first_columns, room_columns
from phi_core.extractors.recognition.rooms import (
    BED,
    LEFT,
    MEASURED_BEFORE,
    RANK_SUPPLEMENT,
    ROOM,
    WARD_CODE,
    WARD_KANJI,
    amount,
    floor,
    is_year,
    room_form_candidates,
)
from phi_core.japanese.honorifics import alternation, words

# A room right after a patient's name: 徳山 良江（602）, 中園 (512), 坂本 茂雄（806号）, 岡本 晴翔 くん 305⏎.
_HONORIFIC = rf"(?:[ \u3000]?(?:{alternation(words('person'))}))?"
# A number of record in hyphenated groups in brackets there is the person's too: 古川 翼 様（4410-873）.
_ROOM_IN_BRACKETS = re.compile(
    rf"{_HONORIFIC}[ \u3000]?[（(](?P<room>{ROOM}(?:[-‐－](?:{BED}))?|[0-9]{{2,6}}(?:[-‐－][0-9]{{2,6}})+)(?:号室?)?[）)]"
)
_ROOM_CLOSING = re.compile(
    rf"{_HONORIFIC}[ \u3000]{{1,4}}(?P<room>{ROOM}(?:[-‐－](?:{BED}))?)(?=[ \u3000]*(?:$|[、。,，]))", re.M
)
# A ward code opening an item right before a name: ・7E 大迫 様.
_CODE_BEFORE = re.compile(rf"{LEFT}(?P<code>{WARD_CODE}|{WARD_KANJI})[ \u3000]{{1,2}}$", re.MULTILINE)
# A room said right before a patient named with an honorific, inside a line of speech (はい 502 戸塚さん,
# 次 505 竹下 誠さん); a number opening a row before a name is as often the row's counter (101  谷口 正樹様).
# A handover said aloud puts の between them (まず 702 の 坂本 ぎんさん).
_ROOM_BEFORE = re.compile(rf"(?<=[^\s・\-*■□●○])[ \u3000](?P<room>{ROOM})(?:[ \u3000]|[ \u3000]?の[ \u3000]?)$")
_HONORIFIC_AFTER = re.compile(rf"[ \u3000]?(?:{alternation(words('person', 'katakana'))})")
# A name the recognizers took for a member of staff is read too: a roster's bare names are often
# taken so (報告 → ｱﾝﾄﾞﾚｲ（2040）), and a number in brackets right after it is still that person's
# (only in brackets: a number closing an item after staff is their extension or PHS).
_NAMES = frozenset({"PATIENT_NAME", "EMERGENCY_CONTACT", "PHYSICIAN_NAME"})


# Years a person in these documents can have been born in: a bracketed number after a name outside them
# is no birth year. Fixed, not today's year, so that a text is read the same way in any year.
_BIRTH_YEAR = re.compile(r"19[0-9]{2}|20[0-2][0-9]")


def _beside_names(text: str, spans: list[Candidate]) -> list[Candidate]:
    found = []
    for span in spans:
        if span.category not in _NAMES:
            continue
        m = _ROOM_IN_BRACKETS.match(text, span.end)
        # In brackets right after a name a number that can be no birth year is the person's number
        # (ｱﾝﾄﾞﾚｲ（2040）, as 原口（1733）: the bracketed numbers after names on the development sets are all
        # numbers of record); a birth year stays (山田 花子（1957）).
        bracketed = m is not None and not _BIRTH_YEAR.fullmatch(re.match(r"\d+", m.group("room")).group())
        if m is None and span.category != "PHYSICIAN_NAME" and not text[span.start : span.end].isascii():
            # Not after a Latin name: a maker and model (Siemens Pure 312) look like one.
            m = _ROOM_CLOSING.match(text, span.end)
        if m and (bracketed or not is_year(m.group("room")[:4])):
            found.append(Candidate(*m.span("room"), "OTHER_ID", RANK_SUPPLEMENT))
        room = _ROOM_BEFORE.search(text, max(0, span.start - 10), span.start)
        if room and span.category == "PATIENT_NAME" and _HONORIFIC_AFTER.match(text, span.end):
            if not is_year(room.group("room")) and not MEASURED_BEFORE.search(
                text, max(0, room.start() - 10), room.start()
            ):
                found.append(Candidate(*room.span("room"), "OTHER_ID", RANK_SUPPLEMENT))
        line_start = text.rfind("\n", 0, span.start) + 1
        code = _CODE_BEFORE.search(text, max(line_start, span.start - 8), span.start)
        if code and not text[line_start : code.start()].strip(" \u3000・■□●○-"):
            found.append(Candidate(*code.span("code"), "DEPARTMENT", RANK_SUPPLEMENT))
    return found


# A room as a word of its own: after a blank, a bracket or a list mark, before one or a colon (506：10:00 NST),
# or before から as a handover opens on it (501からいきます).
_BARE_ROOM = re.compile(rf"{LEFT}(?P<room>{ROOM})(?=[ \u3000\t）)、。,，・･|」\]:：]|から|$)", re.MULTILINE)

_LATIN_BEFORE = re.compile(r"[A-Za-z][ \u3000]?$")


def rooms_on_known_floors(text: str, spans: list[Candidate]) -> list[Candidate]:
    """Bare numbers of a room on a floor whose rooms the document shows already (a room found elsewhere in it).

    A roster or handover names a room once by its label and then lists the others bare
    (501 佐伯 優花、502 Rahman ... 506：10:00 NST ... A得点2点以上の患者：506、502); a number of
    the same length and floor standing as a word is one of them (表示盤 408: the room a panel shows),
    unless a unit follows it or a measurement (尿量 500, 血糖 245) or a Latin word stands before it (a
    maker's model: Siemens Pure 312).
    """
    floors = {
        floor(text[c.start : c.end])
        for c in spans
        if c.category == "OTHER_ID" and re.fullmatch(ROOM, text[c.start : c.end]) and not is_year(text[c.start : c.end])
    }
    if not floors:
        return spans
    taken = [(c.start, c.end) for c in spans]
    out = list(spans)
    for m in _BARE_ROOM.finditer(text):
        start, end = m.span("room")
        if floor(m.group("room")) not in floors or is_year(m.group("room")) or amount(text, end):
            continue
        before = text[max(0, start - 10) : start]
        if (
            MEASURED_BEFORE.search(before)
            or _LATIN_BEFORE.search(before)
            or any(s < end and start < e for s, e in taken)
        ):
            continue
        out.append(Candidate(start, end, "OTHER_ID", RANK_SUPPLEMENT))
    return sorted(out, key=lambda c: c.start)


def rooms_and_wards(text: str, spans: list[Candidate]) -> list[Candidate]:
    """The spans found, plus rooms, beds and wards written without a label (see the module's notes).

    A room or ward where nothing was found is added; one that goes on past a value of its own
    kind (ベッド C found, ベッド C-12 written) widens it; one that crosses a value of another
    kind, or lies inside any value, is left out.
    """
    out = sorted(spans, key=lambda c: c.start)
    beside = _beside_names(text, out)
    codes = frozenset(text[c.start : c.end] for c in beside if c.category == "DEPARTMENT")
    for cand in sorted(
        set(room_form_candidates(text, codes) + beside + room_columns(text) + first_columns(text)),
        key=lambda c: c.start,
    ):
        touching = [s for s in out if s.start < cand.end and cand.start < s.end]
        if not touching:
            out.append(cand)
        elif all(s.category == cand.category for s in touching) and not any(
            s.start <= cand.start and cand.end <= s.end for s in touching
        ):
            joined = touching[0]._replace(
                start=min(cand.start, *(s.start for s in touching)), end=max(cand.end, *(s.end for s in touching))
            )
            out = [s for s in out if s not in touching] + [joined]
        else:
            continue
        out.sort(key=lambda c: c.start)
    return rooms_on_known_floors(text, out)


# A scanned room reads O for zero and l for one (3O8 森 重雄 様, 7l1 吉永 様): a digit first, a look-alike in it.
_SCANNED_ROOM = r"[1-9](?=[0-9]{0,2}[Ol])[0-9Ol]{2,3}"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"  # an item's number (①301 K.S様); a quote opens a cell ("715 野口 勲様)
_ROOM_BEFORE_NAME = re.compile(
    rf"(?:^|(?<=[・■□●○◎◆◇▶▷▼▽★☆\-\s：:、,，／/\"'{_CIRCLED}]))(?:(?P<room>[0-9０-９]{{3,4}}(?:[-‐－][0-9０-９]{{1,2}})?"
    rf"|[A-Z][-‐][0-9]{{1,2}}|{_SCANNED_ROOM})|(?P<bed>[A-Z][1-9][0-9]?))[ \u3000]$",  # (B5, H1: a unit's bed)
    re.MULTILINE,
)
_PATIENTS = frozenset({"PATIENT_NAME", "EMERGENCY_CONTACT"})
_ITEM_NUMBER = re.compile(r"[ \t]*(?:[0-9]{1,2}[).．）]|[(（][0-9]{1,2}[)）])")
_ROOM_BEFORE_HONOURED_NAME = re.compile(
    rf"(?<![0-9０-９A-Za-z.,/:：\-])(?P<room>[0-9０-９]{{3,4}}(?:[-‐－][0-9０-９]{{1,2}})?|{_SCANNED_ROOM})(?:の|[ \u3000])$"
    # a handover's heading: the room in brackets, the name straight after (【412】小野寺 悠真ちゃん)
    rf"|(?<=[【\[［])(?P<bracketed>[0-9０-９]{{3,4}})[】\]］][ \u3000]?$"
)
_ITEM_OPENERS = f'（(【[「」)）】]。、,，:：・→"［{_CIRCLED}'
_PERSON_HONORIFIC = re.compile(f"[ \u3000]?(?:{alternation(words('person'))})")


def rooms_before_names(text: str, spans: list[Candidate]) -> list[Candidate]:
    out = sorted(spans, key=lambda c: c.start)
    added = []
    for i, span in enumerate(out):
        if span.category not in _PATIENTS:
            continue
        floor = out[i - 1].end if i else 0
        line_start = text.rfind("\n", 0, span.start) + 1
        m = _ROOM_BEFORE_NAME.search(text, max(floor, line_start), span.start)
        honoured = _PERSON_HONORIFIC.match(text, span.end)
        if m is not None:
            opening = text[line_start : m.start()].rstrip(" \u3000・■□●○◎◆◇▶▷▼▽★☆-")
            # only an item's or a cell's opening: "803-1 川原", "申し送り：302 五十嵐さん", "| 711 吉永 様"; not "2024 山田" mid-sentence; with an
            # honorific after the name also after a bracket or a sentence's end ((黄) 520 大塚さん), not after a
            # measure's word (血圧 120 山田さん)
            numbered = _ITEM_NUMBER.fullmatch(opening)  # 1) 1108 GARCIA Roberto: a list's item number
            if (
                opening
                and opening[-1] not in "：:、,，／/|│"
                and not (honoured and opening[-1] in _ITEM_OPENERS)
                and not numbered
            ):
                continue
        elif (
            honoured
        ):  # a patient whatever opens the item: (黄) 520 大塚さん, 805の小野寺 功さん, （311 小島 勝様の奥様）
            m = _ROOM_BEFORE_HONOURED_NAME.search(text, max(floor, line_start, span.start - 8), span.start)
            before = text[line_start : m.start()].rstrip(" \u3000") if m else ""
            if m and before and before[-1] not in _ITEM_OPENERS:
                m = None  # 血圧 120 山田さん: a measure's word before the number, not an item's opening
        if m is None:
            continue
        group = next(g for g in ("room", "bed", "bracketed") if m.groupdict().get(g))
        room = m.group(group)
        if len(room) == 4 and room.isdigit() and room.startswith(("19", "20")):
            continue  # a year
        added.append(Candidate(*m.span(group), "OTHER_ID", span.rank))
    return sorted(out + added, key=lambda c: c.start) if added else out
