"""The release rule keeps its promise: a pipeline leaking just above the limit rarely passes."""

import numpy as np

from phi_core.analysis.residual_leak import DocumentLeak, ReleaseRule
from phi_core.release.verdict import PASSES, ReleaseLimits, judge

SIMS = 200


def archive_docs(rng, n, p_leak, gold=40, leak_chars=4):
    docs = []
    for i in range(n):
        leaks = rng.random() < p_leak
        docs.append(
            DocumentLeak(
                str(i),
                "x",
                gold,
                leak_chars if leaks else 0,
                200,
                0,
                {"PATIENT_NAME": 10, "AGE": gold - 10},
                {"PATIENT_NAME": leak_chars} if leaks else {},
            )
        )
    return docs


def pass_rate(p_leak, n, limits, seed, sims=SIMS):
    rng = np.random.default_rng(seed)
    return np.mean([judge(archive_docs(rng, n, p_leak), limits, seed=s).status == PASSES for s in range(sims)])


def test_document_share_just_above_the_limit_passes_at_most_five_percent():
    limits = ReleaseLimits(ReleaseRule(("PATIENT_NAME",), None), category_share=0.01)
    assert pass_rate(0.012, 600, limits, seed=1) <= 0.05


def test_document_share_well_below_the_limit_with_enough_documents_mostly_passes():
    limits = ReleaseLimits(ReleaseRule(("PATIENT_NAME",), None), category_share=0.01)
    assert pass_rate(0.002, 1500, limits, seed=2) >= 0.8


def test_character_rate_just_above_the_limit_passes_at_most_five_percent():
    # Leaking documents lose 4 of 40 PHI characters: a 10% share; p = 0.055 gives a rate of 0.55% > 0.5%.
    limits = ReleaseLimits(ReleaseRule((), 0.005), category_share=0.01)
    assert pass_rate(0.055, 600, limits, seed=3) <= 0.05


def test_character_rate_below_the_limit_with_enough_documents_mostly_passes():
    limits = ReleaseLimits(ReleaseRule((), 0.005), category_share=0.01)
    assert pass_rate(0.02, 800, limits, seed=4, sims=100) >= 0.8  # a rate of 0.2% against 0.5%


def test_a_kind_without_annotated_documents_is_named_and_blocks_a_pass():
    from phi_core.release.verdict import UNDECIDED, decide

    rng = np.random.default_rng(5)
    docs = archive_docs(rng, 400, 0.0)
    limits = ReleaseLimits(ReleaseRule(("PATIENT_NAME",), None), category_share=0.01)
    decision = decide(docs, ["a"] * 400, limits, {"a": 9000, "b": 1000})
    assert decision.overall.status == UNDECIDED and decision.overall.unchecked_kinds == ["b"]
    assert "Kinds with no annotated document: b" in decision.overall.advice("en")
    empty = next(k for k in decision.kinds if k.scope == "b")
    assert "no annotated document yet" in empty.advice("en") and empty.too_few
    assert "正解付きの文書がまだありません" in empty.advice("ja")
    alone = decide(docs, ["a"] * 400, limits, {"a": 9000})
    assert alone.overall.status == PASSES  # 0 of 400: upper bound 0.75% <= 1%
