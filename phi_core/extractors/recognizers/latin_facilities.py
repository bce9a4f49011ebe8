"""Facility names in Latin letters that the English patterns miss (recall-first).

- capitalised words with a possessive or a hyphen before the kind: "Minato Bay Women's Hospital",
  "St. Mary's Hospital", "Children's Hospital of Philadelphia" (the place after "of" too);
- an institution of any kind after a saint's name: "St Aldhelm's Haemophilia Centre";
- words joined by & or "and" (Nagisa Occupational & Family Clinic), a post of care away from a town (Karasawa
  Field Station);
- a European kind written first, then its name: "Clinique Saint-Michel", "Hôpital Pitié-Salpêtrière", "Praxis für
  Orthopädie Krüger",
  "Klinikum Rechts der Isar", "Ospedale San Raffaele", "Hospital Santa Luzia do Ipiranga" (two names after it);
- a generic name with its branch's town after the kind: "City Hospital Kawaguchi";
- a Japanese facility in romaji with its kind in Japanese: HASHIMOTO NAIKA, Okinawa Chubu Hoken Byoin;
- a facility's code in a machine message (SATOMI_KINEN_HP, MINAMI-CLINIC, shonanbay-gh): read as facility_codes.py
  reads any code of a kind.

Not a kind after generic words only ("the hospital", "General Hospital", "Our Clinic", "Women's Hospital").
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .facility_codes import machine_facility_codes
from .romaji_words import is_romaji
from .sudachi_names import RANK_SUPPLEMENT

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
# (a plural's possessive too: Minato Citizens' General Hospital)
_WORD = rf"(?:[{_UPPER}][{_LOWER}]+(?:[-'’][{_UPPER}]?[{_LOWER}]+)*(?:['’]s|(?<=s)['’](?= ))?|[{_UPPER}]{{2,}}|St\.)"
_KINDS = (
    "Hospital|Clinic|Medical Center|Medical Centre|Health Center|Health Centre|Infirmary|Hospice|Nursing Home"
    "|Care Home|Pharmacy|Maternity Home|Children['’]s Hospital"
    # Units and centres a patient is sent to for one treatment: "Queen's Renal Unit", "Pacific Dialysis Center".
    "|Renal Unit|Dialysis Unit|Dialysis Cent(?:er|re)|Dialysis Clinic|Kidney Cent(?:er|re)|Rehabilitation Cent(?:er|re)"
    # Posts of care away from a town (a mountain hut's or an expedition's): "Karasawa Field Station".
    "|Field Station|Aid Station|Medical Station|Health Station|Rescue Station|Aid Post|Medical Post"
    "|Polyclinic|Sanatorium"
    # Practices and agencies named by what they look after or where they go: "Lindqvist Women's Health",
    # "Tsukuba Home Infusion", "Bayside Visiting Nurses", "Genomix Laboratories".
    "|Women['’]s Health|Men['’]s Health|Family Health|Family Medicine|Home Infusion|Home Health|Home Care"
    "|Home Nursing|Visiting Nurses?|Medical Group|Medical Practice|Imaging Cent(?:er|re)|Laborator(?:y|ies)"
    # A dentist's or a doctor's practice by its rooms: "Tama Plaza Dental Office".
    "|Dental Office|Dental Surgery|Medical Office"
    # Banks of donated tissue, named like any organisation: "Shonan Eye Bank", "Cascadia Lions Eye Bank".
    "|Eye Bank|Tissue Bank|Cord Blood Bank|Blood Bank|Bone Bank|Milk Bank|Marrow Bank"
)
# The town of a branch after the kind, in Japanese romanisation: "City Hospital Kawaguchi" (not "… Main").
_TOWN_AFTER = re.compile(r" (?P<town>[A-Z][a-z]{2,})(?![A-Za-z'’\-])(?! [A-Z])")
_NOT_TOWNS = frozenset({"Main", "Hall", "Home"})
_NAME_FIRST = re.compile(
    # Words joined by & or "and" are one name: "Nagisa Occupational & Family Clinic", "Aoba Mind & Body Clinic".
    rf"(?<![A-Za-z])(?P<words>{_WORD}(?:(?:[ -]| & | and ){_WORD}){{0,4}}) (?:{_KINDS})(?![A-Za-z])"
    rf"(?: of(?: the)? [{_UPPER}][{_LOWER}]+(?: [{_UPPER}][{_LOWER}]+)?)?"
)
_KIND_FIRST = re.compile(
    rf"(?<![A-Za-z])(?:Clinique|Hôpital|Hopital|Klinikum|Klinik|Ospedale|Clínica|Policlinico|Centre Hospitalier"
    # A German practice by its specialty and its doctor: "Praxis für Orthopädie Krüger".
    rf"|Gemeinschaftspraxis|Arztpraxis|Zahnarztpraxis|Praxis|Krankenhaus|Spital|Centro Médico|Centro de Salud)"
    rf"(?: (?:de la|de|du|des|del|della|der|di|am|an der|Universitaire|für|fur))?"
    rf"(?:[ -](?:{_WORD}|der|de|la)){{1,4}}"
)
# "Hospital" first, as Portuguese and Spanish write it (Hospital Santa Luzia do Ipiranga): a saint's name or a particle
# of those languages among the words after it, so that an English heading (Hospital Course, Hospital Executive
# Committee, Hospital File No.) stays.
_PARTICLES = "de|do|da|dos|das|del|di|la"
_HOSPITAL_FIRST = re.compile(
    rf"(?<![A-Za-z])Hospital (?:(?:{_PARTICLES}) )?{_WORD}(?: (?:{_WORD}|{_PARTICLES})){{1,4}}"
)
# A saint's name makes whatever institution follows it a proper one, however generic its words:
# "St Aldhelm's Haemophilia Centre", "Saint Luke's Cancer Institute".
_SAINTS_INSTITUTION = re.compile(
    rf"(?<![A-Za-z])(?:St\.?|Saint) {_WORD}(?: (?:{_WORD}|&|and)){{0,4}}?"
    r" (?:Cent(?:er|re)|Unit|Institute|Hospice|Infirmary|Trust|Foundation|Clinic|Hospital)(?![A-Za-z])"
)
_ROMANCE = re.compile(rf" (?:{_PARTICLES}|Santa|Santo|San|São|Sao|Nossa|Nuestra) ")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][A-Za-z'’.]* $")
_TRAILING_PARTICLE = re.compile(rf"(?: (?:{_PARTICLES}))+$")
# Words that say what kind of place, or point at one, not which.
_GENERIC = frozenset(
    "The A An Our Your This That Same Other Another Local Referring Outside Previous General City Central "
    "Municipal Prefectural University Teaching Community District Regional Private Public Veterans Women's "
    "Women’s Children's Children’s Maternity Psychiatric Mental Rehabilitation Cancer Eye Dental Day Free "
    "Memorial Red Cross Rural Specialist Tertiary Affiliated National St. ER ICU Hospital Clinic Blood Tissue "
    "Bone Milk Marrow Cord".split()
)
# A Japanese facility written in romaji, its kind in Japanese too (HASHIMOTO NAIKA in a fax header, HOKUSEI KINEN
# BYOIN, Okinawa Chubu Hoken Byoin): romaji words, then the kind, all in capitals or all capitalised.
_ROMAJI_KINDS = (
    "Byoin|Byouin|Iin|Naika|Geka|Shika|Ganka|Hifuka|Jibika|Shonika|Sanfujinka|Shinryojo|Shinryosho|Kurinikku"
)
# ... or its kind's short form, as a fax log's sender column writes it: URAWA KITA HP, MISONODAI FC (a family
# clinic), AOBA CL, KAIHIN KOKORO MED CTR: after romaji words only (an English word before HP is a unit of power
# or a web page).
_SHORT_KINDS = "HP|CL|FC|MC|CH|MED(?:ICAL)? (?:CTR|CENTER)"
_ROMAJI_FACILITY = re.compile(
    rf"(?<![A-Za-z])(?:(?P<upper>(?:[A-Z]{{2,}} ){{1,3}})(?P<ukind>{_ROMAJI_KINDS.upper()}|{_SHORT_KINDS})"
    rf"|(?P<title>(?:[A-Z][a-z]+ ){{1,3}})(?P<tkind>{_ROMAJI_KINDS}))(?![A-Za-z])"
)
# Generic words as a header shortens them (GEN. HOSP.): as generic as written out.
_SHORT_GENERIC = {"Gen": "General", "Pref": "Prefectural", "Univ": "University", "Natl": "National", "Mun": "Municipal"}
_OPENERS = ("The ", "A ", "An ", "Our ", "Your ", "This ", "That ", "At ", "To ", "From ")
# An English name in capitals, as a printer's header or a device's site line writes it: KAWABATA WOMEN'S CLINIC,
# PREF CHILDRENS MED CTR; a word in romaji or two words must name the place (not GENERAL HOSPITAL, THE CLINIC).
# A scanned or printed header shortens words and joins them: SHIRAKABA MUNICIPAL GEN. HOSP., GREENVALE AUDIOLOGY &
# IMPLANT CLINIC, TOTO MEDICAL UNIV HOSP; a centre by what it treats needs a word in romaji to name it (AOBA HEART CTR, not IMAGING CENTER).
_CAPITALS_NAME = re.compile(
    r"(?<![A-Za-z])(?P<words>(?:[A-Z][A-Z'’\-]+\.? (?:& )?){1,4})"
    r"(?:HOSPITAL|HOSP\.?|CLINIC|MEDICAL CENT(?:ER|RE)|MED\.? CTR\.?|HEALTH CENT(?:ER|RE)|(?P<centre>(?<!MEDICAL )(?<!HEALTH )(?<!MED\. )(?<!MED )(?:CTR\.?|CENT(?:ER|RE))))"
    r"(?![A-Za-z])"
)


@register
class LatinFacilityRecognizer(Recognizer):
    name: ClassVar[str] = "latin-facility"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        for m in _NAME_FIRST.finditer(text):
            start, words = m.start(), m.group("words")
            while words.startswith(_OPENERS):
                cut = words.index(" ") + 1
                start, words = start + cut, words[cut:]
            named = [w for w in re.split("[ -]", words) if w not in _GENERIC and w not in ("&", "and")]
            town = _TOWN_AFTER.match(text, m.end())
            end = m.end()
            if town and is_romaji(town.group("town")) and town.group("town") not in _NOT_TOWNS:
                named, end = named or [town.group("town")], town.end()
            if named or " of " in m.group()[len(m.group("words")) :]:
                found.append(Candidate(start, end, "HOSPITAL_NAME", RANK_SUPPLEMENT))
        found.extend(Candidate(*m.span(), "HOSPITAL_NAME", RANK_SUPPLEMENT) for m in _KIND_FIRST.finditer(text))
        if "St" in text or "Saint" in text:
            found.extend(
                Candidate(*m.span(), "HOSPITAL_NAME", RANK_SUPPLEMENT) for m in _SAINTS_INSTITUTION.finditer(text)
            )
        for m in _HOSPITAL_FIRST.finditer(text):
            if _CAPITALISED_BEFORE.search(text, max(0, m.start() - 20), m.start()):
                continue  # City Hospital Emergency Room: the kind ends an English name, the words after it are a unit
            trailing = _TRAILING_PARTICLE.search(m.group())
            end = m.end() - (len(trailing.group()) if trailing else 0)
            if len(text[m.start() : end].split()) >= 3 and _ROMANCE.search(text, m.start(), end):
                found.append(Candidate(m.start(), end, "HOSPITAL_NAME", RANK_SUPPLEMENT))
        found.extend(
            Candidate(start, end, "HOSPITAL_NAME", RANK_SUPPLEMENT) for start, end in machine_facility_codes(text)
        )
        for m in _CAPITALS_NAME.finditer(text):
            words = [w.rstrip(".").capitalize() for w in m.group("words").split() if w != "&"]
            words = [_SHORT_GENERIC.get(w, w) for w in words]
            named = [
                w for w in words if w not in _GENERIC and f"{w} " not in _OPENERS and w.rstrip("s") not in _GENERIC
            ]
            # (one English word alone before the kind is as often a heading: TOTAL MED CTR)
            if any(is_romaji(w) for w in named) or (len(named) >= 2 and not m.group("centre")):
                found.append(Candidate(m.start(), m.end(), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        for m in _ROMAJI_FACILITY.finditer(text):
            # English words before the name (FROM HASHIMOTO NAIKA) are not part of it.
            words = (m.group("upper") or m.group("title")).split()
            while words and not is_romaji(words[0].capitalize()):
                words = words[1:]
            if words and all(is_romaji(word.capitalize()) for word in words):
                start = m.end() - len(" ".join(words)) - 1 - len(m.group("ukind") or m.group("tkind"))
                found.append(Candidate(start, m.end(), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        return found
