"""Rooms, beds and wards as bed boards, handovers, line lists and logs write them without a label.

Rooms and beds are OTHER_ID (the number only), a ward is the DEPARTMENT of record
(docs/annotation_guidelines.md). What this reads, in any kind of document:

- a room-bed pair standing as a word of its own: ``801-1   ○``, ``405-1   82   M``, ``601-A・605-B``;
- a ward then its room: ``3西 308``, ``（4東-406）``, ``7E     701``, ``5W / 511`` (a ward/room column); a ward code then its bed: ``8W-3``;
- a ward code (``5E``, ``8W``) where what stands around says it is a ward: a room after it (also
  across a table's gap), a role or a room word (``4E 師長``, ``7E 個室へ``, ``Ns.``), an arrow,
  転入/転出 or 病棟 before it, a patient's name after it at an item's opening (``・7E 大迫 様``); a
  code so confirmed is the ward wherever else it stands alone in the same document. A code
  alone is not enough: ``4W`` is also four weeks (術後4W, 4W後);
- a unit's bed: ``HCU    H3``, ``ICU-07``, ``HCU-H2``, ``HCU 入室（H2）``, ``ICU BED-7``, ``ICU 3``;
- beds by their word: ``ベッド C-12``, ``ベッド（4番）``, ``ベッド4と5``, ``5番保育器``, ``2番ブース``, ``612号室B床``, ``C床``,
  ``815号室A``; an operating theatre by its number in Japanese (``手術室4``, ``3番室``); a room after its ward
  (``11階無菌病棟 1103``);
- a room where a patient stays by its kind and number, one digit too (``保護室 2``, ``個室5``, ``隔離室 5O8``),
  and a room with its kind in brackets after it or before it (``606（個室）``, ``512 (2床室)``, ``個室（512）``);
- a bed or chair by its English word (``bed 512-3``, ``chair 7``, ``cot 2``), the pair whole, and a room or bay
  with a room's number (``Rm 318``); not a count (``3 beds``, ``bed 2 days``), bed rest, or an exam room (``Room 6``);
- a bed or room after the slash of a value whose label pairs it with the ward (``病棟／病室：5階東／512``);
- a room that names the patient in it, in prose (``夜勤で601の北村さん``, ``502の方``, ``305号の患者``), a room a
  patient goes into (``312に入ります``, ``４１２へ上がりました``) and one left empty (``701 空床``);
- rooms written short or scanned: ``612号 個室へ``, ``（806号）``, ``5l3号``, ``3号室``, ``2ｼﾂ``, and with a
  blank or in kana before the word (``712 号室``, ``402 ごうしつ``: a name plate); a room before its kind (``303 個室``);
- a bed's number opening a board's cell before who lies there or an empty bed (``│ 1 中 村 様 │ 2 （空床） │``);
- a room and its bed as a handover says them (``402の1 たなか ゆうとくん``, ``501の3``): three digits or four, の,
  a bed's one or two digits set apart; wards by number: ``第2病棟``, ``B2病棟``; a form's fields ``室 205  床 1``;
- a bare room opening a row where other rows open with a room-bed of the same floor (``803   ○``
  under ``801-1``), and rooms listed in prose on a floor the document names elsewhere
  (``508号室 … 新規入院は 503・507 のみ``), and rooms listed in brackets after their word (``病室（502・507）``).

Doses, counts, dates, vertebrae and lot numbers have no such neighbours; the profile's
allow-list drops what a unit follows.
"""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.japanese.chars import JAPANESE_LETTERS, KATAKANA
from phi_core.japanese.honorifics import alternation, words
from phi_core.extractors.recognition.care_units import CARE_UNIT_ALTERNATION

# Below every rule: where a rule found something here already, the rule's span stays.
RANK_SUPPLEMENT = 0

# A word boundary on either side of a room or a code: a blank, a bracket, a list mark, an arrow.
LEFT = r"(?:^|(?<=[ \u3000\t（(・･→⇒:：、|「\[】]))"
RIGHT = r"(?=[ \u3000\t）)、。,，・･|」\]]|$)"
ROOM = r"[1-9１-９][0-9０-９]{2,3}"
BED = r"[0-9０-９]{1,2}|[A-HＡ-Ｈ]"
_ROOM_BED = re.compile(rf"{LEFT}(?P<room>{ROOM})[-‐－](?P<bed>{BED}){RIGHT}", re.MULTILINE)
_LOT = re.compile(r"(?:Lot|LOT|lot|ロット|No|NO|no)\.?[ \u3000:：#]*$")

