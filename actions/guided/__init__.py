"""The guided interview's pure parts, one job per module (the Rasa actions are in ``actions.guided_advice``).

- ``parsers``: reading the learner's free-text answers into canonical values;
- ``prompts``: the interview's questions, re-prompts and acknowledgements;
- ``turn_reading``: what one message means for the form (answer, correction or interruption);
- ``profile``: the stored answers as the ranking's ``LearnerProfile``;
- ``shortlist``: composing the shortlist answer.
"""
