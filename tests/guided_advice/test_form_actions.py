"""The interview's actions run through rasa_sdk with real trackers and the real knowledge base.

The validation tracker is built the way Rasa builds it for ``validate_advice_form``:
the conversation so far, the user message, ``requested_slot``, the form's
``ActionExecuted`` and then the slot candidates extracted from that message.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, Optional, Sequence

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import ActionExecutor, CollectingDispatcher

from actions.guided.parsers import NOT_ENROLLED, SKIPPED
from actions.guided.profile import profile_from_slots
from actions.guided_advice import (
    FORM,
    ActionAskEnrolled,
    ActionAskInterest,
    ActionRecommendCertificates,
    ActionResetShortlist,
    ActionShowShortlist,
    ActionUpdateAdviceAnswer,
    ValidateAdviceForm,
)
from actions.slots import BUDGET, CODING, ENROLLED, INTEREST, QUESTIONS, ROLE, TRAVEL
from actions.slots import DONE_SLOT, LISTED_PROGRAMS_SLOT, REQUESTED_SLOT, ROLE_MATCHES_SLOT, SHORTLIST_SLOT, YEARS_SLOT

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = yaml.safe_load((ROOT / "rasa_project" / "domain" / "guided_advice.yml").read_text(encoding="utf-8"))

CURATOR_ANSWERS = {INTEREST: "topic:rare-books", ROLE: "rare books curator", CODING: "none", TRAVEL: "yes",
                   BUDGET: 6500, ENROLLED: "no", ROLE_MATCHES_SLOT: "topic:rare-books,goal:special-collections",
                   YEARS_SLOT: 6}


def entity(name: str, value: str, start: int = 0, end: int = 0) -> Dict[str, Any]:
    return {"entity": name, "value": value, "start": start, "end": end}


def slot_event(name: str, value: Any) -> Dict[str, Any]:
    return {"event": "slot", "name": name, "value": value}


def message(text: str, intent: str, entities: Sequence[Dict[str, Any]] = ()) -> Dict[str, Any]:
    return {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": list(entities)}


def form_turn(text: str, intent: str, candidates: Dict[str, Any], requested: Optional[str],
              entities: Sequence[Dict[str, Any]] = (), before: Optional[Dict[str, Any]] = None) -> Tracker:
    """The tracker Rasa sends to validate_advice_form after one user message."""
    before = before or {}
    latest = message(text, intent, entities)
    events = [slot_event(name, value) for name, value in before.items()]
    events += [{"event": "user", "text": text, "parse_data": latest}]
    events += [slot_event(name, value) for name, value in candidates.items()]
    events += [slot_event(REQUESTED_SLOT, requested), {"event": "action", "name": FORM}]
    events += [slot_event(name, value) for name, value in candidates.items()]
    return Tracker("learner", {**before, REQUESTED_SLOT: requested, **candidates}, latest, events, False, None,
                   {"name": FORM}, FORM)


def conversation(slots: Dict[str, Any], text: str = "", intent: str = "", entities=(), active_loop=None) -> Tracker:
    """A tracker for a plain action: the slots set earlier, then one user message."""
    latest = message(text, intent, entities)
    events = [slot_event(name, value) for name, value in slots.items()]
    events.append({"event": "user", "text": text, "parse_data": latest})
    return Tracker("learner", dict(slots), latest, events, False, None, active_loop or {}, "action_listen")


async def run_events(action, tracker: Tracker):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, DOMAIN)
    text = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    buttons = [b for m in dispatcher.messages for b in m.get("buttons") or []]
    return text, buttons, events


async def run(action, tracker: Tracker):
    text, buttons, events = await run_events(action, tracker)
    return text, buttons, {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def steps_aside(events) -> bool:
    return {"event": "action_execution_rejected", "name": FORM} in [
        {"event": e.get("event"), "name": e.get("name")} for e in events]


@pytest.fixture(scope="module")
def validate(kb):
    return ValidateAdviceForm(kb)


async def test_a_typed_budget_is_stored_in_dollars(validate):
    text, _, slots = await run(validate, form_turn("my budget is $3,000", "inform_budget", {BUDGET: "my budget is $3,000"}, BUDGET))
    assert slots[BUDGET] == 3000
    assert text == ""


async def test_a_later_question_answered_in_the_same_message_is_taken_too(validate):
    typed = "my budget is around $6,500 and I'm not enrolled at any school"
    text, _, slots = await run(validate, form_turn(typed, "inform_budget", {BUDGET: typed}, BUDGET))
    assert slots[BUDGET] == 6500 and slots[ENROLLED] == NOT_ENROLLED
    assert "not enrolled at a school" in text
    # Without its own words, no later question is answered.
    typed = "about 4000"
    _, _, slots = await run(validate, form_turn(typed, "inform_budget", {BUDGET: typed}, BUDGET))
    assert slots[BUDGET] == 4000 and ENROLLED not in slots


async def test_an_unreadable_budget_is_asked_again_with_examples(validate):
    text, _, slots = await run(validate, form_turn("lots of money", "nlu_fallback", {BUDGET: "lots of money"}, BUDGET))
    assert slots[BUDGET] is None
    assert "couldn't find an amount" in text and "3k" in text


async def test_a_button_answer_is_taken_as_it_is(validate):
    _, _, slots = await run(validate, form_turn('/inform_coding{"coding":"none"}', "inform_coding", {CODING: "none"},
                                                CODING, [entity("coding", "none")]))
    assert slots[CODING] == "none"


async def test_not_sure_skips_the_question(validate):
    _, _, slots = await run(validate, form_turn("not sure", "skip", {TRAVEL: SKIPPED}, TRAVEL))
    assert slots[TRAVEL] == SKIPPED


async def test_a_correction_mid_form_is_stored_and_acknowledged(validate):
    tracker = form_turn("actually my budget is $3,000", "inform_budget", {BUDGET: "actually my budget is $3,000"},
                        TRAVEL, before={BUDGET: 8000})
    text, _, slots = await run(validate, tracker)
    assert slots[BUDGET] == 3000
    assert "Got it, I've noted that: budget $3,000." in text


async def test_a_correction_is_not_also_read_as_an_answer_to_the_question_asked(validate):
    typed = "actually my budget is $3,000"
    tracker = form_turn(typed, "inform_budget", {TRAVEL: typed, BUDGET: typed}, TRAVEL, before={BUDGET: 8000})
    text, _, events = await run_events(validate, tracker)
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots[BUDGET] == 3000 and slots[TRAVEL] is None
    assert text == "Got it, I've noted that: budget $3,000.", "no re-prompt: the form asks its question next"
    assert not steps_aside(events)


async def test_an_answer_is_read_as_an_answer_whatever_intent_nlu_gave_it(validate):
    typed = "I've never programmed"
    text, _, events = await run_events(validate, form_turn(typed, "ask_prerequisites", {CODING: typed}, CODING))
    assert {e["name"]: e["value"] for e in events if e.get("event") == "slot"}[CODING] == "none"
    assert not steps_aside(events) and text == ""


async def test_an_answer_that_nlu_mistakes_for_a_command_is_still_an_answer(validate):
    typed = "happy to go to LA for a summer session"
    text, _, events = await run_events(validate, form_turn(typed, "start_over", {TRAVEL: typed}, TRAVEL))
    assert {e["name"]: e["value"] for e in events if e.get("event") == "slot"}[TRAVEL] == "yes"
    assert not steps_aside(events)


async def test_a_role_that_nlu_mistakes_for_a_bot_question_is_still_a_role(validate):
    typed = "I'm a cataloger"
    _, _, slots = await run(validate, form_turn(typed, "bot_challenge", {ROLE: typed}, ROLE))
    assert slots[ROLE] == "cataloger"


@pytest.mark.parametrize(
    "typed, intent, slot",
    [
        ("how much does Rare Book School cost?", "ask_cost", BUDGET),
        ("is it more than $1,000?", "ask_cost", BUDGET),
        ("are you a bot?", "bot_challenge", ROLE),
        ("which certificate should I do?", "find_certificate", INTEREST),
        ("the activism one, how many courses", "ask_program_details", INTEREST),
        ("no more questions please", "stop_guided_advice", TRAVEL),
        ("reset my shortlist", "reset_shortlist", CODING),
        ("start over", "start_over", BUDGET),
    ],
)
async def test_a_question_that_is_not_an_answer_makes_the_form_step_aside(validate, typed, intent, slot):
    text, _, events = await run_events(validate, form_turn(typed, intent, {slot: typed}, slot))
    assert steps_aside(events)
    assert {e["name"]: e["value"] for e in events if e.get("event") == "slot"}[slot] is None
    assert text == "", "the rule answers; no re-prompt"


async def test_words_that_answer_the_question_asked_do_not_also_change_another_answer(validate):
    typed = "I just finished my MLIS and work as a library assistant"
    tracker = form_turn(typed, "inform_enrollment", {ROLE: typed, ENROLLED: typed}, ROLE)
    text, _, slots = await run(validate, tracker)
    assert slots[ROLE] == "library assistant" and slots[YEARS_SLOT] == 0
    assert slots[ENROLLED] is None and text == ""


async def test_an_unreadable_correction_keeps_the_earlier_answer(validate):
    tracker = form_turn("actually my budget is bigger", "inform_budget", {BUDGET: "actually my budget is bigger"},
                        TRAVEL, before={BUDGET: 8000})
    text, _, slots = await run(validate, tracker)
    assert slots[BUDGET] == 8000
    assert "kept your earlier answer" in text


async def test_the_interest_comes_from_all_the_names_in_the_message(validate):
    typed = "data science, and I want a higher position"
    tracker = form_turn(typed, "find_certificate", {INTEREST: "data-science"}, INTEREST,
                        [entity("topic", "data-science"), entity("goal", "move-up")])
    _, _, slots = await run(validate, tracker)
    assert slots[INTEREST] == "topic:data-science,goal:move-up"


async def test_a_program_named_at_the_topic_question_stands_for_its_topics(validate):
    typed = "rare books and manuscripts"
    tracker = form_turn(typed, "find_certificate", {INTEREST: typed}, INTEREST,
                        [entity("program", "calrbs-rare-books-manuscripts")])
    _, _, slots = await run(validate, tracker)
    assert slots[INTEREST] == "topic:rare-books,topic:manuscripts"


async def test_an_interest_outside_the_article_is_asked_again(validate):
    text, _, slots = await run(validate, form_turn("astrophysics", "nlu_fallback", {INTEREST: "astrophysics"}, INTEREST))
    assert slots[INTEREST] is None
    assert "didn't find a topic or goal from the article" in text


async def test_the_role_answer_sets_years_and_the_topics_it_names(validate):
    typed = "I'm an archivist with 10 years of experience"
    tracker = form_turn(typed, "inform_role", {ROLE: typed}, ROLE, [entity("topic", "archives")])
    _, _, slots = await run(validate, tracker)
    assert slots[ROLE] == "archivist" and slots[YEARS_SLOT] == 10
    assert slots[ROLE_MATCHES_SLOT] == "topic:archives"


async def test_enrolled_without_a_school_asks_which_school(validate):
    text, _, slots = await run(validate, form_turn("yes", "affirm", {ENROLLED: "yes"}, ENROLLED))
    assert slots[ENROLLED] is None
    assert "Which school are you enrolled at?" in text


async def test_enrolled_at_a_named_school_stores_its_id(validate):
    tracker = form_turn("I'm a student at SJSU", "inform_enrollment", {ENROLLED: "sjsu"}, ENROLLED,
                        [entity("institution", "sjsu")])
    _, _, slots = await run(validate, tracker)
    assert slots[ENROLLED] == "sjsu"


async def test_stored_answers_validate_to_themselves_when_the_form_resumes(validate):
    stored = {slot: CURATOR_ANSWERS[slot] for slot in QUESTIONS}
    text, _, slots = await run(validate, form_turn("continue the questions", "start_guided_advice", stored, None))
    assert {slot: slots[slot] for slot in QUESTIONS} == stored
    assert text == ""
    assert ROLE_MATCHES_SLOT not in slots, "resuming does not forget what the role named"


async def test_each_question_is_asked_with_buttons(kb):
    text, buttons, _ = await run(ActionAskInterest(kb), conversation({}))
    assert "topic" in text and buttons[-1]["payload"] == "/skip"
    text, buttons, _ = await run(ActionAskEnrolled(kb), conversation({}))
    assert "enrolled" in text and len(buttons) == len(kb.providers) + 3


async def test_the_finished_form_shows_a_ranked_shortlist_and_remembers_it(kb):
    text, buttons, slots = await run(ActionRecommendCertificates(kb), conversation(CURATOR_ANSWERS))
    assert text.index("1. Professional Certificate in Rare Books and Manuscripts") < text.index("2. Rare Book School")
    assert slots[SHORTLIST_SLOT] == ["calrbs-rare-books-manuscripts", "rbs-certificate"]
    assert slots[LISTED_PROGRAMS_SLOT] == slots[SHORTLIST_SLOT]
    assert slots[DONE_SLOT] is True
    assert "/reset_shortlist" in [b["payload"] for b in buttons]


async def test_show_my_shortlist_repeats_the_saved_order(kb):
    saved = {**CURATOR_ANSWERS, SHORTLIST_SLOT: ["rbs-certificate", "calrbs-rare-books-manuscripts"], DONE_SLOT: True}
    text, _, slots = await run(ActionShowShortlist(kb), conversation(saved, "show my shortlist", "show_shortlist"))
    assert text.startswith("Your shortlist:")
    assert text.index("1. Rare Book School") < text.index("2. Professional Certificate in Rare Books")
    assert slots[LISTED_PROGRAMS_SLOT] == ["rbs-certificate", "calrbs-rare-books-manuscripts"]


async def test_starting_again_with_a_shortlist_shows_it_and_says_how_to_reset(kb):
    saved = {**CURATOR_ANSWERS, SHORTLIST_SLOT: ["calrbs-rare-books-manuscripts"], DONE_SLOT: True}
    text, _, _ = await run(ActionShowShortlist(kb), conversation(saved, "help me choose a certificate", "start_guided_advice"))
    assert text.startswith("You already have a shortlist") and "reset my shortlist" in text


async def test_show_my_shortlist_before_the_end_says_how_far_the_questions_got(kb):
    text, buttons, slots = await run(ActionShowShortlist(kb), conversation({INTEREST: "topic:archives", ROLE: SKIPPED}))
    assert "answered 2 of 6 questions" in text
    assert buttons[0]["payload"] == "/start_guided_advice" and slots == {}


async def test_reset_clears_every_answer_and_the_shortlist(kb):
    saved = {**CURATOR_ANSWERS, SHORTLIST_SLOT: ["rbs-certificate"], DONE_SLOT: True}
    text, _, slots = await run(ActionResetShortlist(kb), conversation(saved, "reset my shortlist", "reset_shortlist"))
    assert "cleared" in text
    assert all(slots[name] is None for name in [*QUESTIONS, SHORTLIST_SLOT, YEARS_SLOT, ROLE_MATCHES_SLOT])
    assert slots[DONE_SLOT] is False


async def test_changing_the_budget_after_the_shortlist_ranks_again(kb):
    saved = {**CURATOR_ANSWERS, SHORTLIST_SLOT: ["calrbs-rare-books-manuscripts", "rbs-certificate"],
             DONE_SLOT: True}
    typed = "actually my budget is $3,000"
    text, _, slots = await run(ActionUpdateAdviceAnswer(kb), conversation({**saved, BUDGET: typed}, typed, "inform_budget"))
    assert "Got it, I've noted that: budget $3,000." in text
    assert "Your updated shortlist:" in text and text.count("That is over your budget of $3,000.") == 2
    assert slots[BUDGET] == 3000


async def test_an_answer_given_before_the_questions_is_kept_for_them(kb):
    typed = "I can only study remotely"
    text, buttons, slots = await run(ActionUpdateAdviceAnswer(kb), conversation({TRAVEL: typed}, typed, "inform_travel"))
    assert slots == {TRAVEL: "no"}
    assert "online only" in text and buttons[0]["payload"] == "/start_guided_advice"


async def test_a_question_read_as_an_answer_outside_the_questions_is_answered(kb):
    typed = "Is RBS online?"
    rbs = [entity("institution", "rbs"), entity("attribute", "delivery")]
    text, _, slots = await run(ActionUpdateAdviceAnswer(kb), conversation({TRAVEL: typed}, typed, "inform_travel", rbs))
    assert "does not say whether any course is offered online" in text
    assert TRAVEL not in slots


@pytest.mark.parametrize("typed, found, shown", [
    ("anything under 6500 bucks?", [entity("operation", "filter_under"), entity("amount", "6500")],
     ("Certificates with tuition of $6,500 or less", "$6,000")),
    ("any between 6500 and 7000", [entity("amount", "6500"), entity("amount", "7000")], ("between $6,500 and $7,000", "$6,975")),
])
async def test_a_price_range_is_a_search_not_a_budget(kb, typed, found, shown):
    text, _, slots = await run(ActionUpdateAdviceAnswer(kb), conversation({BUDGET: typed}, typed, "inform_budget", found))
    assert all(part in text for part in shown)
    assert BUDGET not in slots


async def test_a_funding_question_with_a_sum_is_answered_not_taken_as_a_budget(kb):
    typed = "would a scholarship cover the full $6,000?"
    found = [entity("attribute", "funding"), entity("amount", "6000")]
    text, _, slots = await run(ActionUpdateAdviceAnswer(kb),
                               conversation({BUDGET: typed, "program": "calrbs-rare-books-manuscripts"}, typed, "inform_budget", found))
    assert "Scholarships" in text and "travel" in text
    assert BUDGET not in slots


@pytest.mark.parametrize("typed", ["each one 1395?", "so the total is about 7k"])
async def test_a_price_checked_just_after_a_price_is_answered_not_taken_as_a_budget(kb, typed):
    found = [entity("amount", "7000")] if "7k" in typed else []
    text, _, slots = await run(ActionUpdateAdviceAnswer(kb), conversation(
        {BUDGET: typed, "program": "rbs-certificate", "last_question": "cost"}, typed, "inform_budget", found))
    assert "$1,395 per course" in text and "$6,975" in text
    assert "noted" not in text and BUDGET not in slots


def test_profile_from_slots_turns_answers_into_a_learner_profile(kb):
    profile = profile_from_slots({**CURATOR_ANSWERS, ENROLLED: "sjsu", CODING: SKIPPED, TRAVEL: "no"}, kb)
    assert profile.topics == ("rare-books",) and profile.role_goals == ("special-collections",)
    assert profile.years_in_field == 6 and profile.budget_usd == 6500
    assert profile.coding is None and profile.can_travel is False
    assert profile.enrolled is True and profile.enrolled_at == "sjsu"
    assert profile_from_slots({ENROLLED: "other", BUDGET: SKIPPED}, kb).enrolled_at is None


def test_rasa_sdk_registers_every_interview_action():
    executor = ActionExecutor()
    executor.register_package("actions")
    assert set(DOMAIN["actions"]) <= set(executor.actions)


async def test_the_compare_button_under_a_shortlist_compares_its_first_two(kb):
    from actions.actions import ActionComparePrograms

    _, buttons, slots = await run(ActionRecommendCertificates(kb), conversation(CURATOR_ANSWERS))
    assert {"title": "Compare the first two", "payload": "/compare_programs"} in buttons
    text, _, _ = await run(ActionComparePrograms(kb), conversation({LISTED_PROGRAMS_SLOT: slots[LISTED_PROGRAMS_SLOT]},
                                                                   "/compare_programs", "compare_programs"))
    assert "$1,200/course, $6,000 total | $1,395/course, $6,975 total" in text


async def test_words_nlu_reads_as_another_answer_change_that_answer_and_the_topic_is_asked_again(validate):
    typed = "I write JavaScript every day"  # "JavaScript" also names the web programming topic
    tracker = form_turn(typed, "inform_coding", {INTEREST: "web-programming", CODING: typed}, INTEREST,
                        [{"entity": "topic", "value": "web-programming", "start": 8, "end": 18}])
    text, _, events = await run_events(validate, tracker)
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots[CODING] == "comfortable" and slots[INTEREST] is None
    assert text == "Got it, I've noted that: comfortable with coding."
    assert not steps_aside(events)


async def test_a_travel_answer_given_when_the_role_is_asked_is_not_taken_for_a_role(validate):
    typed = "I can travel"
    text, _, slots = await run(validate, form_turn(typed, "inform_travel", {ROLE: typed, TRAVEL: typed}, ROLE))
    assert slots[TRAVEL] == "yes" and slots[ROLE] is None
    assert "can travel to in-person courses" in text


async def test_a_topic_named_when_the_role_is_asked_is_the_topic_given_late(validate):
    typed = "rare books"
    tracker = form_turn(typed, "find_certificate", {ROLE: typed}, ROLE,
                        [{"entity": "topic", "value": "rare-books", "start": 0, "end": 10}], before={INTEREST: SKIPPED})
    text, _, events = await run_events(validate, tracker)
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots[INTEREST] == "topic:rare-books" and slots[ROLE] is None
    assert text == "Got it, I've noted that: interest: rare books."
    assert not steps_aside(events)


async def test_a_role_that_names_a_topic_stays_a_role(validate):
    typed = "rare books curator"
    tracker = form_turn(typed, "find_certificate", {ROLE: typed}, ROLE,
                        [{"entity": "topic", "value": "rare-books", "start": 0, "end": 10}], before={INTEREST: SKIPPED})
    _, _, slots = await run(validate, tracker)
    assert slots[ROLE] == "rare books curator" and INTEREST not in slots


async def test_an_unsure_guess_at_a_question_is_asked_again_not_answered(validate):
    typed = "digital humanities"  # outside the article; NLU once gave it a 0.47 bot question
    tracker = form_turn(typed, "bot_challenge", {INTEREST: typed}, INTEREST)
    tracker.latest_message["intent"]["confidence"] = 0.47
    text, _, events = await run_events(validate, tracker)
    assert not steps_aside(events)
    assert "didn't find a topic or goal from the article" in text


async def test_a_topic_outside_the_article_named_as_a_search_is_asked_again(validate):
    typed = "digital humanities"  # NLU reads it as a search with no topic found
    text, _, events = await run_events(validate, form_turn(typed, "find_certificate", {INTEREST: typed}, INTEREST))
    assert not steps_aside(events)
    assert "didn't find a topic or goal from the article" in text


async def test_a_search_asked_as_a_question_during_the_topic_question_is_answered(validate):
    typed = "which certificates cover digital humanities?"
    _, _, events = await run_events(validate, form_turn(typed, "find_certificate", {INTEREST: typed}, INTEREST))
    assert steps_aside(events)


async def test_a_budget_outside_the_questions_shows_what_fits_it(kb):
    typed = "what if my limit is 7000"
    text, _, slots = await run(ActionUpdateAdviceAnswer(kb), conversation({BUDGET: typed}, typed, "inform_budget",
                                                                          [entity("amount", "7000")]))
    assert "Got it, I've noted that: budget $7,000." in text
    assert "Certificates with tuition of $7,000 or less" in text and "$6,975" in text
    assert slots[BUDGET] == 7000


async def test_a_question_read_as_a_role_outside_the_questions_is_answered(kb):
    typed = "i run a small law library and want to upskill, ideas?"
    law = [entity("topic", "legal-information")]
    text, _, slots = await run(ActionUpdateAdviceAnswer(kb), conversation({ROLE: typed}, typed, "inform_role", law))
    assert "Legal Information graduate certificate" in text
    assert ROLE not in slots


async def test_a_question_about_the_program_in_context_is_not_a_travel_answer(kb):
    typed = "is it fully remote at least?"
    remote = [entity("attribute", "delivery")]
    text, _, slots = await run(ActionUpdateAdviceAnswer(kb), conversation(
        {TRAVEL: typed, "program": "rbs-certificate"}, typed, "inform_travel", remote))
    assert "does not say whether any course is offered online" in text
    assert TRAVEL not in slots


async def test_a_question_back_at_a_ranking_is_not_a_travel_answer(kb):
    typed = "does that include travel"
    text, _, slots = await run(ActionUpdateAdviceAnswer(kb), conversation(
        {TRAVEL: typed, "program": "calrbs-rare-books-manuscripts",
         "listed_programs": ["calrbs-rare-books-manuscripts", "rbs-certificate"]},
        typed, "inform_travel", [entity("attribute", "delivery")]))
    assert "could you travel" not in text
    assert "Rare Books and Manuscripts" in text
    assert TRAVEL not in slots


async def test_a_question_with_an_operation_is_not_an_enrolment_answer(kb):
    typed = "is there a sister program at the same school"
    text, _, slots = await run(ActionUpdateAdviceAnswer(kb), conversation(
        {ENROLLED: "another school", "program": "calrbs-critical-librarianship"}, typed, "inform_enrollment",
        [entity("operation", "others_at_school")]))
    assert "Rare Books and Manuscripts" in text
    assert ENROLLED not in slots


async def test_topic_names_at_the_topic_question_are_the_topic_even_if_nlu_reads_a_role(validate):
    typed = "legal research and law libraries"
    tracker = form_turn(typed, "inform_role", {INTEREST: typed, ROLE: typed}, INTEREST,
                        [entity("topic", "legal-information", start=0, end=14),
                         entity("topic", "legal-information", start=19, end=32)])
    _, _, slots = await run(validate, tracker)
    assert slots[INTEREST] == "topic:legal-information"
    assert slots.get(ROLE) is None


async def test_a_question_before_any_interview_is_a_question(kb):
    typed = "and online-only?"
    text, _, slots = await run(ActionUpdateAdviceAnswer(kb), conversation({}, typed, "inform_travel", [entity("attribute", "delivery")]))
    assert "24" in text and TRAVEL not in slots
