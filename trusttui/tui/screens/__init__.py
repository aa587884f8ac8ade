"""One screen per tool, plus the shared dialogs."""
