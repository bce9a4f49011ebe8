"""The recall-first profile, in code until profiles become data.

recall-first = every recognizer of the balanced rules, at their own ranks
+ the supplement recognizers below, at the lowest rank (a rule's span wins any
overlap), whose proposals go through the clinical allow-list first
(phi_core/extractors/allow_list.py). It masks every name-like proper noun,
unknown word and identifier-shaped string unless the allow-list says it is a
clinical fact. It is the default of ``deid`` and the De-identify page, and the
pipeline and run backend ``recall-first``.

To move into data/rules/profiles.toml: the profile is the list SUPPLEMENTS
(recognizer name -> class, all at rank RANK_SUPPLEMENT) on top of the
balanced list, plus the step ``allow_list = "clinical_allow_list.toml"``
applied to the supplements only.
"""

from __future__ import annotations

import re

from phi_core.extractors.allow_list import load_allow_list
from phi_core.extractors.recognizers.ages import AgeRecognizer
from phi_core.extractors.recognizers.era_years import EraYearRecognizer
from phi_core.extractors.recognizers.ginza_entities import GinzaEntityRecognizer
from phi_core.extractors.recognizers.identifier_shape import IdentifierShapeRecognizer
from phi_core.extractors.recognizers.latin_names import LatinNameRecognizer
from phi_core.extractors.recognizers.machine_timestamps import MachineTimestampRecognizer
from phi_core.extractors.recognizers.role_values import RoleValueRecognizer
from phi_core.extractors.recognizers.romaji_words import RomajiWordRecognizer
from phi_core.extractors.recognizers.scan_damage import ScanDamageRecognizer
from phi_core.extractors.recognizers.service_names import ServiceNameRecognizer
from phi_core.extractors.recognizers.short_dates import ShortDateRecognizer
from phi_core.extractors.recognizers.sudachi_names import RANK_SUPPLEMENT, SudachiPersonRecognizer
from phi_core.extractors.recognizers.sudachi_places import SudachiPlaceRecognizer
from phi_core.extractors.recognizers.sudachi_readings import SudachiReadingRecognizer
from phi_core.extractors.recognizers.sudachi_unknown import SudachiUnknownRecognizer
from phi_core.extractors.recognizers.ward_names import WardNameRecognizer
from phi_core.extractors.rules import RECOGNIZERS as BALANCED
from phi_core.extractors.rules import VERSION as RULES_VERSION
from phi_core.extractors.rules import _masks_other_words
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer
from phi_core.extractors.recognition.resolve import resolve
from phi_core.models import PredictedItem, Span

NAME = "recall-first"
VERSION = f"recall-first-0.1.0+{RULES_VERSION}"

# name -> recognizer class; every one runs at RANK_SUPPLEMENT, behind the allow-list.
SUPPLEMENTS: dict[str, type[Recognizer]] = {
    "sudachi-person": SudachiPersonRecognizer,
    "sudachi-place": SudachiPlaceRecognizer,
    "sudachi-unknown": SudachiUnknownRecognizer,
    "sudachi-reading": SudachiReadingRecognizer,
    "romaji-word": RomajiWordRecognizer,
    "identifier-shape": IdentifierShapeRecognizer,
    "machine-timestamp": MachineTimestampRecognizer,
    "service-name": ServiceNameRecognizer,
    "latin-name": LatinNameRecognizer,
    "short-date": ShortDateRecognizer,
    "scan-damage": ScanDamageRecognizer,
    "role-value": RoleValueRecognizer,
    "ward-name": WardNameRecognizer,
    "age-with-unit": AgeRecognizer,
    "era-year": EraYearRecognizer,
    "ginza-entities": GinzaEntityRecognizer,
}
# GiNZA is listed but not enabled: it runs at about 4 documents per CPU second,
# below the profile's speed target of 30 (README, "Morphology and statistical NER").
ENABLED: tuple[str, ...] = (
    "sudachi-person",
    "sudachi-place",
    "sudachi-unknown",
    "sudachi-reading",
    "romaji-word",
    "identifier-shape",
    "machine-timestamp",
    "service-name",
    "latin-name",
    "short-date",
    "scan-damage",
    "role-value",
    "ward-name",
    "age-with-unit",
    "era-year",
)
ALLOW_LIST = "clinical_allow_list.toml"

_instances: dict[str, Recognizer] = {}


def supplements(names: tuple[str, ...] = ENABLED) -> list[Recognizer]:
    for name in names:
        if name not in _instances:
            _instances[name] = SUPPLEMENTS[name]()
    return [_instances[name] for name in names]


def run_profile(text: str, names: tuple[str, ...] = ENABLED) -> list[Candidate]:
    """Resolved candidates: the balanced rules plus the allowed supplement proposals."""
    if not text:
        return []
    doc = Document(text)
    candidates: list[Candidate] = []
    regions = []
    for recognizer in BALANCED.values():
        candidates.extend(recognizer.find(doc))
        regions.extend(recognizer.regions(doc))
    allow = load_allow_list()
    allowed_regions = allow.regions(text)
    extra: list[Candidate] = []
    for recognizer in supplements(names):
        for cand in recognizer.find(doc):
            cand = _trimmed(text, cand)
            if cand.end > cand.start and not allow.allows(text, cand.start, cand.end, allowed_regions):
                extra.append(cand._replace(rank=RANK_SUPPLEMENT))
    spans = join_spaced_letters(text, widen(resolve(doc, candidates + extra, regions), extra))
    return bracketed_readings(text, spans)


