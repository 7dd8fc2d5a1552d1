"""The chat page as a person uses it: open it, type, click, read. Wraps Playwright's page."""
from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

ANSWER_TIMEOUT_MS = 45_000
QUESTION_BOX = "Your question for the MLIS Advisor"


class ChatWidget:
    """The MLIS Advisor widget on a page, seen through what is on screen."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def open(self, url: str) -> "ChatWidget":
        """Load the page and wait for the advisor's first message (the greeting, or the restored history)."""
        self.page.goto(url)
        expect(self.answers.first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
        return self

    @property
    def question_box(self) -> Locator:
        return self.page.get_by_role("textbox", name=QUESTION_BOX)

    @property
    def answers(self) -> Locator:
        """The bot's messages on screen (not the typing indicator, which is drawn as an empty one)."""
        return self.page.locator("[data-mlis-advisor] .rw-from-response .rw-response")

    @property
    def questions(self) -> Locator:
        return self.page.locator("[data-mlis-advisor] .rw-from-client .rw-client")

    @property
    def quick_replies(self) -> Locator:
        return self.page.locator("[data-mlis-advisor] .rw-replies").get_by_role("button")

    @property
    def connection_notice(self) -> Locator:
        return self.page.locator(".mlis-advisor-notice")

    def ask(self, text: str) -> None:
        """Type a question and press Enter."""
        self.question_box.fill(text)
        self.question_box.press("Enter")

    def answer_containing(self, text: str) -> Locator:
        return self.answers.filter(has_text=text)

    def expect_answer(self, *texts: str, timeout: int = ANSWER_TIMEOUT_MS) -> None:
        """Wait until some answer shows each of ``texts``."""
        for text in texts:
            expect(self.answer_containing(text).last).to_be_visible(timeout=timeout)

    def transcript(self) -> str:
        return self.page.locator("[data-mlis-advisor] .rw-messages-container").inner_text()
