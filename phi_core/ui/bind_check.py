"""Single-user mode serves this machine only.

Without sign-in every visitor is the local lead, and the Host check cannot
tell a neighbour who sends ``Host: localhost`` from the user at the keyboard.
So the app refuses to start on an address other machines can reach unless
sign-in is configured (an ``[auth]`` section in ``.streamlit/secrets.toml``).
"""

from __future__ import annotations

import ipaddress
import sys

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_loopback(address: str | None) -> bool:
    """Whether binding to ``address`` serves this machine only (no address means every interface)."""
    address = (address or "").strip().lower().strip("[]")
    if address in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:  # a host name other than localhost, or nothing: reachable from outside
        return False


def bind_refusal(address: str | None, signed_in: bool) -> str | None:
    """The line that explains the refusal, or None when the app may start."""
    if signed_in or is_loopback(address):
        return None
    shown = address or "every interface"
    return (
        f"phi-bench refuses to serve single-user mode on {shown}: anyone on the network would act as the lead. "
        "Start it on 127.0.0.1 (make run), or configure sign-in ([auth] in .streamlit/secrets.toml, "
        "see docs/team.md).\n"
        f"phi-bench はシングルユーザーモードを {shown} で公開しません（ネットワーク上の誰もがリーダーとして操作できてしまいます）。"
        "127.0.0.1 で起動する（make run）か、サインインを設定してください（.streamlit/secrets.toml の [auth]、docs/team.md 参照）。"
    )


def refuse_open_single_user(address: str | None) -> None:
    """Exit with the reason (status 2) when single-user mode would be reachable from other machines."""
    from phi_core.ui.auth import auth_configured

    line = bind_refusal(address, auth_configured())
    if line:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
        raise SystemExit(2)
