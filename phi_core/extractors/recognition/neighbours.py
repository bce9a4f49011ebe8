"""What stands right after a found value and belongs with it, in any kind of document.

- A postal code and the address after it, across a line break, are one address.
- An address in English goes on after a comma over its unit (…1-403-60, #2208), and a lodging's room
  and the street address after a comma are one address.
- An address goes on over what the rules stop before: a block group (鉄輪上1組), a street side after 丁目
  (8丁目南2-7), a town in kana after its ward and its block numbers (浜松市中区さくら坂1-8-3).
- An address goes on over a building name to its room (京都市…8-3 ホテル桜川 812号室):
  the guidelines put a room inside an address into the address; also when the
  block number and room were scanned with letters for digits (3丁目l2-5 コーポ白樺 2O3).
- A ward and its code or its unit in brackets, found apart, are one place (内科病棟 4B,
  精神科病棟（B2病棟）, 産科（周産期センター）).
- A room or bed written right after a ward (6階東 611-2, HCU H-4) is that patient's room: an
  identifier (OTHER_ID); one before a name is in ``room_passes.py``.
"""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.japanese.chars import HIRAGANA_LETTERS, KANJI, KATAKANA

_BUILDING_ROOM = re.compile(
    r"[ \u3000]?[^\s、。,，（(）)]{1,24}?[ \u3000]?[0-9０-９][0-9０-９OＯ]{0,4}(?:号室|号|室)(?=[\s、。,，）)]|$)"
)
# A building and its room or floor ending the line (リバーサイド南1条 1102, 森ビル3F): an address line's end;
# or ending a quoted value ("…1290-5 ライオンズ新羽 8O7"). A scanned room may hold O for a zero (ﾒｿﾞﾝ高砂 2O3).
_BUILDING_AT_LINE_END = re.compile(
    r"[^\s、。,，（(）)：:]{0,16}(?:[ \u3000][^\s、。,，（(）)：:]{1,16})?[ \u3000]?"
    r"(?:[0-9０-９][0-9０-９OＯ]{2,4}|[0-9０-９]{1,5}(?:号室|号|室)|[0-9０-９]{1,2}(?:F|Ｆ|階))"
    r"(?=[ \u3000]*$|[ \u3000]*[\"”」』](?:[ \u3000]|$))",
    re.MULTILINE,
)
# A block number broken by a scan gap (高砂4-1 2-9 ﾒｿﾞﾝ高砂 2O3 for 4-12-9): after an address that ends in a
# block number, a short run of digits and a dash, then the building or the line's end.
_ENDS_IN_BLOCK = re.compile(r"[0-9０-９][-－‐][0-9０-９]{1,3}$")
_SCAN_GAP = re.compile(r"[ \u3000][0-9０-９]{1,3}(?:[-－‐][0-9０-９]{1,4})?(?=[ \u3000]|$)", re.MULTILINE)
_LINE_END = re.compile(r"[ \u3000]*(?:\n|$)")
_WARD_SHAPED = re.compile("[0-9０-９]|病棟")  # (the next cell of a row too: 4西,412; or a particle: 5東 509へ)
_ROOM_AFTER_WARD = re.compile(
    r"[ \u3000,\t\-‐－](?P<room>[0-9０-９]{2,4}(?:[-‐－][0-9０-９A-Za-z]{1,2})?|[A-Z][-‐]?[0-9]{1,2})"
    r"(?=[\s、。,，)）（(]|[へにで](?![0-9０-９])|$)"
)


# A block number and room scanned with letters for digits (3丁目l2-5 コーポ白樺 2O3): the rules stop at the first
# letter; the rest of the line up to a break is still the address. (a digit blacked out on a copy, 飯田町１２■■,
# 丸子町■■, is still one of the number's digits)
_DAMAGED = "0-9０-９lIOo■〓"
_DAMAGED_BLOCK = re.compile(
    rf"[{_DAMAGED}]{{1,4}}(?:[-－‐][{_DAMAGED}]{{1,4}}){{0,2}}"
    rf"(?:[ \u3000][^\s、。,，（(）)]{{1,16}}?[ \u3000]?[{_DAMAGED}]{{2,4}}(?:号室|号)?)?(?=[\s、。,，）)]|$)"
)


