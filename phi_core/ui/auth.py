"""Who is using the app: a signed-in user with a stored role, or the local single user.

Sign-in is on when ``.streamlit/secrets.toml`` has an ``[auth]`` section
(Streamlit's OIDC login, see docs/team.md). Without it the app is in
single-user mode on this machine: the actor is a local lead named by the
sidebar's name field, and every action is allowed, as before roles existed.

A signed-in user's role is what a lead set on the Team page; users listed as
leads in ``[phi_bench] leads`` (or the PHI_LEADS environment variable,
comma-separated) are leads until a lead sets otherwise; everyone else starts
as a viewer.
"""

from __future__ import annotations

import os
from typing import Any

import streamlit as st

from phi_core.roles import Actor, bootstrap_role, local_actor


def auth_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def configured_leads() -> frozenset[str]:
    leads = [x for x in os.environ.get("PHI_LEADS", "").split(",")]
    try:
        leads += list(st.secrets.get("phi_bench", {}).get("leads", []))
    except Exception:
        pass
    return frozenset(x.strip().lower() for x in leads if x.strip())


def signed_in_user() -> dict[str, Any] | None:
    try:
        user: Any = st.user
        if user.get("is_logged_in"):
            return {
                "email": str(user.get("email") or user.get("sub") or "").strip().lower(),
                "name": str(user.get("name") or user.get("email") or "").strip(),
            }
    except Exception:
        return None
    return None


def current_actor(store, typed_name: str = "") -> Actor:
    """The actor every action is checked against."""
    if not auth_configured():
        return local_actor(typed_name)
    user = signed_in_user()
    if user is None or not user["email"]:
        return Actor(user_id="", name="", role="viewer", signed_in=False)
    role = bootstrap_role(user["email"], store.role_of(user["email"]), configured_leads())
    return Actor(user_id=user["email"], name=user["name"], role=role, signed_in=True)


def page_actor() -> Actor:
    """The actor of this browser session (pages call this; the check itself happens in phi_core)."""
    from phi_core.ui.state import ANNOTATOR_KEY, get_store

    return current_actor(get_store(), str(st.session_state.get(ANNOTATOR_KEY) or ""))
