"""The web service's answer cache: a repeated search is answered while another one runs."""

from __future__ import annotations

import threading

from corpus.store import Store
from pipeline.web.service import SearchRequest, WebService


def test_a_cached_answer_does_not_wait_for_a_running_search(shared_store: Store) -> None:
    web = WebService(shared_store.data)
    asked = SearchRequest(query="водоканал", mode="lexical")
    first = web.search(asked)
    assert [h["source_name"] for h in first["hits"]][:1] == ["report_ryazan_water_ru.docx"]
    answers: list[dict[str, object]] = []
    with web.lock:  # what a long search in another request holds
        repeat = threading.Thread(target=lambda: answers.append(web.search(asked)))
        other = threading.Thread(
            target=lambda: answers.append(web.search(SearchRequest(query="Москва")))
        )
        repeat.start()
        other.start()
        repeat.join(timeout=60)
        assert not repeat.is_alive() and answers == [first]
        assert other.is_alive()  # a new query waits for the lock, as before
    other.join(timeout=60)
    assert len(answers) == 2 and answers[1]["total"] == 1
    web.close()
