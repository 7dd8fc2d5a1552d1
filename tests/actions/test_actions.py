"""The actions, run through rasa_sdk with real trackers and the real knowledge base."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import (
    ActionAnswerCost,
    ActionAnswerFollowUp,
    ActionAnswerFunding,
    ActionAnswerLandscape,
    ActionAnswerPrerequisites,
    ActionComparePrograms,
    ActionDescribeProgram,
    ActionFindCertificates,
)
from knowledge import DEFAULT_DIRECTORY, load_knowledge_base
from tests.support.invented_program import knowledge_dir_with_invented_program

ROOT = Path(__file__).resolve().parents[2]


def entity(name: str, value: str) -> Dict[str, Any]:
    return {"entity": name, "value": value, "start": 0, "end": 0}


def tracker(*entities: Dict[str, Any], **slots: Any) -> Tracker:
    return Tracker(
        sender_id="librarian",
        slots=slots,
        latest_message={"text": "", "intent": {"name": "", "confidence": 1.0}, "entities": list(entities)},
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


async def run(action, tracker_: Tracker):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker_, {})
    text = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    buttons = [b for m in dispatcher.messages for b in m.get("buttons") or []]
    return text, buttons, events


def slot(events: List[Any], name: str) -> Optional[Any]:
    values = [e["value"] for e in events if e.get("event") == "slot" and e.get("name") == name]
    return values[-1] if values else None


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


async def test_cost_of_rare_book_school_gives_per_course_total_and_rule(kb):
    text, _, events = await run(ActionAnswerCost(kb), tracker(entity("institution", "rbs")))
    assert "$1,395 per course" in text
    assert "most in-person courses" in text
    assert "$6,975" in text and "5 × $1,395" in text
    assert "Source:" in text
    assert slot(events, "program") == "rbs-certificate"


async def test_cost_of_unknown_program_is_not_invented(kb):
    text, _, _ = await run(ActionAnswerCost(kb), tracker(entity("program", "arizona-nlp")))
    assert "gives no price" in text
    assert "$" not in text


async def test_cost_without_any_program_asks_which_school_with_buttons(kb):
    text, buttons, _ = await run(ActionAnswerCost(kb), tracker())
    assert "Which" in text
    payloads = [b["payload"] for b in buttons]
    assert '/ask_cost{"institution":"rbs"}' in payloads
    assert len(buttons) == len(kb.providers)


async def test_it_means_the_program_under_discussion(kb):
    text, _, _ = await run(ActionAnswerCost(kb), tracker(program="calrbs-rare-books-manuscripts"))
    assert "$1,200 per course" in text and "$6,000" in text


async def test_the_second_one_means_the_second_program_listed(kb):
    listed = ["arizona-nlp", "rbs-certificate"]
    text, _, events = await run(ActionDescribeProgram(kb), tracker(entity("ordinal", "2"), listed_programs=listed))
    assert "Rare Book School" in text
    assert slot(events, "program") == "rbs-certificate"


async def test_a_position_past_the_end_of_the_list_is_questioned_not_guessed(kb):
    text, _, events = await run(ActionDescribeProgram(kb), tracker(entity("ordinal", "4"), listed_programs=["arizona-nlp"]))
    assert "had 1 certificate" in text
    assert slot(events, "program") is None


async def test_and_at_rare_book_school_repeats_the_last_question_for_it(kb):
    state = tracker(entity("institution", "rbs"), program="calrbs-rare-books-manuscripts", last_question="cost")
    text, _, events = await run(ActionAnswerFollowUp(kb), state)
    assert "$1,395" in text and "$1,200" not in text
    assert slot(events, "program") == "rbs-certificate"


async def test_a_school_with_several_certificates_asks_which_one(kb):
    text, buttons, events = await run(ActionAnswerPrerequisites(kb), tracker(entity("institution", "sjsu")))
    assert "Which one" in text
    assert {b["payload"] for b in buttons} == {
        '/ask_prerequisites{"program":"sjsu-post-masters"}',
        '/ask_prerequisites{"program":"sjsu-digital-assets"}',
    }
    assert slot(events, "listed_programs") == ["sjsu-post-masters", "sjsu-digital-assets"]


async def test_arizona_funding_rules_out_financial_aid_and_departmental_funding(kb):
    text, _, _ = await run(ActionAnswerFunding(kb), tracker(entity("program", "arizona-data-science")))
    assert "Not eligible for traditional financial aid" in text
    assert "No departmental funding" in text
    assert "out of pocket" in text


async def test_rare_book_scholarships_cover_tuition_but_not_travel(kb):
    text, _, _ = await run(ActionAnswerFunding(kb), tracker(entity("institution", "calrbs")))
    assert "cover tuition" in text
    assert "travel" in text


async def test_funding_the_article_does_not_describe_is_said_to_be_unknown(kb):
    text, _, _ = await run(ActionAnswerFunding(kb), tracker(entity("program", "sjsu-digital-assets")))
    assert "says nothing specific about funding" in text


async def test_prerequisites_for_a_technical_certificate_give_the_learners_steps(kb):
    text, _, _ = await run(ActionAnswerPrerequisites(kb), tracker(entity("program", "arizona-data-science")))
    assert "undergraduate or online courses" in text
    assert "Kendra Lyons" in text


async def test_prerequisites_the_article_does_not_give_are_not_invented(kb):
    text, _, _ = await run(ActionAnswerPrerequisites(kb), tracker(entity("program", "rbs-certificate")))
    assert "gives no advice on preparing" in text


async def test_find_certificates_by_topic_lists_reasons_and_remembers_the_list(kb):
    text, buttons, events = await run(ActionFindCertificates(kb), tracker(entity("topic", "data-science")))
    assert text.index("Foundations of Data Science") < text.index("Post-Master's Certificate")
    assert "pathway covers data science" in text
    assert slot(events, "listed_programs")[0] == "arizona-data-science"
    assert buttons


async def test_a_topic_with_no_named_program_points_to_ala_not_to_an_invented_program(kb):
    text, _, events = await run(ActionFindCertificates(kb), tracker(entity("topic", "leadership")))
    assert "names no certificate for leadership" in text
    assert "39" in text and "ALA's database" in text
    assert slot(events, "listed_programs") == []


async def test_compare_calrbs_and_rbs_side_by_side(kb):
    text, _, _ = await run(ActionComparePrograms(kb), tracker(entity("institution", "calrbs"), entity("institution", "rbs")))
    assert "$1,200/course, $6,000 total | $1,395/course, $6,975 total" in text
    assert "Structure: both 5 courses" in text


async def test_landscape_gives_39_and_24(kb):
    text, _, _ = await run(ActionAnswerLandscape(kb), tracker())
    assert "39" in text and "24" in text and "100% online" in text


async def test_a_program_added_in_yaml_only_is_answered(tmp_path):
    kb = load_knowledge_base(knowledge_dir_with_invented_program(tmp_path))
    listing, _, _ = await run(ActionFindCertificates(kb), tracker(entity("topic", "puppets")))
    assert "Certificate in Library Puppetry (North Pole University)" in listing
    cost, _, _ = await run(ActionAnswerCost(kb), tracker(entity("program", "puppetry certificate")))
    assert "$900 per course" in cost and "$3,600" in cost


def test_action_server_refuses_to_start_on_an_invalid_knowledge_base(tmp_path):
    shutil.copytree(DEFAULT_DIRECTORY, tmp_path / "kb")
    programs = tmp_path / "kb" / "programs.yml"
    programs.write_text(programs.read_text().replace("credential: certificate_of_completion", "credential: diploma"))
    env = {**os.environ, "MLIS_ADVISOR_KNOWLEDGE_DIR": str(tmp_path / "kb"), "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "actions.server", "--port", "0"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert "programs.yml, entry 'rbs-certificate', field 'credential'" in result.stderr


async def test_a_non_text_program_slot_is_treated_as_empty(kb):
    text, buttons, _ = await run(ActionAnswerCost(kb), tracker(entity("program", 2), program=2, listed_programs="x"))
    assert "Which" in text and buttons


async def test_a_topic_search_lists_the_certificates_about_it_not_every_course_touching_it(kb):
    text, _, events = await run(ActionFindCertificates(kb), tracker(entity("topic", "activism")))
    assert "Critical Librarianship, Activism, and Justice" in text
    assert "Rare Books and Manuscripts" not in text
    bookbinding, _, _ = await run(ActionFindCertificates(kb), tracker(entity("topic", "bookbinding")))
    assert "Rare Book School Certificate of Completion" in bookbinding  # only its courses cover it: still listed


async def test_advice_names_its_learner_so_who_said_that_points_at_her(kb):
    _, _, events = await run(ActionAnswerPrerequisites(kb), tracker(entity("program", "arizona-nlp")))
    assert slot(events, "person") == "kendra-lyons"


def said(text: str, intent: str) -> Tracker:
    state = tracker()
    state.latest_message.update(text=text, intent={"name": intent, "confidence": 0.4})
    return state


@pytest.mark.parametrize("text, response", [
    ("thanks, bye", "utter_goodbye"),
    ("ok cool thx so much", "utter_you_are_welcome"),
    ("hiya", "utter_greet"),
    ("I'm a school librarian in Ohio, 20 years in, just browsing. what is this for?", "utter_help"),
    ("what can you help me with? im a school librarian", "utter_help"),
    ("thx thats all I needed!", "utter_you_are_welcome"),
])
async def test_small_talk_nlu_could_not_place_gets_its_response(kb, text, response):
    dispatcher = CollectingDispatcher()
    from actions.actions import ActionAnswerQuestion

    await ActionAnswerQuestion(kb).run(dispatcher, said(text, "nlu_fallback"), {})
    assert [m.get("response") for m in dispatcher.messages] == [response]


async def test_thanks_with_a_question_is_still_the_question(kb):
    from actions.actions import ActionAnswerQuestion

    state = said("thanks, and how much is rare book school?", "nlu_fallback")
    state.latest_message["entities"] = [entity("institution", "rbs"), entity("attribute", "cost")]
    text, _, _ = await run(ActionAnswerQuestion(kb), state)
    assert "$1,395" in text


def test_the_last_resort_keeps_to_the_certificates_in_context(kb):
    from actions.understanding import Context

    text = ActionAnswerCost(kb).nothing_understood(
        "does the certificate expire after some years?", "nlu_fallback", Context(program="rbs-certificate")).text
    assert "closest facts" in text and "Rare Book School" in text
    named = [p.name for p in kb.programs if p.id != "rbs-certificate"] + ["Marina Morgan", "Kendra Lyons"]
    assert not any(name in text for name in named)


async def test_a_career_stage_the_user_tells_is_kept_for_later(kb):
    told = Tracker(
        sender_id="librarian", slots={}, events=[], paused=False, followup_action=None, active_loop={},
        latest_action_name="action_listen",
        latest_message={"text": "i graduated 6 months ago, what are my options?",
                        "intent": {"name": "find_certificate", "confidence": 1.0}, "entities": []})
    text, _, events = await run(ActionFindCertificates(kb), told)
    assert "Digital Assets Management Certificate" in text
    assert slot(events, "career_stage") == "recent"


async def test_back_to_the_first_one_reads_the_conversations_past_program_slots(kb):
    from actions.actions import ActionAnswerQuestion

    past = [{"event": "slot", "name": "program", "value": "calrbs-rare-books-manuscripts"},
            {"event": "slot", "name": "program", "value": "rbs-certificate"},
            {"event": "slot", "name": "program", "value": "rbs-certificate"}]
    state = Tracker(
        sender_id="librarian", slots={"program": "rbs-certificate", "listed_programs": ["rbs-certificate"]},
        events=past, paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen",
        latest_message={"text": "ok back to the first one - how much is it?",
                        "intent": {"name": "ask_cost", "confidence": 1.0}, "entities": [entity("attribute", "cost")]})
    text, _, events = await run(ActionAnswerQuestion(kb), state)
    assert "$1,200" in text and "1,395" not in text
    assert slot(events, "program") == "calrbs-rare-books-manuscripts"
    # A new session forgets what was discussed before it.
    state.events[:] = past[:1] + [{"event": "session_started"}] + past[1:]
    text, _, _ = await run(ActionAnswerQuestion(kb), state)
    assert "$1,200" not in text


def test_the_programs_discussed_are_the_program_slots_values_in_order(kb):
    from actions.context import programs_discussed

    events = [{"event": "slot", "name": "program", "value": value}
              for value in ("arizona-nlp", "arizona-nlp", None, "no-such-program", "rbs-certificate", "arizona-nlp")]
    assert programs_discussed(kb, events) == ("arizona-nlp", "rbs-certificate", "arizona-nlp")


def test_a_list_of_one_counts_as_a_program_discussed(kb):
    from actions.context import programs_discussed

    events = [{"event": "slot", "name": "listed_programs", "value": ["calrbs-rare-books-manuscripts"]},
              {"event": "slot", "name": "listed_programs", "value": ["arizona-nlp", "rbs-certificate"]},
              {"event": "slot", "name": "program", "value": "rbs-certificate"}]
    assert programs_discussed(kb, events) == ("calrbs-rare-books-manuscripts", "rbs-certificate")


def test_it_after_a_ranking_is_the_first_only_when_one_is_first(kb):
    from actions.actions import ActionAnswerQuestion
    from knowledge.query import Query

    action = ActionAnswerQuestion(kb)
    _, events = action.answer_query(Query("rank", attribute="cost", order="max"))
    assert slot(events, "program") == "rbs-certificate"
    # "The newest?": the article gives 2021 for two; "how long does it take?" next is about neither alone.
    _, events = action.answer_query(Query("rank", attribute="started", order="max"))
    assert slot(events, "program") is None and set(slot(events, "listed_programs")) == {"arizona-data-science", "arizona-nlp"}


def test_a_certificate_discussed_after_a_list_joins_it_for_either_of_them(kb):
    from actions.context import program_after_list

    calrbs_then_rbs = [{"event": "slot", "name": "listed_programs",
                        "value": ["calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"]},
                       {"event": "slot", "name": "program", "value": "rbs-certificate"}]
    assert program_after_list(kb, calrbs_then_rbs)
    # One of the list, or a new list after it: the list is still what "them" means.
    assert not program_after_list(kb, calrbs_then_rbs[:1] + [{"event": "slot", "name": "program",
                                                              "value": "calrbs-critical-librarianship"}])
    assert not program_after_list(kb, calrbs_then_rbs + [{"event": "slot", "name": "listed_programs", "value": ["arizona-nlp"]}])


async def test_either_of_them_after_a_list_and_one_more_is_all_of_them(kb):
    from actions.actions import ActionAnswerQuestion

    past = [{"event": "slot", "name": "listed_programs", "value": ["calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"]},
            {"event": "slot", "name": "program", "value": "rbs-certificate"}]
    state = Tracker(
        sender_id="librarian", events=past, paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen",
        slots={"program": "rbs-certificate", "listed_programs": ["calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"],
               "last_question": "topics"},
        latest_message={"text": "does either of them do bookbinding?", "intent": {"name": "ask_program_details", "confidence": 1.0},
                        "entities": [entity("topic", "bookbinding")]})
    text, _, _ = await run(ActionAnswerQuestion(kb), state)
    assert "bookbinding" in text and "Rare Book School Certificate of Completion" in text


def test_who_said_that_after_a_fact_in_someones_words_is_them(kb):
    from actions.actions import ActionAnswerQuestion
    from knowledge.query import Query

    _, events = ActionAnswerQuestion(kb).answer_query(
        Query("lookup", programs=("arizona-data-science", "arizona-nlp"), attribute="growth"))
    assert slot(events, "person") == "cristian-roman-palacios"
    _, events = ActionAnswerQuestion(kb).answer_query(Query("lookup", programs=("rbs-certificate",), attribute="audience"))
    assert slot(events, "person") is None


def test_a_tie_names_the_school_only_when_it_is_the_whole_school(kb):
    from actions.actions import ActionAnswerQuestion
    from knowledge.query import Query

    action = ActionAnswerQuestion(kb)
    _, events = action.answer_query(Query("rank", attribute="cost", order="min"))  # CalRBS's two certificates, $6,000 each
    assert slot(events, "institution") == "calrbs"
    _, events = action.answer_query(Query("rank", attribute="started", order="max"))  # two of Arizona's five
    assert "institution" not in [e["name"] for e in events if e.get("event") == "slot"]


def test_two_questions_get_two_answers_and_one_source_line(kb):
    from actions.actions import ActionAnswerQuestion
    from knowledge.query import Query

    answer, _ = ActionAnswerQuestion(kb).answer_query(
        Query("lookup", programs=("arizona-nlp",), attribute="delivery", also=("started",)))
    assert "online or in person" in answer.text and "2021" in answer.text
    assert answer.text.count("Source:") == 1


def test_the_pair_a_position_picked_from_stays_the_list(kb):
    from actions.actions import ActionAnswerQuestion
    from knowledge.query import Query

    _, events = ActionAnswerQuestion(kb).answer_query(
        Query("describe", programs=("sjsu-post-masters",), among=("sjsu-post-masters", "arizona-data-science")))
    assert slot(events, "program") == "sjsu-post-masters"
    assert slot(events, "listed_programs") == ["sjsu-post-masters", "arizona-data-science"]


def test_a_group_nothing_could_rank_stays_the_group(kb):
    """ "Which is cheaper?" after two the article prices neither of: "which is shorter?" is still of those two."""
    from actions.actions import ActionAnswerQuestion
    from knowledge.query import Query

    pair = ("arizona-data-science", "sjsu-post-masters")
    _, events = ActionAnswerQuestion(kb).answer_query(Query("rank", programs=pair, attribute="cost", order="min"))
    assert slot(events, "listed_programs") == list(pair)


def test_a_subject_the_article_does_not_say_a_certificate_covers_is_said_so(kb):
    """ "Does CalRBS teach bookbinding?": the article gives bookbinding only for Rare Book School's courses."""
    from actions.actions import ActionAnswerQuestion
    from knowledge.query import Query

    calrbs = ("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship")
    answer, _ = ActionAnswerQuestion(kb).answer_query(Query("lookup", programs=calrbs, topics=("bookbinding",), attribute="topics"))
    assert answer.text.startswith("The article does not say that the Professional Certificate in Rare Books and Manuscripts")
    assert "covers bookbinding" in answer.text and "descriptive bibliography" in answer.text
    answer, _ = ActionAnswerQuestion(kb).answer_query(
        Query("lookup", programs=("rbs-certificate",), topics=("bookbinding",), attribute="topics"))
    assert "does not say" not in answer.text and "bookbinding" in answer.text


