"""Run a program in a pseudo-terminal and watch every byte it writes, as a terminal would.

Everything Textual draws goes to the pty; the harness reads the master side, so the
byte counts are what an SSH link would carry (before compression).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

ALT_SCREEN_ON = b"\x1b[?1049h"
ALT_SCREEN_OFF = b"\x1b[?1049l"
CLK_TCK = os.sysconf("SC_CLK_TCK")


class HarnessError(RuntimeError):
    """The program under test did not do what the harness waited for."""


def _controlling_tty() -> None:  # runs in the child, between fork and exec
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


@dataclass
class PtyProcess:
    """A child on a pty; `pump()` reads what it wrote, with the time each chunk arrived."""

    proc: subprocess.Popen[bytes]
    master: int
    started: float
    output: bytearray = field(default_factory=bytearray)
    last_byte: float = 0.0
    closed: bool = False

    @property
    def pid(self) -> int:
        return self.proc.pid

    def pump(self, timeout: float) -> int:
        """Read whatever arrives within `timeout` s (returns at the first chunk); bytes read."""
        if self.closed:
            time.sleep(max(0.0, timeout))
            return 0
        ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        if not ready:
            return 0
        try:
            chunk = os.read(self.master, 1 << 16)
        except OSError:  # EIO: the child closed the terminal
            chunk = b""
        if not chunk:
            self.closed = True
            return 0
        self.last_byte = time.perf_counter()
        self.output += chunk
        return len(chunk)

    def drain(self, seconds: float) -> int:
        """Keep reading for `seconds`; the number of bytes read."""
        end = time.perf_counter() + seconds
        total = 0
        while (left := end - time.perf_counter()) > 0:
            total += self.pump(left)
        return total

    def send(self, data: bytes) -> None:
        """Type into the terminal."""
        os.write(self.master, data)

    def cpu_seconds(self) -> float:
        """User + system CPU time of the process so far (all its threads)."""
        with open(f"/proc/{self.pid}/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK

    def peak_rss_kib(self) -> int:
        """The process's peak resident memory so far (VmHWM), in KiB."""
        with open(f"/proc/{self.pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        raise HarnessError("no VmHWM in /proc status")

    def wait_exit(self, timeout: float) -> float:
        """Keep reading until the process exits; seconds from spawn to its exit."""
        end = time.perf_counter() + timeout
        while self.proc.poll() is None:
            if time.perf_counter() > end:
                raise HarnessError(f"still running after {timeout:.0f} s")
            self.pump(min(0.05, max(0.0, end - time.perf_counter())))
        return time.perf_counter() - self.started

    def stop(self) -> None:
        """End the child (SIGTERM, then SIGKILL) and close the terminal."""
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                self.proc.send_signal(signal.SIGTERM)
            end = time.perf_counter() + 3.0
            while self.proc.poll() is None and time.perf_counter() < end:
                self.pump(0.02)
            if self.proc.poll() is None:
                self.proc.kill()
        self.proc.wait()
        with contextlib.suppress(OSError):
            os.close(self.master)
        self.closed = True

    def __enter__(self) -> PtyProcess:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def spawn(
    argv: Sequence[str],
    *,
    size: tuple[int, int] = (100, 30),
    env: Mapping[str, str] | None = None,
    cwd: str | None = None,
) -> PtyProcess:
    """Start `argv` on a new pty of `size` (columns, rows) as its controlling terminal."""
    master, slave = pty.openpty()
    columns, rows = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    started = time.perf_counter()
    proc = subprocess.Popen(
        list(argv),
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=dict(env) if env is not None else None,
        cwd=cwd,
        start_new_session=True,
        preexec_fn=_controlling_tty,
        close_fds=True,
    )
    os.close(slave)
    return PtyProcess(proc=proc, master=master, started=started)


@dataclass(frozen=True)
class Frame:
    """When the first complete frame was drawn."""

    seconds: float
    """From spawn to the last byte of the frame."""
    bytes_so_far: int


def first_frame(
    child: PtyProcess,
    *,
    marker: bytes | re.Pattern[bytes] | None = None,
    quiet: float = 0.1,
    min_bytes: int = 500,
    timeout: float = 30.0,
) -> Frame:
    """Wait for the first complete frame after the switch to the alternate screen.

    The frame is complete at the last byte before `quiet` seconds of silence, once the
    alternate screen is on, at least `min_bytes` were drawn after it and `marker` (text
    that only the finished frame holds) has appeared.
    """
    end = child.started + timeout
    while True:
        now = time.perf_counter()
        if now > end:
            raise HarnessError(_why_no_frame(child, marker, timeout))
        got = child.pump(min(quiet, end - now))
        if got:
            continue
        if child.closed:
            raise HarnessError(f"exited before its first frame: {_tail(child.output)}")
        start = child.output.find(ALT_SCREEN_ON)
        if start < 0 or len(child.output) - start < min_bytes:
            continue
        if marker is not None and not _has_marker(child.output, marker, start):
            continue
        if time.perf_counter() - child.last_byte >= quiet:
            return Frame(child.last_byte - child.started, len(child.output))


def _has_marker(output: bytearray, marker: bytes | re.Pattern[bytes], start: int) -> bool:
    if isinstance(marker, bytes):
        return output.find(marker, start) >= 0
    return marker.search(output, start) is not None


def _tail(output: bytearray, size: int = 300) -> str:
    return repr(bytes(output[-size:]))


def _why_no_frame(
    child: PtyProcess, marker: bytes | re.Pattern[bytes] | None, timeout: float
) -> str:
    if ALT_SCREEN_ON not in child.output:
        return f"no alternate screen within {timeout:.0f} s: {_tail(child.output)}"
    if marker is not None and not _has_marker(child.output, marker, 0):
        return f"marker {marker!r} never drawn within {timeout:.0f} s: {_tail(child.output)}"
    return f"never {timeout:.0f} s without a quiet gap: {_tail(child.output)}"


def visible_text(output: bytes) -> str:
    """The printable text in terminal output, escape sequences removed (for checks)."""
    text = re.sub(rb"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b[=>78]", b"", output)
    return text.decode("utf-8", "replace")