WARD_CODE = r"[1-9１-９][0-9０-９]?[EWNSＥＷＮＳ]"
WARD_KANJI = r"[0-9０-９]{1,2}階?[東西南北]|[東西南北][0-9０-９]{1,2}"
_WARD_ROOM = re.compile(
    rf"{LEFT}(?P<ward>{WARD_CODE}|{WARD_KANJI})(?:[ \u3000]{{1,8}}|[ ]?[-‐－][ ]?|[ \u3000]?[/／|｜][ \u3000]?)(?P<room>{ROOM})"
    rf"(?:[ ]?[-‐－][ ]?(?P<bed>{BED}))?{RIGHT}",  # (a dash set apart too: Ward 5E - 510 - 4)
    re.MULTILINE,
)
# A ward code then a bed with no room between (8W-3, 5E-B), as a wristband or a board writes it: a
# week count takes no hyphen and bed (術後4W-6W runs on into a letter).
_WARD_BED = re.compile(rf"{LEFT}(?P<ward>{WARD_CODE})[-‐－](?P<bed>{BED}){RIGHT}", re.MULTILINE)
# A ward by its floor and a wing's letter (6B, 4A): a code that also grades and sizes, so a ward only before
# its room (→ 6B 605) or after an admission or a transfer (入院(7B), 転棟 5A); then wherever else it stands alone.
WING_CODE = r"[1-9][0-9]?[A-D]"
_WING_ROOM = re.compile(rf"{LEFT}(?P<ward>{WING_CODE})[ \u3000]{{1,3}}(?P<room>{ROOM}){RIGHT}", re.MULTILINE)
_BEFORE_WING = re.compile(r"(?:入院|転入|転出|転棟|病棟)[ \u3000:：=/／（(]*$")
_WING_TOKEN = re.compile(rf"(?:{LEFT}|(?<=[/／]))(?P<code>{WING_CODE}){RIGHT}", re.MULTILINE)
# (after a slash too: 入院/6W, as a request's header pairs the admission with its ward)
_CODE_TOKEN = re.compile(rf"(?:{LEFT}|(?<=[/／]))(?P<code>{WARD_CODE}){RIGHT}", re.MULTILINE)
# What may follow a ward code: a room, a role on the ward, a room or bed word.
_AFTER_CODE = re.compile(
    rf"[ \u3000]{{1,12}}(?:{ROOM}(?:[-‐－](?:{BED}))?{RIGHT}"
    r"|師長|主任|副師長|Ns|NS|ナース|看護|病棟|個室|大部屋|病室|ベッド|空床|満床|転入|転出|転棟"
    r"|[^\s、。]{0,10}(?:室|ステーション))"
)
# What may stand before one: an arrow, a transfer or an admission (入院/6W), the word for a ward as a label.
_BEFORE_CODE = re.compile(r"(?:→|⇒|->|転入|転出|転棟|入院|病棟|Ward|WARD|ward|from|to)[ \u3000:：=/／（(]*$")

