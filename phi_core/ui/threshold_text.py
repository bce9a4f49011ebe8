"""The threshold advisor's sentences in the reader's language.

phi_core.stats writes its verdict and per-model advice in English (they also
go to the CLI's JSON). The page shows them in Japanese by rebuilding the same
sentences from the same numbers here, so the statistics layer stays free of
interface concerns. In English the core's own sentences are returned
unchanged, so both languages say the same thing.
"""

from __future__ import annotations

import math
import re

from phi_core.stats import ModelPoint, ThresholdEstimate
from phi_core.stats.threshold import format_p

from phi_core.ui.formatting import format_number


def p_text(p: float, language: str = "en") -> str:
    if language == "ja" and not math.isfinite(p):
        return "p値なし"
    return format_p(p)


def _finite(*values: float | None) -> bool:
    return all(v is not None and math.isfinite(v) for v in values)


def _ci_ja(interval: tuple[float, float], alpha: float) -> str:
    level = f"{100 * (1 - alpha):g}%"
    low, high = interval
    if not _finite(low, high):
        return f"{level}信頼区間なし"
    return f"{level}信頼区間 {low:.1f}〜{high:.1f}"


def _reason_ja(estimate: ThresholdEstimate) -> str:
    if "distinct values" in estimate.reason:
        return f"{estimate.n_models}モデルのステップ前スコアの値の種類が少なすぎ、閾値の両側に十分なモデルを置けません"
    needed = re.search(r"at least (\d+)", estimate.reason)
    have = (
        "両フェーズのスコアがあるモデルはありません"
        if estimate.n_models == 0
        else (f"両フェーズのスコアがあるモデルは{estimate.n_models}つだけです")
    )
    return have + (f"（推定には{needed.group(1)}つ以上必要）" if needed else "")


def verdict(estimate: ThresholdEstimate, language: str = "en") -> str:
    """The estimate in one or two sentences."""
    if language != "ja":
        return estimate.verdict
    if not estimate.ok:
        return f"閾値は推定できません：{_reason_ja(estimate)}。"
    below, above, threshold = estimate.below, estimate.above, estimate.threshold
    if math.isnan(estimate.r2):  # no variation at all: every model gained the same
        return f"閾値はありません：すべてのモデルの改善幅が同じです（{below.mean_gain:+.1f}）。"
    groups = (
        f"{threshold:.1f}未満のモデルは平均{below.mean_gain:+.1f}点、"
        f"それ以上のモデルは平均{above.mean_gain:+.1f}点改善しました"
    )
    p = p_text(estimate.test_threshold_exists.p, language)
    if estimate.threshold_supported:
        return f"閾値は{threshold:.1f}点付近です：{groups}。この差が偶然に生じる可能性は低いです（{p}）。"
    share = estimate.test_threshold_exists.p
    share_text = f"{share:.0%}" if _finite(share) else "—"
    return (
        f"明確な閾値はありません：{groups}が、改善幅をモデル間でランダムに入れ替えても"
        f"{share_text}の確率でこれ以上の差が出ます（{p}）。{threshold:.1f}はこれらのモデルの最良の分割にすぎず、"
        "境界の証拠ではありません。"
    )


def summary(
    estimate: ThresholdEstimate,
    points: list[ModelPoint],
    from_phase: str,
    to_phase: str,
    english_summary: str,
    language: str = "en",
) -> str:
    """What the page says when there is no usable estimate (the analysis' summary in English)."""
    if language != "ja":
        return english_summary
    if estimate.ok:
        return verdict(estimate, language)
    usable = sum(p.has_gain for p in points)
    return (
        f"{verdict(estimate, language)} フェーズ{from_phase}とフェーズ{to_phase}の両方でスコアのあるモデルは"
        f"{usable}つです。より多くのモデルで両フェーズを実行してください（最低5つ、使える信頼区間には"
        "スコア範囲に散らばる10〜15モデル）。"
    )


def _time_ja(point: ModelPoint) -> str:
    if point.seconds_added is None or not math.isfinite(point.seconds_added):
        return "（1件あたりの追加時間はまだ測定されていません）"
    return f"（1件あたり{format_number(point.seconds_added, 1, 'ja')}秒の追加）"


def _own_gain_ja(point: ModelPoint, step: str, alpha: float) -> str:
    if not point.has_gain:
        return f"このモデルの{step}による改善幅はまだ測定されていません：両フェーズを実行してください。"
    return (
        f"このモデルでの測定値：{step}で{point.gain_mean:+.1f}点（{_ci_ja(point.gain_ci, alpha)}、"
        f"{point.n_reports}件のレポート）{_time_ja(point)}。"
    )


def advice(
    point: ModelPoint,
    estimate: ThresholdEstimate,
    english_advice: str,
    *,
    step: str,
    from_phase: str,
    language: str = "en",
) -> str:
    """Whether ``step`` is worth running for this model (the core's English advice in English)."""
    if language != "ja":
        return english_advice
    if not estimate.ok:
        return f"閾値の推定はまだありません：{_reason_ja(estimate)}。{_own_gain_ja(point, step, estimate.alpha)}"
    if not math.isfinite(point.before_mean):
        return (
            f"{point.model}には{step}前のスコアがありません：先に前のフェーズを実行すると、"
            f"閾値（{estimate.threshold:.1f}）で{step}の価値を判断できます。"
        )
    x, label = point.before_mean, f"フェーズ{from_phase}のスコア"
    if x < estimate.threshold:
        group = estimate.below
        text = (
            f"{label} {x:.1f}：{step}で{group.mean_gain:+.1f}点の改善が見込めます"
            f"（{_ci_ja(group.ci, estimate.alpha)}）{_time_ja(point)}"
        )
    else:
        group = estimate.above
        action = f"{step}は省略してよいでしょう。" if estimate.above.mean_gain <= estimate.below.mean_gain else ""
        text = (
            f"{label} {x:.1f}は閾値（{estimate.threshold:.1f}）以上です：{action}"
            f"見込まれる改善幅は{group.mean_gain:+.1f}点（{_ci_ja(group.ci, estimate.alpha)}）"
        )
    text += f"。この側の{group.n}モデルに基づきます。"
    if not estimate.threshold_supported:
        text += (
            f" 注意：モデル間で、改善幅が{step}前のスコアに明確には依存していません"
            f"（{p_text(estimate.test_threshold_exists.p, language)}）。この閾値は不確かです。"
        )
    return text


# Statistical test names from phi_core.stats -> Japanese; people's names stay as written in Japanese texts too.
_TEST_NAMES_JA = (
    ("permutation test", "並べ替え検定"),
    ("one-sample t-test", "1標本t検定"),
    ("paired t-test", "対応のあるt検定"),
    ("Wilcoxon signed-rank", "Wilcoxon符号付き順位検定"),
    ("Welch t-test", "Welchのt検定"),
    ("Mann-Whitney U", "Mann-WhitneyのU検定"),
)
_QUALIFIERS_JA = {"(greater)": "（片側）", "(less)": "（片側）", "(two-sided)": "（両側）"}


def stat_test_name(name: str, language: str = "en") -> str:
    """A test's name from phi_core.stats in the reader's language ("not run" notes become 未実施)."""
    if language != "ja":
        return name
    for english, japanese in _TEST_NAMES_JA:
        if name.startswith(english):
            qualifiers = "".join(ja for en, ja in _QUALIFIERS_JA.items() if en in name)
            return japanese + qualifiers + ("（未実施）" if "not run" in name else "")
    return name
