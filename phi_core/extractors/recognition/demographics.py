"""A person's age and sex written right after their name, in any layout.

Lists, labels and worklists put them beside the name with no label of their
own: 母・キヨ（85）, 高良 キヨ（92F）, ﾀﾅﾍﾞ ｱﾝﾅ 3ｻｲ F, ﾎｼﾉ ｶｽﾞｴ F 74,
BROWN,EMILY  38/F, ｸﾆﾖｼ ﾀｹｵ  M  RM 615. After a found name, up to two tokens
on the same line that are each a sex code or an age (a number with an age
unit, or a bare number beside a sex code or alone in brackets) are that
person's. The fields may be parted by commas or slashes as a header line or
a case list writes them (Mendoza, Ricardo, 45 M; Sun Li（スン リー）／38／F;
佐藤 花子 / 45 / 女), and a name padded to a column may stand a few blanks before
its bracket (Maria Santos Oliveira  (31)). A bare number alone after a name
without brackets is an age only with two digits and no counter or unit after it (柳田 アイ 94 下顎呼吸;
not 山田 3 名, 山田 12 回, 山田 太郎 / 3回目).
"""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.floors import is_floor
from phi_core.japanese.chars import HIRAGANA, KANJI, KATAKANA, READING_KANA
from phi_core.japanese.honorifics import alternation, words

_NAMES = frozenset({"PATIENT_NAME", "EMERGENCY_CONTACT", "NAME_READING"})
# A name read as staff may be a patient's in a list of participants (参加者：林 かのん (16)): an age
# alone in brackets after it is still that person's age; a bare number after a staff name is left.
_NAMES_IN_BRACKETS = frozenset({"PHYSICIAN_NAME"})
_SEX = r"(?:男性|女性|男|女|(?i:female|male)|M|F|♂|♀)"
# (a child's months too: 上田 大翔（2m）, ﾌｸﾀﾞ ｿｳくん(7m, MR未))
_AGE_UNIT = r"(?:歳|才|ｻｲ|サイ|y/o|yo|y|Y|か月|ヶ月|ヵ月|ｶｹﾞﾂ|m(?![A-Za-z]))"
_NUMBER = r"[0-9０-９]{1,3}"
# (a unit of years may stand a blank after the number: 24 y / M, 45 yrs)
_UNIT = rf"(?:{_AGE_UNIT}|[ ](?:yrs?|years?|y|歳|才)(?![A-Za-z]))"
# One token: "92F", "38/F", "F/38", "3ｻｲ", "M", "74" (a bare number is checked below).
_TOKEN = re.compile(
    rf"(?P<age>{_NUMBER}{_UNIT}?)[ /／]?(?P<sex>{_SEX})(?![A-Za-z])"
    rf"|(?P<sex2>{_SEX})[ /／](?P<age2>{_NUMBER}{_UNIT}?)(?![A-Za-z0-9])"
    rf"|(?P<age3>{_NUMBER}{_UNIT}?)(?![A-Za-z0-9])"
    rf"|(?P<sex3>{_SEX})(?![A-Za-z0-9])"
)
# A comma or a slash may part the fields of a list or a header line (Mendoza, Ricardo, 45 M; Sun Li／38／F),
# and a name padded to a column may stand a few blanks before its bracket (Maria Santos Oliveira  (31)).
_GAP = re.compile(r"[ \u3000]{0,3}[（(]|[ \u3000]?[／/][ \u3000]?|[ \u3000\t]{1,10}|[,，][ \u3000]?")
# Between an age and a sex code: spaces, or a middle dot in brackets (（男・82）), or the slash of such a line.
_BETWEEN = re.compile(r"[ \u3000]?[／/][ \u3000]?|[ \u3000\t]{1,10}|・|[,，][ \u3000]?")
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _age_ok(value: str) -> bool:
    digits = "".join(ch for ch in value.translate(_FULL_DIGITS) if ch.isdigit())
    return 0 <= int(digits) <= 120


