"""The team: who has which role, and small settings shared by the team (stored as JSON)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from phi_core.store.base import StoreBase, _json, _loads
from phi_core.store.database import StoreError

ROLES: tuple[str, ...] = ("viewer", "annotator", "adjudicator", "lead")


class MemberTables(StoreBase):
    def set_role(self, user_id: str, role: str, *, name: str = "", updated_by: str) -> None:
        user_id = user_id.strip().lower()
        if not user_id:
            raise StoreError("give the user's sign-in e-mail (or user id) to set a role")
        if role not in ROLES:
            raise StoreError(f"unknown role {role!r}: use one of {', '.join(ROLES)}")
        with self.transaction():
            self.con.execute("DELETE FROM team_members WHERE user_id = ?", [user_id])
            self.con.execute(
                "INSERT INTO team_members (user_id, name, role, updated_by) VALUES (?, ?, ?, ?)",
                [user_id, name, role, updated_by],
            )

    def role_of(self, user_id: str) -> str | None:
        rows = self._rows("SELECT role FROM team_members WHERE user_id = ?", [user_id.strip().lower()])
        return rows[0][0] if rows else None

    def members(self) -> pd.DataFrame:
        return self._df("SELECT user_id, name, role, updated_by, updated_at FROM team_members ORDER BY user_id")

    def setting(self, scope: str, key: str, default: Any = None) -> Any:
        rows = self._rows("SELECT value FROM team_settings WHERE scope = ? AND key = ?", [scope, key])
        return _loads(rows[0][0], default) if rows else default

    def set_setting(self, scope: str, key: str, value: Any) -> None:
        with self.transaction():
            self.con.execute("DELETE FROM team_settings WHERE scope = ? AND key = ?", [scope, key])
            self.con.execute(
                "INSERT INTO team_settings (scope, key, value) VALUES (?, ?, ?)", [scope, key, _json(value)]
            )
