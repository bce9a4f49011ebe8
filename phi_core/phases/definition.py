"""A phase as data: the pydantic model of a definition, its checks, hash and key.

The content hash is the sha256 of a canonical JSON dump of the *parsed*
definition (sorted keys, no whitespace, options filled to the full
:class:`GenerationOptions`). Comments, key order, quoting style and writing a
default value explicitly therefore never change it; any change to what is
sent to a model (or to the name, version or description) does. Reading
definitions from TOML is :mod:`phi_core.phases.loading`; new versions, TOML
writing and diffs are :mod:`phi_core.phases.versioning`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from typing import Any, Literal, Mapping

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


from phi_core import taxonomy
from phi_core.backends.base import GenerationOptions

OutputShape = Literal["category_object", "phi_list"]
RefineStyle = Literal["conservative", "additive"]
REFINE_STYLES: tuple[str, ...] = ("conservative", "additive")
VARIANT_NAMES: tuple[str, ...] = ("strong", "light")

# Placeholders each kind of template may use. Anything else written as
# {lowercase_word} is almost certainly a typo, so loading refuses it; JSON
# braces in prompts ({"phi_list": ...}) never look like this and pass.
FIRST_PASS_PLACEHOLDERS = frozenset({"report", "labels", "examples"})
REFINE_PLACEHOLDERS = frozenset({"report", "labels", "previous_json"})
EXAMPLE_PLACEHOLDERS = frozenset({"n", "example_report", "example_json"})
PLACEHOLDER_PATTERN = re.compile(r"\{([a-z_]+)\}")

DEFAULT_EXAMPLE_TEMPLATE = "【例{n}】\n入力:\n{example_report}\n出力:\n{example_json}"

# Keys a phase file never inherits through ``extends``: they say which phase
# this is, not how it prompts.
OWN_KEYS = frozenset({"number", "name", "version", "description", "split", "parent", "extends"})
GENERATION_FIELDS = tuple(f.name for f in dataclasses.fields(GenerationOptions))


class PhaseError(ValueError):
    """A phase file or edit that cannot be used; the message says how to fix it."""


def template_placeholders(template: str) -> set[str]:
    return set(PLACEHOLDER_PATTERN.findall(template or ""))


def _check_placeholders(template: str, allowed: frozenset[str], where: str) -> None:
    unknown = template_placeholders(template) - allowed
    if unknown:
        names = ", ".join("{" + u + "}" for u in sorted(unknown))
        known = ", ".join("{" + a + "}" for a in sorted(allowed))
        raise ValueError(f"{where} uses unknown placeholder(s) {names}; the ones allowed there are {known}")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PromptTemplates(_Frozen):
    system: str = ""
    user: str


class PromptOverride(_Frozen):
    """A variant's prompts: a field left out keeps the phase's own template."""

    system: str | None = None
    user: str | None = None


class Variant(_Frozen):
    description: str = ""
    prompts: PromptOverride = Field(default_factory=PromptOverride)
    # None = use the phase's examples / structured_output.
    examples: list[str] | None = None
    structured_output: bool | None = None


class VariantRule(_Frozen):
    """How a model is sent to the strong or the light variant (see variants.py)."""

    light_if_parameters_below_b: float | None = None
    light_models: list[str] = Field(default_factory=list)
    strong_models: list[str] = Field(default_factory=list)


class ModelRule(_Frozen):
    pattern: str
    additions: list[str]

    @field_validator("additions")
    @classmethod
    def _not_empty(cls, value: list[str]) -> list[str]:
        if not value or any(not a.strip() for a in value):
            raise ValueError("a model rule needs at least one non-empty addition")
        return value


class RefineSpec(_Frozen):
    style: RefineStyle = "conservative"
    rounds: int = Field(default=1, ge=1, le=5)
    templates: dict[str, PromptTemplates]

    @model_validator(mode="after")
    def _both_styles(self) -> "RefineSpec":
        missing = [s for s in REFINE_STYLES if s not in self.templates]
        extra = [s for s in self.templates if s not in REFINE_STYLES]
        if missing or extra:
            raise ValueError(
                f"[refine.templates] must hold exactly {', '.join(REFINE_STYLES)} "
                f"(missing: {missing or 'none'}, unexpected: {extra or 'none'})"
            )
        for style, template in self.templates.items():
            where = f"refine template {style!r}"
            _check_placeholders(template.system, REFINE_PLACEHOLDERS, f"{where} (system)")
            _check_placeholders(template.user, REFINE_PLACEHOLDERS, f"{where} (user)")
            if not {"report", "previous_json"} <= template_placeholders(template.user):
                raise ValueError(f"{where} (user) must contain both {{report}} and {{previous_json}}")
        return self


class SchemaLimits(_Frozen):
    """Bounds written into the JSON schema: small models loop without them."""

    max_items: int = Field(default=40, ge=1)
    max_items_per_category: int = Field(default=10, ge=1)
    max_value_length: int = Field(default=80, ge=8)


class PhaseDefinition(_Frozen):
    number: int = Field(ge=1)
    name: str = Field(min_length=1)
    version: int = Field(ge=1)
    description: str = ""
    split: Literal["dev", "test"] = "dev"
    output_shape: OutputShape
    labels: list[str] = Field(min_length=1)
    label_descriptions: dict[str, str] = Field(default_factory=dict)
    structured_output: bool = False
    options: dict[str, Any] = Field(default_factory=dict)
    limits: SchemaLimits = Field(default_factory=SchemaLimits)
    prompts: PromptTemplates
    example_template: str = DEFAULT_EXAMPLE_TEMPLATE
    examples: list[str] = Field(default_factory=list)
    variants: dict[str, Variant] = Field(default_factory=dict)
    variant_rule: VariantRule = Field(default_factory=VariantRule)
    model_rules: list[ModelRule] = Field(default_factory=list)
    default_additions: list[str] = Field(default_factory=list)
    refine: RefineSpec | None = None
    parent: str | None = None

    @field_validator("options")
    @classmethod
    def _full_options(cls, value: dict[str, Any]) -> dict[str, Any]:
        return options_dict(value, where="[options]")

    @model_validator(mode="after")
    def _consistent(self) -> "PhaseDefinition":
        if self.variants and set(self.variants) != set(VARIANT_NAMES):
            raise ValueError(
                f"[variants] must define exactly {' and '.join(VARIANT_NAMES)} "
                f"(found: {', '.join(sorted(self.variants))})"
            )
        self._check_labels()
        self._check_templates()
        return self

    def _check_labels(self) -> None:
        if len(set(self.labels)) != len(self.labels):
            raise ValueError("labels lists the same label twice")
        for label in self.labels:
            mapping = taxonomy.resolve(label)
            if not mapping.known:
                raise ValueError(f"label {label!r} is not a known category name (see phi_core/taxonomy.py)")
            if self.output_shape == "category_object" and mapping.category is None:
                raise ValueError(
                    f"label {label!r} groups several categories; a category_object phase needs one category per key"
                )
        stray = set(self.label_descriptions) - set(self.labels)
        if stray:
            raise ValueError(f"label_descriptions describes labels that are not in labels: {sorted(stray)}")

    def _check_templates(self) -> None:
        first_pass = [("prompts.system", self.prompts.system), ("prompts.user", self.prompts.user)]
        for name, variant in self.variants.items():
            first_pass += [
                (f"variants.{name}.prompts.system", variant.prompts.system or ""),
                (f"variants.{name}.prompts.user", variant.prompts.user or ""),
            ]
        for where, template in first_pass:
            _check_placeholders(template, FIRST_PASS_PLACEHOLDERS, where)
        _check_placeholders(self.example_template, EXAMPLE_PLACEHOLDERS, "example_template")
        for variant_name in self.variant_names():
            user = self.templates_for(variant_name).user
            label = f"variant {variant_name!r}" if variant_name else "the phase"
            if "report" not in template_placeholders(user):
                raise ValueError(
                    f"the user prompt of {label} has no {{report}} placeholder, so the report never reaches the model"
                )
            templates = self.templates_for(variant_name)
            has_slot = "examples" in template_placeholders(templates.system + templates.user)
            if self.examples_for(variant_name) and not has_slot:
                raise ValueError(
                    f"{label} lists worked examples but its prompts have no {{examples}} placeholder to put them in"
                )

    # ----------------------------------------------------------- accessors

    def variant_names(self) -> list[str]:
        """The variants a model can be given; [""] when the phase has none."""
        return list(self.variants) if self.variants else [""]

    def templates_for(self, variant: str = "") -> PromptTemplates:
        override = self.variants[variant].prompts if variant else PromptOverride()
        return PromptTemplates(
            system=self.prompts.system if override.system is None else override.system,
            user=self.prompts.user if override.user is None else override.user,
        )

    def examples_for(self, variant: str = "") -> list[str]:
        chosen = self.variants[variant].examples if variant else None
        return list(self.examples if chosen is None else chosen)

    def structured_output_for(self, variant: str = "") -> bool:
        chosen = self.variants[variant].structured_output if variant else None
        return self.structured_output if chosen is None else chosen

    def all_example_ids(self) -> list[str]:
        ids: dict[str, None] = dict.fromkeys(self.examples)
        for variant in self.variants.values():
            ids.update(dict.fromkeys(variant.examples or []))
        return list(ids)

    def generation_options(self, override: Mapping[str, Any] | None = None) -> GenerationOptions:
        merged = dict(self.options)
        if override:
            merged.update(options_dict(override, where="options override", fill=False))
        return GenerationOptions(**merged)

    # ------------------------------------------------------------ identity

    def canonical_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @property
    def hash(self) -> str:
        canonical = json.dumps(self.canonical_dict(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    @property
    def key(self) -> str:
        return f"p{self.number}-v{self.version}-{self.hash[:8]}"

    def label(self) -> str:
        return f"phase {self.number} ({self.name}) v{self.version}"


def options_dict(value: Mapping[str, Any], *, where: str, fill: bool = True) -> dict[str, Any]:
    """Check option names and types; with fill, complete to every GenerationOptions field."""
    unknown = sorted(set(value) - set(GENERATION_FIELDS))
    if unknown:
        raise ValueError(f"{where} has unknown option(s) {unknown}; known options are {list(GENERATION_FIELDS)}")
    defaults = GenerationOptions().as_dict()
    checked: dict[str, Any] = {}
    for name, raw in value.items():
        kind = type(defaults[name])
        if kind is float and isinstance(raw, int) and not isinstance(raw, bool):
            raw = float(raw)
        if not isinstance(raw, kind) or isinstance(raw, bool) != isinstance(defaults[name], bool):
            raise ValueError(f"{where}: option {name!r} must be a {kind.__name__}, got {raw!r}")
        checked[name] = raw
    return {**defaults, **checked} if fill else checked
