"""Realistic fictional values for PHI spans (names, dates, IDs, phones, places)."""

from phi_core.deid.surrogate.generator import KEPT_CATEGORIES, SurrogateBook

__all__ = ["KEPT_CATEGORIES", "SurrogateBook"]
