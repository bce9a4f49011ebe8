"""Editing a phase in the browser as a new version: pure functions behind the editor.

The shipped TOML files are never touched. An edit becomes a new, complete
definition (version = highest known version of that phase + 1, parent = the
hash it came from) stored in the database with source "edited"; the Runs
form, and the engine through ``resolve_phase``, then find it by its key.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from phi_core.backends.base import GenerationOptions
from phi_core.phases import (
    PhaseDefinition,
    PhaseError,
    PhaseRegistry,
    default_registry,
    derive_version,
    diff_definitions,
    phase_from_dict,
)
from phi_core.roles import Actor, require
from phi_core.store import Store
from phi_core.ui.i18n import tr

EDITED_SOURCE = "edited"
SHIPPED_SOURCE = "shipped"
OPTION_DEFAULTS: dict[str, Any] = GenerationOptions().as_dict()


@dataclass(frozen=True)
class TemplateField:
    path: str  # dotted path in the definition, e.g. "variants.light.prompts.user"
    label: str
    inherits: bool = False  # None means "use the phase's own template"


def template_fields(phase: PhaseDefinition) -> list[TemplateField]:
    """The prompt templates this phase has, in the order the editor shows them."""
    fields = [
        TemplateField("description", tr("Description", "説明")),
        TemplateField("prompts.system", tr("System prompt", "システムプロンプト")),
        TemplateField("prompts.user", tr("User prompt", "ユーザープロンプト")),
    ]
    if phase.examples or any(v.examples for v in phase.variants.values()):
        fields.append(TemplateField("example_template", tr("Worked example template", "解答例のテンプレート")))
    parts = {"system": tr("system", "システム"), "user": tr("user", "ユーザー")}
    for name in phase.variants:
        for part in ("system", "user"):
            fields.append(
                TemplateField(
                    f"variants.{name}.prompts.{part}",
                    tr(
                        f"Variant {name}: {part} prompt (empty = the phase's)",
                        f"バリアント {name}：{parts[part]}プロンプト（空 = フェーズのもの）",
                    ),
                    inherits=True,
                )
            )
    if phase.refine is not None:
        for style in phase.refine.templates:
            for part in ("system", "user"):
                fields.append(
                    TemplateField(
                        f"refine.templates.{style}.{part}",
                        tr(f"Review ({style}): {part} prompt", f"見直し（{style}）：{parts[part]}プロンプト"),
                    )
                )
    return fields


def read_path(data: Mapping[str, Any], path: str) -> Any:
    value: Any = data
    for part in path.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def current_texts(phase: PhaseDefinition) -> dict[str, str]:
    """Each template's text as the editor shows it ("" for an inherited variant template)."""
    data = phase.canonical_dict()
    return {f.path: read_path(data, f.path) or "" for f in template_fields(phase)}


def _nest(path: str, value: Any) -> dict[str, Any]:
    out: dict[str, Any] = value
    for part in reversed(path.split(".")):
        out = {part: out}
    return out


