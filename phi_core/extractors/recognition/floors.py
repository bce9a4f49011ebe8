"""Is a number glued to F a building's floor rather than an age with its sex (2F 会議室, 82F 肺炎)?

Rosters and line lists glue an age to its sex code (82F, 4F); notices, schedules and logs write a
floor the same way. A floor has its place after it (2F 会議室, 1F ﾛﾋﾞｰ, 7F West, 3F 処置室B) or the
building before it (基地病院 3F, センター 2F). A bare katakana word after a floor of one digit is a
place too (1F ﾛﾋﾞｰ); after two digits it may be the patient's diagnosis in katakana (72F ｶｾﾞ), so
only a word of a place counts there.
"""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HALF_WIDTH_KATAKANA

_KATAKANA_WORD = re.compile(rf"[ \u3000]{{0,2}}[{FULL_WIDTH_KATAKANA}{HALF_WIDTH_KATAKANA}]")
_PLACE_WORD = re.compile(
    r"[ \u3000,，]{0,2}(?:[^\s、。,]{0,8}?(?:室|廊下|ホール|ロビー|ﾛﾋﾞｰ|棟|館|口|ｴﾘｱ|エリア|フロア|コーナー|階段|売店|受付|窓口)"
    r"|(?i:west|east|north|south|room|rm|lobby|hall|ward|wing|conference|floor|stair[a-z]*|elevator|entrance)(?![a-z]))"
)
_BUILDING_BEFORE = re.compile(
    r"(?:病院|センター|会館|ビル|棟|館|庁舎|クリニック|医院|(?i:building|hospital|center|centre))[ \u3000]?$"
)


def is_floor(text: str, start: int, end: int) -> bool:
    """text[start:end] is digits then F: is it a floor by what stands around it?"""
    if text[end - 1 : end] not in ("F", "Ｆ"):
        return False
    if _BUILDING_BEFORE.search(text, max(0, start - 12), start):
        return True
    if _PLACE_WORD.match(text, end):
        return True
    return end - start == 2 and _KATAKANA_WORD.match(text, end) is not None
