"""Room and bed numbers."""
