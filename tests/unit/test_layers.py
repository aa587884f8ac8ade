"""trusttui.core stands on its own: importing all of it never loads Textual."""

import pkgutil
import subprocess
import sys

import trusttui.core


def test_core_never_imports_textual() -> None:
    modules = [
        info.name for info in pkgutil.walk_packages(trusttui.core.__path__, prefix="trusttui.core.")
    ]
    assert len(modules) >= 6
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "import trusttui.cli\n"
        "print('textual' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
