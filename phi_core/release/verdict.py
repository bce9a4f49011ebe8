"""The release decision from annotated documents: bounds, a verdict per criterion, overall and per kind.

Rule (stated in every report):

- **passes with 95% confidence**: every criterion's one-sided 95% upper bound
  is at or below its limit, and every kind holding at least ``UNCHECKED_MASS``
  of the archive has an annotated document;
- **fails**: some criterion's observed value (point estimate) is above its
  limit; "confirmed" when its one-sided 95% lower bound is above it too;
- otherwise **not enough evidence yet**, with the number of documents that
  would decide it if the observed values held (the largest over criteria).

Only documents a person approved count (status ``approved``): a sample's
pre-annotation is the pipeline's own output and cannot judge the pipeline.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from phi_core.analysis.residual_leak import DocumentLeak, ReleaseRule
from phi_core.release.bounds import (
    Bound,
    documents_for_rate,
    documents_for_share,
    rate_bound,
    rate_floor,
    share_bound,
)

PASSES, FAILS, UNDECIDED = "passes", "fails", "undecided"
DEFAULT_CATEGORY_SHARE = 0.01
MIN_KIND_DOCS = 10
UNCHECKED_MASS = 0.01

STATUS_TEXT = {
    PASSES: ("passes with 95% confidence", "95% の信頼度で合格"),
    FAILS: ("fails", "不合格"),
    UNDECIDED: ("not enough evidence yet", "まだ判断できません（根拠不足）"),
}


@dataclass(frozen=True)
class ReleaseLimits:
    """The release rule as limits on bounds: ReleaseRule's figures, plus how many documents may leak a
    no-leak category (a sample can never show "none at all", only "at most this share")."""

    rule: ReleaseRule = field(default_factory=ReleaseRule)
    category_share: float = DEFAULT_CATEGORY_SHARE

    def describe(self, language: str = "en") -> str:
        ja = language == "ja"
        parts = []
        if self.rule.no_leak_categories:
            names = ", ".join(self.rule.no_leak_categories)
            pct = f"{100 * self.category_share:g}%"
            parts.append(
                f"{names} を漏らす文書は各 {pct} 以下" if ja else f"at most {pct} of documents leak each of {names}"
            )
        if self.rule.max_char_leak_rate is not None:
            pct = f"{100 * self.rule.max_char_leak_rate:g}%"
            parts.append(f"漏洩する PHI 文字は {pct} 以下" if ja else f"at most {pct} of PHI characters leak")
        if self.rule.max_document_leak_share is not None:
            pct = f"{100 * self.rule.max_document_leak_share:g}%"
            parts.append(f"何かを漏らす文書は {pct} 以下" if ja else f"at most {pct} of documents leak anything")
        judged = "（いずれも 95% 片側上限で判定）" if ja else " (each judged on its one-sided 95% upper bound)"
        return ("；" if ja else "; ").join(parts) + judged if parts else ("ルールなし" if ja else "no rule")


@dataclass
class Criterion:
    key: str
    limit: float
    bound: Bound
    status: str
    confirmed: bool = False  # fails with the lower bound above the limit too
    needed: int | None = None  # documents that would decide it if the observed value held

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "limit": self.limit,
            **self.bound.to_dict(),
            "status": self.status,
            "confirmed": self.confirmed,
            "documents_needed": self.needed,
        }


@dataclass
class Evidence:
    scope: str  # "overall" or a kind
    n_documents: int
    criteria: list[Criterion]
    status: str
    more_documents: int | None  # to annotate before a verdict, when undecided
    category_shares: dict[str, Bound] = field(default_factory=dict)
    too_few: bool = False
    unchecked_kinds: list[str] = field(default_factory=list)

    def advice(self, language: str = "en") -> str:
        ja = language == "ja"
        en_text, ja_text = STATUS_TEXT[self.status]
        text = ja_text if ja else en_text
        if self.status == FAILS:
            failed = [c for c in self.criteria if c.status == FAILS]
            names = ", ".join(c.key for c in failed)
            sure = all(c.confirmed for c in failed)
            if ja:
                text += f"：{names} の観測値が上限を超えています" + ("（95% 下限も上限超え）" if sure else "")
            else:
                text += f": the observed {names} is above its limit" + (" (so is its 95% lower bound)" if sure else "")
        elif self.status == UNDECIDED:
            if self.n_documents == 0:
                text += "：正解付きの文書がまだありません" if ja else ": no annotated document yet"
            elif self.more_documents is not None:
                text += (
                    f"：あと約 {self.more_documents:,} 件の文書に正解ラベルを付けてください（観測値が変わらない場合）"
                    if ja
                    else f": annotate about {self.more_documents:,} more documents (if the observed rates hold)"
                )
            else:
                text += (
                    "：観測値が上限と同じかそれ以上で、件数を増やしても合格は示せません"
                    if ja
                    else ": an observed rate sits at its limit, so no number of documents would show it below"
                )
        if self.unchecked_kinds:
            kinds = ", ".join(self.unchecked_kinds)
            text += f"。正解ラベルのない種類：{kinds}" if ja else f". Kinds with no annotated document: {kinds}"
        if self.too_few:
            text += (
                f"。この種類の正解付き文書は {self.n_documents} 件だけです（{MIN_KIND_DOCS} 件未満）"
                if ja
                else f". This kind has only {self.n_documents} annotated documents (fewer than {MIN_KIND_DOCS})"
            )
        return text

    def to_dict(self) -> dict:
        return {
            "scope": self.scope,
            "n_documents": self.n_documents,
            "status": self.status,
            "more_documents": self.more_documents,
            "too_few": self.too_few,
            "unchecked_kinds": self.unchecked_kinds,
            "criteria": [c.to_dict() for c in self.criteria],
            "category_shares": {k: b.to_dict() for k, b in self.category_shares.items()},
            "advice_en": self.advice("en"),
            "advice_ja": self.advice("ja"),
        }


def _judge(key: str, bound: Bound, limit: float, needed: int | None) -> Criterion:
    if bound.estimate is not None and bound.estimate > limit:
        return Criterion(key, limit, bound, FAILS, confirmed=bound.lower > limit)
    if bound.estimate is not None and bound.upper <= limit:
        return Criterion(key, limit, bound, PASSES)
    return Criterion(key, limit, bound, UNDECIDED, needed=needed)


def judge(
    docs: Sequence[DocumentLeak],
    limits: ReleaseLimits,
    kinds: Sequence[str] | None = None,
    kind_sizes: Mapping[str, float] | None = None,
    *,
    scope: str = "overall",
    seed: int = 0,
) -> Evidence:
    """Bounds and verdict for one set of annotated documents (pure).

    ``kind_sizes`` (archive documents per kind) weights the figures to the archive.
    """
    rule = limits.rule
    n = len(docs)
    design = 1.0
    leaks_any = share_bound([d.leaked_chars > 0 for d in docs], kinds, kind_sizes)
    if leaks_any.n_effective > 0:
        design = max(1.0, n / leaks_any.n_effective)
    categories = sorted({c for d in docs for c in d.gold_by_category} | set(rule.no_leak_categories))
    shares = {c: share_bound([d.leaked_by_category.get(c, 0) > 0 for d in docs], kinds, kind_sizes) for c in categories}
    criteria = []
    for c in rule.no_leak_categories:
        b = shares[c]
        needed = documents_for_share(
            b.estimate, limits.category_share, max(1.0, n / b.n_effective) if b.n_effective else design
        )
        criteria.append(_judge(f"category:{c}", b, limits.category_share, needed))
    if rule.max_char_leak_rate is not None:
        limit = rule.max_char_leak_rate
        leaked, gold = [d.leaked_chars for d in docs], [d.gold_chars for d in docs]
        share = rate_floor(leaked, gold, [len(d.gold_by_category) for d in docs], 1.0)
        boot = rate_bound(leaked, gold, kinds, kind_sizes, seed=seed)
        b = Bound(boot.estimate, boot.lower, max(boot.upper, leaks_any.upper * share), boot.n, boot.n_effective)
        # Both parts of the bound must come under the limit: the bootstrap's (shrinking as one over
        # the square root of the documents) and the floor's (the exact bound on leaking documents).
        needs = [documents_for_rate(boot, limit), documents_for_share(leaks_any.estimate, limit / share, design)]
        needed = None if None in needs else max(needs)
        criteria.append(_judge("char_rate", b, limit, needed))
    if rule.max_document_leak_share is not None:
        limit = rule.max_document_leak_share
        criteria.append(_judge("doc_share", leaks_any, limit, documents_for_share(leaks_any.estimate, limit, design)))
    if n == 0:
        status, more = UNDECIDED, None
    elif any(c.status == FAILS for c in criteria):
        status, more = FAILS, None
    elif all(c.status == PASSES for c in criteria):
        status, more = PASSES, 0
    else:
        status = UNDECIDED
        needs = [c.needed for c in criteria if c.status == UNDECIDED]
        more = None if any(x is None for x in needs) else max(0, max(needs) - n)
        if more is not None:
            more = int(math.ceil(more / 10) * 10) if more > 10 else more
    return Evidence(scope, n, criteria, status, more, shares, too_few=scope != "overall" and n < MIN_KIND_DOCS)


@dataclass
class ReleaseDecision:
    overall: Evidence
    kinds: list[Evidence]
    weighted: bool
    limits: ReleaseLimits

    def to_dict(self, language: str = "en") -> dict:
        return {
            "rule": self.limits.describe(language),
            "rule_ja": self.limits.describe("ja"),
            "weighted_by_kind": self.weighted,
            "verdict": self.overall.status,
            "overall": self.overall.to_dict(),
            "kinds": [k.to_dict() for k in self.kinds],
        }


def decide(
    docs: Sequence[DocumentLeak],
    doc_kinds: Sequence[str],
    limits: ReleaseLimits,
    kind_sizes: Mapping[str, float] | None = None,
    *,
    seed: int = 0,
) -> ReleaseDecision:
    """Overall (weighted by kind when the archive's kind sizes are known) and per kind (pure)."""
    overall = judge(docs, limits, doc_kinds, kind_sizes, seed=seed)
    total = sum(kind_sizes.values()) if kind_sizes else 0
    seen = set(doc_kinds)
    unchecked = sorted(k for k, size in (kind_sizes or {}).items() if k not in seen and size >= UNCHECKED_MASS * total)
    if unchecked:
        overall.unchecked_kinds = unchecked
        if overall.status == PASSES:
            overall.status, overall.more_documents = UNDECIDED, None
    by_kind = []
    for kind in sorted(seen | set(kind_sizes or {})):
        members = [d for d, k in zip(docs, doc_kinds) if k == kind]
        by_kind.append(judge(members, limits, scope=kind, seed=seed))
    return ReleaseDecision(overall, by_kind, bool(kind_sizes), limits)
