"""Answers over several programs, people and the article: the real knowledge base through
``knowledge.query`` into the composers, and the same path for a program added in YAML only."""
from __future__ import annotations

from actions import query_answers
from knowledge import load_knowledge_base
from knowledge import query as kbq
from knowledge.retrieval import fact_index
from tests.support.invented_program import knowledge_dir_with_invented_program

CITATION = "the article"


def test_the_most_expensive_names_the_top_and_groups_the_unpriced_by_school(kb):
    text = query_answers.ranking_answer(kbq.rank(kb, "cost", "max"), CITATION).text
    assert text.startswith("Most expensive, by certificate tuition: Rare Book School Certificate of Completion")
    assert "$6,975 (5 × $1,395)" in text
    assert "the 5 University of Arizona certificates and the 2 San José State University certificates" in text
    assert "Natural Language Processing" not in text  # unpriced programs are not listed one by one
    assert "California Rare Book School" not in text  # the others ranked are counted, not named
    assert "for 2 other certificates" in text


def test_the_whole_order_is_given_when_asked_for(kb):
    text = query_answers.ranking_answer(kbq.rank(kb, "cost", "min"), CITATION, full=True).text
    assert "Ranked (lowest first):" in text
    assert text.index("Critical Librarianship") < text.index("Rare Book School Certificate of Completion")


def test_a_price_filter_names_what_fits_and_counts_the_rest(kb):
    text = query_answers.filter_answer(kbq.filter_by_cost(kb, "under", 6500), CITATION).text
    assert "Rare Books and Manuscripts" in text and "Critical Librarianship" in text
    assert "Rare Book School Certificate" not in text
    assert "Not within that: 1 other certificate the article prices." in text and "6,975" not in text


def test_a_goal_with_nothing_to_search_for_asks_for_a_subject(kb):
    answer = query_answers.topic_question_answer(kb.programs, {t.id: t.label for t in kb.topics})
    assert answer.text.startswith("Which subject or goal should I look for?")
    assert "legal information" in answer.text and "help me choose a certificate" in answer.text
    assert answer.buttons[-1].payload == "/start_guided_advice"


def test_the_shortest_certificate_ranks_only_what_the_article_gives_days_for(kb):
    ranking = kbq.rank(kb, "length", "min")
    assert [f.program.id for f, _ in ranking.ranked] == ["calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"]
    assert {v for _, v in ranking.ranked} == {25}


def test_nothing_under_five_thousand_but_a_single_course_fits(kb):
    text = query_answers.filter_answer(kbq.filter_by_cost(kb, "under", 5000), CITATION).text
    assert "None of the certificates the article prices has tuition of $5,000 or less" in text
    assert "$6,000" in text and "$6,975" in text
    assert "A single course fits (from $1,200 per course)" in text


def test_who_found_which_course_hardest(kb):
    text = query_answers.person_answer(kbq.person_facts(kb, "marina-morgan"), "hardest", kb.article, CITATION).text
    assert "JavaScript/jQuery" in text
    assert "Florida Southern College" in text


def test_the_author_is_named_with_her_role(kb):
    text = query_answers.article_answer(kb.article, CITATION).text
    assert "Jennifer A. Dixon" in text and "Fordham University School of Law" in text


def test_whether_sjsu_certificates_are_online_is_an_honest_unknown(kb):
    members = tuple(kb.facts_about(pid) for pid in ("sjsu-post-masters", "sjsu-digital-assets"))
    text = query_answers.lookup_answer(members, "delivery", kb.attribute_label("delivery"), CITATION, kb.landscape).text
    assert text.startswith("The article does not say, for the 2 San José State University certificates, whether it is online or in person")
    assert "24 of the 39" in text


def test_the_closest_facts_come_with_their_statement(kb):
    found = fact_index(kb).search("was javascript hard?")
    assert found and "JavaScript/jQuery" in found[0][0].text


