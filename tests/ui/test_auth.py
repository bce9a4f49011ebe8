"""Who the app acts for: the local single user without sign-in, else the signed-in user with their stored role."""

from phi_core.store import Store
from phi_core.ui import auth


def test_without_sign_in_the_local_user_may_do_everything(tmp_path, monkeypatch):
    monkeypatch.setattr(auth, "auth_configured", lambda: False)
    with Store(tmp_path / "a.duckdb") as store:
        actor = auth.current_actor(store, "佐藤")
    assert (actor.role, actor.signed_in, actor.label, actor.layer_name) == ("lead", False, "佐藤", "佐藤")


def test_signed_in_users_get_their_stored_role_and_configured_leads_start_as_leads(tmp_path, monkeypatch):
    monkeypatch.setattr(auth, "auth_configured", lambda: True)
    monkeypatch.setenv("PHI_LEADS", "Boss@H.example")
    with Store(tmp_path / "a.duckdb") as store:
        store.set_role("ann@h.example", "annotator", updated_by="boss")
        monkeypatch.setattr(auth, "signed_in_user", lambda: {"email": "ann@h.example", "name": "Ann"})
        ann = auth.current_actor(store, "typed names are ignored")
        monkeypatch.setattr(auth, "signed_in_user", lambda: {"email": "boss@h.example", "name": "Boss"})
        boss = auth.current_actor(store)
        monkeypatch.setattr(auth, "signed_in_user", lambda: {"email": "new@h.example", "name": "New"})
        new = auth.current_actor(store)
        monkeypatch.setattr(auth, "signed_in_user", lambda: None)
        nobody = auth.current_actor(store)
    assert (ann.role, ann.label, ann.layer_name, ann.signed_in) == ("annotator", "Ann", "ann@h.example", True)
    assert boss.role == "lead" and new.role == "viewer"
    assert nobody.role == "viewer" and not nobody.signed_in
