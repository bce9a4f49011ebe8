"""How much PHI a pipeline would still let through, for the privacy officer.

Counted in characters, the unit a masker works in: a gold PHI character
leaks when no predicted span covers it (every verbatim occurrence of every
predicted value counts as masked, as in the scorer), and a non-PHI character
is over-redacted when a predicted span covers it. Per run: the share of
documents with at least one leaked character, leaked characters by category
and by report style, over-redaction, entity F1 and F2 (recall weighted), the
documents that leak most, and a verdict against a release rule the user
states. Reports without a ``style`` are grouped as "unknown".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import pandas as pd

from phi_core.analysis.labels import run_label
from phi_core.models import Report, Span
from phi_core.scoring.matching import find_occurrences
from phi_core.store import Store

UNKNOWN_STYLE = "unknown"
SUMMARY_COLUMNS = (
    "run_id",
    "label",
    "backend",
    "model",
    "phase",
    "is_pipeline",
    "n_documents",
    "documents_leaking",
    "document_leak_share",
    "gold_chars",
    "leaked_chars",
    "char_leak_rate",
    "non_phi_chars",
    "over_redacted_chars",
    "over_redaction_rate",
    "f1",
    "f2",
    "verdict",
    "verdict_text",
)


@dataclass(frozen=True)
class ReleaseRule:
    """No document may leak a character of ``no_leak_categories``; overall at most
    ``max_char_leak_rate`` of PHI characters may leak (None: no limit)."""

    no_leak_categories: tuple[str, ...] = ("PATIENT_NAME", "PATIENT_ID", "PHONE")
    max_char_leak_rate: float | None = 0.005
    max_document_leak_share: float | None = None

    def describe(self, language: str = "en") -> str:
        ja = language == "ja"
        parts = []
        if self.no_leak_categories:
            names = ", ".join(self.no_leak_categories)
            parts.append(f"どの文書も {names} を漏らさない" if ja else f"no document leaks {names}")
        if self.max_char_leak_rate is not None:
            pct = f"{100 * self.max_char_leak_rate:.2f}%"
            parts.append(
                f"漏洩する PHI 文字は全体の {pct} 以下" if ja else f"at most {pct} of PHI characters leak overall"
            )
        if self.max_document_leak_share is not None:
            pct = f"{100 * self.max_document_leak_share:.1f}%"
            parts.append(f"漏洩のある文書は {pct} 以下" if ja else f"at most {pct} of documents leak anything")
        return ("；" if ja else "; ").join(parts) or ("ルールなし" if ja else "no rule")


@dataclass
class DocumentLeak:
    report_id: str
    style: str
    gold_chars: int
    leaked_chars: int
    non_phi_chars: int
    over_redacted_chars: int
    gold_by_category: dict[str, int] = field(default_factory=dict)
    leaked_by_category: dict[str, int] = field(default_factory=dict)


def report_style(report: Report) -> str:
    return getattr(report, "style", None) or report.meta.get("style") or UNKNOWN_STYLE


def document_leak(
    report: Report, values: Iterable[str], spans: Iterable[tuple[int, int]] | None = None
) -> DocumentLeak:
    """Leaked and over-redacted characters of one report under one prediction (pure).

    ``spans`` (start, end), when the extractor knew where its values are, are
    what is masked, as they are; otherwise every occurrence of every value.

    Positions are bits of Python integers: covering, intersecting and counting
    a report's characters is then a few big-integer operations, not a loop
    over characters, which keeps the page fast over thousands of reports.
    """
    text = report.text
    masked = 0
    places = spans if spans is not None else (p for value in set(values) for p in find_occurrences(text, value))
    for start, end in places:
        masked |= ((1 << (end - start)) - 1) << start
    gold = 0
    gold_by: dict[str, int] = defaultdict(int)
    leaked_by: dict[str, int] = defaultdict(int)
    for span in _unique(report.spans):
        bits = ((1 << (span.end - span.start)) - 1) << span.start
        gold |= bits
        gold_by[span.category] += span.end - span.start
        leaked_by[span.category] += (bits & ~masked).bit_count()
    gold_chars = gold.bit_count()
    return DocumentLeak(
        report_id=report.id,
        style=report_style(report),
        gold_chars=gold_chars,
        leaked_chars=(gold & ~masked).bit_count(),
        non_phi_chars=len(text) - gold_chars,
        over_redacted_chars=(masked & ~gold).bit_count(),
        gold_by_category=dict(gold_by),
        leaked_by_category=dict(leaked_by),
    )


def _unique(spans: Sequence[Span]) -> list[Span]:
    return list({(s.start, s.end, s.category): s for s in spans}.values())


def f_beta(tp: float, fp: float, fn: float, beta: float) -> float | None:
    b2 = beta * beta
    denominator = (1 + b2) * tp + b2 * fn + fp
    return None if denominator == 0 else (1 + b2) * tp / denominator


def verdict(docs: Sequence[DocumentLeak], rule: ReleaseRule, language: str = "en") -> tuple[bool, str]:
    """Pass or fail against the rule, with the reasons in plain words (English or Japanese)."""
    ja = language == "ja"
    reasons = []
    for category in rule.no_leak_categories:
        n = sum(1 for d in docs if d.leaked_by_category.get(category, 0) > 0)
        if n:
            reasons.append(
                f"{n} 件の文書が {category} を漏らす" if ja else f"{n} document{'s' if n != 1 else ''} leak {category}"
            )
    gold = sum(d.gold_chars for d in docs)
    leaked = sum(d.leaked_chars for d in docs)
    rate = leaked / gold if gold else 0.0
    if rule.max_char_leak_rate is not None and rate > rule.max_char_leak_rate:
        reasons.append(
            f"PHI 文字の {100 * rate:.2f}% が漏洩（上限 {100 * rule.max_char_leak_rate:.2f}%）"
            if ja
            else f"{100 * rate:.2f}% of PHI characters leak (allowed {100 * rule.max_char_leak_rate:.2f}%)"
        )
    share = sum(1 for d in docs if d.leaked_chars) / len(docs) if docs else 0.0
    if rule.max_document_leak_share is not None and share > rule.max_document_leak_share:
        limit = 100 * rule.max_document_leak_share
        reasons.append(
            f"文書の {100 * share:.1f}% が漏洩（上限 {limit:.1f}%）"
            if ja
            else f"{100 * share:.1f}% of documents leak (allowed {limit:.1f}%)"
        )
    if not docs:
        return False, "不合格：採点済みの文書がありません" if ja else "fails: no scored documents"
    if not reasons:
        return True, "合格" if ja else "passes"
    return False, ("不合格：" + "；".join(reasons)) if ja else ("fails: " + "; ".join(reasons))


@dataclass
class ResidualLeak:
    summary: pd.DataFrame
    by_category: pd.DataFrame
    by_style: pd.DataFrame
    documents: pd.DataFrame
    rule: ReleaseRule

    def csv_frame(self) -> pd.DataFrame:
        """Everything in one long table for the CSV download: one row per (run, scope, key)."""
        summary = self.summary.assign(scope="run", key="all")
        cats = self.by_category.assign(scope="category").rename(columns={"category": "key"})
        styles = self.by_style.assign(scope="style").rename(columns={"style": "key"})
        return pd.concat([summary, cats, styles], ignore_index=True, sort=False)


def _runs_reports(store: Store, run_ids: Sequence[str]) -> dict[str, set[str]]:
    frame = store.run_report_scores(list(run_ids))
    out: dict[str, set[str]] = defaultdict(set)
    for run_id, report_id in zip(frame["run_id"], frame["report_id"]):
        out[run_id].add(report_id)
    return out


@dataclass
class RunLeak:
    """What was measured for one run; the rule is applied later (see :func:`summarise`)."""

    run_id: str
    label: str
    backend: str
    model: str
    phase: str
    documents: list[DocumentLeak]
    relaxed: tuple[float, float, float]  # tp, fp, fn


def measure_leaks(
    store: Store, dataset: str, split: str | None = None, *, run_ids: Sequence[str] | None = None
) -> list[RunLeak]:
    """The expensive half: leaked characters of every scored report of the runs
    (default: the latest scored run of each extractor). Independent of the rule,
    so a page can keep it while the user edits the rule."""
    wanted = set(store.latest_scored_runs(dataset, split)["run_id"] if run_ids is None else run_ids)
    runs = [r for r in store.runs(dataset) if r.run_id in wanted]
    if not runs:
        return []
    ids = [r.run_id for r in runs]
    reports = {r.id: r for r in store.reports(dataset, split=split)}
    scored = _runs_reports(store, ids)
    counts = store.run_score_summary(ids).set_index("run_id")
    values = store.first_repeat_values(ids)
    located = store.first_repeat_spans(ids)
    # Runs often predict the same values for a report (a pipeline and its only part,
    # repeated runs): each distinct (report, values) is counted once.
    memo: dict[tuple, DocumentLeak] = {}
    out = []
    for run in runs:
        docs = []
        for rid in sorted(scored.get(run.run_id, ())):
            if rid not in reports:
                continue
            spans = located.get((run.run_id, rid))
            key = (rid, tuple(values.get((run.run_id, rid), ())), None if spans is None else tuple(spans))
            if key not in memo:
                memo[key] = document_leak(reports[rid], key[1], spans)
            docs.append(memo[key])
        relaxed = (0.0, 0.0, 0.0)
        if run.run_id in counts.index:
            row = counts.loc[run.run_id]
            relaxed = tuple(float(row.get(f"relaxed_{k}") or 0) for k in ("tp", "fp", "fn"))
        out.append(
            RunLeak(
                run.run_id,
                run_label(run.backend, run.model, run.phase),
                run.backend,
                run.model,
                str(run.phase),
                docs,
                relaxed,
            )
        )
    return out


def residual_leak(
    store: Store,
    dataset: str,
    split: str | None = None,
    *,
    run_ids: Sequence[str] | None = None,
    rule: ReleaseRule | None = None,
    language: str = "en",
) -> ResidualLeak:
    """The residual-leak tables of the given runs (default: the latest scored run of each extractor)."""
    return summarise(measure_leaks(store, dataset, split, run_ids=run_ids), rule or ReleaseRule(), language)


def summarise(measured: Sequence[RunLeak], rule: ReleaseRule, language: str = "en") -> ResidualLeak:
    """The cheap half: tables and verdicts from measured leaks (pure)."""
    summary_rows, category_rows, style_rows, doc_rows = [], [], [], []
    for run in measured:
        docs, label = run.documents, run.label
        passed, text = verdict(docs, rule, language)
        gold = sum(d.gold_chars for d in docs)
        leaked = sum(d.leaked_chars for d in docs)
        non_phi = sum(d.non_phi_chars for d in docs)
        over = sum(d.over_redacted_chars for d in docs)
        tp, fp, fn = run.relaxed
        summary_rows.append(
            {
                "run_id": run.run_id,
                "label": label,
                "backend": run.backend,
                "model": run.model,
                "phase": run.phase,
                "is_pipeline": run.backend == "pipeline",
                "n_documents": len(docs),
                "documents_leaking": sum(1 for d in docs if d.leaked_chars),
                "document_leak_share": (sum(1 for d in docs if d.leaked_chars) / len(docs)) if docs else None,
                "gold_chars": gold,
                "leaked_chars": leaked,
                "char_leak_rate": leaked / gold if gold else None,
                "non_phi_chars": non_phi,
                "over_redacted_chars": over,
                "over_redaction_rate": over / non_phi if non_phi else None,
                "f1": f_beta(tp, fp, fn, 1.0),
                "f2": f_beta(tp, fp, fn, 2.0),
                "verdict": passed,
                "verdict_text": text,
            }
        )
        for key, rows in (("category", category_rows), ("style", style_rows)):
            totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
            for d in docs:
                if key == "category":
                    for category, n in d.gold_by_category.items():
                        totals[category][0] += n
                        totals[category][1] += d.leaked_by_category.get(category, 0)
                        totals[category][2] += int(d.leaked_by_category.get(category, 0) > 0)
                else:
                    totals[d.style][0] += d.gold_chars
                    totals[d.style][1] += d.leaked_chars
                    totals[d.style][2] += int(d.leaked_chars > 0)
            for name, (g, lk, nd) in sorted(totals.items()):
                rows.append(
                    {
                        "run_id": run.run_id,
                        "label": label,
                        key: name,
                        "gold_chars": g,
                        "leaked_chars": lk,
                        "char_leak_rate": lk / g if g else None,
                        "documents_leaking": nd,
                    }
                )
        for d in docs:
            doc_rows.append(
                {
                    "run_id": run.run_id,
                    "label": label,
                    "report_id": d.report_id,
                    "style": d.style,
                    "gold_chars": d.gold_chars,
                    "leaked_chars": d.leaked_chars,
                    "leaked_categories": ", ".join(sorted(k for k, v in d.leaked_by_category.items() if v)),
                    "over_redacted_chars": d.over_redacted_chars,
                }
            )
    summary = pd.DataFrame(summary_rows, columns=list(SUMMARY_COLUMNS))
    by_category = pd.DataFrame(
        category_rows,
        columns=["run_id", "label", "category", "gold_chars", "leaked_chars", "char_leak_rate", "documents_leaking"],
    )
    by_style = pd.DataFrame(
        style_rows,
        columns=["run_id", "label", "style", "gold_chars", "leaked_chars", "char_leak_rate", "documents_leaking"],
    )
    documents = pd.DataFrame(
        doc_rows,
        columns=[
            "run_id",
            "label",
            "report_id",
            "style",
            "gold_chars",
            "leaked_chars",
            "leaked_categories",
            "over_redacted_chars",
        ],
    )
    if not summary.empty:
        summary = summary.sort_values(["char_leak_rate", "label"], na_position="last", kind="stable")
    documents = documents.sort_values(["leaked_chars", "report_id"], ascending=[False, True], kind="stable")
    return ResidualLeak(summary.reset_index(drop=True), by_category, by_style, documents.reset_index(drop=True), rule)
