"""How people word what they ask, as regular expressions over the message text.

Understanding (``actions/understanding/``) reads the knowledge-base entities first; these patterns
cover what entities cannot: pronouns and references back ("it", "the other one", "of those"),
the shape of a question ("who took ...", "by how much", "how many is that"), and requests that are
not about certificates at all ("write my cover letter"). They are kept here, apart from the rules
that use them, so that the rules read as rules.
"""
from __future__ import annotations

import re

GROUP_WORDS = re.compile(r"\b(both|two|all|each|every|certificates|certs|programs|programmes|ones|courses at|options|them|those|these|they)\b", re.I)
# "the post-master's one they have": "they" is the school that offers it, not several certificates.
THEY_OFFER = re.compile(r"\b(they|them) (have|offer|run|give|got|'ve got|do)\b|\bof theirs\b", re.I)
PLURAL_REFERENCE = re.compile(r"\b(both|them|those|these|they|each|either|each of (them|those)|all of (them|those))\b", re.I)
# "Tell me about the arizona certificate": one certificate of a school, said in the singular.
ONE_OF_A_SCHOOL = re.compile(r"\b(the|that|this|their|its)\s+([\w'&.-]+\s+){0,3}(certificate|cert|program|programme|credential)\b(?!s)", re.I)
SEVERAL_WORDS = re.compile(r"\b(certificates|certs|programs|programmes|credentials|ones|all|both|options|each|every)\b", re.I)
# "Are any of these open to non-students?" (with no list shown, "these" are the certificates).
ANY_OF_THEM = re.compile(r"\b(are|is) (there )?any (of )?(these|those|them|the (certificates|certs|programs))\b", re.I)
# "Which are called professional certificates?", "graduate certificates?": certificates of a kind, asked for.
KINDS_ASKED = re.compile(r"\b(graduate|professional|completion) (certificates|certs)\b|\bcertificates of completion\b|"
                         r"\b(which|what|how many|any|list)\b.{0,30}\b(called|is an?|are)\b.{0,10}\b(graduate|professional|"
                         r"certificates? of completion)\b", re.I)
# "Fewer than 6 courses", "five courses or more", "at least 5 classes".
COURSES_BOUND = re.compile(r"(?P<before>\b(fewer|less|more|under|over|at most|at least)( than)?)\s+(?P<number>\d{1,2}|two|three|four|five|six|ten)"
                           r"\s+(courses|classes)\b|\b(?P<number2>\d{1,2}|two|three|four|five|six|ten)\s+(courses|classes)\s+"
                           r"(?P<after2>or (fewer|less|more))\b", re.I)
# "Does the article list them all?" just after the field's figures, "does the article list every post-MLIS certificate
# program?": it does not; where to look.
ARTICLE_LISTS_THEM = re.compile(r"\b(does|did|do) (the article|it|the author|she|the piece) (list|name|give|include|mention|say which|tell "
                                r"(me|us) which|cover)\b.{0,12}\b(them|all|which|those|the rest|the others|these|every|each)\b|"
                                # "is the list of programs in this article complete?"
                                r"\b(list|selection|set|number) of (programs|certificates|certs|schools)\b.{0,25}\b(complete|exhaustive|comprehensive|"
                                r"full|everything|all of them|every one)\b|\b(is|are) (this|that|the article|it|these|those) (complete|exhaustive|"
                                r"comprehensive|all of them|all there is|everything)\b|"
                                r"\b(total|overall|full) (count|number|tally) of (programs|certificates|certs|schools)\b", re.I)
# "So how many aren't?" just after how many are fully online: the rest of the field.
HOW_MANY_ARE_NOT = re.compile(r"\bhow many (of them |of those )?(aren'?t|are not|arent|don'?t|do not|dont|are n't)\b", re.I)
# "Is that for every course there?" just after a price: whether the price holds for each course.
EVERY_COURSE = re.compile(r"\b(for |is that |the same for )?(every|each|all( the| of the)?) (course|class|courses|classes)( there| they offer)?\b", re.I)
# "What do they actually cover?", "who offers them?" just after scholarships: the funding again ("what does it
# cover?" is the certificate's subjects).
OF_THE_FUNDING = re.compile(r"\bwhat (do|will|would) (they|those|these|the scholarships) (actually |really )?cover\b|"
                            r"\bwho (gives|hands out|awards|offers|provides|funds|pays for) (them|those|these|it|that|the scholarships?)\b", re.I)
# "What does the article say about online programs at all?": the field in general, not the certificate in context.
IN_GENERAL = re.compile(r"\b(in general|generally|at all|across the board|across the field)\b", re.I)
# "Names?", "name em", "what are they called?": the names of what the last answer counted.
NAME_THEM = re.compile(r"^\W*(and |ok |so )?(their |the )?names\W*(pls|please)?\W*$|\bname (them|em|'em|those|these|the \w+s)\b"
                       r"|\bwhat are (their|the) names\b|\bwhat are (they|those|these) called\b|\bwhich ones are they\b"
                       r"|^\W*(and |ok |so )?(what|which|who) (are|r|were) (they|those|these|them|em)( then| exactly)?\W*$", re.I)
# "How long is each course?", "are they in person?": words that point at a certificate's courses or school,
# not at several certificates, once one certificate is being talked about.
EACH_OF_ITS_COURSES = re.compile(r"\beach (course|class|session|module|day|week|workshop)s?\b", re.I)
BARE_THEY = re.compile(r"\bthey\b(?! (both|all)\b)", re.I)
COMPARATIVE = re.compile(r"\b(cheaper|pricier|costlier|longer|shorter|quicker|faster|newer|older|fewer|better (deal|value|buy)|"
                         r"(more|less) (expensive|costly|affordable|courses|time)|(costs?|charges?) (more|less)|(more|less) (per|a) (class|course))\b",
                         re.I)
SEARCH = re.compile(r"\b(which|what|any|are there)\b.*\b(certificates|certs|programs|programmes|options)\b|"
                    r"^\W*(certificates|certs|programs|programmes|options) (that|which|for|about|on|covering|in)\b", re.I)
OTHER = re.compile(r"\b(the|the school's|their|its|his|her) other ([\w'-]+ ){0,2}(one|certificate|program|cert)\b|"
                   r"\bthe one (you|we|i) (didn'?t|did not|haven'?t|have not|never) (pick|choose|chose|mention|cover|talk about)|"
                   r"\bthe other\W*$", re.I)  # "and the other?"
WHO_DID = re.compile(r"\b(who|who's|whos|which person|anyone|anybody|somebody|someone|people)\b.*\b(said|says|say|thinks?|"
                      r"believes?|found|built|made|took|takes|taking|take|completed|completes|finished|did|do|does|doing|"
                      r"done|went|go|called|uses|use|used|using|"
                      r"mentioned|described|picked|chose|runs|run|directs|coordinates|leads|manages|in charge|"
                      r"talks?|talked|talking|speaks?|spoke|quoted|interviewed|comments?|commented)\b|"
                      r"\b(anyone|anybody|somebody|someone)\b.*\b(finish|complete|earn|earned)\b", re.I)
# "Which people does the article quote?", "who is in the article?": everyone it names.
WHICH_PEOPLE = re.compile(r"\b(which|what|who are the|list the|name the) (people|ppl|persons|folks|librarians|experts|names)\b|"
                           r"\bhow many (people|ppl|persons|folks|librarians|experts)\b(?! (are|have|take|took|enrol|enroll|apply|applied|finish|complete|get|do|did)\b)|\bthe (two )?(learners|students|graduates) in the article\b|"
                           r"\bwho( all| else)? (is|are|gets?|got|was|were) (quoted|interviewed|mentioned|featured|named|in the article)\b|"
                           r"\bwho (does|did) (the|this) article (quote|interview|mention|talk to|feature|name)\b", re.I)
