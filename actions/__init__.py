"""The MLIS Advisor action server package (rasa_sdk registers the actions defined here)."""
from actions import actions  # noqa: F401  (imported so rasa_sdk registers the action classes)
