"""Local time zones: where wall-clock times are placed, DST and all."""

from __future__ import annotations

import functools
import os
import zoneinfo
from datetime import UTC, datetime, timezone, tzinfo


def local_zone(now: datetime) -> tzinfo:
    """The zone that local wall-clock times are placed in.

    A `now` carrying a real zone (zoneinfo) gives that zone. A fixed offset, as
    `datetime.now().astimezone()` gives, means the system's zone when that
    agrees with it at `now` (so DST changes are followed), else the offset itself.
    """
    zone = now.tzinfo
    if zone is None:
        raise ValueError("now must be timezone-aware")
    if not isinstance(zone, timezone):
        return zone
    system = _system_zone(os.environ.get("TZ"))
    if system is not None and now.astimezone(system).utcoffset() == now.utcoffset():
        return system
    return zone


@functools.lru_cache(maxsize=8)
def _system_zone(tz_env: str | None) -> tzinfo | None:
    try:
        if tz_env:
            return zoneinfo.ZoneInfo(tz_env.lstrip(":"))
        with open("/etc/localtime", "rb") as handle:
            return zoneinfo.ZoneInfo.from_file(handle)
    except (OSError, ValueError, zoneinfo.ZoneInfoNotFoundError):
        return None


def localize(moment: datetime, zone: tzinfo) -> datetime:
    """A naive wall-clock time placed in `zone`; a skipped time moves forward."""
    aware = moment.replace(tzinfo=zone, fold=0)
    return aware.astimezone(UTC).astimezone(zone)