# "Write my cover letter": a piece of writing of the user's own, whatever it is about.
# Things other than certificates that people ask us to find: "a good python tutorial", "a book on printing".
OTHER_THING = re.compile(r"\b(recommend|suggest|find me|know)\b.{0,20}\b(a|an|any|some)\b.{0,25}\b(tutorials?|books?|novels?|textbooks?|"
                          r"websites?|apps?|software|videos?|podcasts?|youtube channels?)\b(?! school)|"
                          r"\b(a|an|any|some) (good|great|decent|free|nice|cheap) ([\w-]+ ){0,2}(tutorials?|books?|novels?|textbooks?|"
                          r"websites?|apps?|software|videos?|podcasts?)\b(?! school)|"
                          r"\b(best|good|which|what) ([\w-]+ ){0,2}(ides?|text editors?|code editors?|laptops?|ils|"
                          r"integrated library systems?|operating systems?|browsers?)\b(?! school)", re.I)
TRAVEL_BOOKING = re.compile(r"\b(cheap|cheapest|book|booking|find|good)\b.{0,25}\b(flights?|hotels?|airfare|plane tickets?|"
                             r"accommodation|apartments?|car rental|airbnb)\b", re.I)
# "How much is a hotel in Charlottesville for a week?": the price of a trip, not of a certificate.
TRAVEL_PRICE = re.compile(r"\b(how much|what)\b.{0,12}\b(is|are|does|do|would|will|cost)\b.{0,12}\b(a |the )?(hotels?|flights?|airfare|"
                          r"plane tickets?|airbnb|rent|parking|gas|dorms?|lodging|accommodation)\b", re.I)
FAVOUR = re.compile(r"\b(lend|loan) me\b|\bsend me (the |some )?money\b|"
                    r"\b(can|could|would|will) (you|u) (please )?(book|reserve) (me|us)\b|\bplease (book|reserve) (me|us)\b|"
                    r"(\b(can|could|would|will) (you|u) (please )?help (me )?|\bhelp me )(with|on|write|draft|polish) (my |a |an |the )?"
                    r"([\w-]+ ){0,3}(essays?|cover letters?|resumes?|cvs?|"
                    r"personal statements?|statements? of purpose)\b", re.I)
WRITING_TASK = re.compile(r"\b(write|draft|compose|proofread|polish|rewrite|edit|debug|fix|convert|crosswalk|catalog|catalogue)\b(\s+[\w'-]+){0,4}?\s+"
                           r"(cover letters?|letters?|essays?|memos?|resumes?|r\u00e9sum\u00e9s?|cvs?|statements?|e-?mails?|records?|"
                           r"bios?|speech|proposals?|thesis|papers?|posts?|messages?|applications?|scripts?|code|functions?|"
                           r"queries|query|macros?|regex(es)?)\b", re.I)
PERSON_PRONOUN = re.compile(r"\b(she|he|her|him|his|hers|(that|this) (person|woman|lady|guy|man|learner|student|librarian)('?s)?)\b", re.I)
# Words that point back at what the conversation was just about.
REFERS_BACK = re.compile(r"\b(it|its|it's|they|them|those|these|there|ones|(that|this|the) (one|route|path|option|certificate|"
                          r"program|course|school)s?)\b", re.I)
# A subject of the message's own that is not a certificate of ours: "an MLIS program", "my degree".
OTHER_SUBJECT = re.compile(r"\b(an?|my|another|other|any) (?!cert|post)(\w+ )?(program|programme|degree|school|university|college|job|"
                            r"tutorial|book|website|app|tool|software|video|podcast)s?\b", re.I)
SINGULAR_PRONOUN = re.compile(r"\b(it|its|it's|that one|this one|the certificate|the cert|this cert|that cert|the program|this certificate|that certificate|this program|that program)\b", re.I)
WHOLE_CATALOGUE = re.compile(r"\b(certificates?|programs?|programmes?|of all|overall|any|options?)\b", re.I)
# "Is it harder to get funding for a certificate?": an "it" that stands for what follows, not a program.
DUMMY_IT = re.compile(r"\b(is it|it is|it's|would it be|will it be)( \w+){1,2} (to|for) \w+|"
                      r"^\W*(is it|it's|its) (true|correct|accurate|right that)\b", re.I)  # "is it true 39 programs..."
CERTIFICATE_WORDS = re.compile(r"\b(cert|certs|certificates?|certification|programs?|schools?|courses?|class|classes|"
                                r"post[- ]?mlis|post[- ]?masters?|you|your)\b", re.I)
OWN_TASK = re.compile(r"\b(my|me)\b", re.I)
ENDS_WITH_THAT = re.compile(r"\bthat\W*$", re.I)  # "which school runs that?"
SCHOOLS = re.compile(r"\b(schools|universities|institutions|providers|colleges)\b", re.I)
# "Besides arizona, sjsu, ucla and uva, who else offers them?": somewhere beyond the schools named.
ELSEWHERE = re.compile(r"\b(who|what|where|which) else\b|\bany ?(one|body|where) else\b|\bany others?\b|\bother (schools|universities|"
                       r"programs|places|colleges)\b", re.I)
# "Which ones can I do as a non-matriculated student?": a question over every certificate.
WHICH_OF_ALL = re.compile(r"\b(which|what|any)( ones?| of the (certificates|certs|programs)| certificates| certs| programs)\b", re.I)
ARTICLE = re.compile(r"\b((the|this|that|your) (article|source)|author|who wrote|library journal|your sources?|writer)\b", re.I)
# Words that look for a certificate, beside a subject: "medical library stuff, what's out there?"
SEEKING = re.compile(r"\b(out there|options?|certificates?|certs?|programs?|programmes?|credentials?|recommend|"
                      r"should i|good for me|fits?|suits?|what'?s available|anything for|best for|good for|"
                      r"which (one|is|would))\b", re.I)
# Words that name a kind of librarian or library work, so that a topic before them qualifies them.
TOPIC_VERB = re.compile(r"teach|teaches|taught|train|trains|trained", re.I)
# What comes before a verb like "teach" when a program, not the user, does the teaching.
WHAT_TEACHES = re.compile(r"\b(which|what|does|do|did|they|it|program|programs|certificate|certificates|cert|course|"
                           r"courses|school|schools|one|ones|that|who|where|else)\s+([\w@'-]+\s+)?$", re.I)
HEAD_NOUN = re.compile(r"librarianship|librarians?|library|libraries|information|management", re.I)
TOWARDS = re.compile(r"\b(into|towards?|(move|moving|switch|switching|transition|transitioning|pivot|pivoting|"
                      r"change|changing|go|going|get|getting) (in)?to|want to (learn|do|study|get into|work in)|"
                      r"interested in|become an?|becoming an?)\b", re.I)
WHO_SAID = re.compile(r"\bwho (said|says|thinks|believes|claimed|claims|called|described|mentioned|argued|argues)\b", re.I)
DONE = re.compile(r"\b(took|did|done|completed|complete|finished|finish|earned|picked|chose|went for|went through|gone through"
                  r"|(is|are|was|'s|s) (doing|taking|pursuing|enrolled in)|\bwhos (doing|taking|pursuing))\b", re.I)
# A position among the certificates the same message names, said after them: "..., tell me about the first one", "the latter".
POSITION_AMONG_NAMED = re.compile(r"[.,;:!?-]\s.*\bthe (?P<position>first|1st|second|2nd|last|former|latter)"
                                  r"(?! (course|class|year|pathway|time|step))( (one|cert\w*|program\w*|of (them|those|the two)))?\b", re.I)
# Going back in the conversation, past the last answer: "ok back to the first one", "the one we started with".
_ONE = r"(one|cert\w*|program\w*|course|school|university|place)"
FIRST_DISCUSSED = re.compile(
    rf"\b(back|return|returning|go back|going back) to (the )?(first|1st|original|very first) {_ONE}\b|"
    rf"\bthe (first|1st|original) {_ONE} (we|i) (talked|were talking|discussed|started|looked|asked)\b|"
    rf"\bthe {_ONE} (we|i) (started with|began with|first (asked|talked) about)\b", re.I)
# "the previous one", "back to the other one", "the one before that": the certificate discussed before the current one.
PREVIOUS_DISCUSSED = re.compile(
    rf"\b(the )?(previous|prior) {_ONE}\b|\bthe {_ONE} (just )?before (that|this|it)\b|"
    rf"\b(back|return|returning|go back|going back) to (the )?(other|last|earlier|previous) {_ONE}\b|"
    r"\bthe other (school|place|university|institution|one you mentioned)\b|"
    rf"\bthe (other|earlier) {_ONE} (we|i) (talked|were talking|discussed|looked|asked)\b", re.I)
