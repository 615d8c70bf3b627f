"""A dialog's answer is None when the user cancelled it: act only on a given one."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def if_answered(act: Callable[[T], object]) -> Callable[[T | None], None]:
    """The callback for `push_screen`: `act(answer)`, unless the dialog was cancelled."""

    def callback(answer: T | None) -> None:
        if answer is not None:
            act(answer)

    return callback
