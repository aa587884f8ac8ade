"""`python -m trusttui` runs the same entry point as the `trusttui` command."""

import sys

from trusttui.cli import main

sys.exit(main())