EARLIER_ONE = re.compile(f"{FIRST_DISCUSSED.pattern}|{PREVIOUS_DISCUSSED.pattern}", re.I)
OF_THOSE = re.compile(r"\b(which|what|any) (one )?(of )?(those|these|them|the ones)\b|\bof (those|these|them)\b|"
                      r"\bwhich (one )?of the (two|three|both)\b", re.I)
WHEN_STARTED = re.compile(r"\bwhen\b.{0,40}\b(start|starts|started|begin|began|launch|launched|first offered)\b(?! date)", re.I)
WHAT_CERTIFICATES = re.compile(r"\b(what|which) (certificates|certs|programs|programmes|options) (are there|exist|do you ([a-z]+ )?"
                               r"(know|have|cover)|do they (award|offer|have|give|run)|(are|get) (in|covered in|named in|mentioned in|"
                               r"discussed in) (the|this|that) (article|piece|story)|(does|did) (the|this|that) (article|piece|story|author) "
                               r"(talk about|mention|name|cover|discuss|list|describe|feature))\b", re.I)
SIMILAR = re.compile(r"\b(similar|like (that|it|this|that one|this one)|equivalent|comparable|same kind)\b", re.I)
WHERE_THE_LIST = re.compile(r"\bwhere (would|could|can|do|should) (i|we|you) (find|get|see|look up) (that|the|this) (list|directory)\b|"
                             r"^\W*(ok |okay |so |then )?where (else )?(could|can|should|would|do) i (look|search|go)( then| instead| next| now)?\W*$|\bwhere\b.{0,30}\b(whole|full|complete|entire) list\b|\bwhere\b.{0,25}\b(find|see|look up|search)\b"
                             r".{0,15}\b(them all|all of them|the rest|the others|all the|more of them|every)\b|"
                             r"\bwhere (can|could|do|would) i (see|find|look up)\b.{0,10}\bwhich ones (they are|those are|these are)\b|"
                             r"\bwhere (can|could|do|would|should) i (see|find|look up|check) which (ones|programs|schools)\W*$|"
                             r"\bhow (do|can|would|could) i (find|see|search|look up)\b.{0,15}\b(them all|all of them|all|the rest|"
                             r"the others|more)\b|"
                             r"^\W*((ok|okay|so|and|then)\W+)?(how|where) (do|can|could|would|should) (i|we|you) (find|see|look up|"
                             r"search for|locate) (them|those|these|those programs|those schools)\W*$", re.I)
ALL_OUT_THERE = re.compile(r"\b(loads of|lots of|a lot of|many|tons of|plenty of|more)\b.{0,30}\b(certificates|certs|programs|"
                            r"programmes)\b.{0,25}\b(out there|in general|exist|in total|overall|in the us|in the country|these days|"
                            r"nowadays|today)\b|\b(are )?(many|lots of|a lot of|most|how many) (library |lis |ischool )?schools "
                            r"(offer|offering|do|doing|have|run|running|give|giving)\b|\ball (there is|there are|that'?s out there)\b", re.I)
# What a named certificate documents: "what does finishing an RBS or CalRBS certificate actually show?"
WHAT_IT_SHOWS = re.compile(r"\bwhat (does|do|would|will)\b.{0,60}\b(actually |really )?(show|prove|document|certify|demonstrate|say about me)\b", re.I)
# A price range: "any between 6500 and 7000", "from $5k to $7k", "6500-7000".
PRICE_RANGE = re.compile(r"\bbetween\b.{0,15}\d.{0,20}\b(and|to)\b.{0,6}\d|\bfrom\b.{0,6}\d[\d,.]*k?\s*(to|-)\s*\$?\d|"
                         r"\d[\d,]*k?\s*(-|to)\s*\$?\d[\d,]*k?\b(?! (course|class|year|month|day|week))", re.I)
# "Anything else I should know about it?" just after a certificate: what the people in the article say of it.
ANYTHING_ELSE = re.compile(r"\b(anything|what) else (i should|should i|i need to|do i need to|worth|to) know\b|"
                           r"\bwhat else (is there|can you tell me|do you know)\b", re.I)
# "How many days of instruction does it add up to?": a length, whatever price words say it.
HOW_MANY_DAYS = re.compile(r"\bhow many (days|hours|weeks|months)\b", re.I)
# Whether a certificate is worth its price at all: "why would I pay for this when there are free webinars?"
WHY_BOTHER = re.compile(r"\bwhy (would|should|do|does|did) (i|anyone|anybody|someone|people|a librarian) (pay|bother|spend|get|do|need)\b|"
                        r"\bwhat'?s the point of (a |getting )?(post[- ]?mlis )?(cert|certs|certificates?)\b", re.I)
# "List the schools the article talks about", "which schools are in it?"
LIST_SCHOOLS = re.compile(r"\b(list|name|which|what) (are )?(all )?(the )?(schools|universities|institutions|providers)\b"
                          r"|\bhow many (different )?(schools|universities|institutions|providers)\b", re.I)
# Schools other than the ones named: "apart from Arizona, SJSU, UCLA and UVA, which universities offer them?"
OTHER_THAN_NAMED = re.compile(r"\b(apart from|aside from|besides|other than|except( for)?|outside( of)?|beyond|not counting)\b", re.I)
# "The certs that are not at arizona", "drop the ones in california", "forget sjsu": what follows is left out.
# The words left out run to the end of the clause.
LEFT_OUT = re.compile(r"((\bnot|n't|\barent|\bisnt) (at|from|in|offered (at|by)|run by|part of)|\b(outside( of)?|drop|remove|exclude|excluding|minus"
                      r"|leave out|take out|cut out|forget( about)?|ignore|except( for)?|other than|besides|apart from|aside from"
                      r"|not counting|but not|no more)\b)(?P<left_out>[^.;?!,]*?)(?=[.;?!,]|\b(and|but|then|tell|what|which|how"
                      r"|show|list|give)\b|$)", re.I)
# "Drop the ones in california": a verb that acts on the last list.
ON_THE_LIST = re.compile(r"\b(drop|remove|exclude|leave out|take out|cut out|minus|no more)\b", re.I)
# "Just the ones at arizona", "only the ucla ones": the last list narrowed to a school.
ONLY_THE_ONES = re.compile(r"\b(only|just)( the)?( ones| certs| certificates| programs)? (at|from|in|by|of)\b"
                           r"|\b(only|just) (the )?[\w ]{2,30}? (ones|certs|certificates|programs)\b", re.I)
# "Is it at UCLA?", "is the NLP certificate at SJSU?": which school a certificate is at, asked yes or no.
IS_IT_AT = re.compile(r"^\W*(so |and |wait,? )?(is|was|are) (it|that|this|that one|this one|they|the [\w' -]{2,40}?) "
                      r"(at|from|part of|offered (at|by)|run by|taught at|in|with)\b|"
                      r"^\W*(so |and |wait,? )?(the |that |this )?[\w' -]{2,40}? (is|are) (at|from|part of|offered (at|by)|run by)\b"
                      r"[^?]*(\?|\bright\W*$)", re.I)  # "the NLP certificate is at SJSU?"
# "Is NLP offered at SJSU?", "is RBS at UCLA too?": whether a certificate or school named is at another school.
NAMED_AT = re.compile(r"^\W*(so |and |wait,? )?(is|was|are) (a |an |there an? )?[\w' -]{2,30}? (offered|taught|available|run|given)"
                      r" (at|by|in|through)\b|^\W*(so |and |wait,? )?(is|are) [\w' -]{2,30}? (at|part of) [\w' -]{2,30}?"
                      r"( too| as well| also)?\W*$", re.I)
# "What does it actually offer?": what a certificate is, not whether it is worth it.
WHAT_IT_OFFERS = re.compile(r"\bwhat (does|do|would|will|can) (it|that|this|that one|this one|the (cert|certificate|program))"
                            r"( \w+)? (offer|give you|teach|cover|include|involve|entail|consist of)\b", re.I)
# "The Florida Southern librarian": a person described by words of their role before a noun for a person.
DESCRIBED_PERSON = re.compile(r"\bthe (?P<words>([\w'-]+ ){1,3})(librarian|student|learner|woman|lady|guy|man|person|"
                              r"professor|prof|archivist|cataloger|cataloguer|coordinator)\b", re.I)
