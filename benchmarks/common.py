"""What every case shares: results and budgets, the workspace, and how to start trusttui."""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
TRUSTTUI = (PYTHON, "-m", "trusttui")
BARE_APP = (PYTHON, str(HERE / "bare_app.py"))

Status = Literal["PASS", "FAIL", "INFO", "ERROR"]


@dataclass
class Result:
    """One line of the report: a figure, the reference measured beside it, and the budget.

    `kind` says what the budget limits: "ratio" (figure / reference), "max" (the figure
    itself) or "info" (no budget: shown for context).
    """

    name: str
    unit: str
    figure: float | None = None
    reference: float | None = None
    reference_name: str = ""
    limit: float | None = None
    kind: Literal["ratio", "max", "info"] = "info"
    note: str = ""
    status: Status = "INFO"
    samples: dict[str, list[float]] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.figure is None or not self.reference:
            return None
        return self.figure / self.reference

    def judge(self) -> Result:
        """Set PASS or FAIL from the figure and the budget."""
        if self.figure is None or self.status == "ERROR":
            return self
        if self.kind == "ratio" and self.limit is not None and self.ratio is not None:
            self.status = "PASS" if self.ratio <= self.limit else "FAIL"
        elif self.kind == "max" and self.limit is not None:
            self.status = "PASS" if self.figure <= self.limit else "FAIL"
        else:
            self.status = "INFO"
        return self

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = self.ratio
        return data


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def interleave(
    runs: int, first: Callable[[], float], second: Callable[[], float], warmup: int = 1
) -> tuple[list[float], list[float]]:
    """Measure A B A B ... so both see the same machine load; warm-up runs are dropped."""
    for _ in range(warmup):
        first()
        second()
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        a.append(first())
        b.append(second())
    return a, b


# -- the workspace -----------------------------------------------------------------


class Workspace:
    """A private temp folder: a HOME of its own, data files, and a clean environment."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.home = root / "home"
        self.home.mkdir(parents=True, exist_ok=True)
        self._count = 0
        self._demos: dict[int, Path] = {}

    @classmethod
    @contextlib.contextmanager
    def temporary(cls) -> Iterator[Workspace]:
        with tempfile.TemporaryDirectory(prefix="trusttui-bench-") as folder:
            yield cls(Path(folder))

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of an SSH session: xterm-256color, no COLORTERM, nothing of ours."""
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("TEXTUAL", "TRUSTTUI", "XDG_", "PYTEST"))
            and key not in ("COLORTERM", "NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES")
        }
        env.update(
            HOME=str(self.home),
            XDG_DATA_HOME=str(self.home / ".local/share"),
            XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_STATE_HOME=str(self.home / ".local/state"),
            XDG_CACHE_HOME=str(self.home / ".cache"),
            TERM="xterm-256color",
            LANG=env.get("LANG") or "C.UTF-8",
            PYTHONPATH=str(ROOT),
        )
        env.update(extra)
        return env

    def fresh_path(self, stem: str = "empty") -> Path:
        """A data file path that does not exist yet."""
        self._count += 1
        folder = self.root / f"{stem}-{self._count}"
        folder.mkdir()
        return folder / "trusttui.json"

    def seen_path(self, stem: str = "empty") -> Path:
        """An otherwise empty data file where the first-run privacy note was already read.

        Every start after the first looks like this; the note would cover the screen.
        """
        from trusttui.core.settings import save_setting
        from trusttui.core.store import Store
        from trusttui.tui.screens.privacy import PRIVACY_SETTING

        path = self.fresh_path(stem)
        save_setting(Store.open(path), PRIVACY_SETTING, True)
        return path

    def copy_of(self, source: Path, stem: str = "copy") -> Path:
        """A private copy of a data file (for runs that may write to it)."""
        target = self.fresh_path(stem)
        shutil.copy2(source, target)
        target.chmod(0o600)
        return target

    def demo(self, years: int = 10) -> Path:
        """`trusttui demo --years N --out PATH`, made once per run."""
        if years not in self._demos:
            path = self.root / f"demo-{years}y" / "trusttui.json"
            path.parent.mkdir(mode=0o700)
            run_trusttui(self, "demo", "--years", str(years), "--out", str(path), check=True)
            self._demos[years] = path
        return self._demos[years]


def run_trusttui(
    ws: Workspace, *args: str, check: bool = False, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """Run a trusttui command to completion, no terminal, output captured."""
    result = subprocess.run(
        [*TRUSTTUI, *args],
        env=ws.env(),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )
    if check and result.returncode != 0:
        raise RuntimeError(f"trusttui {' '.join(args)} failed: {result.stderr.strip()}")
    return result


def timed_process(argv: Sequence[str], env: dict[str, str]) -> float:
    """Wall time of one whole process, no terminal (seconds)."""
    started = time.perf_counter()
    result = subprocess.run(
        list(argv), env=env, stdin=subprocess.DEVNULL, capture_output=True, check=False
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(argv[2:])} failed: {result.stderr.decode(errors='replace').strip()}"
        )
    return elapsed
