"""Single-user mode does not start where other machines can reach it (phi_core/ui/bind_check.py, serve.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from phi_core.ui.bind_check import bind_refusal, is_loopback
from tests.e2e import helpers


@pytest.mark.parametrize("address", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost", "LOCALHOST"])
def test_loopback_addresses_start_in_single_user_mode(address):
    assert is_loopback(address) and bind_refusal(address, signed_in=False) is None


@pytest.mark.parametrize("address", ["0.0.0.0", "::", "", None, "10.0.0.5", "192.168.1.20", "phi.ward.example"])
def test_other_addresses_need_sign_in(address):
    line = bind_refusal(address, signed_in=False)
    assert line is not None
    english, japanese = line.splitlines()
    assert "127.0.0.1" in english and "[auth]" in english and ".streamlit/secrets.toml" in english
    assert "サインイン" in japanese
    assert bind_refusal(address, signed_in=True) is None


@pytest.mark.timeout(90)
def test_the_app_refuses_to_start_on_every_interface_without_sign_in(tmp_path):
    """The issue's probe: started on 0.0.0.0 in single-user mode, anyone sending `Host: localhost` was the lead."""
    port = helpers.free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(helpers.SERVE_FILE), "--server.address", "0.0.0.0"]
    command += ["--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    command += ["--server.fileWatcherType", "none"]
    # cwd without .streamlit/secrets.toml: no sign-in configured.
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "refuses to serve single-user mode on 0.0.0.0" in done.stderr
    assert "configure sign-in ([auth] in .streamlit/secrets.toml" in done.stderr