# An honorific may stand between the name and its age: ﾐﾂﾊｼ ﾖｼｴ 様 82F, ｵｵｸﾎﾞ ﾚﾝ ｻﾏ (M/9ｻｲ).
_HONORIFIC = re.compile(rf"[ \u3000]?(?:{alternation(words('person', 'katakana'))})")


_READING = re.compile(rf"[ \u3000]?[（(][{READING_KANA}][{READING_KANA} \u3000・]*[）)]")
_ID_THEN_AGE = re.compile(
    r"[ \u3000]?[（(](?:ID|ＩＤ|No\.?)?[ :：\u3000]?(?P<id>[0-9０-９][0-9０-９\-－]{3,})[、，,][ \u3000]?"
)
# (a hospital's letters may open the number: UDA Toshio (SK-7698001), 77 M)
_RECORD_ID = re.compile(
    r"[ \u3000]?[（(](?:ID|ＩＤ|No\.?|MRN)?[ :：\u3000]?(?:[A-Z]{1,4}[-－]?)?[0-9０-９*＊][0-9０-９\-－*＊]{2,}[）)]"
)

# (a number of an identifier's shape, not a range: three digits or more, then four or more; or six digits or more)
_ID_SHAPE = r"(?P<id>[0-9]{3,6}[-－][0-9]{4,6}|[0-9]{6,10})"
_COLUMN_ID = re.compile(rf"[ \u3000\t]{{1,10}}{_ID_SHAPE}[ \u3000\t]{{1,10}}")
_ID_CLOSING = re.compile(rf"[,，、][ \u3000]?{_ID_SHAPE}[）)]")