# Kana (or kana words with spaces) in brackets right after a name: its reading.
_READING_IN_BRACKETS = re.compile(
    r"[ \u3000]?[（(]([\u30a1-\u30fa\u30fc\u3041-\u3096\uff66-\uff9f]+(?:[ \u3000・][\u30a1-\u30fa\u30fc\u3041-\u3096\uff66-\uff9f]+)*)(?=[)）／/、,])"
)


def bracketed_readings(text: str, spans: list[Candidate]) -> list[Candidate]:
    """王 秀英（ワン シウイン／…), GURUNG, Bishnu Maya (グルン ビシュヌ マヤ): a reading beside a name."""
    out = list(spans)
    for span in spans:
        if span.category not in _NAME_CATEGORIES:
            continue
        m = _READING_IN_BRACKETS.match(text, span.end)
        if not m:
            continue
        start, end = m.span(1)
        inside = [s for s in out if start <= s.start and s.end <= end]
        if any(s.start < end and start < s.end for s in out if s not in inside):
            continue  # something longer crosses the brackets: leave it as it is
        out = [s for s in out if s not in inside] + [Candidate(start, end, "NAME_READING", RANK_SUPPLEMENT)]
    return sorted(out, key=lambda c: c.start)


_NAME_CATEGORIES = frozenset({"PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT", "NAME_READING"})
_SPACED = re.compile(r"^\S(?:[ \u3000]\S)+$")
_MORE_SPACED = re.compile(r"(?:[ \u3000][\u3041-\u30ff\u4e00-\u9fff々])+(?![^\s、。,.()（）:：])")


def join_spaced_letters(text: str, spans: list[Candidate]) -> list[Candidate]:
    """A name typed or scanned with a space between letters (山 田 太 郎) keeps its letters together.

    A name span that is itself letters with spaces between them takes the
    single letters that follow in the same way, up to the next word.
    """
    out: list[Candidate] = []
    for span in spans:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.category in _NAME_CATEGORIES
            and span.category in _NAME_CATEGORIES
            and text[previous.end : span.start] in (" ", "\u3000")
            and _SPACED.match(text[previous.start : span.end])
        ):
            out[-1] = previous._replace(end=span.end)  # 山 田 + 太 郎, found as two names
            continue
        out.append(span)
    for i, span in enumerate(out):
        if span.category in _NAME_CATEGORIES and _SPACED.match(text[span.start : span.end]):
            limit = out[i + 1].start if i + 1 < len(out) else len(text)
            more = _MORE_SPACED.match(text, span.end, limit)
            if more:
                out[i] = span._replace(end=more.end())
    return out


def _trimmed(text: str, cand: Candidate) -> Candidate:
    """No span starts or ends with white space (a tokenizer may hand a line end with a word)."""
    start, end = cand.start, cand.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return cand if (start, end) == (cand.start, cand.end) else cand._replace(start=start, end=end)


def widen(resolved: list[Candidate], extra: list[Candidate]) -> list[Candidate]:
    """Where a supplement span overlaps resolved spans, the union of them is masked.

    The rules may see part of a value ("ID 1234" of "1234 5678 9012"; a label
    and the family name "管理者 真田" of "真田 恭子"): the joined span keeps the
    category of the highest-ranked span in it, so the rest of the value no
    longer leaks. The number of spans never grows, only their extent.
    """
    spans = sorted(resolved, key=lambda c: c.start)
    for cand in sorted(extra, key=lambda c: c.start - c.end):
        touching = [s for s in spans if s.start < cand.end and cand.start < s.end]
        if not touching or any(s.start <= cand.start and cand.end <= s.end for s in touching):
            continue
        best = max(touching, key=lambda s: (s.rank, s.end - s.start))
        joined = best._replace(
            start=min(cand.start, *(s.start for s in touching)), end=max(cand.end, *(s.end for s in touching))
        )
        spans = sorted([s for s in spans if s not in touching] + [joined], key=lambda c: c.start)
    return spans


def extract_spans(text: str, names: tuple[str, ...] = ENABLED) -> list[Span]:
    return [
        Span(start=c.start, end=c.end, category=c.category, text=text[c.start : c.end])
        for c in run_profile(text, names)
    ]


def extract(text: str, names: tuple[str, ...] = ENABLED) -> list[PredictedItem]:
    """Unique (category, value) items, as the rules' extract() makes them."""
    resolved = run_profile(text, names)
    spans = [(c.start, c.end) for c in resolved]
    seen: dict[tuple[str, str], None] = {}
    for cand in resolved:
        seen.setdefault((cand.category, text[cand.start : cand.end]), None)
    return [
        PredictedItem(category=category, value=value)
        for category, value in seen
        if not _masks_other_words(text, value, spans)
    ]