# An address wrapped onto the next line, indented, that goes on with its block number; or, as a scan
# or a narrow form breaks it, that goes on with the end of its town's name and then the block number
# (大阪市城東区今福⏎東l-4-22 ｺｰﾎﾟ今福 2O3).
# A form's address field goes on over its next, indented line with the building and its room alone
# (…真志喜３ー２２ー５⏎      コーポ大山 ２O３): a building's name (katakana with a kanji or a building's word,
# or kanji ending in 荘, 館, 団地 …), then the room, ending the line; a measurement (血圧 120, ナトリウム 140) is no building.
_BUILDING_WORDS = (
    "ハイツ|コーポ|マンション|メゾン|レジデンス|ハイム|パレス|ハウス|ヴィラ|コート|タワー|プラザ|ヒルズ|アパート"
)
_BUILDING_NEXT_LINE = re.compile(
    rf"[ \u3000]*\n[ \u3000]{{2,}}(?:(?=[^\n]*(?:[{KANJI}]|{_BUILDING_WORDS}))[{KATAKANA}]{{2}}[^\s0-9０-９、。,，（(）)：:\-－]{{0,14}}"
    rf"|[{KANJI}]{{1,8}}(?:荘|館|寮|団地|住宅|ビル))[ \u3000]?"
    r"[0-9０-９][0-9０-９OＯ]{1,4}(?:号室|号|室)?(?=[ \u3000]*$)",
    re.MULTILINE,
)
_WRAPPED = re.compile(
    r"\n[ \u3000]{2,}(?=[0-9０-９]{1,4}[-－‐][0-9０-９])"
    rf"|\n[{KANJI}]{{1,3}}(?=(?![0０])[{_DAMAGED}]{{1,4}}[-－‐][{_DAMAGED}])"
)  # (not a label then a telephone number: 電話03-…)
# A narrow form breaks the line right after the town (東京都立川市錦町⏎3-5-l8): the next line opens with a
# block of three parts, which no list item or field does.
_WRAPPED_BLOCK = re.compile(
    rf"\n(?=[{_DAMAGED}]{{1,3}}[-－‐][{_DAMAGED}]{{1,4}}[-－‐][{_DAMAGED}]{{1,4}}(?![{_DAMAGED}\-－‐]))"
)
# A block written with 丁 alone, as parts of Osaka, Sakai and Kyoto number it (中百舌鳥町2丁77番地, 2丁3-4).
_CHO_BLOCK = re.compile(
    r"[0-9０-９]{1,3}丁(?!目)[0-9０-９]{1,5}(?:番地|番)?(?:(?:の|[-－‐])[0-9０-９]{1,4}号?)?(?![0-9０-９])"
)
_KANJI_END = re.compile(f"[{KANJI}]")
# A place the dictionary knows, then 市 and a town (and its block) as a cell or a field holds them, a space or a
# line's end after it: 浜北|市貴布祢, 浜北|市小松1■■5 (not 市民, 市役所, 市内, nor a town a sentence goes on from).
_CITY_TOWN_CELL = re.compile(
    rf"市(?![民役内外長場立営議街部])[{KANJI}]{{1,4}}(?:[{_DAMAGED}]{{1,4}}(?:[-－‐][{_DAMAGED}]{{1,4}}){{0,2}})?(?=[ \u3000\t]|\n|$)"
)
_SPACED_BLOCK = re.compile(rf"[{_DAMAGED}]{{1,4}}(?:[-－‐][ \u3000][{_DAMAGED}]{{1,4}}){{1,2}}(?=[\s、。,，）)]|$)")
# The end of a town's address the rules stop before: a block group of a hot-spring or a farming town
# (鉄輪上1組, not 1組合 or 組織), or a side of the street in a grid city after 丁目 (本郷通8丁目南2-7).
_GROUP = re.compile(r"[0-9０-９]{1,3}組(?![合長員織])")
# A town written in kana after its city or ward, then its block numbers (浜松市中区さくら坂1-8-3): the rules
# stop at the ward.
_KANA_TOWN_BLOCK = re.compile(
    rf"[{KANJI}{HIRAGANA_LETTERS}{KATAKANA}]{{1,10}}?[0-9０-９]{{1,4}}(?:[-－‐][0-9０-９]{{1,4}}){{1,3}}(?![0-9０-９])"
)
_SIDE_AFTER_CHOME = re.compile(r"[東西南北][0-9０-９]{1,3}(?:[-－‐][0-9０-９]{1,4}){0,2}(?![0-9０-９])")
# Kyoto finds a house by the streets that cross there and the way to go from them (河原町通三条下ル大黒町68,
# 烏丸通四条上る笋町): the rules stop at the first street's name.
_KYOTO_DIRECTIONS = re.compile(
    rf"(?:通)?[{KANJI}]{{0,6}}?(?:通)?(?:上ル|下ル|上る|下る|西入ル|東入ル|西入る|東入る|西入|東入)"
    rf"(?:[{KANJI}]{{1,6}}?町)?(?:[0-9０-９]{{1,4}}(?:[-－‐][0-9０-９]{{1,4}}){{0,2}}(?:番地)?)?"
)
_LOT_BRANCH = re.compile(r"の[0-9０-９]{1,4}(?![0-9０-９])")
# A postal code and the address after it on the next line or after a space are one address
# (〒231-0023⏎神奈川県横浜市…): the guidelines mark them as one span.
# A postal code read by a scan with letters for digits (53O-0O47) is still the address's postal code.
_POSTAL = re.compile(rf"[{_DAMAGED}]{{3}}[-－‐][{_DAMAGED}]{{4}}")
_POSTAL_GAP = re.compile(r"[ \u3000]{0,2}\n?[ \u3000]{0,2}")


