"""`/admin/anvandare`: accounts for administrators, in the browser.

The same account changes as `vardkedjan user ...` (`app/cli_user.py`), through the same
`pathways.store.useradmin.change_user`, so each is recorded in the history with the acting
administrator as author: stop an account, let it sign in again, give it a new password
(the README's rules: at least 10 characters), remove it. Editors get a 403. Forms post
the classic way (STYLE.md #4) with a CSRF token; a refused form comes back with a summary
at the top and the field named (422). An administrator cannot stop or remove their own
account here, so nobody locks themselves out by a slip of the mouse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Path
from fastapi.responses import RedirectResponse, Response

from app.admin_views import admin_page, csrf_form, unavailable_sentence
from app.deps import AdminDep
from pathways.errors import Forbidden, NotFound, Unavailable
from pathways.store.accounts import MIN_PASSWORD, User
from pathways.store.useradmin import change_user

router = APIRouter(prefix="/admin/anvandare", include_in_schema=False)
UserName = Annotated[str, Path(max_length=64)]
ACTIONS = ("disable", "enable", "passwd", "remove")
DONE = {
    "disable": "Kontot är avstängt. Alla dess inloggningar har avslutats.",
    "enable": "Kontot kan logga in igen.",
    "passwd": "Det nya lösenordet är sparat. Alla inloggningar med det gamla har avslutats.",
    "remove": "Kontot är borttaget. Dess ändringar finns kvar i historiken.",
}
OWN = "Du kan inte stänga av eller ta bort ditt eget konto. Be en annan administratör."


def _admin_only(admin: AdminDep) -> None:
    if not admin.session.user.is_admin:
        raise Forbidden("only administrators manage accounts")


def _areas(admin: AdminDep, user: User) -> str:
    if not user.areas:
        return "Alla områden"
    known = admin.instance.registry().areas
    return ", ".join(known[a].name if a in known else a for a in user.areas)


@router.get("")
async def users(admin: AdminDep) -> Response:
    """Every account: role, areas and whether it may sign in."""
    _admin_only(admin)
    rows = [(u, _areas(admin, u)) for u in admin.instance.accounts.users()]
    done = admin.request.query_params.get("klart", "")
    context = {"session": admin.session, "rows": rows, "done": DONE.get(done, "")}
    return admin.renderer.respond(admin.request, admin_page("users.html", context, "Användare"))


@dataclass
class Account:
    """One account's page on its way back: the account, and how a change went."""

    admin: AdminDep
    user: User
    status: int = 200
    errors: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def page(self) -> Response:
        context: dict[str, Any] = {
            "session": self.admin.session,
            "account": self.user,
            "areas": _areas(self.admin, self.user),
            "own": self.user.name == self.admin.session.user.name,
            "errors": self.errors,
            "problems": self.problems,
            "min_password": MIN_PASSWORD,
            "done": DONE.get(self.admin.request.query_params.get("klart", ""), ""),
        }
        page = admin_page("user.html", context, f"Kontot {self.user.name}", self.status)
        return self.admin.renderer.respond(self.admin.request, page)


def _account(admin: AdminDep, name: str) -> Account:
    _admin_only(admin)
    user = admin.instance.accounts.get(name)
    if user is None:
        raise NotFound("user", name)
    return Account(admin, user)


@router.get("/{name}")
async def account(name: UserName, admin: AdminDep) -> Response:
    return _account(admin, name).page()


@router.post("/{name}")
async def change(name: UserName, admin: AdminDep) -> Response:
    """Stop, let in, give a new password to or remove an account, recorded in the history."""
    shown = _account(admin, name)  # admins only, before the form is even read
    form = await csrf_form(admin.request, admin.session)
    action = form.text("action")
    if action not in ACTIONS:
        shown.problems = ["Välj vad som ska göras med kontot."]
        return _refused(shown, 422)
    if action in ("disable", "remove") and shown.user.name == admin.session.user.name:
        shown.problems = [OWN]
        return _refused(shown, 422)
    if action == "remove" and not form.flag("confirm"):
        shown.errors["confirm"] = "Kryssa i rutan för att bekräfta att kontot ska tas bort."
        return _refused(shown, 422)
    password = form.fields.get("password", "") if action == "passwd" else ""
    if action == "passwd" and not _password_ok(shown, password, form.fields.get("password2", "")):
        return _refused(shown, 422)
    try:
        change_user(admin.instance, action, name, admin.session.user.name, password)
    except Unavailable as exc:
        shown.problems = [unavailable_sentence(exc)]
        return _refused(shown, 503)
    if action == "remove":
        return RedirectResponse(f"/admin/anvandare?klart={action}", status_code=303)
    return RedirectResponse(f"/admin/anvandare/{quote(name)}?klart={action}", status_code=303)


def _password_ok(shown: Account, password: str, again: str) -> bool:
    """The README's rules, said in Swedish at the field: long enough, typed the same twice."""
    if len(password) < MIN_PASSWORD:
        shown.errors["password"] = (
            f"Lösenordet måste ha minst {MIN_PASSWORD} tecken. En mening av några ord är bäst."
        )
    elif password != again:
        shown.errors["password2"] = "Lösenorden är inte likadana. Skriv samma lösenord två gånger."
    return not shown.errors


def _refused(shown: Account, status: int) -> Response:
    shown.status = status
    return shown.page()
