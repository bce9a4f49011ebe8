import pytest

from phi_core.roles import ACTIONS, Actor, NotAllowed, bootstrap_role, can, local_actor, require, require_layer
from phi_core.store.members import ROLES


def actor(role):
    return Actor(f"{role}@h.example", role.title(), role, signed_in=True)


def test_each_role_may_do_what_the_roles_below_it_may():
    for action, lowest in ACTIONS.items():
        allowed = [r for r in ROLES if can(actor(r), action)]
        assert allowed == list(ROLES[ROLES.index(lowest) :]), action


def test_single_user_mode_may_do_everything():
    assert all(can(local_actor("me"), action) for action in ACTIONS)
    assert can("plain name from an older caller", "manage_roles")


def test_refusal_says_what_is_needed_and_what_to_do():
    with pytest.raises(NotAllowed, match="needs the lead role.*Team page"):
        require(actor("annotator"), "run")
    with pytest.raises(KeyError):
        can(actor("lead"), "launch_rockets")


def test_layers_belong_to_their_annotator():
    ann = actor("annotator")
    assert require_layer(ann, ann.layer_name) is ann
    with pytest.raises(NotAllowed, match="own layer"):
        require_layer(ann, "someone-else@h.example")
    with pytest.raises(NotAllowed):
        require_layer(ann, "")  # the gold
    assert require_layer(actor("adjudicator"), "someone-else@h.example")


def test_bootstrap_role():
    leads = frozenset({"boss@h.example"})
    assert bootstrap_role("boss@h.example", None, leads) == "lead"
    assert bootstrap_role("boss@h.example", "annotator", leads) == "annotator"  # a lead's setting wins
    assert bootstrap_role("new@h.example", None, leads) == "viewer"


def test_a_refusal_says_what_to_do_in_both_languages():
    with pytest.raises(NotAllowed) as refused:
        require(actor("viewer"), "run")
    assert "lead" in str(refused.value) and "Team page" in str(refused.value)
    assert "リーダー" in refused.value.ja and "閲覧者" in refused.value.ja and "チームのページ" in refused.value.ja
