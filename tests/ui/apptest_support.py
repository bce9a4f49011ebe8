"""Setting up AppTest runs of app.py against a temporary database."""

from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager

from phi_core.ui.state import get_host_monitor, get_store

APP = str(Path(__file__).resolve().parents[2] / "app.py")
# Nothing listens on port 9: the host monitor learns at once that the host is down.
DEAD_OLLAMA = "http://127.0.0.1:9"


def use_app_database(path: Path, monkeypatch) -> None:
    """Point the app at ``path`` with a dead Ollama host and fresh cached resources."""
    monkeypatch.setenv("PHI_DB", str(path))
    monkeypatch.setenv("OLLAMA_HOST", DEAD_OLLAMA)
    get_store.clear()
    get_host_monitor.clear()
    # AppTest forgets before every run that app.py calls st.navigation and, seeing
    # the pages/ folder, would run the page alone (old multipage mode) from the
    # second run on. The app itself always navigates with st.navigation.
    original_init = PagesManager.__init__

    def init_without_pages_folder(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init_without_pages_folder)
