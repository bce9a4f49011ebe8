"""The body of a report: clinical data, technique, findings, impression, advice.

Findings come from the exam's scenario; hidden-PHI sentences are woven into
the section they name, after a randomly chosen paragraph, so they read as
part of the prose rather than as a block of their own.
"""

from __future__ import annotations

import random

from phi_core.corpus.generator.builder import TextBuilder
from phi_core.corpus.generator.context import ReportContext
from phi_core.corpus.generator.fill import fill
from phi_core.corpus.generator.findings import PREVIOUS_EXAM_WORDS
from phi_core.corpus.generator.hidden import HiddenSentence
from phi_core.corpus.generator.layouts import HEADING_STYLES

SECTION_TITLES: dict[str, tuple[str, ...]] = {
    "clinical": ("臨床情報", "依頼目的・臨床情報", "臨床経過"),
    "technique": ("検査条件", "撮影条件", "検査方法"),
    "findings": ("画像所見", "所見"),
    "impression": ("画像診断", "診断", "結論"),
    "advice": ("推奨事項", "コメント", "付記"),
}


def _heading(b: TextBuilder, section: str, style: str, rng: random.Random) -> None:
    b.line().line(HEADING_STYLES[style].format(rng.choice(SECTION_TITLES[section])))


def _paragraphs_with_hidden(
    b: TextBuilder, paragraphs: list[str], sentences: list[HiddenSentence], rng: random.Random, *, joiner: str
) -> None:
    """Write paragraphs, appending each hidden sentence to the end of one of them."""
    slots: dict[int, list[HiddenSentence]] = {}
    for sentence in sentences:
        slots.setdefault(rng.randrange(len(paragraphs)), []).append(sentence)
    for index, paragraph in enumerate(paragraphs):
        if index:
            b.add(joiner)
        b.add(paragraph)
        for sentence in slots.get(index, []):
            # Run on after a full sentence; start a new line after a bare note such as "主訴：頭痛".
            b.add("" if b.ends_with(("。", "）")) else "\n")
            b.pieces(list(sentence.pieces), difficulty=sentence.difficulty)


def write_body(
    b: TextBuilder, ctx: ReportContext, hidden: list[HiddenSentence], style: str, rng: random.Random
) -> None:
    by_section: dict[str, list[HiddenSentence]] = {}
    for sentence in hidden:
        by_section.setdefault(sentence.section, []).append(sentence)
    scenario, variables = ctx.scenario, ctx.variables
    previous_in_clinical = ctx.has("previous") and rng.random() < 0.5

    _heading(b, "clinical", style, rng)
    clinical = [fill(line, rng, variables) for line in scenario.clinical]
    _paragraphs_with_hidden(b, clinical, by_section.get("clinical", []), rng, joiner="\n")
    b.line()
    if previous_in_clinical:
        b.add(f"前回{PREVIOUS_EXAM_WORDS[ctx.modality]}：").phi(ctx.previous_date, "OTHER_DATE").line()

    _heading(b, "technique", style, rng)
    b.add(f"{rng.choice(('装置', '使用装置', '撮影装置'))}：{ctx.device}")
    if ctx.has("device_serial"):
        b.add("（S/N: ").phi(ctx.device_serial, "OTHER_ID").add("）")
    b.line()
    for line in ctx.exam.technique:
        b.line(fill(line, rng, variables))

    _heading(b, "findings", style, rng)
    if ctx.has("previous") and not previous_in_clinical:
        b.add("前回（").phi(ctx.previous_date, "OTHER_DATE").line(
            f"）の{PREVIOUS_EXAM_WORDS[ctx.modality]}と比較した。"
        )
    findings = [fill(paragraph, rng, variables) for paragraph in scenario.findings]
    _paragraphs_with_hidden(b, findings, by_section.get("findings", []), rng, joiner="\n\n")
    b.line()

    _heading(b, "impression", style, rng)
    for number, item in enumerate(scenario.impression, start=1):
        b.line(f"{number}. {fill(item, rng, variables)}")

    _heading(b, "advice", style, rng)
    advice = [fill(line, rng, variables) for line in scenario.advice]
    _paragraphs_with_hidden(b, advice, by_section.get("advice", []), rng, joiner="\n")
    b.line()
