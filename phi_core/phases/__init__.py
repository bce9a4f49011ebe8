"""The five optimisation phases as data (data/phases/*.toml) and the engine that runs them."""

from phi_core.phases.definition import PhaseDefinition, PhaseError
from phi_core.phases.loading import load_phase, phase_from_dict, phase_from_toml
from phi_core.phases.versioning import derive_version, diff_definitions, dump_toml
from phi_core.phases.engine import PhaseExtractor
from phi_core.phases.registry import PhaseRegistry, default_registry, load_phase_directory, shipped_phases
from phi_core.phases.variants import additions_for, choose_variant, explain_variant, parse_parameter_size

__all__ = [
    "PhaseDefinition",
    "PhaseError",
    "PhaseExtractor",
    "PhaseRegistry",
    "additions_for",
    "choose_variant",
    "default_registry",
    "derive_version",
    "diff_definitions",
    "dump_toml",
    "explain_variant",
    "load_phase",
    "load_phase_directory",
    "parse_parameter_size",
    "phase_from_dict",
    "phase_from_toml",
    "shipped_phases",
]
