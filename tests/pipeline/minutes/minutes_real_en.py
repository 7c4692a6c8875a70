"""English minutes as they are really written (see `minutes_real_spec`)."""

from __future__ import annotations

from minutes_real_spec import Real

ALL: tuple[object, ...] = ()
