"""Score one report out of 100 on the eight weighted dimensions.

Everything is computed from spans: gold spans from the annotation, predicted
spans from every verbatim occurrence of every predicted value, or, for an
extractor that knows where its values are, the spans it found (located.py). The exact
definitions, with worked examples, are in docs/scoring.md; this module is the
reference implementation of that page and is kept free of I/O.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Callable, Sequence

from phi_core.models import PredictedItem, Span
from phi_core.scoring import rules
from phi_core.scoring.config import DIMENSIONS, ScoringConfig, load_scoring_config
from phi_core.scoring.matching import (
    Match,
    PredictedSpan,
    covered_positions,
    find_occurrences,
    match_gold,
    overlaps,
)
from phi_core.scoring.located import items_of_spans
from phi_core.scoring.scripts import script_of
from phi_core.taxonomy import category_matches, normalize_label, resolve

CATEGORY_COUNTERS: tuple[str, ...] = (
    "support",
    "strict_tp",
    "strict_fp",
    "strict_fn",
    "relaxed_tp",
    "relaxed_fp",
    "relaxed_fn",
)
ERROR_TYPES: tuple[str, ...] = ("missed", "spurious", "boundary", "wrong_category", "impure", "not_in_text")


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


@dataclass(frozen=True)
class _Item:
    """One de-duplicated predicted item and what we learned about it."""

    index: int
    label: str
    value: str
    known: bool
    label_key: str  # canonical category, or the normalised label when coarse/unknown
    spans: tuple[PredictedSpan, ...]
    hits_gold: bool


@dataclass
class _Evidence:
    """What the dimension rules read; built once per report."""

    gold: list[Span]
    items: list[_Item]  # scored (in-scope) items
    matches: list[Match | None]
    gold_found: list[bool]
    pure_chars: int
    item_chars: int
    checks: dict[str, bool]
    repeats: Sequence[Sequence[PredictedItem]]
    seconds: float | None
    input_tokens: int | None
    config: ScoringConfig


# ---------------------------------------------------------------- dimensions


def _recall(ev: _Evidence) -> float:
    if not ev.gold:
        return 1.0
    return sum(ev.gold_found) / len(ev.gold)


def _precision(ev: _Evidence) -> float:
    if not ev.items:
        return 0.0 if ev.gold else 1.0
    return sum(item.hits_gold for item in ev.items) / len(ev.items)


def _over_matches(value_of: Callable[[Match], float]) -> Callable[[_Evidence], float]:
    """Mean over matched gold spans, with the shared edge rules."""

    def dimension(ev: _Evidence) -> float:
        matched = [m for m in ev.matches if m is not None]
        if not matched:
            return 0.0 if ev.gold else 1.0
        return sum(value_of(m) for m in matched) / len(matched)

    return dimension


def _purity(ev: _Evidence) -> float:
    if ev.item_chars == 0:
        return 0.0 if ev.gold else 1.0
    return ev.pure_chars / ev.item_chars


def _rule_adherence(ev: _Evidence) -> float:
    return sum(ev.checks.values()) / len(ev.checks)


def _stability(ev: _Evidence) -> float | None:
    if len(ev.repeats) < 2:
        return None
    sets = [{_stability_key(item) for item in run} for run in ev.repeats]
    pairs = list(itertools.combinations(sets, 2))
    return sum(_jaccard(a, b) for a, b in pairs) / len(pairs)


def _efficiency(ev: _Evidence) -> float | None:
    rate = _seconds_rate(ev.seconds, ev.input_tokens, ev.config)
    if rate is None:
        return None
    actual, target = rate
    return 1.0 if actual <= 0 else min(1.0, target / actual)


# Dimension name -> rule; the keys must be exactly DIMENSIONS.
DIMENSION_RULES: dict[str, Callable[[_Evidence], float | None]] = {
    "recall": _recall,
    "precision": _precision,
    "boundary_fidelity": _over_matches(lambda m: m.iou),
    "information_purity": _purity,
    "category_classification": _over_matches(lambda m: float(m.category_ok)),
    "rule_adherence": _rule_adherence,
    "stability": _stability,
    "efficiency": _efficiency,
}
assert tuple(DIMENSION_RULES) == DIMENSIONS


def _stability_key(item: PredictedItem) -> tuple[str, str]:
    return (_label_key(item.category), item.value)


def _jaccard(a: set, b: set) -> float:
    union = a | b
    return 1.0 if not union else len(a & b) / len(union)


def _label_key(label: str) -> str:
    return resolve(label).category or normalize_label(label)


def _seconds_rate(seconds: float | None, input_tokens: int | None, config: ScoringConfig) -> tuple[float, float] | None:
    """(actual, target): seconds per 100 input tokens, else seconds per report."""
    if seconds is None:
        return None
    if seconds < 0:
        raise ValueError(f"A report cannot take {seconds} seconds; pass the measured time (0 or more) or None.")
    if input_tokens:
        return seconds / input_tokens * 100, config.efficiency_target_sec_per_100_tokens
    return seconds, config.efficiency_target_sec_per_report


# ---------------------------------------------------------------- scoring


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
        all_items = _locate(text, gold, unique)
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

    evidence = _Evidence(
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
    score, points, unmeasured = _composite(fractions, config)

    strict_gold, strict_pred = _strict_hits(gold, pred_spans)
    per_category = _per_category(gold, scored, gold_found, strict_gold, strict_pred)
    leaked = len(gold_positions - covered_positions([(p.start, p.end) for p in pred_spans]))
    rate = _seconds_rate(seconds, input_tokens, config)
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
        per_script=_per_script(gold, gold_found),
        errors=_errors(gold, scored, matches, gold_found, gold_positions),
        violations=codes,
        out_of_scope_items=[{"label": i.label, "value": i.value} for i in out_of_scope],
        pairs=_pairs(gold, matches, all_items),
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


def _locate(text: str, gold: Sequence[Span], items: Sequence[PredictedItem]) -> list[_Item]:
    located = []
    for index, item in enumerate(items):
        spans = tuple(
            PredictedSpan(start, end, item.category, item.value, index)
            for start, end in find_occurrences(text, item.value)
        )
        located.append(
            _Item(
                index=index,
                label=item.category,
                value=item.value,
                known=resolve(item.category).known,
                label_key=_label_key(item.category),
                spans=spans,
                hits_gold=any(overlaps(g, s) for g in gold for s in spans),
            )
        )
    return located


def _located(gold: Sequence[Span], found: list[tuple[str, str, tuple[tuple[int, int], ...]]]) -> list[_Item]:
    located = []
    for index, (category, value, places) in enumerate(found):
        spans = tuple(PredictedSpan(start, end, category, value, index) for start, end in places)
        located.append(
            _Item(
                index=index,
                label=category,
                value=value,
                known=resolve(category).known,
                label_key=_label_key(category),
                spans=spans,
                hits_gold=any(overlaps(g, s) for g in gold for s in spans),
            )
        )
    return located


def _split_scope(items: list[_Item], scope: set[str] | None) -> tuple[list[_Item], list[_Item]]:
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


def _purity_chars(items: Sequence[_Item], gold_positions: set[int]) -> tuple[int, int]:
    """(characters inside gold, all characters) over spans of items that hit gold."""
    inside = total = 0
    for item in items:
        if not item.hits_gold:
            continue
        for span in item.spans:
            total += span.length
            inside += sum(1 for pos in range(span.start, span.end) if pos in gold_positions)
    return inside, total


def _derived_violations(located: Sequence[_Item], duplicates: int) -> list[str]:
    found = []
    if any(not item.known for item in located):
        found.append(rules.UNKNOWN_CATEGORY)
    if any(not item.spans for item in located):
        found.append(rules.VALUE_NOT_VERBATIM)
    if duplicates:
        found.append(rules.DUPLICATE_ITEM)
    return found


def _composite(
    fractions: dict[str, float | None], config: ScoringConfig
) -> tuple[float, dict[str, float | None], list[str]]:
    """Points per dimension and the score out of 100 over the measured weights."""
    points = {name: None if frac is None else config.weights[name] * frac for name, frac in fractions.items()}
    unmeasured = [name for name, frac in fractions.items() if frac is None]
    measured_weight = sum(config.weights[n] for n in DIMENSIONS if points[n] is not None)
    earned = sum(p for p in points.values() if p is not None)
    score = earned * 100 / measured_weight if measured_weight > 0 else 0.0
    return score, points, unmeasured


# ---------------------------------------------------------------- detail metrics


def _strict_hits(gold: Sequence[Span], preds: Sequence[PredictedSpan]) -> tuple[list[bool], list[bool]]:
    """Exact boundaries and a label that covers the gold category."""

    def same(g: Span, p: PredictedSpan) -> bool:
        return g.start == p.start and g.end == p.end and category_matches(p.label, g.category)

    gold_hit = [any(same(g, p) for p in preds) for g in gold]
    pred_hit = [any(same(g, p) for g in gold) for p in preds]
    return gold_hit, pred_hit


def _per_category(
    gold: Sequence[Span],
    items: Sequence[_Item],
    gold_found: Sequence[bool],
    strict_gold: Sequence[bool],
    strict_pred: Sequence[bool],
) -> dict[str, dict[str, int]]:
    """Counts by gold category (support, tp, fn) and by predicted label (fp)."""
    table: dict[str, dict[str, int]] = {}

    def bump(key: str, counter: str) -> None:
        row = table.setdefault(key, dict.fromkeys(CATEGORY_COUNTERS, 0))
        row[counter] += 1

    for g, found, strict in zip(gold, gold_found, strict_gold):
        bump(g.category, "support")
        bump(g.category, "strict_tp" if strict else "strict_fn")
        bump(g.category, "relaxed_tp" if found else "relaxed_fn")
    strict_iter = iter(strict_pred)  # same order as the spans below
    for item in items:
        if not item.spans:
            # A value that is not in the text is one phantom false positive.
            bump(item.label_key, "strict_fp")
            bump(item.label_key, "relaxed_fp")
            continue
        for span in item.spans:
            if not next(strict_iter):
                bump(item.label_key, "strict_fp")
            if not any(overlaps(g, span) for g in gold):
                bump(item.label_key, "relaxed_fp")
    return table


def _per_script(gold: Sequence[Span], gold_found: Sequence[bool]) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = {}
    for g, found in zip(gold, gold_found):
        row = table.setdefault(script_of(g.text), {"found": 0, "total": 0})
        row["total"] += 1
        row["found"] += int(found)
    return table


def _pairs(gold: Sequence[Span], matches: Sequence[Match | None], located: Sequence[_Item]) -> list[dict]:
    """Gold span and the predicted span chosen for it; pred_category is the
    canonical category of the label, or the normalised label when it has none."""
    return [
        {
            "gold_category": g.category,
            "gold_start": g.start,
            "gold_end": g.end,
            "pred_label": m.pred.label,
            "pred_category": located[m.pred.item_index].label_key,
            "pred_start": m.pred.start,
            "pred_end": m.pred.end,
            "iou": m.iou,
        }
        for g, m in zip(gold, matches)
        if m is not None
    ]


def _error(
    kind: str,
    category: str | None,
    gold_text: str | None,
    label: str | None,
    value: str | None,
    start: int | None,
    end: int | None,
) -> dict:
    return {
        "type": kind,
        "category": category,
        "gold_text": gold_text,
        "pred_label": label,
        "pred_value": value,
        "start": start,
        "end": end,
    }


def _errors(
    gold: Sequence[Span],
    items: Sequence[_Item],
    matches: Sequence[Match | None],
    gold_found: Sequence[bool],
    gold_positions: set[int],
) -> list[dict]:
    """One record per mistake; start/end point at the gold span for gold-side
    errors (missed, boundary, wrong_category) and at the predicted span for
    prediction-side ones (spurious, impure); not_in_text has no position."""
    errors: list[dict] = []
    for g, found, match in zip(gold, gold_found, matches):
        if not found:
            errors.append(_error("missed", g.category, g.text, None, None, g.start, g.end))
            continue
        assert match is not None
        label, value = match.pred.label, match.pred.value
        if match.iou < 1.0:
            errors.append(_error("boundary", g.category, g.text, label, value, g.start, g.end))
        if not match.category_ok:
            errors.append(_error("wrong_category", g.category, g.text, label, value, g.start, g.end))
    for item in items:
        if not item.spans:
            errors.append(_error("not_in_text", None, None, item.label, item.value, None, None))
        elif not item.hits_gold:
            first = item.spans[0]
            errors.append(_error("spurious", None, None, item.label, item.value, first.start, first.end))
        else:
            impure = next(
                (s for s in item.spans if any(pos not in gold_positions for pos in range(s.start, s.end))), None
            )
            if impure is not None:
                touched = next((g for g in gold if overlaps(g, impure)), None)
                errors.append(
                    _error(
                        "impure",
                        touched.category if touched else None,
                        touched.text if touched else None,
                        item.label,
                        item.value,
                        impure.start,
                        impure.end,
                    )
                )
    return errors
