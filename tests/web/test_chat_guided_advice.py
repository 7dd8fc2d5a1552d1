"""The guided interview in real Chromium: every question answered by clicking the widget's quick replies."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from actions.answers import program_title, usd
from actions.guided.prompts import BUDGET_CHOICES_USD, question_answer
from tests.support.interview import CHOICES, COMPARE, START, TOPIC, expected_shortlist, question_line, topic_button_title
from tests.web.widget import ANSWER_TIMEOUT_MS, ChatWidget

pytestmark = pytest.mark.servers

@pytest.fixture
def chat(page, chat_site) -> ChatWidget:
    return ChatWidget(page).open(chat_site.page_url)


def reply(chat: ChatWidget, title: str):
    """The newest quick reply titled exactly ``title``."""
    return chat.page.locator("[data-mlis-advisor] .rw-replies").get_by_role("button", name=title, exact=True).last


def click_reply(chat: ChatWidget, title: str) -> None:
    """Click the quick reply titled exactly ``title`` and wait until it shows as the user's message."""
    reply(chat, title).click(timeout=ANSWER_TIMEOUT_MS)
    expect(chat.questions.last).to_have_text(title, timeout=ANSWER_TIMEOUT_MS)


def test_guided_interview_answered_by_clicking_quick_replies_ends_in_a_shortlist_with_buttons(chat, kb):
    topic_id = kb.resolve("topic", TOPIC)
    assert topic_id, f"the knowledge base names the topic {TOPIC!r}"
    shortlist = expected_shortlist(kb, topic_id)
    assert len(shortlist) >= 2, "enough programs for the comparison button"
    assert all(rec.cost.tuition is not None for rec in shortlist), "the totals checked below come from the article"

    chat.ask(START)
    for slot, title in CHOICES:
        chat.expect_answer(question_line(slot, kb))
        offered = [b.title for b in question_answer(slot, kb).buttons]
        for offered_title in offered:
            expect(reply(chat, offered_title)).to_be_visible()
        click_reply(chat, title or topic_button_title(kb, topic_id))

    chat.expect_answer("Your shortlist")
    answer = chat.answers.filter(has_text="Your shortlist").last
    for rec in shortlist:
        expect(answer).to_contain_text(rec.program.name)
        expect(answer).to_contain_text(f"plan for {usd(rec.cost.tuition.certificate_total_usd)} in tuition")
    expect(answer).to_contain_text(f"That fits your budget of {usd(max(BUDGET_CHOICES_USD))}")
    expect(answer).to_contain_text("can travel to in-person courses")
    text = answer.inner_text()
    positions = [text.index(rec.program.name) for rec in shortlist]
    assert positions == sorted(positions), "the shortlist is shown in ranked order"
    for title in [rec.program.name for rec in shortlist] + [COMPARE]:
        expect(reply(chat, title)).to_be_visible()

    click_reply(chat, COMPARE)

    first, second = shortlist[0], shortlist[1]
    chat.expect_answer(f"{program_title(first.program, first.provider)} vs {program_title(second.program, second.provider)}")
    comparison = chat.answers.filter(has_text=" vs ").last
    for rec in (first, second):
        expect(comparison).to_contain_text(f"{usd(rec.cost.tuition.certificate_total_usd)} total")
