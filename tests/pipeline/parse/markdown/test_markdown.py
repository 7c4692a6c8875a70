"""Markdown as a format of its own: headings, nested lists, wrapped items, links, tables and
front matter, read into blocks with their structure."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from corpus.model import Document
from pipeline.parse import registry
from pipeline.parse.base import Source

Parse = Callable[..., Document]

NOTES = """---
title: "Build WG meeting"
date: 2025-02-05
---

# Build Working Group

## Agenda

* Move the nightly builds to the new cluster
  [#88](https://github.com/acme/build/issues/88)
* Retire the **old** macOS runners
    1. Intel runners
    2. ARM runners, see <https://acme.org/runners>

| Runner | Jobs |
|--------|-----:|
| linux  | 120  |

```
make release
```

Notes taken by *Ben*.
"""


def structure(document: Document) -> list[tuple[object, ...]]:
    return [(b.kind, b.text, b.level, b.list_label, b.table, b.row, b.col)
            for b in document.blocks]


def test_headings_lists_tables_and_code_become_blocks(parse_bytes: Parse) -> None:
    document = parse_bytes(NOTES.encode(), "notes.md")
    assert document.media_type == "text/markdown"
    assert structure(document) == [
        ("heading", "Build Working Group", 1, None, None, None, None),
        ("heading", "Agenda", 2, None, None, None, None),
        ("list_item", "Move the nightly builds to the new cluster #88", 1, "•", None, None, None),
        ("list_item", "Retire the old macOS runners", 1, "•", None, None, None),
        ("list_item", "Intel runners", 2, "1.", None, None, None),
        ("list_item", "ARM runners, see https://acme.org/runners", 2, "2.", None, None, None),
        ("table_cell", "Runner", None, None, 0, 0, 0),
        ("table_cell", "Jobs", None, None, 0, 0, 1),
        ("table_cell", "linux", None, None, 0, 1, 0),
        ("table_cell", "120", None, None, 0, 1, 1),
        ("paragraph", "make release", None, None, None, None, None),
        ("paragraph", "Notes taken by Ben.", None, None, None, None, None),
    ]


def test_front_matter_titles_the_document_and_links_are_kept(parse_bytes: Parse) -> None:
    document = parse_bytes(NOTES.encode(), "notes.md")
    assert document.title == "Build WG meeting"
    assert document.properties["front_matter"] == {"title": "Build WG meeting",
                                                   "date": "2025-02-05"}
    assert [(link["text"], link["url"]) for link in document.properties["links"]] == [
        ("#88", "https://github.com/acme/build/issues/88"),
        ("https://acme.org/runners", "https://acme.org/runners")]
    first_link_block = document.properties["links"][0]["block"]
    assert first_link_block == document.blocks[2].id


def test_without_front_matter_the_first_heading_is_the_title(parse_bytes: Parse) -> None:
    document = parse_bytes("# Протокол\n\nТекст.\n".encode(), "p.markdown")
    assert (document.title, structure(document)[1][0]) == ("Протокол", "paragraph")


def test_markdown_files_go_to_the_markdown_parser(tmp_path: Path) -> None:
    for name in ("notes.md", "notes.markdown"):
        (tmp_path / name).write_text("# Notes\n", "utf-8")
        assert registry.choose_parser(Source.from_path(tmp_path / name)).name == "markdown"
    (tmp_path / "notes.txt").write_text("# Notes\n", "utf-8")
    assert registry.choose_parser(Source.from_path(tmp_path / "notes.txt")).name == "text"


def test_a_markdown_file_in_cp1251_is_decoded(parse_bytes: Parse) -> None:
    text = "# Повестка дня\n\n* О бюджете города на 2026 год и плановый период\n"
    document = parse_bytes(text.encode("cp1251"), "agenda.md")
    assert (document.properties["encoding"], [b.text for b in document.blocks]) == (
        "cp1251", ["Повестка дня", "О бюджете города на 2026 год и плановый период"])


def test_an_empty_markdown_file_says_so(parse_bytes: Parse) -> None:
    document = parse_bytes(b"<!-- nothing -->\n", "empty.md")
    document.finish()
    assert (document.blocks, document.problems) == ([], ["no text found"])
