"""A database whose header block is damaged is named as damaged, never as held by another process."""

import pytest

from phi_core.store import Store, StoreError


def test_damaged_header_block_says_damaged(tmp_path):
    path = tmp_path / "d.duckdb"
    with Store(path) as store:
        store.add_reports("d", [])
    with open(path, "r+b") as db:
        db.seek(4096 + 100)  # inside the first database header (DuckDB checksums each header block)
        db.write(b"\xff" * 64)
    with pytest.raises(StoreError) as error:
        Store(path)
    message = str(error.value)
    assert "damaged" in message and "in use" not in message