_UNIT = rf"(?<![A-Za-z])(?P<unit>{CARE_UNIT_ALTERNATION})"
_UNIT_BED = re.compile(
    _UNIT + r"(?:[-‐－](?P<b1>[A-Z]?[0-9]{1,2})"
    r"|[ \u3000]{1,8}(?P<b2>[A-Z]{1,2}[-‐－]?[0-9]{1,2})"
    r"|[ \u3000]{1,8}(?:BED|Bed|bed)[-‐－](?P<b3>[0-9]{1,2})"
    r"|[ \u3000]?(?:入室|入床)?[（(](?P<b4>[A-Z][-‐－]?[0-9]{1,2})(?=[）)])"
    # ICU 3: a bed by its number alone, not a count of days, beds or people (ICU 3日間, ICU 2床)
    r"|[ \u3000]{1,3}(?P<b5>[0-9]{1,2})(?![日週月年時分回名人件床%％]|[ \u3000]?(?:days?|beds?|h\b)))"
    r"(?![0-9A-Za-z:：.])"
)
_BED_WORD = r"(?:ベッド|ﾍﾞｯﾄﾞ|BED|Bed|bed)"
# 床番 3, ベッド番 C-2: a bed by its number word (床番号 and ベッド番号 are labels the rules read).
_BED_FORMS = re.compile(
    # ベッド C-12, BED-7, ベッド（4番）, 5番保育器, 612号室B床
    rf"{_BED_WORD}[ \u3000]?[:：#]?[ \u3000]?(?P<b1>[A-ZＡ-Ｚ][-‐－][0-9０-９]{{1,2}})(?![0-9０-９A-Za-z])"
    rf"|{_BED_WORD}[-‐－](?P<b2>[0-9]{{1,2}})(?![0-9A-Za-z])"
    rf"|{_BED_WORD}[（(](?P<b3>[0-9]{{1,2}})番?(?=[）)])"
    # (a speech-to-text blank may part the number from 番: 1 番ブース; and a bed by its number and 号床: 1号床, 2 号床)
    r"|(?<![0-9０-９])(?P<b4>[0-9０-９]{1,2})[ \u3000]?(?:番(?=保育器|ベッド|ベット|ﾍﾞｯﾄﾞ|ﾍﾞｯﾄ|床|コット|クベース|ブース)|(?=号床(?!頭|上|下|面)))"
    # 612号室B床, 612号室 B床, 4人部屋のC床, B-3床: a letter glued to 床 is a bed by itself.
    r"|(?<![A-Za-zＡ-Ｚａ-ｚ])(?P<b5>[A-HＡ-Ｈ](?:[-‐－][0-9０-９]{1,2})?)(?=床(?!頭|上|下|面|材|ずれ))"
    # 815号室A, 714号室Bベッド, 712号室-B, 418号室 B へ: the bed's letter straight after the room
    r"|(?<=号室)(?:[-‐－]|[ \u3000](?=[A-HＡ-Ｈ](?:[ \u3000、。）)]|$)))?(?P<b8>[A-HＡ-Ｈ])(?![A-Za-zＡ-Ｚａ-ｚ])"
    # 508号室-3, 203号室 4番, 205号室 3ベッド: the bed's number after a dash or before its word (503号 2番 too)
    r"|(?:(?<=号室)|(?<=[0-9０-９]号)(?=[ \u3000]?..?番))"
    r"(?:[-‐－]|[ \u3000]?(?=..?(?:番(?![目号地線])|ベッド|床(?![頭上下面室]))))(?P<b11>[0-9０-９]{1,2})(?![0-9０-９])"
    # 病棟 2W  室 205  床 1: a form's fields of one letter each, the room's and the bed's
    rf"|(?<![{JAPANESE_LETTERS}0-9０-９])(?:室|床)(?:[ \u3000]{{1,3}}|[:：][ \u3000]?)(?P<b12>[1-9１-９][0-9０-９]{{0,3}})"
    r"(?![0-9０-９.]|[ \u3000]?[床室名人例件回])"
    r"|(?:床番|ベッド番|ﾍﾞｯﾄﾞ番)(?!号)[ \u3000:：]?(?P<b7>[0-9０-９]{1,2}|[A-Z][-‐－]?[0-9]{1,2})(?![0-9０-９A-Za-z])"
    # ベッドNo.3, Bed No. 12
    rf"|{_BED_WORD}[ \u3000]?(?:No|NO|no)\.?[ \u3000]?(?P<b6>[0-9]{{1,2}}|[A-Z][-‐－]?[0-9]{{1,2}})(?![0-9A-Za-z])"
    # チェア：12, ﾁｪｱ 3 (a chemotherapy or dialysis chair, where the patient sits for the session); not a count
    r"|(?:チェア|ﾁｪｱ)(?:番号|[NＮ][oｏ][.．]?)?[ \u3000]?[:：#]?[ \u3000]?(?P<b9>[0-9０-９]{1,2}|[A-ZＡ-Ｚ][-‐－]?[0-9０-９]{1,2})"
    r"(?![0-9０-９A-Za-z.]|[ \u3000]?(?:台|脚|名|人|床|時|分|日|回|%|％|[＋+/／]))"
    # 区画 A-4, 区画 2-B: a family's place in a shelter or a hall, where they are found
    r"|区画(?:番号)?[ \u3000]?[:：#]?[ \u3000]?(?P<b10>[A-ZＡ-Ｚ][-‐－]?[0-9０-９]{1,2}|[0-9０-９]{1,2}[-‐－][A-ZＡ-Ｚ])"
    r"(?![0-9０-９A-Za-z])"
)
# More beds listed after one: ベッド4と5, ベッド 3・4.
_BED_LIST = re.compile(rf"{_BED_WORD}[ \u3000]?[0-9０-９]{{1,2}}(?:(?:と|・|、|,)[0-9０-９]{{1,2}}(?![0-9０-９]))+")
_LIST_ITEM = re.compile(r"(?<=[と・、,])[0-9０-９]{1,2}")
_ROOM_WORDS = re.compile(
    # 612号 個室へ, （806号）, 5l3号 (a scanned l for 1), ３２０号: a room with 号 and no more; not 第412号 nor
    # 第2025-011号.
    # (and a bed's number after it: 412号2番ベッド)
    r"(?<![第0-9０-９A-Za-z\-－‐])(?P<r1>[1-9１-９][0-9０-９lIO]{2,3})号(?![室機車線病棟]|[0-9０-９](?![0-9０-９]?(?:番|床)))"
    # 3号室 (a one-digit room), 2ｼﾂ (half-width kana for 室)
    r"|(?<![0-9０-９第])(?P<r2>[0-9０-９])(?:号室|ごうしつ)"
    r"|(?<![0-9０-９])(?P<r3>[0-9０-９]{1,4})(?:ｺﾞｳ)?ｼﾂ"
    # 512室 (a room with 室 alone: three digits or four, so that 2室 stays a count of rooms)
    r"|(?<![0-9０-９第\-－‐.])(?P<r4>[1-9][0-9]{2,3})室"
    # 保護室 S-2, 個室 512, 保護室 2, 個室5, 隔離室 5O8 (scanned), 居室 205 (a care home's): a room where a patient
    # stays, then its number;
    # not a count or a price (個室 2室, 個室 11,000円)
    r"|(?:保護室|隔離室|個室|病室|観察室|居室|無菌室|無菌治療室|陰圧室|特別室)[ \u3000]?(?:No\.?|NO\.?|№)?[ \u3000]?"
    r"(?P<r6>[A-Z][-‐－]?[0-9]{1,3}|[1-9][0-9lIO]{2,3}"
    r"|[1-9１-９][0-9０-９]?(?![0-9０-９,，.]|[ \u3000]?(?:室|床|名|人|日|回|件|部屋|階|つ|か所|箇所|時|分|週|月|年|%|円)))(?![0-9A-Za-z])"
    # （806）号: the number bracketed before its word
    r"|(?<=[（(])(?P<r5>[1-9][0-9]{2,3})(?=[）)]号)"
    # 手術室4, 手術室 1: the theatre where the patient's operation ran (independent writers mark it); not the
    # Latin OR1, OR: 5 of a theatre's board or schedule, which they leave (2 of 18 marked on the development sets)
    r"|(?:手術室|オペ室)[ \u3000:：#]{0,2}(?:No\.?[ \u3000]?)?(?P<r7>[0-9０-９]{1,2})"
    r"(?![0-9０-９A-Za-z\-‐－./]|[日月年件名人回時分列例室床])"
    # 3番室, 10番手術室: the theatre by its number before the word
    r"|(?<![0-9０-９第])(?P<r11>[0-9０-９]{1,2})番(?:手術|オペ)?室(?![0-9０-９]|[外内]機)"  # (not 12番 室外機)
    # 11階無菌病棟 1103: a room straight after its ward
    r"|(?<=病棟)(?:[ \u3000]?[/／])?[ \u3000]?(?P<r8>[1-9][0-9]{2,3})(?=[ \u3000）)、。,]|$)"
    # • 堤 仁様　510　シリンジポンプ: a room's number set apart right after a patient's name and honorific
    r"|(?:(?<=様)|(?<=さん))[ \u3000]{1,3}(?P<r10>[1-9][0-9]{2,3})(?=\u3000|  |\t)"
    # 部屋 PCU-07, 居室 2階東-14: a room's code of letters or a wing and its number after the word for room
    # (not an exam room by its modality: 部屋 CT-1)
    r"|(?:部屋|居室|病室)[ \u3000:：]{0,2}(?!(?:CT|MRI?|RI|US|XP|PET|DSA|OR|OP)[-‐－]?[0-9])"
    r"(?P<r9>(?:[0-9]階)?(?:[A-Z]{1,4}|[東西南北])[-‐－]?[0-9]{1,3}|(?<=居室)[1-9１-９][0-9０-９]{2,3})(?![0-9０-９A-Za-z])"
)
# 712 号室, 402 ごうしつ: the word set apart by a blank, or spelt in kana, as a name plate prints it; a call
# typed as it was heard spells 号 in katakana, half-width too (406ｺﾞｳ ﾃﾞｽｶﾞ), but not a longer word (ｺﾞｳｹｲ).
_ROOM_SPACED_WORD = re.compile(
    rf"(?<![0-9０-９第\-－‐.,/])(?P<room>{ROOM})(?:[ \u3000](?:号室|号病室)|[ \u3000]?ごうしつ"
    rf"|(?:ゴウ|ｺﾞｳ)(?:シツ|ｼﾂ)?(?![{KATAKANA}]))"
    rf"|{LEFT}(?P<kind>{ROOM})[ \u3000]?(?=(?:個室|大部屋|多床室|隔離室|観察室|重症室|保護室)(?![0-9０-９]))",
    re.MULTILINE,  # (a room opening its line: 505 個室 大和田 茂 氏)
)
# 402の1: a handover's room and bed; the bed is a word of its own after の (not 3分の1: a room has 3 digits).
_SPOKEN_ROOM_BED = re.compile(
    rf"{LEFT}(?P<room>{ROOM})の(?P<bed>[1-9１-９][0-9０-９]?)(?=[ \u3000、。,，]|$)", re.MULTILINE
)
# A name board's cell: a bed's number, then who lies there (a name with its honorific) or an empty bed.
_BOARD_CELL = re.compile(
    rf"(?<=[│┃|])[ \u3000]*(?P<bed>[1-9１-９][0-9０-９]?)[ \u3000]+"
    rf"(?=[^│┃|\n]{{0,24}}?(?:{alternation(words('person'))}|空床|空き)[ \u3000）)]*[│┃|])"
)
# Who stays in a room: a name with its honorific, or a word for the patient (601の北村さん, 512の患者).
_PERSON_AFTER = alternation(words("person") + ("の方", "方", "患者", "児"))
# A room with its kind in brackets, and a room naming who stays in it (601の北村さん).
_ROOM_BY_KIND = re.compile(
    rf"(?<![0-9０-９.,/\-])(?P<room>{ROOM})(?:号室?)?[ \u3000]?[（(](?:個室|大部屋|多床室|[1-6１-６]床室?|隔離室?|陰圧室?|特別室|特室|観察室|重症室|保護室)[）)]"
    rf"|(?:個室|病室|大部屋|隔離室|保護室|観察室)[ \u3000]?[（(](?P<kinds>{ROOM})(?:号室?)?[）)]"
    # (a family name and a given name may stand a blank apart: 812の小野寺 勲さん)
    rf"|(?<![0-9０-９.,/\-])(?P<named>{ROOM})(?:号室?)?の(?=[^\s、。の]{{1,5}}(?:[ \u3000][^\s、。の]{{1,4}})?(?:{_PERSON_AFTER}))"
    # a room a patient goes into (312に入ります, 412へ上がりました) or left empty (701 空床)
    rf"|(?<![0-9０-９.,/\-])(?P<moved>{ROOM})(?:号室?)?(?:に|へ)(?=入ります|入る|入室|入って)"
    # (a value rises to a number: 血糖 300に上がる; a patient goes up to a room with へ)
    rf"|(?<![0-9０-９.,/\-])(?P<up>{ROOM})(?:号室?)?へ(?=上が|移り|移る|移動)"
    rf"|(?<![0-9０-９.,/\-])(?P<empty>{ROOM})(?:号室?)?[ \u3000]?(?=空床|空室|空きベッド)"
)
# Rooms listed in brackets after the word for them: 病室（502・507）.
_KIND_LIST = re.compile(rf"(?:病室|個室|居室)[ \u3000]?[（(](?P<rooms>{ROOM}(?:[・、,，][ \u3000]?{ROOM})+)[）)]")
# Beds, chairs, bays and rooms by their English word; not 3 beds, bed 2 days, bed rest.
_ENGLISH_BED = re.compile(
    r"(?:(?<![A-Za-z])(?:[Bb]ed|BED|[Cc]hair|CHAIR|[Cc]ot|[Ss]tretcher)\.?[ ]?(?:#|No\.?[ ]?)?"
    r"(?P<v>(?:[A-Z][-]?)?[0-9]{1,4}(?:[-][0-9]{1,2}|[-]?[A-H])?)"
    # A room or bay by its English word holds a room's number: Room 6 or CT room 2 is where an exam runs.
    rf"|(?<![A-Za-z])(?:Rm|RM|[Rr]oom|ROOM|[Bb]ay|BAY)\.?[ ]?(?:#|No\.?[ ]?)?(?P<r>{ROOM}(?:[-][0-9]{{1,2}}|[-]?[A-H])?))"
    r"(?![0-9A-Za-z.,:/]|[ ]?(?:days?|d\b|hours?|hrs?|h\b|beds?|chairs?|times?|x\b|%|mg|mL|ml|kg|cm|mm|min))"
)
# A label of two fields, the second a bed or room, and a value of two parts: the second part is the bed.
_PAIRED_LABEL = re.compile(
    r"(?:[Ww]ard|WARD|[Uu]nit|UNIT|病棟|棟)[ \u3000]?[/／・][ \u3000]?(?:[Bb]ed|BED|[Rr]oom|ROOM|Rm|病室|ベッド|床)(?:[ ]?No\.?)?"
    r"[ \u3000]?[:：][ \t\u3000]*[^\n/／:：]{1,30}?[ \t\u3000]*[/／][ \t\u3000]*"
    r"(?P<v>(?:[A-Z][-‐－]?)?[0-9０-９]{1,4}(?:[-‐－][0-9A-Z]{1,2})?)(?:号室|号|床)?(?![0-9０-９A-Za-z])"
)
_WARD_NUMBER = re.compile(r"第[0-9０-９]{1,2}病棟|(?<![A-Za-z])[A-Z][0-9]{1,2}(?=病棟)")
# A bare room opening a row: 803   ○, 608　空床.
_BARE_ROW = re.compile(rf"^[ \u3000・]*(?P<room>{ROOM})(?:[ \u3000]{{2,}}|\u3000|\t)", re.MULTILINE)
_ROOM_OF_RECORD = re.compile(rf"(?<![0-9０-９])(?P<room>{ROOM})(?:号室|号病室)")
# Rooms listed in prose: 503・507, 503、507.
_ROOM_LIST = re.compile(rf"(?<![0-9０-９.,/\-])(?:{ROOM})(?:[・、,](?:{ROOM}))+(?![0-9０-９.,/\-])")
_LISTED_ROOM = re.compile(ROOM)


