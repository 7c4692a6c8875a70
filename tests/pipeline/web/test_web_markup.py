"""Pieces of text for the templates, links that keep the search, and the serve command's
defaults (no server started)."""

from __future__ import annotations

import pytest

from corpus.model import Entity
from pipeline.web.i18n import choose
from pipeline.web.markup import highlighted, with_entities
from pipeline.web.views import search_url


def test_highlights_skip_overlapping_and_out_of_range_spans() -> None:
    pieces = highlighted("водоснабжение Рязани", [[0, 13], [5, 9], [14, 99], [14, 20]])
    assert [(p.text, p.mark) for p in pieces] == [
        ("водоснабжение", True),
        (" ", False),
        ("Рязани", True),
    ]


def test_entities_become_link_pieces_and_bad_offsets_are_ignored() -> None:
    text = "в Рязани и Москве"
    entities = [
        Entity("LOC", 2, 8, "Рязани", "Рязань", "city:ryazan"),
        Entity("LOC", 4, 6, "за", "за", "bad:overlap"),
        Entity("LOC", 11, 40, "Москве", "Москва", "bad:range"),
    ]
    pieces = with_entities(text, entities)
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.key) for p in pieces if p.key] == [("Рязани", "city:ryazan")]


def test_search_links_change_one_thing_and_reset_the_page() -> None:
    params = {"q": "вода", "kind": "report", "page": 3, "show": None}
    assert search_url(params, kind=None) == "/?q=%D0%B2%D0%BE%D0%B4%D0%B0"
    assert search_url(params, page=4).endswith("kind=report&page=4")
    assert search_url({"q": ""}) == "/"


@pytest.mark.parametrize(
    ("asked", "cookie", "accept", "expected"),
    [
        ("en", "ru", "ru", "en"),
        (None, "en", "ru-RU", "en"),
        ("xx", None, "de, en;q=0.8", "en"),
        (None, None, None, "ru"),
    ],
)
def test_interface_language(asked: str | None, cookie: str | None, accept: str | None,
                            expected: str) -> None:
    assert choose(asked, cookie, accept) == expected


def test_serve_binds_to_this_machine_by_default() -> None:
    import inspect

    from pipeline.cli.serving import serve_command

    defaults = inspect.signature(serve_command).parameters
    assert defaults["host"].default == "127.0.0.1"
    assert defaults["port"].default == 8000
