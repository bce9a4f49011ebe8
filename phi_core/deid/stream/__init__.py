"""De-identifying an archive: streamed in, rewritten in worker processes (or on Ray), written as it goes, resumable."""
