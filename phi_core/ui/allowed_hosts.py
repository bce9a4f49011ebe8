"""Which names the app answers to: the defence against DNS rebinding.

A web page an annotator visits could point its own name at 127.0.0.1 and
then drive the app from the browser (the browser sends that name as `Host`).
Requests are answered only when `Host` is the address the server is bound
to, `localhost`, or a name listed in the environment variable
PHI_ALLOWED_HOSTS (comma-separated; `*.example.org` allows a whole domain).
"""

from __future__ import annotations

import os

ENV_VAR = "PHI_ALLOWED_HOSTS"
ALWAYS = ("localhost", "127.0.0.1")


def allowed_hosts(bound_address: str | None, configured: str | None = None) -> list[str]:
    """The host names (no ports) a request may name; never a bare '*'."""
    configured = os.environ.get(ENV_VAR, "") if configured is None else configured
    hosts = list(ALWAYS)
    bound = (bound_address or "").strip().lower().strip("[]")
    # A wildcard bind address means "every interface", not "every name".
    if bound and bound not in ("*", "0.0.0.0", "::") and bound not in hosts:
        hosts.append(bound)
    for name in configured.split(","):
        name = name.strip().lower()
        if not name or name in hosts:
            continue
        if "*" in name[1:] or (name.startswith("*") and not name.startswith("*.")):
            raise ValueError(
                f"{ENV_VAR}: {name!r} is not a host name; write names like "
                "phi.example.org or *.example.org, separated by commas"
            )
        hosts.append(name)
    return hosts