def test_a_program_added_in_yaml_only_is_ranked_and_filtered(tmp_path):
    kb = load_knowledge_base(knowledge_dir_with_invented_program(tmp_path))
    ranking = kbq.rank(kb, "cost", "min")
    assert ranking.ranked[0][0].program.id == "npu-puppetry" and ranking.ranked[0][1] == 3600
    filtered = kbq.filter_by_cost(kb, "under", 5000)
    assert [f.program.id for f, _ in filtered.passing] == ["npu-puppetry"]


def test_which_courses_says_the_article_names_none_and_what_they_cover(kb):
    label = kb.attribute_label("courses")
    unknown = query_answers.lookup_answer([kb.facts_about("sjsu-digital-assets")], "courses", label, CITATION).text
    assert unknown.startswith("The article does not say, for the Digital Assets Management")
    covered = query_answers.lookup_answer([kb.facts_about("rbs-certificate")], "courses", label, CITATION).text
    assert "its courses cover" in covered and "the article names no list of courses" in covered


def test_a_school_the_article_does_not_name_is_said_so_with_where_to_look():
    from actions.query_answers import not_named_answer
    from knowledge import load_knowledge_base

    kb = load_knowledge_base()
    answer = not_named_answer("drexel", kb.providers, kb.landscape, kb.article.short_citation)
    assert answer.text.startswith("The article names no certificate at Drexel")
    assert "Rare Book School" in answer.text and "39" in answer.text
    assert answer.kind == "not_given"


def test_a_total_shows_each_part_and_the_sum_and_never_guesses_a_missing_price():
    from actions.query_answers import total_answer
    from knowledge import load_knowledge_base
    from knowledge.query import tuition_total

    kb = load_knowledge_base()
    text = total_answer(tuition_total(kb, ("calrbs-rare-books-manuscripts", "rbs-certificate"), 1), "src").text
    assert "1 × $1,200 = $1,200" in text and "1 × $1,395 = $1,395" in text and "Together: $2,595" in text
    both = total_answer(tuition_total(kb, ("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"), None), "src").text
    assert "Together: $12,000" in both
    unknown = total_answer(tuition_total(kb, ("arizona-nlp", "rbs-certificate"), 2), "src").text
    assert "Together" not in unknown and "can't give a total" in unknown


def test_a_yes_no_question_the_article_does_not_answer_says_so_then_gives_the_story(kb):
    answer = query_answers.person_answer(kbq.person_facts(kb, "marina-morgan"), "unsaid", kb.article, CITATION)
    assert answer.text.startswith("The article does not say. What it says of Marina:")
    assert "Find@Roux" in answer.text and answer.kind == "not_given"


def test_counting_every_certificate_counts_by_school_and_names_none(kb):
    text = query_answers.count_answer(kbq.count(kb, (), None), CITATION, of_all=len(kb.programs)).text
    assert "10 certificates at 4 schools: 5 at University of Arizona, 2 at San José State University" in text
    assert "Natural Language Processing" not in text and "39" in text


def test_the_credential_says_non_degree_where_the_article_does(kb):
    members = (kb.facts_about("arizona-archival-studies"),)
    text = query_answers.lookup_answer(members, "credential", "kind", CITATION, kb.landscape).text
    assert "a non-degree program" in text and "on their own or together with a graduate degree" in text
    text = query_answers.lookup_answer((kb.facts_about("rbs-certificate"),), "credential", "kind", CITATION, kb.landscape).text
    assert "non-degree" not in text


def test_subjects_without_course_detail_say_the_article_gives_none(kb):
    text = query_answers.lookup_answer((kb.facts_about("arizona-medical-information"),), "topics", "topics", CITATION).text
    assert "the article does not say what its courses cover" in text


def test_the_most_pathways_ranks_the_one_program_with_pathways(kb):
    text = query_answers.ranking_answer(kbq.rank(kb, "pathways", "max"), CITATION).text
    assert text.startswith("The article gives a number of pathways only for Post-Master's Certificate") and "4 pathways" in text
    assert "it does not say which has the most pathways" in text


def test_a_figure_only_some_programs_share_names_no_oldest(kb):
    answer = query_answers.ranking_answer(kbq.rank(kb, "started", "min"), CITATION)
    assert "only for Foundations of Data Science Graduate Certificate" in answer.text and "2021 each" in answer.text
    assert "it does not say which is oldest" in answer.text and answer.kind == "not_given"


