"""The whole synthetic corpus: ids, splits and which reports carry the special cases.

Every report draws from its own ``random.Random`` seeded by (seed, split,
number) and re-seeds one local Faker instance from it, so a report does not
depend on how many reports came before it and no global random state is used.
"""

from __future__ import annotations

import random

from faker import Faker

from phi_core.corpus.generator.report import generate_report
from phi_core.models import Report

HIDDEN_SHARE = 0.29  # the study: 29 of 100 development reports carry hidden PHI
VARIANT_SURNAME_EVERY = 50  # one 𠮷田/𡈽屋 patient per this many reports (at least one per split)


def _chosen_numbers(seed: int, split: str, purpose: str, total: int, count: int) -> frozenset[int]:
    chooser = random.Random(f"{seed}:{split}:{purpose}")
    return frozenset(chooser.sample(range(1, total + 1), min(count, total)))


def generate_split(split: str, count: int, seed: int, fake: Faker) -> list[Report]:
    hidden = _chosen_numbers(seed, split, "hidden", count, round(count * HIDDEN_SHARE))
    variants = _chosen_numbers(seed, split, "variant", count, max(1, count // VARIANT_SURNAME_EVERY))
    reports = []
    for number in range(1, count + 1):
        rng = random.Random(f"{seed}:{split}:{number}")
        fake.seed_instance(rng.getrandbits(64))
        reports.append(
            generate_report(
                f"syn-{split}-{number:03d}",
                split,
                fake,
                rng,
                with_hidden=number in hidden,
                variant_surname=number in variants,
                seed=seed,
            )
        )
    return reports


def generate_corpus(n_dev: int, n_test: int, seed: int) -> list[Report]:
    if n_dev < 0 or n_test < 0:
        raise ValueError(f"report counts must be zero or more (got dev={n_dev}, test={n_test})")
    fake = Faker("ja_JP")
    return generate_split("dev", n_dev, seed, fake) + generate_split("test", n_test, seed, fake)
