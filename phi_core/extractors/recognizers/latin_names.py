"""Person names in Latin script by their written form, not by a dictionary.

- FAMILY, Given (either part may have several words, letters with accents):
  "WATANABE, Sumiko", "GURUNG, Bishnu Maya", "HERNÁNDEZ LÓPEZ, Diego";
- an upper-case family name followed by capitalised given names: "NGUYEN Thi Lan"; initials: "M.O.", "R.T.",
  "T.Mo." (two letters of the family name), and an initial before a capitalised name: "H. Nishizawa";
- two or three capitalised words in a row of which one is a name SudachiDict knows or reads as romaji:
  "Keiko Amari", "Tanvir Ahmed"; also with the family name last in capitals: "Emily HAMILTON";
- a login made of a romanised family name and an initial: "kurosawa.t", "KOBAYASHI.T", "t_sato";
- capitalised words after an English title: "Nurse Patel", "Dr. O'Brien", "Dr Chen, Wei",
  or before a Japanese one: "Sánchez 先生", "Kowalski さん";
- capitals on both sides of a bare comma in a worklist: "BROWN,EMILY"; a family name with an initial after it:
  "Katagiri S.", "Ng K." (not a word the dictionary knows: "Stage B.");
- a family name in capitals with a particle: "DE SILVA Anthony", "NGUYEN VAN HUNG"; words in capitals
  right before a Japanese honorific: "MUHAMMAD ABDULLAH BIN HASSAN AL-FARSI様";
- Korean given names with a hyphen: "Park Ji-hoon"; capitalised words after a relation: "同行の友人 Tom Baker";
- a user name of a role or unit and a romanised family name: "DM_tanaka", "CRC_miyazato"; the addressee of a letter
  or message: "Dear Mei,", "Hi Tom,". Not a header row's column (SHOKUIN_NO). Full-width letters count as ASCII;
acronyms and clinical words on the allow-list (CT, MRI, Stage) are let through by the allow-list.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.allow_list import fold
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.header_fields import in_header_row
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, UNIFIED_KANJI
from phi_core.japanese.honorifics import (
    ENGLISH_RELATIONS,
    LATIN_LEADING_TITLES,
    LATIN_POST_WORDS,
    LATIN_STAFF_ABBREVIATIONS,
    POSTS_AFTER_NAME,
    RELATIONS,
    alternation,
    words,
)
from phi_core.nlp.morphemes import document_morphemes

from .latin_name_words import (
    UPPER_PARTICLES,
    is_person_word,
    name_like,
    own_unknown_word,
    romaji_word,
    unknown_word,
    word_unknown,
    words_in,
)
from .person_context import person_category
from .romaji_words import is_any_romaji, is_romaji
from .sudachi_names import RANK_SUPPLEMENT

_EXTENDED = "\u0100-\u024f\u1e00-\u1eff"  # Latin Extended-A/B, Additional (Nguyễn, Łukasz): both cases, in both classes
_UP = "A-ZÀ-ÖØ-Þ" + _EXTENDED
_LOW = "a-zß-öø-ÿ" + _EXTENDED
_CAP = rf"(?:Mc|Mac(?=[{_UP}]))?[{_UP}](?:'[{_UP}])?[{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)?"  # Jean-Luc, O'Connor, McCready
_UPPER = rf"(?:[{_UP}]')?[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?"  # O'CONNOR
_WORD = rf"(?:{_CAP}|{_UPPER})"
_UP_WORD = rf"[{_UP}]{{3,}}(?:-[{_UP}]{{2,}})?"
# the next field's label or the person's post: Kiyoshi Kuga, ID; Daniel Hughes, Professor
_LABEL_AFTER = r"(?:ID|MRN|DOB|NO|No|TEL|Tel|Age|AGE|Sex|SEX|Professor|Prof|Director|Manager|Coordinator)(?![A-Za-z])"
# (not the next key of a legend: "RH = Dr. Ryo Hoshino, TO = Tomoya Odagiri")
_COMMA = re.compile(
    rf"(?<![0-9A-Za-zÀ-ÿ{_EXTENDED}]){_WORD}(?: {_WORD}){{0,2}}, (?!{_LABEL_AFTER}){_WORD}(?: {_WORD}){{0,2}}"
    rf"(?![0-9A-Za-zÀ-ÿ{_EXTENDED}]|[ \u3000]?[=＝])"
)
# "BROWN,EMILY" in a worklist: capitals on both sides of a bare comma, not one item of a longer list.
_TIGHT_COMMA = re.compile(rf"(?<![0-9A-Za-zÀ-ÿ{_EXTENDED},]){_UP_WORD},{_UP_WORD}(?![0-9A-Za-zÀ-ÿ{_EXTENDED},])")
_UPPER_PARTICLE = rf"(?:(?:{'|'.join(sorted(UPPER_PARTICLES))}) ){{0,2}}"
# Capitals with a particle between them: NGUYEN VAN HUNG, TRAN THI MAI, AHMAD BIN YUSOF.
_UPPER_WITH_PARTICLE = re.compile(
    rf"(?<![0-9A-Za-zÀ-ÿ{_EXTENDED}]){_UPPER}(?: (?:{'|'.join(sorted(UPPER_PARTICLES | {'THI'}))})){{1,2}}"
    rf"(?: {_UPPER}){{1,2}}(?![0-9A-Za-zÀ-ÿ{_EXTENDED}])"
)
_UPPER_FIRST = re.compile(
    rf"(?<![0-9A-Za-zÀ-ÿ{_EXTENDED}]){_UPPER_PARTICLE}{_UPPER}(?: {_CAP}){{1,3}}(?![0-9A-Za-zÀ-ÿ{_EXTENDED}])"
)
# (and with the family name's first two letters where two patients share initials: T.Mo., M.Su.)
_INITIALS = re.compile(
    rf"(?<![0-9A-Za-zÀ-ÿ{_EXTENDED}.])[{_UP}]\. ?[{_UP}][a-z]?\.(?![0-9A-Za-zÀ-ÿ{_EXTENDED}])|(?<![0-9A-Za-zÀ-ÿ{_EXTENDED}.])[{_UP}]\. ?{_CAP}(?![0-9A-Za-zÀ-ÿ{_EXTENDED}])"
)
# Particles inside a name: Abdul Rahman bin Ismail, Ludwig van Beethoven, Maria da Silva.
_PARTICLE = r"(?:bin|binti|bint|ibn|van|von|der|den|de|da|del|della|di|du|dos|das|al)"
_CAPITALISED_RUN = re.compile(
    rf"(?<![0-9A-Za-zÀ-ÿ{_EXTENDED}]){_CAP}(?: (?:{_PARTICLE} ){{0,2}}{_CAP}){{1,3}}(?![0-9A-Za-zÀ-ÿ{_EXTENDED}])"
)
# Two to four words in capitals with nothing else to tell (LEE MINJUN, AL-SAYED OMAR in a row of a list):
# a name when the dictionary knows every word only as a proper noun, or not at all.
_UPPER_RUN = re.compile(
    rf"(?<![0-9A-Za-zÀ-ÿ{_EXTENDED}])[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?(?: [{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?){{1,3}}"
    rf"(?![0-9A-Za-zÀ-ÿ{_EXTENDED}])"
)
# Vietnamese middle names that mark a woman's or a man's name (Nguyen Thi Mai, Tran Van An).
_VIETNAMESE_MIDDLE = frozenset({"Thi", "Thị", "Van", "Văn"})
# A family name that starts with its particle, written alone: "当直 de Vries", "cc van den Berg".
_PARTICLE_FIRST = re.compile(
    rf"(?<![0-9A-Za-zÀ-ÿ{_EXTENDED}])(?:van|von|de|da|di|du|del|della|dos|das)(?: der| den)? (?P<family>{_CAP})"
    rf"(?![0-9A-Za-zÀ-ÿ{_EXTENDED}'’])"
)
# Given names then the family name in capitals: "Emily HAMILTON", "Jose Luis GARCIA", "Hendrik de VRIES".
# (not a staff abbreviation after a name: "Mika Kuroda RN")
_FAMILY_LAST = re.compile(
    rf"(?<![0-9A-Za-zÀ-ÿ{_EXTENDED}]){_CAP}(?: {_CAP}){{0,2}}(?: {_PARTICLE}){{0,2}} "
    rf"(?!(?:{alternation(LATIN_STAFF_ABBREVIATIONS)})(?![0-9A-Za-z])){_UPPER}(?![0-9A-Za-zÀ-ÿ{_EXTENDED}])"
)
# After an English title, capitalised words are a name whatever the dictionary says:
# "Nurse Patel", "Dr. O'Brien", "Dr Chen, Wei" (not a post: ", Medical Director"), "Mrs Anita Pillai".
# (a Korean given name's second syllable after its hyphen is in lower case: Eun-ji, Min-seo; after a titled name's
# comma, a word with a full stop is the next field's abbreviation: Dr. Park Seo-yeon, Dept. of …)
_NAME_WORD = rf"[{_UP}](?:'[{_UP}])?[{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)?"
_TITLED = re.compile(
    rf"(?<![A-Za-z])(?:{alternation(LATIN_LEADING_TITLES + ('Miss', 'Nurse', 'Sister'))})(?:\. ?| )(?P<name>(?:{_NAME_WORD}|[A-Z]{{2,}})(?: {_NAME_WORD}){{0,2}}(?:, (?!(?:{alternation(LATIN_POST_WORDS)})(?![a-z])){_NAME_WORD}(?!\.))?)"
    rf"(?![0-9A-Za-zÀ-ÿ{_EXTENDED}])"
)
# A login or user name made of a romanised family name and an initial: kurosawa.t, KOBAYASHI.T, t.kurosawa.
_LOGIN = re.compile(
    r"(?<![\w.@/])(?:(?P<family>[a-z]{3,}|[A-Z]{3,})[._](?:[a-z]{1,2}|[A-Z]{1,2})|(?:[a-z]|[A-Z])[._](?P<family2>[a-z]{3,}|[A-Z]{3,})"
    # a hyphen before one lower-case initial (tanaka-y; not ASA-PS, non-CR)
    r"|(?P<family3>[a-z]{4,})-[a-z](?![a-z]))"
    r"(?![\w@]|\.[A-Za-z])"
)
# The last field of a comma-separated row, a word in lower case (…,come in,horie): who wrote the row.
_CSV_ROMAJI_FIELD = re.compile(r"(?<=,)(?P<w>[a-z]{4,12})$", re.MULTILINE)
# A login of a whole romanised name, family first or given first: kurosawa.aya, aya_kurosawa.
_FULL_NAME_LOGIN = re.compile(r"(?<![\w.@/])(?P<first>[a-z]{3,})[._](?P<second>[a-z]{3,})(?![\w@]|\.[A-Za-z])")
# A user name of a role or unit and a family name: DM_tanaka, CRC_miyazato, pharm_yamane (the family name
# must read as romaji and be one the dictionary does not know, so CT_data and ID_name stay).
_ROLE_LOGIN = re.compile(
    r"(?<![\w.@/])(?:(?:[A-Z]{2,4}|[a-z]{2,6})_){0,2}(?:[A-Z]{2,4}|[a-z]{2,5})[._](?P<family>[a-z]{4,})(?![\w@]|\.[A-Za-z])"
)
# Who did it, after a machine log's key (op=kmatsui, user=tsato, by=yamane): an initial glued to a family name.
_KEYED_LOGIN = re.compile(
    rf"(?<![A-Za-z])(?:op|opr|user|usr|uid|by|tech|staff|operator)(?:=|: ?)(?:[{UNIFIED_KANJI}]{{1,6}} )?(?P<v>[a-z]{{4,14}})(?![\w@.])"
)
# Romaji words of a form's field names, not family names (name_kanji, shimei_kana).
_FIELD_WORDS = frozenset(
    "kanji kana katakana hiragana romaji name sei mei shimei jusho bango kubun data code roman".split()
)
# A family name with one initial after it: "Katagiri S.", "Ng K.", "Saga R.".
_SURNAME_INITIAL = re.compile(
    rf"(?<![0-9A-Za-zÀ-ÿ{_EXTENDED}.'\-])(?P<family>[{_UP}](?:'[{_UP}])?[{_LOW}]+) [{_UP}]\.(?![0-9A-Za-zÀ-ÿ{_EXTENDED}])"
)
# A family name in capitals and a given name's initial, as rosters and logs abbreviate (ISOBE F., ODAGAWA H.; with
# the person's post in brackets after it: OHNO R (RT), TAKANO M（総務課）).
_CAPITALS_INITIAL = re.compile(
    rf"(?<![0-9A-Za-z.'\-])(?P<family>[{_UP}]{{3,}}(?:-[{_UP}]{{2,}})?) [{_UP}](?:(?P<dot>\.)(?![0-9A-Za-z])|(?=[\"”\t|\n]|[ ]?[(（]))"
)
# A name written the HL7 way outside a message, in a log or a CSV export (HAYASHI^SUMIE, KUDO^M).
# A given name of two words after the caret too (NGUYEN^THI HOA); a middle initial (Mark A. Feldman).
_BRACKET_NEXT = re.compile(r"[ ]?[(（]")
_CARET_NAME = re.compile(
    r"(?<![0-9A-Za-z^|])[A-Z][A-Za-z'\-]+(?:\^[A-Z][A-Za-z'\-]*(?: [A-Z]{2,}(?![a-z]))?){1,3}(?![0-9A-Za-z^])"
)
_MIDDLE_INITIAL = re.compile(rf"(?<![0-9A-Za-zÀ-ÿ{_EXTENDED}.]){_CAP} [{_UP}]\. {_CAP}(?![0-9A-Za-zÀ-ÿ{_EXTENDED}])")
# A sign-off after a dash on a line of its own (— Uno, -- Okafor); not a list item after a hyphen (- Done).
_DASH_SIGN_OFF = re.compile(
    r"^[ \t]*(?:—|–|--)[ ]?(?P<name>[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15})?)[ \t]*$", re.MULTILINE
)
_TITLE_BEFORE = re.compile(rf"(?<![A-Za-z])(?:{alternation(LATIN_LEADING_TITLES)})\.? ?$")
# Capitalised words after a relation of the patient: "同行の友人 Tom Baker", "次女 Clarke 由香里".
_AFTER_RELATION = re.compile(
    rf"(?:{alternation(RELATIONS)})(?:の)?[ \u3000]?(?P<name>{_CAP}(?: {_CAP}){{0,2}})(?![0-9A-Za-zÀ-ÿ{_EXTENDED}])"
)
# One capitalised word after an English relation or a staff abbreviation: "her husband Rajesh",
# "daughter, Emi", "PT Kowalski", "RN Garcia" (a word the dictionary knows as a common noun is left:
# "PT Plan", "son Home"). Who signed a row off in English: "checked Kim", "verified by Ito".
_ENGLISH_SIGN_OFFS = (
    r"(?:[Cc]hecked|[Ss]igned|[Vv]erified|[Rr]eviewed|[Aa]pproved|[Ww]itnessed|[Cc]ountersigned)(?: by)?"
)
_AFTER_ENGLISH_CUE = re.compile(
    rf"(?<![A-Za-z])(?:(?P<relation>{alternation(ENGLISH_RELATIONS + tuple(w.capitalize() for w in ENGLISH_RELATIONS))}),?"
    rf"|{alternation(LATIN_STAFF_ABBREVIATIONS)}\.?"
    rf"|{_ENGLISH_SIGN_OFFS}|[Ii]nterpreter|[Tt]ranslator)(?: |(?(relation) ?[(（]|(?!)))"  # (or: Husband (Rohit))
    rf"(?P<name>{_CAP})(?: (?P<second>{_CAP}))?(?![0-9A-Za-zÀ-ÿ{_EXTENDED}])"
)
# The person a letter or a message is written to: "Dear Mei,", "Hi Tom,", "Attn: Ruiz".
_SALUTATION = re.compile(
    rf"(?<![A-Za-z])(?:Dear|Hi|Hello|Attn:?|Attention:?) (?:(?:Dr|Mr|Ms|Mrs|Prof)\.? )?(?P<name>{_CAP}(?: {_CAP}){{0,2}})"
    r"(?=[,:;!\n]|$)",
    re.MULTILINE,
)
_ADDRESSED_GROUPS = frozenset(
    "Colleague Colleagues Sir Sirs Madam Doctor Doctors All Team Everyone Friend Friends Patient Patients Family "
    "Families Member Members Staff Nurse Nurses Parent Parents Guardian Guardians Customer Customers Editor "
    "Editors Reviewer Reviewers Committee Coordinator There Again Sender Recipient".split()
)
# A newborn written as the family name and "Baby": "Nguyen Baby", "SMITH BABY 2".
_BEFORE_BABY = re.compile(rf"(?<![0-9A-Za-zÀ-ÿ{_EXTENDED}])(?P<name>{_WORD}) (?:Baby|BABY)(?![A-Za-z])")
# Capitals right before a Japanese honorific: "MUHAMMAD ABDULLAH BIN HASSAN AL-FARSI様", "DE SILVA Anthony 様",
# a family name alone in capitals (712号 GARCIA 様); acronyms go to the allow-list; not 様式 (さん付添い is a person).
_CAPITALS_BEFORE_HONORIFIC = re.compile(
    rf"(?<![0-9A-Za-zÀ-ÿ{_EXTENDED}.])(?P<name>[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?(?: (?:[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?|{_CAP})){{1,5}}"
    rf"|[{_UP}]{{3,}}(?:-[{_UP}]{{2,}})?)"
    rf"[ \u3000]?(?:(?:{alternation(words('person', exclude=('様', '殿')))})|(?:様|殿)(?![{UNIFIED_KANJI}]))"
)
# A title, an honorific or a post after a Latin name (Sánchez 先生, Tupou 選手, Smith 主任).
_JAPANESE_TITLES = alternation(words("person", "clinician") + POSTS_AFTER_NAME)
_JAPANESE_TITLE_NEXT = re.compile(_JAPANESE_TITLES)
_JAPANESE_WORD_NEXT = re.compile(f"[{UNIFIED_KANJI}{FULL_WIDTH_KATAKANA}{HIRAGANA_LETTERS}]")
# A Latin name before a Japanese honorific or title: "Sánchez 先生", "Kowalski さん", "Lim 様".
_BEFORE_HONORIFIC = re.compile(
    rf"(?<![A-Za-zÀ-ÿ{_EXTENDED}.])(?P<name>{_NAME_WORD}(?: {_NAME_WORD}){{0,2}})[ \u3000]?(?:{_JAPANESE_TITLES})"
)
# One initial after a title (his wife (Mrs. M.), Dr. K.): the person's name, cut short.
_TITLED_INITIAL = re.compile(r"(?<![A-Za-z])(?:Mr|Mrs|Ms|Dr|Miss)\.? (?P<i>[A-Z]\.)(?![A-Za-z])")
# Two or three initials joined by a dot or a middle dot before an honorific or an age and sex (K・Y様, T.M.さん,
# S.T 41F); one letter alone (A氏) stands in for a person and names nobody.
_INITIALS_BEFORE_HONORIFIC = re.compile(
    rf"(?<![A-Za-z.・･])[A-Z](?:[・･.] ?[A-Z]){{1,2}}\.?(?=[ \u3000]?(?:{alternation(words('person'))})(?![{UNIFIED_KANJI}])"
    r"|[ \u3000]{1,2}[0-9]{1,3}[ ]?(?:[MF男女]|歳|才)(?![A-Za-z]))"
)
_NOT_INITIALS = frozenset({"A.M.", "P.M.", "U.S.", "U.K.", "N.B.", "P.S.", "E.U."})


@register
class LatinNameRecognizer(Recognizer):
    name: ClassVar[str] = "latin-name"
    categories: ClassVar[tuple[str, ...]] = ("PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        folded = fold(text)
        if not re.search("[A-Za-z]", folded):
            return []
        spans: set[tuple[int, int]] = set()
        for m in [*_UPPER_FIRST.finditer(folded), *_TIGHT_COMMA.finditer(folded)]:
            cut = text.find("\u3000", *m.span())  # a wide blank after a half-width name parts it from a field
            cut = cut if cut > 0 and text[cut - 1].isascii() and " " in text[m.start() : cut] else m.end()
            spans.add((m.start(), cut))  # (NGUYEN Thi Lan　Relationship)
        spans.update(_family_in_capitals(m) for m in _COMMA.finditer(folded))
        logins = {
            m.span()
            for m in _LOGIN.finditer(folded)
            if is_any_romaji(m.group("family") or m.group("family2") or m.group("family3"))
        }
        logins |= {m.span("name") for m in _TITLED.finditer(folded)}
        logins |= {m.span("name") for m in _BEFORE_HONORIFIC.finditer(folded)}
        # Initials are judged by their form alone: the dictionary knows every single letter.
        initials = {m.span() for m in _INITIALS.finditer(folded) if m.group().replace(" ", "") not in _NOT_INITIALS}
        initials |= {m.span() for m in _INITIALS_BEFORE_HONORIFIC.finditer(folded)}
        initials |= {m.span("i") for m in _TITLED_INITIAL.finditer(folded)}
        by_start = {m.start: m for m in document_morphemes(doc)}
        logins |= {m.span("name") for m in _CAPITALS_BEFORE_HONORIFIC.finditer(folded)}
        logins |= {m.span() for m in _UPPER_WITH_PARTICLE.finditer(folded)}
        for m in _ROLE_LOGIN.finditer(folded):
            word = by_start.get(m.start("family"))
            if m.group("family") in _FIELD_WORDS or m.group().split("_")[0].lower() in _FIELD_WORDS:
                continue
            if is_romaji(m.group("family")) and (word is None or word.oov):
                logins.add(m.span())
        for m in _CAPITALS_INITIAL.finditer(folded):  # (no dot: a romaji family only, not CTRX S, VCM S)
            if not m.group("dot") and _BRACKET_NEXT.match(folded, m.end()) and len(m.group("family")) < 4:
                continue  # a drug's or a blood group's letter before a remark: INH R (低濃度), ABO B(+)
            if romaji_word(m.group("family")) or (m.group("dot") and unknown_word(by_start, m.start("family"))):
                logins.add(m.span())
        logins |= {m.span() for pattern in (_CARET_NAME, _MIDDLE_INITIAL) for m in pattern.finditer(folded)}
        for m in _DASH_SIGN_OFF.finditer(folded):
            word = by_start.get(m.start("name"))
            if word is None or word.oov or word.is_proper or romaji_word(m.group("name").split()[0]):
                logins.add(m.span("name"))
        for m in _KEYED_LOGIN.finditer(folded):
            value = m.group("v")
            if is_romaji(value) or is_romaji(value[1:]):  # kmatsui: k + matsui
                logins.add(m.span("v"))
        for m in _CSV_ROMAJI_FIELD.finditer(folded):
            # come in,horie: a field of its own in lower case, romaji and no word the dictionary knows
            if is_romaji(m.group("w")) and own_unknown_word(by_start, m.start("w"), m.group("w")):
                logins.add(m.span("w"))
        for m in _FULL_NAME_LOGIN.finditer(folded):
            first, second = m.group("first"), m.group("second")
            if {first, second} & _FIELD_WORDS:
                continue  # name_kanji, name_roman: a field's name
            if is_romaji(first) and is_romaji(second) and max(len(first), len(second)) >= 5:
                if unknown_word(by_start, m.start("first")) or unknown_word(by_start, m.start("second")):
                    logins.add(m.span())
        for m in _SURNAME_INITIAL.finditer(folded):
            word = by_start.get(m.start("family"))
            # Two letters (Ng, Li, Wu) or after a title (Dr. Saga R.): a name even where English knows the word.
            titled = _TITLE_BEFORE.search(folded, max(0, m.start() - 6), m.start())
            if word is None or word.oov or word.is_proper or len(m.group("family")) == 2 or titled:
                logins.add(m.span())
        relatives = {m.span("name") for m in _AFTER_RELATION.finditer(folded)}
        for m in _AFTER_ENGLISH_CUE.finditer(folded):
            word = by_start.get(m.start("name"))
            if word is None or word.oov or word.is_proper:
                end = (
                    m.end("second")
                    if m.group("second") and unknown_word(by_start, m.start("second"))
                    else m.end("name")
                )
                span = (m.start("name"), end)
                (relatives if m.group("relation") else logins).add(span)
        for m in _UPPER_RUN.finditer(folded):
            # A hyphenated word counts as unknown when one of its parts is (AL-SAYED).
            words = [
                [(m.start() + w.start() + p.start(), p.group()) for p in re.finditer(r"[^-]+", w.group())]
                for w in re.finditer(r"[^ ]+", m.group())
            ]
            parts = [(start, part) for word in words for start, part in word]
            # and one word must read as a name: a proper noun or romaji (not MEPM MIC, UICC TNM, LINE WORKS)
            name_word = any(
                is_person_word(by_start.get(start)) or (len(part) >= 4 and romaji_word(part)) for start, part in parts
            )
            if name_word and all(
                any(own_unknown_word(by_start, start, part) for start, part in word) for word in words
            ):
                logins.add(m.span())  # judged here word by word
        for m in _PARTICLE_FIRST.finditer(folded):
            # A Japanese word glued after it makes an eponym (de Quervain腱鞘炎, van der Waals力); a title does not.
            if _JAPANESE_WORD_NEXT.match(folded, m.end()) and not _JAPANESE_TITLE_NEXT.match(folded, m.end()):
                continue
            if unknown_word(by_start, m.start("family")):
                logins.add(m.span())
        for m in _SALUTATION.finditer(folded):
            if not set(m.group("name").split()) & _ADDRESSED_GROUPS:
                logins.add(m.span("name"))  # not "Dear Colleague", "Dear Sir"
        for m in _BEFORE_BABY.finditer(folded):
            word = by_start.get(m.start("name"))
            if word is None or word.oov or word.is_proper or romaji_word(m.group("name")):
                logins.add(m.span("name"))  # not "The Baby"
        for m in [*_CAPITALISED_RUN.finditer(folded), *_FAMILY_LAST.finditer(folded)]:
            words = words_in(folded, m.start(), m.end())
            morphemes = [by_start.get(w) for w, _ in words]
            unknown = sum(1 for w, n in words if word_unknown(folded, by_start, w, n)) * 2 > len(words)
            middle = [folded[w : w + n] for w, n in words[1:-1]]
            if _VIETNAMESE_MIDDLE & set(middle):
                logins.add(m.span())  # Do Thi Lan, Le Van An: the middle name says whose name it is
            elif unknown or any(
                is_person_word(m) or romaji_word(folded[w : w + n]) for m, (w, n) in zip(morphemes, words)
            ):
                spans.add(m.span())
        found = [
            Candidate(s, e, person_category(text, s, e), RANK_SUPPLEMENT)
            for s, e in sorted(spans | initials | logins)
            if ((s, e) in initials or (s, e) in logins or name_like(folded, s, e, by_start))
            and not in_header_row(text, s, e)
        ]
        return found + [Candidate(s, e, "EMERGENCY_CONTACT", RANK_SUPPLEMENT) for s, e in sorted(relatives)]


def _family_in_capitals(m: re.Match[str]) -> tuple[int, int]:
    """Where a FAMILY, Given name starts: at its capitals, not at a label before them (Patient O'CONNOR, Sean)."""
    family = m.group().split(",", 1)[0]
    words = family.split(" ")
    if len(words) > 1 and words[-1].isupper() and not words[0].isupper():
        first_capital = next(i for i, w in enumerate(words) if w.isupper())
        return m.start() + len(" ".join(words[:first_capital])) + 1, m.end()
    return m.span()