# A postal code written with spaces around its dash, as a form's boxes or a scan leave it (〒 231 - 0023 横浜市…):
# the rules read no code there, so the address starts at the mark. Before 1998 the code had three digits
# (〒233 横浜市港南区…, an old letterhead): the same.
_SPACED_POSTAL_BEFORE = re.compile(
    r"〒[ \u3000]*([0-9０-９]{3}(?:[ \u3000]*[-－‐][ \u3000]*[0-9０-９]{4})?)[ \u3000]*$"
)


def _spaced_postal(text: str, span: Candidate, spans: list[Candidate]) -> Candidate:
    m = _SPACED_POSTAL_BEFORE.search(text, max(0, span.start - 20), span.start)
    if m is None:
        return span
    if any(s.start < m.start(1) < s.end for s in spans):
        return span
    return span._replace(start=m.start(1))


def _postal_then_address(text: str, spans: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for span in spans:
        if span.category in ("ADDRESS", "FACILITY_ADDRESS") and "〒" in text[max(0, span.start - 20) : span.start]:
            grown = _spaced_postal(text, span, spans)
            if grown is not span:
                out = [s for s in out if not (grown.start <= s.start and s.end <= span.start)]
                span = grown
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.category in ("ADDRESS", "FACILITY_ADDRESS")
            and span.category in ("ADDRESS", "FACILITY_ADDRESS")
            and _POSTAL.fullmatch(text, prev.start, prev.end)
            and prev.end < span.start
            and _POSTAL_GAP.fullmatch(text, prev.end, span.start)
        ):
            out[-1] = prev._replace(end=span.end, category=span.category)
            continue
        out.append(span)
    return out


# An address in English goes on after a comma: a unit (…1-403-60, #2208) and, after a lodging's room, the
# street address (Hotel Kamogawa Terrace, Room 1418, 京都市…) are the same address.
_UNIT_AFTER_COMMA = re.compile(r",[ ]?(?:#|(?:Apt|Unit|Room|Flat|Suite|No)\.?[ ]?#?)[0-9]{1,5}(?![0-9\-])")
_LATIN = re.compile(r"[A-Za-z]")
_PLACE_PARTS = ("ADDRESS", "FACILITY_ADDRESS", "OTHER_ID")


# A form that wraps an address after its city or ward indents the rest (大阪府東大阪市⏎　　　　 長田東2-8-31-405):
# one address, the line end and indent inside it. A next field starts at the margin, not indented.
_WRAPPED_AFTER_UNIT = re.compile(r"\n[ \u3000]{2,}")
_UNIT_KANJI = "都道府県市区町村郡"
# Where the patient lives, written after the address with its room (…2-9-4 グループホームこがね 3号室): one address.
_RESIDENCE_ROOM = re.compile(r"[ \u3000]?[0-9０-９]{1,4}号室")


