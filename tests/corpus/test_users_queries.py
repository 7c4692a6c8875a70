"""store.users on a real database: Argon2 accounts, roles, disabling, password resets that end
sessions, API tokens kept as digests, and the documents each visibility hides."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.errors import ConfigError, NotFound
from corpus.model import Document
from corpus.store import Store
from corpus.users import SEES


def _doc(doc_id: str, name: str) -> Document:
    doc = Document(doc_id, name, "text", kind="report", title=name, language="ru", status="ok")
    doc.add_block("paragraph", "текст", language="ru")
    return doc


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "data")
    for doc_id, name in (("a" * 64, "open.txt"), ("b" * 64, "inner.txt"), ("c" * 64, "draft.txt")):
        store.save_document(_doc(doc_id, name))
    return store


def test_a_password_is_kept_as_an_argon2_hash_and_verified(store: Store) -> None:
    store.users.add("anna", "secretariat", "correct horse", ui="uk")
    row = store.db.one("SELECT password FROM users WHERE name='anna'")
    assert row is not None and row[0].startswith("$argon2id$")
    assert "correct horse" not in row[0]
    account = store.users.verify("anna", "correct horse")
    assert account is not None
    assert (account["name"], account["role"], account["ui"]) == ("anna", "secretariat", "uk")
    assert store.users.verify("anna", "wrong horse") is None
    assert store.users.verify("nobody", "correct horse") is None


def test_bad_accounts_are_refused_with_a_reason(store: Store) -> None:
    store.users.add("anna", "delegate", "password1")
    with pytest.raises(ConfigError, match="already an account 'anna'"):
        store.users.add("anna", "delegate", "password1")
    with pytest.raises(ConfigError, match="role must be one of delegate, editor, secretariat"):
        store.users.add("boris", "admin", "password1")
    with pytest.raises(ConfigError, match="at least 8 characters"):
        store.users.add("boris", "delegate", "short")
    with pytest.raises(ConfigError, match="account name"):
        store.users.add("../boris", "delegate", "password1")
    with pytest.raises(NotFound, match="no account 'boris'"):
        store.users.set_role("boris", "editor")


def test_disabling_and_resetting_change_what_signs_in(store: Store) -> None:
    store.users.add("anna", "delegate", "password1")
    assert store.users.exist()
    before = store.users.get("anna")
    assert before is not None
    store.users.reset_password("anna", "password2")
    after = store.users.get("anna")
    assert after is not None and after["stamp"] != before["stamp"]
    assert store.users.verify("anna", "password1") is None
    assert store.users.verify("anna", "password2") is not None
    store.users.set_role("anna", "editor")
    assert store.users.list()[0]["role"] == "editor"
    store.users.disable("anna")
    assert store.users.verify("anna", "password2") is None
    assert not store.users.exist()
    store.users.enable("anna")
    assert store.users.verify("anna", "password2") is not None


def test_api_tokens_are_kept_as_digests_and_end_with_the_account(store: Store) -> None:
    store.users.add("anna", "editor", "password1")
    token = store.users.new_token("anna")
    assert token.startswith("sk_") and len(token) > 40
    row = store.db.one("SELECT digest FROM api_tokens")
    assert row is not None and token not in row[0]
    found = store.users.by_token(token)
    assert found is not None and found["name"] == "anna"
    assert store.users.by_token(token + "x") is None
    store.users.disable("anna")
    assert store.users.by_token(token) is None


def test_each_role_sees_its_visibilities(store: Store) -> None:
    store.versions.edit("b" * 64, {"visibility": "internal"}, "edit")
    store.versions.edit("c" * 64, {"visibility": "draft"}, "edit")
    assert store.users.hidden_documents(SEES["delegate"]) == {"b" * 64, "c" * 64}
    assert store.users.hidden_documents(SEES[None]) == {"b" * 64, "c" * 64}
    assert store.users.hidden_documents(SEES["editor"]) == frozenset()
    assert store.users.hidden_documents(SEES["secretariat"]) == frozenset()
    listing = store.browse.seeing(SEES["delegate"])
    assert [d["source_name"] for d in listing.documents()] == ["open.txt"]
    assert listing.count() == 1 and store.browse.count() == 3
    assert store.audit.entries("b" * 64)[-1]["new"] == {"visibility": "internal"}
    with pytest.raises(ConfigError, match="visibility must be one of published, internal"):
        store.versions.edit("a" * 64, {"visibility": "secret"}, "edit")
