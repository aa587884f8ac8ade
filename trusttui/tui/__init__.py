"""The Textual app. Only screens talk to the store, and they do it in workers."""
