"""Context-free value patterns (regexes): dates, times, ages, phones, postal codes, IDs, addresses.

Each family is a compiled regex plus a validator that rejects look-alikes
(measurements, ratios, sequence parameters). A match carries a default
category; label context (labels.py) may re-type dates and phones later.
"""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.japanese.chars import DIGIT, HIRAGANA_LETTERS, KANJI, KATAKANA
from phi_core.japanese.eras import ERA_LETTERS, ERA_NAMES
from phi_core.japanese.width import to_full_width

D = f"[{DIGIT}]"
_NOT_DIGIT_AFTER = f"(?![{DIGIT}])"
_SEPARATORS = "/.\\-"
_DASHES = "\\-‐－−"


def _not_after(chars: str) -> str:
    """Placed right after a pattern's first character: the character before it is not in ``chars``.

    Written this way (not as a leading look-behind) so that the regex engine
    can skip ahead to candidate first characters, which keeps extraction fast.
    """
    return f"(?<![{chars}].)"


_ERA = "(?:" + "|".join(ERA_NAMES) + ")"
_MONTH_DAY = f"(?:\\s?{D}{{1,2}}月(?:\\s?{D}{{1,2}}日)?)?"

# Dates ---------------------------------------------------------------------
# 令和6年8月6日, 令和6（2024）年8月6日, 2024（令和6）年8月6日
DATE_ERA = re.compile(f"{_ERA}\\s?(?:元|{D}{{1,2}})(?:[(（][12１２]{D}{{3}}[)）])?年{_MONTH_DAY}")
DATE_WESTERN_WITH_ERA = re.compile(
    f"[12１２]{_not_after(DIGIT)}{D}{{3}}[(（]{_ERA}(?:元|{D}{{1,2}})[)）]年{_MONTH_DAY}"
)
_ERA_LETTERS = ERA_LETTERS + to_full_width(ERA_LETTERS)
_DATE_SEP = "[./\\-．／－]"
# R6.8.6, H15/10/22, Ｈ２２．３ (year and month only: H, S or R with a two-digit
# year, so that liver segments "S5/8" and vertebrae "T11/12" stay anatomy),
# S61年 / S61生 (year only, needs 年 or 生 after it), H15年10月22日.
DATE_ERA_LETTER = re.compile(
    f"[{_ERA_LETTERS}]{_not_after('A-Za-zＡ-Ｚａ-ｚ0-9０-９')}"
    f"(?:{D}{{1,2}}(?P<sep>{_DATE_SEP}){D}{{1,2}}(?P=sep){D}{{1,2}}"
    f"|(?<=[HSRＨＳＲ]){D}{{2}}{_DATE_SEP}{D}{{1,2}}(?!{_DATE_SEP}?{D})"
    f"|(?<=[HRＨＲ]){D}[.．]{D}{{1,2}}(?![.．]?{D})"
    f"|{D}{{1,2}}年(?:{D}{{1,2}}月(?:{D}{{1,2}}日)?)?"
    f"|{D}{{1,2}}(?=生))"
    f"{_NOT_DIGIT_AFTER}"
)
# A bare year ("2020年から") is a date too, but not an edition or a guideline year.
DATE_WESTERN = re.compile(
    f"[12１２]{_not_after(DIGIT)}{D}{{3}}年"
    f"(?:\\s?{D}{{1,2}}月(?:\\s?{D}{{1,2}}日)?|(?![版度代齢]|改訂|改定|分類|規約|基準|第[0-9０-９]{{1,2}}版))"
)
DATE_NUMERIC = re.compile(
    f"[12１２]{_not_after(DIGIT + _SEPARATORS)}{D}{{3}}(?P<sep>{_DATE_SEP}){D}{{1,2}}(?P=sep){D}{{1,2}}"
    f"(?![{DIGIT}]|{_DATE_SEP}{D})"
)
# 24年8月6日 (a two-digit year is a date only with its month and day).
DATE_SHORT_KANJI = re.compile(f"[{DIGIT}]{_not_after(DIGIT)}{D}年{D}{{1,2}}月{D}{{1,2}}日")
# 24/8/6 (two-digit year, slashes only: dotted triples are version numbers).
DATE_SHORT_YEAR = re.compile(
    f"[{DIGIT}]{_not_after(DIGIT + '/.=A-Za-z-')}{D}(?P<sep>[/／.．]){D}{{1,2}}(?P=sep){D}{{1,2}}(?![{DIGIT}]|[/／.．]{D})"
)
# 2024/08 (year and month; a four-digit year keeps fractions and ratios out).
DATE_YEAR_MONTH = re.compile(
    f"[12１２]{_not_after(DIGIT + '/.=-')}{D}{{3}}[/／]{D}{{1,2}}(?![{DIGIT}]|[/／.．]{D}|[:：])"
)
# 08/06/2024 (month or day first).
DATE_DAY_MONTH_YEAR = re.compile(
    f"[{DIGIT}]{_not_after(DIGIT + '/.=-')}{D}?(?P<sep>[/／.\\-]){D}{{1,2}}(?P=sep)[12]{D}{{3}}(?![{DIGIT}]|[/.]{D})"
)
# 20240806, 202408061030, 20240806103015 (HL7/DICOM timestamps are one span,
# fractions and a time zone included).
DATE_COMPACT = re.compile(
    f"[12]{_not_after('A-Za-z0-9_-')}[0-9]{{7}}(?:[0-9]{{4}}(?:[0-9]{{2}}(?:\\.[0-9]{{1,6}})?)?)?(?:[+-][0-9]{{4}})?"
    f"(?![A-Za-z0-9_]|-[0-9])"
)
# Two compact dates joined by a hyphen: a period (期間=20250303-20250309), which DATE_COMPACT leaves as a code's parts.
DATE_COMPACT_RANGE = re.compile(
    r"(?<![A-Za-z0-9_-])(?P<first>(?:19|20)[0-9]{6})-(?P<last>(?:19|20)[0-9]{6})(?![A-Za-z0-9_]|-[0-9])"
)
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_MONTHS_UPPER = _MONTHS.upper()
_MONTH_WORD = f"(?:(?:{_MONTHS})[a-z]*\\.?|(?:{_MONTHS_UPPER})[A-Z]*\\.?)"
_ORDINAL = "(?:st|nd|rd|th)?"
# 06 Aug 2024, 6-Aug-2024, 6th August 2024, 06AUG2024, Aug 6, 2024, 2024 Aug 6, August 2024.
DATE_ENGLISH = re.compile(
    f"(?<![A-Za-z0-9])(?:[0-9]{{1,2}}{_ORDINAL}[ -]?{_MONTH_WORD}[-, ]*[12][0-9]{{3}}"
    f"|{_MONTH_WORD} [0-9]{{1,2}}{_ORDINAL},? [12][0-9]{{3}}|[12][0-9]{{3}}[ -]{_MONTH_WORD}[ -][0-9]{{1,2}}"
    f"|{_MONTH_WORD},? [12][0-9]{{3}})(?![0-9])"
)
# "検査日：8/6", a "date" column holding "8/6": a bare month/day is a date only where a
# label says so; the resolver drops it elsewhere (a ratio, a dose, a fraction).
DATE_BARE_MONTH_DAY = re.compile(f"[{DIGIT}]{_not_after(DIGIT + '/.=-')}{D}?[/／]{D}{{1,2}}(?![{DIGIT}]|[/／.]{D})")
# "R6.8.1〜8.20", "2024/8/1～8/20": the end of a stay written without its year.
DATE_RANGE_END = re.compile(f"(?<=[〜～~])[ 　]?(?P<date>{D}{{1,2}}[./／．]{D}{{1,2}})(?![{DIGIT}]|[./／．]{D})")
# 8/6(火) or 8/6 14:30: a month/day pair needs a weekday or a clock time after it.
DATE_SLASH_MONTH_DAY = re.compile(
    f"[{DIGIT}]{_not_after(DIGIT + '/.=-')}{D}?[/／]{D}{{1,2}}"
    f"(?=[(（](?:[月火水木金土日]|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[)）]|[ 　][{DIGIT}]{{1,2}}[:：][{DIGIT}]{{2}}|[ 　]?[〜～~][ 　]?{D})"
)
DATE_MONTH_DAY = re.compile(f"[{DIGIT}]{_not_after(DIGIT + '年/')}{D}?月{D}{{1,2}}日")
_WEEKDAY = re.compile("[(（](?:[月火水木金土日](?:曜日?)?|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[)）]")

