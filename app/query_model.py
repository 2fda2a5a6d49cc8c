"""Query parameters read into a pydantic model the way FastAPI reads them, but cheaper.

FastAPI reads a query-parameter model (`Annotated[Model, Query()]`) by introspecting
every field's annotation again on every request (is it a sequence? which alias? JSON?),
which on find-help cost more than reading the young person's words. The model's fields
never change, so `QueryModel` works that out once and then does per request only what
FastAPI's `_request_param_model_to_args` ends up doing: a list for a list field (empty
means absent), the last value for any other, and one `model_validate`. Errors are
FastAPI's own (`RequestValidationError`, each `loc` under `"query"`), so a refused
parameter is answered exactly as before; `tests/app/test_query_model.py` compares the
two readers on good and bad query strings.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar
from urllib.parse import unquote

from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)
_LISTS = (list, tuple, set, frozenset, Sequence)


def _is_list(annotation: Any) -> bool:
    """Whether FastAPI reads this field as repeated (`need=a&need=b`)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Union or str(origin) == "<class 'types.UnionType'>":
        return any(_is_list(arg) for arg in typing.get_args(annotation) if arg is not type(None))
    return origin in _LISTS or annotation in _LISTS


def query_pairs(query_string: bytes) -> list[tuple[str, str]]:
    """The (name, value) pairs of a raw query string, exactly as Starlette's `QueryParams`
    reads them (`parse_qsl(..., keep_blank_values=True)` over latin-1), without its
    general machinery: on find-help that machinery cost as much as reading the text."""
    text = query_string.decode("latin-1")
    pairs: list[tuple[str, str]] = []
    for part in text.split("&") if text else ():
        if part:
            name, _, value = part.partition("=")  # no "=": a blank value, as parse_qsl
            pairs.append((_unquoted(name), _unquoted(value)))
    return pairs


def _unquoted(text: str) -> str:
    if "+" in text:
        text = text.replace("+", " ")
    return unquote(text) if "%" in text else text  # UTF-8, errors replaced, as parse_qsl


class QueryModel(Generic[M]):
    """Reads a raw query string into `model`; which fields repeat is worked out once."""

    def __init__(self, model: type[M]) -> None:
        self.model = model
        fields = model.model_fields
        for name, info in fields.items():
            if info.alias or info.validation_alias:
                raise TypeError(f"{model.__name__}.{name}: aliases are not read here")
        self.lists = frozenset(n for n, f in fields.items() if _is_list(f.annotation))
        self.names = frozenset(fields)
        self.order = tuple(fields)
        if model.model_config.get("extra") in ("allow", "forbid"):
            raise TypeError(f"{model.__name__}: only models that ignore extras are read here")

    def read(self, pairs: Iterable[tuple[str, str]]) -> M:
        """The model from a request's query pairs (`query_pairs`); a refused value raises
        FastAPI's `RequestValidationError`, which `app.errors` answers as a 422."""
        fields: dict[str, Any] = {}
        extras: dict[str, list[str]] = {}
        for name, value in pairs:
            if name in self.lists:
                fields.setdefault(name, []).append(value)
            elif name in self.names:
                fields[name] = value  # the last one, as `QueryParams.get`
            else:  # passed on as FastAPI does (the model ignores them; errors show them)
                extras.setdefault(name, []).append(value)
        # In the model's field order, then the extras: an error's `input` is this dict.
        values = {name: fields[name] for name in self.order if name in fields}
        values.update((k, v[0] if len(v) == 1 else v) for k, v in extras.items())
        try:
            return self.model.model_validate(values, from_attributes=True)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
            raise RequestValidationError(
                [{**error, "loc": ("query", *error["loc"])} for error in errors]
            ) from None
