"""The search page's facets read as names in the interface's language; links keep the keys."""

from __future__ import annotations

from pipeline.web import views
from pipeline.web.i18n import words
from pipeline.web.service import SearchRequest

ANSWER = {
    "facets": {
        "kind": [{"value": "report", "count": 2}, {"value": "other", "count": 1}],
        "city": [{"value": "city:ryazan", "count": 2}, {"value": "Рязань", "count": 1}],
        "entity": [{"value": "per:гришина-п-а", "count": 1}, {"value": "city:kyiv", "count": 1}],
    }
}


def labels(ui: str) -> dict[str, list[tuple[str, str]]]:
    request = SearchRequest(query="вода")
    params = views.search_params(request, None)
    found = views.facets(words(ui), ANSWER, request, params, ui)
    return {f.name: [(v.label, v.value) for v in f.values] for f in found}


def test_facets_in_russian() -> None:
    shown = labels("ru")
    assert shown["kind"] == [("Доклад, отчёт", "report"), ("Другое", "other")]
    assert shown["city"] == [("Рязань", "city:ryazan"), ("Рязань", "Рязань")]
    assert shown["entity"] == [("Гришина П. А.", "per:гришина-п-а"), ("Киев", "city:kyiv")]


def test_facets_in_english() -> None:
    shown = labels("en")
    assert shown["kind"][0] == ("Report", "report")
    assert shown["city"][0] == ("Ryazan", "city:ryazan")
    assert shown["entity"][1] == ("Kyiv", "city:kyiv")
