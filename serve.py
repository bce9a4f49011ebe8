"""What `make run` starts: app.py behind a Host check and an Origin check.

`streamlit run serve.py` finds the `app` below (Streamlit's st.App) and serves
app.py through it. The middleware refuses any HTTP request or websocket whose
Host header is not one of the app's own names (phi_core/ui/allowed_hosts.py),
and any websocket opened by a web page of another origin, decided without a
network lookup (phi_core/ui/origin_guard.py). Single-user mode refuses to
serve beyond this machine (phi_core/ui/bind_check.py).
"""

import streamlit as st
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from streamlit import config

from phi_core.ui.allowed_hosts import allowed_hosts
from phi_core.ui.bind_check import refuse_open_single_user
from phi_core.ui.origin_guard import OriginGuard

ADDRESS = config.get_option("server.address")
refuse_open_single_user(ADDRESS)
HOSTS = allowed_hosts(ADDRESS)

app = st.App(
    "app.py",
    middleware=[
        Middleware(TrustedHostMiddleware, www_redirect=False, allowed_hosts=HOSTS),
        Middleware(OriginGuard, hosts=HOSTS, port=config.get_option("server.port")),
    ],
)
