"""Hospitals, clinics, homes and pharmacies named by a coined word before their kind.

ひだまりこどもクリニック, とよさと呼吸器内科クリニック, みなと台中央病院, きのした内科小児科: a run of
kana (three to twelve letters) that opens after a line start, a space, a colon,
a bracket or a comma, or after a public owner there (市立さくらが丘病院), then at most a few kanji (a specialty or 中央, 記念),
then the kind. Words that point at a facility without naming it (この, その,
かかりつけ), words for what it does (がん拠点病院, こどもクリニック) and runs that end
in の (ほかの, べつの) are not names.

In English, capitalised words before the kind: "Sunrise Nursing Home",
"Amrita Heart Care", "Kohoku General Hospital"; not when every word before the
kind is a generic one (Intensive Care, Primary Care, Emergency Department).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, KANJI, LONG_VOWEL, in_katakana_block
from phi_core.japanese.organisations import PRACTICE_SPECIALTIES, PUBLIC_OWNERS

from .sudachi_names import RANK_SUPPLEMENT

_KINDS = (
    "クリニック", "病院", "医院", "診療所", "薬局", "歯科医院", "こどもクリニック", "医療センター",
    # the practices a patient also goes to: a bone-setter's, an acupuncturist's, a dental office (はるかぜ整骨院,
    # ひらつか駅前デンタル)
    "整骨院", "接骨院", "鍼灸院", "治療院", "デンタルクリニック", "デンタルオフィス", "デンタル", "歯科",
    # a medical centre by its letters, as staff shorten it (みずほ野MC)
    "MC", "ＭＣ",
)  # fmt: skip
# A practice named by its specialties: きのした内科小児科, さくら眼科 (only with a kana name before).
_SPECIALTIES = PRACTICE_SPECIALTIES
_PARTICLE_ENDINGS = ("の", "から", "まで", "より", "など", "には", "では", "へ", "に", "で")
_FACILITY = re.compile(
    # (a list's bullet or an arrow may stand before it too: ・はるかぜ整骨院, → みなと台中央病院)
    rf"(?:^|(?<=[\s：:、。,，「『（(／/【】\[・→]))(?:{'|'.join(PUBLIC_OWNERS)})?"
    rf"(?P<name>[{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{3,12}})"
    rf"[{KANJI}]{{0,8}}(?:{'|'.join(_KINDS + _SPECIALTIES)})",
    re.MULTILINE,
)
_ENGLISH_KINDS = (
    "Hospital", "Clinic", "Clinics", "Center", "Centre", "Care", "Home", "Pharmacy", "Healthcare", "Hospice",
    "Infirmary", "Institute", "Practice", "Surgery",
)  # fmt: skip
# The abbreviations a name's words are written in (Sakuragaoka Univ. Hosp., Higashihama Pref. Hospital).
_ABBREVIATED = r"(?:Univ|Pref|Gen|Med|Mem|Natl|Intl|Metrop|St|Mt)\."
_ENGLISH = re.compile(
    rf"(?<![A-Za-z])(?P<words>(?:[A-Z][a-z]+|[A-Z]{{2,}})(?: (?:{_ABBREVIATED}|[A-Z][a-z]+|[A-Z]{{2,}}|of)){{0,4}}) "
    rf"(?:{'|'.join(_ENGLISH_KINDS)}|Hosp\.|Ctr\.)(?![A-Za-z])"
)
# Words that make a kind of care or a department, not a name, when all words before the kind are these.
_GENERIC_ENGLISH = frozenset(
    "Intensive Critical Primary Home Palliative Emergency Urgent Day Long Term Acute Coronary Respite Medical "
    "General Nursing Health Mental Community Child Children Cancer Heart Health Patient Usual Standard Routine "
    "Supportive Comfort Continuing Managed Social Dental Eye Skilled Outpatient Inpatient The A An Our Your This "
    "Transitional Post Pre Hospital Clinic Care Center Centre of and & Univ. Pref. Gen. Med. Mem. Natl. Intl. "
    "Metrop. St. Mt.".split()
)
_POINTERS = frozenset({"この", "その", "あの", "どの", "かかりつけ", "ほか", "べつ", "つぎ", "まえ"})
# Words that join clauses, written in kana before a department (情報共有、および精神科専門医療へ): no practice's name.
_CONJUNCTIONS = frozenset(
    {"および", "ならびに", "または", "もしくは", "あるいは", "それから", "そして", "さらに", "なお"}
)
# Kana words that say what a facility does, not which one it is (がん拠点病院, こどもクリニック).
_KINDS_IN_KANA = frozenset(
    "がん こども こころ からだ リハビリ レディース メディカル ファミリー デンタル キッズ ウィメンズ ハート "
    "スポーツ ペイン ケア ホーム クリニカル アレルギー".split()
)


def not_a_practice_name(name: str) -> bool:
    """Kana before a kind that end in a particle or join clauses, not a practice's own name."""
    if name.endswith(_PARTICLE_ENDINGS) or name in _CONJUNCTIONS:
        return True
    # a drug's name and its particle (デノスマブは歯科評価待ち, セレコキシブは整形 Dr 小林)
    return name[-1] in "はがを" and in_katakana_block(name[-2])


@register
class KanaFacilityRecognizer(Recognizer):
    name: ClassVar[str] = "kana-facility"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        japanese = any(kind in text for kind in _KINDS + _SPECIALTIES)
        for m in _FACILITY.finditer(text) if japanese else ():
            name = m.group("name")
            if len(name) < 3 or name in _POINTERS or name in _KINDS_IN_KANA or not_a_practice_name(name):
                continue
            found.append(Candidate(m.start(), m.end(), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        english = any(kind in text for kind in _ENGLISH_KINDS + ("Hosp.", "Ctr."))
        for m in _ENGLISH.finditer(text) if english else ():
            words = m.group("words").split()
            while words and words[0] in ("The", "A", "An", "Our", "Your", "This", "At", "To", "From"):
                words.pop(0)
            if words and not all(w in _GENERIC_ENGLISH for w in words):
                start = m.start("words") + len(m.group("words")) - len(" ".join(words))
                found.append(Candidate(start, m.end(), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        return found