# Times ---------------------------------------------------------------------
# (a log's seconds carry their fraction and the zone: 08:14:02.311, 07:58:12+09:00; after a comma it is a table's
# next cell)
_HHMM_TAIL = f"{D}?[:：]{D}{{2}}(?:[:：]{D}{{2}}(?:[.][0-9]{{1,6}}(?![0-9]))?(?:[+-](?:0[0-9]|1[0-4]):?[0-5][0-9]|Z)?)?"
# Ratios ("1:10に希釈", "比 2:1") share the shape of a time.
# Not an allele written with its star (HLA-B*15:02, A*31:01): the field after the colon is no minute.
# A lowercase a or p glued to the clock is its half of the day, as American schedules write it (9:00a, 2:00p).
TIME_COLON = re.compile(
    # (not the clock of a web server's stamp, glued to its year by a colon: 06/Aug/2024:10:31:02)
    f"(?<![0-9]{{4}}:)[{DIGIT}]{_not_after(DIGIT + '/.=比率*')}{_HHMM_TAIL}(?: ?[AaPp]\\.?[Mm]\\.?(?![A-Za-z])|[ap](?![A-Za-z]))?(?:\\s?[-~〜～]\\s?{D}{_HHMM_TAIL})?"
    # A colon after the time opens what happened then (時刻 09:05：意識清明), unless a number follows (ratios).
    f"(?![{DIGIT}]|[:：][{DIGIT}]|\\s?(?:mm|cm|ml|mL)|に希釈|希釈|の比)"
)
# "3時方向" and "6時の位置" are clock-face positions in breast and hand imaging; "12時台" is a time.
TIME_KANJI = re.compile(
    f"[{DIGIT}]{_not_after(DIGIT + '第')}{D}?時(?:{D}{{1,2}}分|半)?(?!間|方向|の方向|の位置|位|相|点|期)"
)
# Four digits after a month and day are that day's clock (11/18 1330 ST訪室): a log's entry written without a colon;
# after a day with no year, 1950 to 2035 is the year (11/18 2024). A meeting's span of two clocks is one
# value (2025/2/4 1400-1500).
TIME_AFTER_DATE = re.compile(
    r"(?<![0-9/])(?P<year>(?:19|20)[0-9]{2}/)?[0-9]{1,2}/[0-9]{1,2}[ \u3000]"
    r"(?P<t>(?:[01][0-9]|2[0-3])[0-5][0-9](?:-(?:[01][0-9]|2[0-3])[0-5][0-9])?)(?![0-9:/.\-])"
)
_TIME_PREFIXES = ("午前", "午後")

