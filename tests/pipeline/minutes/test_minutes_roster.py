"""A delegate roster links speeches to people, by name variant and mandate dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.errors import ConfigError
from corpus.model import AgendaItem, Session, Speech
from pipeline.minutes.roster import Roster

ROSTER = (
    "names\tcity\trole\tfrom\tto\tkey\n"
    "Петрова Анна Сергеевна|Anna Petrova|Петрова Ганна\tМинск\tзаместитель мэра\t2024-01-01\t"
    "2025-12-31\tdelegate:petrova\n"
    "Иванов Игорь Петрович|Igor Ivanov\tСанкт-Петербург\tвице-губернатор\t2020-01-01\t2024-06-30\t\n"
    "Иванов Илья Павлович\tКазань\tдепутат\t2024-07-01\t\t\n"
    "Oleg Ivanov\tМосква\tсоветник\t2022-01-01\t\t\n"
)


@pytest.fixture
def roster(tmp_path: Path) -> Roster:
    path = tmp_path / "delegates.tsv"
    path.write_text(ROSTER, "utf-8")
    return Roster.load(path)


def session_with(date: str, *keys: str) -> Session:
    speeches = [Speech(speaker=k, person_key=k) for k in keys]
    return Session(date=date, agenda=[AgendaItem("1", "О бюджете", speeches=speeches)])


def test_speeches_link_to_the_delegate_sitting_at_the_date(roster: Roster) -> None:
    before = session_with("2024-03-01", "petrova a", "ivanov i")
    assert roster.link(before, "ru") == 2
    petrova, ivanov = before.agenda[0].speeches
    assert (petrova.person_key, petrova.role, petrova.city) == (
        "delegate:petrova", "заместитель мэра", "city:minsk")
    assert (ivanov.person_key, ivanov.city) == ("ivanov i", "city:saint-petersburg")
    after = session_with("2025-03-01", "ivanov i")
    roster.link(after, "ru")
    assert after.agenda[0].speeches[0].city == "city:kazan"


def test_an_unknown_or_ambiguous_name_stays_unlinked(roster: Roster) -> None:
    session = session_with("2025-03-01", "sidorov p", "ivanov")
    assert roster.link(session, "ru") == 0
    unknown, surname_only = session.agenda[0].speeches
    assert (unknown.person_key, unknown.city) == ("sidorov p", None)
    assert surname_only.person_key == "ivanov"
    assert roster.find("ivanov", "2024-03-01") is None


def test_a_surname_alone_links_when_one_delegate_has_it(roster: Roster) -> None:
    session = session_with("2021-03-01", "ivanov")
    assert roster.link(session, "ru") == 1
    assert session.agenda[0].speeches[0].role == "вице-губернатор"


def test_a_role_read_from_the_minutes_is_kept(roster: Roster) -> None:
    session = session_with("2025-03-01", "petrova a")
    session.agenda[0].speeches[0].role = "председатель комиссии"
    roster.link(session, "ru")
    assert session.agenda[0].speeches[0].role == "председатель комиссии"


def test_a_roster_without_names_is_a_configuration_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("name,city\nИванов,Москва\n", "utf-8")
    with pytest.raises(ConfigError, match="'names' column"):
        Roster.load(path)
    with pytest.raises(ConfigError, match="cannot read roster"):
        Roster.load(tmp_path / "missing.csv")


def test_a_csv_roster(tmp_path: Path) -> None:
    path = tmp_path / "delegates.csv"
    path.write_text("names,city,role,from,to\nKoval O.P.;Коваленко О.П.,Київ,,,\n", "utf-8")
    delegate = Roster.load(path).find("kovalenko o", None)
    assert delegate is not None
    assert (delegate.key, delegate.city) == ("koval o", "Київ")
