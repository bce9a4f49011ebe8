"""Who may do what: roles, the action registry and the server-side check.

Every action that changes something calls :func:`require` at its entry point
in phi_core (not only the page hiding a button), so a request that reaches the
server from a role without the right is refused there.

Without sign-in (no ``[auth]`` in ``.streamlit/secrets.toml``) the app runs in
single-user mode on this machine: the actor is a local lead and every action is
allowed, as before roles existed.
"""

from __future__ import annotations

from dataclasses import dataclass

from phi_core.store.members import ROLES

# Roles are ordered: each one may do everything the roles before it may do.
RANK = {role: index for index, role in enumerate(ROLES)}

# Action registry: action -> the lowest role allowed to perform it.
ACTIONS: dict[str, str] = {
    "view": "viewer",
    "annotate": "annotator",  # edit one's own layer
    "edit_gold": "adjudicator",  # edit the gold layer directly
    "adjudicate": "adjudicator",
    "export_audit": "adjudicator",
    "assign": "lead",
    "set_blind": "lead",
    "manage_roles": "lead",
    "run": "lead",
    "edit_phase": "lead",
    "import": "lead",
    "delete_dataset": "lead",
    "manage_pipelines": "lead",  # define, replace or delete a pipeline
    "score": "lead",  # score a pipeline (a new run) from stored runs
    "keep_documents": "lead",  # store de-identified job's originals as a new dataset
    "export_phi": "adjudicator",  # gold or predictions out of the store: files full of PHI
    "sample": "lead",  # draw a sample of an archive into a new dataset (phi_core.release)
    "release_report": "lead",  # write the release report for the committee
}

LOCAL_USER = "local"


class NotAllowed(PermissionError):
    """The signed-in user's role does not allow this action.

    It carries the message in Japanese too (``ja``): the people refused are
    Japanese radiologists, and the library has no idea which language the page speaks.
    """

    def __init__(self, message: str, ja: str = ""):
        super().__init__(message)
        self.ja = ja or message


# (English, Japanese) name of each role, for messages and the interface.
ROLE_NAMES = {
    "viewer": ("viewer", "閲覧者"),
    "annotator": ("annotator", "アノテーター"),
    "adjudicator": ("adjudicator", "裁定者"),
    "lead": ("lead", "リーダー"),
}


@dataclass(frozen=True)
class Actor:
    user_id: str
    name: str
    role: str
    signed_in: bool = False

    @property
    def label(self) -> str:
        """What the audit records as the author (empty in single-user mode until a name is typed)."""
        return (self.name or self.user_id) if self.signed_in else self.name

    @property
    def layer_name(self) -> str:
        """The annotator layer this actor writes: the sign-in id (unique), else the typed name."""
        return self.user_id if self.signed_in else self.name


def local_actor(name: str = "") -> Actor:
    """The single-user-mode actor: may do everything, recorded under the typed name."""
    return Actor(user_id=LOCAL_USER, name=name.strip(), role="lead", signed_in=False)


def as_actor(actor: Actor | str) -> Actor:
    """Older callers pass a plain name: that is single-user mode."""
    return actor if isinstance(actor, Actor) else local_actor(actor)


def can(actor: Actor | str, action: str) -> bool:
    actor = as_actor(actor)
    if action not in ACTIONS:
        raise KeyError(f"unknown action {action!r}; register it in phi_core.roles.ACTIONS")
    return RANK.get(actor.role, -1) >= RANK[ACTIONS[action]]


def require(actor: Actor | str, action: str) -> Actor:
    """The actor, when allowed; else NotAllowed with what to do."""
    actor = as_actor(actor)
    if not can(actor, action):
        needed = ACTIONS[action]
        who = actor.label or actor.user_id
        role_ja, needed_ja = ROLE_NAMES.get(actor.role, ("", actor.role))[1], ROLE_NAMES[needed][1]
        raise NotAllowed(
            f"{who} is signed in as {actor.role}; '{action}' needs the {needed} role "
            "or higher. Ask a lead to change your role on the Team page.",
            f"{who} さんは「{role_ja}」としてサインインしています。この操作（{action}）には「{needed_ja}」"
            "以上の役割が必要です。チームのページでリーダーに役割の変更を依頼してください。",
        )
    return actor


def require_layer(actor: Actor | str, layer: str | None) -> Actor:
    """Editing a layer: the gold needs edit_gold; an annotator may edit only their own layer."""
    actor = as_actor(actor)
    if not layer:
        return require(actor, "edit_gold")
    require(actor, "annotate")
    if actor.signed_in and layer != actor.layer_name and not can(actor, "edit_gold"):
        raise NotAllowed(
            f"the layer of {layer} belongs to them; you ({actor.label}) may edit only your own layer",
            f"{layer} さんのレイヤーはその人のものです。あなた（{actor.label}）が編集できるのは自分のレイヤーだけです。",
        )
    return actor


def bootstrap_role(user_id: str, stored: str | None, leads: frozenset[str]) -> str:
    """A signed-in user's role: stored by a lead, else lead when listed in the configured leads, else viewer."""
    if stored in RANK:
        return stored
    return "lead" if user_id.strip().lower() in leads else "viewer"


def may_edit_layer(actor: Actor | str, layer: str | None) -> bool:
    """require_layer as a yes/no, for pages that grey out what would be refused anyway."""
    try:
        require_layer(actor, layer)
    except NotAllowed:
        return False
    return True
