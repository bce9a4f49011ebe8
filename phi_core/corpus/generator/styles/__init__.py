"""The ``synthetic-styles`` corpus: many kinds of documents, spans with their value format.

    from phi_core.corpus.generator.styles import generate_styles_reports
    reports = generate_styles_reports()          # the shipped dataset

Each style is a writer in :data:`STYLES` (one job: lay out one kind of
document). Every document draws its own ``random.Random`` from (seed, style,
number), so the corpus is the same byte for byte for a seed and one style
does not shift another. Styles marked ``test_only`` never occur in ``dev``:
the test split then measures generalisation to unseen kinds of documents.
Regenerate the shipped file with
``python -m phi_core.corpus.generator.styles --out data/corpus/synthetic-styles.jsonl``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable

from faker import Faker

from phi_core.corpus.generator.styles.cast import Cast, draw_cast
from phi_core.corpus.generator.styles.doc import StyleBuilder, mark_every_occurrence
from phi_core.corpus.generator.styles.english import write_english, write_english_mixed
from phi_core.corpus.generator.styles.letters import write_discharge, write_referral
from phi_core.corpus.generator.styles.markdown import write_markdown
from phi_core.corpus.generator.styles.narrative import write_narrative
from phi_core.corpus.generator.styles.specimen import write_endoscopy, write_pathology
from phi_core.corpus.generator.styles.structured import write_dicom, write_hl7
from phi_core.corpus.generator.styles.tables import write_csv, write_tsv
from phi_core.corpus.generator.styles.ward import write_nursing
from phi_core.corpus.generator.styles.distractor import write_distractor
from phi_core.models import Report

DEFAULT_STYLES_SEED = 20261130
DOCUMENTS_PER_STYLE = 40
DEV_SHARE = 0.5  # of a style seen in both splits, this share goes to dev

Writer = Callable[[StyleBuilder, Cast, random.Random], None]


@dataclass(frozen=True)
class Style:
    key: str
    title: str
    write: Writer
    test_only: bool = False


STYLES: dict[str, Style] = {
    style.key: style
    for style in (
        Style("narrative", "Narrative imaging report (PHI inside sentences)", write_narrative),
        Style("referral", "Referral letter (診療情報提供書)", write_referral),
        Style("discharge", "Discharge summary (退院サマリー)", write_discharge),
        Style("hl7", "HL7 v2 ORU message", write_hl7),
        Style("dicom", "DICOM header dump", write_dicom, test_only=True),
        Style("csv", "CSV export with a header row", write_csv),
        Style("tsv", "TSV export with a header row", write_tsv),
        Style("nursing", "Nursing notes (看護記録)", write_nursing),
        Style("pathology", "Pathology report (病理診断報告書)", write_pathology),
        Style("endoscopy", "Endoscopy report (内視鏡検査報告書)", write_endoscopy, test_only=True),
        Style("english_mixed", "English-mixed report", write_english_mixed),
        Style("english", "Fully English report from a Japanese hospital", write_english, test_only=True),
        Style("markdown", "Markdown tables pasted into a wiki or a message", write_markdown),
        Style("distractor", "Distractor-dense document with few or no PHI", write_distractor),
    )
}


def generate_document(style: Style, number: int, split: str, seed: int, fake: Faker) -> Report:
    rng = random.Random(f"{seed}:{style.key}:{number}")
    fake.seed_instance(rng.getrandbits(64))
    cast = draw_cast(fake, rng)
    b = StyleBuilder()
    style.write(b, cast, rng)
    text = b.text.rstrip("\n") + "\n"
    spans = mark_every_occurrence(text, b.spans)
    return Report(
        id=f"sty-{style.key}-{number:03d}",
        text=text,
        split=split,
        status="approved",
        spans=spans,
        style=style.key,
        meta={"seed": seed, "modality": cast.modality, "exam": cast.study.key},
    )


def generate_styles_reports(
    per_style: int = DOCUMENTS_PER_STYLE, *, seed: int = DEFAULT_STYLES_SEED, styles: list[str] | None = None
) -> list[Report]:
    """``per_style`` documents of every style; dev first, then test, each in style order."""
    if per_style < 2:
        raise ValueError(f"per_style must be at least 2 so a shared style reaches both splits (got {per_style})")
    unknown = sorted(set(styles or ()) - set(STYLES))
    if unknown:
        raise ValueError(f"unknown styles {unknown}; choose from {', '.join(STYLES)}")
    chosen = [STYLES[key] for key in (styles or STYLES)]
    fake = Faker("ja_JP")
    dev, test = [], []
    for style in chosen:
        in_dev = 0 if style.test_only else round(per_style * DEV_SHARE)
        for number in range(1, per_style + 1):
            split = "dev" if number <= in_dev else "test"
            (dev if split == "dev" else test).append(generate_document(style, number, split, seed, fake))
    return dev + test


def styles_only_in_test() -> list[str]:
    return [key for key, style in STYLES.items() if style.test_only]


__all__ = [
    "DEFAULT_STYLES_SEED",
    "STYLES",
    "Style",
    "generate_document",
    "generate_styles_reports",
    "styles_only_in_test",
]
