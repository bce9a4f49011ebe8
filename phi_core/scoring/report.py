"""Score one report out of 100 on the eight weighted dimensions.

Everything is computed from spans: gold spans from the annotation, predicted
spans from every verbatim occurrence of every predicted value, or, for an
extractor that knows where its values are, the spans it found (located.py). The exact
definitions, with worked examples, are in docs/scoring.md; this module, with
the dimensions' rules (dimension_rules.py) and the detail behind the score
(report_breakdown.py), is the reference implementation of that page and is
kept free of I/O.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Sequence

from phi_core.models import PredictedItem, Span
from phi_core.scoring import rules
from phi_core.scoring.config import ScoringConfig, load_scoring_config
from phi_core.scoring.dimension_rules import DIMENSION_RULES, Evidence, LocatedItem, composite, label_key, seconds_rate
from phi_core.scoring.located import items_of_spans
from phi_core.scoring.matching import PredictedSpan, covered_positions, find_occurrences, match_gold, overlaps
from phi_core.scoring import report_breakdown as breakdown
from phi_core.scoring.report_breakdown import CATEGORY_COUNTERS
from phi_core.taxonomy import resolve


@dataclass
class ReportScore:
    score: float
    points: dict[str, float | None]
    fractions: dict[str, float | None]
    rescaled: bool
    unmeasured: list[str]
    counts: dict
    per_category: dict[str, dict[str, int]]
    per_script: dict[str, dict[str, int]]
    errors: list[dict]
    violations: list[str]
    out_of_scope_items: list[dict] = field(default_factory=list)
    # One record per matched gold span (the confusion matrix and error positions read these).
    pairs: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        # Same result as dataclasses.asdict, without its deepcopy of every leaf:
        # the fields hold only dicts, lists and scalars, and this runs once per
        # scored report.
        return {name: _plain_copy(getattr(self, name)) for name in self.__dataclass_fields__}

    @classmethod
    def from_dict(cls, data: dict) -> "ReportScore":
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


def _plain_copy(value):
    if isinstance(value, dict):
        return {key: _plain_copy(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_plain_copy(item) for item in value)
    return value


def score_report(
    text: str,
    gold: Sequence[Span],
    items: Sequence[PredictedItem],
    *,
    violations: Sequence[str] = (),
    repeats: Sequence[Sequence[PredictedItem]] = (),
    seconds: float | None = None,
    input_tokens: int | None = None,
    scope: set[str] | None = None,
    config: ScoringConfig | None = None,
    spans: Sequence[Span] | None = None,
) -> ReportScore:
    """Score one prediction against gold spans (definitions: docs/scoring.md).

    ``repeats`` holds the item lists of all repeats, ``items`` included; with
    fewer than two, stability is not measured. ``scope`` names the canonical
    categories the annotation covers; see :func:`_split_scope`. ``spans``, when
    given, are where the extractor found its values: they are scored as they
    are, instead of every occurrence of ``items``.
    """
    config = config or load_scoring_config()
    if seconds is not None and math.isnan(seconds):
        seconds = None  # a failed timer is "not measured", and NaN would not survive JSON
    gold = _checked_gold(text, gold)
    if spans is None:
        unique, duplicates = _deduplicate(items)
        found = [(item.category, item.value, tuple(find_occurrences(text, item.value))) for item in unique]
        all_items = _located(gold, found)
    else:
        all_items, duplicates = _located(gold, items_of_spans(text, spans)), 0
    scored, out_of_scope = _split_scope(all_items, scope)
    pred_spans = [span for item in scored for span in item.spans]

    gold_found = [any(overlaps(g, p) for p in pred_spans) for g in gold]
    matches = match_gold(gold, pred_spans)
    gold_positions = covered_positions([(g.start, g.end) for g in gold])
    pure_chars, item_chars = _purity_chars(scored, gold_positions)

    derived = _derived_violations(all_items, duplicates)
    codes = list(dict.fromkeys([*violations, *derived]))
    checks = rules.check_results(codes)

    evidence = Evidence(
        gold=gold,
        items=scored,
        matches=matches,
        gold_found=gold_found,
        pure_chars=pure_chars,
        item_chars=item_chars,
        checks=checks,
        repeats=repeats,
        seconds=seconds,
        input_tokens=input_tokens,
        config=config,
    )
    fractions = {name: rule(evidence) for name, rule in DIMENSION_RULES.items()}
    score, points, unmeasured = composite(fractions, config)

    strict_gold, strict_pred = breakdown.strict_hits(gold, pred_spans)
    per_category = breakdown.per_category(gold, scored, gold_found, strict_gold, strict_pred)
    leaked = len(gold_positions - covered_positions([(p.start, p.end) for p in pred_spans]))
    rate = seconds_rate(seconds, input_tokens, config)
    counts = {
        "gold": len(gold),
        "gold_found": sum(gold_found),
        "pred_items": len(scored),
        "pred_items_correct": sum(item.hits_gold for item in scored),
        "pred_spans": len(pred_spans),
        "out_of_scope": len(out_of_scope),
        "not_in_text": sum(1 for item in scored if not item.spans),
        "duplicates": duplicates,
        "matched": sum(m is not None for m in matches),
        "iou_sum": sum(m.iou for m in matches if m is not None),
        "category_correct": sum(m.category_ok for m in matches if m is not None),
        "pure_chars": pure_chars,
        "item_chars": item_chars,
        "checks_passed": sum(checks.values()),
        "checks_total": len(checks),
        "gold_chars": len(gold_positions),
        "leaked_chars": leaked,
        "seconds": seconds,
        "input_tokens": input_tokens,
        "sec_per_100_tokens": rate[0] if rate and input_tokens else None,
        "repeats": len(repeats),
    }
    for key in CATEGORY_COUNTERS[1:]:
        counts[key] = sum(c[key] for c in per_category.values())

    return ReportScore(
        score=score,
        points=points,
        fractions=fractions,
        rescaled=bool(unmeasured),
        unmeasured=unmeasured,
        counts=counts,
        per_category=per_category,
        per_script=breakdown.per_script(gold, gold_found),
        errors=breakdown.errors(gold, scored, matches, gold_found, gold_positions),
        violations=codes,
        out_of_scope_items=[{"label": i.label, "value": i.value} for i in out_of_scope],
        pairs=breakdown.pairs(gold, matches, all_items),
    )


def _checked_gold(text: str, gold: Sequence[Span]) -> list[Span]:
    checked = []
    for span in gold:
        if span.end > len(text):
            raise ValueError(
                f"Gold span {span.start}-{span.end} ({span.category}) runs past the end of the text "
                f"({len(text)} characters). Re-import or fix the annotation of this report."
            )
        update: dict = {}
        if not span.text:
            update["text"] = text[span.start : span.end]
        # Gold written with an alias (氏名, patient_name) still means its canonical category.
        canonical_category = resolve(span.category).category
        if canonical_category and canonical_category != span.category:
            update["category"] = canonical_category
        checked.append(span.model_copy(update=update) if update else span)
    return checked


def _deduplicate(items: Sequence[PredictedItem]) -> tuple[list[PredictedItem], int]:
    """Identical (label, value) pairs count once; the repeats are a rule violation."""
    seen: dict[tuple[str, str], PredictedItem] = {}
    for item in items:
        seen.setdefault((item.category, item.value), item)
    return list(seen.values()), len(items) - len(seen)


def _located(gold: Sequence[Span], found: list[tuple[str, str, tuple[tuple[int, int], ...]]]) -> list[LocatedItem]:
    located = []
    for index, (category, value, places) in enumerate(found):
        spans = tuple(PredictedSpan(start, end, category, value, index) for start, end in places)
        located.append(
            LocatedItem(
                index=index,
                label=category,
                value=value,
                known=resolve(category).known,
                label_key=label_key(category),
                spans=spans,
                hits_gold=any(overlaps(g, s) for g in gold for s in spans),
            )
        )
    return located


def _split_scope(items: list[LocatedItem], scope: set[str] | None) -> tuple[list[LocatedItem], list[LocatedItem]]:
    """Set aside known-label items that fall outside what the annotation covers.

    An item is out of scope when its label is known, covers no category in
    ``scope``, and it touches no gold span: nobody annotated that kind of PHI,
    so it is neither right nor wrong. An item that does touch a gold span is
    judged normally (it found annotated PHI, perhaps under a wrong label), and
    unknown labels are always judged.
    """
    if scope is None:
        return items, []
    scored, ignored = [], []
    for item in items:
        outside = item.known and not (resolve(item.label).covers & scope) and not item.hits_gold
        (ignored if outside else scored).append(item)
    return scored, ignored


def _purity_chars(items: Sequence[LocatedItem], gold_positions: set[int]) -> tuple[int, int]:
    """(characters inside gold, all characters) over spans of items that hit gold."""
    inside = total = 0
    for item in items:
        if not item.hits_gold:
            continue
        for span in item.spans:
            total += span.length
            inside += sum(1 for pos in range(span.start, span.end) if pos in gold_positions)
    return inside, total


def _derived_violations(located: Sequence[LocatedItem], duplicates: int) -> list[str]:
    found = []
    if any(not item.known for item in located):
        found.append(rules.UNKNOWN_CATEGORY)
    if any(not item.spans for item in located):
        found.append(rules.VALUE_NOT_VERBATIM)
    if duplicates:
        found.append(rules.DUPLICATE_ITEM)
    return found