# Ages ----------------------------------------------------------------------
# "70歳代" is an age band shared by millions, not an age.
AGE = re.compile(
    f"[{DIGIT}]{_not_after(DIGIT + '.．')}{D}{{0,2}}[歳才](?:{D}{{1,2}}(?:ヶ|か|カ|ケ|箇)月)?(?!代|台|以上|以下|未満)"
)
# 64-year-old, 64 y/o, 64yo, 64 years old; a child's months after its years (2y 7m, 1y11mo).
_CHILD_MONTHS = "[ ]?(?:[0-9]|1[01])[ ]?(?:mo?|mos|months?)(?![A-Za-z0-9])"
AGE_ENGLISH = re.compile(
    # (not inside a word a scan damaged: Emi1y)
    f"[0-9]{_not_after('0-9.A-Za-z')}[0-9]{{0,2}}(?:-year-old| ?y/o| ?yo(?![a-z])| years? old|(?<=[0-9])y(?![a-z])(?:{_CHILD_MONTHS})?"
    # (an infant's age in months, weeks or days: 16-month-old, 140 days old; 6 y 9 m with the units set apart)
    "|[ -](?:months?|weeks?|days?)[ -]old(?![A-Za-z])| y [0-9]{1,2} m(?![A-Za-z0-9]))"
)
# A newborn's age: days, weeks or months after birth (生後31日), or its day of life (日齢5).
AGE_NEWBORN = re.compile(f"生後{D}{{1,3}}(?:日|週|ヶ月|か月|カ月)|日齢[ ]?{D}{{1,3}}(?![{DIGIT}.．])")
# An age in a cell of an age column or a typed field: a number with its unit or none, with a child's months and
# days (1歳0か月, 1Y2M, 3m21d, 1y0m13d), or months alone (2か月, 3M).
_CELL_MONTHS = r"(?:か月|ヶ月|ヵ月|ｶ月|[mM])(?:[0-9０-９]{1,2}[dD日])?"
AGE_CELL = re.compile(
    # (a blank may stand before the unit, and a child's age may be counted in English units: 3 y, 5 mo, 6 days)
    rf"(?P<n>[0-9０-９]{{1,3}})(?:[ ]?(?:歳|才|[yY]|yrs?|years?|ｻｲ)(?:[ ]?[0-9０-９]{{1,2}}{_CELL_MONTHS})?)?"
    rf"|(?P<months>[0-9０-９]{{1,2}})[ ]?(?:{_CELL_MONTHS}|mos?|months?|days?|wks?|weeks?)"
)
# A child's age in months alone, where nothing else can be meant: after 満 or an age's word (満 5か月, 暦年齢 10か月,
# 修正年齢 7か月), in brackets before the child's
# sex (（３か月・男児）), after a sibling or child (弟（8か月）) or a date (８日（4か月）: the age on it); not a time span
# (3か月後, 治療期間（3か月）).
_MONTHS_WORD = "(?:か月|ヶ月|ヵ月|カ月|ケ月)"
AGE_MONTHS = re.compile(
    f"(?:(?<=満)|(?<=満 )|(?<=齢)|(?<=齢[ \u3000:：]))[{DIGIT}]{{1,2}}{_MONTHS_WORD}(?![間後前毎])"
    f"|(?<=[（(])[{DIGIT}]{{1,2}}{_MONTHS_WORD}(?=[・、，,／/ ]?(?:男児|女児|男|女))"
    f"|(?<=[弟妹兄姉娘孫児日][（(])[{DIGIT}]{{1,2}}{_MONTHS_WORD}(?=[)）、，,])"
)
# A form's age in brackets before its unit, the unit outside them: (38)才, （ 3 8 ）歳 as a scan spaced it.
AGE_BRACKETED = re.compile(
    r"(?:(?<=[（(])|(?<=[（(][ \u3000]))(?P<n>[0-9０-９]{1,3}|[1-9](?: [0-9]){1,2})[ \u3000]*[)）][ \u3000]?[歳才]"
)

