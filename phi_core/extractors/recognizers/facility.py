"""Hospital and facility names in running text ("紹介元の「さくら内科クリニック」").

A name in 「」 counts when it ends like a facility; an unquoted one must end in
an unambiguous facility word (病院, クリニック, 医院 ...) and keep a specific
part in front of it, so "大学病院での精査" or "当院" never fire.
"""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import RANK_PATTERN, Candidate
from phi_core.extractors.recognition.name_parts import surnames
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import HIRAGANA_LETTER_SET, UNIFIED_KANJI, is_hiragana, is_kanji, is_katakana, is_latin
from phi_core.japanese.honorifics import alternation
from phi_core.japanese.organisations import AUDIENCE_WORDS, LEGAL_FORMS

_FACILITY_ENDINGS = (
    "病院",
    "クリニック",
    "医院",
    "診療所",
    "センター",
    "内科",
    "外科",
    "胃腸科",
    "眼科",
    "皮膚科",
    "小児科",
    "整形外科",
    "苑",
    "園",
    "の家",
    "ホーム",
    "荘",
    "警察署",
    "消防局",
    "消防署",
    "医大",
)
_QUOTED_RE = re.compile(r"「(?P<name>[^「」\n]{2,30})」")
_UNQUOTED_RE = re.compile(
    r"病院|クリニック|医院|診療所|警察署|消防局|消防署|訪問看護ステーション|老人ホーム|ケアホーム|グループホーム|介護老人保健施設"
    r"|(?:医療|健診|検診|メディカル|がん|総合医療|画像診断|ヘルスケア|クリニカル|健康管理|ケアプラン|在宅介護支援|[A-Z]{2,4})センター"
)
# "医療法人小林会 立川病院": the corporation in front belongs to the name (the medical legal forms of the one
# table in phi_core/japanese/organisations.py; recall-first joins other owners in recognition/facility_owners.py).
_MEDICAL_FORMS = tuple(form for form in LEGAL_FORMS if "医療法人" in form)
_CORPORATION_RE = re.compile(rf"(?:{alternation(_MEDICAL_FORMS)})[^\s、。]{{1,10}}?会[ \u3000]?$")
# "渡辺内科・消化器科": a surname in front of a specialty is a practice's name.
_PRACTICE_RE = re.compile(
    f"(?P<core>[{UNIFIED_KANJI}々]{{2,4}})(?:心療内科|内科|外科|整形外科|眼科|皮膚科|小児科|耳鼻咽喉科|耳鼻科|産婦人科|婦人科|泌尿器科|胃腸科|歯科)"
    f"(?:[・･][{UNIFIED_KANJI}]{{1,6}}?科)*(?:クリニック|医院)?"
)
# "Kohoku General Hospital", "Aoba Clinic": capitalised words before a facility word.
_ENGLISH_FACILITY_RE = re.compile(
    r"(?<![A-Za-z])(?P<name>(?:[A-Z][a-z]+[ -]){1,3}(?:General |City |Central |Memorial |University |Municipal |Red Cross |Prefectural )?"
    r"(?:Hospital|Medical Center|Medical Centre|Clinic|Health Center|Cancer Center))(?![a-z])"
)
_ENGLISH_FACILITY_UPPER_RE = re.compile(
    r"(?<![A-Za-z])(?P<name>(?:[A-Z]{2,}[ -]){1,3}(?:GENERAL |CITY |CENTRAL |MEMORIAL |UNIVERSITY |MUNICIPAL |RED CROSS )?"
    r"(?:HOSPITAL|MEDICAL CENTER|MEDICAL CENTRE|CLINIC))(?![A-Za-z])"
)
_ENGLISH_GENERIC = (
    "The ",
    "Our ",
    "This ",
    "A ",
    "An ",
    "Your ",
    "Referring ",
    "Outside ",
    "Previous ",
    "Local ",
    "Other ",
    "Same ",
    "University ",
    "General ",
    "City ",
    "Affiliated ",
    "Teaching ",
)
_PARTICLES = set("のにでをがはとへもや")
_TWO_LETTER_PARTICLES = ("より", "から", "まで")
_GENERIC_CORES = {
    "",
    "当",
    "同",
    "他",
    "前",
    "近",
    "本",
    "大学",
    "総合",
    "専門",
    "市民",
    "地域",
    "大学附属",
    "附属",
    "付属",
    "基幹",
    "関連",
    "連携",
    "紹介元",
    "一般",
    "精神科",
    "救急",
    "療養型",
    "拠点",
    "がん拠点",
    "急性期",
    "回復期",
    "療養",
    "小児",
    "二次",
    "三次",
    "高次",
    "協力",
    "提携",
    "指定",
    "中核",
    "近隣",
    "周辺",
    "地元",
    "別の",
    "同じ",
    "他の",
    "大規模",
    "中規模",
    "小規模",
    "こども",
    "子ども",
    "A",
    "B",
    "C",
    "X",
    "Ａ",
    "Ｂ",
    "Ｃ",
    "某",
    "元",
    "新",
    "旧",
    "特定機能",
    "地域医療支援",
    "紹介先",
    "受診",
    "当該",
    "各",
    "都内",
    "県立",
    "市立",
    "国立",
    "公立",
    "私立",
}
_LEADING_WORDS = ("紹介元", "かかりつけ", "以前", "近医", "前医", "当院", "他院", "市内", "県内", "近隣")
_MAX_NAME = 24
_HIRAGANA_RUN = HIRAGANA_LETTER_SET


