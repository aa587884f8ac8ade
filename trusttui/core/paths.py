"""Where trusttui keeps its files."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP_NAME = "trusttui"
DB_ENV = "TRUSTTUI_DB"


def default_db_path() -> Path:
    """The platform's user data dir (on Linux `$XDG_DATA_HOME/trusttui/trusttui.json`)."""
    return user_data_path(APP_NAME, appauthor=False) / "trusttui.json"


def config_dir() -> Path:
    """The platform's user config dir (on Linux `$XDG_CONFIG_HOME/trusttui`)."""
    return user_config_path(APP_NAME, appauthor=False)


def resolve_db_path(flag: str | None, environ: Mapping[str, str] = os.environ) -> Path:
    """`--db` wins over `TRUSTTUI_DB`, which wins over the default."""
    chosen = flag or environ.get(DB_ENV)
    return Path(chosen).expanduser() if chosen else default_db_path()
