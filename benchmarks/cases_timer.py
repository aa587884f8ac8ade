"""Timer accuracy: a real 5-minute breathing session against its nominal length."""

from __future__ import annotations

from benchmarks.common import Result, Workspace, has_command, not_measurable

NAME = "breathing timer: 5 min session, error"
LIMIT_MS = 50.0


def run_timer(ws: Workspace, minutes: float = 5.0) -> list[Result]:
    if not has_command("breathe"):
        why = "`trusttui breathe` does not exist yet"
        return [not_measurable(NAME, "ms", why, kind="max", limit=LIMIT_MS)]
    return [not_measurable(NAME, "ms", "not written yet", kind="max", limit=LIMIT_MS)]
