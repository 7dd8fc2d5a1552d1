"""What a message is understood to ask: the real entity matcher on the real knowledge base,
then ``understand``. No servers; the intent is given as NLU would give it."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from actions.understanding import Clarification, Context, Special, mentions_in, understand
from knowledge.query import Query
from tests.support.matcher import trained_matcher

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def read(kb):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.load(ROOT / ".cache" / "spacy" / "en_advisor")
    matcher = trained_matcher(nlp)

    def read_(text: str, intent: str = "", context: Context = Context(), default=None):
        mentions = mentions_in(matcher.find_entities(text, nlp), kb, text)
        return understand(text, intent, mentions, context, kb, default)

    return read_


def test_a_misspelled_school_is_still_found(read):
    assert read("how much is Rare Bok School", "ask_cost") == Query("lookup", programs=("rbs-certificate",), attribute="cost")


def test_compare_by_description_compares_the_programs_described(read):
    query = read("compare the data science certificate and the NLP one", "compare_programs")
    assert query == Query("compare", programs=("arizona-data-science", "arizona-nlp"))


def test_the_two_certificates_of_one_school_are_both_compared(read):
    query = read("what's the difference between the two rare book certificates at CalRBS?", "compare_programs")
    assert query == Query("compare", programs=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"))


def test_a_superlative_ranks_every_program_not_the_one_in_context(read):
    context = Context(program="arizona-nlp")
    assert read("what's the most expensive program?", "ask_cost", context) == Query(
        "rank", attribute="cost", order="max")
    assert read("which certificate takes the least time?", "find_certificate", context) == Query(
        "rank", attribute="length", order="min")


def test_a_price_limit_filters_instead_of_setting_a_budget(read):
    assert read("list all certificates under $5,000", "inform_budget") == Query(
        "filter", attribute="cost", bound="under", amount=5000)


def test_people_are_understood_by_name(read):
    assert read("what did Marina Morgan say?", "nlu_fallback") == Query(
        "describe", person="marina-morgan", attribute="quotes")


def test_the_author_is_the_article(read):
    assert read("who wrote the article?", "out_of_scope") == Special("article")


def test_eligibility_of_a_named_program(read):
    query = read("can I take the digital assets management certificate without being a student at SJSU?", "ask_prerequisites")
    assert query == Query("lookup", programs=("sjsu-digital-assets",), attribute="eligibility")


def test_a_school_named_in_the_singular_with_several_certificates_is_a_question(read):
    understood = read("how long does the SJSU certificate take?", "ask_program_details")
    assert isinstance(understood, Clarification)
    assert understood.provider == "sjsu" and understood.attribute == "length"


def test_a_question_with_no_program_and_no_context_is_a_question_back(read):
    assert read("how much does it cost?", "ask_cost") == Clarification("cost")


def test_the_kind_of_certificate_picks_one_of_a_schools_certificates(read):
    query = read("who's the post masters one aimed at", "ask_program_details", Context(provider="sjsu"))
    assert query == Query("lookup", programs=("sjsu-post-masters",), attribute="audience")


def test_the_other_one_is_the_other_program_of_the_last_two(read):
    context = Context(program="sjsu-post-masters", listed=("sjsu-post-masters", "sjsu-digital-assets"))
    assert read("and the other one, how much is it?", "ask_cost", context) == Query(
        "lookup", programs=("sjsu-digital-assets",), attribute="cost")


def test_who_said_something_finds_the_person_by_what_they_said(read):
    query = read("who said data science is a more recognizable term?", "nlu_fallback")
    assert query == Query("describe", person="kendra-lyons", attribute="quotes")


def test_a_never_given_attribute_is_an_honest_unknown_for_what_was_named(read):
    query = read("who teaches the calrbs critical librarianship courses", "find_certificate")
    assert query == Query("lookup", programs=("calrbs-critical-librarianship",), attribute="instructors")


def test_a_message_with_nothing_of_ours_is_not_read_as_about_the_program_in_context(read):
    context = Context(program="sjsu-digital-assets")
    assert read("can you help me write my personal statement for it", "nlu_fallback", context) == Special("out_of_scope")
    assert read("zotero or endnote, which citation manager is better?", "compare_programs") is None
    assert read("compare them", "compare_programs") == Clarification("compare")


def test_out_of_scope_uses_the_context_only_when_the_message_points_back_at_it(kb):
    from actions.understanding import Mentions, in_scope

    context = Context(program="calrbs-rare-books-manuscripts", last_attribute="eligibility")
    asks_who = Mentions(attributes=("eligibility",))
    assert not in_scope(asks_who, "how do I get admitted to an MLIS program in the first place?", context)
    assert in_scope(asks_who, "can anyone enrol in it?", context)


def test_a_superlative_names_its_first_and_the_whole_order_on_request(read):
    assert read("rank them by price", "ask_cost") == Query("rank", attribute="cost", order="min", full=True)


def test_a_cost_comparison_follows_the_question_before(read):
    context = Context(program="rbs-certificate", last_attribute="cost")
    query = read("is that more than the UCLA one?", "ask_cost", context)
    assert query.operation == "compare" and query.programs[0] == "rbs-certificate"
    assert set(query.programs[1:]) <= {"calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"}


def test_a_bare_attribute_after_a_short_list_is_about_that_list(read):
    listed = ("calrbs-critical-librarianship", "calrbs-rare-books-manuscripts")
    assert read("price?", "ask_cost", Context(listed=listed)) == Query("lookup", programs=listed, attribute="cost")


def test_a_goal_we_cannot_search_for_gets_a_question_not_every_certificate(read):
    assert read("I am a metadata librarian. What should I look at?", "find_certificate") == Special("which_topic")
    assert read("which certificates are there?", "find_certificate") == Query("find")


def test_list_them_lists_the_programs_of_the_last_answer(read):
    listed = ("arizona-archival-studies", "arizona-legal-information")
    assert read("list them", "show_shortlist", Context(listed=listed)) == Query("describe", programs=listed)


def test_a_person_in_context_asked_about_a_school_is_about_the_person(read):
    context = Context(person="cristian-roman-palacios")
    assert read("is he at san jose state?", "ask_program_details", context) == Query(
        "describe", person="cristian-roman-palacios", attribute="provider")


def test_a_sister_program_is_the_other_certificate_of_the_same_school(read):
    context = Context(program="calrbs-critical-librarianship")
    assert read("is there a sister program at the same school", "nlu_fallback", context) == Query(
        "describe", programs=("calrbs-rare-books-manuscripts",))


def test_which_courses_is_asked_apart_from_topics(read):
    assert read("what courses are in it?", "ask_program_details", Context(program="sjsu-digital-assets")) == Query(
        "lookup", programs=("sjsu-digital-assets",), attribute="courses")


def test_a_superlative_after_a_list_ranks_everything_a_comparative_ranks_the_list(read):
    tie = Context(listed=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"))
    assert read("and the priciest", "ask_cost", tie) == Query("rank", attribute="cost", order="max")
    pair = Context(listed=("calrbs-rare-books-manuscripts", "rbs-certificate"))
    assert read("which is cheaper?", "ask_cost", pair).programs == pair.listed


def test_a_question_about_a_subject_of_its_own_is_not_asked_back_about_ours(read):
    assert read("how do I get admitted to an MLIS program in the first place?", "ask_program_details") is None
    assert read("how do I get admitted to a certificate program?", "ask_program_details") == Clarification("eligibility")


def test_a_kind_of_certificate_narrows_its_own_school_only(read):
    assert read("compare the arizona archives cert with the sjsu post-masters", "compare_programs") == Query(
        "compare", programs=("arizona-archival-studies", "sjsu-post-masters"))


def test_a_school_named_as_another_s_is_that_school(read):
    read_ = read("how many courses make up a certificate at UCLA's rare book school", "ask_program_details")
    programs = read_.candidates if isinstance(read_, Clarification) else read_.programs
    assert set(programs) == {"calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"}


def test_how_many_of_them_after_a_question_on_courses_is_about_its_courses(read):
    context = Context(program="calrbs-rare-books-manuscripts", last_attribute="length")
    assert read("and how many of them for the certificate", "ask_program_details", context) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts",), attribute="structure")


def test_a_price_bound_is_a_filter_whatever_the_intent_guessed(read):
    assert read("list every certificate under 6500", "ask_prerequisites") == Query(
        "filter", attribute="cost", bound="under", amount=6500)


def test_a_follow_up_read_as_a_search_still_asks_about_the_program_in_context(read):
    context = Context(program="sjsu-digital-assets", provider="sjsu")
    assert read("who is that option for?", "find_certificate", context) == Query(
        "lookup", programs=("sjsu-digital-assets",), attribute="audience")


def test_which_certificates_for_a_topic_is_a_search_whatever_the_intent(read):
    assert read("Which certificates are there for data science?", "ask_program_details") == Query(
        "find", topics=("data-science",))
    assert read("certificates that deal with data science?", "nlu_fallback") == Query("find", topics=("data-science",))
    assert read("what certs cover data science", "ask_program_details") == Query("find", topics=("data-science",))


def test_the_topic_a_librarian_moves_into_is_searched_not_the_one_they_leave(read):
    query = read("im a law librarian wanting to move into medical librarianship, any cert for that?", "find_certificate")
    assert query == Query("find", topics=("medical-information",))


def test_a_compound_topic_is_its_modifier(read):
    assert read("certificate for health sciences librarianship?", "find_certificate") == Query(
        "find", topics=("medical-information",))


def test_how_many_schools_counts_schools(read):
    assert read("how many different schools do you cover", "nlu_fallback") == Query("count", attribute="provider")


def test_a_pronoun_with_nothing_in_context_points_at_nothing(read):
    assert read("is it harder to get funding for a certificate than for the MLIS itself", "ask_funding") == Special(
        "general", attribute="funding")


def test_which_ones_names_the_certificates_whose_facts_hold_the_words_asked(read, kb):
    assert read("which ones can I do as a non-matriculated student", "ask_prerequisites") == Query(
        "lookup", programs=("sjsu-digital-assets",), attribute="eligibility")
    assert read("which ones are aimed at zoologists", "ask_program_details").programs == tuple(p.id for p in kb.programs)


def test_a_topic_beside_a_named_program_is_the_other_side_of_a_comparison(read):
    assert read("data science vs nlp certificate at arizona, what's the difference", "compare_programs") == Query(
        "compare", programs=("arizona-data-science", "arizona-nlp"))  # in the order typed


def test_teach_asks_what_is_covered_and_names_no_subject(read):
    query = read("does RBS teach bookbinding", "ask_program_details")
    assert query == Query("lookup", programs=("rbs-certificate",), topics=("bookbinding",), attribute="topics")


def test_a_school_with_one_certificate_is_that_certificate(read):
    assert read("rare book school", "find_certificate") == Query("describe", programs=("rbs-certificate",))


def test_who_took_a_named_certificate_is_the_learner_the_article_quotes_on_it(read):
    assert read("who did the sjsu post-master's in the article", "ask_program_details") == Query(
        "describe", person="marina-morgan")


def test_the_certificate_with_nothing_in_context_gets_a_question(read):
    assert read("tell me about the certificate", "ask_program_details") == Clarification(None)


def test_a_task_of_the_users_own_is_not_a_question_about_a_certificate(read):
    assert read("format my capstone references in APA please", "ask_program_details") is None
    assert read("how much does it cost?", "ask_cost") == Clarification("cost")


def test_a_subject_nobody_knows_gets_a_question_not_every_certificate(read):
    assert read("any certificates in zorblat studies?", "find_certificate") == Special("which_topic")


def test_a_certificate_named_by_words_not_recognised_is_not_the_one_in_context(read):
    context = Context(program="arizona-nlp")
    assert read("how much is the zorblat cert", "ask_cost", context) == Clarification("cost")
    assert read("how much is the cert", "ask_cost", context) == Query("lookup", programs=("arizona-nlp",), attribute="cost")


def test_list_them_lists_what_was_counted_whatever_the_intent(read):
    context = Context(listed=("sjsu-post-masters", "sjsu-digital-assets"), provider="sjsu")
    assert read("list them", "ask_landscape", context) == Query("describe", programs=context.listed)


def test_a_phrase_with_function_words_names_no_certificate(read):
    context = Context(program="rbs-certificate", last_attribute="cost")
    assert read("is that the price for every certificate", "ask_cost", context) == Query(
        "lookup", programs=("rbs-certificate",), attribute="cost")


def test_that_after_a_list_of_one_is_the_one_listed(read):
    context = Context(listed=("arizona-legal-information",))
    assert read("which school runs that?", "find_certificate", context) == Query(
        "lookup", programs=("arizona-legal-information",), attribute="provider")


def test_an_attribute_of_the_program_in_context_beats_the_worth_it_hint(read):
    context = Context(program="arizona-medical-information")
    assert read("is it fully remote at least?", "ask_worth_it", context) == Query(
        "lookup", programs=("arizona-medical-information",), attribute="delivery")


def test_taught_names_no_topic_beside_a_goal(read):
    assert read("I taught myself excel and want something on paper to prove it", "find_certificate") == Query(
        "find", goals=("credential-skills",))


def test_a_goal_of_ours_is_in_scope_whatever_nlu_says():
    from actions.understanding import Context, Mentions, in_scope

    assert in_scope(Mentions(goals=("leave-libraries",)), "what would help me get a job outside libraries", Context())
    assert not in_scope(Mentions(), "what would help me get a job", Context())


def test_writing_for_the_user_is_out_of_scope_whatever_it_names(read):
    assert read("could you write my cover letter for a rare books curator job?", "find_certificate") == Special("out_of_scope")
    assert read("can you write me a persuasive memo to my director asking for money for this", "ask_cost",
                Context(program="rbs-certificate")) == Special("out_of_scope")


def test_teaches_after_a_program_word_names_no_subject(read):
    assert read("which program teaches managing digital stuff like that", "find_certificate") == Query(
        "find", topics=("digital-assets",))
    assert read("do they do pedagogy too? I teach instruction sessions", "find_certificate",
                Context(listed=("calrbs-rare-books-manuscripts",))).topics == ("pedagogy",)


def test_who_took_a_listed_certificate_gives_the_people_quoted_on_it(read):
    listed = ("arizona-data-science", "arizona-nlp")
    assert read("who took the first one?", "ask_program_details", Context(listed=listed)) == Query(
        "describe", person="kendra-lyons")
    assert read("did anybody in the article take either of them", "ask_program_details", Context(listed=listed)) == Query(
        "describe", person="kendra-lyons")
    assert read("did anybody in the article do that?", "ask_program_details",
                Context(program="sjsu-post-masters")) == Query("lookup", programs=("sjsu-post-masters",), attribute="quotes")


def test_which_people_the_article_quotes(read):
    assert read("which people does the article quote", "ask_program_details") == Special("people")


def test_how_many_is_that_counts_the_last_list(read):
    listed = ("arizona-archival-studies", "arizona-legal-information", "arizona-nlp")
    assert read("how many is that", "ask_landscape", Context(listed=listed)) == Query("count", programs=listed)
    assert read("how many is that", "ask_landscape", Context(program="sjsu-post-masters", last_attribute="pathways")) \
        == Query("lookup", programs=("sjsu-post-masters",), attribute="pathways")


def test_by_how_much_compares_the_two_just_ranked(read):
    listed = ("calrbs-rare-books-manuscripts", "rbs-certificate")
    assert read("by how much?", "ask_cost", Context(listed=listed, program=listed[0], last_attribute="cost")) == Query(
        "compare", programs=listed)


def test_why_asks_for_the_reasons_just_given(read):
    assert read("why not", "ask_funding", Context(program="arizona-data-science", last_attribute="funding")) == Query(
        "lookup", programs=("arizona-data-science",), attribute="funding")
    assert read("why did she go for it", "ask_program_details", Context(person="marina-morgan")) == Query(
        "describe", person="marina-morgan")


def test_a_school_we_know_nothing_of_is_named_as_such(read):
    assert read("does drexel offer a post-mlis certificate", "find_certificate") == Special("not_named", attribute="drexel")


def test_a_person_described_by_role_is_that_person(read):
    query = read("what did the arizona professor say about why they matter", "ask_worth_it")
    assert query == Query("describe", person="cristian-roman-palacios", attribute="quotes")
    assert read("I am a metadata librarian. What should I look at?", "find_certificate") == Special("which_topic")


def test_a_question_about_a_persons_certificate_is_about_the_certificate(read):
    assert read("was marina morgans certificate online or did she go to campus", "ask_program_details") == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="delivery")


def test_the_schools_one_means_the_one_of_the_last_list(read):
    listed = ("arizona-archival-studies", "sjsu-post-masters")
    assert read("tell me more about the Arizona one", "ask_program_details", Context(listed=listed)) == Query(
        "describe", programs=("arizona-archival-studies",))


def test_what_certificates_are_there_lists_them_whatever_the_intent(read):
    assert read("ok then what certificates are there for after the MLIS", "nlu_fallback") == Query("find")


def test_a_school_attribute_of_it_after_a_list_of_one_schools_certificates(read):
    listed = ("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship")
    assert read("are there scholarships for it", "ask_funding", Context(listed=listed)) == Query(
        "lookup", programs=listed, attribute="funding")


def test_words_only_a_persons_story_holds_are_about_that_person(read):
    assert read("whats find@roux", "ask_program_details") == Query("describe", person="marina-morgan")


def test_courses_and_certificates_added_up(read):
    assert read("what would just 2 courses run me", "ask_cost", Context(program="calrbs-rare-books-manuscripts",
                                                                       last_attribute="cost")) == Query(
        "total", programs=("calrbs-rare-books-manuscripts",), courses=2)
    assert read("one course at calrbs plus one at rbs, total?", "ask_cost") == Query(
        "total", programs=("calrbs-rare-books-manuscripts", "rbs-certificate"), courses=1)
    assert read("if i did both calrbs certificates how much would that be altogether", "ask_cost") == Query(
        "total", programs=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"))
    assert read("how much is rbs", "ask_cost") == Query("lookup", programs=("rbs-certificate",), attribute="cost")


def test_books_as_a_subject_are_not_a_request_for_a_book(read):
    assert read("which certificate is good for rare books", "find_certificate") == Query("find", topics=("rare-books",))
    assert read("whats a good python tutorial for total beginners", "ask_program_details") == Special("out_of_scope")
    assert read("can you recommend a good book on the history of printing?", "find_certificate") == Special("out_of_scope")


def test_the_article_as_the_scope_of_a_list_or_the_field(read):
    assert read("haha ok fair. then just list every certificate the article talks about", "find_certificate") == Query("find")
    assert read("so the schools in the article arent all of them then?", "ask_landscape") == Special("landscape")
    assert read("where do I find all the other post-masters certificate programs?", "ask_landscape") == Special("landscape")


def test_an_opening_request_for_a_description_beats_the_background_after_it(read):
    text = "tell me about the foundations of data science certificate, my library just got a grant for a data position"
    assert read(text, "ask_program_details") == Query("describe", programs=("arizona-data-science",))


def test_how_many_people_the_article_quotes_is_in_scope():
    from actions.understanding import Mentions, in_scope

    assert in_scope(Mentions(), "how many people does it quote")


def test_a_wish_with_no_subject_we_know_gets_the_subjects_we_know(read):
    assert read("I want to work in a museum", "inform_role") == Special("which_topic")
    assert read("I want to work in a museum", "nlu_fallback") == Special("which_topic")


def test_what_is_asked_of_the_one_a_ranking_picks_out(read):
    listed = ("calrbs-rare-books-manuscripts", "rbs-certificate")
    assert read("does the cheaper one have scholarships", "ask_funding", Context(listed=listed)) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts",), attribute="funding")
    assert read("which one has the most pathways to pick from", "find_certificate") == Query(
        "rank", attribute="pathways", order="max")


def test_the_kind_of_certificate_names_the_only_one_of_that_kind(read):
    assert read("ok what pathways does the post masters one have", "ask_program_details",
                Context(program="arizona-nlp")) == Query("lookup", programs=("sjsu-post-masters",), attribute="pathways")


@pytest.mark.parametrize("text, person", [
    ("did marina morgan get promoted?", "marina-morgan"),
    ("did roman-palacios do a certificate himself", "cristian-roman-palacios"),
])
def test_a_yes_no_question_about_a_person_the_article_does_not_answer(read, text, person):
    assert read(text, "ask_program_details") == Query("describe", person=person, attribute="unsaid")


def test_a_yes_no_question_the_persons_story_answers_gets_the_story(read):
    assert read("did marina build find@roux", "ask_program_details") == Query("describe", person="marina-morgan")
    assert read("was kendra a coder before", "ask_program_details") == Query("describe", person="kendra-lyons")


def test_questions_about_the_certificate_in_context_are_not_searches(read):
    context = Context(program="sjsu-post-masters")
    assert read("does it have a data science option", "find_certificate", context) == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="pathways")
    assert read("would the department chip in anything", "find_certificate", Context(program="arizona-legal-information")) \
        == Query("lookup", programs=("arizona-legal-information",), attribute="funding")
    assert read("would it cover the whole 6975", "ask_funding", Context(program="rbs-certificate")) == Query(
        "lookup", programs=("rbs-certificate",), attribute="funding")


def test_an_online_price_is_asked_as_whether_it_is_online(read):
    assert read("is that the same price if the course is online", "ask_cost", Context(program="rbs-certificate")) == Query(
        "lookup", programs=("rbs-certificate",), attribute="delivery")


def test_the_hardest_course_anyone_mentions_is_the_learners_not_the_one_in_context(read):
    context = Context(program="arizona-nlp")
    for text in ("hardest course anyone in the article mentions?", "what was the hardest course someone mentioned"):
        assert read(text, "ask_prerequisites", context) == Query("describe", person="marina-morgan", attribute="hardest")


def test_other_kinds_of_certificate_and_people_without_a_masters(read):
    assert read("the ssl certificate on our library website expired, how do i fix it", "find_certificate") == Special("out_of_scope")
    assert read("is the google data analytics certificate on coursera worth it", "ask_worth_it") == Special("out_of_scope")
    assert read("write me a python script that tokenizes text", "find_certificate") == Special("out_of_scope")
    assert read("im a library tech without a masters, are these certificates for me", "find_certificate") \
        == Special("without_masters")


def test_counts_and_lists_of_the_whole_article(read):
    assert read("how many people does the article quote", "ask_landscape") == Special("people")
    assert read("how many do i need to finish for the cert", "ask_program_details",
                Context(listed=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"))) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"), attribute="structure")
    assert read("same school?", "switch_program", Context(listed=("arizona-data-science", "arizona-nlp"))) == Query(
        "lookup", programs=("arizona-data-science", "arizona-nlp"), attribute="provider")
    assert read("which of those are the techy ones", "find_certificate", Context(
        listed=tuple(f"arizona-{s}" for s in ("archival-studies", "legal-information", "data-science", "nlp")))) == Query(
        "describe", programs=("arizona-data-science", "arizona-nlp"))


def test_courses_counted_school_by_school_are_added_up_each_at_its_price(read):
    assert read("how much would 3 courses at rbs and 2 at calrbs cost", "ask_cost") == Query(
        "total", programs=("rbs-certificate", "calrbs-rare-books-manuscripts"), course_counts=(3, 2))


def test_it_compared_with_a_description_is_the_program_in_context_against_its_sibling(read):
    assert read("how does it compare to the rare books one", "compare_programs",
                Context(program="calrbs-critical-librarianship")) == Query(
        "compare", programs=("calrbs-critical-librarianship", "calrbs-rare-books-manuscripts"))


def test_is_there_one_at_a_school_narrows_the_last_search(read):
    context = Context(listed=("arizona-archival-studies", "sjsu-post-masters"), last_attribute="length")
    assert read("is there one at sjsu too", "find_certificate", context) == Query("describe", programs=("sjsu-post-masters",))


def test_how_long_something_has_been_around_is_when_it_started(read):
    assert read("how long has the rbs one been around", "ask_program_details") == Query(
        "lookup", programs=("rbs-certificate",), attribute="started")


def test_which_ones_is_asked_of_every_certificate_or_of_the_last_list(read):
    context = Context(program="sjsu-digital-assets")
    arizona = tuple(f"arizona-{s}" for s in ("archival-studies", "legal-information", "medical-information", "data-science", "nlp"))
    assert read("which ones dont qualify for financial aid", "ask_funding", context) == Query(
        "lookup", programs=arizona, attribute="funding")
    listed = ("arizona-data-science", "calrbs-rare-books-manuscripts")
    assert read("which ones dont qualify for financial aid", "ask_funding", Context(listed=listed)) == Query(
        "lookup", programs=("arizona-data-science",), attribute="funding")
    listed = ("calrbs-rare-books-manuscripts", "rbs-certificate")  # none of the list: every certificate
    assert read("and which ones can't get financial aid", "ask_funding", Context(listed=listed)) == Query(
        "lookup", programs=arizona, attribute="funding")
    assert read("does either of them cover digitization?", "ask_program_details", Context(listed=listed)) == Query(
        "lookup", programs=listed, topics=("digital-assets",), attribute="topics")
    assert read("which school has more certificates", "ask_landscape", context) == Query("count")


def test_asking_which_is_best_for_a_subject_is_in_scope_whatever_nlu_says():
    from actions.understanding import Mentions, in_scope

    assert in_scope(Mentions(topics=("legal-information",)), "which is the best for a law librarian", Context())
    assert in_scope(Mentions(topics=("web-programming",)), "i want to build websites and do ux / ui design for my library")
    assert in_scope(Mentions(topics=("legal-information",)), "what about law libraries",
                    Context(listed=("arizona-medical-information",)))


def test_follow_ups_on_price(read):
    calrbs = Context(program="calrbs-rare-books-manuscripts", last_attribute="details")
    assert read("what if i only do 2 courses", "ask_program_details", calrbs) == Query(
        "total", programs=("calrbs-rare-books-manuscripts",), courses=2)
    rbs = Context(program="rbs-certificate", last_attribute="cost")
    assert read("whats the diff vs the cheapest one", "compare_programs", rbs) == Query(
        "compare", programs=("rbs-certificate", "calrbs-rare-books-manuscripts"))
    assert read("so the whole cert is like 7k?", "ask_cost", rbs) == Query("lookup", programs=("rbs-certificate",), attribute="cost")
    both = Context(listed=("calrbs-rare-books-manuscripts", "rbs-certificate"), last_attribute="cost")
    assert read("and both full certificates", "inform_travel", both) == Query("total", programs=both.listed)
    assert read("compare both certificates", "compare_programs", both) == Query("compare", programs=both.listed)


def test_a_superlative_after_a_list_is_over_every_certificate(read):
    listed = Context(listed=("arizona-data-science", "arizona-nlp"), last_attribute="started")
    assert read("and the oldest one", "ask_program_details", listed) == Query("rank", attribute="started", order="min")


def test_more_shapes_of_who_and_how_many(read):
    assert read("what did the sjsu lady say", "ask_program_details") == Query(
        "describe", person="linda-main", attribute="quotes")
    assert read("how many certificates does the article cover", "ask_landscape") == Query("count")
    assert read("list every cert in the article pls", "ask_landscape") == Query("find")
    assert read("is there one on data", "ask_program_details", Context(program="sjsu-post-masters", last_attribute="pathways")) \
        == Query("lookup", programs=("sjsu-post-masters",), attribute="pathways")


def test_people_by_first_name_and_the_other_certificate_of_a_school(read):
    assert read("what did cristian say about who the certificates are for", "ask_program_details") == Query(
        "describe", person="cristian-roman-palacios", attribute="quotes")
    context = Context(program="calrbs-critical-librarianship", listed=("calrbs-critical-librarianship",))
    assert read("and what does the other certificate from them focus on", "ask_program_details", context) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts",), attribute="topics")
    text = "clinical librarian, want to do more with health data analysis. which is closer, medical info or data science"
    assert read(text, "find_certificate") == Query("compare", programs=("arizona-medical-information", "arizona-data-science"))


def test_a_word_only_one_of_a_schools_certificates_holds_names_it(read):
    context = Context(program="sjsu-post-masters", last_attribute="prerequisites")
    assert read("what about that non-matriculated thing at sjsu", "ask_eligibility", context) == Query(
        "lookup", programs=("sjsu-digital-assets",), attribute="eligibility")
    assert read("is the sjsu certificate online", "ask_program_details") == Clarification(
        "delivery", candidates=("sjsu-post-masters", "sjsu-digital-assets"), provider="sjsu")


def test_prices_per_course_pay_and_dates(read):
    assert read("which ones cost less than 1300 per course", "ask_cost") == Query(
        "filter", attribute="course_cost", bound="under", amount=1300)
    assert read("which is cheapest per course", "ask_cost") == Query("rank", attribute="course_cost", order="min")
    medical = Context(program="arizona-medical-information")
    assert read("how much do graduates earn", "ask_cost", medical) == Query(
        "lookup", programs=("arizona-medical-information",), attribute="outcomes")
    assert read("when does the next rbs session start", "ask_program_details") == Query(
        "lookup", programs=("rbs-certificate",), attribute="deadlines")


def test_thinking_about_a_certificate_is_no_question_about_what_people_think(read):
    text = "hiya, im a school librarian thinking about a post mlis cert, where do i start"
    assert read(text, "find_certificate") == Special("which_topic")
    assert read("how much more expensive is rbs than calrbs per course", "ask_cost") == Query(
        "compare", programs=("rbs-certificate", "calrbs-rare-books-manuscripts"))


@pytest.mark.parametrize("text, intent, context", [
    ("is there an application fee for calrbs", "ask_cost", Context()),
    ("how big are the classes", "ask_program_details", Context(program="rbs-certificate")),
    ("do they give grades in the classes", "ask_program_details", Context(program="rbs-certificate")),
    ("do calrbs courses count as CE credits", "ask_program_details", Context()),
    ("do i need a law degree for it", "ask_eligibility", Context(program="arizona-legal-information")),
])
def test_what_the_article_never_gives_about_courses_and_admission_is_asked_as_such(read, text, intent, context):
    query = read(text, intent, context)
    assert isinstance(query, Query) and query.operation == "lookup" and query.attribute in ("admission", "course_details")


def test_he_or_she_is_the_person_the_article_calls_so(read):
    quoted_on_data_science = Context(listed=("arizona-data-science", "arizona-nlp"), person="kendra-lyons")
    assert read("whats his job", "out_of_scope", quoted_on_data_science).person == "cristian-roman-palacios"
    assert read("what did she say", "out_of_scope", Context(program="arizona-data-science", person="cristian-roman-palacios")) \
        == Query("describe", person="kendra-lyons", attribute="quotes")
    # The article gives Linda Main no pronoun: whichever the user picks, she stays the one meant.
    assert read("what did she say", "out_of_scope", Context(person="linda-main")).person == "linda-main"


def test_comparisons_named_by_subject_or_by_who_took_them(read):
    assert read("the two arizona tech ones, data sci vs nlp - whats the difference", "find_certificate") == Query(
        "compare", programs=("arizona-data-science", "arizona-nlp"))
    assert read("morgan's certificate vs lyons's certificate, how do they compare", "find_certificate") == Query(
        "compare", programs=("sjsu-post-masters", "arizona-data-science"))


def test_people_by_what_their_story_holds_or_what_they_took(read):
    assert read("did anyone in the article come from the humanities", "ask_article",
                Context(program="arizona-data-science")).person == "kendra-lyons"
    assert read("what did the person who did the sjsu one get out of it", "ask_program_details").person == "marina-morgan"
    assert read("who's the metadata librarian in the article", "nlu_fallback").person == "marina-morgan"
    assert read("which track was she on", "ask_program_details", Context(person="marina-morgan")) == Query(
        "describe", person="marina-morgan", attribute="pathways")


def test_a_subject_turned_away_is_not_searched_for(read):
    query = read("i care about social justice and activism. is there a certificate about that and not just tech skills",
                 "find_certificate")
    assert query.operation == "find" and not query.goals and "activism" in query.topics
    assert read("i dont want data science, something with rare books", "find_certificate").topics == ("rare-books",)
    assert "data-science" in read("im not sure if data science is for me, what else is there", "find_certificate").topics


def test_a_schools_other_certificate_named_by_subject_answers_the_same_question(read):
    assert read("and the legal one at the same school?", "ask_funding",
                Context(program="arizona-medical-information", last_attribute="funding")) == Query(
        "lookup", programs=("arizona-legal-information",), attribute="funding")


def test_per_course_superlatives_and_a_sum_that_may_cover_a_certificate(read):
    assert read("and the least per course?", "ask_cost", Context(program="rbs-certificate", last_attribute="cost")) == Query(
        "rank", attribute="course_cost", order="min")
    query = read("my director would put up to 6000 toward CE. would that cover a whole calrbs certificate?", "ask_funding")
    assert query.attribute == "cost" and set(query.programs) == {"calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"}


def test_tools_and_software_picks_are_out_of_scope(read):
    assert read("whats the best python IDE for a beginner", "out_of_scope") == Special("out_of_scope")
    assert read("which programming language should i learn first for the data science cert", "ask_prerequisites") != Special("out_of_scope")


def test_which_of_a_group_has_something_picks_those_that_do(read):
    assert read("which of the two has pathways", "find_certificate",
                Context(listed=("sjsu-post-masters", "arizona-data-science"))) == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="pathways")
    assert read("which ones have pathways", "find_certificate") == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="pathways")
    assert read("and which one is aimed at people with several years in the field", "find_certificate",
                Context(program="sjsu-digital-assets", listed=("sjsu-digital-assets",))) == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="audience")


def test_a_list_position_and_a_school_in_context_are_what_is_asked_about(read):
    calrbs = ("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship")
    assert read("what's the second one about", "find_certificate", Context(listed=calrbs)) == Query(
        "describe", programs=("calrbs-critical-librarianship",))
    assert read("how many certificates do they offer", "ask_program_details", Context(listed=calrbs, provider="calrbs")) == Query(
        "count", provider="calrbs")
    assert read("how many certificates are there", "ask_program_details", Context(listed=calrbs)) == Query("count")


def test_the_other_person_is_the_other_learner(read):
    assert read("and the other person they talk to, did she have a tech background", "ask_prerequisites",
                Context(person="kendra-lyons")) == Query("describe", person="marina-morgan", attribute="prerequisites")


def test_a_career_stage_told_in_the_message_picks_the_certificates_said_to_suit_it(read):
    assert read("what if im just out of school and already regret my track", "find_certificate",
                Context(program="sjsu-post-masters")) == Query("lookup", programs=("sjsu-digital-assets",), attribute="eligibility")
    assert read("which would u pick if im already 5 yrs in the field", "find_certificate",
                Context(listed=("sjsu-post-masters", "sjsu-digital-assets"))) == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="audience")
    assert read("i graduated 6 months ago. too early for me?", "ask_eligibility", Context(program="sjsu-post-masters")) == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="audience")
    # A subject named is searched for, whatever the stage.
    assert read("i'm a cataloger w/ like 8 yrs experience and want to get into web dev stuff at my library",
                "inform_role").operation == "find"


@pytest.mark.parametrize("text, intent, courses", [
    ("x5?", "nlu_fallback", 5),
    ("times five?", "nlu_fallback", 5),
    ("so the whole certificate would be what, 5 of those?", "ask_program_details", 5),
    ("and a single course there", "nlu_fallback", 1),
])
def test_arithmetic_on_a_price_just_given_adds_up_courses(read, text, intent, courses):
    query = read(text, intent, Context(program="rbs-certificate", last_attribute="cost"))
    assert query == Query("total", programs=("rbs-certificate",), courses=courses)


def test_the_full_certificate_or_per_class_after_a_price_is_the_price(read):
    assert read("and the full certificate", "nlu_fallback",
                Context(program="calrbs-rare-books-manuscripts", last_attribute="cost")) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts",), attribute="cost")
    assert read("whats the whole thing about", "nlu_fallback", Context(program="rbs-certificate", last_attribute="cost")) \
        != Query("lookup", programs=("rbs-certificate",), attribute="cost")


def test_a_sum_set_aside_is_a_price_limit_and_not_enrolled_is_non_matriculated(read):
    assert read("i have about 6500 saved up for pd, which certificate could i actually afford", "ask_cost") == Query(
        "filter", attribute="cost", bound="under", amount=6500)
    assert read("which ones can i take without being enrolled at the school", "ask_eligibility") == Query(
        "lookup", programs=("sjsu-digital-assets",), attribute="eligibility")


def test_follow_ups_on_funding_and_why_after_a_list(read):
    assert read("who gives them out", "nlu_fallback", Context(program="rbs-certificate", last_attribute="funding")) == Query(
        "lookup", programs=("rbs-certificate",), attribute="funding")
    listed = ("arizona-archival-studies", "arizona-nlp")
    assert read("why not", "deny", Context(listed=listed, last_attribute="funding")) == Query(
        "lookup", programs=listed, attribute="funding")


def test_a_name_not_recognised_is_not_the_certificate_in_context(read):
    assert read("and the califrnia one", "ask_cost", Context(program="rbs-certificate", last_attribute="cost")) == Clarification(
        "cost", candidates=())
    assert read("and the zanzibar one", "ask_cost", Context(program="rbs-certificate", last_attribute="cost")) == Clarification(
        "cost", candidates=())


def test_certificates_by_where_their_school_is(read):
    in_california = ("sjsu-post-masters", "sjsu-digital-assets", "calrbs-rare-books-manuscripts", "calrbs-critical-librarianship")
    assert read("which certificates are in california", "find_certificate") == Query("describe", programs=in_california)


def test_a_subject_word_inside_a_prerequisite_phrase_is_no_subject(read):
    assert read("I'm a children's librarian with zero programming experience and I'm eyeing the NLP certificate. "
                "what should i learn first", "ask_prerequisites") == Query(
        "lookup", programs=("arizona-nlp",), attribute="prerequisites")


def test_debugging_code_is_out_of_scope(read):
    assert read("help me debug my python script, it keeps throwing a KeyError", "find_certificate") == Special("out_of_scope")


def test_people_as_a_group_and_what_they_advise(read):
    assert read("how many people are quoted in the article", "out_of_scope") == Special("people")
    assert read("what do the people who did them say", "out_of_scope") == Special("people", attribute="learners")
    assert read("what did the learners in the article recommend doing beforehand", "ask_prerequisites") == Special(
        "general", attribute="prerequisites")


def test_more_ways_of_asking_what_a_certificate_covers_and_when(read):
    assert read("does either of the UCLA certificates touch on preservation?", "ask_program_details") == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"), topics=("preservation",),
        attribute="topics")
    assert read("what dates is it held", "ask_program_details", Context(program="rbs-certificate")) == Query(
        "lookup", programs=("rbs-certificate",), attribute="deadlines")


def test_something_that_fits_better_is_not_the_certificate_in_context(read):
    assert read("i graduated with my MLIS 8 months ago and i'm already rethinking my path. is there something at SJSU "
                "that fits me better?", "find_certificate", Context(program="sjsu-post-masters")) == Query(
        "lookup", programs=("sjsu-digital-assets",), attribute="eligibility")


def test_a_position_just_after_pathways_points_into_them(read):
    context = Context(program="sjsu-post-masters", listed=("sjsu-post-masters",), last_attribute="pathways")
    assert read("tell me more about the 4th one", "ask_program_details", context) == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="pathways")


def test_someone_like_me_is_read_with_the_career_stage_said_before(read):
    assert read("hmm. is there an sjsu one for someone like me then", "find_certificate",
                Context(program="sjsu-post-masters", career_stage="recent")) == Query(
        "lookup", programs=("sjsu-digital-assets",), attribute="eligibility")
    assert read("is there one for someone like me", "find_certificate") == Special("which_topic")


def test_the_point_of_a_certificate_just_discussed_is_what_it_documents(read):
    assert read("whats the point of their certificate", "ask_worth_it", Context(program="rbs-certificate")) == Query(
        "lookup", programs=("rbs-certificate",), attribute="credential")
    assert read("is a certificate worth it", "ask_worth_it", Context(program="rbs-certificate")) == Special("worth_it")


def test_going_back_in_the_conversation_is_to_the_certificate_discussed_then(read):
    # CalRBS's rare books certificate, then RBS; the last answer was about RBS alone.
    context = Context(program="rbs-certificate", listed=("rbs-certificate",),
                      discussed=("calrbs-rare-books-manuscripts", "rbs-certificate"), last_attribute="topics")
    assert read("ok back to the first one - what university is it part of", "ask_cost", context) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts",), attribute="provider")
    assert read("back to the first one", "nlu_fallback", context) == Query(
        "describe", programs=("calrbs-rare-books-manuscripts",))
    assert read("and the previous one, how much was it?", "ask_cost", context) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts",), attribute="cost")
    # "the other one" here is the one discussed before, not CalRBS's other certificate.
    back_and_forth = Context(program="rbs-certificate", discussed=(
        "calrbs-rare-books-manuscripts", "rbs-certificate", "calrbs-rare-books-manuscripts", "rbs-certificate"))
    assert read("go back to the other one, how much was it", "ask_cost", back_and_forth) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts",), attribute="cost")
    started = Context(program="rbs-certificate", discussed=("arizona-nlp", "calrbs-rare-books-manuscripts", "rbs-certificate"))
    assert read("and the one we started with, does it have scholarships", "ask_funding", started) == Query(
        "lookup", programs=("arizona-nlp",), attribute="funding")


def test_the_first_one_of_a_list_is_still_the_lists_first(read):
    context = Context(listed=("arizona-nlp", "rbs-certificate"), discussed=("calrbs-rare-books-manuscripts",))
    assert read("tell me about the first one", "find_certificate", context) == Query("describe", programs=("arizona-nlp",))


def test_which_of_two_suits_a_career_stage_described_of_others(read):
    assert read("sjsu post masters or the digital assets one, which is meant for people who've been working a while?",
                "find_certificate") == Query("lookup", programs=("sjsu-post-masters",), attribute="audience")
    two = Context(listed=("sjsu-post-masters", "sjsu-digital-assets"))
    assert read("which of the two is meant for new grads?", "find_certificate", two) == Query(
        "lookup", programs=("sjsu-digital-assets",), attribute="eligibility")
    # A search for a subject is not narrowed to the certificates the article places at a career stage.
    assert read("which certificate teaches data science for experienced librarians", "find_certificate").operation == "find"


def test_a_career_stage_described_of_someone_asks_who_a_certificate_is_for(read):
    assert read("could a brand new grad do the digital assets one instead", "ask_eligibility",
                Context(program="sjsu-post-masters")) == Query("lookup", programs=("sjsu-digital-assets",), attribute="eligibility")
    assert read("I just graduated, could I take the post-masters at sjsu?", "ask_eligibility") == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="audience")
    school = Context(listed=("sjsu-post-masters", "sjsu-digital-assets"), provider="sjsu", last_attribute="details")
    assert read("the one for people who've been working in the field a while", "ask_prerequisites", school) == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="audience")


def test_the_cheaper_of_a_pair_is_the_one_asked_about(read):
    assert read("the cheaper of the two rare book schools - do its scholarships cover travel", "ask_funding") == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"), attribute="funding")
    pair = Context(listed=("calrbs-rare-books-manuscripts", "rbs-certificate"), program="rbs-certificate")
    assert read("the cheaper of those two - what topics does it cover", "ask_cost", pair) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts",), attribute="topics")
    # One price, then another: "those two" are the two discussed.
    one_then_other = Context(program="rbs-certificate", listed=("rbs-certificate",), last_attribute="cost",
                             discussed=("calrbs-rare-books-manuscripts", "rbs-certificate"))
    assert read("do the scholarships at the cheaper of those two cover my travel", "ask_funding", one_then_other) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts",), attribute="funding")
    assert read("what would the full certificate run at each", "ask_worth_it", one_then_other) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts", "rbs-certificate"), attribute="cost")
    # Over a pair from the context, the first is named, not the other.
    assert read("whats the cheaper of those", "ask_cost", pair) == Query(
        "rank", programs=("calrbs-rare-books-manuscripts", "rbs-certificate"), attribute="cost", order="min")


def test_people_pointed_at_by_what_they_did(read):
    assert read("the guy who coordinates the data science masters at arizona, what did he say about people who "
                "already picked stuff up informally", "ask_prerequisites") == Query(
        "describe", person="cristian-roman-palacios", attribute="quotes")
    assert read("what did the woman who built the stacks mapping tool say about programming", "out_of_scope") == Query(
        "describe", person="marina-morgan", attribute="quotes")
    assert read("who's the person from fordham", "nlu_fallback") == Query("describe", person="jennifer-dixon")


def test_a_position_among_the_certificates_just_named(read):
    assert read("I'm deciding between the SJSU post-master's and Arizona's data science certificate. Tell me about "
                "the first one.", "compare_programs") == Query(
        "describe", programs=("sjsu-post-masters",), among=("sjsu-post-masters", "arizona-data-science"))
    assert read("calrbs or rbs - how much is the latter?", "ask_cost") == Query(
        "lookup", programs=("rbs-certificate",), attribute="cost",
        among=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship", "rbs-certificate"))


def test_more_follow_ups_and_ways_of_asking(read):
    calrbs = Context(listed=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"), provider="calrbs",
                     last_attribute="cost")
    assert read("is that the same for both of their certificates?", "ask_program_details", calrbs) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"), attribute="cost")
    assert read("what's the deal with the rare book one in virginia", "out_of_scope") == Query(
        "describe", programs=("rbs-certificate",))
    # An intent alone does not make a comparison with the certificate in context.
    assert read("different question - does the legal information cert at arizona cover legal research databases",
                "compare_programs", Context(program="sjsu-digital-assets", last_attribute="cost")) == Query(
        "lookup", programs=("arizona-legal-information",), attribute="topics")
    assert read("so which of the two has bookbinding", "compare_programs",
                Context(listed=("calrbs-rare-books-manuscripts", "rbs-certificate"))) == Query(
        "describe", programs=("rbs-certificate",))
    assert read("any certificates that started recently and are growing fast?", "switch_program") == Query(
        "lookup", programs=("arizona-data-science", "arizona-nlp"), attribute="growth")
    assert read("ok and the rbs one for comparison", "compare_programs", Context(
        listed=("calrbs-critical-librarianship", "calrbs-rare-books-manuscripts"), last_attribute="structure")) == Query(
        "compare", programs=("calrbs-critical-librarianship", "calrbs-rare-books-manuscripts", "rbs-certificate"))
    assert read("Which is better for getting into an MLIS program, Simmons or Drexel?", "nlu_fallback") == Special("out_of_scope")


def test_a_school_name_in_the_plural_is_every_school_so_named(read):
    assert read("which ones are from rare book schools", "nlu_fallback") == Query(
        "describe", programs=("rbs-certificate", "calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"))


def test_price_follow_ups_just_after_a_comparison_are_of_both(read):
    compared = Context(program="rbs-certificate", listed=("calrbs-rare-books-manuscripts", "rbs-certificate"),
                       last_attribute="compare")
    assert read("and for the full certificates", "switch_program", compared) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts", "rbs-certificate"), attribute="cost")
    assert read("and per course?", "ask_cost", compared) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts", "rbs-certificate"), attribute="cost")


def test_a_price_range_filters_between_its_ends(read):
    assert read("any between 6500 and 7000", "inform_budget", Context(last_attribute="cost")) == Query(
        "filter", attribute="cost", bound="between", amount=6500, upper=7000)


def test_ways_of_asking_found_in_a_seventeenth_set(read):
    assert read("hi, what does one class at the California Rare Book School run these days?", "ask_cost").operation == "total"
    assert read("When did Rare Book School start handing out its certificate of completion?", "ask_program_details") == Query(
        "lookup", programs=("rbs-certificate",), attribute="started")
    assert read("The coordinator at Arizona said the data science and NLP certificates are doing well. How well, exactly?",
                "ask_program_details") == Query("lookup", programs=("arizona-nlp", "arizona-data-science"), attribute="growth")
    assert read("Does ALA accredit the certificates themselves, or just the master's programs?", "ask_landscape") == Special(
        "general", attribute="accreditation")
    assert read("any certs where a single course is under $1,300?", "find_certificate") == Query(
        "filter", attribute="course_cost", bound="under", amount=1300)
    assert read("How many days of instruction does a CalRBS certificate add up to?", "ask_cost") == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"), attribute="length")
    assert read("anything else I should know about it?", "nlu_fallback", Context(program="sjsu-post-masters")) == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="quotes")
    assert read("Please convert this MARC record to Dublin Core for me: 245 10 $a Moby Dick", "find_certificate") == Special("out_of_scope")
    assert read("why would I pay for this when there are free webinars everywhere", "out_of_scope") == Special("worth_it")
    assert read("list the schools the article talks about", "nlu_fallback") == Query("count", attribute="provider")
    # The subject the user is focused on picks the group; it is not what is asked of the first.
    assert read("For someone focused on rare books, what's the most expensive certificate option?", "nlu_fallback") == Query(
        "rank", programs=("calrbs-rare-books-manuscripts", "rbs-certificate"), attribute="cost", order="max")
    assert read("do most people in the sjsu post masters program already work in libraries or archives", "nlu_fallback") == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="audience")


def test_which_school_and_who_is_a_role(read):
    assert read("which school doesn't give financial aid", "ask_funding", Context(program="sjsu-post-masters")) == Query(
        "lookup", programs=("arizona-archival-studies", "arizona-legal-information", "arizona-medical-information",
                            "arizona-data-science", "arizona-nlp"), attribute="funding")
    assert read("ha, who in the article is a law librarian", "find_certificate") == Query("describe", person="jennifer-dixon")


def test_a_subject_that_names_the_certificates_is_not_what_they_are_asked_to_cover(read):
    every = Context(program="sjsu-digital-assets", last_attribute="eligibility",
                    listed=tuple(p for p in ("arizona-archival-studies", "arizona-nlp", "sjsu-post-masters", "sjsu-digital-assets",
                                             "calrbs-rare-books-manuscripts", "calrbs-critical-librarianship", "rbs-certificate")))
    assert read("what about the rare book ones, do they have entry requirements", "ask_prerequisites", every) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts", "rbs-certificate"), attribute="admission")


def test_schools_other_than_those_named_are_the_landscape(read):
    assert read("Apart from Arizona, SJSU, UCLA and UVA, which universities offer post-master's certificates?",
                "ask_landscape") == Special("landscape")


def test_ways_of_asking_found_in_an_eighteenth_set(read):
    rbs_after_calrbs = Context(program="rbs-certificate", last_attribute="cost",
                               discussed=("calrbs-rare-books-manuscripts", "rbs-certificate"))
    assert read("same for the other school?", "switch_program", rbs_after_calrbs) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts",), attribute="cost")
    assert read("what certificates does his school have", "find_certificate", Context(person="cristian-roman-palacios")) == Query(
        "describe", provider="arizona", programs=("arizona-archival-studies", "arizona-legal-information",
                                                  "arizona-medical-information", "arizona-data-science", "arizona-nlp"))
    # Which school a certificate is at, asked yes or no: its school, not the school named.
    assert read("is it at UCLA?", "ask_program_details", Context(program="rbs-certificate", last_attribute="cost")) == Query(
        "lookup", programs=("rbs-certificate",), attribute="provider")
    assert read("is the NLP certificate at SJSU?", "ask_program_details") == Query(
        "lookup", programs=("arizona-nlp",), attribute="provider")
    assert read("what did linda main say about the non-matriculated option?", "ask_eligibility") == Query(
        "describe", person="linda-main", attribute="quotes")
    assert read("which one is about archives", "find_certificate",
                Context(program="sjsu-post-masters", last_attribute="pathways")) == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="pathways")
    assert read("is it only for people already working in archives?", "ask_eligibility",
                Context(program="sjsu-digital-assets", last_attribute="details")) == Query(
        "lookup", programs=("sjsu-digital-assets",), attribute="eligibility")
    assert read("I want to do the web programming pathway at sjsu but I've never written a line of code. bad idea?",
                "ask_prerequisites") == Query("lookup", programs=("sjsu-post-masters",), attribute="prerequisites")


def test_what_a_person_described_said_is_their_words(read):
    assert read("ok what did the data science student in the article say about it", "ask_program_details",
                Context(program="sjsu-post-masters", last_attribute="eligibility")) == Query(
        "describe", person="kendra-lyons", attribute="quotes")


def test_what_the_certificates_just_discussed_show(read):
    pair = Context(listed=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"), last_attribute="length")
    assert read("what do these certificates actually show employers?", "ask_worth_it", pair) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"), attribute="credential")
    assert read("what does a certificate actually show employers?", "ask_worth_it", Context(program="rbs-certificate")) == Special("worth_it")


def test_it_after_two_asks_which_of_those_two(read):
    assert read("how long does it take to finish", "ask_program_details",
                Context(listed=("arizona-data-science", "arizona-nlp"), last_attribute="started")) == Clarification(
        "length", candidates=("arizona-data-science", "arizona-nlp"))


def test_ways_of_asking_found_in_a_nineteenth_set(read):
    assert read("and is there a data science one too", "nlu_fallback",
                Context(program="sjsu-post-masters", last_attribute="pathways")) == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="pathways")
    assert read("are lots of library schools offering post-mlis certs these days?", "ask_program_details") == Special("landscape")
    # The question is the sentence that asks, not the remark after it.
    assert read("are the rare book school courses the same every year? I'd want to plan a couple summers ahead",
                "ask_program_details") == Query("lookup", programs=("rbs-certificate",), attribute="structure")
    assert read("the rare book one in virginia", "ask_program_details", Context(last_attribute="cost")) == Query(
        "lookup", programs=("rbs-certificate",), attribute="cost")
    assert read("the student doing the arizona certificate, what's her name again", "ask_program_details") == Query(
        "describe", person="kendra-lyons")
    assert read("do calrbs courses include pedagogy", "ask_program_details") == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"), topics=("pedagogy",),
        attribute="topics")
    assert read("and which have courses under $1,300 each?", "find_certificate", Context(last_attribute="cost")) == Query(
        "filter", attribute="course_cost", bound="under", amount=1300)


def test_a_sum_each_is_no_reference_to_the_last_list(read):
    two = Context(listed=("arizona-data-science", "arizona-nlp"), last_attribute="structure")
    assert read("any with courses under $1300 each?", "find_certificate", two) == Query(
        "filter", attribute="course_cost", bound="under", amount=1300)
    # "Is there a waitlist for the NLP one" names the certificate; it is not "is there one" of the one in context.
    assert read("is there a waitlist for the nlp one", "ask_program_details",
                Context(program="arizona-archival-studies", last_attribute="instructors")).programs == ("arizona-nlp",)
    sjsu = Context(program="sjsu-digital-assets", listed=("sjsu-post-masters", "sjsu-digital-assets"), last_attribute="compare")
    assert read("which one is for people who just got out of their mlis", "ask_worth_it", sjsu) == Query(
        "lookup", programs=("sjsu-digital-assets",), attribute="eligibility")


def test_a_second_question_joined_to_the_first_is_answered_too(read):
    assert read("is the nlp cert new and is it online?", "ask_program_details") == Query(
        "lookup", programs=("arizona-nlp",), attribute="delivery", also=("started",))


def test_the_article_named_as_where_to_look_is_not_the_question(read):
    # "What does the article suggest for someone like me?" looks for certificates; it does not ask about the article.
    assert read("I'd like to move up into a systems-level role. What does the article suggest for someone like me?",
                "inform_role") != Special("article")
    assert read("does the article say which of them are in texas", "ask_landscape") == Special(
        "not_named_place", attribute="texas")
    assert read("how many certificates does SJSU offer according to the article?", "ask_program_details").operation == "count"
    assert read("who wrote the article?", "ask_program_details") == Special("article")
    author = Context(person="jennifer-dixon")
    assert read("when did it come out?", "ask_program_details", author) == Special("article")
    assert read("does it cover every program out there?", "ask_program_details", author) == Special("landscape")


def test_someone_like_me_is_the_learner_at_the_users_career_stage(read):
    established = Context(career_stage="established")
    assert read("was there anyone like me in the article?", "ask_landscape", established) == Query(
        "describe", person="marina-morgan")
    assert read("was there anyone like me in the article?", "ask_landscape") == Special("people")


def test_who_runs_a_certificate_is_the_one_person_quoted_for_it_or_an_honest_unknown(read):
    assert read("who runs the sjsu post masters", "ask_program_details") == Query("describe", person="linda-main")
    assert read("and who coordinates the MS in data science there", "nlu_fallback",
                Context(program="arizona-data-science")) == Query("describe", person="cristian-roman-palacios")
    assert read("who is in charge of the critical librarianship certificate", "ask_program_details") == Query(
        "lookup", programs=("calrbs-critical-librarianship",), attribute="leadership")
    # "My director wants me to..." names no one who runs a certificate.
    assert read("my director wants me to get a credential in archives, what should I take?",
                "find_certificate").attribute != "leadership"


def test_a_person_is_found_by_what_they_did(read):
    assert read("who had 8 years of cataloging experience", "inform_role") == Query("describe", person="marina-morgan")
    assert read("who was the one who built a stacks mapping tool?", "nlu_fallback") == Query(
        "describe", person="marina-morgan")
    # Not "who does he say they're good for?", which asks what the person in context said.
    assert read("who does he say they're good for?", "ask_program_details",
                Context(person="cristian-roman-palacios")) != Query("describe", person="marina-morgan")


def test_the_comparative_after_two_ranks_those_two(read):
    two = Context(listed=("calrbs-rare-books-manuscripts", "rbs-certificate"), last_attribute="compare")
    assert read("which is cheaper overall", "nlu_fallback", two) == Query(
        "rank", programs=("calrbs-rare-books-manuscripts", "rbs-certificate"), attribute="cost", order="min")
    calrbs = Context(listed=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"), provider="calrbs",
                     last_attribute="funding")
    assert read("and compared to RBS, how much more is theirs per course?", "ask_cost", calrbs) == Query(
        "compare", programs=("calrbs-rare-books-manuscripts", "rbs-certificate"))


def test_worth_it_asked_other_ways(read):
    assert read("whats the biggest downside", "ask_landscape") == Special("worth_it")
    assert read("so its more about the credential than learning?", "ask_program_details",
                Context(person="cristian-roman-palacios")) == Special("worth_it")
    assert read("where would I look for the rest", "nlu_fallback") == Special("landscape")


def test_the_one_for_a_career_stage_among_every_certificate(read):
    query = read("what's the one that's specifically for experienced people", "ask_prerequisites",
                 Context(program="arizona-medical-information", career_stage="established"))
    assert query.operation == "lookup" and query.programs == ("sjsu-post-masters",)


def test_whether_a_kind_exists_is_not_the_last_question_asked(read):
    medical = Context(program="arizona-medical-information", last_attribute="prerequisites")
    assert read("is there a medical one though", "nlu_fallback", medical).attribute is None


def test_which_of_a_list_are_in_a_place(read):
    every = Context(listed=("arizona-nlp", "sjsu-post-masters", "calrbs-rare-books-manuscripts", "rbs-certificate"))
    assert read("which of those are in california", "find_certificate", every) == Query(
        "describe", programs=("sjsu-post-masters", "calrbs-rare-books-manuscripts"))


def test_people_a_certificate_is_for_are_not_a_person_asked_for(read):
    query = read("is there a certificate for people who want to do preservation work on old books", "find_certificate")
    assert query.operation == "find" and query.person is None
    assert read("is the sjsu post master's only for people who have been working a while?", "ask_prerequisites") == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="audience")


def test_days_of_each_course_asked_after_the_courses(read):
    rbs = Context(program="rbs-certificate", last_attribute="structure")
    assert read("how many days is each one", "ask_landscape", rbs) == Query(
        "lookup", programs=("rbs-certificate",), attribute="length")


def test_a_description_resolves_within_the_conversation_first(read):
    calrbs = Context(program="calrbs-critical-librarianship", provider="calrbs",
                     listed=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"), last_attribute="cost")
    assert read("and the rare books one?", "switch_program", calrbs).programs == ("calrbs-rare-books-manuscripts",)
    arizona = Context(program="sjsu-post-masters", provider="arizona", listed=(
        "arizona-archival-studies", "arizona-legal-information", "arizona-medical-information", "arizona-data-science",
        "arizona-nlp"))
    assert read("the legal one, who is it meant for?", "nlu_fallback", arizona).programs == ("arizona-legal-information",)
    assert read("I'm torn between the arizona data science cert and the sjsu post-masters", "compare_programs") == Query(
        "compare", programs=("arizona-data-science", "sjsu-post-masters"))


def test_who_runs_the_program_a_person_took(read):
    assert read("who runs the program she did", "ask_program_details", Context(person="marina-morgan")) == Query(
        "describe", person="linda-main")
    assert read("who else is quoted from her school", "ask_program_details", Context(person="kendra-lyons")) == Query(
        "describe", person="cristian-roman-palacios")


def test_round_seven_shapes_from_a_chat_box(read):
    assert read("is every rbs course $1,395?", "inform_budget").attribute == "cost"
    calrbs = Context(program="calrbs-rare-books-manuscripts", last_attribute="cost")
    assert read("I guess the RBS one is cheaper", "ask_cost", calrbs) == Query(
        "rank", programs=("calrbs-rare-books-manuscripts", "rbs-certificate"), attribute="cost", order="min", full=True)
    assert read("who all got quoted in it", "nlu_fallback") == Special("people")
    assert read("is it more about learning or about the credential", "ask_worth_it",
                Context(program="sjsu-post-masters")) == Special("worth_it")
    growing = Context(program="arizona-data-science", listed=("arizona-data-science",), last_attribute="growth")
    assert read("who said theyre growing fast", "ask_program_details", growing) == Query(
        "describe", person="cristian-roman-palacios", attribute="quotes")
    assert read("does the dam cert need a capstone or thesis", "ask_program_details").attribute == "course_details"
    techy = Context(program="arizona-nlp", provider="arizona", last_attribute="started")
    assert read("whats the other techy arizona one called", "ask_program_details", techy) == Query(
        "describe", programs=("arizona-data-science",))


def test_a_comparison_keeps_the_order_the_programs_were_typed(read):
    # "The second one" next is the one typed second.
    assert read("compare rbs and the calrbs rare books certificate", "compare_programs") == Query(
        "compare", programs=("rbs-certificate", "calrbs-rare-books-manuscripts"))
    assert read("compare the data science certificate and the NLP one", "compare_programs").programs == (
        "arizona-data-science", "arizona-nlp")


def test_the_other_one_that_started_the_same_year(read):
    assert read("and the other one that started the same year?", "switch_program", Context(program="arizona-nlp")) == Query(
        "describe", programs=("arizona-data-science",))


def test_what_year_the_article_came_out_just_after_it(read):
    assert read("what year did it come out", "nlu_fallback", Context(person="jennifer-dixon")) == Special("article")


def test_a_word_any_certificates_students_use_singles_out_none(read):
    assert read("how many students are in the sjsu one", "ask_program_details").programs == (
        "sjsu-post-masters", "sjsu-digital-assets")


def test_who_did_something_to_a_certificate_in_context_is_no_person_described(read):
    two = Context(listed=("arizona-data-science", "arizona-nlp"), last_attribute="started")
    assert read("who started it", "ask_program_details", two) != Query("describe", person="cristian-roman-palacios")


def test_whether_a_certificate_suits_the_users_stage(read):
    post_masters = Context(program="sjsu-post-masters", last_attribute="eligibility")
    assert read("I'm only 6 months out of my MLIS, am I too new for it?", "ask_program_details", post_masters).attribute in (
        "audience", "eligibility")
    recent = Context(program="sjsu-post-masters", last_attribute="length", career_stage="recent")
    assert read("what about their digital assets one for someone like me", "switch_program", recent) == Query(
        "lookup", programs=("sjsu-digital-assets",), attribute="eligibility")


def test_how_people_pay_and_how_many_started_in_a_year(read):
    assert read("i have no money lol how do ppl even pay for these certs", "out_of_scope").attribute == "funding"
    assert read("how many of the certs started in 2021", "ask_landscape") == Query(
        "count", programs=("arizona-data-science", "arizona-nlp"))


def test_each_course_and_a_bare_they_are_of_the_certificate_singled_out(read):
    """Once one of a list is singled out, "each course" and "they" are its courses, not the list again;
    "both" still means the list."""
    context = Context(program="rbs-certificate", listed=("calrbs-rare-books-manuscripts", "rbs-certificate"),
                      last_attribute="structure")
    assert read("how long is each course", "ask_program_details", context).programs == ("rbs-certificate",)
    assert read("and are they in person", "nlu_fallback", context).programs == ("rbs-certificate",)
    assert read("how much are they both", "ask_cost", context).programs == context.listed


def test_the_second_one_after_picking_the_first_of_two_is_the_second_certificate(read):
    context = Context(program="sjsu-post-masters", listed=("sjsu-post-masters", "arizona-data-science"),
                      last_attribute="pathways")
    assert read("now the second one", "switch_program", context).programs == ("arizona-data-science",)
    # With one certificate in context, a position is among its pathways.
    assert read("tell me more about the second one", "switch_program", Context(
        program="sjsu-post-masters", listed=("sjsu-post-masters",), last_attribute="pathways")) == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="pathways")


def test_the_one_not_picked_is_the_other_one(read):
    context = Context(program="calrbs-rare-books-manuscripts", listed=("calrbs-rare-books-manuscripts", "rbs-certificate"),
                      last_attribute="cost", provider="calrbs")
    assert read("and the one you didn't pick?", "switch_program", context).programs == ("rbs-certificate",)


def test_it_just_after_a_comparison_asks_which(read):
    context = Context(program="calrbs-rare-books-manuscripts", listed=("rbs-certificate", "calrbs-rare-books-manuscripts"),
                      last_attribute="compare")
    assert read("any money help for it?", "ask_funding", context) == Clarification("funding", candidates=context.listed)
    assert read("how does it compare to the nlp one", "compare_programs", context).operation == "compare"


def test_a_persons_certificate_asked_about_through_them(read):
    """ "Could she get aid for it?", "her program", "Morgan's certificate": the certificate they took;
    what they think, or their own past, stays theirs."""
    kendra = Context(person="kendra-lyons", program="arizona-data-science", listed=("arizona-data-science",))
    assert read("could she get financial aid for it", "ask_funding", kendra) == Query(
        "lookup", programs=("arizona-data-science",), attribute="funding")
    assert read("so what should i do before starting her program if i've never coded", "ask_prerequisites", kendra) \
        == Query("lookup", programs=("arizona-data-science",), attribute="prerequisites")
    assert read("and morgan's certificate, who's it aimed at?", "ask_program_details", kendra) == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="audience")
    assert read("does she think it pays off?", "ask_funding", kendra).person == "kendra-lyons"
    marina = Context(person="marina-morgan", program="sjsu-post-masters")
    assert read("how long had she been working before she did it", "ask_program_details", marina).person == "marina-morgan"
    linda = Context(person="linda-main", program="sjsu-post-masters")
    assert read("what does she say about who takes her program", "ask_program_details", linda).person == "linda-main"


def test_people_described_by_words_of_their_role(read):
    assert read("which certificate did the Florida Southern librarian do", "find_certificate").person == "marina-morgan"
    # "my staff in Tucson" is the user's staff, not the Arizona staff member the article quotes.
    assert read("How many certificates does Arizona offer? I'm thinking of recommending one to my staff in Tucson.",
                "nlu_fallback").operation == "count"
    # "student" here says who, not who may enrol.
    assert read("what did the arizona student like about hers", "ask_people") == Query("describe", person="kendra-lyons")


def test_what_a_certificate_offers_is_what_it_is(read):
    assert read("ok so what does it actually offer", "ask_worth_it", Context(program="sjsu-post-masters")) == Query(
        "describe", programs=("sjsu-post-masters",))


def test_a_pathway_on_a_subject_of_the_certificate_in_context(read):
    assert read("is there a pathway for archives", "ask_program_details", Context(program="sjsu-post-masters")) == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="pathways")


def test_the_other_one_that_started_that_year(read):
    assert read("what about the other one that started that year", "ask_program_details",
                Context(program="arizona-nlp", last_attribute="funding")) == Query("describe", programs=("arizona-data-science",))


def test_where_the_user_lives_is_no_place_asked_about(read):
    assert read("I can't travel at all right now (caregiver, and I live in Alaska). Which of these certificates are "
                "fully online?", "inform_travel") == Special("general", attribute="delivery")
    assert read("which of them are in texas", "ask_program_details", Context(listed=("rbs-certificate", "arizona-nlp"))) \
        == Special("not_named_place", attribute="texas")


def test_the_fields_figures_are_the_landscape(read):
    assert read("which are the 24", "nlu_fallback") == Special("landscape")
    assert read("is it under 24 hundred", "ask_cost", Context(program="rbs-certificate")).attribute == "cost"


def test_credits_are_never_given(read):
    query = read("how many credits is that", "ask_program_details", Context(program="calrbs-critical-librarianship"))
    assert query.attribute == "credits"


def test_the_rare_book_school_in_la_is_calrbs(read):
    assert read("how much is one course at the rare book school in LA", "ask_cost").programs == (
        "calrbs-rare-books-manuscripts",)


def test_shorter_and_how_many_needed_and_other_ones_of_a_school(read):
    pair = Context(listed=("arizona-data-science", "sjsu-post-masters"), last_attribute="cost")
    assert read("which is shorter?", "ask_program_details", pair) == Query(
        "rank", programs=pair.listed, attribute="length", order="min")
    assert read("how many do I need", "ask_prerequisites", Context(
        program="calrbs-rare-books-manuscripts", listed=("calrbs-rare-books-manuscripts",), last_attribute="cost")) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts",), attribute="structure")
    assert read("what other arizona certificates are there", "ask_funding", Context(
        program="arizona-legal-information", last_attribute="funding")) == Query("describe", programs=(
            "arizona-archival-studies", "arizona-medical-information", "arizona-data-science", "arizona-nlp"))


def test_someone_from_the_article_in_either_of_them(read):
    pair = Context(listed=("arizona-data-science", "sjsu-post-masters"), program="sjsu-post-masters", last_attribute="compare")
    assert read("is someone from the article in either of them", "ask_people", pair) == Query(
        "lookup", programs=pair.listed, attribute="quotes")


def test_the_learner_doing_a_named_certificate(read):
    assert read("The student doing the Arizona data science certificate, who is she and does she think it's worth it?",
                "ask_people") == Query("describe", person="kendra-lyons")
    assert read("what did the person taking the sjsu post-masters say", "ask_people") == Query(
        "describe", person="marina-morgan", attribute="quotes")


def test_what_a_named_person_thought_of_it_is_theirs(read):
    assert read("did Morgan think it paid off", "ask_worth_it").person == "marina-morgan"


def test_a_closing_request_to_describe_wins_over_the_situation_before_it(read):
    assert read("Hi, I'm a collections librarian at a private college in Massachusetts with a $10k grant for staff "
                "development. Tell me about the CalRBS Rare Books and Manuscripts certificate.", "ask_funding") == Query(
        "describe", programs=("calrbs-rare-books-manuscripts",))


def test_places_outside_the_us_and_more_than_the_article_names(read):
    assert read("is there a Canadian one", "nlu_fallback") == Special("not_named_place", attribute="Canada")
    assert read("Are there more options than the four schools in this article? I'm in Alberta and looking at everything.",
                "ask_landscape") == Special("landscape")


def test_schedules_and_experience(read):
    assert read("do they have evening classes", "nlu_fallback", Context(program="arizona-archival-studies")).attribute == "deadlines"
    assert read("could I do that one with under a year of experience?", "ask_program_details",
                Context(program="sjsu-post-masters")).attribute == "audience"


def test_whether_a_certificate_is_about_a_subject(read):
    context = Context(listed=("calrbs-rare-books-manuscripts", "rbs-certificate"), last_attribute="delivery")
    assert read("is the critical librarianship one about activism", "ask_program_details", context) == Query(
        "lookup", programs=("calrbs-critical-librarianship",), topics=("activism",), attribute="topics")
    assert read("is it about bookbinding", "ask_program_details", Context(program="rbs-certificate")) == Query(
        "lookup", programs=("rbs-certificate",), topics=("bookbinding",), attribute="topics")


def test_who_went_through_a_certificate_described_by_its_subject(read):
    assert read("who went through the data science program in the article?", "ask_people") == Query(
        "describe", person="kendra-lyons")


def test_the_other_ones_just_after_a_certificates_pathways_are_its_pathways(read):
    context = Context(program="sjsu-post-masters", last_attribute="pathways", listed=("sjsu-post-masters",))
    assert read("what are the other ones", "nlu_fallback", context) == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="pathways")


def test_the_subject_asked_of_a_certificate_is_kept_for_the_answer(read):
    assert read("does calrbs teach bookbinding", "ask_program_details").topics == ("bookbinding",)
    assert read("does either of them cover digitization?", "ask_program_details", Context(
        listed=("calrbs-rare-books-manuscripts", "rbs-certificate"))).topics == ("digital-assets",)


def test_how_many_in_total_after_the_schools_other_certificates_counts_the_one_before_too(read):
    context = Context(program="arizona-medical-information", last_attribute="details",
                      listed=("arizona-archival-studies", "arizona-legal-information", "arizona-data-science", "arizona-nlp"))
    assert read("so how many is that total", "ask_landscape", context) == Query(
        "count", programs=("arizona-medical-information",) + context.listed)


def test_a_certificate_for_a_subject_or_taken_by_someone_described_is_in_scope(kb):
    import spacy
    from actions.understanding.scope import in_scope

    nlp = spacy.load(ROOT / ".cache" / "spacy" / "en_advisor")
    matcher = trained_matcher(nlp)

    def scoped(text: str) -> bool:
        return in_scope(mentions_in(matcher.find_entities(text, nlp), kb, text), text, Context())

    assert scoped("whats the best one for a law librarian")
    assert scoped("which certificate did the librarian from florida southern college do")
    assert not scoped("what's the weather in arizona") and not scoped("which is the best laptop for coding")


def test_ways_of_asking_found_in_the_eighth_round(read):
    pair = Context(listed=("calrbs-rare-books-manuscripts", "rbs-certificate"), program="rbs-certificate", last_attribute="cost")
    assert read("so which is the better deal", "ask_cost", pair) == Query(
        "rank", programs=pair.listed, attribute="cost", order="min")
    assert read("is there an age limit", "ask_program_details", Context(program="sjsu-digital-assets")).attribute == "admission"
    assert read("where's it based", "ask_program_details", Context(program="calrbs-critical-librarianship")).attribute == "location"
    assert read("are the ten certificates you know about all there is?", "ask_program_details") == Special("landscape")
    assert read("how do i search for the others", "out_of_scope") == Special("landscape")


def test_the_certificate_likened_to_is_not_the_one_asked_about(read):
    assert read("does the digital assets certificate have pathways like the post-master's one does?",
                "ask_program_details") == Query("lookup", programs=("sjsu-digital-assets",), attribute="pathways")
    context = Context(program="sjsu-digital-assets", listed=("sjsu-post-masters", "sjsu-digital-assets"), last_attribute="eligibility")
    assert read("does it have pathways like the first one does", "ask_program_details", context) == Query(
        "lookup", programs=("sjsu-digital-assets",), attribute="pathways")


def test_a_second_certificate_named_by_its_kind_joins_the_one_named(read):
    assert read("compare the sjsu digital assets cert and the post masters one", "compare_programs") == Query(
        "compare", programs=("sjsu-digital-assets", "sjsu-post-masters"))
    assert read("is the sjsu digital assets cert pricier than the post masters one", "ask_cost") == Query(
        "rank", programs=("sjsu-digital-assets", "sjsu-post-masters"), attribute="cost", order="max", full=True)
    # The kind asked about is no second certificate.
    assert read("is the digital assets certificate a post-masters certificate or a graduate certificate?",
                "ask_program_details") == Query("lookup", programs=("sjsu-digital-assets",), attribute="credential")


def test_the_pricier_of_two_is_the_more_expensive(read):
    two = Context(listed=("rbs-certificate", "calrbs-rare-books-manuscripts"), last_attribute="compare")
    assert read("which one's pricier", "ask_cost", two) == Query(
        "rank", programs=("rbs-certificate", "calrbs-rare-books-manuscripts"), attribute="cost", order="max")


def test_ninth_round_follow_ups(read):
    # A position in the last list counts for a price too.
    compared = Context(program="rbs-certificate", listed=("calrbs-rare-books-manuscripts", "rbs-certificate"),
                       last_attribute="compare")
    assert read("how much is a single course at the first one", "ask_cost", compared) == Query(
        "total", programs=("calrbs-rare-books-manuscripts",), courses=1)
    # "Same ... as" another: both.
    assert read("same total cost as calrbs?", "ask_cost", Context(program="rbs-certificate")) == Query(
        "lookup", programs=("rbs-certificate", "calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"),
        attribute="cost")
    # What is likened to is not asked about.
    assert read("is it new like the data science one", "ask_program_details",
                Context(program="arizona-medical-information")) == Query(
        "lookup", programs=("arizona-medical-information",), attribute="started")
    assert read("and the other new one?", "ask_program_details", Context(program="arizona-nlp")) == Query(
        "describe", programs=("arizona-data-science",))
    # "The rest" of one school's certificates.
    arizona_tech = Context(listed=("arizona-data-science", "arizona-nlp"), provider="arizona")
    assert read("and the rest are what, specialties?", "ask_program_details", arizona_tech) == Query(
        "describe", programs=("arizona-archival-studies", "arizona-legal-information", "arizona-medical-information"))
    # "Back to the first school".
    went_back = Context(listed=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"), provider="calrbs",
                        discussed=("rbs-certificate", "calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"))
    assert read("ok back to the first school - do scholarships there pay for travel", "ask_funding", went_back) == Query(
        "lookup", programs=("rbs-certificate",), attribute="funding")
    # A time is no position in a list.
    two_new = Context(listed=("arizona-data-science", "arizona-nlp"), last_attribute="growth")
    assert read("how many students enrolled in them last year", "ask_program_details", two_new).programs == (
        "arizona-data-science", "arizona-nlp")


def test_ninth_round_subjects_and_people(read):
    assert read("ok back to the post-master's, any archives option", "ask_program_details",
                Context(program="sjsu-digital-assets")) == Query("lookup", programs=("sjsu-post-masters",), attribute="pathways")
    assert read("so that's how many days of programming total", "ask_program_details",
                Context(listed=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"), provider="calrbs",
                        last_attribute="structure")).programs == ("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship")
    assert read("anything on social justice or activism in librarianship?", "find_certificate") == Query(
        "find", topics=("critical-librarianship", "activism"))
    assert read("rbs courses are in person right?", "ask_program_details") == Query(
        "lookup", programs=("rbs-certificate",), attribute="delivery")
    assert read("describe the rare books & manuscripts certificate", "ask_program_details") == Query(
        "describe", programs=("calrbs-rare-books-manuscripts",))
    assert read("is the sjsu post-masters cheaper than calrbs?", "compare_programs").programs == (
        "sjsu-post-masters", "calrbs-rare-books-manuscripts", "calrbs-critical-librarianship")
    assert read("was it written by a law librarian", "ask_article") == Special("article")
    assert read("is it true 39 programs offer post-master's certs", "ask_landscape") == Special("landscape")
    assert read("how do i find them", "nlu_fallback") == Special("landscape")
    assert read("how much is a typical CalRBS scholarship worth in dollars?", "ask_cost").attribute == "scholarship_amount"
    assert read("the prof at arizona, whats his exact title", "ask_program_details").person == "cristian-roman-palacios"
    assert read("who's the sjsu person quoted", "ask_program_details").person == "linda-main"
    assert read("did the sjsu grad feel it paid off", "ask_worth_it").person == "marina-morgan"
    assert read("can i do two pathways at once", "ask_program_details",
                Context(program="sjsu-digital-assets", last_attribute="pathways")) == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="combining")
    assert read("whats the difference between the data science and NLP certificates", "compare_programs") == Query(
        "compare", programs=("arizona-data-science", "arizona-nlp"))
    assert read("does the nlp one require statistics", "ask_prerequisites") == Query(
        "lookup", programs=("arizona-nlp",), attribute="prerequisites")
    assert read("and who takes the other one", "nlu_fallback",
                Context(program="sjsu-post-masters", last_attribute="audience")).programs == ("sjsu-digital-assets",)
    assert read("which post-master's pathway would suit someone who wants to be a data librarian", "find_certificate",
                Context(program="sjsu-digital-assets", last_attribute="pathways")) == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="pathways")
    assert read("how long did it take her", "ask_program_details", Context(person="marina-morgan")) == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="length")
    assert read("and the other learner, what was hardest for her?", "ask_prerequisites",
                Context(person="kendra-lyons")) == Query("describe", person="marina-morgan", attribute="hardest")
    assert read("who talks about them in the article", "ask_article",
                Context(listed=("arizona-data-science", "arizona-nlp"))) == Query(
        "lookup", programs=("arizona-data-science", "arizona-nlp"), attribute="quotes")
    assert read("what kind of librarian", "find_certificate", Context(person="jennifer-dixon")) == Special("article")
    assert read("so the cert would be", "ask_worth_it", Context(program="rbs-certificate", last_attribute="cost")) == Query(
        "lookup", programs=("rbs-certificate",), attribute="cost")
    assert read("is there an sjsu option people fresh out of the mlis actually take", "ask_program_details",
                Context(program="sjsu-post-masters", last_attribute="audience")).programs == ("sjsu-digital-assets",)
    assert read("does calrbs do critical theory", "ask_program_details") == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"), attribute="topics",
        topics=("critical-theory",))


def test_ninth_round_words_that_stay_what_they_were(read):
    # "design for" is no "designed for"; "grad students" and "graduate certificates" are no graduate of the article.
    assert read("i want to build websites and do ux / ui design for my library", "find_certificate") == Query(
        "find", topics=("web-programming", "information-architecture"))
    assert read("What are the University of Arizona's graduate certificates called?", "ask_program_details").person is None
    assert read("how many credits is the UA medical information grad certificate", "ask_program_details") == Query(
        "lookup", programs=("arizona-medical-information",), attribute="credits")
    # "A full scholarship" asks what is still paid, not what a scholarship is worth.
    assert read("ok so even with a full scholarship what am i still paying for myself", "ask_funding",
                Context(program="calrbs-rare-books-manuscripts")).attribute != "scholarship_amount"
    # The school's certificates, asked of the school in context.
    rbm = Context(program="calrbs-rare-books-manuscripts", listed=("calrbs-rare-books-manuscripts",), last_attribute="provider")
    assert read("and what r the 2 certs there", "ask_program_details", rbm) == Query(
        "describe", provider="calrbs", programs=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"))


def test_ninth_round_claims_checked_and_prices_given(read):
    priced = Context(program="rbs-certificate", provider="rbs", last_attribute="cost")
    assert read("each one 1395?", "inform_budget", priced) == Query("lookup", programs=("rbs-certificate",), attribute="cost")
    assert read("so 1200 a class times 5?", "inform_budget", Context(program="calrbs-critical-librarianship",
                                                                    last_attribute="cost")) == Query(
        "total", programs=("calrbs-critical-librarianship",), courses=5)
    assert read("is the 1395 for every rbs course or just some of them", "ask_cost") == Query(
        "lookup", programs=("rbs-certificate",), attribute="cost")
    assert read("did the nlp one start in 2021", "ask_program_details").attribute == "started"  # a year is no price
    assert read("the NLP certificate is at SJSU?", "ask_program_details") == Query(
        "lookup", programs=("arizona-nlp",), attribute="provider")
    assert read("thought so. which prices does it give then", "ask_cost", Context(program="sjsu-post-masters")) == Query(
        "rank", attribute="cost", order="min", full=True)
    assert read("how do you get that number", "out_of_scope", Context(program="calrbs-rare-books-manuscripts",
                                                                      last_attribute="cost")).attribute == "cost"
    arizona = Context(listed=("arizona-archival-studies", "arizona-legal-information", "arizona-medical-information",
                              "arizona-data-science", "arizona-nlp"), provider="arizona")
    assert read("which of them are about emerging tech", "find_certificate", arizona) == Query(
        "lookup", programs=arizona.listed, attribute="topics", topics=("emerging-technologies",))
    assert read("is Arizona one of the 39", "ask_landscape") == Special("landscape")
    assert read("my director thinks these certificates are only good for the learning, not as a credential. "
                "does the article agree?", "ask_article") == Special("worth_it")
    assert read("is it ALA accredited", "ask_program_details", Context(program="rbs-certificate")).attribute == "accreditation"
    assert read("and the collection management librarian", "ask_people",
                Context(person="cristian-roman-palacios")).person == "jennifer-dixon"
    assert read("what do the rare book certificates actually document", "ask_program_details").attribute == "credential"
    assert read("does the sjsu post masters thing expect work experience", "ask_prerequisites") == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="audience")


def test_ninth_round_long_sessions(read):
    assert read("and the other one is at ucla?", "ask_program_details", Context(
        program="rbs-certificate", listed=("rbs-certificate",),
        discussed=("calrbs-rare-books-manuscripts", "rbs-certificate"))) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts",), attribute="provider")
    assert read("for the cheaper one do the courses change from year to year?", "ask_program_details", Context(
        listed=("rbs-certificate", "calrbs-rare-books-manuscripts"), last_attribute="cost")) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts",), attribute="structure")
    assert read("back to the rare books one, what would i study", "ask_program_details", Context(
        listed=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"), provider="calrbs",
        last_attribute="compare")) == Query("lookup", programs=("calrbs-rare-books-manuscripts",), attribute="topics")
    assert read("does her certificate have pathways like morgan's does", "ask_program_details",
                Context(person="kendra-lyons")) == Query("lookup", programs=("arizona-data-science",), attribute="pathways")
    assert read("so 1200 a class times 5?", "inform_budget", Context(
        program="calrbs-critical-librarianship", listed=("arizona-data-science", "arizona-nlp", "rbs-certificate",
                                                         "sjsu-post-masters", "sjsu-digital-assets"),
        last_attribute="cost")) == Query("total", programs=("calrbs-critical-librarianship",), courses=5)
    assert read("and kendra's?", "ask_cost", Context(person="marina-morgan", program="sjsu-post-masters",
                                                    last_attribute="cost")) == Query(
        "lookup", programs=("arizona-data-science",), attribute="cost")
    assert read("and for the second sjsu one?", "ask_cost", Context(
        program="calrbs-critical-librarianship", last_attribute="cost")) == Query(
        "lookup", programs=("sjsu-digital-assets",), attribute="cost")
    assert read("now the sjsu post masters, whos that for", "ask_program_details",
                Context(program="calrbs-critical-librarianship", last_attribute="topics")).attribute == "audience"


def test_ninth_round_unknowns_of_people_and_the_field(read):
    assert read("where does she work", "ask_people", Context(person="kendra-lyons")) == Query(
        "describe", person="kendra-lyons", attribute="unsaid")  # the article gives no employer for her
    assert read("where does she work again", "ask_people", Context(person="marina-morgan")).attribute is None
    assert read("which 24 are they, exactly", "nlu_fallback") == Special("landscape")
    assert read("back to the rare books one, what would i study", "find_certificate", Context(
        listed=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"), program="calrbs-critical-librarianship",
        provider="calrbs", last_attribute="audience")) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts",), attribute="topics")


def test_courses_already_taken(read):
    assert read("I already took 2 calrbs courses. how many more do i need for the certificate", "ask_program_details") == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"), attribute="structure", courses=2)


def test_which_one_after_a_comparison_ranks_the_two_compared(read):
    compared = Context(listed=("arizona-legal-information", "arizona-medical-information"), last_attribute="compare")
    assert read("which one started first", "ask_program_details", compared) == Query(
        "rank", programs=compared.listed, attribute="started", order="min")


def test_tenth_set_of_ways_of_asking(read):
    priced = Context(provider="calrbs", last_attribute="cost", listed=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"),
                     discussed=("rbs-certificate", "calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"))
    assert read("so whats the difference for the whole certificate", "ask_program_details", priced) == Query(
        "compare", programs=("rbs-certificate", "calrbs-rare-books-manuscripts"))
    assert read("compare them", "compare_programs", priced) == Query("compare", programs=priced.listed)
    assert read("who else in the article is connected to arizona", "nlu_fallback",
                Context(person="cristian-roman-palacios", provider="arizona")) == Query("describe", person="kendra-lyons")
    assert read("full name?", "bot_challenge", Context(program="calrbs-critical-librarianship")) == Query(
        "describe", programs=("calrbs-critical-librarianship",))
    assert read("tell me abt the digtal asets managment cert", "ask_program_details") == Query(
        "describe", programs=("sjsu-digital-assets",))
    assert read("what about the one Kendra is doing", "ask_cost", Context(person="marina-morgan", last_attribute="cost")) == Query(
        "lookup", programs=("arizona-data-science",), attribute="cost")
    assert read("is there an age or years of experience cutoff for rbs", "ask_program_details").attribute == "admission"
    assert read("how big are the RBS classes", "ask_program_details").attribute == "course_details"
    assert read("My director says certificates are just pieces of paper. Do the people in the article think they "
                "actually matter?", "nlu_fallback") == Special("worth_it")


def test_the_other_one_just_after_a_person_is_the_other_person(read):
    assert read("and what was hardest for the other one", "ask_prerequisites", Context(
        person="marina-morgan", program="sjsu-post-masters", listed=("sjsu-post-masters",))) == Query(
        "describe", person="kendra-lyons", attribute="hardest")
    compared = Context(person="kendra-lyons", listed=("arizona-data-science", "arizona-nlp"), program="arizona-data-science",
                       last_attribute="compare")
    assert read("and what was hardest for the other one", "ask_prerequisites", compared).person is None
    marina = Context(person="marina-morgan", program="sjsu-post-masters", listed=("sjsu-post-masters",), last_attribute="quotes")
    assert read("and the other one at that school?", "switch_program", marina).programs == ("sjsu-digital-assets",)


def test_what_scholarships_do_not_cover_just_after_them(read):
    calrbs = Context(listed=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"), provider="calrbs",
                     last_attribute="funding")
    assert read("what don't those cover", "ask_program_details", calrbs).attribute == "funding"
    assert read("what does it cover", "ask_program_details", Context(program="rbs-certificate", last_attribute="funding")
                ).attribute == "topics"


def test_a_kind_named_before_the_other_certificate_is_still_compared(read):
    assert read("SJSU post-masters vs SJSU digital assets cert — main differences?", "compare_programs").programs == (
        "sjsu-digital-assets", "sjsu-post-masters")
    assert read("how's it different from the post masters one they have", "compare_programs",
                Context(program="sjsu-digital-assets")).programs == ("sjsu-digital-assets", "sjsu-post-masters")
    assert read("sjsu has two certs, the post-masters and the digital assets one?", "ask_program_details").programs == (
        "sjsu-post-masters", "sjsu-digital-assets")


def test_a_description_beside_a_named_certificate_is_the_one_at_its_school(read):
    assert read("calrbs critical librarianship vs the rare books one, same price?", "compare_programs").programs == (
        "calrbs-critical-librarianship", "calrbs-rare-books-manuscripts")
    assert read("and the other rare book school in california", "ask_program_details", Context(
        program="rbs-certificate", last_attribute="structure")).programs == (
        "calrbs-rare-books-manuscripts", "calrbs-critical-librarianship")
    assert read("what about the rare books one", "ask_cost", Context(program="rbs-certificate", last_attribute="cost")
                ).programs == ("calrbs-rare-books-manuscripts", "rbs-certificate")


def test_words_that_look_like_positions_or_dates_but_are_not(read):
    pair = Context(program="calrbs-rare-books-manuscripts", listed=("calrbs-rare-books-manuscripts", "rbs-certificate"))
    assert read("and each class lasts how long", "ask_program_details", Context(
        program="calrbs-rare-books-manuscripts", listed=("calrbs-rare-books-manuscripts", "rbs-certificate"),
        last_attribute="structure")).programs == ("calrbs-rare-books-manuscripts",)
    assert read("how much is the last", "ask_cost", replace(pair, program=None, last_attribute="cost")).programs == (
        "rbs-certificate",)
    marina = read("what was the thing she built with her new skills", "ask_program_details", Context(person="marina-morgan"))
    assert marina == Query("describe", person="marina-morgan")
    assert read("is it a new program?", "ask_program_details", Context(program="arizona-nlp")).attribute == "started"
    assert read("is there something there for someone newer then", "ask_program_details", Context(
        program="sjsu-post-masters", last_attribute="audience")).programs == ("sjsu-digital-assets",)


def test_a_price_worked_out_from_courses_is_checked(read):
    calrbs = Context(listed=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"))
    assert read("5 courses at 1200 is 6k right", "ask_cost", calrbs) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"), attribute="cost")
    assert read("5 courses at 5 days each is how many days of class total", "ask_program_details",
                Context(program="calrbs-rare-books-manuscripts")).attribute != "cost"
    assert read("how much would it cost me to do both calrbs certificates", "ask_cost") == Query(
        "total", programs=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"))
    assert read("can i do both at the same time", "ask_program_details", replace(calrbs, last_attribute="cost")
                ).attribute == "combining"
    assert read("did they start at the same time", "ask_program_details", Context(
        listed=("arizona-data-science", "arizona-nlp"))).attribute == "started"


def test_more_or_less_per_class_ranks_and_than_an_amount_bounds(read):
    pair = Context(listed=("calrbs-rare-books-manuscripts", "rbs-certificate"), last_attribute="cost")
    assert read("which of them is more per class", "ask_cost", pair) == Query(
        "rank", programs=("calrbs-rare-books-manuscripts", "rbs-certificate"), attribute="course_cost", order="max")
    assert read("which costs less", "ask_cost", pair).programs == ("calrbs-rare-books-manuscripts", "rbs-certificate")
    over = read("does the rbs certificate cost more than 7000?", "ask_cost")
    assert (over.operation, over.bound, over.amount) == ("filter", "above", 7000)
    assert read("which certs are 6000 or more?", "find_certificate").bound == "over"
    assert read("ok only the ones over 6k then", "find_certificate").bound == "above"
    under = read("any less expensive than 6500?", "ask_cost")
    assert (under.operation, under.bound) == ("filter", "under")


def test_a_position_wins_over_it_and_over_the_school_said_again(read):
    three = Context(program="arizona-nlp", listed=("sjsu-digital-assets", "arizona-nlp", "calrbs-critical-librarianship"))
    assert read("and the third, how many courses is it", "ask_program_details", three).programs == (
        "calrbs-critical-librarianship",)
    assert read("how many courses is it", "ask_program_details", three).programs == ("arizona-nlp",)
    assert read("is the first one open to ppl not enrolled at sjsu", "ask_program_details", three) == Query(
        "lookup", programs=("sjsu-digital-assets",), attribute="eligibility")
    assert read("is the nlp certificate at sjsu?", "ask_program_details").attribute == "provider"


def test_people_told_apart_by_how_far_along_and_by_their_story(read):
    assert read("and who's still in progress", "out_of_scope", Context(person="marina-morgan")) == Query(
        "describe", person="kendra-lyons")
    assert read("which of them has finished", "ask_program_details") == Query("describe", person="marina-morgan")
    assert read("which would suit someone who just graduated", "find_certificate").person is None
    assert read("which of them had no coding experience going in", "ask_prerequisites", Context(
        person="marina-morgan", program="sjsu-post-masters")) == Query("describe", person="kendra-lyons")
    assert getattr(read("who has coding experience", "ask_prerequisites"), "person", None) is None
    assert read("what did the other one study for her bachelors", "ask_program_details", Context(
        person="marina-morgan", listed=("sjsu-post-masters",))) == Query("describe", person="kendra-lyons")
    assert read("kendra lyons did the SJSU post-master's, didn't she?", "ask_program_details") == Query(
        "describe", person="kendra-lyons")
    assert read("and who's doing the arizona one", "ask_program_details", Context(
        person="marina-morgan", program="sjsu-post-masters")) == Query("describe", person="kendra-lyons")


def test_people_by_role_school_and_pronoun(read):
    assert read("what did the sjsu instructor say about who takes the post masters", "ask_program_details").person == "linda-main"
    assert read("who's the assistant professor of practice that gets quoted", "out_of_scope").person == "cristian-roman-palacios"
    assert read("which school at UA is he in", "ask_program_details", Context(person="cristian-roman-palacios")) == Query(
        "describe", person="cristian-roman-palacios")
    assert read("what's that person's job", "out_of_scope", Context(person="marina-morgan")) == Query(
        "describe", person="marina-morgan")


def test_more_ways_of_asking(read):
    assert read("which pathway fits someone doing archives", "ask_program_details", Context(
        program="arizona-data-science", last_attribute="pathways")) == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="pathways")
    assert read("This is from LJ, yes?", "out_of_scope") == Special("article")
    assert read("oh ok so what's the 24 then", "out_of_scope") == Special("landscape")
    assert read("which schools does the article cover", "ask_program_details") == Query("count", attribute="provider")
    assert read("the UA data science cert started back in 2019 didn't it", "ask_program_details").attribute == "started"
    assert read("hows enrollment going", "ask_program_details", Context(program="arizona-data-science")).attribute == "growth"
    assert read("is it only for library people", "ask_program_details", Context(program="arizona-nlp")).attribute == "audience"
    assert read("I just want a rare books credential as cheaply as possible - which one?", "find_certificate").operation == "rank"


def test_counts_years_and_differences_over_what_was_just_listed(read):
    assert read("how many of them are from rare book schools", "ask_program_details") == Query(
        "count", programs=("rbs-certificate", "calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"))
    three = Context(program="sjsu-digital-assets", listed=("sjsu-digital-assets", "arizona-nlp", "calrbs-critical-librarianship"))
    assert read("which of the three started in 2021", "ask_program_details", three) == Query(
        "lookup", programs=("arizona-nlp",), attribute="started")
    assert read("which of the three started in 2019", "ask_program_details", three) == Query(
        "lookup", programs=three.listed, attribute="started")  # none then: when each started, as far as known
    assert read("which one started in 2021", "ask_program_details", Context(
        listed=("rbs-certificate", "arizona-data-science"), last_attribute="funding")) == Query(
        "lookup", programs=("arizona-data-science",), attribute="started")
    calrbs_and_rbs = Context(listed=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship", "rbs-certificate"),
                             last_attribute="compare")
    assert read("and the per course diff", "ask_cost", calrbs_and_rbs) == Query(
        "compare", programs=("calrbs-rare-books-manuscripts", "rbs-certificate"))
    assert read("is UA's natural language processing cert new? when did it launch", "find_certificate") == Query(
        "lookup", programs=("arizona-nlp",), attribute="started")
    assert read("which certificates cover data science", "find_certificate").operation == "find"


def test_learners_found_by_what_the_question_says_of_them(read):
    pair = Context(listed=("arizona-data-science", "arizona-nlp"), last_attribute="compare")
    assert read("which of those has a student quoted in the article", "ask_program_details", pair) == Query(
        "describe", person="kendra-lyons")
    assert read("after how many years in the job", "ask_program_details", Context(
        person="marina-morgan", program="sjsu-post-masters", listed=("sjsu-post-masters",))) == Query(
        "describe", person="marina-morgan")
    assert read("what did the student in the article study before she started?", "ask_prerequisites", Context(
        program="arizona-data-science", last_attribute="prerequisites")).person == "kendra-lyons"


def test_who_a_certificate_expects(read):
    assert read("which one expects you to already be working in the field", "ask_program_details", Context(
        listed=("arizona-data-science", "sjsu-post-masters"), last_attribute="cost")) == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="audience")
    assert read("and the post masters, do i need experience first", "ask_prerequisites", Context(
        program="sjsu-digital-assets", last_attribute="eligibility")) == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="audience")
    assert read("do i need coding experience for the nlp cert", "ask_prerequisites").attribute == "prerequisites"


def test_every_certificate_narrowed_by_what_is_asked_of_it(read):
    dam = Query("lookup", programs=("sjsu-digital-assets",), attribute="eligibility")
    assert read("certs open to non-matriculated students?", "ask_program_details") == dam
    assert read("show me only the ones a non-matriculated student can sign up for", "find_certificate") == dam
    assert read("which can i take without being enrolled at the school", "ask_program_details") == dam
    five = ("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship", "rbs-certificate")
    assert read("show me only the ones that require five courses", "find_certificate") == Query(
        "lookup", programs=five, attribute="structure")
    assert read("certs that need 5 courses", "find_certificate").programs == five
    assert read("what did the arizona student say", "ask_program_details").person == "kendra-lyons"


ARIZONA = ("arizona-archival-studies", "arizona-legal-information", "arizona-medical-information", "arizona-data-science",
           "arizona-nlp")
NOT_ARIZONA = ("sjsu-post-masters", "sjsu-digital-assets", "calrbs-rare-books-manuscripts", "calrbs-critical-librarianship",
               "rbs-certificate")
RARE_BOOKS = ("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship", "rbs-certificate")


def test_a_school_left_out(read):
    assert read("what are all the certs that are not at arizona", "find_certificate") == Query("describe", programs=NOT_ARIZONA)
    assert read("what do the ones outside arizona cost", "ask_cost") == Query("lookup", programs=NOT_ARIZONA, attribute="cost")
    assert read("drop the ones in california", "find_certificate", Context(listed=RARE_BOOKS)) == Query(
        "describe", programs=("rbs-certificate",))
    assert read("ok forget sjsu. tell me about rbs", "ask_program_details", Context(program="sjsu-post-masters")) == Query(
        "describe", programs=("rbs-certificate",))
    assert read("anything under 6.5k that isnt in virginia", "find_certificate") == Query(
        "filter", programs=ARIZONA + NOT_ARIZONA[:4], attribute="cost", bound="under", amount=6500)
    # Only a school is left out, never a subject: "outside of libraries" leaves nothing out.
    assert read("anything outside of libraries for data?", "find_certificate") == Query("find", topics=("data-science",))


def test_a_list_narrowed_to_a_school(read):
    listed = Context(listed=("arizona-archival-studies", "sjsu-post-masters", "sjsu-digital-assets"))
    assert read("just the ones at arizona", "find_certificate", listed) == Query("describe", programs=("arizona-archival-studies",))
    assert read("only the sjsu ones", "find_certificate", listed) == Query(
        "describe", programs=("sjsu-post-masters", "sjsu-digital-assets"))


def test_started_before_or_after_a_year(read):
    recent = Query("lookup", programs=("arizona-data-science", "arizona-nlp"), attribute="started")
    assert read("which programs began after 2020", "find_certificate") == recent
    assert read("which of those started after 2020", "find_certificate", Context(listed=ARIZONA)) == recent
    # None dated before: when each started, as far as the article says.
    assert len(read("and which ones started before 2020?", "find_certificate").programs) == 10


def test_names_asked_for_after_a_count(read):
    calrbs = ("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship")
    assert read("names?", "nlu_fallback", Context(listed=calrbs)) == Query("describe", programs=calrbs)
    assert read("name em", "nlu_fallback", Context(program="sjsu-post-masters", last_attribute="pathways")) == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="pathways")
    assert read("names?", "nlu_fallback") is None


def test_tasks_and_trips_are_not_ours(read):
    for text in ("can you help me with my MLIS admission essay", "can you book me a hotel in LA for the course",
                 "how much is a hotel in Charlottesville for a week"):
        assert read(text, "ask_cost", Context(program="rbs-certificate")) == Special("out_of_scope"), text
    assert read("does the scholarship cover the hotel", "ask_funding", Context(program="rbs-certificate")) == Query(
        "lookup", programs=("rbs-certificate",), attribute="funding")


def test_an_aside_in_brackets_does_not_make_a_group(read):
    assert read("I'm on a really tight budget (I work at two branches). How much does the University of Arizona data "
                "science certificate cost?", "ask_cost") == Query("lookup", programs=("arizona-data-science",), attribute="cost")


def test_the_certificates_the_article_names(read):
    for text in ("what certificates does the article talk about", "ok then which certificates are in the article?"):
        assert read(text, "find_certificate") == Query("find"), text


def test_whether_certificates_are_worth_it_asked_plainly(read):
    for text in ("so bottom line, worth it or not?",
                 "is a post-MLIS certificate worth the money, or is it just a line on the resume?"):
        assert read(text, "ask_cost") == Special("worth_it"), text


def test_the_last_question_asked_of_another_school(read):
    after_funding = Context(last_attribute="funding", listed=RARE_BOOKS)
    assert read("does that apply to arizona too", "ask_funding", after_funding) == Query(
        "lookup", programs=ARIZONA, attribute="funding")


def test_the_middle_one_of_three(read):
    three = Context(listed=("sjsu-post-masters", "calrbs-rare-books-manuscripts", "rbs-certificate"))
    assert read("the middle one, how long is each course", "ask_program_details", three) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts",), attribute="length")


def test_a_place_in_a_ranking(read):
    rbs_cost = Query("lookup", programs=("rbs-certificate",), attribute="cost")
    assert read("and the second cheapest?", "ask_cost") == rbs_cost
    assert read("ok and the next cheapest after the calrbs ones?", "ask_cost", Context(
        listed=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"))) == rbs_cost
    assert read("which school has the cheapest certificate", "find_certificate") == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"), attribute="provider",
        also=("cost",))


def test_one_certificate_of_a_school_said_in_the_singular_asks_which(read):
    assert read("tell me about the arizona certificate", "ask_program_details") == Clarification(
        None, candidates=ARIZONA, provider="arizona")
    assert read("tell me about the Arizona certificates", "ask_program_details").operation == "describe"
    assert read("tell me about arizona", "ask_program_details").operation == "describe"


def test_which_of_a_list_someone_in_the_article_completed(read):
    three = Context(program="calrbs-rare-books-manuscripts",
                    listed=("sjsu-post-masters", "calrbs-rare-books-manuscripts", "rbs-certificate"))
    assert read("which of the three did someone in the article actually complete", "ask_program_details", three) == Query(
        "describe", person="marina-morgan")


def test_certificates_of_a_kind(read):
    assert read("graduate certificates?", "find_certificate") == Query("describe", programs=ARIZONA)
    assert read("how many graduate certificates then", "ask_landscape") == Query("count", programs=ARIZONA)
    assert read("and which are called professional certificates", "find_certificate", Context(listed=RARE_BOOKS)) == Query(
        "describe", programs=("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"))


def test_certificates_by_their_number_of_courses(read):
    five = Query("lookup", programs=RARE_BOOKS, attribute="structure")
    assert read("certificates with fewer than 6 courses?", "find_certificate") == five
    assert read("which need five courses or more", "find_certificate") == five


def test_any_of_these_asks_of_every_certificate(read):
    assert read("hi! are any of these open to people who aren't enrolled students at the school?", "ask_program_details") == \
        Query("lookup", programs=("sjsu-digital-assets",), attribute="eligibility")


def test_adding_up_one_certificate_at_each_school(read):
    assert read("total for doing one calrbs cert + the rbs one", "ask_cost") == Query(
        "total", programs=("calrbs-rare-books-manuscripts", "rbs-certificate"))
    calrbs = ("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship")
    assert read("cost of both", "ask_cost", Context(listed=calrbs)) == Query("total", programs=calrbs)


def test_a_school_set_against_the_certificate_just_discussed(read):
    after_rbs = Context(program="rbs-certificate", last_attribute="cost", discussed=("rbs-certificate",))
    assert read("calrbs vs that price wise", "compare_programs", after_rbs) == Query("compare", programs=RARE_BOOKS)
    assert read("how much would i save going with calrbs", "ask_cost", after_rbs).operation == "compare"


def test_a_surname_that_is_a_common_word(read):
    assert read("what does main think", "nlu_fallback") == Query("describe", person="linda-main", attribute="quotes")
    assert read("what's the main point of the article", "ask_program_details") == Special("article")
    assert read("the main reason i ask is cost", "ask_cost").__class__ is Clarification


def test_a_school_or_topic_asked_to_be_at_another_school(read):
    assert read("is NLP offered at SJSU?", "ask_program_details") == Query(
        "lookup", programs=("arizona-nlp",), attribute="provider")
    assert read("is RBS at UCLA too?", "ask_program_details", Context(provider="calrbs")) == Query(
        "lookup", programs=("rbs-certificate",), attribute="provider")
    # "The rare book school in LA" is still CalRBS: a full name before "in" or "at" is the owner's.
    assert read("the rare book school in LA, how much", "ask_cost").programs == (
        "calrbs-rare-books-manuscripts", "calrbs-critical-librarianship")


def test_a_stage_described_picks_from_the_list_or_from_all(read):
    dam = Query("lookup", programs=("sjsu-digital-assets",), attribute="eligibility")
    sjsu = Context(listed=("sjsu-post-masters", "sjsu-digital-assets"), last_attribute="compare")
    assert read("which is better for someone just out of library school", "compare_programs", sjsu) == dam
    assert read("what would suit someone fresh out of school then", "ask_program_details", Context(
        program="sjsu-post-masters", last_attribute="audience")) == dam


def test_the_field_again_after_its_figures(read):
    assert read("does the article list them all?", "ask_landscape") == Special("landscape")
    assert read("so how many aren't", "ask_landscape") == Special("landscape")


def test_follow_ups_that_keep_the_last_question(read):
    rbs_cost = Context(program="rbs-certificate", last_attribute="cost")
    assert read("is that for every course there", "ask_program_details", rbs_cost).attribute == "cost"
    rbs_funding = Context(program="rbs-certificate", last_attribute="funding")
    assert read("ok so what do they actually cover", "ask_program_details", rbs_funding).attribute == "funding"
    assert read("who offers them", "ask_program_details", rbs_funding).attribute == "funding"


def test_in_general_is_the_general_answer(read):
    assert read("so what does the article say about online programs at all", "ask_program_details", Context(
        program="sjsu-digital-assets", last_attribute="delivery")) == Special("general", attribute="delivery")


def test_which_is_cheaper_of_the_two_just_discussed(read):
    assert read("which is cheaper", "ask_cost", Context(program="arizona-data-science",
                                                        discussed=("arizona-data-science", "arizona-nlp"))) == Query(
        "rank", programs=("arizona-data-science", "arizona-nlp"), attribute="cost", order="min")


def test_the_upside_and_learning_or_credentials_are_whether_it_is_worth_it(read):
    assert read("what's the upside according to the people who did them", "ask_worth_it") == Special("worth_it")
    assert read("so are they more about learning or credentials?", "ask_worth_it", Context(
        listed=("arizona-data-science", "arizona-nlp"))) == Special("worth_it")


def test_list_them_after_pathways_lists_the_pathways(read):
    assert read("list them", "ask_program_details", Context(
        program="sjsu-post-masters", listed=("sjsu-post-masters", "sjsu-digital-assets"), last_attribute="pathways")) == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="pathways")


def test_who_from_a_school_the_article_quotes(read):
    assert read("who from sjsu does the article quote", "ask_program_details") == Query("describe", person="linda-main")
    assert read("who at arizona gets quoted", "ask_program_details") == Query("describe", person="cristian-roman-palacios")


def test_which_school_has_the_most_certificates(read):
    assert read("which school in the article has the most certificates?", "find_certificate") == Query("count")
    assert read("and the most?", "ask_cost", Context(last_attribute="cost", listed=("rbs-certificate",))).operation == "rank"


def test_what_the_people_who_took_them_say(read):
    assert read("what do the people who took them say", "ask_worth_it") == Special("people", attribute="learners")
    assert read("what did the people who actually did one say about it", "ask_program_details") == Special(
        "people", attribute="learners")


def test_every_price_the_article_gives_however_asked(read):
    listed = Context(listed=("arizona-archival-studies", "sjsu-post-masters", "rbs-certificate", "calrbs-rare-books-manuscripts"))
    assert read("which of them have a known price", "ask_cost", listed) == Query(
        "rank", programs=listed.listed, attribute="cost", order="min", full=True)
    assert read("which ones list tuition", "ask_cost") == Query("rank", attribute="cost", order="min", full=True)
    assert read("how many certs have a price given at all", "ask_cost") == Query("count", programs=RARE_BOOKS)


def test_every_certificate_of_the_schools_named(read):
    assert read("which are from rare book schools", "find_certificate") == Query(
        "describe", programs=("rbs-certificate", "calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"))
    assert read("list the sjsu and calrbs ones", "find_certificate") == Query(
        "describe", programs=("sjsu-post-masters", "sjsu-digital-assets", "calrbs-rare-books-manuscripts",
                              "calrbs-critical-librarianship"))
    assert read("compare rbs and calrbs", "compare_programs").operation == "compare"


def test_schools_beyond_those_named_are_the_field(read):
    assert read("besides arizona sjsu ucla and uva, who else offers post-master's certs?", "ask_landscape") == Special("landscape")
    assert read("Does the article list every post-MLIS certificate program?", "ask_landscape") == Special("landscape")


def test_the_people_quoted_counted_named_and_narrowed(read):
    assert read("how many ppl does the article quote", "ask_program_details") == Special("people")
    after = Context(last_attribute="quotes")
    assert read("who are they", "nlu_fallback", after) == Special("people")
    assert read("which of them are students", "ask_program_details", after) == Special("people", attribute="learners")
    assert read("who are they", "nlu_fallback") is None  # nothing before it: no people to name


def test_how_many_does_it_say_exist_is_the_field_not_the_people(read):
    assert read("how many does it say exist", "ask_program_details") == Special("landscape")


def test_the_rest_arent_and_where_to_find_which_ones_are_the_field(read):
    assert read("so the rest arent?", "nlu_fallback") == Special("landscape")
    assert read("how do i find which ones", "ask_landscape", Context(last_attribute="delivery")) == Special("landscape")
    assert read("does the article say which ones", "nlu_fallback") == Special("landscape")
    assert read("where could i look for other options", "nlu_fallback",
                Context(program="rbs-certificate", last_attribute="cost")) == Special("landscape")


def test_a_bare_subject_answers_the_last_question_for_its_certificate(read):
    arizona = Context(provider="arizona", last_attribute="started", listed=(
        "arizona-archival-studies", "arizona-legal-information", "arizona-medical-information", "arizona-data-science", "arizona-nlp"))
    assert read("nlp", "ask_program_details", arizona) == Query("lookup", programs=("arizona-nlp",), attribute="started")
    assert read("data science?", "find_certificate") == Query("find", topics=("data-science",))  # nothing asked before


def test_the_certificates_of_a_year_are_those_started_then(read):
    assert read("are the 2021 ones growing", "ask_program_details", Context(program="arizona-archival-studies")) == Query(
        "lookup", programs=("arizona-data-science", "arizona-nlp"), attribute="growth")


def test_a_shortened_subject_name_is_its_certificate_not_a_broader_one(read):
    assert read("tell me abt the crit librarianship cert", "ask_program_details") == Query(
        "describe", programs=("calrbs-critical-librarianship",))
    assert read("which dept", "ask_program_details", Context(program="calrbs-rare-books-manuscripts")).attribute == "provider"
    assert read("does the department help at all", "ask_funding", Context(program="arizona-nlp")).attribute == "funding"
    assert read("calrbs cert total?", "ask_program_details").attribute == "cost"


def test_a_subject_asked_of_a_school_that_lacks_it_is_a_search_there(read):
    assert read("how much is the ucla data science certificate", "ask_cost") == Query(
        "find", topics=("data-science",), provider="calrbs")
    assert read("whats the price of arizona's digital assets management cert", "ask_cost") == Query(
        "find", topics=("digital-assets",), provider="arizona")
    assert read("do i need a programming background for the rare book school cert", "ask_prerequisites") == Query(
        "lookup", programs=("rbs-certificate",), attribute="prerequisites")


def test_a_subjects_certificates_outside_a_school(read):
    assert read("data science certs that aren't in arizona?", "compare_programs") == Query(
        "describe", programs=("sjsu-post-masters",))


def test_the_learner_of_a_certificate_described(read):
    assert read("the woman who did the data science cert, whats her name", "ask_program_details") == Query(
        "describe", person="kendra-lyons")


def test_a_schools_abbreviation_made_possessive_without_an_apostrophe(read):
    listed = Context(listed=("calrbs-rare-books-manuscripts", "rbs-certificate"))
    assert read("ok what are sjsus 2 then", "ask_program_details", listed).programs == ("sjsu-post-masters", "sjsu-digital-assets")


def test_plain_questions_a_newcomer_asks_first(read):
    assert read("How much does the SJSU Post-Master's Certificate cost? I saw somewhere it's around 5k", "ask_cost") == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="cost")
    assert read("which certificate has a non-matriculated option", "find_certificate") == Query(
        "lookup", programs=("sjsu-digital-assets",), attribute="eligibility")
    assert read("tell me abt the critical librarianship thing", "ask_program_details") == Query(
        "describe", programs=("calrbs-critical-librarianship",))
    assert isinstance(read("who can take the sjsu certificate?", "ask_program_details"), Clarification)
    assert read("is the list of programs in this article complete?", "find_certificate") == Special("landscape")
    assert read("how do I find the others", "out_of_scope") == Special("landscape")
    assert read("list every certificate with its price", "ask_cost") == Query("rank", attribute="cost", order="min", full=True)
    assert read("and what about the rare book school in virginia, per course?", "switch_program", Context(
        program="calrbs-rare-books-manuscripts", last_attribute="funding")).attribute == "cost"


def test_would_i_struggle_with_a_certificate_named_asks_what_to_learn_first(read):
    assert read("I'm a medical librarian with a humanities BA. would I struggle with the NLP certificate?",
                "ask_prerequisites") == Query("lookup", programs=("arizona-nlp",), attribute="prerequisites")


def test_the_post_masters_is_the_one_certificate_of_that_kind(read):
    assert read("and who takes the post-master's mostly", "ask_program_details") == Query(
        "lookup", programs=("sjsu-post-masters",), attribute="audience")
    assert read("how many schools offer post-master's certificates", "ask_landscape") != Query(
        "lookup", programs=("sjsu-post-masters",), attribute="provider")


def test_follow_ups_over_the_last_list(read):
    two = Context(listed=("calrbs-rare-books-manuscripts", "rbs-certificate"), program="rbs-certificate", last_attribute="cost")
    assert read("and the other?", "switch_program", two) == Query(
        "lookup", programs=("calrbs-rare-books-manuscripts",), attribute="cost")
    arizona = Context(provider="arizona", last_attribute="started", listed=(
        "arizona-archival-studies", "arizona-legal-information", "arizona-medical-information", "arizona-data-science", "arizona-nlp"))
    assert read("nlp", "find_certificate", arizona) == Query("lookup", programs=("arizona-nlp",), attribute="started")
    assert read("does it give a total count of programs", "ask_worth_it") == Special("landscape")


def test_who_runs_it_is_only_someone_tied_to_that_certificate(read):
    legal = Context(program="arizona-legal-information", provider="arizona", last_attribute="structure")
    assert read("who runs it", "ask_program_details", legal) == Query(
        "lookup", programs=("arizona-legal-information",), attribute="leadership")
    assert read("who runs it", "ask_program_details", Context(program="sjsu-post-masters")) == Query(
        "describe", person="linda-main")


def test_a_subject_another_school_named_has_alone_is_that_schools(read):
    assert read("compare the virginia rare book cert with the ucla activism one", "compare_programs") == Query(
        "compare", programs=("rbs-certificate", "calrbs-critical-librarianship"))
    assert read("compare the rare books certs at calrbs and rbs", "compare_programs") == Query(
        "compare", programs=("calrbs-rare-books-manuscripts", "rbs-certificate"))


def test_words_that_single_out_different_certificates_single_out_none(read):
    # "librarian" and "collections" point at different CalRBS certificates: both, whichever word is read first.
    query = read("hi, im a reference librarian who keeps getting pulled into our special collections. "
                 "how much is one calrbs course", "ask_cost")
    assert set(query.programs) == {"calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"}
