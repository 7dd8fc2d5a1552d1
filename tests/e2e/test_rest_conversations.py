"""End-to-end: real Rasa server, real action server, real model, talking over REST."""
from __future__ import annotations

import pytest

from tests.support.net import post_json

pytestmark = pytest.mark.servers


def test_greeting_offers_examples(user):
    reply = user.say("hello")
    assert "post-MLIS certificate" in reply[0]["text"]
    assert reply[0].get("buttons")


def test_rare_book_school_cost_in_plain_words(user):
    text = user.say_text("how much does the rare book school certificate cost?")
    assert "$1,395 per course" in text
    assert "$6,975" in text


def test_follow_up_questions_keep_the_program_in_context(user):
    assert "$1,200" in user.say_text("What does the CalRBS rare books and manuscripts certificate cost?")
    funding = user.say_text("can I get a scholarship for it?")
    assert "cover tuition" in funding and "travel" in funding
    switched = user.say_text("and at Rare Book School?")
    assert "Rare Book School" in switched


def test_the_first_one_refers_to_the_last_list(user):
    listing = user.say_text("Which certificates are there for data science?")
    assert "1. Foundations of Data Science" in listing
    details = user.say_text("tell me more about the first one")
    assert "Foundations of Data Science" in details and "2021" in details


def test_start_over_is_answered_and_forgets_the_program(user):
    assert "$1,395" in user.say_text("how much is rare book school?")
    assert "Starting over" in user.say_text("start over")
    again = user.say_text("how much is it?")
    assert "Which" in again and "$1,395" not in again


def test_cost_with_nothing_in_context_asks_which_with_buttons(user):
    reply = user.say("how much does it cost?")
    assert "Which" in reply[0]["text"]
    assert any(b["payload"].startswith("/ask_cost") for b in reply[0]["buttons"])
    clicked = user.say_text('/ask_cost{"institution":"rbs"}')
    assert "$1,395" in clicked


def test_unknown_price_is_said_plainly(user):
    text = user.say_text("how much does the NLP certificate at the University of Arizona cost?")
    assert "gives no price" in text
    assert "$" not in text


def test_out_of_scope_is_steered_back(user):
    text = user.say_text("what's the weather like in Tucson tomorrow?")
    assert "certificates" in text


@pytest.mark.parametrize(
    "message",
    ["🙂📚🎓", "ما هي الشهادات المتاحة؟", "certificats en archives, s'il vous plaît", "<script>alert(1)</script>", "a" * 1999],
)
def test_odd_messages_get_a_reply(user, message):
    assert user.say_text(message).strip()


def test_empty_message_gets_a_hint(user):
    assert "empty" in user.say_text("   ")


@pytest.mark.parametrize(
    "raw, status",
    [
        (b"not json", 400),
        (b"[1, 2]", 400),
        (b'{"message": "hi"}', 400),
        (b'{"sender": "x"}', 400),
        (b'{"sender": "x", "message": 42}', 400),
        (b'{"sender": 5, "message": "hi"}', 400),
        (b'{"sender": "x", "message": "hi", "metadata": "nope"}', 400),
    ],
)
def test_malformed_requests_get_4xx_not_5xx(advisor, raw, status):
    code, body = post_json(f"{advisor.rasa_url}/webhooks/rest/webhook", None, raw=raw)
    assert code == status
    assert "error" in body


def test_a_100_kb_message_is_refused_with_a_reason(advisor):
    code, body = post_json(f"{advisor.rasa_url}/webhooks/rest/webhook", {"sender": "big", "message": "x" * 100_000})
    assert code == 413
    assert "longer than" in body["error"]


def test_http_api_is_off(advisor):
    code, _ = post_json(f"{advisor.rasa_url}/model/parse", {"text": "hi"})
    assert code == 404


def test_help_lists_what_the_bot_can_do_and_its_buttons_work(user):
    reply = user.say("what can you do?")
    assert "compare programs" in reply[0]["text"]
    payloads = [b["payload"] for b in reply[0]["buttons"]]
    assert '/find_certificate{"topic": "data-science"}' in payloads
    assert "1. Foundations of Data Science" in user.say_text('/find_certificate{"topic": "data-science"}')


def test_text_that_is_not_valid_unicode_is_refused(advisor):
    raw = b'{"sender": "\\ud800", "message": "hi"}'
    code, body = post_json(f"{advisor.rasa_url}/webhooks/rest/webhook", None, raw=raw)
    assert code == 400 and "Unicode" in body["error"]