# Phones --------------------------------------------------------------------
_DASH = "[-‐－−]"
PHONE = re.compile(
    f"[0０]{_not_after(DIGIT + _DASHES + '.')}{D}{{0,4}}{_DASH}{D}{{1,4}}{_DASH}{D}{{3,4}}(?![{DIGIT}]|{_DASH}{D})"
)
PHONE_PAREN = re.compile(
    f"[(（][0０]{D}{{1,4}}[)）]\\s?{D}{{1,4}}{_DASH}{D}{{4}}{_NOT_DIGIT_AFTER}"
    f"|[0０]{_not_after(DIGIT)}{D}{{1,4}}[(（]{D}{{1,4}}[)）]{D}{{4}}{_NOT_DIGIT_AFTER}"
)
# Digits only ("0757513111"): accepted only right after a phone label word.
PHONE_COMPACT = re.compile(
    f"(?:電話|TEL|Tel|tel|携帯|連絡先|折り返し先|Phone|phone|PHONE|FAX|Fax)(?:番号)?\\s?[:：|]?\\s?([0０]{D}{{9,10}}){_NOT_DIGIT_AFTER}"
)
# 09012345678: an eleven-digit mobile number needs no cue.
PHONE_MOBILE = re.compile(f"[0０]{_not_after(DIGIT + _DASHES)}[789７８９][0０]{D}{{8}}{_NOT_DIGIT_AFTER}")
# 03 3462 8901 (spaces instead of dashes; the digit count check keeps it a phone).
PHONE_SPACED = re.compile(
    f"[0０]{_not_after(DIGIT + _DASHES + '.')}{D}{{0,4}}[ 　]{D}{{1,4}}[ 　]{D}{{4}}(?![{DIGIT}]|[ 　]{D})"
)
# +81-3-3462-8901, +81 90 1234 5678, +81(0)3-...
# (or with no blank at all, as a messaging system stores it: +819011327744)
PHONE_INTERNATIONAL = re.compile(
    f"[+＋]{_not_after(DIGIT)}81(?:[ \\-]?(?:\\(0\\))?[ \\-]?{D}{{1,4}}[ \\-]{D}{{1,4}}[ \\-]{D}{{3,4}}|[0-9]{{9,10}})"
    f"{_NOT_DIGIT_AFTER}"
)
# +49 170 5528134, +55 11 9 8123-4470, +1 (415) 555-0134: another country's code and groups of digits.
PHONE_FOREIGN = re.compile(
    f"[+＋]{_not_after(DIGIT)}(?!81)[1-9][0-9]{{0,2}}(?:[ \\-.]?(?:[(][0-9]{{1,5}}[)]|[0-9]{{1,5}})){{2,5}}{_NOT_DIGIT_AFTER}"
)
# 内線3321, 内線：3321, ext. 3321, PHS 7123, ﾅｲｾﾝ 2418: internal numbers reach a person too.
PHONE_EXTENSION = re.compile(
    f"(?:内線|ナイセン|ﾅｲｾﾝ|(?<![A-Za-z])(?:ext|Ext|EXT|PHS)\\.?)[ 　]?[:：]?[ 　]?(?P<number>{D}{{2,5}}){_NOT_DIGIT_AFTER}"
)

