"""The chat page and its widget, driven in a real Chromium against real servers."""
