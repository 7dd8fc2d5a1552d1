"""The chat page when things fail: a dead action server, a restarted Rasa server, a foreign origin."""
from __future__ import annotations

import pytest
import socketio
from playwright.sync_api import expect

from actions.answers import usd
from tests.web.widget import ChatWidget

pytestmark = pytest.mark.servers

COST_QUESTION = "how much does the rare book school certificate cost?"
RESTART_TIMEOUT_MS = 60_000


def test_dead_action_server_costs_an_apology_whose_markdown_renders_and_markup_stays_text(page, chat_site):
    chat = ChatWidget(page).open(chat_site.page_url)
    chat_site.actions.stop()
    try:
        chat.ask(COST_QUESTION)

        apology = chat.answer_containing("Sorry, I can't reach my knowledge base")
        expect(apology).to_be_visible(timeout=45_000)
        expect(apology).to_contain_text('<img src=x onerror="window.pwned=2">')
        expect(apology.locator("strong")).to_have_text("Please try again")  # light markdown is rendered
        assert apology.locator("img").count() == 0
        status_link = apology.get_by_role("link", name="Status page")
        expect(status_link).to_have_attribute("href", "https://status.library.example/")
        expect(status_link).to_have_attribute("target", "_blank")
        link = apology.get_by_text("Details")
        assert (link.get_attribute("href") or "").lower().startswith("javascript") is False
        link.click()
        assert page.evaluate("typeof window.pwned") == "undefined"
    finally:
        chat_site.restart_actions()
    chat.ask(COST_QUESTION)
    chat.expect_answer(" per course")


def test_connection_notice_while_rasa_is_down_then_reconnect_and_continue(page, chat_site, kb):
    tuition = kb.cost_of(kb.resolve("program", "rare book school certificate")).tuition
    chat = ChatWidget(page).open(chat_site.page_url)
    chat.ask(COST_QUESTION)
    chat.expect_answer(usd(tuition.certificate_total_usd))
    expect(chat.connection_notice).to_be_hidden()

    chat_site.rasa.stop()
    try:
        expect(chat.connection_notice).to_be_visible(timeout=30_000)
        expect(chat.connection_notice).to_contain_text("Reconnecting")
    finally:
        chat_site.restart_rasa()

    expect(chat.connection_notice).to_be_hidden(timeout=RESTART_TIMEOUT_MS)
    expect(chat.answer_containing(usd(tuition.certificate_total_usd))).to_be_visible()  # history kept
    chat.ask("can I get a scholarship for it?")
    chat.expect_answer("cover tuition")  # same session: "it" is still the program from before the outage


def test_socket_admits_the_chat_page_origin_and_refuses_others(chat_site):
    # python-socketio's client over HTTP polling: no browser CORS in the way, so the
    # channel's own origin check is all that can refuse it (as for a WebSocket).
    url = chat_site.settings.rasa_url

    allowed = socketio.Client(reconnection=False)
    allowed.connect(url, headers={"Origin": chat_site.origin}, transports=["polling"], wait_timeout=10)
    try:
        assert allowed.connected
    finally:
        allowed.disconnect()

    foreign = socketio.Client(reconnection=False)
    with pytest.raises(socketio.exceptions.ConnectionError):
        foreign.connect(url, headers={"Origin": "http://127.0.0.2:8080"}, transports=["polling"], wait_timeout=5)
    assert not foreign.connected