def _comma_joined(text: str, spans: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for span in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.category in _PLACE_PARTS
            and span.category in ("ADDRESS", "FACILITY_ADDRESS")
            and text[prev.end : span.start] == ", "
            and _LATIN.search(text, prev.start, prev.end)
        ):
            out[-1] = prev._replace(end=span.end, category=span.category)
            continue
        if (
            prev is not None
            and prev.category == span.category == "ADDRESS"
            and text[prev.end - 1] in _UNIT_KANJI
            and _WRAPPED_AFTER_UNIT.fullmatch(text, prev.end, span.start)
        ):
            out[-1] = prev._replace(end=span.end)
            continue
        if (
            prev is not None
            and prev.category == "ADDRESS"
            and span.category == "HOSPITAL_NAME"
            and text[prev.end : span.start] in (" ", "\u3000")
            and _RESIDENCE_ROOM.match(text, span.end)
        ):
            out[-1] = prev._replace(end=_RESIDENCE_ROOM.match(text, span.end).end())
            continue
        if prev is not None and prev.end == span.start and prev.category == span.category == "ADDRESS":
            out[-1] = prev._replace(end=span.end)  # 一関市|狐禅寺字石の瀬61: two pieces found apart, one address
            continue
        if span.category in ("ADDRESS", "FACILITY_ADDRESS"):
            unit = _UNIT_AFTER_COMMA.match(text, span.end)
            if unit and _LATIN.search(text, span.start, span.end):
                span = span._replace(end=unit.end())
        out.append(span)
    return out


def _damaged_tail(text: str, end: int) -> int:
    m = _DAMAGED_BLOCK.match(text, end)
    if m is None or not any(ch.isdigit() or ch in "■〓" for ch in m.group()) or "\n" in m.group():
        return end
    return m.end()


def _building_end(text: str, at: int) -> int | None:
    m = _BUILDING_ROOM.match(text, at) or _BUILDING_AT_LINE_END.match(text, at)
    if m is None and text[at - 1 : at].isdigit():
        m = _BUILDING_NEXT_LINE.match(text, at)
        return None if m is None else m.end()
    return None if m is None or "\n" in m.group() else m.end()


_ROOM_AFTER_NUMBER = re.compile(r"[-－‐][0-9０-９]{1,4}(?=[\s、。,，)）」]|$)")


def grow_addresses(text: str, spans: list[Candidate]) -> list[Candidate]:
    out = _comma_joined(text, _postal_then_address(text, sorted(spans, key=lambda c: c.start)))
    for span in [s for s in out if s.category in ("ADDRESS", "FACILITY_ADDRESS")]:
        if span not in out:
            continue  # taken into an address grown before it
        tail = _damaged_tail(text, span.end) if text[span.end - 1 : span.end] in "丁目条線町" else span.end
        if tail == span.end and _KANJI_END.match(text, span.end - 1):
            block = _CHO_BLOCK.match(text, span.end)  # 中百舌鳥町2丁77番地: 丁 without 目
            tail = block.end() if block else tail
        if tail == span.end and _KANJI_END.match(text, span.end - 1):
            end_part = (_SIDE_AFTER_CHOME if text.endswith("丁目", span.start, span.end) else _GROUP).match(
                text, span.end
            )
            tail = end_part.end() if end_part else tail
        if tail == span.end and text[span.end - 1 : span.end] in "市区町村郡":
            town = _KANA_TOWN_BLOCK.match(text, span.end)
            tail = town.end() if town else tail
        if tail == span.end and _KANJI_END.match(text, span.end - 1):
            kyoto = _KYOTO_DIRECTIONS.match(text, span.end)  # 河原町|通三条下ル大黒町68: Kyoto's way to a house
            tail = kyoto.end() if kyoto else tail
        if tail == span.end and _KANJI_END.match(text, span.end - 1):
            spaced = _SPACED_BLOCK.match(text, span.end)  # 桜台|2- 4- l7: a scan spaced the block's numbers
            tail = spaced.end() if spaced and any(ch.isdigit() for ch in spaced.group()) else tail
        if tail == span.end and _KANJI_END.match(text, span.end - 1):
            city = _CITY_TOWN_CELL.match(text, span.end)  # 浜北|市小松1■■5 in a cell: an old city and its town
            tail = city.end() if city else tail
        if text.endswith(("番地", "番"), span.start, span.end):
            branch = _LOT_BRANCH.match(text, span.end)  # ２１５番地の３: the lot's branch number
            tail = branch.end() if branch else tail
        wrapped = _WRAPPED.match(text, span.end)
        if wrapped is None and _KANJI_END.match(text, span.end - 1):
            wrapped = _WRAPPED_BLOCK.match(text, span.end)
        if wrapped and tail == span.end:
            # "新富町2丁目⏎      14-3 コーポ新富 201": the form wrapped the address onto an indented line.
            tail = max(span.end, _damaged_tail(text, wrapped.end()))
        # What the rules read inside the wrapped line (東l-4-22 as an identifier) is part of the address.
        inside = [s for s in out if wrapped and span.end <= s.start and s.end <= tail]
        if tail > span.end and not any(span.end <= s.start < tail for s in out if s not in inside):
            grown = span._replace(end=tail)
            out = sorted([s for s in out if s is not span and s not in inside] + [grown], key=lambda c: c.start)
            span = grown  # the building and room may follow what was added (…大黒町68 ホテル鴨川 812号室)
        room = _ROOM_AFTER_NUMBER.match(text, span.end) if text[span.end - 1 : span.end].isdigit() else None
        if room and not any(span.end <= s.start < room.end() for s in out):
            # 県営東新町団地5|-304: a rule cut the building's number from its room; the number runs on.
            grown = span._replace(end=room.end())
            out = sorted([s for s in out if s is not span] + [grown], key=lambda c: c.start)
            span = grown
        end = _building_end(text, span.end)
        gap = _SCAN_GAP.match(text, span.end) if _ENDS_IN_BLOCK.search(text, span.start, span.end) else None
        if end is None and gap is not None:
            end = _building_end(text, gap.end()) or (gap.end() if _LINE_END.match(text, gap.end()) else None)
        if end is None:
            continue
        # An address piece that goes on past the building (191号 中石化大厦B座 2306室 after 体育西路) joins it.
        crossing = [s for s in out if s.start < end < s.end]
        if crossing and all(s.category == "ADDRESS" and s.start >= span.end for s in crossing):
            end = max(s.end for s in crossing)
        inside = [s for s in out if span.end <= s.start and s.end <= end]
        if any(s.start < end < s.end for s in out):
            continue  # a value crosses the room's end: leave both as they are
        grown = span._replace(end=end)
        out = sorted([s for s in out if s is not span and s not in inside] + [grown], key=lambda c: c.start)
    return out


