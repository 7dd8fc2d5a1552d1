"""Every slot name the actions read or set, in one place (the domain declares them in
``rasa_project/domain/slots.yml`` and ``guided_advice.yml``)."""

# The conversation's context: what "it", "the second one", "she" and "and at RBS?" refer to.
PROGRAM_SLOT = "program"
INSTITUTION_SLOT = "institution"
TOPIC_SLOT = "topic"
PERSON_SLOT = "person"
LISTED_PROGRAMS_SLOT = "listed_programs"
LAST_QUESTION_SLOT = "last_question"
CAREER_STAGE_SLOT = "career_stage"  # what the user said of their own career, for "someone like me"

# The guided interview's questions, in the order the form asks them.
INTEREST, ROLE, CODING, TRAVEL, BUDGET, ENROLLED = (
    "advice_interest", "advice_role", "advice_coding", "advice_travel", "advice_budget", "advice_enrolled",
)
QUESTIONS = (INTEREST, ROLE, CODING, TRAVEL, BUDGET, ENROLLED)

# What the interview keeps besides the answers.
REQUESTED_SLOT = "requested_slot"
YEARS_SLOT = "advice_years"
ROLE_MATCHES_SLOT = "advice_role_matches"
SHORTLIST_SLOT = "advice_shortlist"
DONE_SLOT = "advice_done"