# Postal codes, free-standing IDs ------------------------------------------------
# 〒 stays outside the span (annotation guidelines); the number starts the address.
POSTAL = re.compile(f"〒[ 　]?(?P<code>{D}{{3}}{_DASH}{D}{{4}}){_NOT_DIGIT_AFTER}")
# Letters followed by a long digit run ("KS19640401") read as a chart number.
ID_LETTERS_DIGITS = re.compile(f"[A-Z]{_not_after('A-Za-z0-9' + _DASHES)}[A-Z]{{1,3}}[0-9]{{6,}}(?![A-Za-z0-9])")
# 24-S-1234: year, specimen kind, serial.
ID_INFIXED_SERIAL = re.compile(
    f"[0-9]{_not_after('A-Za-z0-9' + _DASHES)}[0-9]{{1,3}}-[A-Z]{{1,3}}-[0-9]{{3,6}}(?![A-Za-z0-9]|-[0-9])"
)
# Specimen and accession numbers: S24-0331, E24-03312, ACC-2024-12345 (six digits at least).
ID_PREFIXED_SERIAL = re.compile(
    f"[A-Z]{_not_after('A-Za-z0-9' + _DASHES)}[A-Z]{{0,3}}-?[0-9]{{2,4}}-[0-9]{{3,6}}(?![A-Za-z0-9]|-[0-9])"
)
# Licence, certificate and register numbers: 第3-45521号, 第４－１１８７号, 第20231187号 (a hyphen or five digits).
ID_NUMBERED = re.compile(r"(?<=第)(?P<number>[0-9０-９]{1,4}[-－‐][0-9０-９]{3,8}|[0-9０-９]{5,10})(?=号)")

