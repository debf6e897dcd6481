"""The admin's pages: the read models (status, lag, rebuild) and the local accounts.
Erasure is the plan page's erasure form, with a confirmation."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from api.auth import caller_from
from api.deps import get_read_models
from api.problems import ApiProblem
from api.routers import projections_admin
from api.web.i18n import N_
from api.web.pages import AdminPage, Page, PostedForm
from domain.vocabulary import ROLES
from infrastructure.accounts import AccountError

router = APIRouter(include_in_schema=False)
ACCOUNT_REFUSED = N_(
    "The account was not added: a user name of letters and digits that is not taken yet, "
    "a password of at least 10 characters, a role, and municipalities as 8-digit keys or *."
)


@router.get("/admin/projections")
def projections(page: AdminPage, rebuilding: str | None = None) -> Response:
    answer = projections_admin.projections(page.caller, get_read_models(page.request))
    return page.render("projections.html", projections=answer.items, rebuilding=rebuilding)


@router.post("/admin/projections/{name}/rebuild")
def rebuild(page: AdminPage, name: str, form: PostedForm) -> Response:
    started = projections_admin.rebuild(page.caller, get_read_models(page.request), name)
    return page.redirect(f"/admin/projections?rebuilding={started.name}")


def users_page(page: Page, status: int = 200, refused: str | None = None) -> Response:
    accounts = page.request.app.state.web_accounts.get().list()
    return page.render(
        "users.html", http_status=status, accounts=accounts, roles=sorted(ROLES), refused=refused
    )


@router.get("/admin/users")
def users(page: AdminPage) -> Response:
    return users_page(page)


@router.post("/admin/users")
def add_user(page: AdminPage, form: PostedForm) -> Response:
    username = str(form.get("username") or "").strip()
    places = [p.strip() for p in str(form.get("municipalities") or "").split(",") if p.strip()]
    role = str(form.get("role") or "")
    try:
        caller_from({"sub": username or "-", "role": role, "municipalities": places})
        page.request.app.state.web_accounts.get().add(
            username, str(form.get("password") or ""), role, places
        )
    except (AccountError, ApiProblem):
        return users_page(page, 422, ACCOUNT_REFUSED)
    return page.redirect("/admin/users")


@router.post("/admin/users/{username}/removal")
def remove_user(page: AdminPage, username: str, form: PostedForm) -> Response:
    if username == page.caller.sub:
        return users_page(page, 409, N_("You cannot remove your own account."))
    try:
        page.request.app.state.web_accounts.get().remove(username)
    except AccountError:
        return users_page(page, 404, N_("There is no such account."))
    return page.redirect("/admin/users")
