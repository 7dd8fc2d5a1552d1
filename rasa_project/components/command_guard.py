"""Keep NLU from reading a question as "start over", "yes" or "no", a goodbye as thanks, or a plain
request for the guided interview as anything else.

"wen did it start" came out of the intent classifier as ``start_over``, and the rule for it
restarts the conversation: the user's question was lost with its context. A command that
throws the conversation away counts only when its words are in the message. Likewise "why
not?" and "why that one?" came out as ``deny``, which only gets "All right, what else?": a
message that starts by asking why (or where, who, what...) is not a yes or a no. In both cases the next intent of the
ranking takes the place of the one refused (and the fallback classifier after this component
judges that intent's confidence as usual).
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

# The intents that discard the conversation, and the words one of which must be typed.
DISCARDING_INTENTS = frozenset({"start_over"})
COMMAND_WORDS = re.compile(
    r"\b(start|restart|restrat|startover|reset|reboot|again|over|anew|begin|beginning|scratch|fresh|new|clear|slate|"
    r"wipe|forget|delete|erase|top|redo|remove|empty|discard|scrap|toss|square one)\b", re.I)
# "when did it start", "when'd they begin", "the start date": a start is asked about, not done.
ASKING_ABOUT_A_START = re.compile(r"\b(when|what year|wh?en|since)\b.*\b(start|begin|began|begun|launch)|\bstart(ed)? (date|year)\b", re.I)


# Yes and no, and what starts a question that is neither.
YES_OR_NO_INTENTS = frozenset({"affirm", "deny"})
ASKING_WHY = re.compile(r"^\W*((ok|okay|so|and|then|hmm|alright|right|fine)\W+)?(why|how come|what|where|when|who|whose|which|how (much|many|long|do|does|did|can|is))\b", re.I)


def is_discarding_command(text: Text) -> bool:
    return bool(COMMAND_WORDS.search(text or "")) and not ASKING_ABOUT_A_START.search(text or "")


# "ok thanks, bye": the goodbye is what ends the conversation, so it is what gets answered.
PARTING_WORDS = re.compile(r"\b(bye|goodbye|good bye|byebye|see you|see ya|cya|farewell|take care|have a (good|nice) (day|one))\b", re.I)


# "Can you help me choose a certificate? I'm a bit lost": the guided interview, asked for in so many words.
GUIDED_REQUEST = re.compile(r"\bhelp me (to )?(choose|pick|decide on|select) (a|one|the right|which|my)\b|"
                            r"\b(need|want|could use|like) (some )?help (choosing|picking|deciding on|selecting|finding) (a|one|the right|which|my)\b|"
                            r"\bhelp (choosing|picking|deciding on|selecting) (a|one|the right|which|my) ([\w-]+ ){0,2}(certificate|cert|program)\b|"
                            r"\bwalk me through (picking|choosing|selecting|deciding on|finding) (a|one|the right|which|my)\b|"
                            r"\bhelp me (figure|work) out which (certificate|cert|program|one)\b|"
                            r"\bnot sure which (certificate|cert|program|one) (to|i should) (pick|choose|take|get|do)\b|"
                            r"\bguided advice\b|\bguide me\b|\b(recommend|suggest) (something|one|a certificate|a program) "
                            r"for me\b|\bwhich (certificate|one|program|cert) (is|would be) (right|best|good) for me\b", re.I)
# Entities that name what to look for: with one of them, the message is a search, not a request for the interview.
SUBJECT_ENTITIES = frozenset({"topic", "goal", "program", "institution", "person"})
NOT_GUIDED = re.compile(r"\b(between|vs\.?|versus|or the|stop|cancel|end|quit|exit|no more|enough|skip|mlis program|"
                        r"library school|apply to)\b", re.I)


def asks_for_the_interview(text: Text) -> bool:
    return bool(GUIDED_REQUEST.search(text or "")) and not NOT_GUIDED.search(text or "")


# "Doesn't matter", "haven't decided": no answer either way, which is what skipping a question says.
UNDECIDED = re.compile(r"\b(doesn'?t matter|does not matter|no preference|haven'?t decided|have not decided|undecided|"
                       r"don'?t mind|either way|either is fine|whatever works)\b", re.I)


# Someone else talked about: a question about a person of the article, not a request to be advised.
ABOUT_SOMEONE = re.compile(r"\b(he|she|his|him|hers)\b", re.I)
# "Which certs do they give?": a question about the school or certificate just talked about, asked of
# it and not of the user.
ABOUT_WHAT_WAS_SAID = re.compile(r"\b(they|them|their|theirs|it|its|there|that school|this school)\b", re.I)
OF_THE_USER = re.compile(r"\b(i|i'm|im|i've|me|my|mine|myself)\b", re.I)


# A person of the article or the article itself named: the question is in scope, whatever NLU thought
# ("what did kendra lyons say about data science?", "who wrote this article?"). The training data has
# no questions about people, so NLU read some as out of scope.
def in_scope_intent(entities: List[Dict[Text, Any]], ranking: List[Dict[Text, Any]]) -> Text:
    """The intent of the question asked of them: a core intent when its attribute is named ("how did
    Kendra Lyons pay for it?" asks ``ask_funding``), otherwise who they are or what they said."""
    ranked = {item.get(INTENT_NAME_KEY) for item in ranking}
    asked = [f"ask_{entity.get('value')}" for entity in entities if entity.get("entity") == "attribute"]
    return next((intent for intent in asked if intent in ranked), "ask_program_details")


def names_the_article_or_its_people(entities: List[Dict[Text, Any]]) -> bool:
    return any(entity.get("entity") == "person" or (entity.get("entity"), entity.get("value")) == ("attribute", "source")
               for entity in entities)


# Intents that search or compare certificates: with a person named and no certificate, school or topic
# ("who is linda main?", "which pathway did morgan pick?"), the question is about the person.
CERTIFICATE_SEARCH_INTENTS = frozenset({"find_certificate", "compare_programs"})
CERTIFICATE_SUBJECTS = frozenset({"program", "institution", "topic", "goal"})


def asks_about_the_article_or_its_people(intent: Text, entities: List[Dict[Text, Any]]) -> bool:
    if intent == "out_of_scope":
        return names_the_article_or_its_people(entities)
    return intent in CERTIFICATE_SEARCH_INTENTS and any(entity.get("entity") == "person" for entity in entities) \
        and not any(entity.get("entity") in CERTIFICATE_SUBJECTS for entity in entities)


# A question that picks among certificates or places: no answer to an interview question.
ASKS_WHICH = re.compile(r"^\W*((ok|okay|so|and|then|hmm|alright)\W+)?(which|where|how many)\b", re.I)


# "Which cert is cheapest overall?", "which ones are under $6,000?": a ranking or a bound over the certificates
# is a search among them, whatever attribute ranks them, when the message names no certificate or school.
WHICH_OR_WHAT = re.compile(r"^\W*((ok|okay|so|and|then|hmm|alright|right|fine)\W+)?(which|what|whats|what's|any|list|show)\b", re.I)
SEARCH_OPERATIONS = ("rank_min", "rank_max", "filter_under", "filter_over")
NOT_A_SEARCH_INTENTS = frozenset({"ask_cost", "inform_budget", "ask_program_details", "ask_worth_it"})


def searches_certificates(intent: Text, text: Text, entities: List[Dict[Text, Any]]) -> bool:
    if intent not in NOT_A_SEARCH_INTENTS or not WHICH_OR_WHAT.search(text or ""):
        return False
    if any(entity.get("entity") in ("program", "institution", "person") for entity in entities):
        return False
    operations = [str(entity.get("value")) for entity in entities if entity.get("entity") == "operation"]
    return any(operation.split(":")[0] in SEARCH_OPERATIONS for operation in operations) \
        and not re.search(r"\bhow much\b", text or "", re.I)


def asks_about_a_schools_certificates(intent: Text, text: Text, entities: List[Dict[Text, Any]]) -> bool:
    """ "Which arizona certs are for specialty areas?": a question about a school's certificates, not a request
    for the guided interview."""
    return intent == "start_guided_advice" and bool(WHICH_OR_WHAT.search(text or "")) \
        and not GUIDED_REQUEST.search(text or "") and not OF_THE_USER.search(text or "") \
        and any(entity.get("entity") in ("institution", "program") for entity in entities)


# A question that is no goodbye and asks for no shortlist: "was it easy for her?", "which of those started recently?"
QUESTION_SHAPE = re.compile(r"^\W*((ok|okay|so|and|then|hmm|alright|right|fine)\W+)?(why|how|hows|what|whats|where|wheres|when|who|whos|whose|which|"
                            r"was|were|is|are|did|does|do|has|have|can|could|would|will)\b", re.I)
SHORTLIST_WORDS = re.compile(r"\b(shortlist|short list|recommend\w*|suggest\w*|my (saved )?(list|results|top|picks|matches)|"
                             r"top (three|3|programs)|matches|came (out on )?top|for me|the list you)\b", re.I)
# "Are you a bot?" asks about the advisor; "names?" after a count does not.
ABOUT_THE_ADVISOR = re.compile(r"\b(you|u|ur|your|yourself|bot|robot|human|real|person|machine|computer|software|ai|chatbot|"
                               r"automated|llm|chatgpt|gpt|talking|chatting|someone|somebody|librarian|model|behind|who am i)\b", re.I)
QUESTION_INTENTS_REFUSED = {"bot_challenge": ABOUT_THE_ADVISOR, "goodbye": PARTING_WORDS, "greet": re.compile(r"\b(hi|hello|hey|howdy|greetings|yo|sup|what'?s up|morning|afternoon|evening)\b", re.I),
                            "show_shortlist": SHORTLIST_WORDS}


def refused_intents(intent: Text, text: Text, asks_an_attribute: bool = False) -> frozenset:
    """The intents this message cannot have, given that NLU's best guess is ``intent``; ``asks_an_attribute``:
    the message holds a word that asks for an attribute of a certificate ("growing", "cost")."""
    words = QUESTION_INTENTS_REFUSED.get(intent)
    if words is not None and (QUESTION_SHAPE.search(text or "") or intent == "bot_challenge") and not words.search(text or ""):
        return frozenset({intent})
    if intent == "show_shortlist" and ABOUT_SOMEONE.search(text or "") and not OF_THE_USER.search(text or ""):
        return frozenset({"show_shortlist"})  # "what does she recommend for people like her?" asks what a person said
    if (intent or "").startswith("inform_") and ASKS_WHICH.search(text or ""):
        return frozenset({intent})  # "ok which ones would I have to travel for?" asks, it tells nothing of the user
    if intent in YES_OR_NO_INTENTS and UNDECIDED.search(text or ""):
        return YES_OR_NO_INTENTS
    if intent == "start_guided_advice" and ABOUT_SOMEONE.search(text or "") and not GUIDED_REQUEST.search(text or ""):
        return frozenset({"start_guided_advice"})  # "which certs is he talking about?" is about a person
    if intent == "start_guided_advice" and QUESTION_SHAPE.search(text or "") and ABOUT_WHAT_WAS_SAID.search(text or "") \
            and not OF_THE_USER.search(text or "") and not GUIDED_REQUEST.search(text or ""):
        return frozenset({"start_guided_advice"})  # "which certs do they give?" after a school asks about it
    if intent == "start_guided_advice" and asks_an_attribute and QUESTION_SHAPE.search(text or "") \
            and not GUIDED_REQUEST.search(text or ""):
        return frozenset({"start_guided_advice"})  # "which tracks can you choose from?" asks about a certificate
    if intent in DISCARDING_INTENTS and not is_discarding_command(text):
        return DISCARDING_INTENTS
    if intent in ("thank", "greet", "affirm") and PARTING_WORDS.search(text or ""):
        return frozenset({"thank", "greet", "affirm"})
    if intent in YES_OR_NO_INTENTS and ASKING_WHY.search(text or ""):
        return YES_OR_NO_INTENTS | DISCARDING_INTENTS
    if intent in YES_OR_NO_INTENTS and asks_an_attribute and QUESTION_SHAPE.search(text or ""):
        return YES_OR_NO_INTENTS  # "are those growing or not really?" asks, it does not answer

    return frozenset()


def _replace_intent(message: Message, name: Text, confidence: float) -> None:
    """``name`` becomes the message's intent, first of the ranking, in place of NLU's."""
    replaced = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
    chosen = {INTENT_NAME_KEY: name, "confidence": confidence}
    message.set(INTENT, chosen, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [chosen] + [item for item in message.get(INTENT_RANKING_KEY) or []
                                                if item.get(INTENT_NAME_KEY) not in (name, replaced)], add_to_output=True)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CommandGuard(GraphComponent):
    """Replaces an intent the message's words refuse by the next intent of the ranking."""

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "CommandGuard":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            name, confidence, text = intent.get(INTENT_NAME_KEY), intent.get("confidence", 0.0), message.get(TEXT)
            entities = message.get(ENTITIES) or []
            names_a_subject = any(entity.get("entity") in SUBJECT_ENTITIES for entity in entities)
            # Asked for in so many words: sure enough that the fallback classifier after this does not call it ambiguous.
            # (NLU's own start_guided_advice is made as sure: at 0.35 the fallback classifier would call it ambiguous)
            if (name != "start_guided_advice" or confidence < 0.9) and asks_for_the_interview(text) \
                    and not names_a_subject:  # "help me pick a certificate for archives" is answered as a search
                _replace_intent(message, "start_guided_advice", max(confidence, 0.9))
            elif searches_certificates(name, text, entities) or asks_about_a_schools_certificates(name, text, entities):
                _replace_intent(message, "find_certificate", confidence)
            elif asks_about_the_article_or_its_people(name, entities):
                # As sure as the name is: a person of the article is no out-of-scope subject, nor a certificate.
                _replace_intent(message, in_scope_intent(entities, message.get(INTENT_RANKING_KEY) or []), max(confidence, 0.9))
            else:
                self._refuse(message)
        return messages

    @staticmethod
    def _refuse(message: Message) -> None:
        intent = message.get(INTENT) or {}
        asks_an_attribute = any(entity.get("entity") == "attribute" for entity in message.get(ENTITIES) or [])
        refused = refused_intents(intent.get(INTENT_NAME_KEY), message.get(TEXT), asks_an_attribute)
        if intent.get(INTENT_NAME_KEY) == "start_guided_advice" and not GUIDED_REQUEST.search(message.get(TEXT) or "") \
                and any(entity.get("entity") == "person" for entity in message.get(ENTITIES) or []):
            refused = refused | {"start_guided_advice"}  # "which did Morgan choose?" asks about her, not for advice
        if not refused:
            return
        ranking = [item for item in message.get(INTENT_RANKING_KEY) or [] if item.get(INTENT_NAME_KEY) not in refused]
        if PARTING_WORDS.search(message.get(TEXT) or "") and "goodbye" not in refused:
            # The goodbye takes the refused intent's confidence, wherever NLU ranked it.
            ranking = [{INTENT_NAME_KEY: "goodbye", "confidence": intent.get("confidence", 1.0)}] + [
                item for item in ranking if item.get(INTENT_NAME_KEY) != "goodbye"]
        if ranking:
            message.set(INTENT, dict(ranking[0]), add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
