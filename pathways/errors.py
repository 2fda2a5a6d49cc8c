"""The domain's errors: one small hierarchy that the web layer maps to answers.

Each error carries the HTTP status it means and its sentence (`str(error)`), and says
what an API client is told (`detail`, in CONTRACT.md's `{"detail": ...}` shape), so the
service has one handler for all of them (`app.errors`), not one per class.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar

Loc = tuple[str | int, ...]


class PathwaysError(Exception):
    """Base class for everything the domain refuses on purpose."""

    status: ClassVar[int] = 400

    def detail(self) -> Any:
        """What an API client is told: the sentence, unless a subclass says more."""
        return str(self)

    def headers(self) -> dict[str, str]:
        return {}

    def extra(self) -> dict[str, Any]:
        """Fields of the JSON answer next to `detail` (CONTRACT.md names them)."""
        return {}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a registry, placed as precisely as we can."""

    message: str
    loc: Loc = ()
    subject: str | None = None  # e.g. "provider 'bup-en-vag-in'"
    file: str | None = None
    line: int | None = None
    code: str = "invalid"  # unknown_reference, duplicate_id, age_range, syntax, ...

    @property
    def field(self) -> str | None:
        """The field path inside the record, e.g. `age_min` or `needs.npf`."""
        rest = self.loc[2:] if len(self.loc) > 2 and isinstance(self.loc[1], int) else ()
        return ".".join(str(part) for part in rest) or None

    def placed(self, file: str, line: int | None) -> Problem:
        return replace(self, file=file, line=line)

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        what = self.subject or ""
        if self.field:
            what = f"{what} field '{self.field}'".strip()
        elif not self.subject and self.loc:
            what = f"at {'.'.join(str(p) for p in self.loc)}"
        return f"{where}{what}: {self.message}" if what else f"{where}{self.message}"


class RegistryInvalid(PathwaysError):
    """A registry was refused; `problems` lists every reason, not just the first."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        head = f"the registry has {count} problem{'s' if count != 1 else ''}"
        super().__init__("\n".join([head + ":", *(f"  {p}" for p in self.problems)]))

    def __reduce__(self) -> tuple[type[RegistryInvalid], tuple[list[Problem]]]:
        # Made again from its problems: a refusal in a child process (`pathways.parallel`)
        # reaches the parent with the same problems and the same message.
        return (type(self), (self.problems,))

    status: ClassVar[int] = 422

    def detail(self) -> Any:
        """Every problem, field by field, in FastAPI's error shape."""
        return [
            {
                "loc": ["body", *problem.field.split(".")] if problem.field else ["body"],
                "field": problem.field,
                "subject": problem.subject,
                "msg": problem.message,
                "type": problem.code,
            }
            for problem in self.problems
        ]


class NotFound(PathwaysError):
    """An id or name that the registry does not know."""

    def __init__(self, what: str, ident: str) -> None:
        self.what = what
        self.ident = ident
        super().__init__(f"{what} '{ident}' not found")

    status: ClassVar[int] = 404


class UnknownPlace(NotFound):
    """A place the registry does not know, with the areas the asker may have meant."""

    def __init__(self, ident: str, suggestions: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__("area", ident)
        self.suggestions = list(suggestions)  # (id, name) of each near match

    def extra(self) -> dict[str, Any]:
        return {"suggestions": [{"id": i, "name": name} for i, name in self.suggestions]}


class InvalidQuery(PathwaysError):
    """A question the domain cannot answer as asked, naming the parameter at fault."""

    def __init__(self, parameter: str, message: str) -> None:
        self.parameter = parameter
        self.message = message
        super().__init__(f"{parameter}: {message}")

    status: ClassVar[int] = 422

    def detail(self) -> Any:
        return [{"loc": ["query", self.parameter], "msg": self.message, "type": "value_error"}]


class Conflict(PathwaysError):
    """A change that cannot be made to the registry as it stands now.

    Creating an id that exists, or reverting a change whose records were edited since:
    saving anyway would silently undo someone else's work.
    """

    def __init__(self, message: str, subjects: Sequence[str] = ()) -> None:
        self.message = message
        self.subjects = list(subjects)
        super().__init__(message)

    status: ClassVar[int] = 409

    def detail(self) -> Any:
        return {"message": self.message, "subjects": self.subjects}


class PreconditionFailed(Conflict):
    """A write based on a version of a record that is no longer the current one (stale ETag).

    `current` is the ETag the record has now (None if it no longer exists), so a client
    can fetch it again, look at what changed and decide.
    """

    def __init__(self, what: str, ident: str, current: str | None) -> None:
        self.what = what
        self.ident = ident
        self.current = current
        super().__init__(
            f"{what} '{ident}' has been changed by someone else since you read it; "
            "reload it and make your change again",
            [ident],
        )

    status: ClassVar[int] = 412

    def detail(self) -> Any:
        return str(self)

    def headers(self) -> dict[str, str]:
        return {"ETag": f'"{self.current}"'} if self.current else {}

    def extra(self) -> dict[str, Any]:
        return {"current_etag": self.current}


class PreconditionRequired(PathwaysError):
    """A write without the version it is based on (no If-Match) would overwrite blindly."""

    def __init__(self) -> None:
        super().__init__("send If-Match with the ETag from your last read of this record")

    status: ClassVar[int] = 428


class Forbidden(PathwaysError):
    """The user may not make this change: it touches records outside their areas."""

    def __init__(self, message: str, subjects: Sequence[str] = ()) -> None:
        self.message = message
        self.subjects = list(subjects)
        super().__init__(message)

    status: ClassVar[int] = 403

    def detail(self) -> Any:
        return {"message": self.message, "subjects": self.subjects}


class AuthenticationFailed(PathwaysError):
    """Wrong user name or password; deliberately does not say which."""

    def __init__(self) -> None:
        super().__init__("wrong user name or password")

    status: ClassVar[int] = 401


class LoginThrottled(PathwaysError):
    """Too many failed logins for a user name: no password is checked until `until`."""

    def __init__(self, name: str, until: str) -> None:
        self.name = name
        self.until = until
        super().__init__(f"too many failed logins for '{name}'; try again after {until}")

    status: ClassVar[int] = 429


class Unavailable(PathwaysError):
    """The instance cannot save now: a full disk, a read-only folder, git missing or broken.

    Not something the user did wrong, and nothing was saved: answered 503 with `message`
    (a sentence for people) and logged once with `cause` (what the system said) where it
    happened, so the one error path does not log it again.
    """

    def __init__(self, message: str, cause: str) -> None:
        self.message = message
        self.cause = cause
        super().__init__(f"{message} ({cause})")

    status: ClassVar[int] = 503

    def detail(self) -> Any:
        return f"{self.message}: {self.cause}. Try again later."

    def headers(self) -> dict[str, str]:
        return {"Retry-After": "60"}


class RateLimited(PathwaysError):
    """Too many changes by one account in a short time: try again after `retry_after` s."""

    def __init__(self, name: str, limit: int, retry_after: int) -> None:
        self.name = name
        self.limit = limit
        self.retry_after = retry_after
        super().__init__(
            f"'{name}' has made {limit} changes in the last hour, the most allowed "
            f"(VARDKEDJAN_MAX_WRITES_PER_HOUR); try again in {retry_after} seconds"
        )

    status: ClassVar[int] = 429

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class BodyTooLarge(PathwaysError):
    """A request body over the configured size (bounded input): refused before it is read."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(f"the request body is larger than the {limit // 1024} KB allowed")

    status: ClassVar[int] = 413

    def headers(self) -> dict[str, str]:
        return {"Connection": "close"}
