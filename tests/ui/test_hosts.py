import threading
import time

from phi_core.backends.base import HostStatus
from phi_core.ui.hosts import HostMonitor, configured_hosts, normalise_ollama_env


def test_hosts_come_from_the_environment_variable_comma_separated():
    assert configured_hosts("") == ["http://127.0.0.1:11434"]
    assert configured_hosts("gpu1:11434, http://gpu2:11434,gpu1:11434") == ["http://gpu1:11434", "http://gpu2:11434"]


def test_a_slow_host_does_not_block_and_the_answer_is_cached():
    release = threading.Event()
    calls = []

    def slow_check(host):
        calls.append(host)
        release.wait(5)
        return HostStatus(host, True)

    now = [0.0]
    monitor = HostMonitor(slow_check, max_age_s=30, clock=lambda: now[0])
    started = time.monotonic()
    assert monitor.statuses(["h"]) == {"h": None}  # "checking…", returned at once
    assert time.monotonic() - started < 1
    assert monitor.statuses(["h"]) == {"h": None} and calls == ["h"]  # no second check while one runs
    release.set()
    for _ in range(100):
        if not monitor.pending(["h"]):
            break
        time.sleep(0.01)
    assert monitor.statuses(["h"])["h"].reachable
    now[0] = 10
    monitor.statuses(["h"])
    assert calls == ["h"]  # still fresh
    now[0] = 31
    monitor.statuses(["h"])
    for _ in range(100):
        if len(calls) == 2:
            break
        time.sleep(0.01)
    assert calls == ["h", "h"]  # stale: checked again


def test_a_check_that_raises_becomes_an_unreachable_status():
    def broken(host):
        raise RuntimeError("boom")

    monitor = HostMonitor(broken)
    monitor.statuses(["h"])
    for _ in range(100):
        if not monitor.pending(["h"]):
            break
        time.sleep(0.01)
    status = monitor.statuses(["h"])["h"]
    assert status.reachable is False and "boom" in status.error


def test_a_host_list_moves_out_of_ollama_host_so_importing_ollama_works():
    env = {"OLLAMA_HOST": "gpu1:11434,gpu2:11434"}
    normalise_ollama_env(env)
    assert env["OLLAMA_HOST"] == "http://gpu1:11434"
    assert configured_hosts(env["PHI_OLLAMA_HOSTS"]) == ["http://gpu1:11434", "http://gpu2:11434"]
    single = {"OLLAMA_HOST": "gpu1:11434"}
    normalise_ollama_env(single)
    assert single == {"OLLAMA_HOST": "gpu1:11434"}


def _settled(monitor, hosts, backend):
    monitor.statuses(hosts, backend)  # starts the checks
    for _ in range(500):
        if not monitor.pending(hosts, backend):
            break
        time.sleep(0.01)
    return monitor.statuses(hosts, backend)


def test_each_backend_checks_its_own_hosts():
    seen = []

    def ollama_check(host):
        seen.append(("ollama", host))
        return HostStatus(host, True)

    def openai_check(host):
        seen.append(("openai", host))
        return HostStatus(host, False, error="no server")

    monitor = HostMonitor(checks={"ollama": ollama_check, "openai": openai_check})
    assert _settled(monitor, ["h"], "ollama")["h"].reachable
    assert _settled(monitor, ["h"], "openai")["h"].error == "no server"  # same URL, separate entry
    assert sorted(seen) == [("ollama", "h"), ("openai", "h")]
    assert "no host check" in _settled(monitor, ["h"], "other")["h"].error


def test_openai_servers_join_the_panel_only_once_configured():
    from phi_core.ui.hosts import panel_hosts

    assert list(panel_hosts({})) == ["ollama"]
    panel = panel_hosts({"PHI_OPENAI_BASE_URL": "gpu1:8000,http://gpu2:8000/v1"})
    assert panel["openai"] == ["http://gpu1:8000/v1", "http://gpu2:8000/v1"]
