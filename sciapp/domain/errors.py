"""The one error the domain raises for bad input: a message per field."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping


class InvalidInputError(ValueError):
    """Input that breaks a rule. `errors` maps a field name to what is wrong with it."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors: dict[str, str] = dict(errors)
        super().__init__("; ".join(f"{field}: {msg}" for field, msg in self.errors.items()))
