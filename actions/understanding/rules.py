"""The order in which the rules read a message, and ``apply_rules``, which applies them.

Reading rules (``reading``, here ``read``) refine what the message asks; answering rules return an answer when
they apply. The order is the rules' meaning: they overlap, and the first answer decides.
"""
from __future__ import annotations

from typing import Optional, Tuple

from actions.understanding import comparison_answers as comparison
from actions.understanding import count_answers as count
from actions.understanding import follow_up_answers as follow_up
from actions.understanding import people_answers as people
from actions.understanding import reading as read
from actions.understanding import special_answers as special
from actions.understanding import stage_answers as stage
from actions.understanding import subject_answers as subject
from actions.understanding.mentions import Mentions
from actions.understanding.reading import Reading, Rule
from actions.understanding.terms import Context, NothingAsked, Understanding
from knowledge import KnowledgeBase

RULES: Tuple[Rule, ...] = (
    # Not ours to answer.
    special.asks_for_a_task, special.another_kind_of_certificate,
    # What the message points back at, then what it asks, with the follow-ups answered on the way.
    read.not_the_one_it_is_likened_to, read.number_is_no_position, read.back_to_an_earlier_program,
    read.unrecognised_name_is_not_the_context, read.person_of_the_pronoun, read.schools_left_out,
    follow_up.why,
    read.article_as_where_to_look, read.attribute_asked,
    follow_up.what_they_show,
    read.what_named_certificates_show, read.days_of_instruction,
    follow_up.anything_else, follow_up.the_other_of_the_same_year,
    read.what_it_would_run, read.same_question_again,
    # Questions whose wording decides before any subject is read.
    stage.the_one_for_a_stage, comparison.all_but, comparison.only_the_ones_there, comparison.of_the_schools_named, comparison.in_a_place, subject.a_subject_the_school_lacks, subject.which_school_it_is_at, people.their_school,
    special.schools_other_than_named, special.why_bother, special.worth_it_plainly, special.the_article_lists_them, special.in_general, count.schools_listed, subject.what_certificates_there_are,
    special.nothing_of_ours, special.without_a_masters,
    # People, then counts, the field and the article.
    people.the_other_person, people.the_learner_so_far_along, people.the_learner_it_was_true_of, people.their_certificate_asked_again, people.tied_to_a_school, people.someone_in_the_article, people.who_is_described, people.who_runs_their_program, stage.certificates_for_my_stage, people.their_certificates_compared,
    people.person_named_or_described, people.who_said_it, people.person_in_context, people.the_one_with_a_learner_quoted,
    people.the_people_again, people.people_quoted,
    follow_up.does_it_have,
    count.courses_needed, count.how_many_of_its_courses, count.how_many_is_that, count.school_with_the_most,
    count.schools_covered, count.how_many_started_in, count.which_of_those_started_in, count.started_before_or_after, count.how_many_certificates,
    special.the_whole_field, special.the_article,
    # Schools, rankings, totals and prices.
    follow_up.same_school, special.funding_harder_than_a_degree, follow_up.others_at_the_school,
    follow_up.the_rest_of_the_school, follow_up.its_full_name,
    comparison.the_whole_order, comparison.every_price_given, comparison.adding_up, comparison.by_how_much, comparison.ranked,
    comparison.checking_a_price, comparison.within_a_price, comparison.how_much_more_than_named,
    follow_up.list_them, special.landscape_or_worth_it,
    # Who did what, and the last list narrowed.
    people.who_takes_it_that_way, people.who_found_it_hard, people.who_did_it, people.anyone_done_that,
    people.who_believes_it,
    comparison.which_ones_have, comparison.of_a_kind, comparison.with_so_many_courses, follow_up.one_there_too, follow_up.which_of_those, follow_up.it_after_a_comparison,
    follow_up.what_it_shows_employers, follow_up.similar_elsewhere, subject.a_schools_certificates_for_a_goal,
    # The subjects: the programs the question is about, and what is asked of them.
    follow_up.is_it_about, read.subjects_asked_about, read.bare_name_asks_the_last_question,
    follow_up.which_pathway, follow_up.position_out_of_range, count.courses_left,
    comparison.the_same_as_another, comparison.compared, count.subjects_counted,
    people.who_runs_it, special.never_given, special.coding_before_tech_certificates,
    subject.search_or_list, subject.about_the_subjects, subject.a_school_or_subject_alone, subject.nothing_named,
)


def apply_rules(text: str, intent: str, mentions: Mentions, context: Context, kb: KnowledgeBase,
                default_attribute: Optional[str]) -> Understanding:
    """The first answer of ``RULES``, applied in order; ``None`` when none answers or one finds nothing asked."""
    reading = Reading(text, intent, mentions, context, kb, default_attribute)
    for rule in RULES:
        outcome = rule(reading)
        if isinstance(outcome, Reading):
            reading = outcome
        elif outcome is not None:
            return None if isinstance(outcome, NothingAsked) else outcome
    return None