# A unit after a number makes it an amount: 500-2 mg, 503・507 mL.
_UNIT_AFTER = re.compile(
    r"[ \u3000]?(?:mg|g|mL|ml|L|μ|%|％|mm|cm|kg|mmHg|回|錠|本|個|枚|単位|円|歳|才|℃|分|秒|時|日|週|ヶ月|か月|カ月|年|人|名|件|例|床)"
    r"(?![A-Za-z])"
)
# A vital sign or a test before a pair of numbers: BP 120-80, 血圧 130-70, Na 135-45.
MEASURED_BEFORE = re.compile(
    r"(?:BP|bp|血圧|HR|PR|脈拍?|RR|Na|Cl|Glu|BS|血糖|Hb|Plt|WBC|CRP|SpO2|基準値?|正常値?|範囲"
    r"|尿量|排液量?|排尿量?|出血量?|飲水量?|摂取量?|輸液量?|補液|水分|体重|身長|点数|スコア|合計|計)[ \u3000]*[:：=]?[ \u3000]*$"
)


# Where a room label's value stops: at the first word of two Japanese letters or more that is not
# a room's or a ward's own (ベッド 3 後藤 勝さん … 撮影 6時05分: a dictated line runs on past the bed).
_WORD_AFTER_ROOM = re.compile(rf"[{JAPANESE_LETTERS}々]{{2,}}")
_ROOM_WORD_CHARS = frozenset("号室床番階東西南北棟病個人大部屋")


