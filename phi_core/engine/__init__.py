"""Gluing phases, backends and the store together for LLM runs."""
