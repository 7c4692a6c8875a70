"""Translation memory (`store.memory`, corpus/memory.py): lookups, approved entries win, TMX
and CSV import."""

from __future__ import annotations

from pathlib import Path

import pytest
from translate_fixtures import make_document

from corpus import memory
from corpus.errors import ConfigError, InputError
from corpus.memory import MemoryEntry
from corpus.model import Translation
from corpus.store import Store


def machine(source_text: str, target_text: str, version: str = "v1") -> MemoryEntry:
    return MemoryEntry("ru", "uk", source_text, target_text, "apertium", version)


def test_lookup_finds_this_engine_and_version_only(archive: Store) -> None:
    assert archive.memory.add([machine("Город", "Місто"), machine("Город", "Город-2", "v2")]) == 2
    hits = archive.memory.lookup(["Город", "Село"], "ru", "uk", "apertium", "v1")
    assert hits == {"Город": memory.Hit("Місто", "apertium", "v1", False)}
    assert archive.memory.lookup(["Город"], "ru", "uk", "argos", "v1") == {}
    assert archive.memory.lookup(["Город"], "ru", "be", "apertium", "v1") == {}


def test_white_space_does_not_matter_for_a_hit(archive: Store) -> None:
    archive.memory.add([machine("Совет  одобрил\nплан", "Рада схвалила план")])
    hits = archive.memory.lookup([" Совет одобрил план "], "ru", "uk", "apertium", "v1")
    assert hits[" Совет одобрил план "].text == "Рада схвалила план"


def test_approved_entries_win_over_machine_output(archive: Store) -> None:
    archive.memory.add([machine("Город", "Місто машинне")])
    archive.memory.add([MemoryEntry("ru", "uk", "Город", "Місто", approved=True)])
    hit = archive.memory.lookup(["Город"], "ru", "uk", "apertium", "v1")["Город"]
    assert hit == memory.Hit("Місто", "human", "", True)


def test_machine_entries_are_kept_and_approved_ones_replaced(archive: Store) -> None:
    assert archive.memory.add([machine("Город", "Місто")]) == 1
    assert archive.memory.add([machine("Город", "Інше")]) == 0
    archive.memory.add([MemoryEntry("ru", "uk", "Город", "Місто А", approved=True)])
    archive.memory.add([MemoryEntry("ru", "uk", "Город", "Місто Б", approved=True)])
    assert [
        (e.target_text, e.approved) for e in archive.memory.entries_for(["Город"], "ru", "uk")
    ] == [("Місто", False), ("Місто Б", True)]
    assert archive.memory.count() == {"machine": 1, "approved": 1}


def test_remember_takes_machine_translations_of_a_document(archive: Store) -> None:
    document = make_document(("heading", "Доклад"), ("paragraph", "Город растёт."))
    document.blocks[0].translations = [Translation("uk", "Доповідь", "apertium", "v1")]
    document.blocks[1].translations = [
        Translation("uk", "Місто росте.", "human"),
        Translation("en", "The city grows.", "argos", "p1", "en"),
    ]
    assert archive.memory.remember(document) == 2
    assert archive.memory.entries_for(["Город растёт."], "ru", "en") == [
        MemoryEntry("ru", "en", "Город растёт.", "The city grows.", "argos", "p1")
    ]
    assert archive.memory.entries_for(["Город растёт."], "ru", "uk") == []


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="ru-RU" datatype="plaintext" segtype="sentence" adminlang="en"
          creationtool="editor" creationtoolversion="1" o-tmf="x"/>
  <body>
    <tu>
      <tuv xml:lang="ru-RU"><seg>Совет одобрил план.</seg></tuv>
      <tuv xml:lang="uk-UA"><seg>Рада схвалила <ph>&lt;b/&gt;</ph>план.</seg></tuv>
      <tuv xml:lang="en"><seg>The council approved the plan.</seg></tuv>
    </tu>
    <tu srclang="uk">
      <tuv xml:lang="uk"><seg>Місто</seg></tuv>
      <tuv xml:lang="ru"><seg>Город</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def test_tmx_import_as_approved_entries(tmp_path: Path, archive: Store) -> None:
    file = tmp_path / "approved.tmx"
    file.write_text(TMX, "utf-8")
    assert archive.memory.import_file(file) == 3
    assert archive.memory.entries_for(["Совет одобрил план."], "ru", "uk") == [
        MemoryEntry("ru", "uk", "Совет одобрил план.", "Рада схвалила план.", approved=True)
    ]
    assert archive.memory.entries_for(["Місто"], "uk", "ru")[0].target_text == "Город"
    assert memory.read_tmx(file, target="en") == [
        MemoryEntry(
            "ru", "en", "Совет одобрил план.", "The council approved the plan.", approved=True
        )
    ]


def test_csv_import_with_a_header_or_given_languages(tmp_path: Path, archive: Store) -> None:
    with_header = tmp_path / "approved.csv"
    with_header.write_text('ru,uk\nГород,Місто\n"Совет, комитет","Рада, комітет"\n', "utf-8")
    plain = tmp_path / "plain.csv"
    plain.write_text("Село;Село\n", "utf-8")
    assert archive.memory.import_file(with_header) == 2
    assert archive.memory.import_file(plain, "ru", "be") == 1
    assert archive.memory.entries_for(["Совет, комитет"], "ru", "uk")[0].target_text == (
        "Рада, комітет"
    )
    with pytest.raises(ConfigError, match="say which languages the columns are"):
        memory.read_csv(plain)


def test_unreadable_files_are_input_errors(tmp_path: Path, archive: Store) -> None:
    broken = tmp_path / "broken.tmx"
    broken.write_text("<tmx><body><tu>", "utf-8")
    empty = tmp_path / "empty.csv"
    empty.write_text("ru,uk\n", "utf-8")
    with pytest.raises(InputError, match="not a readable TMX file"):
        archive.memory.import_file(broken)
    with pytest.raises(InputError, match="no translation pairs found"):
        archive.memory.import_file(empty)