def room_value_end(text: str, start: int, end: int) -> int:
    for m in _WORD_AFTER_ROOM.finditer(text, start, end):
        if not set(m.group()) <= _ROOM_WORD_CHARS:
            return m.start()
    return end


def is_year(room: str) -> bool:
    return len(room) == 4 and room.startswith(("19", "20"))


def amount(text: str, end: int) -> bool:
    return _UNIT_AFTER.match(text, end) is not None


def floor(room: str) -> tuple[int, str]:
    return len(room), room[:-2]


def _room_beds(text: str) -> list[Candidate]:
    found = []
    for m in _ROOM_BED.finditer(text):
        before = text[max(0, m.start() - 10) : m.start()]
        if is_year(m.group("room")) or amount(text, m.end()) or _LOT.search(before) or MEASURED_BEFORE.search(before):
            continue
        found.append(Candidate(*m.span("room"), "OTHER_ID", RANK_SUPPLEMENT))
        found.append(Candidate(*m.span("bed"), "OTHER_ID", RANK_SUPPLEMENT))
    return found


def _wards_with_rooms(text: str) -> list[Candidate]:
    found = []
    for m in _WARD_ROOM.finditer(text):
        if is_year(m.group("room")) or amount(text, m.end()):
            continue
        found.append(Candidate(*m.span("ward"), "DEPARTMENT", RANK_SUPPLEMENT))
        found.append(Candidate(*m.span("room"), "OTHER_ID", RANK_SUPPLEMENT))
        if m.group("bed"):
            found.append(Candidate(*m.span("bed"), "OTHER_ID", RANK_SUPPLEMENT))
    for m in _WARD_BED.finditer(text):
        if not amount(text, m.end()):
            found.append(Candidate(*m.span("ward"), "DEPARTMENT", RANK_SUPPLEMENT))
            found.append(Candidate(*m.span("bed"), "OTHER_ID", RANK_SUPPLEMENT))
    return found


