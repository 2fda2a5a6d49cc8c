"""/hitta is a plain Starlette route (no FastAPI dependency solving): the same answers."""

from __future__ import annotations

from fastapi.testclient import TestClient

QUESTION = "/hitta?age=15&area=norra&need=nedstamdhet"


def test_the_results_page_answers_get_and_head_in_every_language(client: TestClient) -> None:
    page = client.get(QUESTION)
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    head = client.head(QUESTION)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == page.headers["content-type"]
    english = client.get("/en" + QUESTION)
    assert english.status_code == 200 and 'lang="en"' in english.text


def test_typed_words_still_leave_the_address(client: TestClient) -> None:
    moved = client.get("/hitta?age=15&area=norra&q=kan+inte+sova", follow_redirects=False)
    assert moved.status_code == 303 and "q=" not in moved.headers["location"]


def test_other_methods_are_refused_and_the_form_is_still_posted(client: TestClient) -> None:
    assert client.put("/hitta").status_code == 405
    form = {"age": "15", "area": "norra", "need": "nedstamdhet", "q": "kan inte sova"}
    posted = client.post("/hitta", data=form, follow_redirects=False)
    assert posted.status_code == 303 and "q=" not in posted.headers["location"]
