"""The building and room written after a street number: the end of an address.

大阪市西成区花園南2丁目4-10 コーポ花園 203号, 新横浜2-7-11 ノースゲートレジデンス 1104号,
阿左美1820-4 コーポ笠懸 B-103, 祇園町南側570-8 Hotel Gion Sakura 402, 体育西路191号 中石化大厦B座 2306室: the guidelines
put the building and its room inside the address. The rules stop at the block
number (a room word or a bracket after the room, a room with a letter, a
building of several Latin words); this proposes the block number with what
follows it, and the profile joins it to the address it touches.

What makes the stretch an address is its shape: a block number glued to a
place name (a letter before it, not a space: 4-10 of 花園南2丁目4-10), then one
to four words of a building, then a room. The building must say it is one
(コーポ, ハイツ, レジデンス, Hotel ...) or the room must (203号, 1104号室, B-103):
a range or a count after a word (120-80 の値 3) is neither.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import DIGIT, HIRAGANA_LETTERS, KANJI, KATAKANA
from phi_core.japanese.width import to_full_width_kana

from .sudachi_names import RANK_SUPPLEMENT

_LETTERS = f"{KANJI}{HIRAGANA_LETTERS}{KATAKANA}"
_DASH = "-－‐−"
_WORD = rf"[{_LETTERS}A-Za-zＡ-Ｚａ-ｚ][{_LETTERS}A-Za-zＡ-Ｚａ-ｚ'・&\-]{{0,15}}"
_ROOM = rf"(?:[A-ZＡ-Ｚ]{{1,2}}棟?[{_DASH}]?)?[{DIGIT}]{{2,5}}(?:号室|号|室)?|[{DIGIT}]{{1,2}}(?:F|Ｆ|階)"
_BUILDING_ROOM = re.compile(
    # (a Chinese address numbers the house on its road: 体育西路191号 中石化大厦B座 2306室)
    rf"(?<=[{_LETTERS}])(?P<block>[{DIGIT}]{{1,5}}(?:[{_DASH}][{DIGIT}]{{1,5}}){{1,3}}|(?<=[路街弄])[{DIGIT}]{{1,5}}号)"
    rf"[ \u3000](?P<building>{_WORD}(?:[ \u3000]{_WORD}){{0,3}})[ \u3000]?(?P<room>(?:{_ROOM})(?:[ \u3000][{DIGIT}]{{2,5}}(?:号室|号|室))?)"
    # A particle may follow a room word (205号室で独居), or bare digits after a word that says a building
    # (グランメゾン町田1105に変更); not bare digits alone (a count: 3 回).
    # (a CSV quotes the address: "…5-28-3 ﾊﾟｰｸﾊｲﾑ東大宮 710")
    rf"(?=[\s、。,，（(）)」』\"／/]|$|[{HIRAGANA_LETTERS}])"
)
_PARTICLE = re.compile(f"[{HIRAGANA_LETTERS}]")
_KATAKANA_NAME = re.compile(f"[{KATAKANA}]{{3}}")
_ROOM_NUMBER = re.compile(f"[{DIGIT}]{{3,4}}")
# Words that say a stretch is a building people live or stay in.
_BUILDING_WORDS = re.compile(
    r"コーポ|ハイツ|マンション|レジデンス|アパート|荘|ビル|ホテル|テラス|コート|ハウス|メゾン|パレス|ヒルズ|団地|寮|住宅"
    r"|タワー|ガーデン|プラザ|ハイム|ヴィラ|パーク|シティ|キャッスル|ロイヤル|グラン|エステート|ドミトリー|社宅|宿舎"
    r"|大厦|大楼|公寓|花园|小区"
    r"|(?i:hotel|house|residence|heights|court|tower|lodge|inn|villa|apartment|apartments|mansion|plaza|garden|hostel)"
)


@register
class AddressBuildingRecognizer(Recognizer):
    name: ClassVar[str] = "address-building"
    categories: ClassVar[tuple[str, ...]] = ("ADDRESS",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        for m in _BUILDING_ROOM.finditer(text):
            room = m.group("room")
            # (in half-width katakana too: ﾊﾟｰｸﾊｲﾑ東大宮)
            building_said = _BUILDING_WORDS.search(to_full_width_kana(m.group("building")))
            said = building_said or room.endswith(("号", "室")) or not room[0].isdigit()
            # A building named in katakana, then a room of three or four digits (ｻﾝﾗｲｽﾞ香椎 501): a name, not a count.
            said = said or (_KATAKANA_NAME.match(m.group("building")) and _ROOM_NUMBER.fullmatch(room))
            particle = m.end() < len(text) and _PARTICLE.match(text, m.end())
            if said and (not particle or building_said or room.endswith(("号", "号室", "室", "階", "F"))):
                found.append(Candidate(m.start(), m.end(), "ADDRESS", RANK_SUPPLEMENT))
        return found
