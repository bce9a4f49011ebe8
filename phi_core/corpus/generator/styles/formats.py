"""Value writers: every PHI value in the many shapes documents write it.

Each writer returns ``(text, format)``: the format is the name recorded on the
gold span (``Span.format``) so that errors can be counted by how a value was
written. Format names are a closed vocabulary (:data:`FORMATS`, kept in
``format_names.py``), so a typo in a style module fails the tests instead of
inventing a new row in the analysis. The span edges follow
docs/annotation_guidelines.md: titles, honorifics, 〒, labels and brackets stay
outside the value.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time

import jaconv

from phi_core.corpus.generator.dates import era_of
from phi_core.corpus.generator.people import NamePart, Person
from phi_core.corpus.generator.styles.format_names import FORMATS as FORMATS
from phi_core.corpus.generator.width import to_fullwidth
from phi_core.japanese.width import to_half_width_kana

Value = tuple[str, str]

WEEKDAYS_JA = "月火水木金土日"
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# ---------------------------------------------------------------- dates


def era_date(day: date) -> Value:
    name, _, year = era_of(day)
    if year == 1:
        return f"{name}元年{day.month}月{day.day}日", "era first-year date"
    return f"{name}{year}年{day.month}月{day.day}日", "era date"


def era_abbreviated(day: date, rng: random.Random) -> Value:
    _, letter, year = era_of(day)
    shape = rng.choice(("{l}{y}.{m}.{d}", "{l}{y}/{m}/{d}", "{l}{y:02d}.{m:02d}.{d:02d}", "{l}{y}-{m}-{d}"))
    return shape.format(l=letter, y=year, m=day.month, d=day.day), "era-abbreviated date"


def era_year(day: date, rng: random.Random) -> Value:
    name, letter, year = era_of(day)
    if rng.random() < 0.5:
        return f"{letter}{year}", "era year"
    return f"{name}{'元' if year == 1 else year}年", "era year"


def western_kanji(day: date) -> Value:
    return f"{day.year}年{day.month}月{day.day}日", "western kanji date"


def slash(day: date, rng: random.Random) -> Value:
    if rng.random() < 0.6:
        return f"{day.year}/{day.month:02d}/{day.day:02d}", "slash date"
    return f"{day.year}/{day.month}/{day.day}", "slash date"


def iso(day: date) -> Value:
    return day.isoformat(), "ISO date"


def two_digit_year(day: date, rng: random.Random) -> Value:
    sep = rng.choice("/.")
    return f"{day.year % 100:02d}{sep}{day.month}{sep}{day.day}", "two-digit-year date"


def month_day(day: date, rng: random.Random) -> Value:
    weekday = WEEKDAYS_JA[day.weekday()]
    shape = rng.choice(("{m}月{d}日({w})", "{m}月{d}日（{w}）", "{m}/{d}({w})"))
    return shape.format(m=day.month, d=day.day, w=weekday), "month-day date"


def compact(day: date) -> Value:
    return f"{day:%Y%m%d}", "compact date"


def english(day: date, rng: random.Random) -> Value:
    month = MONTHS_EN[day.month - 1]
    shape = rng.choice(("{d:02d} {M} {y}", "{M} {d}, {y}", "{d}-{M}-{y}", "{d} {M} {y}"))
    return shape.format(d=day.day, M=month, y=day.year), "English date"


def us(day: date) -> Value:
    return f"{day.month:02d}/{day.day:02d}/{day.year}", "US date"


def fullwidth_date(day: date, rng: random.Random) -> Value:
    base = rng.choice((western_kanji(day)[0], era_date(day)[0], slash(day, rng)[0], era_abbreviated(day, rng)[0]))
    return to_fullwidth(base), "full-width date"


def year_month(day: date, rng: random.Random) -> Value:
    _, letter, year = era_of(day)
    shape = rng.choice(
        (
            f"{day.year}年{day.month}月",
            f"{letter}{year}.{day.month}",
            f"{day.year}/{day.month:02d}",
            to_fullwidth(f"{letter}{year}.{day.month}"),
        )
    )
    return shape, "year-month date"


JAPANESE_DATE_WRITERS = {
    "era": lambda d, r: era_date(d),
    "era_abbr": era_abbreviated,
    "kanji": lambda d, r: western_kanji(d),
    "slash": slash,
    "iso": lambda d, r: iso(d),
    "two_digit": two_digit_year,
    "fullwidth": fullwidth_date,
    "compact": lambda d, r: compact(d),
}


def japanese_date(day: date, rng: random.Random, *, weights: dict[str, int] | None = None) -> Value:
    weights = weights or {
        "era": 3,
        "era_abbr": 3,
        "kanji": 3,
        "slash": 3,
        "iso": 1,
        "two_digit": 1,
        "fullwidth": 1,
        "compact": 1,
    }
    name = rng.choices(list(weights), weights=list(weights.values()))[0]
    return JAPANESE_DATE_WRITERS[name](day, rng)


def english_style_date(day: date, rng: random.Random) -> Value:
    return rng.choice((english(day, rng), us(day), iso(day), slash(day, rng)))


def hl7_timestamp(moment: datetime, rng: random.Random) -> Value:
    return moment.strftime(rng.choice(("%Y%m%d%H%M%S", "%Y%m%d%H%M"))), "HL7 timestamp"


# ---------------------------------------------------------------- times


def clock(moment: time, rng: random.Random, *, weights: dict[str, int] | None = None) -> Value:
    weights = weights or {"colon": 5, "kanji": 3, "fullwidth": 1}
    name = rng.choices(list(weights), weights=list(weights.values()))[0]
    if name == "colon":
        return f"{moment.hour}:{moment.minute:02d}", "colon time"
    if name == "kanji":
        return (f"{moment.hour}時{moment.minute}分" if moment.minute else f"{moment.hour}時"), "kanji time"
    if name == "compact":
        return f"{moment.hour:02d}{moment.minute:02d}{moment.second:02d}", "compact time"
    if name == "english":
        hour = moment.hour % 12 or 12
        return f"{hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}", "English time"
    return to_fullwidth(f"{moment.hour}:{moment.minute:02d}"), "full-width time"


# ---------------------------------------------------------------- names


def half_width(kana: str) -> str:
    return to_half_width_kana(kana, space=False)


def kanji_name(person: Person, rng: random.Random) -> Value:
    return person.name(rng.choice(("", "", " ", "\u3000"))), "kanji name"


def katakana_name(person: Person, rng: random.Random) -> Value:
    separator = rng.choice((" ", "\u3000", ""))
    return f"{person.family.kana}{separator}{person.given.kana}", "katakana name"


def hiragana_name(person: Person, rng: random.Random) -> Value:
    return jaconv.kata2hira(katakana_name(person, rng)[0]), "hiragana name"


def half_width_name(person: Person, rng: random.Random) -> Value:
    return (
        f"{half_width(person.family.kana)}{rng.choice((' ', ''))}{half_width(person.given.kana)}",
        "half-width katakana name",
    )


def romaji_name(person: Person, rng: random.Random) -> Value:
    return f"{person.given.romaji} {person.family.romaji}", "romaji name"


def romaji_family_first(person: Person, rng: random.Random) -> Value:
    given = person.given.romaji.upper() if rng.random() < 0.4 else person.given.romaji
    sep = rng.choice((" ", ", "))
    return f"{person.family.romaji.upper()}{sep}{given}", "romaji name, family first"


def romaji_initial(person: Person, rng: random.Random) -> Value:
    return f"{person.given.romaji[0]}. {person.family.romaji}", "romaji initial and surname"


def initials(person: Person, rng: random.Random) -> Value:
    shape = rng.choice(("{g}.{f}.", "{f}.{g}.", "{g}{f}"))
    return shape.format(g=person.given.romaji[0], f=person.family.romaji[0]), "initials"


def caret_name(person: Person, rng: random.Random, fmt: str) -> Value:
    script = rng.random()
    if script < 0.6:
        return f"{person.family.romaji.upper()}^{person.given.romaji.upper()}", fmt
    if script < 0.8:
        return f"{person.family.kana}^{person.given.kana}", fmt
    return f"{person.family.kanji}^{person.given.kanji}", fmt


def surname(part: NamePart) -> Value:
    return part.kanji, "surname alone"


def reading_of(person: Person, rng: random.Random) -> Value:
    """The kana (or romaji) reading written beside a kanji name."""
    return rng.choices((katakana_name, hiragana_name, half_width_name, romaji_family_first), weights=(5, 3, 2, 1))[0](
        person, rng
    )


# ---------------------------------------------------------------- phones


def phone_parts(fake, rng: random.Random, *, mobile: bool = False) -> tuple[str, str, str]:
    if mobile:
        return rng.choice(("090", "080", "070")), fake.numerify("%###"), fake.numerify("####")
    area, exchange = rng.choice(
        (
            ("03", 4),
            ("06", 4),
            ("045", 3),
            ("052", 3),
            ("011", 3),
            ("092", 3),
            ("075", 3),
            ("022", 3),
            ("0422", 2),
            ("0466", 2),
            ("048", 3),
            ("082", 3),
        )
    )
    return area, fake.numerify("%" + "#" * (exchange - 1)), fake.numerify("####")


def phone(parts: tuple[str, str, str], rng: random.Random, *, weights: dict[str, int] | None = None) -> Value:
    weights = weights or {"hyphen": 6, "bracket": 2, "bare": 1, "fullwidth": 1, "international": 1}
    name = rng.choices(list(weights), weights=list(weights.values()))[0]
    a, b, c = parts
    if name == "hyphen":
        return f"{a}-{b}-{c}", "hyphen phone"
    if name == "bracket":
        return (f"{a}({b}){c}" if rng.random() < 0.5 else f"({a}){b}-{c}"), "bracket phone"
    if name == "bare":
        return f"{a}{b}{c}", "bare phone"
    if name == "fullwidth":
        return to_fullwidth(f"{a}-{b}-{c}"), "full-width phone"
    sep = rng.choice(("-", " "))
    return f"+81{sep}{a[1:]}{sep}{b}{sep}{c}", "international phone"


def extension(rng: random.Random) -> Value:
    return str(rng.randint(100, 9999)), "extension"


# ---------------------------------------------------------------- identifiers


def digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


def patient_id(rng: random.Random) -> Value:
    shape = rng.randrange(5)
    if shape == 0:
        return digits(rng, rng.choice((7, 8))), "digit ID"
    if shape == 1:
        return "00" + digits(rng, 8), "zero-padded ID"
    if shape == 2:
        return rng.choice(("ID-", "P", "K-", "MRN")) + digits(rng, rng.choice((6, 7))), "prefixed ID"
    if shape == 3:
        return f"{digits(rng, 3)}-{digits(rng, 4)}-{digits(rng, 2)}", "grouped ID"
    return to_fullwidth(digits(rng, 8)), "full-width ID"


def accession(rng: random.Random, day: date) -> Value:
    shape = rng.choice(("{y}{m:02d}{d:02d}{n}", "ACC-{y}-{n}", "RIS{n}{n2}", "A{yy}{m:02d}-{n}"))
    return shape.format(
        y=day.year, yy=day.year % 100, m=day.month, d=day.day, n=digits(rng, 5), n2=digits(rng, 3)
    ), "accession number"


def order_number(rng: random.Random, day: date) -> Value:
    return f"OD{day:%y%m%d}{digits(rng, 4)}", "order number"


def specimen(rng: random.Random, day: date, prefix: str) -> Value:
    shape = rng.choice(("{p}{yy}-{n}", "{p}{y}-{n}", "{yy}-{p}-{n}"))
    return shape.format(p=prefix, yy=day.year % 100, y=day.year, n=digits(rng, rng.choice((4, 5)))), "specimen number"


def room(rng: random.Random) -> Value:
    return str(rng.randint(2, 9) * 100 + rng.randint(1, 25)), "room number"


def bed(rng: random.Random) -> Value:
    return str(rng.randint(1, 6)), "bed number"


# ---------------------------------------------------------------- age, sex


def age(value: int, rng: random.Random) -> Value:
    if rng.random() < 0.1:
        return to_fullwidth(f"{value}歳"), "full-width age"
    return f"{value}{rng.choice(('歳', '歳', '才'))}", "age"


def english_age(value: int, rng: random.Random) -> Value:
    return rng.choice((f"{value}-year-old", f"{value} y/o", f"{value}y")), "English age"


SEX_WORDS = {"M": ("男性", "男", "M", "Male"), "F": ("女性", "女", "F", "Female")}


def sex(code: str, kind: str) -> Value:
    word, short, letter, en = SEX_WORDS[code]
    return {
        "word": (word, "sex word"),
        "short": (short, "short sex word"),
        "code": (letter, "sex code"),
        "english": (en, "English sex word"),
    }[kind]
