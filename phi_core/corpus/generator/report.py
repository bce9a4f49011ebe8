"""One synthetic report: draw its context, write header, body and footer."""

from __future__ import annotations

import random

from faker import Faker

from phi_core.corpus.generator.builder import TextBuilder
from phi_core.corpus.generator.context import build_context
from phi_core.corpus.generator.hidden import draw_hidden
from phi_core.corpus.generator.layouts import LAYOUT_WEIGHTS, LAYOUTS, footer
from phi_core.corpus.generator.occurrences import label_every_occurrence
from phi_core.corpus.generator.sections import write_body
from phi_core.models import Report


def generate_report(
    report_id: str,
    split: str,
    fake: Faker,
    rng: random.Random,
    *,
    with_hidden: bool,
    variant_surname: bool,
    seed: int,
) -> Report:
    ctx = build_context(fake, rng, variant_surname=variant_surname)
    layout_name = rng.choices(list(LAYOUT_WEIGHTS), weights=list(LAYOUT_WEIGHTS.values()))[0]
    layout = LAYOUTS[layout_name]
    hidden = draw_hidden(ctx, fake, rng) if with_hidden else []

    b = TextBuilder()
    layout.header(b, ctx, rng)
    write_body(b, ctx, hidden, rng.choice(layout.heading_styles), rng)
    footer(b, ctx, rng, facility_contact=layout.facility_contact_in_footer)

    meta = {
        "modality": ctx.modality,
        "exam": ctx.exam.key,
        "facility_type": ctx.facility.kind,
        "layout": layout_name,
        "seed": seed,
        "hidden": [mark.as_meta() for mark in b.hidden],
    }
    text = b.text.rstrip("\n") + "\n"
    return Report(
        id=report_id, text=text, split=split, status="approved", spans=label_every_occurrence(text, b.spans), meta=meta
    )