def test_what_the_article_never_gives_is_not_said_of_a_person_either(kb):
    from actions.actions import ActionAnswerQuestion
    from knowledge.query import Query

    answer, _ = ActionAnswerQuestion(kb).answer_query(Query("describe", person="linda-main", attribute="contact"))
    assert answer.text.startswith("The article does not say. What it says of Linda:")
    # Who runs what is in a staff member's role: "what program does he coordinate?"
    answer, _ = ActionAnswerQuestion(kb).answer_query(Query("describe", person="cristian-roman-palacios", attribute="leadership"))
    assert answer.text.startswith("Cristian Román-Palacios: assistant professor of practice and coordinator")


def test_a_person_followed_stays_when_an_answer_about_their_certificate_quotes_someone_else(kb):
    from actions.actions import ActionAnswerQuestion
    from actions.understanding import Context
    from knowledge.query import Query

    action = ActionAnswerQuestion(kb)
    audience = Query("lookup", programs=("sjsu-post-masters",), attribute="audience")
    _, events = action.respond(audience, "who is her program aimed at", Context(person="marina-morgan"))
    assert slot(events, "person") is None  # Marina stays; the answer quotes Linda Main
    _, events = action.respond(audience, "who is the post-master's aimed at", Context())
    assert slot(events, "person") == "linda-main"  # "who said that?" next is Linda