# "Does she think it pays off?", "who takes it, according to her?": what a person thinks, not a certificate's record.
PERSON_OPINION = re.compile(r"\b(does|did|do|would) (she|he|they|\w+|\w+ \w+) (think|feel|believe|reckon)\b|"
                            r"\b(does|did|do|would) (she|he|they) (say|recommend)\b|"
                            r"\baccording to (her|him|them)\b|\bwhat (does|did) (she|he|they) (say|think)\b", re.I)
# "What other Arizona certificates are there?": a school's other certificates, whatever was asked before.
OTHERS_OF_A_SCHOOL = re.compile(r"\b(what|which|any|are there( any)?) other\b(\s+[\w'-]+){0,3}\s+(certificates|certs|programs|programmes|ones|options)\b", re.I)
# "What are the 2 certs there?", "which certs do they give": every certificate of the school in context.
ITS_CERTIFICATES = re.compile(r"\b(the|its|their) (\d |two |three |four |five |both )?(certs|certificates|programs|programmes) "
                              r"(there|they (have|offer|give)|at (that|the) school|offered there)\b|"
                              r"\b(which|what) (certs|certificates|programs) do they (have|offer|give)\b", re.I)
# "How many do I need?" after a price: how many courses the certificate takes.
HOW_MANY_NEEDED = re.compile(r"\bhow many (do|would|will|should|must) (i|you|we|one) (need|have to take|have to do|take)\b", re.I)
# "Is someone from the article in either of them?": the people quoted on them.
SOMEONE_IN_THEM = re.compile(r"\b(anyone|anybody|someone|somebody|people|any of the people)\b (from|in) (the|this) article "
                             r"(in|on|doing|taking|enrolled in|who (did|took|does|takes))\b", re.I)
# Words that ask who may enrol, besides "student".
ENROLMENT_WORDS = re.compile(r"\b(eligib\w*|allowed|accept\w*|let me|enrol\w*|enroll\w*|\w*matriculated|admi\w+|apply|application|"
                             r"open to|sign up|register\w*|who can)\b", re.I)
# "The student doing the Arizona data science certificate": the person is who is doing the certificate named.
LEARNER_OF_NAMED = re.compile(r"\bthe (student|learner|person|woman|lady|guy|man|librarian|one) (doing|taking|in|on|pursuing|"
                              r"enrolled in|who (did|took|is doing|is taking|does|takes|completed|finished))\b", re.I)
# "Is the critical librarianship one about activism?": whether a certificate covers a subject.
IS_IT_ABOUT = re.compile(r"\b(is|are|was|does)\b (it|that|this|that one|this one|the [\w' -]+?) (about|on|focused on|all about|"
                         r"mostly about|really about|cover|teach|deal with|include)\b", re.I)
# A person pointed at by what follows: "the guy who coordinates the data science masters", "the woman who
# built the stacks mapping tool", "the person from Fordham".
PERSON_BY_CLAUSE = re.compile(r"\bthe (guy|man|woman|lady|gal|person|prof|professor|librarian|student|learner|author|writer)"
                              r" (who|that|from|at|with|behind)\b", re.I)
# "Whats the best one for a law librarian?", "which certificate did she do?": a certificate asked for.
ASKS_FOR_A_CERTIFICATE = re.compile(r"\b(which|what|whats|what's|best|good|right|any)\b.{0,30}\b(one|ones|certificates?|certs?|"
                                    r"programs?|programmes?|options?)\b", re.I)
# "... like the first one does", "... like the post-master's one": another certificate, likened to.
LIKE_ANOTHER = re.compile(r"\b(like|as) (the|that|this|its) ([\w'-]+ ){0,3}(one|certificate|cert|program)s?( does| has| do| have)?\b|"
                          r"\b(like|as) (the|that|this) ([\w'-]+ ){1,3}(does|has|do|did)\b|"
                          r"\b(like|as) [a-z]+'s( one| cert\w*| program)?( does| has| do| did)?\b", re.I)
# "Is it new like ...", "does that one cost the same as ...": the certificate asked about is a pronoun.
IT_THEN_LIKE = re.compile(r"^\W*(\w+\W+){0,2}?(is|does|did|was|has|can|will|would|could)\s+(it|that|this)( one)?"
                          r"(\s+[\w'-]+){0,3}\s*$", re.I)
POSITION_WORD = re.compile(r"\b(first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\b", re.I)
CREDENTIAL_WORD = re.compile(r"\bpost[- ]?masters?'?s?\b|\bcertificate of completion\b|\bprofessional certificate\b", re.I)
# "5 courses at 1200 is 6k right?": a price worked out from a number of courses, not a question of structure.
COURSES_AT_A_PRICE = re.compile(r"\b\d+ (courses?|class(es)?|classes)\s*(at|x|×|times|for|@)\s*(\$\s*\d|\d[\d,]{2,}|\d+(\.\d+)?\s*k\b)",
                                re.I)
# "The DAM cert and the post-master's one", "is it cheaper than the post masters": a second certificate named by its kind.
AND_ONE_OF_A_KIND = re.compile(r"\b(and|or|vs\.?|versus|than|against|with|to)\s+(the |that |an? |[a-z]+'?s )?"
                               r"(post[- ]?masters?'?s?|professional certificate|certificate of completion)\b"
                               r"|\b(post[- ]?masters?'?s?|professional certificate|certificate of completion)"
                               r"( one| cert\w*| program)?\s*,?\s*(and|or|vs\.?|versus|against|compared (to|with))\s", re.I)
# "Is the DAM certificate a post-master's certificate?": the kind asked about, not a certificate named by it.
A_KIND_ASKED = re.compile(r"\b(is|was|it'?s)\b(?! there\b)[^?]{0,40}?\ban? (post[- ]?masters?'?s?|graduate|professional)"
                          r" (certificate|cert)\b|\bis (it|that|this)[^?]{0,30}\ban? certificate of completion\b", re.I)
# "Each class lasts how long?", "how long does it last": the verb, not a position in a list.
LAST_AS_A_VERB = re.compile(r"lasts\b|lasted\b|lasting\b|last (for|about|around|roughly|long|\d)\b|last\s*\?*\s*$", re.I)
ARTICLE_BEFORE = re.compile(r"\b(the|that|this|your)\s+$", re.I)
# "Her new skills", "a new job": "new" of something other than a certificate (after the word "new").
NEW_SOMETHING_ELSE = re.compile(r"\s+(?!(one|ones|program|programme|cert|course|pathway|option|offering|thing|addition)s?\b)[a-z]", re.I)
# "For someone newer", "I'm newer to the field": a person new to the field, before "new", "newer", "newest".
A_PERSON_BEFORE = re.compile(r"\b(someone|somebody|anyone|people|folks|librarians?|grads?|graduates?|professionals?|i'?m|i am"
                             r"|we'?re|we are|those)( (a bit|a little|much|way|even|bit|fairly|pretty|relatively))?\s+$", re.I)
# "Kendra did the SJSU one, didn't she?", "is Morgan doing the NLP certificate?": a learner's certificate, claimed.
TOOK_IT = re.compile(r"\b(did|took|take|taking|doing|do|does|completed?|finish(ed)?|enroll?ed|pursu(ing|ed)|went through|study|studied|in)\b",
                     re.I)
# A learner told apart by how far along they are: "who's still in progress?", "the one who finished".
STILL_GOING = re.compile(r"\b(still (in progress|doing|taking|working|enrolled|in it|studying|pursuing|going)|in progress"
                          r"|currently (doing|taking|enrolled|in|pursuing|studying|working)|(hasn'?t|has not|not yet|hasn'?t yet) "
                          r"(finished|completed|done)|pursuing|partway|part way|midway)\b", re.I)
FINISHED = re.compile(r"\b(finished|completed|done with)\b", re.I)
ASKS_WHICH_PERSON = re.compile(r"^\W*((and|so|ok|then|but)\W+)?(who|whos|who's|which (of (them|the two|those|these)( \w+)?|one|learner|student|person)\b)"
                       r"|\bthe (one|learner|student|person) (who|that)\b", re.I)
