"""A librarian on the chat page: asks, clicks quick replies, reloads, uses the keyboard or a phone."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from actions.answers import usd
from rasa_project.launcher import ROOT
from tests.web.widget import ChatWidget

pytestmark = pytest.mark.servers

SCREENSHOT = ROOT / "docs" / "images" / "web-chat.png"
COST_QUESTION = "how much does the rare book school certificate cost?"
TYPED_MARKUP = '<img src=x onerror="window.pwned=1">'
SESSION_ID = "() => JSON.parse(sessionStorage.getItem('chat_session')).session_id"  # where rasa-webchat keeps it


@pytest.fixture
def chat(page, chat_site) -> ChatWidget:
    return ChatWidget(page).open(chat_site.page_url)


def test_greeting_offers_example_questions_and_quick_reply_buttons(chat):
    expect(chat.answers.first).to_contain_text("Try:")
    expect(chat.quick_replies.first).to_be_visible()
    assert chat.quick_replies.count() >= 2


def test_cost_question_shows_per_course_and_total_figures_in_the_widget(chat, kb):
    tuition = kb.cost_of(kb.resolve("program", "rare book school certificate")).tuition

    chat.ask(COST_QUESTION)

    chat.expect_answer(f"{usd(tuition.per_course_usd)} per course", usd(tuition.certificate_total_usd))
    expect(chat.questions.last).to_have_text(COST_QUESTION)
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    chat.page.screenshot(path=str(SCREENSHOT), full_page=True)  # docs/web.md shows this conversation


def test_a_typing_indicator_shows_while_the_bot_works(chat):
    chat.page.evaluate(
        """() => {
            window.typingSeen = false;
            const typing = document.querySelector('.mlis-advisor-typing');
            new MutationObserver(() => { if (!typing.hidden) window.typingSeen = true; })
                .observe(typing, {attributes: true});
        }"""
    )
    chat.ask("which certificates cover archives?")

    chat.expect_answer("rchives")
    assert chat.page.evaluate("window.typingSeen") is True
    expect(chat.page.locator(".mlis-advisor-typing")).to_be_hidden()


def test_clicking_a_quick_reply_sends_it_and_shows_its_answer(chat):
    chat.quick_replies.filter(has_text="What can you do?").click()

    expect(chat.questions.last).to_have_text("What can you do?")
    chat.expect_answer("I can:")


def test_reload_keeps_the_conversation_and_its_context(chat, kb):
    tuition = kb.cost_of(kb.resolve("program", "rare book school certificate")).tuition
    chat.ask(COST_QUESTION)
    chat.expect_answer(usd(tuition.certificate_total_usd))
    session_id = chat.page.evaluate(SESSION_ID)
    assert session_id

    chat.page.reload()

    expect(chat.questions.filter(has_text=COST_QUESTION)).to_be_visible(timeout=30_000)
    expect(chat.answer_containing(usd(tuition.certificate_total_usd))).to_be_visible()
    assert chat.page.evaluate(SESSION_ID) == session_id
    chat.ask("can I get a scholarship for it?")
    chat.expect_answer("cover tuition")  # "it" is still the program asked about before the reload


def test_typed_markup_is_shown_as_text_and_never_runs(chat):
    answers_before = chat.answers.count()

    chat.ask(TYPED_MARKUP)

    expect(chat.questions.last).to_have_text(TYPED_MARKUP)
    expect(chat.answers).to_have_count(answers_before + 1, timeout=45_000)
    assert chat.page.locator("[data-mlis-advisor] .rw-messages-container img").count() == 0
    assert chat.page.evaluate("typeof window.pwned") == "undefined"


def test_keyboard_only_user_can_ask_and_pick_a_quick_reply(chat):
    def tab_to(selector: str, most: int = 30) -> None:
        for _ in range(most):
            chat.page.keyboard.press("Tab")
            if chat.page.evaluate("(s) => document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"Tab never reached {selector}")

    tab_to(".rw-new-message")
    chat.page.keyboard.type("what can you do?")
    chat.page.keyboard.press("Enter")
    chat.expect_answer("I can:")

    tab_to(".rw-replies .rw-reply")
    reply_title = chat.page.evaluate("document.activeElement.textContent")
    chat.page.keyboard.press("Enter")

    expect(chat.questions.last).to_have_text(reply_title)
    expect(chat.answers.last).not_to_contain_text("I can:", timeout=45_000)


def test_controls_have_names_for_screen_readers(chat):
    expect(chat.question_box).to_be_visible()
    expect(chat.page.get_by_role("button", name="Send")).to_be_attached()
    expect(chat.page.get_by_role("log", name="Conversation with the MLIS Advisor")).to_be_visible()
    expect(chat.quick_replies.first).to_have_attribute("tabindex", "0")
    expect(chat.page.get_by_role("alert")).to_be_hidden()


def test_page_works_at_phone_width(chromium, chat_site, kb):
    context = chromium.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    try:
        chat = ChatWidget(context.new_page()).open(chat_site.page_url)
        tuition = kb.cost_of(kb.resolve("program", "rare book school certificate")).tuition
        chat.ask(COST_QUESTION)
        chat.expect_answer(usd(tuition.certificate_total_usd))

        assert chat.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        box = chat.question_box.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375
        chat.quick_replies.first.tap()
        expect(chat.questions).to_have_count(2, timeout=45_000)
    finally:
        context.close()


def test_page_loads_nothing_from_outside_this_machine_and_upgrades_to_a_websocket(page, chat_site):
    hosts, sockets = set(), []
    page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname))
    page.on("websocket", lambda socket: sockets.append(socket.url))
    response = page.goto(chat_site.page_url)
    chat = ChatWidget(page)
    expect(chat.answers.first).to_be_visible(timeout=45_000)
    chat.ask("thanks")
    expect(chat.answers).to_have_count(2, timeout=45_000)

    assert hosts == {"127.0.0.1"}
    assert any(url.startswith(f"ws://127.0.0.1:{chat_site.settings.rasa_port}/socket.io/") for url in sockets)
    policy = response.headers["content-security-policy"]
    assert "script-src 'self';" in policy
    assert f"connect-src 'self' http://127.0.0.1:{chat_site.settings.rasa_port}" in policy