def _merge(into: dict[str, Any], more: Mapping[str, Any]) -> None:
    for key, value in more.items():
        if isinstance(value, Mapping) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def changes_from_edits(
    phase: PhaseDefinition, texts: Mapping[str, str], options: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Only what differs from ``phase``, as nested changes for derive_version."""
    data = phase.canonical_dict()
    inherits = {f.path for f in template_fields(phase) if f.inherits}
    changes: dict[str, Any] = {}
    for path, text in texts.items():
        before = read_path(data, path)
        after: Any = text
        if path in inherits and before is None and text == "":
            continue  # still inherits
        if path in inherits and text == "":
            after = None  # cleared: back to the phase's template
        if after != before:
            _merge(changes, _nest(path, after))
    if options:
        wanted = coerce_options(options)
        changed = {k: v for k, v in wanted.items() if phase.options.get(k) != v}
        if changed:
            changes["options"] = changed
    return changes


def coerce_options(options: Mapping[str, Any]) -> dict[str, Any]:
    """Widget values to option types (number inputs give floats, TOML wants ints where ints belong)."""
    out: dict[str, Any] = {}
    for name, value in options.items():
        default = OPTION_DEFAULTS.get(name)
        if isinstance(default, bool) or default is None:
            out[name] = value
        elif isinstance(default, int) and isinstance(value, float) and value.is_integer():
            out[name] = int(value)
        elif isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
            out[name] = float(value)
        else:
            out[name] = value
    return out


def option_fields() -> list[dataclasses.Field]:
    return list(dataclasses.fields(GenerationOptions))


# Generation option -> its Japanese name (English readers see the option's own name, as in the TOML).
OPTION_NAMES_JA = {
    "temperature": "温度",
    "top_p": "核サンプリングの閾値",
    "seed": "乱数シード",
    "num_ctx": "コンテキスト長（トークン）",
    "num_predict": "最大出力トークン数",
    "keep_alive": "モデルの保持時間",
    "timeout_s": "制限時間（秒）",
    "think": "推論モード",
}


def option_label(name: str) -> str:
    return tr(name, OPTION_NAMES_JA.get(name, name))


def phase_title(phase: PhaseDefinition) -> str:
    """PhaseDefinition.label() in the user's language: "phase 1 (baseline) v1"."""
    return tr(phase.label(), f"フェーズ{phase.number}（{phase.name}）バージョン{phase.version}")


def source_name(source: str) -> str:
    """Where a phase version comes from, in the user's language: shipped, edited, or a file's name."""
    names = {SHIPPED_SOURCE: tr("shipped", "同梱"), EDITED_SOURCE: tr("edited", "編集版")}
    return names.get(source, source)


# ---------------------------------------------------------------- versions


def phase_registry(store: Store) -> tuple[PhaseRegistry, dict[str, str], list[str]]:
    """Shipped phases plus versions stored in the database.

    Returns the registry, the source of each key ("shipped", "edited", ...)
    and plain-words problems with stored versions that could not be loaded.
    """
    registry = default_registry()
    sources = {p.key: SHIPPED_SOURCE for p in registry.all()}
    problems: list[str] = []
    for row in store.phases().itertuples(index=False):
        if row.source == SHIPPED_SOURCE or row.phase_key in sources:
            continue
        try:
            registry.add(phase_from_dict(store.phase_definition(row.phase_key) or {}, source=row.phase_key))
            sources[row.phase_key] = row.source
        except PhaseError as error:
            problems.append(f"stored phase {row.phase_key} cannot be used: {error}")
    return registry, sources, problems


def next_version(registry: PhaseRegistry, number: int) -> int:
    return max((p.version for p in registry.versions(number)), default=0) + 1


def make_version(phase: PhaseDefinition, changes: Mapping[str, Any], registry: PhaseRegistry) -> PhaseDefinition:
    """The edited phase as a new version; PhaseError says what is wrong with the edit."""
    if not changes:
        raise PhaseError("nothing was changed: edit a prompt or an option before saving a new version")
    derived = derive_version(phase, changes)
    wanted = next_version(registry, phase.number)
    if derived.version != wanted:  # an older version was edited: number it after the newest
        data = derived.canonical_dict()
        data["version"] = wanted
        derived = phase_from_dict(data, source=f"{phase.key} edited")
    return derived


def validation_messages(
    phase: PhaseDefinition, texts: Mapping[str, str], options: Mapping[str, Any] | None, registry: PhaseRegistry
) -> list[str]:
    """[] when the edit makes a usable new version, else one message per problem."""
    try:
        make_version(phase, changes_from_edits(phase, texts, options), registry)
    except PhaseError as error:
        lines = [line.strip().removeprefix("- ").removeprefix("file: ") for line in str(error).splitlines()]
        detail = [line for line in lines[1:] if line]
        return detail or [lines[0]]
    return []


def save_version(store: Store, new: PhaseDefinition, *, actor: Actor | str) -> bool:
    """Store the new version (the shipped files stay as they are); False if it already existed."""
    require(actor, "edit_phase")
    return store.save_phase(
        phase_key=new.key,
        number=new.number,
        name=new.name,
        version=new.version,
        hash=new.hash,
        definition=new.canonical_dict(),
        parent_hash=new.parent,
        source=EDITED_SOURCE,
    )


def parent_of(phase: PhaseDefinition, registry: PhaseRegistry) -> PhaseDefinition | None:
    if not phase.parent:
        return None
    try:
        return registry.by_hash(phase.parent)
    except PhaseError:
        return None


def diff_against(parent: PhaseDefinition | None, phase: PhaseDefinition) -> str:
    """Unified TOML diff from the version it came from ("" when there is none or nothing changed)."""
    return diff_definitions(parent, phase) if parent is not None else ""