def _tokens_after(text: str, end: int, bracketed_only: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, category) of the age and sex tokens right after ``end`` (only in brackets if asked)."""
    honorific = _HONORIFIC.match(text, end)
    end = honorific.end() if honorific else end
    # The record's number first in the bracket, then the age and sex: 加藤 茂様（104-4471、72）.
    listed = _ID_THEN_AGE.match(text, end)
    if listed:
        found = _tokens_from(text, listed.end(), True)
        return [(*listed.span("id"), "PATIENT_ID"), *found] if found else []
    # A column's number between the name and an age with its unit: ｵｵﾂｶ ﾘｮｳﾀ  5102-8847  8y.
    column = _COLUMN_ID.match(text, end)
    if column:
        found = _tokens_from(text, column.end(), False)
        if found and found[0][2] == "AGE" and not text[found[0][0] : found[0][1]].isdigit():
            return [(*column.span("id"), "PATIENT_ID"), *found]
    # A register's ID in brackets, masked or not, may stand between the name and the age: 大西 正和（ID 5520-3318）74 M.
    record = _RECORD_ID.match(text, end) or _READING.match(text, end)  # or its reading: Wang Xiuying（ワン シウイン）様
    end = record.end() - 1 if record else end
    # After a name's bracketed reading the age may be glued on: 堤 かおり（ツツミ カオリ）45F.
    closed = text[end : end + 1] in (")", "）")
    honoured = _HONORIFIC.match(text, end + 1) if closed else None  # Wang Xiuying（ワン シウイン）様　66F
    if honoured:
        end, closed = honoured.end(), False
    gap = _GAP.match(text, end + 1) if closed else _GAP.match(text, end)
    if closed and gap is None:
        gap = re.compile("").match(text, end + 1)
    if gap is None:
        return []
    bracketed = gap.group().endswith(("（", "("))
    if bracketed_only and not bracketed:
        return []
    return _tokens_from(text, gap.end(), bracketed)


def _tokens_from(text: str, position: int, bracketed: bool) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for _ in range(2):
        m = _TOKEN.match(text, position)
        if m is None:
            break
        after = text[m.end() : m.end() + 1]
        if after and after not in " \u3000\t\n)）,、。;；・／/" and not (after in "（(" and m.group("sex") is not None):
            break  # (a remark may open in brackets after the sex: ﾊﾞｰﾅｰﾄﾞ ｼﾞｮﾝ 41 M（English）)
        if m.group("age") is not None or m.group("age2") is not None:
            age, sex = ("age", "sex") if m.group("age") is not None else ("age2", "sex2")
            if not _age_ok(m.group(age)):
                break
            if age == "age" and m.end(age) == m.start(sex) and is_floor(text, m.start(age), m.end(sex)):
                break  # ｷﾀﾑﾗ ｼｽﾞｴ  1F ﾛﾋﾞｰ: the floor the person waits on
            found += [(*m.span(age), "AGE"), (*m.span(sex), "SEX")]
        elif m.group("age3") is not None:
            bare = m.group("age3").isdigit() or m.group("age3").translate(_FULL_DIGITS).isdigit()
            beside_sex = bool(found) and found[-1][2] == "SEX" or _sex_beside(text, m.end())
            alone = bare and not bracketed and not beside_sex
            if not _age_ok(m.group("age3")) or (alone and not _age_alone(text, m.start("age3"), m.end("age3"))):
                break
            if m.group("age3").endswith("m") and not bracketed:
                break  # 山田 太郎 5m 歩行: metres walked; a child's months stand in brackets

            found.append((*m.span("age3"), "AGE"))
        else:
            if re.match(r"[ \u3000][A-Za-z](?![A-Za-z])", text[m.end() : m.end() + 3]):
                break  # a letter of a word typed letter by letter: "F A X"
            found.append((*m.span("sex3"), "SEX"))
        if len({category for _, _, category in found}) < len(found):
            found = found[:-1]  # one age and one sex per person: a second number is another column
            break
        if after in ")）" or after == "\n" or not after:
            break
        nxt = _BETWEEN.match(text, m.end())
        if nxt is None:
            break
        position = nxt.end()
    last = max((end for _, end, _ in found), default=0)
    both = {category for _, _, category in found} == {"AGE", "SEX"}  # （76M 肺癌、...）: a pair says what it is
    closed_after = text[last : last + 1] in ")）、,，" or (both and text[last : last + 1] in " \u3000")
    # (or two digits, then a word of the note: 久世 湊（15 AN）, （16 ASD・強度行動障害）)
    closed_after = closed_after or (
        last - found[0][0] == 2 and bool(_NOTE_AFTER_AGE.match(text, last)) if found else False
    )
    # The record's number may close the bracket after them: 松永 孝（71M, 2210-5567）.
    number = _ID_CLOSING.match(text, last) if found and bracketed else None
    if number:
        return [*found, (*number.span("id"), "PATIENT_ID")]
    # (a digit after the comma goes on the list: （3、4回目）; after the closing bracket it is the next field's)
    if found and bracketed and (not closed_after or (text[last] not in ")）" and text[last + 1 : last + 2].isdigit())):
        return []  # "（3）" and "（81、膵癌）" hold an age; "（3回目）" and "（3、4回目）" do not
    return found


# Counters and units a number takes, which make it no age (12 名, 3 回, 5 階).
_COUNTERS = "名人件回床号室日時分本枚階週代個例点度"
# After an age standing alone comes a word of the note: a blank or two, then kanji or kana that are no counter.
# (or the end of a drawn table's cell: │田村 幸 様 56 │救急 │)
_WORD_AFTER = re.compile(rf"[ \u3000]{{1,2}}(?![{_COUNTERS}])[{KANJI}{HIRAGANA}{KATAKANA}]|[ \u3000]{{0,3}}[│┃]")


_NOTE_AFTER_AGE = re.compile(rf"[ \u3000](?:[A-Z]{{2,5}}(?![a-z])|(?![{_COUNTERS}歳才])[{KANJI}{KATAKANA}])")


def _age_alone(text: str, start: int, end: int) -> bool:
    """Two digits alone after a name, then a word (柳田 アイ 94 下顎呼吸, KIM Soyeon 28 切迫早産): the age;
    not before a counter (山田 12 名), a unit, a comma or another number (a table's scores, 11,200)."""
    return end - start == 2 and bool(_WORD_AFTER.match(text, end))


# The next field's sex code: F 74, 74 F, and in a list parted by commas or slashes 45, M and 45 / 女.
_SEX_NEXT = re.compile(rf"(?:[ \u3000\t]{{1,10}}|[ \u3000]?[,，／/][ \u3000]?){_SEX}(?![A-Za-z0-9])")


def _sex_beside(text: str, end: int) -> bool:
    """A bare number counts as an age only with a sex code next to it (F 74, 74 F)."""
    m = _SEX_NEXT.match(text, end)
    return m is not None


# (the slash first: a blank alone would end the gap before it, ID 80031947 / 46 y)
_FIELD_GAP = re.compile(r"[ \u3000]?[／/,，][ \u3000]?|[ \u3000\t]{1,10}")
_UNIT_AGE = re.compile(rf"{_NUMBER}[ ]?(?:歳|才|y/o|yo|yrs?|y|Y)(?![A-Za-z0-9代台])")


def _unit_ages_after(text: str, end: int) -> list[tuple[int, int, str]]:
    """After a patient's number, the fields a header line puts next (ID 500-2174   36 y   AMH 1.1, ID 0081 / 72歳 / F):
    only an age with its unit opens them, since a bare number there is a count or another code."""
    gap = _FIELD_GAP.match(text, end)
    age = _UNIT_AGE.match(text, gap.end()) if gap else None
    if age is None or not _age_ok(age.group()):
        return []
    found = [(*age.span(), "AGE")]
    sex = _SEX_NEXT.match(text, age.end())
    if sex:
        found.append((sex.end() - len(sex.group().lstrip(" \u3000\t,，／/")), sex.end(), "SEX"))
    return found


def demographics_after_names(text: str, spans: list[Candidate]) -> list[Candidate]:
    out = sorted(spans, key=lambda c: c.start)
    added: list[Candidate] = []
    replaced: set[Candidate] = set()
    for span in out:
        if span.category == "PATIENT_ID":
            tokens = _unit_ages_after(text, span.end)
        elif span.category in _NAMES or span.category in _NAMES_IN_BRACKETS:
            tokens = _tokens_after(text, span.end, span.category not in _NAMES)
        else:
            continue
        for start, end, category in tokens:
            if any(a.start < end and start < a.end for a in added):
                break  # taken by an earlier name's tokens
            crossing = [s for s in out if s.start < end and start < s.end]
            if any(s.start < start or s.end > end for s in crossing):
                break  # a value found there runs past the token: leave it
            # A piece of the token found as something else ("ｻｲ" of "5ｻｲ" read as a word) gives way.
            replaced.update(crossing)
            added.append(Candidate(start, end, category, span.rank))
    if not added:
        return out
    return sorted([s for s in out if s not in replaced] + added, key=lambda c: c.start)


# A record's next field after a birth date: a comma, a tab or a bar, quotes around either (SQL, CSV), or blanks.
# (a semicolon too; and a sex code may stand between the two: 1968-09-30;F;56)
_NEXT_FIELD = re.compile(
    r"(?:['\"]?[ \t]*[,\t|;][ \t]*['\"]?|[ \u3000]{0,4}[／/][ \u3000]{0,4}|[ \u3000]{1,4})"
    r"(?:[MF男女]['\"]?[ \t]*[,\t|;][ \t]*['\"]?)?"
)
# (its unit may follow it: DOB 14-Jul-1996, 28 years)
_BARE_NUMBER = re.compile(r"(?P<n>[0-9]{1,3})(?![0-9./:\-])(?P<unit>[ ]?(?:years?|yrs?|y|歳|才)(?![A-Za-z]))?")
_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")


# The age in brackets right after a birth date (H2.2.14生（34）, 令和６年９月３日（２か月）): whose else could it be.
# (in English too, and with the sex code after it: DOB: 21-Aug-1990 (34 F), September 2, 1958（66 years）)
_AGE_AFTER_BIRTH = re.compile(
    r"生?[ \u3000]?[（(][ \u3000]?(?P<n>[0-9０-９]{1,3}(?:[ ]?(?:歳|才|か月|ヶ月|カ月|ヵ月|years?(?: old)?|yrs?|y))?)"
    r"(?=[ \u3000]?[)）、,，・]|[ /](?P<sex>[MF男女])[)）])"
    r"|生[ \u3000]{1,2}(?P<u>[0-9０-９]{1,3}[ ]?(?:歳|才|か月|ヶ月|カ月|ヵ月))"  # (R6.10.28生　7か月)
)


def _bracketed_ages(text: str, spans: list[Candidate]) -> list[Candidate]:
    taken = [(s.start, s.end) for s in spans]
    added = []
    for span in spans:
        m = _AGE_AFTER_BIRTH.match(text, span.end) if span.category == "BIRTH_DATE" else None
        group = "n" if m and m.group("n") else "u"
        if m and not any(a < m.end(group) and m.start(group) < b for a, b in taken):
            added.append(Candidate(*m.span(group), "AGE", span.rank))
            if m.group("sex") and not any(a < m.end("sex") and m.start("sex") < b for a, b in taken):
                added.append(Candidate(*m.span("sex"), "SEX", span.rank))
    return sorted(spans + added, key=lambda c: c.start) if added else spans


def ages_after_birth_dates(text: str, spans: list[Candidate]) -> list[Candidate]:
    """The number in the field after a birth date is the age when the years say so (1975-06-21,49 in a
    document dated 2024): an export puts the age there with no word of its own. The number must equal a
    year written in the document less the birth year (or one less), so a count or a code there stays; one digit
    only after a date read as a birth date."""
    spans = _bracketed_ages(text, spans)
    years = {int(y) for y in _YEAR.findall(text)}
    if not years:
        return spans
    taken = [(s.start, s.end) for s in spans]
    added = []
    for span in spans:
        if span.category not in ("BIRTH_DATE", "OTHER_DATE"):
            continue
        born = _YEAR.search(text, span.start, span.end)
        gap = _NEXT_FIELD.match(text, span.end)
        number = _BARE_NUMBER.match(text, gap.end()) if born and gap else None
        if number is None:
            continue
        age, birth_year = int(number.group("n")), int(born.group())
        if not any(y - birth_year in (age, age + 1) for y in years if y > birth_year) or not 0 <= age <= 120:
            continue
        if age < 10 and span.category != "BIRTH_DATE":
            continue  # a one-digit number after any date is as often a count (2028-11-30 1: a quantity)
        start, end = number.span()
        if not any(a < end and start < b for a, b in taken):
            added.append(Candidate(start, end, "AGE", span.rank))
            taken.append((start, end))
    return sorted(spans + added, key=lambda c: c.start) if added else spans


# The unit an age is written with, where a recognizer took only its number (male, 45 yrs; Age: 7 years).
_UNIT_AFTER_AGE = re.compile(r"[ ]?(?:years?(?:[ -]old)?|yrs?|y/o|yo|y|歳|才)(?![A-Za-z0-9])")


def age_units(text: str, spans: list[Candidate]) -> list[Candidate]:
    starts = {s.start for s in spans}
    out = []
    for span in spans:
        if span.category == "AGE" and text[span.start : span.end].isdigit():
            unit = _UNIT_AFTER_AGE.match(text, span.end)
            if unit and not any(span.end <= start < unit.end() for start in starts):
                span = span._replace(end=unit.end())
        out.append(span)
    return out
