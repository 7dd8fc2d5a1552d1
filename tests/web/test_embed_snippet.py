"""The embed snippet of docs/web.md works as written on a plain page of 'a library's site'."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from rasa_project.launcher import ROOT
from tests.web.widget import ChatWidget

pytestmark = pytest.mark.servers

DOC = ROOT / "docs" / "web.md"
DOC_PAGE_HOST = "https://advisor.your-library.org"
DOC_SOCKET_URL = "https://advisor.your-library.org:5005"


def embed_snippet() -> str:
    """The ```html block of the embedding section of docs/web.md."""
    match = re.search(r"```html\n(<!-- MLIS Advisor chat -->.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert match, "docs/web.md lost its embed snippet"
    return match.group(1)


def test_embed_snippet_opens_with_one_click_and_answers(page, chat_site):
    snippet = embed_snippet().replace(DOC_SOCKET_URL, chat_site.settings.rasa_url).replace(
        DOC_PAGE_HOST, chat_site.origin
    )
    # The library's page is given to the browser as it is, at an address of the admitted origin.
    library_page = f"{chat_site.origin}/library-home.html"
    page.route(library_page, lambda route: route.fulfill(
        content_type="text/html",
        body=f"<!doctype html><html lang=en><title>Our library</title><h1>Welcome</h1>{snippet}</html>",
    ))
    # A page handed over by the test counts as a public page, which Chromium lets reach a loopback
    # address only with the user's permission; a library's real site and advisor host are both public.
    page.context.grant_permissions(["local-network-access"], origin=chat_site.origin)
    page.goto(library_page)

    launcher = page.get_by_role("button", name="Open the MLIS Advisor chat")
    expect(launcher).to_be_visible(timeout=30_000)
    launcher.click()

    chat = ChatWidget(page)
    expect(chat.answers.first).to_contain_text("Try:", timeout=45_000)
    chat.ask("what can you do?")
    chat.expect_answer("I can:")
