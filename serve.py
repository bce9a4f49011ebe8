"""What `make run` starts: app.py behind a Host check (see phi_core/ui/allowed_hosts.py).

`streamlit run serve.py` finds the `app` below (Streamlit's st.App) and serves
app.py through it; the middleware refuses any HTTP request or websocket whose
Host header is not one of the app's own names.
"""

import streamlit as st
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from streamlit import config

from phi_core.ui.allowed_hosts import allowed_hosts

app = st.App(
    "app.py",
    middleware=[
        Middleware(
            TrustedHostMiddleware, www_redirect=False, allowed_hosts=allowed_hosts(config.get_option("server.address"))
        )
    ],
)
