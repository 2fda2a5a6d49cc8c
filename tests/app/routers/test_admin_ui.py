"""Administration people can use (issue 13 point 7), through the real admin pages.

The preview is a Swedish table (label, before, after) whatever the value's shape; every
message on an admin page is Swedish, the history's summaries included; every form has an
error summary at the top linking to its fields; the provider list searches and pages.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from tests.app.html import get_page, one, text
from tests.app.routers.test_admin import Admin, admin, form_of, login

__all__ = ["admin"]  # the fixture, shared with test_admin.py

ENGLISH = re.compile(
    r"\b(is required|Input should|unknown area|is greater than|Change provider|"
    r"Revert|Start the registry|already exists|must be)\b"
)
PYTHON = re.compile(r"[{}\[\]]|None\b|True\b|False\b|'\w+': ")


def _rows(soup: BeautifulSoup) -> dict[str, tuple[str, str]]:
    """The preview's table: label -> (before, after)."""
    out = {}
    for tr in soup.select(".preview tbody tr"):
        cells = tr.select("td")
        out[text(tr.th)] = (text(cells[0]), text(cells[-1]))
    return out


def test_preview_is_a_swedish_table_for_lists_and_needs_with_severities(admin: Admin) -> None:
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    url = "/admin/mottagning/elevhalsa-alingsas"
    _, data = form_of(admin.client, url)
    data["needs"] = [n for n in data["needs"] if n != "atstorning"]
    data["languages"] = ["sv, en, ar"]
    data["verified"] = ["on"]  # it was not
    data["age_max"] = ["19"]
    preview = admin.client.post(url, data={**data, "action": "preview"})
    assert preview.status_code == 200
    soup = BeautifulSoup(preview.text, "html.parser")
    table = one(soup, ".preview table")
    assert [text(th) for th in table.select("thead th")] == ["Fält", "Före", "Efter"]
    rows = _rows(soup)
    before, after = rows["Kan hjälpa till med"]
    assert "Mat, vikt och kropp (ätstörning) (lindrig)" in before
    assert "ätstörning" not in after
    assert "Våld, hot eller övergrepp (lindrig, måttlig, svår)" in after
    assert rows["Språk"][1] == "sv, en, ar"
    assert rows["Högsta ålder"][1] == "19"
    assert rows["Kontrollerad"] == ("Nej", "Ja")
    shown = text(one(soup, ".preview"))
    assert not PYTHON.search(shown), shown
    assert "Ändras: mottagningen 'elevhalsa-alingsas'" in shown
    assert "Förhandsgranska: Ändra mottagningen 'elevhalsa-alingsas'" in shown


def test_invalid_form_has_a_swedish_summary_at_the_top_linking_to_the_fields(
    admin: Admin,
) -> None:
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    url = "/admin/mottagning/vardcentral-alingsas"
    _, data = form_of(admin.client, url)
    data.update(age_min=["15"], age_max=["12"], name=[""], reviewed=["igår"])
    before = admin.digest()
    refused = admin.client.post(url, data={**data, "action": "save"})
    assert refused.status_code == 422
    assert admin.digest() == before
    soup = BeautifulSoup(refused.text, "html.parser")
    summary = one(soup, ".error-summary")
    # At the top: before the form, right after the navigation.
    form = one(soup, "form.admin-form")
    assert summary.sourceline is not None and form.sourceline is not None
    assert summary.sourceline < form.sourceline
    links = {str(a["href"]): text(a) for a in summary.select("a")}
    assert "#f-age_min" in links and links["#f-age_min"].startswith("Lägsta ålder: ")
    assert "Lägsta ålder (15) är högre än högsta ålder (12)." in links["#f-age_min"]
    assert links["#f-name"] == "Namn: Fyll i fältet."
    assert "#f-reviewed" in links and "ÅÅÅÅ-MM-DD" in links["#f-reviewed"]
    for target in links:
        assert soup.select_one(target) is not None, target  # every link lands on a field
    assert one(soup, "#f-age_min")["aria-invalid"] == "true"
    assert not ENGLISH.search(text(soup.main)), text(summary)