def test_who_did_it_names_the_learner_even_after_a_staff_member_was_quoted(kb):
    from actions.actions import ActionAnswerQuestion
    from actions.understanding import Context
    from knowledge.query import Query

    _, events = ActionAnswerQuestion(kb).respond(Query("lookup", programs=("sjsu-post-masters",), attribute="quotes"),
                                                 "who in the article did it", Context(person="linda-main"))
    assert slot(events, "person") == "marina-morgan"


def test_the_people_quoted_leave_the_learners_certificates_as_the_list(kb):
    """ "Did either of them struggle?" next asks of the learners' certificates."""
    from actions.actions import ActionAnswerQuestion
    from actions.understanding import Context, Special

    answer, events = ActionAnswerQuestion(kb).respond(Special("people", attribute="learners"), "what did the people who did one say",
                                                      Context())
    assert "The article quotes" in answer.text
    assert slot(events, "listed_programs") == ["arizona-data-science", "sjsu-post-masters"]
    _, events = ActionAnswerQuestion(kb).respond(Special("people"), "who are the people quoted in it", Context())
    assert slot(events, "listed_programs") is None  # "any of these schools" next is no question about two certificates


def test_a_group_asked_for_is_shown_and_kept_whole(kb):
    from actions.actions import ActionAnswerQuestion
    from knowledge.query import Query

    outside_california = tuple(p.id for p in kb.programs if p.provider not in ("sjsu", "calrbs"))
    answer, events = ActionAnswerQuestion(kb).answer_query(Query("describe", programs=outside_california))
    assert len(outside_california) == 6 and "more. Name a topic" not in answer.text
    assert "Rare Book School Certificate of Completion" in answer.text
    assert slot(events, "listed_programs") == list(outside_california)
    _, events = ActionAnswerQuestion(kb).answer_query(Query(
        "describe", provider="calrbs", programs=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship")))
    assert any(e.get("name") == "program" and e.get("value") is None for e in events)  # "price for that?" is not the one before


def test_a_subject_a_school_lacks_names_where_the_article_places_it(kb):
    from actions.actions import ActionAnswerQuestion
    from knowledge.query import Query

    answer, events = ActionAnswerQuestion(kb).answer_query(Query("find", topics=("rare-books",), provider="sjsu"))
    assert "names no certificate for rare books at San José State University" in answer.text
    assert "For rare books it names: Professional Certificate in Rare Books and Manuscripts" in answer.text
    assert slot(events, "listed_programs") == ["calrbs-rare-books-manuscripts", "rbs-certificate"]


def test_who_runs_it_makes_she_the_one_who_runs_it(kb):
    from actions.actions import ActionAnswerQuestion
    from knowledge.query import Query

    _, events = ActionAnswerQuestion(kb).answer_query(Query("lookup", programs=("sjsu-post-masters",), attribute="leadership"))
    assert slot(events, "person") == "linda-main"
