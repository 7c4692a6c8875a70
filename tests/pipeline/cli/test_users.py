"""`sekretar users` and `sekretar edit --visibility` through the commands, on a real archive:
passwords from a file or the environment (never the command line), roles, disabling, tokens."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.store import Store
from pipeline.cli import main

PASSWORD = "a long password"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str, code: int = 0) -> str:
    capsys.readouterr()
    assert main([*args, "--data", str(data)]) == code
    captured = capsys.readouterr()
    return captured.out + captured.err


def test_accounts_are_managed_from_the_command_line(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "anna.txt"
    secret.write_text(PASSWORD + "\n", "utf-8")
    assert "added anna (secretariat)" in run(
        capsys, data, "users", "add", "anna", "--role", "secretariat", "--password-file",
        str(secret), "--ui", "uk")
    monkeypatch.setenv("SEKRETAR_PASSWORD", "another long one")
    assert "added boris (delegate)" in run(capsys, data, "users", "add", "boris")
    with Store(data) as store:
        assert store.users.verify("anna", PASSWORD) is not None
        assert store.users.verify("boris", "another long one") is not None
    monkeypatch.setenv("SEKRETAR_PASSWORD", "short")
    assert "a password needs at least 8 characters" in run(
        capsys, data, "users", "add", "vera", code=2)
    assert "boris is now editor" in run(capsys, data, "users", "set-role", "boris", "editor")
    assert "role must be one of" in run(capsys, data, "users", "set-role", "boris", "boss",
                                        code=2)
    token = run(capsys, data, "users", "token", "boris").strip()
    with Store(data) as store:
        found = store.users.by_token(token)
        assert found is not None and found["name"] == "boris"
    assert "boris disabled" in run(capsys, data, "users", "disable", "boris")
    listed = json.loads(run(capsys, data, "users", "list", "--json"))
    assert [(a["name"], a["role"], a["ui"], bool(a["disabled"])) for a in listed] == [
        ("anna", "secretariat", "uk", False), ("boris", "editor", None, True)]
    monkeypatch.setenv("SEKRETAR_PASSWORD", "brand new password")
    assert "new password set for anna" in run(capsys, data, "users", "reset-password", "anna")
    with Store(data) as store:
        assert store.users.verify("anna", PASSWORD) is None
        assert store.users.verify("boris", "another long one") is None  # disabled


def test_a_password_file_that_cannot_be_read_is_named(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.txt"
    out = run(capsys, data, "users", "add", "vera", "--password-file", str(missing), code=1)
    assert f"{missing}: cannot read the password file" in out


def test_serve_says_who_may_read(data: Path) -> None:
    from pipeline.cli.serving import access_note

    Store(data).close()
    assert access_note(data, public=False).startswith(
        "no accounts yet: anyone who reaches this address reads the published documents")
    with Store(data) as store:
        store.users.add("anna", "secretariat", PASSWORD)
    assert access_note(data, public=False) == (
        "every reader signs in (accounts: sekretar users list)")
    assert access_note(data, public=True) == (
        "readers sign in; without signing in, the published documents can be read")
