"""The session page and API by meeting: a collection label shows each of its meetings under its
own heading (number, date, place) with its documents; a meeting key shows that meeting only."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import quote

import httpx
import pytest
from live_server import live_server

from corpus.model import AgendaItem, Decision, Document, Session
from corpus.store import Store
from pipeline.web import create_app

LABEL = "Council 2009-04"
#: (id, file, meeting number, date, place)
MEETINGS = [("b1" * 32, "m14.txt", "14", "2009-04-09", "г. Рязань"),
            ("c2" * 32, "m7.txt", "7", "2010-02-11", "г. Минск")]
REPORT = "d3" * 32


def minutes(doc_id: str, name: str, number: str, date: str, place: str) -> Document:
    doc = Document(doc_id, name, "text/plain", kind="minutes", language="ru",
                   session=f"{date} #{number}", collection=LABEL, date=date, status="ok")
    decided = doc.add_block("paragraph", f"ПОСТАНОВИЛИ: решение заседания {number}.")
    doc.minutes = Session(number=number, date=date, place=place)
    doc.minutes.agenda.append(AgendaItem("1", f"Вопрос заседания {number}", [decided.id],
                                         decisions=[Decision("1", f"Решение {number}.",
                                                             [decided.id])]))
    return doc


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    data = tmp_path_factory.mktemp("web-meetings") / "data"
    with Store(data) as store:
        for meeting in MEETINGS:
            store.save_document(minutes(*meeting))
        report = Document(REPORT, "report.txt", "text/plain", kind="report", language="ru",
                          session=LABEL, collection=LABEL, status="ok")
        report.add_block("paragraph", "Отчёт о работе.")
        store.save_document(report)
    with live_server(create_app(data)) as url, httpx.Client(base_url=url, timeout=600) as http:
        yield http


def test_a_label_shows_each_meeting_under_its_heading(client: httpx.Client) -> None:
    answer = client.get(f"/api/session/{LABEL}").json()
    assert [(m["key"], m["place"], [d["source_name"] for d in m["documents"]],
             [x["document"] for x in m["minutes"]]) for m in answer["meetings"]] == [
        ("2009-04-09 #14", "г. Рязань", ["m14.txt"], [MEETINGS[0][0]]),
        ("2010-02-11 #7", "г. Минск", ["m7.txt"], [MEETINGS[1][0]])]
    assert [d["source_name"] for d in answer["others"]] == ["report.txt"]
    html = client.get(f"/session/{LABEL}", params={"ui": "en"}).text
    headings = re.findall(r'<h2 class="meeting-heading">([^<]*)</h2>', html)
    assert headings == ["Meeting № 14, 2009-04-09, г. Рязань", "Meeting № 7, 2010-02-11, г. Минск"]
    first, second = html.index(headings[0]), html.index(headings[1])
    assert first < html.index("Решение 14.") < second < html.index("Решение 7.")
    assert html.index("Other documents") > html.index("Решение 7.")


def test_a_meeting_key_shows_that_meeting_only(client: httpx.Client) -> None:
    answer = client.get(f"/api/session/{quote('2010-02-11 #7')}").json()
    assert [m["key"] for m in answer["meetings"]] == ["2010-02-11 #7"]
    assert [d["source_name"] for d in answer["documents"]] == ["m7.txt"]
    assert answer["others"] == []
    html = client.get(f"/session/{quote('2010-02-11 #7')}", params={"ui": "ru"}).text
    assert re.findall(r'<h2 class="meeting-heading">([^<]*)</h2>', html) == [
        "Заседание № 7, 2010-02-11, г. Минск"]
    assert "Решение 14." not in html