def _ward_codes(text: str, known: frozenset[str]) -> list[Candidate]:
    """Ward codes confirmed by a neighbour, then every other lone occurrence of the same code."""
    tokens = list(_CODE_TOKEN.finditer(text))
    if not tokens:
        return []
    confirmed = set(known)
    for m in tokens:
        before = text[max(0, m.start() - 12) : m.start()]
        if _AFTER_CODE.match(text, m.end()) or _BEFORE_CODE.search(before):
            confirmed.add(m.group("code"))
    return [Candidate(*m.span("code"), "DEPARTMENT", RANK_SUPPLEMENT) for m in tokens if m.group("code") in confirmed]


def _wing_wards(text: str) -> list[Candidate]:
    found, confirmed = [], set()
    for m in _WING_ROOM.finditer(text):
        if not is_year(m.group("room")) and not amount(text, m.end()):
            confirmed.add(m.group("ward"))
            found.append(Candidate(*m.span("room"), "OTHER_ID", RANK_SUPPLEMENT))
    for m in _WING_TOKEN.finditer(text):
        if m.group("code") in confirmed or _BEFORE_WING.search(text, max(0, m.start() - 12), m.start()):
            confirmed.add(m.group("code"))
    found += [
        Candidate(*m.span("code"), "DEPARTMENT", RANK_SUPPLEMENT)
        for m in _WING_TOKEN.finditer(text)
        if m.group("code") in confirmed
    ]
    return found


