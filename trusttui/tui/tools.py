"""The tools the app offers, each a mode with its own screen.

Screens are imported when first opened, so starting on one tool does not pay
for the others.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from textual.screen import Screen


@dataclass(frozen=True)
class Tool:
    """A tool: its mode name, how it is shown, its key and where its screen lives."""

    mode: str
    title: str
    key: str
    help: str
    screen: str
    """`module:Class` of the screen, imported on first use."""

    def make_screen(self) -> Screen[None]:
        module_name, _, class_name = self.screen.partition(":")
        screen_class = getattr(importlib.import_module(module_name), class_name)
        screen: Screen[None] = screen_class()
        return screen


TOOLS: tuple[Tool, ...] = (
    Tool(
        "dashboard",
        "Today",
        "t",
        "Your day at a glance",
        "trusttui.tui.screens.dashboard:DashboardScreen",
    ),
    Tool(
        "breathe",
        "Breathe",
        "b",
        "A calm guided breath",
        "trusttui.tui.screens.breathe:BreatheScreen",
    ),
    Tool(
        "feel",
        "Feel",
        "f",
        "Name what you feel on the emotion wheel",
        "trusttui.tui.screens.feel:FeelScreen",
    ),
    Tool(
        "scripts",
        "Scripts",
        "s",
        "Prepare a calm, honest talk",
        "trusttui.tui.screens.scripts:ScriptsScreen",
    ),
    Tool(
        "promises",
        "Promises",
        "p",
        "Keep promises visibly and see consistency grow",
        "trusttui.tui.screens.promises:PromisesScreen",
    ),
)

TOOLS_BY_MODE = {tool.mode: tool for tool in TOOLS}