# "Cost less than 1300", "more expensive than $7k": a price bound, not a ranking.
THAN_AN_AMOUNT = re.compile(r"\b((less|more) (expensive|costly)|less|more|cheaper|pricier|costlier|lower|higher|under|over)\s+than\s+"
                            r"(\$\s*)?\d", re.I)
# "Who's the assistant professor of practice that gets quoted?": someone of the article, by role.
WHO_IS_THE_ROLE = re.compile(r"\bwho('?s| is| was)? the [\w' -]{0,40}?\b(professor|prof|coordinator|director|student|learner|librarian"
                             r"|author|writer|instructor|lady|woman|guy|man|person)\b", re.I)
# "What's the 24 then?": a figure the article gives of the field.
FIELD_FIGURE = re.compile(r"\b(the|those|these|which) (39|24|15)\b", re.I)
# "When did it launch?", "how much is it?": a question of one value, not a search.
WHEN_OR_HOW_MUCH = re.compile(r"\b(when|what year|how much|how long|how many|how old|how fast|how quickly)\b", re.I)
# "Show me only the ones that require five courses", "certs open to non-matriculated students?", "which can I take
# without being enrolled?": every certificate narrowed by what is asked of it.
NARROWED_TO = re.compile(r"\b(show|list|give|tell)( me)?( only| just)? (the |all the )?(ones|certs|certificates|programs)\b"
                         r"|^\W*(only |just )?(the )?(ones|certs|certificates|programs) (that|which|where|open|with|without|for|i can|you can"
                         r"|a |an |requiring|needing)\b|\bwhich (can|could) (i|you|we|one|someone)\b", re.I)
A_LEARNER_QUOTED = re.compile(r"\b(students?|learners?|grads?|graduates?|alum\w*)\b.{0,25}\b(quoted|interviewed|mentioned"
                              r"|featured|in the article)\b", re.I)
# "Enrolled last year", "my first time": a time, not a place in a list (after "last" or "first").
A_TIME_NOT_A_POSITION = re.compile(r"\s+(year|years|week|month|semester|term|quarter|spring|summer|fall|autumn|winter|"
                                   r"time|night|day|session|cohort|job|degree)\b", re.I)
# A part of one certificate asked for: "any archives option?", "does it have a data science track?".
A_PATHWAY = re.compile(r"\b(any|is there|are there|has|have|got|offers?|with|which|what)\b[^.?!]{0,30}\b"
                       r"(options?|pathways?|tracks?|concentrations?|specializations?|specialisations?|emphasis|strands?)\b", re.I)
# "Same total cost as CalRBS?", "as long as the RBS one?": the certificate in context against another.
SAME_AS = re.compile(r"\b(same|similar)\b[\w\s$-]{0,25}?\b(as|to|like)\b|"
                     r"\bas (much|expensive|cheap|long|pricey|costly|many courses)\b[\w\s]{0,15}?\bas\b", re.I)
# "And the other learner?", "the other staff member": the one other person of that kind.
OTHER_PERSON = re.compile(r"\b(the )?other (learner|student|librarian|person|one quoted|staff|staffer|staff member|"
                          r"professor|faculty|program person|speaker|interviewee)\b", re.I)
# "And the rest are what?": the ones not in the last list.
THE_REST = re.compile(r"\b(the rest|the others|the other ones|the remaining( ones)?|rest of them)\b", re.I)
# "Does CalRBS do critical theory?", "do they have anything in archives": whether a subject is covered.
DOES_IT_DO = re.compile(r"^\W*((ok|so|and)\W+)?(does|do|did|can)\b.{1,40}?\b(do|does|offer|offers|have|has|get into)\b", re.I)
# "Does the NLP one require statistics?": what a certificate named by its subject asks of you, not another certificate.
REQUIRES_AFTER_ONE = re.compile(r"\b(one|cert|certificate|program|programme)\s+(require|requires|required|need|needs|"
                                r"involve|involves|use|uses|expect|expects|assume|assumes)\b", re.I)
# A figure typed bare: "each one 1395?", "so the total is about 7k", "1200 a class times 5?".
A_FIGURE = re.compile(r"\$?\b\d{1,3}(,\d{3})+\b|\$?\b(?!(19|20)\d\d\b)\d{3,}\b|\b\d+(\.\d+)?\s?(k|grand)\b", re.I)  # not a year
# "Quick fact check: ...", "..., right?", "is that true?": a claim to check.
A_CLAIM_CHECKED = re.compile(r"\b(fact ?check|right|correct|true|accurate|is that so|am i right|isn'?t it|aren'?t they)\b", re.I)
# "Which prices does it give?": every price the article gives.
PRICES_GIVEN = re.compile(r"\b(which|what) (prices|costs|tuitions?|figures|price figures) (does|do) (it|the article|the piece|they|you) "
                          r"(give|list|mention|have|include|know)\b|\bwhich (ones|certificates|certs|programs) (have|has|get|come with) "
                          r"(a )?(price|prices|cost|tuition)\b|"
                          r"\b(which|what|any)\b( of)?( them| those| these| the)?( ones| certificates| certs| programs)?"
                          r" (have|has|with|list|lists|show|shows|give|gives|come with) (a |an |their |its )?(known |listed |stated |given )?"
                          r"(price|prices|cost|costs|tuition|tuitions)( given| listed| in the article| at all)?\W*$|"
                          r"\b(price|tuition|cost)s? (given|listed|known|stated)( in the article)?( at all)?\W*$|"
                          # "list every certificate with its price", "all the certs and their costs"
                          r"\b(every|each|all)( of)?( the)? (certificates?|certs?|programs?|ones?)\b.{0,12}\b(with|and) (its|their|the) "
                          r"(price|prices|cost|costs|tuition|tuitions)\b", re.I)
# "And Kendra's?": a person's, with nothing after it.
BARE_POSSESSIVE = re.compile(r"^\W*((and|what about|how about|ok and|same for)\s+)?[a-z][\w. -]{1,30}'s\W*$", re.I)
# "The second SJSU one": a position among one school's certificates.
POSITION_AT_A_SCHOOL = re.compile(r"\b(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th) [\w'-]+ (one|cert|certificate|program)\b", re.I)
# "Where does she work?", "what's her job?": a person's workplace or position.
WORKPLACE = re.compile(r"\bwhere (does|did|do) (she|he|they|[a-z]+) work\b|\b(her|his|their) (job|employer|workplace|job title|"
                       r"position)\b|\bwhat (does|did) (she|he) do for (work|a living)\b|\bwho (does|did) (she|he) work for\b", re.I)
# "I already took 2 CalRBS courses. How many more do I need?": courses done, and what is left.
COURSES_DONE = re.compile(r"\b(took|taken|done|completed|finished|did|have)\s+(?P<done>\d|one|two|three|four)\s+"
                          r"([\w'-]+\s+)?(courses|classes)\b", re.I)
HOW_MANY_MORE = re.compile(r"\bhow many (more|left|remaining|else|still)\b|\b(left|remaining|to go)\W*$|\bstill (need|have) to\b", re.I)
# "Full name?" just after a certificate: what it is called.
ITS_FULL_NAME = re.compile(r"^\W*((and|so|ok)\W+)?((what'?s|what is) )?(its|the|their) ?(full|official|exact|proper) (name|title)\W*$|"
                           r"^\W*(full|official|exact) (name|title)\W*$|\bwhat'?s (it|that) (officially )?called\b", re.I)
# "The one Kendra is doing": the certificate a person took.
THE_ONE_THEY_DID = re.compile(r"\bthe (one|cert\w*|program) ([\w'-]+ ){0,2}(is doing|did|took|is taking|completed|finished|"
                              r"was in|is in|picked|chose)\b", re.I)
# "Who else in the article is connected to Arizona?": the people tied to a school.
TIED_TO = re.compile(r"\bwho\b.{0,40}\b(connected|tied|linked|associated|related|affiliated|involved)\b|"
                     r"\bwho (from|at) [\w' -]{2,30}? (does|did|is|was|gets?) (the article |it |she )?(quote|quoted|interview|interviewed|"
                     r"mention|mentioned|talk to|speak to)\b", re.I)
