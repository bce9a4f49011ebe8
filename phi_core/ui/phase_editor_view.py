"""Phases on the Runs page: the preview of what a run will send, and the phase editor tab.

Decisions (versions, diffs, validation) are in phi_core.ui.phase_editor; a
saved edit is a new phase version in the database, never a changed file.
"""

from __future__ import annotations

import streamlit as st

from phi_core.backends import ModelInfo
from phi_core.phases import PhaseError, dump_toml
from phi_core.ui import phase_editor as pe
from phi_core.ui.auth import page_actor
from phi_core.ui import plain
from phi_core.ui.phase_preview import phase_preview
from phi_core.ui.run_start import FLASH
from phi_core.ui.flash import flash
from phi_core.ui.guard import refused
from phi_core.ui.i18n import tr
from phi_core.ui.state import get_store


def preview_phases(
    keys: tuple[str, ...], models: tuple[str, ...], definitions: dict, backend: str, infos: dict[str, ModelInfo]
) -> None:
    st.markdown(tr("**What will be sent**", "**送信される内容**"))
    model = (
        st.selectbox(tr("Preview for model", "プレビューするモデル"), models, key="rn_preview_model")
        if len(models) > 1
        else (models[0] if models else "")
    )
    for key in keys:
        phase = definitions[key]
        view = phase_preview(phase, model or backend, infos.get(model))
        with st.expander(
            plain.fmt(
                tr("{phase} · variant {variant} for {model}", "{phase} · {model} 向けのバリアント {variant}"),
                phase=pe.phase_title(phase),
                variant=view["variant"],
                model=model or tr("any model", "すべてのモデル"),
            )
        ):
            plain.show(phase.description.strip(), "caption")
            st.markdown(
                plain.fmt(
                    tr(
                        "Variant **{}** — {}. Split **{}**. Structured output: {}. Labels: {}",
                        "バリアント **{}** — {}。分割 **{}**。構造化出力：{}。ラベル：{}",
                    ),
                    view["variant"],
                    view["variant_reason"],
                    view["split"],
                    tr("yes", "あり") if view["structured_output"] else tr("no", "なし"),
                    ", ".join(view["labels"]),
                )
            )
            st.markdown(tr("System prompt", "システムプロンプト"))
            st.code(view["system"] or tr("(none)", "（なし）"), language=None, wrap_lines=True)
            st.markdown(tr("User prompt", "ユーザープロンプト"))
            st.code(view["user"], language=None, wrap_lines=True)
            if view["additions"]:
                st.markdown(
                    plain.fmt(
                        tr("Model-specific additions (matched {})", "モデル固有の追加（一致：{}）"),
                        ", ".join(view["addition_patterns"]),
                    )
                )
                st.code("\n".join(view["additions"]), language=None, wrap_lines=True)
            if view["examples"]:
                st.markdown(plain.fmt(tr("Worked examples: {}", "解答例：{}"), ", ".join(view["examples"])))
            if view["refine"]:
                refine = view["refine"]
                st.markdown(
                    plain.fmt(
                        tr("Review step: {}, {} round(s)", "見直しステップ：{}、{} 回"),
                        refine["style"],
                        refine["rounds"],
                    )
                )
                st.code(refine["user"], language=None, wrap_lines=True)
            st.markdown(tr("Options", "オプション"))
            st.json(view["options"], expanded=False)


def save_edit(phase_key: str) -> None:
    if refused(st.session_state, "edit_phase", key=FLASH):
        return
    registry, _, _ = pe.phase_registry(get_store())
    phase = registry.by_key(phase_key)
    texts, options = edited_values(phase)
    try:
        new = pe.make_version(phase, pe.changes_from_edits(phase, texts, options), registry)
    except PhaseError as error:
        flash(st.session_state, "error", str(error), key=FLASH)
        return
    pe.save_version(get_store(), new, actor=page_actor())
    st.session_state["pe_phase"] = new.key
    flash(
        st.session_state,
        "success",
        tr(
            f"saved {new.label()} as {new.key}; choose it in the Phases list to run it "
            "(the shipped files are unchanged)",
            f"{new.label()} を {new.key} として保存しました。実行するにはフェーズの一覧で選んでください"
            "（同梱のファイルは変わりません）",
        ),
        key=FLASH,
    )