def test_a_total_of_different_numbers_of_courses_at_each_school(kb):
    total = kbq.tuition_total(kb, ("rbs-certificate", "calrbs-rare-books-manuscripts"), None, (3, 2))
    text = query_answers.total_answer(total, CITATION).text
    assert "3 × $1,395 = $4,185" in text and "2 × $1,200 = $2,400" in text and "Together: $6,585" in text


def test_a_filter_on_tuition_per_course(kb):
    text = query_answers.filter_answer(kbq.filter_by_cost(kb, "under", 1300, per_course=True), CITATION).text
    assert text.startswith("Certificates with tuition per course of $1,300 or less")
    assert "$1,200 per course" in text and "Not within that: 1 other certificate the article prices." in text and "1,395" not in text


def test_pathways_say_what_the_one_the_article_describes_teaches(kb):
    text = query_answers.attribute_phrase(kb.facts_about("sjsu-post-masters"), "pathways")
    assert text.startswith("4 pathways: Data Science,")
    assert "Web Programming and Information Architecture teaches practical skills" in text
    assert "user experience and user interface design" in text


def test_what_the_article_never_gives_of_a_course_is_said_to_be_unknown(kb):
    label = kb.attribute_label("course_details")
    text = query_answers.lookup_answer([kb.facts_about("rbs-certificate")], "course_details", label, CITATION).text
    assert text.startswith("The article does not say, for the Rare Book School Certificate of Completion")
    assert "class sizes, grading or credit" in text


def test_a_credential_says_what_it_documents_where_the_article_says(kb):
    label = kb.attribute_label("credential")
    text = query_answers.lookup_answer([kb.facts_about("rbs-certificate")], "credential", label, CITATION).text
    assert "certificate of completion" in text and "documents participants' time commitment and intensive training" in text


def test_a_price_range_names_what_falls_inside_it(kb):
    text = query_answers.filter_answer(kbq.filter_by_cost(kb, "between", 6500, upper=7000), CITATION).text
    assert "between $6,500 and $7,000" in text and "$6,975" in text
    assert "Critical Librarianship" not in text and "Rare Books and Manuscripts" not in text
    assert "2 other certificates" in text


def test_a_learners_background_the_article_does_not_give_is_said_so(kb):
    """ "Did she have a tech background before?": Marina Morgan's career is given, her coding before it is not."""
    marina = query_answers.person_answer(kbq.person_facts(kb, "marina-morgan"), "prerequisites", kb.article, CITATION).text
    assert "does not say what technical background Marina had" in marina
    kendra = query_answers.person_answer(kbq.person_facts(kb, "kendra-lyons"), "prerequisites", kb.article, CITATION).text
    assert "does not say" not in kendra and "no coding experience" in kendra


def test_two_prices_asked_together_come_with_their_difference(kb):
    members = tuple(kb.facts_about(pid) for pid in ("rbs-certificate", "calrbs-critical-librarianship"))
    text = query_answers.lookup_answer(members, "cost", kb.attribute_label("cost"), CITATION).text
    assert "Difference: the Rare Book School Certificate of Completion costs $975 more in tuition ($195 more per course)." in text
    same_school = tuple(kb.facts_about(pid) for pid in ("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"))
    assert "Difference" not in query_answers.lookup_answer(same_school, "cost", kb.attribute_label("cost"), CITATION).text


def test_courses_already_taken_leave_the_rest_to_go(kb):
    members = tuple(kb.facts_about(pid) for pid in ("calrbs-rare-books-manuscripts", "calrbs-critical-librarianship"))
    text = query_answers.lookup_answer(members, "structure", kb.attribute_label("structure"), CITATION, done=2).text
    assert "With 2 done, 3 more to go." in text
    unknown = (kb.facts_about("sjsu-post-masters"),)
    assert "more to go" not in query_answers.lookup_answer(unknown, "structure", kb.attribute_label("structure"), CITATION, done=2).text

