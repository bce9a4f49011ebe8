"""Helpers the Streamlit pages share; no page logic lives here, only wiring.

Importing this package first makes a comma-separated OLLAMA_HOST safe for
the ollama package (see hosts.normalise_ollama_env), whichever page runs first.
"""

from phi_core.ui.hosts import normalise_ollama_env

normalise_ollama_env()