# "Her program", "Morgan's certificate": the certificate a person took, not the person.
THEIR_CERTIFICATE = re.compile(r"\b(her|his|their|[a-z]+'s) (cert|certs|certificate|certificates|program|programme|programs)\b", re.I)
# "What certificates does his school have?": the school of the person just discussed.
PERSON_SCHOOL = re.compile(r"\b(his|her|their) (school|university|program|department|place)\b", re.I)
# "What did Linda Main say about the non-matriculated option?": the person's words, not the certificate's record.
WHAT_DID_SAY = re.compile(r"\bwhat (did|does|do) .{0,40}\b(say|said|think|mean|tell)\b", re.I)
# A second question joined to the first: "is the nlp cert new and is it online?", "how much is it and can I get aid?"
SECOND_QUESTION = re.compile(r"\b(and|also|plus)\s+(is|are|does|do|did|can|could|will|would|what|how|who|when|where|any)\b", re.I)
# The last question again, of what follows: "is that the same for both of their certificates?"
SAME_AGAIN = re.compile(r"\b(is|was|are|would) (that|it|this|they|those) (be )?the same (for|at|with|across|in|over)\b|"
                        r"\bsame (price|cost|deal|answer) (for|at)\b", re.I)
# "Does that apply to arizona too?": the last answer, asked of another (not "apply" as in applying to a program).
APPLIES_THERE_TOO = re.compile(r"\b(does|would|do|will|is|are) (that|this|it|the same|same|those|these) (also |still )?"
                               r"(apply|hold|go|true|the case)\b.{0,30}\b(to|for|at|with)\b", re.I)
# A price asked with "run": "what would the full certificate run?", "how much would it run me?"
COSTS_TO_RUN = re.compile(r"\b(what|how much) (would|will|does|did|do|might) ([\w'-]+ ){1,9}run\b(?! (by|on|through|out))|"
                          r"\brun (me|you|us|someone)\b(?! (through|by))", re.I)
# "What's the deal with the rare book one?": tell me about it, not what it deals with.
WHATS_THE_DEAL = re.compile(r"\bwhat'?s?( is)? the deal with\b|\bwhats the deal\b", re.I)
# Words that ask for a comparison, besides the vocabulary's: an intent alone does not make one.
COMPARING_WORDS = re.compile(r"\b(than|vs\.?|versus|compare[sd]?|comparing|comparison|differ|differs|difference|differences|between|against|"
                             r"better|worse|similar)\b", re.I)
SAME_QUESTION = re.compile(r"\b(on that front|same (for|with|at)|any different|the same there|what about|how about|and for)\b", re.I)
ANY_OF_ALL = re.compile(r"\b(any|which|what) (of (the|these|those) )?(certificates|certs|programs|programmes)\b", re.I)
ARTICLE_AS_SCOPE = re.compile(r"\b(in|from|by|of|mentioned in|named in) (the|this|that|your) (article|piece|story)\b|"
                              r"\bthe article (talks? about|mentions?|names?|covers?|describes?|lists?|discuss(es)?|has|have|includes?|"
                              r"says?|thinks?|suggests?|recommends?|advises?|tells? (me|us)|(has|have) to say|agrees?|disagrees?|back (that|this|it) up|"
                              r"supports? (that|this|it))\b|\b(does|do) (the|this|that|your) article (agree|disagree|back (that|this|it) up|"
                              r"support (that|this|it))\b|"
                              r"\baccording to (the|this|that|your) article\b|"
                              r"\b(the|a) [\w'-]+ (librarian|student|professor|person|people|learner)s? in the article\b", re.I)
# What the article says of something else: "what does the article suggest for someone like me?".
ARTICLE_ON_SOMETHING = re.compile(r"\b(the|this) article (says?|thinks?|suggests?|recommends?|advises?|mentions?|tells? (me|us))"
                                  r"(\W+\w+){2,}", re.I)
# The article's own words, not a person's: "does the article say...", "according to the article".
THE_ARTICLE_SAYS = re.compile(r"\b(the|this|that|your) article (says?|said|thinks?|suggests?|recommends?|mentions?)\b|"
                              r"\baccording to (the|this|that|your) article\b", re.I)
# Whether certificates are worth it, asked another way: "so it's more about the credential than learning?",
# "does the article think certificates help with that kind of move?".
WORTH_IT_ASKED = re.compile(r"\b(more|mostly|just|only|all|really) about (the )?(credential|proving|paper|showing|certifying|resume)\b|"
                            r"\b(learning|skills)\b.{0,25}\b(credential|credentialing)\b|\b(credential|credentialing)\b.{0,25}\blearning\b|"
                            r"\b(certificates?|certs?|they|these|them)\b.{0,15}\b(help|helps|helpful|pay off|make a difference)\b|"
                            r"\bresume padding\b|\b(pieces? of paper|just paper)\b|"
                            r"\b(think|say|believe|agree)\b.{0,20}\b(they|these|certificates?|certs?) (actually |really )?matter\b", re.I)
# Where to find the programs the article does not name: "where would I look for the rest?"
WHERE_TO_LOOK = re.compile(r"\bwhere (would|should|can|could|do|might) (i|we|you|one) (look|find|search|see|go)\b.{0,30}"
                           r"\b(rest|others|other ones|other options|other programs|other certificates|other certs|more|full list|"
                           r"all of them|the remaining|everything else)\b|"
                           r"\bhow (do|would|can|could) (i|we|you|one) ((search|look) for|find|see) the (others|rest|other ones|remaining ones)\b|"
                           # "how do i find which ones", "does the article say which ones?" (after the field's figures)
                           r"\bhow (do|would|can|could|should) (i|we|you|one) (find|figure|work|tell|see)( out)? which (ones|programs|schools)\b|"
                           r"\b(does|did) (the article|it|she) (say|list|name|tell( us)?|mention) which (ones|programs|schools)\W*$", re.I)
# "So the rest aren't?" just after the field's figures: the programs not fully online.
THE_REST_ARE_NOT = re.compile(r"\b(the rest|the others|the other ones|the remaining( ones)?)\b.{0,12}\b(aren'?t|are not|arent|not)\b", re.I)
# "Is a certificate worth the money, or just a line on the resume?", "bottom line, worth it or not?"
WORTH_IT_PLAIN = re.compile(r"\bworth (it|the (money|cost|price|investment|time|effort)|my (money|time))\b|\bworth it or not\b|"
                            r"\bjust a line on (the|my|a) (resume|cv)\b|\b(the )?up ?sides?\b|\bpros and cons\b|"
                            r"\b(learning|skills)\b.{0,25}\b(credentials?|credentialing)\b|\b(credentials?|credentialing)\b.{0,25}\blearning\b", re.I)
DOWNSIDES = re.compile(r"\b(down ?sides?|drawbacks?|cons|disadvantages?|negatives?|pitfalls?|the catch)\b", re.I)
ABOUT_THE_SOURCE = re.compile(r"\b(who wrote|author|writer|title|called|published|publication|magazine|journal|source|sources|"
                               r"main point|summar\w*|come from|comes from|when was)\b", re.I)
WHY = re.compile(r"^\W*(why|how come)\b", re.I)
BY_HOW_MUCH = re.compile(r"\b(gap|by how much|how much (more|less|cheaper|extra|higher|lower)|how much of a difference|"
                          r"what'?s the (price |cost |per course |per class |tuition )?difference|difference in (price|cost|tuition)"
                          r"|difference per (course|class)|(per course|per class|price|cost|tuition) diff|price gap"
                          r"|how much (would|will|do|does|could|can|might) (i|we|you|one|someone) save)\b", re.I)
# "calrbs vs that price wise": the certificate just discussed, set against the one named.
AGAINST_THAT = re.compile(r"\b(vs\.?|versus|against|compared (to|with)|or)\s+(that|it|this|there)\b(?! (one|course|class)s?\b)"
                          r"|\b(that|it|this)\s+(vs\.?|versus|against)\b", re.I)
THAT_MANY = re.compile(r"\b(is that|are those|are these|are they|are there in (that|the) list|of them|of those|in (that|the) list)\b", re.I)
# A small count, typed or spelt: "5", "five".
_HOW_MANY = r"(\d{1,2}|two|three|four|five|six|ten)"
COURSES_COUNTED = re.compile(r"\b(\d{1,2}|a single|single|a|one|two|three|four|five|six|ten) (more )?(courses?|class(es)?)\b|"
                              rf"\b{_HOW_MANY} (at|of them at) (?!each)|"
                              rf"(?:(?<![\w$])x ?|×|\*|\btimes |\bmultiplied by ){_HOW_MANY}\b|"
                              rf"\b{_HOW_MANY} of (those|them|these)\b", re.I)