# Addresses in running text ----------------------------------------------------
PREFECTURES = (
    "北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 茨城県 栃木県 群馬県 埼玉県 千葉県 東京都 神奈川県 "
    "新潟県 富山県 石川県 福井県 山梨県 長野県 岐阜県 静岡県 愛知県 三重県 滋賀県 京都府 大阪府 兵庫県 "
    "奈良県 和歌山県 鳥取県 島根県 岡山県 広島県 山口県 徳島県 香川県 愛媛県 高知県 福岡県 佐賀県 "
    "長崎県 熊本県 大分県 宮崎県 鹿児島県 沖縄県"
).split()
# The same in Latin letters, as a foreign patient or an English form writes them.
PREFECTURES_LATIN = (
    "Hokkaido Aomori Iwate Miyagi Akita Yamagata Fukushima Ibaraki Tochigi Gunma Saitama Chiba Tokyo Kanagawa "
    "Niigata Toyama Ishikawa Fukui Yamanashi Nagano Gifu Shizuoka Aichi Mie Shiga Kyoto Osaka Hyogo Nara "
    "Wakayama Tottori Shimane Okayama Hiroshima Yamaguchi Tokushima Kagawa Ehime Kochi Fukuoka Saga Nagasaki "
    "Kumamoto Oita Miyazaki Kagoshima Okinawa"
).split()
# Cities named without their prefecture ("吹田市在住", "京都市内"): designated
# cities, prefectural capitals and other large cities. A name only counts when
# 市 follows it, so surnames such as 山口 or 松本 do not fire on their own.
CITIES = (
    "札幌 仙台 さいたま 千葉 横浜 川崎 相模原 新潟 静岡 浜松 名古屋 京都 大阪 堺 神戸 岡山 広島 北九州 "
    "福岡 熊本 青森 盛岡 秋田 山形 福島 水戸 宇都宮 前橋 甲府 長野 岐阜 津 大津 奈良 和歌山 鳥取 松江 "
    "山口 徳島 高松 松山 高知 佐賀 長崎 大分 宮崎 鹿児島 那覇 金沢 富山 福井 吹田 豊中 松戸 柏 船橋 "
    "市川 浦安 三鷹 八王子 府中 調布 町田 立川 武蔵野 川口 越谷 所沢 川越 戸田 藤沢 横須賀 厚木 豊田 "
    "岡崎 一宮 春日井 大府 四日市 枚方 高槻 東大阪 姫路 西宮 尼崎 明石 加古川 倉敷 福山 呉 下関 "
    "久留米 佐世保 別府 旭川 函館 いわき 郡山 高崎 つくば 松本 上田 沼津 富士 伊豆の国 宮古"
).split()
# Towns and cities are named in hiragana too (みなと市, むつみ町, ひたちなか市); not a particle after the
# prefecture (千葉県にある市, 東京都では町).
_SEGMENT = (
    f"(?!に|で|から|へ|は|が|を|と|や|も|内)[{KANJI}{KATAKANA}{HIRAGANA_LETTERS}のヶケ]{{1,5}}?"
    "(?:市|区(?!域|画|分|間)|郡|町|村)"
)
ADDRESS_PREFECTURE = re.compile(f"(?:{'|'.join(PREFECTURES)})(?:{_SEGMENT}){{0,3}}")
# "150-0042 東京都渋谷区...": a postal code written without 〒 right before a prefecture or a city or ward.
POSTAL_BARE = re.compile(
    f"[{DIGIT}]{_not_after(DIGIT + _DASHES)}{D}{{2}}{_DASH}{D}{{4}}"
    f"(?=[ 　]?(?:{'|'.join(PREFECTURES)}|[{KANJI}]{{1,4}}(?:市|区(?!域|画|分|間)|郡)))"
)
# The "not inside a longer kanji word" check is done in code (see _CONTEXT_CHECKS):
# a leading look-behind would make the regex engine try every position.
ADDRESS_CITY = re.compile(f"(?:{'|'.join(sorted(CITIES, key=len, reverse=True))})市(?:{_SEGMENT}){{0,2}}")
# A town and block number without prefecture or known city: "中央区築地5-1-1",
# "北区上十条2丁目3-4". The block number is what makes it an address.
# (a formal letter writes the block in kanji numerals: 二丁目九番十四号)
_KANJI_BLOCK = "[一二三四五六七八九十]{1,3}丁目[一二三四五六七八九十百]{1,4}番地?(?:[一二三四五六七八九十百]{1,4}号)?"
_BLOCK = f"(?:{_KANJI_BLOCK}|[一二三四五六七八九十]{{1,3}}丁目[ 　]?{D}{{1,4}}(?:番地?|[-－‐]){D}{{0,4}}(?:号|[-－‐]{D}{{1,4}})?|{D}{{1,3}}丁目[ 　]?{D}{{1,4}}(?:番地?|[-－‐]){D}{{0,4}}(?:号|[-－‐]{D}{{1,4}})?|{D}{{1,3}}丁目{D}{{1,4}}(?![{DIGIT}])|{D}{{1,4}}[-－‐]{D}{{1,4}}(?:[-－‐]{D}{{1,4}})?|{D}{{1,4}}番地?(?:{D}{{1,4}}号?)?)"
# A numbered street of a grid town (西6条南13丁目, 南8線西): part of the town's name.
_GRID = f"{D}{{1,2}}(?:条|線)"
ADDRESS_WARD = re.compile(
    f"[{KANJI}]{{1,4}}(?:区(?!域|画|分|間)|市|町|村)(?:[{KANJI}{KATAKANA}ヶケの]|{_GRID}){{1,8}}?[ 　]?{_BLOCK}"
)
# Romanised Japanese addresses: "2-14-7 Tsunashima-higashi, Kohoku-ku, Yokohama 223-0052".
_ROMAN_UNIT = "(?:ku|shi|cho|machi|mura|gun|ken|to|fu|Ku|Shi|Cho|City|Ward)"
ADDRESS_ENGLISH = re.compile(
    f"(?:[0-9]{{1,4}}(?:-[0-9]{{1,4}}){{1,2}},? )?(?:[A-Z][a-z]+(?:-[a-z]+)?,? )?(?:[A-Z][a-z]+[- ]{_ROMAN_UNIT},? ?)+"
    f"(?:[A-Z][a-z]+(?:-(?:ken|to|fu))?(?: Prefecture)?)?(?:,? (?:Japan,? )?〒?[0-9]{{3}}-[0-9]{{4}})?(?![A-Za-z])"
)
# A building after the block number, its room or floor (ルネサンス新町 705, 第2ハイツ芝201, 第2寮 A-6,
# いずみ野メディカルモール2F), or a floor alone after a blank (1F).
_BUILDING_ONE = (
    f"(?:[ 　]?(?:第{D}{{1,2}})?[{KANJI}{KATAKANA}{HIRAGANA_LETTERS}・]{{1,16}}[ 　]?"
    f"(?:[A-Z][-－‐]?)?{D}{{1,4}}(?:号室|号|F|階|(?![{DIGIT}]|[ 　]?[名人件回歳才日時分円個本枚台週月年%％]))"
    f"|[ 　]{D}{{1,2}}(?:F|階)(?![{DIGIT}A-Za-z]))"
)
_BUILDING = f"(?:[ 　]?[A-Za-zＡ-Ｚａ-ｚ・]{{1,16}}{D}{{1,4}}(?:号室|号|F|階)?|{_BUILDING_ONE})?"
ADDRESS_BUILDING = re.compile(_BUILDING_ONE)
# After a prefecture or city: town (named in hiragana too: みつわ台, ひばりが丘), block number, then maybe a
# building and room.
ADDRESS_TAIL = re.compile(
    f"(?:[{KANJI}{KATAKANA}ヶケ]|[{HIRAGANA_LETTERS}]{{1,5}}(?=[{KANJI}])|{_GRID}){{0,8}}?[ 　]?{_BLOCK}{_BUILDING}"
    # A rural address: a district (大字, 字) and a plain lot number (大字粟宮1580).
    f"|(?:[{KANJI}]{{1,4}}?)?(?:大字|字)[{KANJI}]{{1,6}}{D}{{1,5}}(?:番地?)?(?![{DIGIT}])"
    # A town and its plain lot number right after the municipality (むつみ町西郷72): no unit after the number.
    f"|[{KANJI}]{{1,4}}{D}{{1,4}}(?:番地?|組|班)?(?![{DIGIT}]|[-－‐./:：％%]|[ 　]?(?:歳|才|円|回|日|年|月|時|分|人|名|件|mg|cm|mm|kg|床|台|階))"
)
