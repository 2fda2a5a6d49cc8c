"""Helpers for reading pages as HTML documents, the way a browser or screen reader does."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Tag
from fastapi.testclient import TestClient


def get_page(client: TestClient, url: str, status: int = 200) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.text[:500])
    assert response.headers["content-type"].startswith("text/html")
    return BeautifulSoup(response.text, "html.parser")


def text(node: Tag | None) -> str:
    assert node is not None
    return " ".join(node.get_text(" ").split())


def one(soup: BeautifulSoup | Tag, selector: str) -> Tag:
    found = soup.select(selector)
    assert len(found) == 1, f"{selector}: {len(found)} matches"
    return found[0]


def tel_links(node: BeautifulSoup | Tag) -> set[str]:
    return {str(a["href"])[4:] for a in node.select('a[href^="tel:"]')}


def provider_ids(nodes: list[Tag]) -> list[str]:
    """The provider ids that the headings of result cards link to, in page order."""
    out = []
    for node in nodes:
        link = node.select_one("h3 a")
        assert link is not None
        out.append(str(link["href"]).rsplit("/", 1)[-1])
    return out


def label_for(soup: BeautifulSoup, control: Tag) -> str:
    label = soup.select_one(f'label[for="{control["id"]}"]')
    assert label is not None, f"no label for #{control['id']}"
    return text(label)


def query_of(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


def position(soup: BeautifulSoup, node: Tag) -> int:
    """Where a node starts in document order."""
    for index, element in enumerate(soup.find_all(True)):
        if element is node:
            return index
    raise AssertionError("node not in the document")