def test_a_refused_list_field_is_linked_too_and_a_duplicate_id_is_said_in_swedish(
    admin: Admin,
) -> None:
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    _, data = form_of(admin.client, "/admin/mottagning/ny")
    data.update(id=["vardcentral-alingsas"], name=["Ny"], kind=["vardcentral"])
    data.update(source=["https://example.invalid"], reviewed=["2026-11-01"], areas=[])
    refused = admin.client.post("/admin/mottagning/ny", data={**data, "action": "preview"})
    assert refused.status_code in (409, 422)
    soup = BeautifulSoup(refused.text, "html.parser")
    summary = text(one(soup, ".error-summary"))
    assert "vardcentral-alingsas" in summary
    assert not ENGLISH.search(summary), summary


def test_history_is_in_swedish_also_for_older_english_subjects(admin: Admin) -> None:
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    url = "/admin/mottagning/vardcentral-alingsas"
    _, data = form_of(admin.client, url)
    data["hours"] = ["Vardagar 8–17"]
    assert admin.client.post(url, data={**data, "action": "save"}).status_code == 303
    # An older history, written in English by an earlier version of the store.
    path = admin.instance.registry_file
    path.write_text(path.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    admin.instance.git.commit(
        path.name,
        author="anna <anna@users.vardkedjan.invalid>",
        message="Change provider 'bris': phone, hours; add flow 'ny'\n",
    )
    soup = get_page(admin.client, "/admin/historik")
    subjects = [text(a) for a in soup.select("ol.history li a")]
    assert "Ändra mottagningen 'bris': telefon, öppettider; lägg till flödet 'ny'" in subjects
    assert "Ändra mottagningen 'vardcentral-alingsas': öppettider" in subjects
    assert any(s.startswith("Registret startas från") for s in subjects)
    assert not ENGLISH.search(text(soup.main))
    change = soup.select("ol.history li a")[1]["href"]
    page = get_page(admin.client, str(change))
    assert "Ändras: mottagningen 'vardcentral-alingsas'" in text(page.main)
    assert "Öppettider" in [text(th) for th in page.select(".diff tbody th")]


def test_undo_that_cannot_be_done_is_said_in_swedish(admin: Admin) -> None:
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    soup = get_page(admin.client, "/admin/historik")
    first = str(soup.select("ol.history li a")[-1]["href"])  # the registry's first version
    csrf = str(one(soup, 'nav input[name="csrf"]')["value"])
    refused = admin.client.post(first, data={"csrf": csrf, "action": "preview"})
    assert refused.status_code == 409
    shown = text(one(BeautifulSoup(refused.text, "html.parser"), ".error-summary"))
    assert "Registrets första version kan inte ångras." in shown


def _listed(soup: BeautifulSoup) -> list[str]:
    return [text(a.parent.select_one("span")) for a in soup.select("table.providers td > a")]


def test_provider_list_searches_name_id_kind_and_area(admin: Admin) -> None:
    assert login(admin.client, "erik", "erik-lösen-1") == 303
    registry = admin.instance.registry()
    by_kind = _listed(get_page(admin.client, "/admin?q=bup"))
    assert by_kind and all(registry.providers[i].kind == "bup" or "bup" in i for i in by_kind)
    by_label = _listed(get_page(admin.client, "/admin?q=Barn-+och+ungdomspsykiatrin"))
    assert set(by_label) >= {i for i in by_kind if registry.providers[i].kind == "bup"}
    in_area = _listed(get_page(admin.client, "/admin?q=Alings%C3%A5s+vardcentral"))
    assert "vardcentral-alingsas" in in_area
    assert all("alingsas" in registry.providers[i].areas for i in in_area)
    folded = _listed(get_page(admin.client, "/admin?q=alingsas+VARDCENTRAL"))
    assert folded == in_area
    assert _listed(get_page(admin.client, "/admin?q=vardcentral-alingsas")) == [
        "vardcentral-alingsas"
    ]
    nothing = get_page(admin.client, "/admin?q=finns-inte-alls")
    assert _listed(nothing) == [] and "0 mottagningar" in text(nothing.main)


def test_provider_list_pages_in_bounded_pages_without_javascript(admin: Admin) -> None:
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    total = len(admin.instance.registry().document.providers)
    first = get_page(admin.client, "/admin")
    assert not first.select("script")
    rows = _listed(first)
    assert len(rows) == 50 < total
    paging = one(first, "nav.paging")
    assert not paging.select('a[rel="prev"]')
    following = str(one(paging, 'a[rel="next"]')["href"])
    second = get_page(admin.client, following)
    assert set(_listed(second)).isdisjoint(rows)
    assert one(one(second, "nav.paging"), 'a[rel="prev"]')["href"] == "/admin?sida=1"
    pages = -(-total // 50)
    seen: list[str] = []
    for page in range(1, pages + 1):
        seen += _listed(get_page(admin.client, f"/admin?sida={page}"))
    assert len(seen) == len(set(seen)) == total
    assert _listed(get_page(admin.client, "/admin?sida=99999")) == _listed(
        get_page(admin.client, f"/admin?sida={pages}")
    )
    assert len(_listed(get_page(admin.client, "/admin?sida=-3&q=" + "x" * 5000))) <= 50
    # The search is kept in the links to the other pages.
    kinds = get_page(admin.client, "/admin?kind=vardcentral")
    if kinds.select("nav.paging"):
        assert "kind=vardcentral" in str(one(kinds, 'a[rel="next"]')["href"])


def test_failed_sign_in_has_a_summary_and_granskning_speaks_swedish(admin: Admin) -> None:
    page = admin.client.get("/admin/login")
    csrf = str(one(BeautifulSoup(page.text, "html.parser"), 'input[name="csrf"]')["value"])
    refused = admin.client.post(
        "/admin/login", data={"name": "anna", "password": "fel", "csrf": csrf}
    )
    assert refused.status_code == 401
    soup = BeautifulSoup(refused.text, "html.parser")
    link = one(one(soup, ".error-summary"), 'a[href="#name"]')
    assert soup.select_one("#name") is not None and text(link)
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    review = get_page(admin.client, "/admin/granskning")
    severities = {text(s) for s in review.select("li.finding > strong")}
    assert severities and severities <= {"Fel", "Varning", "Att veta"}
    codes = [text(o) for o in review.select("#kod option")]
    assert not any("_" in c for c in codes), codes


def test_an_age_or_page_that_only_looks_like_a_number_is_refused_not_a_crash(
    admin: Admin,
) -> None:
    """ "²" passes `str.isdigit` and a run of 5,000 digits passes it too, and `int` reads
    neither: the form says what is wrong and nothing is written; the list shows page 1."""
    assert login(admin.client, "anna", "anna-lösen-1") == 303
    url = "/admin/mottagning/vardcentral-alingsas"
    for typed in ("²", "9" * 5000):
        _, data = form_of(admin.client, url)
        data.update(age_min=[typed])
        before = admin.digest()
        refused = admin.client.post(url, data={**data, "action": "save"})
        assert refused.status_code == 422, refused.text[:300]
        assert admin.digest() == before
        links = {
            str(a["href"])
            for a in one(BeautifulSoup(refused.text, "html.parser"), ".error-summary").select("a")
        }
        assert "#f-age_min" in links
        listed = admin.client.get(f"/admin?sida={typed}")
        assert listed.status_code == 200
        assert _listed(BeautifulSoup(listed.text, "html.parser")) == _listed(
            get_page(admin.client, "/admin?sida=1")
        )