_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


# Between two parts of one ward or unit: a space (内科病棟 4B) or an opening bracket (精神科病棟（B2病棟）).
_WARD_GAP = re.compile(r"[ \u3000]{1,2}|[ \u3000]?[（(]")
# After a space only a code joins (4B, B2, 3F): two department words there are two (内科 外科).
_WARD_CODE = re.compile(r"[0-9A-Z]{1,3}")
# A unit of the department in brackets right after it, the department's own (産科（周産期センター）,
# 内科（糖尿病センター）); not what was done there (産科（緊急帝王切開）).
_UNIT_IN_BRACKETS = re.compile(
    rf"[（(][{KANJI}{KATAKANA}・]{{2,12}}(?:センター|ユニット|病棟|外来|部門|班|チーム)[)）]"
)


def _join_ward_parts(text: str, spans: list[Candidate]) -> list[Candidate]:
    """A ward and its code or its bracketed unit, found apart, are one place: 内科病棟 4B, 産科（周産期センター）."""
    out: list[Candidate] = []
    for span in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.category == span.category == "DEPARTMENT"
            and prev.end < span.start
            and _WARD_GAP.fullmatch(text, prev.end, span.start)
            and (text[span.start - 1] in "（(" or _WARD_CODE.fullmatch(text, span.start, span.end))
        ):
            close = (
                span.end + 1 if text[span.start - 1] in "（(" and text[span.end : span.end + 1] in ")）" else span.end
            )
            out[-1] = prev._replace(end=close, rank=max(prev.rank, span.rank))
            continue
        if span.category == "DEPARTMENT":
            unit = _UNIT_IN_BRACKETS.match(text, span.end)
            if unit and not any(s.start < unit.end() and s.end > span.end for s in spans if s is not span):
                span = span._replace(end=unit.end())
        out.append(span)
    return out


def rooms_after_wards(text: str, spans: list[Candidate]) -> list[Candidate]:
    out = _join_ward_parts(text, sorted(spans, key=lambda c: c.start))
    added = []
    for i, span in enumerate(out):
        if span.category != "DEPARTMENT":
            continue
        m = _ROOM_AFTER_WARD.match(text, span.end)
        loose = m and (m.group()[0] in ",\t-‐－" or text[m.end() : m.end() + 1] in "（(")
        if not m or (loose and not _WARD_SHAPED.search(text, span.start, span.end)):
            continue  # the next cell after a department (内科,12; 内科 12（前月比）) may be a count; after a ward, the room
        start, end = m.span("room")
        if i + 1 < len(out) and out[i + 1].start < end:
            continue  # something was found there already
        added.append(Candidate(start, end, "OTHER_ID", span.rank))
    return sorted(out + added, key=lambda c: c.start) if added else out