def _unit_beds(text: str) -> list[Candidate]:
    found = []
    for m in _UNIT_BED.finditer(text):
        group = next(g for g in ("b1", "b2", "b3", "b4", "b5") if m.group(g))
        found.append(Candidate(*m.span("unit"), "DEPARTMENT", RANK_SUPPLEMENT))
        found.append(Candidate(*m.span(group), "OTHER_ID", RANK_SUPPLEMENT))
    return found


def _beds_and_rooms(text: str) -> list[Candidate]:
    found = []
    for m in _BED_FORMS.finditer(text):
        group = next(
            g for g in ("b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9", "b10", "b11", "b12") if m.group(g)
        )
        found.append(Candidate(*m.span(group), "OTHER_ID", RANK_SUPPLEMENT))
    for m in _BED_LIST.finditer(text):
        found += [
            Candidate(i.start(), i.end(), "OTHER_ID", RANK_SUPPLEMENT)
            for i in _LIST_ITEM.finditer(text, m.start(), m.end())
        ]
    for m in _ROOM_WORDS.finditer(text):
        group = next(g for g in ("r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11") if m.group(g))
        if group == "r10" and is_year(m.group(group)):
            continue
        if group == "r1" and sum(ch.isdigit() for ch in m.group(group)) < 2:
            continue
        if group == "r8" and (is_year(m.group(group)) or amount(text, m.end(group))):
            continue
        found.append(Candidate(*m.span(group), "OTHER_ID", RANK_SUPPLEMENT))
    found += [Candidate(*m.span(), "DEPARTMENT", RANK_SUPPLEMENT) for m in _WARD_NUMBER.finditer(text)]
    for m in _ROOM_BY_KIND.finditer(text):
        group = m.lastgroup
        if group in ("moved", "up", "empty") and MEASURED_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # BS 250に入る: a value reaching a range
        if not is_year(m.group(group)):
            found.append(Candidate(*m.span(group), "OTHER_ID", RANK_SUPPLEMENT))
    for m in _ROOM_SPACED_WORD.finditer(text):
        if not is_year(m.group(m.lastgroup)):
            found.append(Candidate(*m.span(m.lastgroup), "OTHER_ID", RANK_SUPPLEMENT))
    found += [Candidate(*m.span("bed"), "OTHER_ID", RANK_SUPPLEMENT) for m in _BOARD_CELL.finditer(text)]
    for m in _KIND_LIST.finditer(text):
        found += [
            Candidate(*r.span(), "OTHER_ID", RANK_SUPPLEMENT) for r in _LISTED_ROOM.finditer(text, *m.span("rooms"))
        ]
    for m in _SPOKEN_ROOM_BED.finditer(text):
        # 100の1, 500の2: a round hundred is a count's share, not a ward's room.
        # 血圧 138の84: a pressure said aloud.
        before = text[max(0, m.start() - 10) : m.start()]
        if (
            not is_year(m.group("room"))
            and not m.group("room").endswith(("00", "００"))
            and not MEASURED_BEFORE.search(before)
        ):
            found.append(Candidate(*m.span("room"), "OTHER_ID", RANK_SUPPLEMENT))
            found.append(Candidate(*m.span("bed"), "OTHER_ID", RANK_SUPPLEMENT))
    found += [Candidate(*m.span(m.lastgroup), "OTHER_ID", RANK_SUPPLEMENT) for m in _ENGLISH_BED.finditer(text)]
    found += [Candidate(*m.span("v"), "OTHER_ID", RANK_SUPPLEMENT) for m in _PAIRED_LABEL.finditer(text)]
    return found


