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
