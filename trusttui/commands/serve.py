"""`trusttui serve`: the app in a browser, through textual-serve (an optional extra)."""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys

from trusttui.commands import Context
from trusttui.core.errors import InputError

TUNNEL_HINT = "ssh -L 8000:127.0.0.1:8000 you@server, then open http://127.0.0.1:8000"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = sub.add_parser(
        "serve",
        help="open trusttui in a web browser (this machine only, unless --public)",
        description="Serve the app to a web browser with textual-serve. There is no login: "
        f"it binds to 127.0.0.1 by default; from elsewhere use an SSH tunnel ({TUNNEL_HINT}).",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=_port, default=8000, help="port (default 8000)")
    serve.add_argument(
        "--public",
        action="store_true",
        help="allow an address other machines can reach (anyone who reaches it sees your data)",
    )
    serve.set_defaults(run=run_serve)


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--port wants a number, not {text!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError("--port must be between 1 and 65535")
    return port


def is_loopback(host: str) -> bool:
    """Only this machine can reach `host`."""
    if host.lower() in {"localhost", "localhost."}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def run_serve(args: argparse.Namespace, ctx: Context) -> int:
    if not is_loopback(args.host) and not args.public:
        raise InputError(
            f"{args.host} can be reached from other machines and there is no login; "
            f"add --public if you mean it, or keep 127.0.0.1 and use an SSH tunnel."
        )
    try:
        from textual_serve.server import Server
    except ImportError:
        raise InputError(
            "Serving in a browser needs textual-serve: pip install 'trusttui[serve]'."
        ) from None
    ctx.store()  # refuse a data file that cannot be read before anyone connects
    command = shlex.join([sys.executable, "-m", "trusttui", "--db", str(ctx.db_path)])
    ctx.say(f"trusttui is at http://{args.host}:{args.port} (Ctrl+C to stop).")
    ctx.say("There is no login: anyone who can reach this address can open your data.")
    if args.public:
        ctx.say(f"Safer: keep 127.0.0.1 and use an SSH tunnel: {TUNNEL_HINT}.")
    Server(command, host=args.host, port=args.port, title="trusttui").serve()
    return 0
