"""The domain's errors: one small hierarchy that the web layer maps to answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

Loc = tuple[str | int, ...]


class PathwaysError(Exception):
    """Base class for everything the domain refuses on purpose."""


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


class NotFound(PathwaysError):
    """An id or name that the registry does not know."""

    def __init__(self, what: str, ident: str) -> None:
        self.what = what
        self.ident = ident
        super().__init__(f"{what} '{ident}' not found")


class InvalidQuery(PathwaysError):
    """A question the domain cannot answer as asked, naming the parameter at fault."""

    def __init__(self, parameter: str, message: str) -> None:
        self.parameter = parameter
        self.message = message
        super().__init__(f"{parameter}: {message}")


class Conflict(PathwaysError):
    """A change that cannot be made to the registry as it stands now.

    Creating an id that exists, or reverting a change whose records were edited since:
    saving anyway would silently undo someone else's work.
    """

    def __init__(self, message: str, subjects: Sequence[str] = ()) -> None:
        self.message = message
        self.subjects = list(subjects)
        super().__init__(message)


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


class Forbidden(PathwaysError):
    """The user may not make this change: it touches records outside their areas."""

    def __init__(self, message: str, subjects: Sequence[str] = ()) -> None:
        self.message = message
        self.subjects = list(subjects)
        super().__init__(message)


class AuthenticationFailed(PathwaysError):
    """Wrong user name or password; deliberately does not say which."""

    def __init__(self) -> None:
        super().__init__("wrong user name or password")


class LoginThrottled(PathwaysError):
    """Too many failed logins for a user name: no password is checked until `until`."""

    def __init__(self, name: str, until: str) -> None:
        self.name = name
        self.until = until
        super().__init__(f"too many failed logins for '{name}'; try again after {until}")


class Unavailable(PathwaysError):
    """The instance cannot save now: a full disk, a read-only folder, git missing or broken.

    Not something the user did wrong, and nothing was saved: answered 503 with `message`
    (a sentence for people) and logged once with `cause` (what the system said).
    """

    def __init__(self, message: str, cause: str) -> None:
        self.message = message
        self.cause = cause
        super().__init__(f"{message} ({cause})")


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
