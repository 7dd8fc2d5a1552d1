"""Rasa input channels of the advisor: Rasa's own, made to never leave a user in silence."""