def edited_values(phase) -> tuple[dict[str, str], dict]:
    current = pe.current_texts(phase)
    texts = {path: st.session_state.get(f"pe_{phase.key}_{path}", value) for path, value in current.items()}
    options = {
        f.name: st.session_state.get(f"pe_{phase.key}_opt_{f.name}", phase.options.get(f.name))
        for f in pe.option_fields()
    }
    return texts, options


def editor_tab() -> None:
    registry, sources, _ = pe.phase_registry(get_store())
    keys = [p.key for p in registry.all()]
    if st.session_state.get("pe_phase") not in keys:
        st.session_state["pe_phase"] = keys[0]
    key = st.selectbox(
        tr("Phase version", "フェーズのバージョン"),
        keys,
        key="pe_phase",
        format_func=lambda k: (
            f"{pe.phase_title(registry.by_key(k))} · {pe.source_name(sources.get(k, 'shipped'))} · {k}"
        ),
    )
    phase = registry.by_key(key)
    parent = pe.parent_of(phase, registry)
    if parent is not None:
        with st.expander(
            plain.fmt(tr("Changes from {}, the version it came from", "元のバージョン {} からの変更"), parent.key)
        ):
            st.code(pe.diff_against(parent, phase), language="diff")
    with st.expander(tr("Full definition (TOML)", "定義の全文（TOML）")):
        st.code(dump_toml(phase), language="toml")
    st.caption(
        tr(
            "Edit below and save: the result is a new version of this phase, stored in the database. "
            "Placeholders: {report}, {labels}, {examples} in prompts; {report}, {previous_json}, {labels} in "
            "review prompts.",
            "下で編集して保存すると、このフェーズの新しいバージョンとしてデータベースに保存されます。"
            "差し込み記号：プロンプトでは {report}、{labels}、{examples}、見直しプロンプトでは "
            "{report}、{previous_json}、{labels}。",
        )
    )
    current = pe.current_texts(phase)
    for field in pe.template_fields(phase):
        st.text_area(
            field.label,
            value=current[field.path],
            key=f"pe_{key}_{field.path}",
            height=80 if field.path == "description" else 220,
        )
    st.markdown(tr("Options", "オプション"))
    cols = st.columns(4)
    for index, field in enumerate(pe.option_fields()):
        value = phase.options.get(field.name)
        widget_key = f"pe_{key}_opt_{field.name}"
        column = cols[index % 4]
        if isinstance(value, str):
            column.text_input(pe.option_label(field.name), value=value, key=widget_key)
        elif isinstance(value, bool):  # before int: a bool is an int to Python
            column.checkbox(pe.option_label(field.name), value=value, key=widget_key)
        elif isinstance(value, int):
            column.number_input(pe.option_label(field.name), value=value, step=1, key=widget_key)
        else:
            column.number_input(
                pe.option_label(field.name), value=float(value), step=0.05, format="%.2f", key=widget_key
            )
    texts, options = edited_values(phase)
    changes = pe.changes_from_edits(phase, texts, options)
    problems = pe.validation_messages(phase, texts, options, registry) if changes else []
    for problem in problems:
        plain.show(problem, "error")
    if changes and not problems:
        preview = pe.make_version(phase, changes, registry)
        with st.expander(
            plain.fmt(
                tr("Diff of the new version {} against {}", "新しいバージョン {} と {} の差分"), preview.key, phase.key
            ),
            expanded=True,
        ):
            st.code(pe.diff_against(phase, preview), language="diff")
    st.button(
        tr("Save as a new version", "新しいバージョンとして保存"),
        type="primary",
        key="pe_save",
        disabled=not changes or bool(problems),
        on_click=save_edit,
        args=(key,),
    )