# "Who gives them out?" just after scholarships: who funds them.
WHO_GIVES = re.compile(r"\bwho (gives|hands|awards|offers|provides|funds|pays) (them|those|these|it|that)\b", re.I)
# Arithmetic on a price just given: "x5?", "times five?", "5 of those?", "and the full certificate", "per class?"
PRICE_FOLLOW_UP = re.compile(r"(?<![\w$])(x ?\d{1,2}|×|\*)|"
                             rf"\b(times|multiplied by) {_HOW_MANY}\b|\b{_HOW_MANY} of (those|them|these)\b|"
                             r"\b(the )?(full|whole|entire) (cert\w*)\b|\bper (class|course)\b|"
                             r"\b(a single|one|single) (course|class)\b|^\W*(and |so |ok )?(the |in )?total( cost| price)?( then| please| pls)?\W*$|"
                             r"\bthe (whole |full |entire )?(cert\w*|thing|program) (would|will) (be|cost|run( me)?|come to)\W*$|"
                             r"\bhow (do|did) (you|u) (get|come up with|work out|figure) (that|this|the) (number|figure|total|amount)\b|"
                             r"\bwhere does (that|this|the) (number|figure|total) come from\b|\bshow (me )?the math\b|"
                             r"\bbreak (it|that) down\b", re.I)
TOGETHER = re.compile(r"\s\+\s*\w|\b(cost|price|tuition|total) (of|for) both\b|\b(together|altogether|combined|plus|(do|take|doing|taking|complete|completing|finish|finishing) both|both (full |whole |entire )?(certs|certificates)|both .{0,40}(total|cost|run|be)|add(ed)? up|total for both|"
                       r"(total|sum) .{0,20}\bboth)\b", re.I)
NAMED_CERTIFICATE = re.compile(
    r"\b(?:the|a|an)\s+((?:[\w'-]+\s+){1,3}?)(?:cert|certs|certificate|certificates|certification|"
    r"program|programme|programs)\b", re.I)
# A message that opens by asking for a description: "tell me about ...", "what is ...".
TELL_ME_ABOUT = re.compile(r"^\W*(can you |could you |please )?(tell me (more )?(about|abt|abut)|describe|what('s| is) the|info on|"
                           r"give me an overview of)\b", re.I)
# A wish about the user's own career: "I want to work in a museum", "I'd like to manage a library someday".
WISH = re.compile(r"\b(i want to|i'd like to|id like to|i would like to|hoping to|i hope to|i wanna|(and|but|i) (really )?"
                  r"(want|wanna|hope|plan) to (get|move|go|break|switch|transition|branch) (into|to|toward|towards|out)|"
                  r"looking to (get|move|go|break|switch|transition|branch) (into|to|toward|towards))\b", re.I)
# "Is that the same price if the course is online?": being online as a condition of what is asked.
ONLINE_CONDITION = re.compile(r"\b(for|of|the|its|their|an|if|when)\s+([\w-]+\s+){0,3}?(online|virtual|remote)\b|"
                              r"\b(online|virtual|remote) (courses?|classes|version|option|ones?)\b", re.I)
# "Would it cover the whole $6,975?": covering a cost, not a subject.
FUNDING_WORD = re.compile(r"\b(scholarships?|financial aid|fin aid|grants?|loans?|aid)\b", re.I)
COVERS_COST = re.compile(r"\bcover(s|ed|ing)?\b.{0,25}(\$?\d[\d,]{2,}|\b(whole|entire|full|all of|everything|tuition|cost|"
                         r"price|fees?|travel|expenses)\b)", re.I)
# "The hardest course anyone in the article mentions": asked of everyone, not of the certificate in context.
# "What do the people who did them say?": the learners, as a group.
PEOPLE_WHO_DID = re.compile(r"\b(the )?(people|learners|students|folks|librarians) (who|that) (actually |really |already )?(did|took|completed|finished|"
                            r"are doing|have done|went through|are taking)\b", re.I)
PEOPLE_WORD = re.compile(r"\b(people|ppl|persons|folks|librarians|experts|learners|students)\b", re.I)
# Someone the article talks to, not named: "did anyone in the article come from the humanities?"
SOMEONE_IN_ARTICLE = re.compile(
    r"\b(anyone|anybody|someone|somebody|any of the people|(the|a) (other )?(person|woman|student|learner|librarian))\b"
    r"[^.?!]{0,25}?\b((in|from) (the|this|that) (article|piece|story)|(they|it|the article) (talk|talks|talked|spoke|speaks|"
    r"interview|interviews|interviewed|quote|quotes|quoted)( to| with)?)\b", re.I)
# Just before a subject, words that turn it away: "not just tech skills", "rather than data science".
NEGATED_BEFORE = re.compile(r"(\bnot|n't|\bdont|\bdoesnt|\bnever|\brather than|\binstead of|\bother than|\bbesides|\baway from)\s+((just|only|really|so much|"
                            r"much|about|into|interested in|looking for|want|wanting|want to do|doing|do|care about|a fan of|"
                            r"a|more)\s+){0,2}$", re.I)
# A person asked for by what they did or were: "who had 8 years of cataloging experience?".
WHO_IS_DESCRIBED = re.compile(r"\W*(and |so |ok |then )?(who|which person|which of the (two )?people|which one of them)\b"
                              r"(?! (is|are) (it|they|these|those|this|that) (for|aimed|meant)\b)"
                              r"(?! (does|do|should|can|could|would|will|might|said|says|say|mentioned|talked|thinks|believes)\b)", re.I)
# Just after the article: what is asked of it ("what's it called?", "what year did it come out?").
OF_THE_ARTICLE = re.compile(r"\b(called|title|titled|published|run|ran|appear|appeared|came out|comes? out|released?|when was it|"
                            r"magazine|journal|publication|newspaper|where did she work|her job)\b", re.I)
# How people pay, whatever else is said of money: "i have no money, how do ppl even pay for these?"
HOW_PEOPLE_PAY = re.compile(r"\bhow (do|did|does|can|could|would|will|should) [\w' ]{0,25}\bpay\b", re.I)
# Certificates of our kind, named in general: "these certs", "post-mlis certificates".
CERTIFICATES_IN_GENERAL = re.compile(r"\b(cert|certs|certificates?|post[- ]?mlis|post[- ]?masters?)\b", re.I)
# One certificate described, not named: "the legal one", "the rare books cert".
DESCRIBED_ONE = re.compile(r"\bthe [\w'&-]+( [\w'&-]+)? (one|cert|certificate|program)\b(?!s)", re.I)
# People described as whom a certificate is for, not asked for: "is there a certificate for people who want to ...".
FOR_PEOPLE_WHO = re.compile(r"\b(for|to|suits?|helps?) (people|someone|somebody|anyone|those|librarians?|folks) (who|that)\b", re.I)
# The user as the one to match: "anyone like me", "someone in my situation".
ANYONE_LIKE_ME = re.compile(r"\b(anyone|anybody|someone|somebody|people|a person|a librarian|others?)\b[^.?!]{0,20}?"
                     r"\b(like me|like myself|in my (situation|position|shoes)|similar to me|with my background)\b", re.I)
ANYONE = re.compile(r"\b(anyone|anybody|someone|somebody|people|mentioned|mentions|in the article)\b", re.I)
# A yes/no question: "did she get promoted?", "is he still at Arizona?"
YES_NO = re.compile(r"^\W*(and |so |but |ok |okay )?(did|does|do|is|was|were|has|have|had|will|would|can|could)\b", re.I)
# Certificates of other kinds: "the SSL certificate on our website", "the Google data analytics certificate".
OTHER_CERTIFICATE = re.compile(r"\b(ssl|tls|https|birth|death|marriage|gift|google|coursera|udemy|linkedin|comptia|aws|"
                               r"microsoft|cisco|pmp|ibm|edx)\b.{0,30}\b(cert|certs|certificates?|certifications?)\b", re.I)
