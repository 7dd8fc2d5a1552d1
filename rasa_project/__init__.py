"""Rasa project files and the Python pieces Rasa loads from them (components, channels)."""