def _walk_back(text: str, end: int) -> int:
    start = end
    while start > 0 and end - start < _MAX_NAME:
        ch = text[start - 1]
        if is_kanji(ch) or is_katakana(ch) or is_hiragana(ch) or is_latin(ch) or ch in "・&＆･":
            start -= 1
        else:
            break
    return start


def _trim_front(text: str, start: int, core_end: int) -> int:
    # Cut after the last particle: "紹介元のT医大病院" -> "T医大病院".
    for index in range(core_end - 1, start - 1, -1):
        if text[index] in _PARTICLES:
            start = index + 1
            break
    # ... and after a particle of two letters or a date's unit: "１０月より船橋メンタルクリニック" -> "船橋メンタルクリニック".
    for index in range(core_end - 2, start, -1):
        if text[index : index + 2] in _TWO_LETTER_PARTICLES:
            start = index + 2
            break
    if start < core_end and text[start] in "年月日" and start and text[start - 1].isdigit():
        start += 1
    for word in _LEADING_WORDS:
        if text.startswith(word, start):
            start += len(word)
    return start


def _audience_before(text: str, end: int) -> int:
    for word in AUDIENCE_WORDS:
        if text.endswith(word, 0, end):
            return len(word)
    return 0


def facility_candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    for match in _QUOTED_RE.finditer(text):
        name = match.group("name")
        if name.endswith(_FACILITY_ENDINGS) and not name.startswith(("target", "Target")):
            found.append(Candidate(match.start("name"), match.end("name"), "HOSPITAL_NAME", RANK_PATTERN))
    for match in _UNQUOTED_RE.finditer(text):
        # 浜風こども医療センター: the particle inside こども must not cut the name off in front of it.
        core_end = match.start() - _audience_before(text, match.start())
        start = _trim_front(text, _walk_back(text, match.start()), core_end)
        core = text[start:core_end]
        # A cut inside a hiragana word ("がん拠点" -> "ん拠点") leaves kana debris in front.
        stripped = core.lstrip(_HIRAGANA_RUN)
        if core in _GENERIC_CORES or (stripped and stripped in _GENERIC_CORES):
            continue
        # An all-hiragana name ("さくら") is kept only when long enough to be a name.
        if all(is_hiragana(ch) for ch in core) and len(core) < 3:
            continue
        corporation = _CORPORATION_RE.search(text, max(0, start - 16), start)
        if corporation:
            start = corporation.start()
        found.append(Candidate(start, match.end(), "HOSPITAL_NAME", RANK_PATTERN))
    found += _practice_names(text)
    found += _english_names(text)
    return found


def _practice_names(text: str) -> list[Candidate]:

    found = []
    if "科" not in text:
        return found
    known = surnames()
    for match in _PRACTICE_RE.finditer(text):
        core = match.group("core")
        # The longest tail of the kanji run that is a surname ("紹介元渡辺" -> "渡辺").
        for offset in range(len(core) - 1):
            if core[offset:] in known:
                found.append(Candidate(match.start("core") + offset, match.end(), "HOSPITAL_NAME", RANK_PATTERN))
                break
    return found


def _english_names(text: str) -> list[Candidate]:
    found = []
    if not any(word in text for word in ("Hospital", "Clinic", "Cent", "HOSPITAL", "CLINIC", "CENTER")):
        return found
    matches = list(_ENGLISH_FACILITY_RE.finditer(text))
    if "HOSPITAL" in text or "CLINIC" in text or "CENTER" in text:
        matches += [
            m for m in _ENGLISH_FACILITY_UPPER_RE.finditer(text) if not m.group("name").startswith(("THE ", "OUR "))
        ]
    for match in matches:
        start = match.start("name")
        name = match.group("name")
        while name.startswith(_ENGLISH_GENERIC):
            cut = name.index(" ") + 1
            name, start = name[cut:], start + cut
        if " " not in name:
            continue  # "Hospital" alone
        first = name.split(" ")[0]
        if first in (
            "General",
            "City",
            "Central",
            "Memorial",
            "University",
            "Medical",
            "Municipal",
            "Hospital",
            "Clinic",
        ):
            continue
        found.append(Candidate(start, match.end("name"), "HOSPITAL_NAME", RANK_PATTERN))
    return found


@register
class FacilityRecognizer(Recognizer):
    """Facility names by their ending (病院, クリニック ...) or in 「」, never generic ones (当院)."""

    name = "facility"
    categories = ("HOSPITAL_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        return facility_candidates(doc.text)
