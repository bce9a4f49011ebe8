"""Inter-annotator agreement: span F1 (exact, overlap), character kappa, Krippendorff's alpha."""

from phi_core.agreement.collect import annotator_figures, dataset_agreement, units_from_store
from phi_core.agreement.compute import FIGURES, Unit, compute_agreement

__all__ = ["FIGURES", "Unit", "annotator_figures", "compute_agreement", "dataset_agreement", "units_from_store"]