# "Does it have a data science option?": whether the certificate in context covers a subject.
DOES_IT_HAVE = re.compile(r"\b(does|do|did|is there|has) (it|that|this|that one|this one|the cert|the certificate|the program)\b"
                          r".{0,12}\b(have|has|offer|offers|include|includes|cover|covers|got|teach|teaches)\b|"
                          r"\bis there an? [\w ]{1,25} (option|pathway|track)\b|\bis there an? (?!.*\b(for|at|in) the\b)[\w ]{1,25} one( too| as well)?\W*$", re.I)
# Someone without the master's degree these certificates follow: "I'm a library tech without a masters".
NO_MASTERS = re.compile(r"\b(without|no|don'?t have|do not have|never got|lack|lacks|lacking) (an? |my |the |her |his )?"
                        r"(master'?s|masters|mlis|mls|graduate degree)\b|\b(paraprofessional|library tech|library technician)s?\b", re.I)
# "The cheaper one", "the newest cert": a program picked out by a ranking.
RANKED_ONE = re.compile(r"\bthe (cheaper|cheapest|pricier|priciest|more expensive|most expensive|less expensive|least expensive|"
                        r"newer|newest|older|oldest|shorter|shortest|longer|longest|quicker|quickest) "
                        r"(one|cert|certificate|program|programme|option|school)\b|"
                        r"\bthe (cheaper|cheapest|pricier|priciest|more expensive|less expensive|newer|older|shorter|longer|quicker)"
                        r" (of|between) (the|those|these|them|both)\b", re.I)  # "the cheaper of those two"
# "Same school?", "are they at the same school?"
SAME_SCHOOL = re.compile(r"^\W*(are (they|both|those|these|the two) |both |is it |is that )?(at |from |in |offered by )?(the )?"
                         r"same (school|university|place|provider|institution)\W*$", re.I)
# "Harder to fund than the MLIS": certificates against degree programs.
THAN_A_DEGREE = re.compile(r"\b(harder|more difficult|tougher|easier|different|less|more)\b.{0,40}\bthan\b.{0,20}\b(the )?"
                           r"(mlis|degree|degrees|master'?s|masters|a degree program|degree programs)\b", re.I)
# "How long has it been around?": how old, not how long it takes.
BEEN_AROUND = re.compile(r"\bbeen (around|running|offered|going|on offer)\b|\bexisted\b", re.I)
# "Is there one at SJSU too?", "do they have any at Arizona?"
IS_THERE_ONE = re.compile(r"\b(is there|are there|any|got|have|has|offer|offers) (one|ones|any|something|anything|a similar one)\b", re.I)
# A US state or big region, for "which ones are in Texas?" where the article names none there.
US_PLACE = re.compile(r"\b(in|near|around|from) (the state of )?(?P<place>alabama|alaska|arkansas|colorado|connecticut|delaware|"
                      r"florida|georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|"
                      r"massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|"
                      r"new mexico|new york|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|"
                      r"south carolina|south dakota|tennessee|texas|utah|vermont|washington|west virginia|wisconsin|wyoming|"
                      r"the midwest|the northeast|the south|the southeast|new england|the pacific northwest|canada|"
                      r"alberta|ontario|quebec|british columbia|the uk|britain|england|europe|australia)\b|"
                      r"\b(a|any|an) (?P<adjective>canadian|british|uk|european|australian) (one|certificate|cert|program|option)s?\b", re.I)
# "Is there a medical one though?": whether one of a kind exists, not the last question asked of it.
IS_THERE_A_KIND = re.compile(r"\b(is there|are there|got|do they have|does \w+ have|do you have|do you know of) (a|an|any) "
                             r"([\w-]+ ){1,3}(one|ones|cert|certs|certificates?|programs?)\b", re.I)
# "3 courses at rbs", "two at calrbs": a number of courses and the school they are taken at.
COUNT_AT_SCHOOL = re.compile(r"\b(\d{1,2}|one|two|three|four|five|six|ten)\s+(?:more\s+)?(?:courses?\s+|class(?:es)?\s+)?"
                             r"(?:at|from|with|in)\s+(?:the\s+)?([a-z][\w&'.-]*(?:\s+[a-z][\w&'.-]*){0,3})", re.I)
# "Which ones don't qualify for financial aid?", "any with scholarships?": a question over every certificate.
WHICH_ONES = re.compile(r"\b(which|what) ones\b|\bwhich (school|schools|university|universities|program|programs|certificate|certificates|cert|certs) "
                        r"(do|does|don'?t|doesn'?t|has|have|hasn'?t|haven'?t|gives?|offers?|lets?|allows?|accepts?|is|are|isn'?t|aren'?t)\b|\bany (with|that|where|without)\b|\bwhich one (is|has|was|takes|would be)\b|"
                        r"\bany of (them|those|these)\b", re.I)
# "Which school has the most certificates?"
WHICH_SCHOOL_MOST = re.compile(r"\bwhich (school|university|provider|institution|place)s? (in the article |named |mentioned )?"
                               r"(has|have|offers?|names?|runs?|gives?) (the )?(more|most|fewer|fewest|least) (certificates|certs|programs)\b"
                               r"|\bwhich (school|university|provider|institution)s? (has|have|offers?|names?) (the )?(more|most|fewer|fewest|least)\b",
                               re.I)
# "Does either of them cover digitization?", "do they teach metadata?"
DO_THEY_COVER = re.compile(r"\b(does|do|did) (either|both|each|any) (of )?(them|those|these|one)|\b(do|did) (they|those|these|both)\b"
                           r".{0,15}\b(cover|teach|include|offer|have)\b", re.I)
# "What if I only do 2 courses?", "3 courses would be?": a number of courses, priced.
WHAT_IF_COURSES = re.compile(r"\b(what if|if i|would be|only do|only take|just do|just take)\b.{0,25}\b(\d{1,2}|one|two|three|four)\s+"
                             r"(courses?|class(es)?)\b|\b(\d{1,2}|one|two|three|four) (courses?|class(es)?) would be\b", re.I)
# "So the whole cert is like 7k?": a price to check against the certificate in context.
CHECKING_A_PRICE = re.compile(r"\b(is (it|that|the whole|the cert|the certificate|the total)|so (it'?s|the)|it'?s like|"
                              r"is like|like|about|around|roughly|right)\b", re.I)
# "I saw somewhere it's around 5k": a price the user heard, to check against the article's.
HEARD_A_PRICE = re.compile(r"\b(i (saw|heard|read|was told)|it'?s (around|about|like|roughly)|is it (around|about|really|like))\b", re.I)
THEY_AWARD = re.compile(r"\bdo they (award|offer|have|give|run)\b", re.I)
# "the UCLA data science certificate", "does rbs have a legal information cert": a certificate of a subject asked for.
A_CERTIFICATE_OF = re.compile(r"\b(cert|certs|certificate|certificates|program|programs|programme|one|track|pathway)\b", re.I)
# "I'm a medical librarian with a humanities BA": who the user is, not a certificate asked about.
SELF_DESCRIBED = re.compile(r"\b(i'?m|im|i am|as) an? ([\w-]+ ){0,3}(librarian|cataloger|cataloguer|archivist|specialist|manager)\b", re.I)
# "Would I struggle with the NLP certificate?": whether the user is ready, not which course was hardest.
WOULD_I_STRUGGLE = re.compile(r"\b(would|will|could|might|am) i (struggle|find it hard|have a hard time|be lost|be in over my head|manage)\b", re.I)
# "At least 6k", "6000 or more": a lower bound that includes the amount ("over 6k" does not).
AT_LEAST = re.compile(r"\b(at least|or more|or over|or above|and up|and above|and over|minimum|no less than)\b", re.I)
# "Less than $1,300 per course": a bound on a course's tuition, not the certificate's.
PER_COURSE = re.compile(r"\b(per|a|each|for one|for a single|for each|a single|one single|single) (course|class)\b|\bcourse fee\b|"
                        r"\b(course|class) (under|over|below|above|less than|more than|for less than|for under) \$?[\d,]+k?\b|"
                        r"\b(courses|classes) (under|over|below|above|less than|more than|of) \$?[\d,]+k? (each|apiece)\b", re.I)
# "What's her name again?": who a person described is.
NAME_ASKED = re.compile(r"\b(what'?s|what is|whats) (her|his|their|the person'?s) name\b|\bname again\b|^\W*(her |his )?name\W*$", re.I)
