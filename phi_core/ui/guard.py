"""A page's check of the user's role before it acts, with the refusal shown as a flash message.

The rule itself lives in phi_core.roles (and the library checks again on the
server side); this is only how a page turns a refusal into a message.
"""

from __future__ import annotations

from typing import Any, MutableMapping

from phi_core.roles import NotAllowed, require
from phi_core.ui.auth import page_actor
from phi_core.ui.flash import flash


def refused(state: MutableMapping[str, Any], action: str, *, key: str) -> bool:
    """True (and a flash saying why, in both languages) when the signed-in user may not do ``action``."""
    try:
        require(page_actor(), action)
    except NotAllowed as refusal:
        flash(state, "error", str(refusal), refusal.ja, key=key)
        return True
    return False
