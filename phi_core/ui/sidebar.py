"""The sidebar every page shows: language, who you are, dataset and split, database, hosts."""

from __future__ import annotations

import streamlit as st

from phi_core.models import SPLITS
from phi_core.roles import ROLE_NAMES
from phi_core.store import Store
from phi_core.ui import plain
from phi_core.ui.auth import auth_configured, current_actor, signed_in_user
from phi_core.ui.hosts import panel_hosts
from phi_core.ui.i18n import LANGUAGE_KEY, LANGUAGE_NAMES, LANGUAGES, current_language, set_language, tr
from phi_core.ui.state import ALL_SPLITS, ANNOTATOR_KEY, DATASET_KEY, SPLIT_KEY, get_host_monitor

# While a host has not answered yet the panel refreshes quickly, then calmly.
_FAST_REFRESH_S = 2
_SLOW_REFRESH_S = 30
_SWITCH_KEY = "ui_language_switch"
_PANEL_KEY = "ui_sidebar_page_panel"
_REMEMBERED = "ui_language_loaded"


def role_name(role: str) -> str:
    en, ja = ROLE_NAMES.get(role, (role, role))
    return tr(en, ja)


def render_sidebar(store: Store) -> None:
    with st.sidebar:
        _language_switch(store)
        _who_am_i(store)
        # A slot high in the sidebar that the page being shown may fill (the workbench's guidelines).
        st.session_state[_PANEL_KEY] = st.container()
        _dataset_selectors(store)
        _database_info(store)
        _hosts_panel()


def page_panel():
    """The sidebar slot for the current page's side panel (an empty container when the page leaves it)."""
    panel = st.session_state.get(_PANEL_KEY)
    return panel if panel is not None else st.sidebar.container()


def _settings_scope(store: Store) -> str:
    user = signed_in_user()
    return f"user:{user['email']}" if user else "user:local"


def _language_switch(store: Store) -> None:
    # The first run of a session takes the language the user chose last time (stored per user),
    # unless the address already says which one.
    if not st.session_state.get(_REMEMBERED):
        st.session_state[_REMEMBERED] = True
        if LANGUAGE_KEY not in st.session_state:
            from phi_core.ui.i18n import address_language

            remembered = address_language() or store.setting(_settings_scope(store), "language")
            if remembered in LANGUAGES:
                set_language(remembered)
    st.session_state[_SWITCH_KEY] = current_language()

    def changed() -> None:
        language = st.session_state.get(_SWITCH_KEY)
        set_language(language)
        try:
            store.set_setting(_settings_scope(store), "language", language)
        except Exception:  # a read-only store must not break the switch
            pass

    # The options name themselves (日本語 / English), so a reader of either language finds the switch.
    st.segmented_control(
        tr("Language", "言語"),
        list(LANGUAGES),
        key=_SWITCH_KEY,
        required=True,
        format_func=LANGUAGE_NAMES.get,
        on_change=changed,
    )


def _who_am_i(store: Store) -> None:
    if not auth_configured():
        st.text(
            tr(
                "Single-user mode on this machine: every action is allowed.",
                "このマシンでの単一ユーザーモード：すべての操作が可能です。",
            )
        )
        # Re-assigning keeps the typed name when a page without this widget ran in between.
        st.session_state[ANNOTATOR_KEY] = st.session_state.get(ANNOTATOR_KEY, "")
        st.text_input(
            tr("Annotator name", "アノテーター名"),
            key=ANNOTATOR_KEY,
            placeholder=tr("your name (recorded with every edit)", "氏名（すべての編集に記録されます）"),
        )
        return
    actor = current_actor(store)
    if not actor.signed_in:
        st.text(tr("Sign in to use phi-bench.", "phi-bench を使うにはサインインしてください。"))
        st.button(tr("Sign in", "サインイン"), on_click=st.login, type="primary")
        st.stop()
    st.text(
        tr(
            f"Signed in: {actor.label} ({role_name(actor.role)})",
            f"サインイン中：{actor.label}（{role_name(actor.role)}）",
        )
    )
    st.button(tr("Sign out", "サインアウト"), on_click=st.logout)


def _dataset_selectors(store: Store) -> None:
    names = store.dataset_names()
    if not names:
        st.text(
            tr(
                "No dataset yet: import one on the Workbench page.",
                "データセットがまだありません。ワークベンチのページで取り込んでください。",
            )
        )
        return
    if st.session_state.get(DATASET_KEY) not in names:
        st.session_state[DATASET_KEY] = names[0]
    st.selectbox(tr("Dataset", "データセット"), names, key=DATASET_KEY)
    splits = [ALL_SPLITS, *SPLITS]
    if st.session_state.get(SPLIT_KEY) not in splits:
        st.session_state[SPLIT_KEY] = ALL_SPLITS
    split_names = {ALL_SPLITS: tr("all", "すべて"), "dev": tr("dev", "開発"), "test": tr("test", "テスト")}
    st.segmented_control(tr("Split", "分割"), splits, key=SPLIT_KEY, required=True, format_func=split_names.get)


def _database_info(store: Store) -> None:
    info = store.summary()
    st.caption(
        tr("Database", "データベース")
        + " "
        + plain.escape(info["path"])
        + "  \n"
        + tr(
            f"{info['reports']} reports in {info['datasets']} datasets, {info['runs']} runs",
            f"レポート {info['reports']} 件（データセット {info['datasets']} 個）、実行 {info['runs']} 件",
        )
    )


def _hosts_panel() -> None:
    panel = panel_hosts()
    monitor = get_host_monitor()
    for backend, hosts in panel.items():
        monitor.statuses(hosts, backend)  # starts the checks before the fragment draws
    pending = any(monitor.pending(hosts, backend) for backend, hosts in panel.items())
    every = _FAST_REFRESH_S if pending else _SLOW_REFRESH_S
    st.fragment(run_every=every)(_draw_panel)(panel)


def _draw_panel(panel: dict[str, list[str]]) -> None:
    for backend, hosts in panel.items():
        _draw_hosts(hosts, backend)


def _draw_hosts(hosts: list[str], backend: str = "ollama") -> None:
    statuses = get_host_monitor().statuses(hosts, backend)
    st.caption(
        tr("Ollama hosts", "Ollama ホスト")
        if backend == "ollama"
        else tr("OpenAI-compatible servers", "OpenAI 互換サーバー")
    )
    for host, status in statuses.items():
        if status is None:
            st.caption(":material/hourglass_empty: " + plain.escape(host) + " " + tr("checking…", "確認中…"))
        elif status.reachable:
            models = ", ".join(m.name for m in status.models) or tr("no models pulled", "モデルなし")
            st.caption(
                ":material/check_circle: "
                + plain.escape(host)
                + " "
                + tr(f"{len(status.models)} models: ", f"モデル {len(status.models)} 個：")
                + plain.escape(models)
            )
        else:
            # The host's error is English (from the client library); Japanese readers get its gist.
            st.caption(
                ":material/error: "
                + plain.escape(host)
                + " "
                + tr(
                    "unreachable: " + plain.escape(status.error),
                    f"接続できません。{'Ollama' if backend == 'ollama' else 'サーバー'} が起動しているか、ホストの設定を確認してください。",
                )
            )