def _rooms_byfloor(text: str, known: list[Candidate]) -> list[Candidate]:
    """Bare rooms on a floor the document already shows rooms of: row openings and prose lists."""
    row_floors = {floor(m.group("room")) for m in _ROOM_BED.finditer(text) if _line_opening(text, m.start())}
    found = []
    for m in _BARE_ROW.finditer(text) if row_floors else ():
        if floor(m.group("room")) in row_floors and not amount(text, m.end("room")):
            found.append(Candidate(*m.span("room"), "OTHER_ID", RANK_SUPPLEMENT))
    floors = row_floors | {floor(m.group("room")) for m in _ROOM_OF_RECORD.finditer(text)}
    floors |= {floor(text[c.start : c.end]) for c in known if c.category == "OTHER_ID"}
    for m in _ROOM_LIST.finditer(text) if floors else ():
        if amount(text, m.end()):
            continue  # 500・250 mg: amounts
        rooms = list(_LISTED_ROOM.finditer(text, m.start(), m.end()))
        if all(floor(r.group()) in floors for r in rooms):
            found += [Candidate(*r.span(), "OTHER_ID", RANK_SUPPLEMENT) for r in rooms]
    return found


def _line_opening(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \u3000・")


def room_form_candidates(text: str, codes: frozenset[str] = frozenset()) -> list[Candidate]:
    """Rooms, beds and wards the text shows by itself; ``codes`` are ward codes confirmed already."""
    if not any(ch.isdigit() for ch in text):
        return []
    found = _room_beds(text) + _wards_with_rooms(text) + _ward_codes(text, codes) + _unit_beds(text)
    found += _wing_wards(text) if any(letter in text for letter in "ABCD") else []
    found += _beds_and_rooms(text)
    return found + _rooms_byfloor(text, [c for c in found if c.category == "OTHER_ID"])
