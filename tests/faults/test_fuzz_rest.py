"""Fuzzing the REST channel of a real server: no input gets a 5xx, and the server stays up.

The server runs the project's own profile (``$RASA_ENDPOINTS``, by default
``rasa_project/endpoints.yml``), started for this module alone, because a
fuzzer's job is to find the request that stops it. Strings include what JSON
allows and Python cannot encode (lone surrogates such as ``"\\ud800"``) and
button payloads (``/intent{"entity": value}``) with values of every JSON type.
Bounded: a fixed number of examples per property, each with a deadline, and no
example database written into the repository.
"""
from __future__ import annotations

import json
import urllib.request
from datetime import timedelta

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasa_project.channels.conversation_ids import reserved
from rasa_project.launcher import ROOT, Settings, start_all, stop_all
from tests.support.net import post_json
from tests.support.servers import settings_in

pytestmark = pytest.mark.servers

FUZZ = settings(max_examples=40, deadline=timedelta(seconds=45), database=None,
                suppress_health_check=[HealthCheck.too_slow])


def domain_names(section: str) -> list:
    """Intent or entity names from the domain files, so payloads name real ones."""
    names = []
    for path in sorted((ROOT / "rasa_project" / "domain").glob("*.yml")):
        names += (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get(section) or []
    return sorted({name if isinstance(name, str) else next(iter(name)) for name in names})


# Half of the strings mix in surrogates (st.text alone never yields them).
any_text = st.text(max_size=60) | st.lists(
    st.characters() | st.characters(categories=["Cs"]), max_size=60
).map("".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(any_text, children, max_size=4),
    max_leaves=12,
)
payloads = st.builds(
    lambda intent, entities: f"/{intent}{json.dumps(entities)}",
    st.sampled_from(domain_names("intents")),
    st.dictionaries(st.sampled_from(domain_names("entities")), json_values, max_size=2),
)
messages = st.one_of(st.text(max_size=300), any_text, payloads)
# Bodies that look like the real thing, with each field sometimes wrong.
near_valid_bodies = st.fixed_dictionaries(
    {}, optional={"sender": st.one_of(any_text, json_values), "message": st.one_of(messages, json_values),
                  "metadata": json_values},
)


class Target:
    """The fuzzed servers, and the request after which they stopped (if one did)."""

    def __init__(self, settings_: Settings, servers: list) -> None:
        self.settings, self.servers = settings_, servers
        self.fatal_request = None


@pytest.fixture(scope="module")
def server(tmp_path_factory, model_path):
    # Hypothesis sends the same simple senders ("0", "a") many times a minute; the rate
    # limits, which would answer 429, have their own test (tests/faults/test_limits.py).
    settings_ = settings_in(tmp_path_factory.mktemp("fuzz"), model_path,
                            extra_env={"MLIS_ADVISOR_RATE_PER_SENDER": "0"})
    servers = start_all(settings_)
    try:
        yield Target(settings_, servers)
    finally:
        stop_all(servers)


def send(target: Target, body=None, raw=None):
    """POST one request; fail naming the request that stopped a server, if one did."""
    if target.fatal_request is not None:
        pytest.fail(f"a server stopped earlier, after this request: {target.fatal_request!r}")
    try:
        status, reply = post_json(f"{target.settings.rasa_url}/webhooks/rest/webhook", body, raw=raw)
    except OSError as error:
        status, reply = None, error
    dead = [s for s in target.servers if s.process is None or s.process.poll() is not None]
    if dead or status is None:
        target.fatal_request = raw if raw is not None else body
        logs = "\n".join(s.tail(15) for s in dead)
        pytest.fail(f"no answer ({reply!r}) to {target.fatal_request!r}; stopped: {[s.name for s in dead]}\n{logs}")
    return status, reply


def assert_handled(status, body) -> None:
    assert status < 500, (status, body)
    if status == 200:
        assert isinstance(body, list) and body, body
        assert all(isinstance(message.get("text", ""), str) for message in body)
    else:
        assert 400 <= status < 500 and "error" in body, (status, body)


@FUZZ
@given(raw=st.binary(max_size=300))
def test_any_bytes_as_a_body_get_an_answer_or_a_4xx(server, raw):
    assert_handled(*send(server, raw=raw))


@FUZZ
@given(body=json_values)
def test_any_json_value_as_a_body_gets_an_answer_or_a_4xx(server, body):
    assert_handled(*send(server, body))


@FUZZ
@given(body=near_valid_bodies)
def test_requests_with_wrong_or_odd_fields_get_an_answer_or_a_4xx(server, body):
    assert_handled(*send(server, body))


@FUZZ
@given(sender=any_text.filter(lambda s: 0 < len(s.strip()) and len(s) <= 128), message=messages)
def test_any_sender_and_message_get_a_reply(server, sender, message):
    status, body = send(server, {"sender": sender, "message": message})
    encodable = not any(0xD800 <= ord(c) <= 0xDFFF for c in sender + (message if isinstance(message, str) else ""))
    if reserved(sender):  # the chat page's and Slack's conversations
        assert status == 400 and "sender" in body["error"], (status, body)
    elif encodable:
        assert status in (200, 413), (status, body)
    else:
        assert status == 400 and "Unicode" in body["error"], (status, body)
    assert body


def test_the_server_still_answers_a_real_question_after_the_fuzzing(server):
    with urllib.request.urlopen(f"{server.settings.rasa_url}/webhooks/rest/", timeout=10) as reply:
        assert json.loads(reply.read())["status"] == "ok"
    status, body = send(server, {"sender": "after-fuzz", "message": "how much is the CalRBS rare books certificate?"})
    assert status == 200 and "$1,200" in body[0]["text"]
