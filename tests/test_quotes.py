"""Direct quotes, reported speech and speakers, on wire copy we wrote ourselves."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarise.pipeline import text_for_parsing
from summarise.quotes import extract_quotes
from summarise.names import names_in, strip_titles
from summarise.text import quotation_spans, sentences


@pytest.fixture(scope="session")
def nlp():
    from summarise.models.nlp import load_spacy

    return load_spacy()


@pytest.fixture()
def quotes(nlp):
    def run(text: str):
        found = extract_quotes(nlp(text_for_parsing(text)))
        for quote in found:
            assert text[quote.start : quote.end] == quote.text
        return found

    return run


def direct(found):
    return [q for q in found if q.kind == "direct"]


def reported(found):
    return [q for q in found if q.kind == "reported"]


@pytest.mark.parametrize("opening, closing", [("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"), ("«", "»"), ("„", "“"), ("''", "''")])
def test_every_quotation_mark_style(quotes, opening, closing):
    text = f"The minister spoke on Monday. {opening}We will not accept these terms at all,{closing} Olaf Berg said."
    found = direct(quotes(text))
    assert [q.text for q in found] == ["We will not accept these terms at all"]
    assert found[0].speaker == "Olaf Berg"


def test_apostrophes_are_not_quotation_marks():
    text = "Trump's aides said the campaign's plans weren't final, and James' office agreed."
    assert quotation_spans(text) == []


def test_unbalanced_mark_never_loses_the_rest_of_the_article(quotes):
    text = (
        "“This is where it starts, Maria Lopez told the crowd in Dallas.\n\n"
        "“The talks will resume next week in Geneva,” Peter Hahn said on Friday."
    )
    found = direct(quotes(text))
    assert found[-1].text == "The talks will resume next week in Geneva"
    assert found[-1].speaker == "Peter Hahn"


def test_multi_paragraph_quote_keeps_its_speaker(quotes):
    text = (
        "“The first part of the plan is about the border and the ports,” said Kazem Jalali, the ambassador.\n\n"
        "“The second part of the plan is about energy and the banks.\n\n"
        "“The third part is about the people who have waited far too long.”"
    )
    found = direct(quotes(text))
    assert len(found) == 3
    assert {q.speaker for q in found} == {"Kazem Jalali"}


def test_quote_split_around_its_attribution(quotes):
    text = (
        "“The nature of this agreement is different,” he said. “They will sign it in Moscow next month.”"
    )
    found = direct(quotes("Iran's ambassador to Moscow, Kazem Jalali, spoke to reporters on Tuesday. " + text))
    assert [q.text for q in found] == ["The nature of this agreement is different", "They will sign it in Moscow next month."]
    assert all(q.speaker == "Kazem Jalali" for q in found)
    assert found[0].mention == "he"


def test_partial_quote_inside_a_sentence(quotes):
    text = "Senator John Harlow dismissed the committee's long report as “fake news from start to finish” on Monday."
    found = direct(quotes(text))
    assert [q.text for q in found] == ["fake news from start to finish"]
    assert found[0].speaker == "John Harlow"


def test_colon_introduced_quote(quotes):
    text = "Anna Reyes, the mayor, wrote on Twitter: “We will rebuild every school that the storm destroyed.”"
    found = direct(quotes(text))
    assert found[0].speaker == "Anna Reyes"


def test_quoted_as_saying_gives_the_quoted_person(quotes):
    text = (
        "TASS quoted Iran's ambassador to Moscow, Kazem Jalali, as saying: "
        "“The nature of this agreement is different from the last one.”"
    )
    found = direct(quotes(text))
    assert found[0].speaker == "Kazem Jalali"
    assert "as saying" in found[0].cue


def test_role_phrase_resolves_to_the_person_named_earlier(quotes):
    text = (
        "Iran's ambassador to Moscow, Kazem Jalali, arrived in the capital on Monday.\n\n"
        "“The treaty will be signed before the end of the year,” the ambassador said."
    )
    found = direct(quotes(text))
    assert found[0].speaker == "Kazem Jalali"
    assert found[0].mention == "the ambassador"


def test_titles_are_stripped():
    assert strip_titles("Spokeswoman Maria Zakharova") == "Maria Zakharova"
    assert strip_titles("Sen. Bernie Sanders") == "Bernie Sanders"
    assert strip_titles("Spokeswoman") == "Spokeswoman"
    assert strip_titles("The Rev Josephine Calder") == "Josephine Calder"
    assert strip_titles("The Rock") == "The Rock"


def test_statement_is_attributed_to_the_organisation(quotes):
    text = "A Kremlin statement said the two leaders were likely to sign the pact during the visit."
    found = reported(quotes(text))
    assert found[0].speaker == "Kremlin"
    assert found[0].text.startswith("the two leaders were likely to sign the pact")


def test_reported_speech_with_its_speaker(quotes):
    text = "Ukraine's air force said Russia had launched 40 drones at Kyiv overnight."
    found = reported(quotes(text))
    assert [q.text for q in found] == ["Russia had launched 40 drones at Kyiv overnight"]
    assert "air force" in found[0].speaker


def test_asked_is_not_a_reporting_cue(quotes):
    text = "The reporters asked whether the minister would resign before the election."
    assert reported(quotes(text)) == []


def test_dismissed_without_a_quote_is_not_reported_speech(quotes):
    text = "The senator dismissed the report and went back to her office in the capital."
    assert quotes(text) == []


def test_speech_verb_inside_a_quote_is_not_a_cue(quotes):
    text = "“They said the bridge would be finished by the spring,” Carl Moss complained."
    found = quotes(text)
    assert reported(found) == []
    assert direct(found)[0].speaker == "Carl Moss"


def test_titles_and_scare_quotes_are_not_quotes(quotes):
    text = "She reviewed the film “A Serious Man” and called it “fine” on the radio."
    assert direct(quotes(text)) == []


def test_a_cry_in_capitals_after_a_speech_verb_is_spoken_but_a_title_is_not(quotes):
    found = direct(quotes("Olsen won five counties. She declared “What a Super Tuesday!” and thanked her staff."))
    assert [(q.text, q.speaker) for q in found] == [("What a Super Tuesday!", "Olsen")]
    assert direct(quotes("The band closed the evening with “We Will Rock You!” as the lights went down.")) == []


def test_tag_after_the_quote_is_read_by_position(quotes):
    text = "“What if the council had simply listened to the residents?” the 43-year-old asked in the video."
    found = direct(quotes(text))
    assert "43-year-old" in found[0].mention


def test_short_reply_is_a_quote_only_with_its_tag(quotes):
    found = direct(quotes("Asked who would win, the governor gave a one-word answer. “Denver,” he answered."))
    assert [q.text for q in found] == ["Denver"]
    assert direct(quotes("The fans cheered for “Denver” all night long at the stadium.")) == []


def test_untagged_quote_takes_the_speaker_of_the_sentence_before(quotes):
    text = (
        "Yet the mayor is a “change agent in a tired city,” Tom Cole said. "
        "“That is exactly what people in this city want right now.”"
    )
    found = direct(quotes(text))
    assert [q.speaker for q in found] == ["Tom Cole", "Tom Cole"]


def test_sign_off_line_under_a_quote_block(quotes):
    text = (
        "“The reality is that the port will not reopen before the summer, whatever the ministry says.\n\n"
        "Port director Jim Clyburn.”"
    )
    found = direct(quotes(text))
    assert found[0].speaker == "Jim Clyburn"


def test_signature_beside_each_quote_in_a_roundup(quotes):
    text = (
        "Readers wrote in by the hundreds after the debate.\n\n"
        "“He never answered a single question about the budget.” ― Maria Lopez, 34, Phoenix\n\n"
        "“Nobody I know is voting this year, and I do not blame them.” — Alicia Gomez\n\n"
        "\"Loved every minute of it.\" (Carl Mott, Tulsa)\n\n"
        "“I liked the way he handled the debate, even if I disagree.” -Tom Reed, retired teacher"
    )
    found = direct(quotes(text))
    assert [q.speaker for q in found] == ["Maria Lopez", "Alicia Gomez", "Carl Mott", "Tom Reed"]
    assert found[0].mention == "Maria Lopez"


def test_signature_below_each_quote_in_a_roundup(quotes):
    text = (
        "Readers wrote in by the hundreds after the debate.\n\n"
        "“He never answered a single question about the budget, not one.”\nMaria Lopez, 34, Phoenix\n\n"
        "“I liked the way he handled the debate, even if I disagree with him.”\nTom Reed, retired teacher, Ohio\n\n"
        "“Nobody I know is voting this year, and I do not blame them at all.”\n"
        "— Alicia Gomez, 55, owns a landscaping business in Dallas"
    )
    assert [q.speaker for q in direct(quotes(text))] == ["Maria Lopez", "Tom Reed", "Alicia Gomez"]


def test_a_line_with_a_verb_or_a_credit_is_not_a_signature(quotes):
    text = (
        "The council met on Monday.\n\n"
        "“My tax plan will be a tremendous plan for everyone in this city!” — is wearing thin.\n\n"
        "“We will rebuild the bridge by spring and we will do it under budget.”\n"
        "Tom Lee via Getty Images\n\n"
        "“The bridge cannot be finished before the autumn, whatever the mayor says.”\n"
        "Smith, a retired engineer, said so at the meeting."
    )
    assert [q.speaker for q in direct(quotes(text))] == [None, None, None]


def test_curly_quote_closed_by_a_straight_mark(quotes):
    text = "“If this test is confirmed, it will be the latest failure of the policy,\" he said. \"We need a new plan.\""
    found = direct(quotes(text))
    assert [q.text for q in found] == ["If this test is confirmed, it will be the latest failure of the policy", "We need a new plan."]


def test_markup_attributes_are_not_quotations():
    text = '<tweet id="672138506081275904" author="@someone" datetime="2015-12-02">Police name a suspect</tweet>'
    assert quotation_spans(text) == []


def test_partial_quote_inside_reported_speech_is_part_of_the_clause(quotes):
    text = "Hillary Clinton says Americans are “right to be angry” about the economy and the big banks."
    found = quotes(text)
    assert direct(found) == []
    assert reported(found)[0].text == "Americans are “right to be angry” about the economy and the big banks"
    assert reported(found)[0].speaker == "Hillary Clinton"


def test_a_quotation_that_is_most_of_a_reported_clause_is_also_a_direct_quote(quotes):
    found = quotes("Jeb Bush says the party is “ready to win every state this fall” despite a bruising primary.")
    assert [(q.text, q.speaker) for q in direct(found)] == [("ready to win every state this fall", "Jeb Bush")]
    assert [q.speaker for q in reported(found)] == ["Jeb Bush"]


def test_a_quotation_that_runs_on_into_its_tag_takes_any_verb_of_a_person(quotes):
    text = "“Would it be negotiable for the eleven million people already here?” Olaf Berg pressed."
    assert direct(quotes(text))[0].speaker == "Olaf Berg"
    text = "“Call the roll now, call the roll,” came loud shouts from the back of the crowded hall."
    assert [q.speaker for q in direct(quotes(text))] == [None]


def test_a_short_quotation_inside_a_definite_noun_phrase_names_a_thing(quotes):
    text = "Residents still talk about the “great storm of winter” that flooded the old harbour in 1987."
    assert direct(quotes(text)) == []
    text = "Olaf Berg called the package a “starting point for the talks” on Monday."
    assert [q.text for q in direct(quotes(text))] == ["starting point for the talks"]


def test_a_short_quotation_framed_by_a_verb_of_judgement_is_reported_speech(quotes):
    text = "Mayor Lena Ortiz decried the council for “turning its back” on the families who live along the river."
    found = quotes(text)
    assert direct(found) == []
    assert reported(found)[0].text == "the council for “turning its back” on the families who live along the river"
    assert reported(found)[0].speaker == "Lena Ortiz"


def test_a_quotation_that_is_most_of_the_phrase_stays_a_direct_quote(quotes):
    text = "Mayor Lena Ortiz slammed the plan as “reckless, costly and unfair to every family.”"
    found = quotes(text)
    assert [q.text for q in direct(found)] == ["reckless, costly and unfair to every family."]
    assert reported(found) == []


def test_a_quotation_inside_a_clause_before_its_tag_is_reported_speech(quotes):
    text = "The new law had “opened the door” to years of costly lawsuits against the city, the mayor said."
    found = quotes(text)
    assert direct(found) == []
    assert reported(found)[0].text.startswith("The new law had “opened the door” to years")


def test_an_untagged_quoted_sentence_speaks_for_the_person_just_introduced(quotes):
    text = (
        "Olaf Berg is hopeful about the talks in Geneva.\n\n"
        "“Nobody wants another winter without a deal, and both sides know it.”"
    )
    found = direct(quotes(text))
    assert found[0].speaker == "Olaf Berg"


def test_an_untagged_scare_quote_takes_no_speaker_from_the_sentence_before(quotes):
    text = "Olaf Berg is hopeful about the talks in Geneva. The so-called “winter plan” remains on the table."
    assert direct(quotes(text)) == []


def test_a_participle_of_speech_after_coordinated_verbs_reports_for_their_subject(quotes):
    found = reported(quotes("Mark Lyle flew to Ohio and met the union leaders, saying the plant would stay open."))
    assert [(q.text, q.speaker) for q in found] == [("the plant would stay open", "Mark Lyle")]


def test_the_subject_of_a_passive_verb_does_not_speak_a_quote_hung_on_it(quotes):
    found = direct(quotes("Under state law, battery is committed when a person “actually and intentionally touches "
                          "or strikes another person against the will of the other.”"))
    assert [q.speaker for q in found] == [None]


def test_according_to_reports_the_rest_of_the_clause(quotes):
    text = "The two leaders will sign the treaty in Moscow next month, according to the Foreign Ministry."
    found = reported(quotes(text))
    assert found[0].text == "The two leaders will sign the treaty in Moscow next month"
    assert "Foreign Ministry" in found[0].speaker


def test_urged_to_and_called_for_are_reported_demands(quotes):
    found = reported(quotes("Senator Ana Ruiz urged Congress to pass the budget before the summer recess."))
    assert found[0].text == "Congress to pass the budget before the summer recess"
    assert found[0].speaker == "Ana Ruiz"
    found = reported(quotes("The union called for an independent inquiry into the collapse of the bridge."))
    assert found[0].text == "an independent inquiry into the collapse of the bridge"


_TEXT = st.lists(
    st.one_of(
        st.sampled_from(list("“”\"'‘’«»„‚`\n .,:;!?-—") + ["''", " he said ", " Ana Ruiz said that "]),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=120,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_any_text_never_raises_and_offsets_are_valid(nlp, text):
    for quote in extract_quotes(nlp(text)):
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        assert quote.kind in ("direct", "reported")


def test_brief_groups_all_of_a_speakers_quotes_in_order_of_first_appearance():
    from summarise.brief import Quote
    from summarise.render import quotes_by_speaker

    said = [Quote("a", 0, 1, "Ana"), Quote("b", 2, 3, "Ben"), Quote("c", 4, 5, "Ana"), Quote("d", 6, 7, None)]
    groups = quotes_by_speaker(said)
    assert [(speaker, [q.text for q in run]) for speaker, run in groups] == [
        ("Ana", ["a", "c"]), ("Ben", ["b"]), ("unattributed", ["d"])
    ]


def test_a_surname_with_a_particle_resolves_to_the_full_name(quotes):
    text = (
        "“We had no choice,” union negotiator Marieke de Vries told reporters.\n\n"
        "De Vries said the union wanted a guarantee that no jobs would be cut before 2030."
    )
    assert {q.speaker for q in quotes(text)} == {"Marieke de Vries"}


def test_a_transcript_label_names_the_speaker(quotes):
    text = (
        "Republican vice-presidential nominee Mike Pence spoke to Chris Wallace on Sunday.\n\n"
        "“WALLACE: Will Gennifer Flowers be there tomorrow night?”\n\n"
        "“PENCE: Gennifer Flowers will not be attending the debate tomorrow night.”"
    )
    found = direct(quotes(text))
    assert [(q.speaker, q.mention) for q in found] == [("Chris Wallace", "WALLACE"), ("Mike Pence", "PENCE")]


# One direct quote, one speaker: each case is a way the speaker is named.
SPEAKER_CASES = [
    pytest.param(
        "“The talks will continue in Vienna next week,” Spokeswoman Maria Zakharova told reporters.",
        'Maria Zakharova',
        id="title_is_stripped_from_the_speaker",
    ),
    pytest.param(
        "“The border will stay closed for at least a week,” according to Colonel Ivan Petrov.",
        'Ivan Petrov',
        id="according_to",
    ),
    pytest.param(
        "As Akhil Amar, a law professor at Yale, put it, “A compromise candidate today may be far better for them.”",
        'Akhil Amar',
        id="put_it_introduces_a_quote",
    ),
    pytest.param(
        "''She needs one or two big ideas that match the problems,'' said Robert Reich, who served as labor "
        "secretary and later endorsed another candidate.",
        'Robert Reich',
        id="inverted_tag_with_a_long_name",
    ),
    pytest.param(
        "Ben Carson: Hillary Clinton ‘Not Fit To Serve As President Of The United States.’\n\nThe rest follows.",
        'Ben Carson',
        id="name_before_a_colon_in_a_headline",
    ),
    pytest.param(
        'The exchange went on.\n\nRep. Trey Gowdy (R-S.C.):"I have not heard anyone other than you ever cite that figure."',
        'Trey Gowdy',
        id="transcript_heading_names_the_speaker",
    ),
    pytest.param(
        "Anna Reyes wrote on Twitter: “We will rebuild every school that the storm destroyed.”",
        'Anna Reyes',
        id="verb_before_the_colon_speaks_not_the_name",
    ),
    pytest.param(
        "Hours later, Donald Trump praised his rival, telling Reuters, “He is an amazing man and a good friend.”",
        'Donald Trump',
        id="telling_an_outlet_is_not_the_outlet_speaking",
    ),
    pytest.param(
        "Richard Viguerie is upbeat about Ted Cruz's chances in November. "
        "“He is the one with the best chance of winning,” he said.",
        'Richard Viguerie',
        id="pronoun_prefers_the_person_last_named_as_a_subject",
    ),
    pytest.param(
        "Jane Moreno told reporters that the budget “would ruin every family in the state,” echoing critics "
        "who have complained about it for years.",
        'Jane Moreno',
        id="a_speech_verb_of_a_relative_clause_is_not_the_cue",
    ),
    pytest.param(
        "Governor Tom Hale called the plan “a reckless gamble with our children's future,” siding with teachers "
        "who said it went too far.",
        'Tom Hale',
        id="the_verb_whose_phrase_holds_the_quote_is_the_cue",
    ),
    pytest.param(
        'Riyadh answered its critics on Thursday. "Today, the kingdom is one of the leading nations in combating '
        'terrorism," the Saudis state in the white paper, which was being shared with lawmakers.',
        'Saudis',
        id="a_speech_verb_tagged_as_a_noun_in_the_tag",
    ),
    pytest.param(
        "The newspaper was blunt. “If she wants to be the next president, she should act like one and come to "
        "Louisiana,” the editorial read.",
        'editorial',
        id="a_tag_whose_verb_and_noun_are_both_mistagged",
    ),
    pytest.param(
        "The senator sat down with Rachel Maddow on Monday.\n\n“Would it be negotiable about the 11 million?” "
        "Maddow pressed.",
        'Rachel Maddow',
        id="any_verb_tags_a_quote_for_a_surname_named_earlier",
    ),
    pytest.param(
        "On Thursday, Elena Ward appeared with the governor and officially endorsed Paula Grant, saying, “I think "
        "having a fighter in the lead is exactly what this country needs.”",
        'Elena Ward',
        id="a_participle_takes_the_subject_shared_by_coordinated_verbs",
    ),
    pytest.param(
        "If Russia is behind the hacks, as many researchers believe but Moscow strongly denies, “why wouldn’t you "
        "want to raise the potential for tampering?” asked Anita Dunn, now a partner at a consulting firm.",
        'Anita Dunn',
        id="an_inverted_tag_right_after_the_quote_beats_a_speech_verb_before_it",
    ),
    pytest.param(
        "Joe Walsh spoke first. “I think it has been most surprising to see him traffic in prejudice,”Hillary "
        "Clinton said.",
        'Hillary Clinton',
        id="a_closing_mark_glued_to_the_tag",
    ),
    pytest.param(
        "The listing was replaced on Thursday by a message that said, “Sorry, but the item you have requested is "
        "no longer in the system.”",
        'message',
        id="a_relative_clause_verb_right_before_the_quote_is_its_cue",
    ),
    pytest.param(
        "The debate moved on.\n\nPaul Ryan said,“Look, these images have no place in a presidential campaign.”",
        'Paul Ryan',
        id="an_opening_mark_glued_to_the_quote",
    ),
]


@pytest.mark.parametrize("text, speaker", SPEAKER_CASES)
def test_the_speaker_of_a_quote(quotes, text, speaker):
    assert direct(quotes(text))[0].speaker == speaker


def test_a_phrase_of_whitespace_alone_is_not_a_framed_quotation(nlp):
    """A verb whose only right-hand dependent is a no-break space (seen in scraped pages)."""
    import spacy.tokens

    from summarise.reported import _framed_quotation

    doc = spacy.tokens.Doc(nlp.vocab, words=["Critics", "mocked", "\xa0"], spaces=[True, False, False],
                           heads=[1, 1, 1], deps=["nsubj", "ROOT", "dobj"], lemmas=["critic", "mock", "\xa0"])
    assert _framed_quotation(doc[1], [(0, 3)]) is None


CUE_CHOICE_CASES = [
    pytest.param(
        "Ortiz told the Herald that the mayor “had no plan for the flooded neighbourhoods,” adding, “She waited "
        "three weeks before she even visited them.”",
        "Ortiz",
        id="a_speech_participle_on_a_reported_clause_speaks_for_the_reporter",
    ),
    pytest.param(
        "Ortiz said the budget was drafted by the finance office and said, “Who do you think signs off on it?”",
        "Ortiz",
        id="a_speech_verb_coordinated_with_a_reported_clause_speaks_for_the_reporter",
    ),
    pytest.param(
        "Senator Hale said the bill would hand money to insurers, and called it “the worst piece of legislation "
        "this chamber has passed.”",
        "Hale",
        id="a_naming_verb_coordinated_with_a_reported_clause_speaks_for_the_reporter",
    ),
    pytest.param(
        "After the governor criticized the union, Delgado fired back: “He has never once sat down with our members.”",
        "Delgado",
        id="a_cue_in_a_clause_setting_the_scene_does_not_introduce_the_quote",
    ),
    pytest.param(
        "At the rally, Ortiz went on to call Fenwick “the most dishonest man ever to run for this office.”",
        "Ortiz",
        id="the_object_of_an_infinitive_cue_is_not_its_speaker",
    ),
    pytest.param(
        "Sen. Mara Hale blasts Fenwick, praises Ortiz as 'a true public servant.'",
        "Mara Hale",
        id="the_object_of_a_verb_of_judgement_is_not_its_speaker",
    ),
]


MISSED_CUE_CASES = [
    pytest.param(
        "Bill Skelly, a veteran data adviser, praised the new hires.\n\n“Having people who understand the voter "
        "file is very valuable,” said Skelly, explaining he had worked with both of them.",
        "Skelly",
        id="a_surname_the_tagger_read_as_an_adverb_in_an_inverted_tag",
    ),
    pytest.param(
        "George Will has long opposed the candidate.\n\n“The nominating process could send a commander in chief "
        "to Washington without any experience at all,” Will wrote.",
        "Will",
        id="a_surname_the_tagger_read_as_a_modal",
    ),
    pytest.param(
        "Clinton’s response was: “Is the gift shop open on Sundays?”",
        "Clinton",
        id="the_owner_of_a_noun_of_speech_the_quote_is",
    ),
    pytest.param(
        "Barrett’s dictum to his interns was, “It is not a good story if nobody complains about it.”",
        "Barrett",
        id="the_owner_of_a_dictum",
    ),
    pytest.param(
        "Estimates of engagement are particularly problematic - Pew Research: “All the samples evaluated include "
        "more engaged individuals than benchmark sources indicate.”",
        "Pew Research",
        id="a_roundup_source_the_tagger_did_not_name",
    ),
    pytest.param(
        "Turnout matters a great deal - More from the report: “Online vendors condition their samples on many "
        "variables to look representative.”",
        "report",
        id="a_roundup_more_from_line",
    ),
    pytest.param(
        "Ted Cruz spoke first. Mark Cuban went on to call Cruz “the absolutely worst politician in the state of "
        "Texas today.”",
        "Mark Cuban",
        id="who_is_called_a_name_is_not_its_speaker",
    ),
]


@pytest.mark.parametrize("text, speaker", CUE_CHOICE_CASES)
def test_the_cue_and_subject_chosen_for_a_quote(quotes, text, speaker):
    assert direct(quotes(text))[-1].speaker == speaker


def test_of_two_subjects_the_parse_gives_a_verb_the_nearest_speaks(nlp):
    """"Speaking in Salem, New Hampshire, Trump went after Bush", parsed with the state as a
    second subject of "went"."""
    import spacy.tokens

    from summarise.cues import subject_of
    from summarise.speakers import Speakers

    words = ["Speaking", ",", "Hampshire", ",", "Trump", "went", "after", "Bush"]
    doc = spacy.tokens.Doc(nlp.vocab, words=words, spaces=[False, True, False, True, True, True, True, False],
                           heads=[5, 5, 5, 5, 5, 5, 5, 6],
                           deps=["advcl", "punct", "nsubj", "punct", "nsubj", "ROOT", "prep", "pobj"])
    assert subject_of(doc[5], Speakers(doc, [])).text == "Trump"


@pytest.mark.parametrize("text, speaker", MISSED_CUE_CASES)
def test_the_speaker_where_the_parse_missed_the_cue(quotes, text, speaker):
    """A cue the parser misread, or a quotation framed as someone's words, still names the speaker."""
    assert direct(quotes(text))[0].speaker.endswith(speaker)


def test_a_partial_quote_in_a_complement_clause_is_the_subject_of_the_verb_above(quotes):
    """"Ryan worried that the safety net was becoming “…”": the worry, and the words, are Ryan's."""
    text = ("In the depths of the recession, Senator Paul Ryan worried that the safety net was becoming “a hammock "
            "that lulls able-bodied people into dependency.”")
    assert [q.speaker for q in direct(quotes(text))] == ["Paul Ryan"]


def test_reported_speech_inside_a_reported_clause_does_not_take_over_the_next_quote(quotes):
    """The critics are only what Ostrova talks about; the quote after her clause is still hers."""
    text = ("Defense Secretary Lena Ostrova said that for years some critics had been predicting a withdrawal from "
            "the region, but this would not happen.\n\n“That is because this region remains the most important one "
            "for our own security and prosperity.”")
    assert [q.speaker for q in direct(quotes(text))] == ["Lena Ostrova"]


def test_who_of_a_second_relative_clause_is_the_person_the_clauses_describe(quotes):
    """"…, a state senator whose district … but who suggested …": "who" is Lopez, not Clinton."""
    text = ("Maria Lopez, a state senator whose district went strongly for Clinton but who suggested that Sanders "
            "could win, spoke first. “In my district, he could get people who never vote to come out.”")
    assert {q.speaker for q in quotes(text)} == {"Maria Lopez"}


def test_a_colon_intro_speaks_through_its_main_verb_not_a_clause_that_sets_the_scene(quotes):
    """"apologized for what happened:": the one apologizing speaks, not "what"."""
    text = ("Senator Ruth Adler has since apologized for what happened: “I should have checked the figures before "
            "I spoke, and I am sorry.”")
    assert [q.speaker for q in direct(quotes(text))] == ["Ruth Adler"]


def test_a_name_after_a_preposition_before_a_colon_is_where_not_who(quotes):
    """"Then, two weeks later on CNN:" sets the scene for Dale's words; "More from Jones:" names the speaker."""
    text = ("Mark Dale told CBS in May that the deal was a mistake.\n\nThen, two weeks later on CNN: “I have never "
            "said that the deal was a mistake, not once.”")
    assert [q.speaker for q in direct(quotes(text))] == ["Mark Dale"]
    text = ("The council met on Monday.\n\nMore from Jones: “The partisanship of the state is only a starting point "
            "in determining its likely vote.”")
    assert [q.speaker for q in direct(quotes(text))] == ["Jones"]


def test_a_speech_verb_of_a_relative_clause_in_the_sentence_before_does_not_hand_on_the_floor(quotes):
    """The callers only describe the appearance; the untagged quote after it is Greer's."""
    text = ("Hal Greer often mentions a radio appearance during which callers asked how much he was getting. "
            "“I make my own money. I run a five-star business.”")
    assert [q.speaker for q in direct(quotes(text))] == ["Hal Greer"]


def test_an_apostrophe_with_no_closing_mark_after_it_does_not_swallow_the_quotes(quotes):
    text = ("Mr. Hale, who has sold boats since the late '80s, doubts the new marina will last: \"Once the "
            "winter storms come, it won't make it,\" Hale said. \"The demand isn't there.\"")
    assert [q.text for q in direct(quotes(text))] == ["Once the winter storms come, it won't make it", "The demand isn't there."]


def test_a_headline_credited_to_its_writer_is_not_a_quotation(quotes):
    text = ("LONG READS:\n\n—\"City council weighs a ban on leaf blowers in residential areas,\" by the Herald's "
            "Dana Ortiz: http://example.com/1.\n\n—\"Ferry riders face another fare increase next spring,\" by "
            "Transit Weekly's Sam Reyes.")
    assert direct(quotes(text)) == []


@pytest.mark.parametrize("text, speaker", [
    ("The Holt campaign sent out a press release saying Greer owes “the voters an explanation for his vote against "
     "the flood funding.”", "Holt campaign"),
    ("Mayor Ann Holt released a video that said, “We will not let this plant close without a fight from every one "
     "of us.”", "Ann Holt"),
    ("A fundraising email sent out by Senator Paul Greer on Monday warned: “Our opponents have spent twice what we "
     "have in the last month alone.”", "Paul Greer"),
    ("The Tribune ran a piece that noted the budget “leaves the county with no reserve for the next flood season.”",
     "Tribune"),
])
def test_a_document_speaks_for_whoever_issued_it(quotes, text, speaker):
    """"sent out a press release saying", "released a video that said", "an email sent out by X":
    the words are the issuer's, not the document's."""
    assert [q.speaker for q in direct(quotes(text))] == [speaker]


def test_a_cited_document_speaks_for_itself(quotes):
    """Citing passes on someone else's words: in "Greer cited a report saying …" Greer is not the speaker."""
    text = "Greer cited a report saying the plant “would lose money every single year for the next decade.”"
    assert [q.speaker for q in direct(quotes(text))] == ["report"]


def test_the_subject_of_a_passive_speech_verb_is_who_was_spoken_to(quotes):
    """"Park was asked, “…?”": the question is not Park's; "told by his aides" names who spoke.
    The quote after "Park was asked about the bill." is Park's answer."""
    text = "In an interview on Sunday, Governor Lee Park was asked, “Would you sign the bill if it reached your desk?”"
    assert [q.speaker for q in direct(quotes(text))] == [None]
    text = "Governor Lee Park was told by his aides that the bill would fail in the Senate next week."
    assert [q.speaker for q in reported(quotes(text))] == ["his aides"]
    text = "Governor Lee Park had been told that the bill would fail in the Senate next week."
    assert [q.speaker for q in reported(quotes(text))] == [None]
    text = ("Governor Lee Park was asked about the bill on Sunday. “I will sign it the day it reaches my desk, and not "
            "a day later.”")
    assert [q.speaker for q in direct(quotes(text))] == ["Lee Park"]


def test_the_subject_of_is_reported_to_have_said_did_the_speaking(quotes):
    """"Cole is reported to have called the deal “…”": the words are Cole's."""
    text = "Senator Ann Cole is reported to have called the deal “a gift to the banks and a bill for everyone else.”"
    assert [q.speaker for q in direct(quotes(text))] == ["Ann Cole"]


@pytest.mark.parametrize("text, speaker", [
    ("''I'm more skilled with my hands than I am with my head,'' said Tom Ruiz, half joking.", "Tom Ruiz"),
    ("“How tall is that wall going to be?” asked the girl, as the crowd laughed and applauded.", "girl"),
])
def test_an_inverted_tag_the_parse_lost_is_read_by_position(quotes, text, speaker):
    """"…," said Ruiz, half joking: the cue right after the quote speaks, even where the parser
    gave its name to another verb; the crowd that laughed did not ask."""
    assert [q.speaker for q in direct(quotes(text))] == [speaker]


def test_continue_with_a_verb_of_its_own_says_nothing(quotes):
    """"will continue to be “…”" is Park's prediction, not Ruiz speaking; "continues to battle"
    reports no speech."""
    text = ("Governor Lee Park said she is certain Ruiz will continue to be “a strong voice for the working families "
            "of this state.”")
    assert [q.speaker for q in direct(quotes(text))] == ["Lee Park"]
    text = "As the protest movement continues to battle the city council, the mayor has stayed quiet about the plan."
    assert reported(quotes(text)) == []


def test_a_statement_a_participle_describes_is_the_words_of_whoever_issued_it(quotes):
    """"Ruiz released a statement saying …": the statement says it, but the words are Ruiz's."""
    text = "Mayor Ana Ruiz released a statement saying that the council had let down every family in the district."
    assert [(q.kind, q.speaker) for q in quotes(text)] == [("reported", "Ana Ruiz")]


def test_a_quote_signed_with_a_dash_under_it_is_the_named_persons(quotes):
    """A fact-check's "- Okafor." line signs the quotation above it, even where the tagger misses the name."""
    text = ('"I wrote the law that brought the clinic to our county, and I am proud of it."\n\n- Okafor.\n\n'
            "Okafor overstates his role: he wrote one amendment.")
    assert [q.speaker for q in direct(quotes(text))] == ["Okafor"]


def test_a_surname_with_an_inner_capital_is_the_person_named_in_full_earlier(nlp):
    """"LeVell" after "Bruce LeVell" is a person even where the tagger gave it no label."""
    import spacy.tokens

    from summarise.speakers import Speakers

    words = ["Bruce", "LeVell", "spoke", ".", "LeVell", "assured", "them", "."]
    doc = spacy.tokens.Doc(nlp.vocab, words=words, ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"],
                           sent_starts=[True, False, False, False, True, False, False, False])
    assert Speakers(doc, []).is_person(doc[4])


@pytest.mark.parametrize(
    "text",
    [
        'A man wearing a "Keep our streets safe for the children" hat walked past the mayor.',
        'Good reporting can still beat rumour, but usually only when "the facts are more exciting than the fiction."',
    ],
)
def test_a_partial_quote_is_not_the_words_of_a_subject_that_holds_it_or_of_a_clause_beside_it(quotes, text):
    """The man wearing the slogan does not say it; nor does "Good reporting" say the clause coordinated with its own."""
    assert [q.speaker for q in direct(quotes(text))] == [None]


def test_a_partial_quote_in_someones_claim_is_theirs(quotes):
    """"her claim that she “…”": the claim, and the words, are hers, not the comments' that came after it."""
    text = ("Senator Ana Ruiz spoke for an hour. The comments came in answer to a question about her claim that she "
            '"never sent or received classified information" by email.')
    assert [q.speaker for q in direct(quotes(text))] == ["Ana Ruiz"]


def test_a_subjectless_said_speaks_for_the_person_named_before_it(quotes):
    """The parser reads Warren as an apposition of the date; "said" then has no subject, but Warren speaks."""
    text = ("But in a conference call with reporters on Dec. 2, Col. Steven H. Warren, a military spokesman in "
            'Baghdad, said, "I mean, a raid is a combat operation. There is no way around that."')
    assert [q.speaker for q in direct(quotes(text))] == ["Steven H. Warren"]


def test_a_subjectless_said_speaks_for_the_role_noun_read_as_an_apposition(quotes):
    """The parser hangs "official" on "team" as an apposition; "said" has no subject, but the official speaks."""
    text = ("Although there is no such overlap with Lindqvist's team, a city hall official who spoke anonymously to "
            'discuss internal strategy said Wednesday, "Certainly there are talks between the mayor and the campaign."')
    assert [q.mention for q in direct(quotes(text))] == ["a city hall official"]


def test_a_second_speakers_while_clause_is_not_the_first_speakers_reported_speech(quotes):
    """"Haugen said …, while Saldana told reporters that …": Saldana's words are hers."""
    text = ("Both campaigns claimed victory afterward. Kessel's campaign manager, Brett Haugen, said his candidate had "
            'shown "command of the issues," while Abernathy-Cole\'s communications director, Priya Saldana, told '
            'reporters that voters had now seen the questionnaire and that it "speaks for itself."')
    found = reported(quotes(text))
    assert [(q.text.split()[0], q.speaker) for q in found] == [("his", "Brett Haugen"), ("that", "Priya Saldana")]
    assert "Saldana" not in found[0].text


def test_said_in_a_statement_that_then_a_participle_is_the_speakers_going_on(quotes):
    """"Brenner said in a statement that a delay was overdue, calling it “…”": the parser hangs
    the clause on "statement" and "calling" on the clause; both are Brenner's, and the mention
    keeps its closing bracket."""
    text = ("Republicans, who opposed the rule, welcomed the possibility. Rep. Todd Brenner (R-Ind.) said in a "
            'statement that a delay was overdue, calling it "the first sensible thing the department has done on '
            'this issue," though he added that he would prefer the rule be scrapped entirely.')
    found = quotes(text)
    assert [(q.kind, q.text.split()[:3], q.speaker) for q in found][:2] == [
        ("reported", ["that", "a", "delay"], "Todd Brenner"), ("direct", ["the", "first", "sensible"], "Todd Brenner")]
    assert found[0].mention == "Rep. Todd Brenner (R-Ind.)"


def test_a_topic_fronted_before_the_speaker_is_no_part_of_the_name(quotes):
    """"Of Carson, Levine, who …, said": the parser may make "Of" the subject; Levine speaks."""
    text = ("“He is funny,” New York attorney Eric Levine said of the candidate. Of Carson, Levine, who has given "
            "money to Rubio, said, “He is flat-out scary. I think he is a wonderful man.”")
    found = direct(quotes(text))
    assert [(q.speaker, q.mention) for q in found] == [("Eric Levine", "New York attorney Eric Levine"), ("Eric Levine", "Levine")]


def test_who_hung_on_a_place_in_a_description_is_the_person_described(quotes):
    """The parser hangs "who said" on "Englewood"; a place is no "who": Berger said it. The
    mention stops before the relative clause of a noun inside it."""
    text = ("“That may worry people in the community,” said Alan Berger, a doctor from Englewood, New Jersey, "
            "who said he is friendly with the family.")
    found = quotes(text)
    assert [(q.kind, q.speaker) for q in found] == [("direct", "Alan Berger"), ("reported", "Alan Berger")]
    assert found[0].mention == "Alan Berger, a doctor from Englewood, New Jersey"


def test_issuing_a_statement_hands_on_the_floor_and_a_cue_inside_a_relative_clause_does_not(quotes):
    """The staff only describe the emails; the statement the Alliance issued is the quote after it."""
    text = ("The Harbor Alliance issued a statement apologizing to the mayor for the emails, which included staff "
            "members suggesting someone should question her record.\n\n\"On behalf of everyone at the alliance, we "
            'offer a deep and sincere apology to the mayor and her family."')
    assert [q.speaker for q in direct(quotes(text))] == ["The Harbor Alliance"]


def test_a_clause_after_a_comma_in_the_tag_is_an_aside_not_a_new_statement(quotes):
    """"“…?” Mr. Okafor asked, repeating a charge - that …": the tag is still Okafor's."""
    text = ('"What does that mean, he kept the city safe after the flood?" Mr. Okafor asked, repeating a charge - '
            "that the mayor was responsible for the damage of 2011 - that he made in Saturday's debate.")
    assert [q.speaker for q in direct(quotes(text))] == ["Okafor"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("On Thursday, Cruz won an endorsement from Senator Dale Hutton, who declared in the spin room, "
         "\"I'm sending the signal that it's time to unite.\"", "Dale Hutton"),
        ("And although the governor lamented her tendency to make gaffes - \"does she have to keep giving them so "
         "much ammunition?\" - voters in Iowa who watched the debate said they were unfazed.", "governor"),
    ],
)
def test_a_quote_right_after_a_speech_verbs_phrase_and_a_comma_or_dash_is_its(quotes, text, speaker):
    """The lead-in "who declared in the spin room," introduces the quote however the parser attached it."""
    assert [q.speaker for q in direct(quotes(text))] == [speaker]


OTHER_GENDER_CASES = [
    ("Maria Lopez, a nurse at the clinic, watched as Mr. Tran spoke to the crowd. “He never listens to us,” she said.",
     "Maria Lopez"),
    ("The council chairman, Ed Malone, said Ms. Ferris had misled the board. “She knew about the shortfall for months,” "
     "he said.", "Ed Malone"),
]


@pytest.mark.parametrize("text, speaker", OTHER_GENDER_CASES)
def test_a_pronoun_does_not_stand_for_a_person_of_the_other_gender(quotes, text, speaker):
    """"she" is not Mr. Tran, "he" not Ms. Ferris: the title tells, so the pronoun goes on back."""
    assert [q.speaker for q in direct(quotes(text))] == [speaker]


def test_a_pronoun_stands_for_the_main_clause_subject(quotes):
    """"Reid said that Sand had energized voters. He added": the one saying, not the one said about."""
    text = ("Harold Reid said that Bernard Sand had energized a lot of young voters. He added, “What I am so impressed "
            "with is that we have these new people.”")
    assert [q.speaker for q in direct(quotes(text))] == ["Harold Reid"]


def test_a_pronoun_follows_the_same_pronoun_back_to_its_name(quotes):
    """The "he" who endorsed Ruiz is Kern, two sentences back; so is the "he" who then speaks."""
    text = ("Paul Kern, a former union leader, had close ties to the mayor. But on Sunday he endorsed Janet Ruiz for "
            "the seat.\n\n“She is the one the city needs now,” he said.")
    assert [q.speaker for q in direct(quotes(text))] == ["Paul Kern"]


@pytest.mark.parametrize("role, speaker", [("the vice president", "Dana Holt"), ("the president", "Omar Reyes")])
def test_a_role_noun_stands_for_the_person_who_holds_that_office(quotes, role, speaker):
    """"the vice president" is Holt, who was given that office, not President Reyes, and the other way round."""
    text = f"Vice President Dana Holt and President Omar Reyes met on Monday. “We agreed on the budget,” {role} said."
    assert [q.speaker for q in direct(quotes(text))] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("The senator hired a lawyer, Kim Sato, last spring. “The filing is complete and was made on time,” the lawyers "
     "said.", "lawyers"),
    ("Kim Sato, an adviser to the governor, declined to comment. “He is furious about the vote,” said one longtime "
     "adviser.", "one longtime adviser"),
])
def test_several_or_unnamed_holders_of_a_role_are_not_the_one_named(quotes, text, speaker):
    """"the lawyers" are several, "one longtime adviser" is someone left unnamed: neither is Kim Sato."""
    assert [q.speaker for q in direct(quotes(text))] == [speaker]


def test_according_to_a_quoted_title_is_a_source_but_one_inside_a_quotation_is_not(quotes):
    """"according to the “Care for Everyone” document" names a source; "according to everyone I know"
    inside Ms. Park's quotation is her wording, not the quote's source."""
    reported = quotes("The plan would cost about $2 trillion a year, according to the “Care for Everyone” document "
                      "the senator released.")
    assert [(q.kind, q.cue) for q in reported] == [("reported", "according to")]
    assert "document" in reported[0].mention
    said = quotes("“The mayor lied to us, according to everyone I know,” Ms. Park said.")
    assert [(q.speaker, q.cue) for q in direct(said)] == [("Park", "said")]


def test_a_mark_that_ends_markup_opens_no_quotation():
    """The '"' closing an attribute before '>' (here left on its own line) is markup, not the start of a quote."""
    text = '<tweet tweet-author="@someone" tweet-date="March 9, 2016\n">Stands are empty at the rally tonight</tweet>'
    assert quotation_spans(text) == []


def test_a_curly_opener_followed_by_a_space_still_opens(quotes):
    """“ can only open, so ‘saying, “ you have…’ is a quotation despite the stray space."""
    text = "The ad then shows the governor saying, “ you have to give them a path to get here,” before it ends."
    assert [q.text for q in direct(quotes(text))] == ["you have to give them a path to get here"]


@pytest.mark.parametrize("text, said", [
    ("When the mayor walked in, a man near the door yelled, “Go home!” and the crowd went quiet.",
     [("Go home!", "yelled")]),
    ("Asked whether he would run again, Mr. Ortiz said, “We’ll see,” and left the room.", [("We’ll see", "said")]),
    ("Mr. Ortiz testified “dozens” of files were missing from the archive.", []),
    ("Critics called the new stadium “a folly.”", []),
])
def test_a_short_quotation_spoken_after_its_verb_is_a_quote(quotes, text, said):
    """A two-word reply is words someone said when a speech verb introduces it whole; a word the
    sentence runs on from, or the name a naming verb gives a thing, stays the reporter's wording."""
    assert [(q.text, q.cue) for q in direct(quotes(text))] == said


@pytest.mark.parametrize("text, speaker", [
    ("Maria Lopez ran for mayor in 2010. After Tom Reed mocked her plan, Lopez shot back, “I suppose I could have "
     "stayed home, but I chose to fight for the roads.”", "Maria Lopez"),
    ("After Governor Tom Reed criticized Bill Lopez during a debate, Maria Lopez shot back, “I suppose I could have "
     "chosen to bake cookies and have teas, but I chose to fulfill my profession.”", "Maria Lopez"),
])
def test_a_bare_clause_and_a_comma_before_a_quote_hand_it_to_that_person(quotes, text, speaker):
    """"Lopez shot back, “…”": a person doing anything just before the quote speaks it, even
    with a verb that is no speech verb and a scene set before it."""
    assert [q.speaker for q in direct(quotes(text))] == [speaker]


def test_a_quoted_subhead_is_the_speaker_of_the_same_words_below_not_of_the_paragraph_above(quotes):
    """A section head quoting words the article quotes in full further down is that speaker's:
    'We are running out of time!' is Omar Diaz's, not Dana Cole's, whose quote comes just before."""
    text = ("“We need more buses,” said Dana Cole, a commuter from Elm Park.\n\n'We are running out of time!'\n\n"
            "The council meets again in May. Its members are split on the budget.\n\n"
            "“We are running out of time!” said Omar Diaz, the head of the transit board.")
    assert [q.speaker for q in direct(quotes(text))] == ["Dana Cole", "Omar Diaz", "Omar Diaz"]


@pytest.mark.parametrize("text, speaker", [
    ("“We are going to win so much,” Ron Tate said at his victory party, two hours after news outlets declared him "
     "the winner of the race. “You are going to be so happy.”", "Ron Tate"),
    ("“We were hit hard downtown,” Ana Ruiz said, with a passion that suggested the question was out of line. “I did "
     "spend a lot of time helping them rebuild.”", "Ana Ruiz"),
])
def test_reported_speech_in_the_rest_of_a_quotes_sentence_does_not_take_over_the_next_quote(quotes, text, speaker):
    """What the outlets declared or a passion suggested is an aside of the tag: the quote after it
    is still the tagged speaker's."""
    assert [q.speaker for q in direct(quotes(text))] == [speaker, speaker]


def test_a_relative_clause_inside_a_tag_after_the_quote_is_skipped(quotes):
    """", who was not authorized to speak on the record," sits between the speaker and "told" in
    the tag: its verbs are no cue and it does not count towards how far the tag may reach."""
    text = ("The talks dragged on. “The negotiators are under a lot of pressure and are busting a–,” an intelligence "
            "source, who was not authorized to speak on the record, told Reuters.")
    assert [(q.mention, q.cue) for q in direct(quotes(text))] == [("an intelligence source", "told")]


@pytest.mark.parametrize("text, speaker", [
    ("Soon “he started looking into the idea that the agency knew more,” Laura Finch says. And it threw her brother "
     "for a loop. “Pete has done a lot of changing since the crash.”", "Laura Finch"),
    ("“We are running a fair race,” Laura Finch says. Her rival, Tom Hale, has spent millions on ads. “Voters will "
     "see through all of that money in the end.”", None),
])
def test_a_quoted_sentence_keeps_its_paragraphs_speaker_until_another_person_is_named(quotes, text, speaker):
    """A sentence of the reporter's between two quotes of one paragraph leaves the floor to the first
    speaker, unless it names someone else as its subject: then whose the quote is stays open."""
    assert [q.speaker for q in direct(quotes(text))] == ["Laura Finch", speaker]


def test_opined_is_a_speech_verb(quotes):
    """"…," opined the Plain Dealer: an editorial's tag, not the previous sentence's speaker."""
    text = ("Editorial pages, including the Tribune, warned of chaos. \"Gun owners should leave their weapons at "
            "home,\" opined Cleveland's Plain Dealer.")
    assert [(q.speaker, q.cue) for q in direct(quotes(text))] == [("Plain Dealer", "opined")]


@pytest.mark.parametrize("text", [
    "Maria Lopez runs the county party. But the ads have worked. Turnout “will be very low this year,” she says.",
    "Maria Lopez runs the county party. Ann Ward “will be very strong this year,” she says.",
])
def test_the_subject_of_a_quoted_clause_is_not_the_pronoun_that_reports_it(quotes, text):
    """"Ann Ward “will be …,” she says": she talks about Ward; she is the person named before."""
    assert [q.speaker for q in direct(quotes(text))] == ["Maria Lopez"]


def test_a_bare_noun_phrase_and_any_verb_after_a_quote_that_runs_on_is_its_tag(quotes):
    """""…?" the moderator pressed": the one pressing asks, person or not; a relative clause after
    the quote (", which allows …") is the reporter's sentence going on, not a tag."""
    text = ("The debate turned to taxes. \"Will you raise taxes on the middle class next year?\" the moderator pressed.\n\n"
            "The state passed a law on \"who may use which public bathroom in schools,\" which allows owners to decide.")
    found = direct(quotes(text))
    assert (found[0].mention, found[0].cue) == ("the moderator", "pressed")
    assert found[1].mention != "which" and found[1].cue != "allows"


def test_a_quote_the_parser_left_unattached_hangs_on_no_verb(quotes):
    """The parser ties the chant to "rained" with no relation it can name ("dep"): the boos did not
    chant it, and the sentence says who did only in a way the parse lost, so no speaker is guessed."""
    text = ("Boos rained down when Trump mentioned her, and at one point the crowd loudly reprised the caustic chant "
            "\"Lock her up! Lock her up!\" that ricocheted through the arena throughout the week.")
    assert [q.speaker for q in direct(quotes(text))] == [None]


def test_a_curly_quotation_inside_a_straight_one_does_not_close_it():
    """"Gov. Hale defended the “Build it now!” slogan as a rallying cry." — the ” ends the slogan
    quoted inside the passage, not the passage."""
    text = "\"Gov. Hale defended the “Build it now!” slogan as a rallying cry for the valley,\" Ruiz wrote."
    assert [text[s.inner_start : s.inner_end] for s in quotation_spans(text)] == [
        "Gov. Hale defended the “Build it now!” slogan as a rallying cry for the valley,"
    ]


def test_a_title_with_a_subtitle_is_a_title_at_any_length(quotes):
    """A book named in the reporter's sentence is no one's words, however long its subtitle."""
    text = ("The account comes from Mary Cole's book “Harbor Lights: Tom Reyes and the Long Fight for the Port of "
            "Santa Rosa,” published in May. “He never gave up,” Cole said.")
    assert [q.text for q in direct(quotes(text))] == ["He never gave up"]


def test_the_reported_clause_after_the_verb_wins_over_a_clause_set_before_it(quotes):
    """"…, during which he also talked about his family, Ortiz noted that he was “very confident”
    about …": what Ortiz noted is the clause after the verb, with its partial quote, even where
    the parser also hangs the aside before the verb on it as a clause."""
    text = ("Chatting with reporters on the bus, during which he also talked about his family, Ortiz noted that he "
            "was \"very confident\" about winning the county next week.")
    found = quotes(text)
    assert [q.text for q in reported(found)] == [
        "that he was \"very confident\" about winning the county next week"
    ]
    assert direct(found) == []


@pytest.mark.parametrize("text, speaker", [
    ("Radio host Glenn Lowry spoke in Dallas on Friday.\n\nWhen a man in the back shouted, “Kasich,” Lowry joked, "
     "again using a thick Texas accent, “Well, brother! Come on up and get saved!”", "Glenn Lowry"),
    ("As the crowd began to boo, Garcia was joined on stage by Minnesota Sen. Tom Hale and joked, “Bernie or Bust "
     "people, you’re being silly,” drawing loud jeers.", "Garcia"),
    ("Party leaders have a plan for the county. \"We need a win here. How do we win here?’\" Will Ramirez, the "
     "chairman for the county, said of a meeting he had with Trump.", "Will Ramirez"),
])
def test_a_name_the_parser_misread_around_the_cue_still_speaks(quotes, text, speaker):
    """A name read as a compound of its verb ("Lowry joked") or as a modal ("Will Ramirez … said")
    speaks; a quotation's first word after "joked, “" is no subject put after its verb."""
    assert direct(quotes(text))[-1].speaker == speaker


def test_a_relative_clause_without_a_relative_word_does_not_introduce_the_quote(quotes):
    """"Nothing the president said “…,” the senator said": what the president said is "nothing";
    the quote is the senator's. "a video in which Ross said: “…”" still introduces it."""
    text = ("Sen. Ruth Alder said Obama failed to address concerns. Nothing the president said \"will reassure "
            "anybody,\" the Texas senator said. The mayor released a video in which Dale Ross said: “We are not "
            "going anywhere. This is our town.”")
    assert [(q.mention, q.speaker) for q in direct(quotes(text))][1:] == [("Dale Ross", "Dale Ross")]
    assert direct(quotes(text))[0].mention == "the Texas senator"


def test_a_full_stop_the_parser_ran_past_ends_the_quotes_sentence(quotes):
    """"…,'' he said of the business. ''This is …''": the second quote is a sentence of its own,
    which "Mr. Hale said" two sentences back does not introduce; it goes on from "he said"."""
    text = ("Like other club owners who see an upside in growing their offerings, Mr. Hale said he was building a new "
            "clubhouse and a pool. ''Without these changes, golf would be in real trouble,'' he said of the business "
            "in general. ''This is an absolute necessity.''")
    assert [(q.speaker, q.mention) for q in direct(quotes(text))] == [("Hale", "he"), ("Hale", "he")]


def test_a_tag_verb_before_a_colon_introduces_the_next_quote(quotes):
    """"''…,'' Ms. Alawee said. ''…'' Mr. Zahed said: ''…''": the colon hands Zahed the quote after it;
    the one before it is still Alawee's."""
    text = ("The couple fled Kabul last year. ''We are refugees,'' Ms. Alawee said. ''We are not the terrorists.'' "
            "Mr. Zahed said: ''The attack that happened today is the work of terrorists. We are running from them.''")
    assert [q.speaker for q in direct(quotes(text))] == ["Alawee", "Alawee", "Zahed"]


def test_from_a_source_heads_an_excerpt(quotes):
    """"From the report:" on the quote's line, or "From Jane Doe writing at …:" on the line
    before, names whose words the excerpt is."""
    found = quotes(
        "The county released its audit on Friday.\n\n"
        "From the report: \u201cThe county spent more on consultants last year than on road repairs, "
        "and most contracts were never put out to bid.\u201d\n\n"
        "From Jane Doe writing at the Daily Ledger:\n\n"
        "\u201cNobody on the council has explained where the money went, and nobody seems in a hurry to.\u201d"
    )
    excerpts = direct(found)
    assert excerpts[0].mention == "the report"
    assert excerpts[1].speaker == "Jane Doe"


def test_i_outside_quotation_marks_is_the_writer_not_a_person_named_before(quotes):
    """A columnist's "I asked him" is the writer, whom no name in the article stands for."""
    found = quotes(
        "Mayor Tom Banks took questions after the speech. Then I asked him, "
        "\u201cWill you run for a third term next year, or step aside for someone new?\u201d"
    )
    assert (found[0].speaker, found[0].mention) == ("I", "I")


def test_and_i_quote_leaves_the_quote_with_its_speaker(quotes):
    """"said, and I quote," passes the words on; the one quoting names no new speaker."""
    found = quotes("Mayor Tom Banks said, and I quote, \u201cWe will never raise the property tax in this city.\u201d")
    assert found[0].speaker == "Tom Banks"


def test_a_speech_participle_after_a_preposition_speaks_for_that_verbs_subject(quotes):
    """"closed her speech by saying that …": the one closing the speech says it."""
    found = reported(quotes("Jane Roe closed her speech in Akron by saying that the budget would pass in the spring."))
    assert found and found[0].speaker == "Jane Roe"


@pytest.mark.parametrize("text, speaker", [
    ("“We will not back down on the levee,” the Ohio senator said on Monday.", "Ohio senator"),
    ("“The budget leaves nothing for the schools,” Holt campaign manager Dana Pruitt said.", "Dana Pruitt"),
    ("“Nobody here saw this coming,” a Canadian official said.", "Canadian official"),
    ("“The pact will be signed this week,” a Kremlin statement said.", "Kremlin"),
])
def test_a_name_that_only_describes_the_speaker_does_not_speak(quotes, text, speaker):
    """A place, party or person modifying the speaking noun is not who speaks: "the Ohio senator" is a
    senator, "Holt campaign manager Dana Pruitt" is Pruitt; a body still speaks through its statement."""
    assert [q.speaker for q in direct(quotes(text))] == [speaker]


def test_a_title_picks_the_full_name_of_its_gender(quotes):
    """"Mrs. Reyes" is the Reyes known to be a woman, not the Reyes named last."""
    text = (
        "Tom Reyes said he would run again. His wife, Maria Reyes, stayed home.\n\n"
        "“We have only just begun,” Mrs. Reyes said."
    )
    assert [q.speaker for q in direct(quotes(text))] == ["Maria Reyes"]


def test_the_head_of_a_speaking_phrase_is_its_name_not_the_name_describing_it(quotes):
    """"Clinton spokesman Brian Hale said": Hale speaks, not the Clinton his role is named after;
    "Ortiz, an Obama backer" is Ortiz."""
    text = ("Hillary Clinton spoke in Ohio. “We will win this state by a wide margin,” Clinton spokesman Brian Hale "
            "said. Maria Ortiz and Barack Obama spoke later. “He has earned every vote here,” said Ortiz, an Obama backer.")
    assert [q.speaker for q in direct(quotes(text))] == ["Brian Hale", "Maria Ortiz"]


def test_a_quote_that_is_the_content_of_an_owned_noun_of_speech_is_the_owners(quotes):
    """"Hale called Brown's assertion of a “right to privacy” absurd": the quoted words are
    Brown's assertion, whatever verb speaks about them; "Brown's remarks were “…”" is said of them."""
    text = ("In a statement, county clerk Tom Hale called Mary Brown's assertion of a “right to keep every record "
            "private” absurd and dangerous.")
    assert [q.speaker for q in direct(quotes(text))] == ["Mary Brown"]
    said_of = "Brown's remarks were “a disgrace to the county and to everyone who works here,” Tom Hale said."
    assert [q.speaker for q in direct(quotes(said_of))] == ["Tom Hale"]


def test_one_cites_a_reason_but_quotes_a_person(quotes):
    """"He cited the delays as “…”": the one citing speaks; "cited a report saying" passes on the
    report's words, and "citing a poll" reached through "by" has the subject of the clause above."""
    text = ("Mayor Tom Hale spoke on Monday. He cited the delays at the port as “a failure of planning at every level "
            "of government.” Hale defended the budget by citing figures that showed the deficit had shrunk.")
    found = quotes(text)
    assert [q.speaker for q in direct(found)] == ["Tom Hale"]
    cited = reported(found)[-1]
    assert cited.text.startswith("figures") and cited.speaker == "Tom Hale"
    passed_on = direct(quotes("The mayor cited a report saying “the port will close by June of next year for repairs.”"))
    assert [(q.speaker, q.cue) for q in passed_on] == [("report", "cited … saying")]


def test_a_pronoun_tag_is_the_whole_speaking_phrase(quotes):
    """""…." Ohio, he said, was …": the tag's speaker is "he", not the place fronted before it."""
    text = ("“We will not quit,” Tom Hale said. “We are here to stay.” Ohio, he said, was “where the race "
            "will be decided by the ground game we have built.”")
    assert [q.speaker for q in direct(quotes(text))] == ["Tom Hale"] * 3


def test_a_bare_surname_is_the_bearer_the_story_is_about(quotes):
    """"Clinton said" after "his wife, Jane Clinton" is still Tom Clinton, the one named in full
    as a sentence's subject; once Jane Clinton is the subject, a bare "Clinton" right after is her."""
    text = (
        "Senator Tom Clinton spoke to voters in Ohio on Monday. His wife, Jane Clinton, sat in the front row.\n\n"
        "“We will win this state by a wide margin,” Clinton said.\n\n"
        "Jane Clinton spoke to the crowd later. “I have never seen so many people here,” Clinton said."
    )
    assert [q.speaker for q in direct(quotes(text))] == ["Tom Clinton", "Jane Clinton"]


def test_an_abbreviated_title_introduces_a_role_but_a_place_must_match(quotes):
    """"Sen. Ann Ridley" makes her "the senator" later, as "Senator Ann Ridley" would; "the Ohio
    senator" is the last senator named only if she is Ohio's, which the article has not said."""
    text = ("Sen. Ann Ridley spoke in Toledo on Monday. “We will fund the port,” the senator said. "
            "“We will not,” the Ohio senator said.")
    assert [q.speaker for q in direct(quotes(text))] == ["Ann Ridley", "Ohio senator"]


@pytest.mark.parametrize("text, speaker", [
    ("“We will win this county by a wide margin next year,” the aide would, as she so often did in those long "
     "hard days of the campaign, say.", None),
    ("“We will win this county by a wide margin next year,” he would “say” often.", None),
    ("“We will win this county by a wide margin next year,” Insp. Joe Smith of the county police, who has led the "
     "unit for years, told reporters.", "Joe Smith"),
])
def test_a_tag_read_by_position_survives_odd_tags(quotes, text, speaker):
    """A tag whose verb lies beyond the words read after the quote gives no speaker (and no
    error); a title the tokenizer splits ("Insp" ".") does not cut the name from its phrase."""
    assert [q.speaker for q in direct(quotes(text))][:1] == [speaker]


def _person(nlp, words, pos, deps, heads, name, tags=None):
    """A hand-made parse (the tagger's slips are hard to bring about on purpose) and the
    person entity it labels over the words ``name`` (start, end)."""
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=words, pos=pos, deps=deps, heads=heads, tags=tags)
    doc.ents = [doc.char_span(doc[name[0]].idx, doc[name[1] - 1].idx + len(doc[name[1] - 1]), label="PERSON")]
    return [n.text for n in names_in(doc.ents[0])]


def test_words_glued_onto_a_name_are_not_part_of_it(nlp):
    """A question's auxiliary, a determiner, a verb or a preposition the tagger put in a
    person's name is cut off; a word the parse joins to the name stays, whatever its tag."""
    question = ("Will Sanders quit ?".split(), ["AUX", "PROPN", "VERB", "PUNCT"], ["aux", "nsubj", "ROOT", "punct"], [2, 2, 2, 2])
    assert _person(nlp, *question, (0, 2), ["MD", "NNP", "VB", "."]) == ["Sanders"]
    said = ("Will Ramirez said".split(), ["AUX", "PROPN", "VERB"], ["aux", "nsubj", "ROOT"], [2, 2, 2])
    assert _person(nlp, *said, (0, 2), ["MD", "NNP", "VBD"]) == ["Will Ramirez"]
    neither = ("Neither Hale nor Brown spoke".split(), ["CCONJ", "PROPN", "CCONJ", "PROPN", "VERB"],
               ["preconj", "nsubj", "cc", "conj", "ROOT"], [1, 4, 1, 1, 4])
    assert _person(nlp, *neither, (0, 2)) == ["Hale"]
    headline = ("Jane Hale Slams Tom Brown".split(), ["PROPN", "PROPN", "VERB", "PROPN", "PROPN"],
                ["compound", "nsubj", "ROOT", "compound", "dobj"], [1, 2, 2, 4, 2])
    assert _person(nlp, *headline, (0, 5)) == ["Jane Hale", "Tom Brown"]
    place = ("Victoria at Sandy Hook spoke".split(), ["PROPN", "ADP", "PROPN", "PROPN", "VERB"],
             ["nsubj", "prep", "compound", "pobj", "ROOT"], [4, 0, 3, 1, 4])
    assert _person(nlp, *place, (0, 4)) == ["Victoria"]
    columnist = ("George Will wrote".split(), ["PROPN", "AUX", "VERB"], ["nsubj", "aux", "ROOT"], [2, 2, 2])
    assert _person(nlp, *columnist, (0, 2)) == ["George Will"]
    first_name = ("Will Doyle spoke".split(), ["AUX", "PROPN", "VERB"], ["compound", "nsubj", "ROOT"], [1, 2, 2])
    assert _person(nlp, *first_name, (0, 2)) == ["Will Doyle"]


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
def test_french_quotation_marks_set_apart_by_a_space(quotes, space):
    """« and » with the blank French typography puts inside them pair as one quotation,
    whose words leave the blanks out; Danish »…« without blanks still pairs."""
    text = (f"The union called the plan «{space}a disgrace{space}». Its leader, Paul Morel, spoke to reporters: "
            f"«{space}We will block every road in the region,{space}» he said.")
    found = quotes(text)
    assert [q.text for q in direct(found)] == ["We will block every road in the region"]
    assert direct(found)[0].speaker == "Paul Morel"
    assert [(q.start, q.end) for q in quotation_spans("Han sagde »Det er slut nu« til os.")] == [(10, 26)]


def test_a_quotation_in_german_marks_opens_a_sentence_of_its_own(quotes):
    """„…“ after a full stop starts a new sentence, so the sentence before it is not taken
    for the quotation's speaker's reported words."""
    text = ("Bankers at Deutsche Bank agreed with Weber. „Interest rates will stay where they are "
            "this year,“ wrote economist Greta Vogel.")
    assert [s.text[:8] for s in sentences(text)] == ["Bankers ", "„Interes"]
    found = quotes(text)
    assert reported(found) == []
    assert [(q.text, q.speaker) for q in direct(found)] == [
        ("Interest rates will stay where they are this year", "Greta Vogel")
    ]


@pytest.mark.parametrize("opening, closing", [('"', '"'), ("“", "”")])
def test_a_reported_clause_keeps_the_closing_mark_of_its_quotation(quotes, opening, closing):
    """British copy puts the full stop after the closing mark, which the parse leaves out
    of the clause with the stop: the statement shows the quotation whole."""
    text = f"Mayor Ruth Okafor said the council had rejected the scheme {opening}without hesitation{closing}."
    found = reported(quotes(text))
    assert [q.text for q in found] == [f"the council had rejected the scheme {opening}without hesitation{closing}"]


@pytest.mark.parametrize("text, speakers", [
    ("Defence barrister Helen Marsh KC told the court: “My client has never denied being at the flat that night.”",
     ["Helen Marsh"]),
    ("Conservative MP Duncan Pryor OBE said the scheme was “a scandal waiting to happen”. “Nobody checked the "
     "paperwork,” Mr Pryor said.", ["Duncan Pryor", "Duncan Pryor"]),
    ("Councillor Janet Hughes said the library would stay open. “We have listened to every parent who wrote to us,” "
     "Cllr Hughes said.", ["Janet Hughes"]),
])
def test_titles_and_letters_after_a_name_are_no_part_of_it(quotes, text, speakers):
    """A British title before a name and the honours or office after it ("KC", "OBE", "MP")
    are cut from the speaker's name, even where the parse makes the letters the phrase's head."""
    assert [q.speaker for q in direct(quotes(text))] == speakers


def _labelled(nlp, text, name, label):
    """The article parsed, with ``name`` labelled as the small tagger sometimes labels a
    person it does not know."""
    doc = nlp(text_for_parsing(text))
    start = text.index(name)
    doc.ents = [e for e in doc.ents if e.end_char <= start or e.start_char >= start + len(name)] + [
        doc.char_span(start, start + len(name), label=label)]
    return extract_quotes(doc)


def test_a_name_beside_a_persons_role_is_a_person_whatever_its_label(nlp):
    """A name set beside a person's role, or after "Ms", is a person even where the tagger
    labels it an organisation or a product; a body beside a noun that is no person's role
    stays a body."""
    mayor = ("The harbour town's mayor, Ingrid Kowalczyk, spoke to reporters on Monday. “We will rebuild "
             "the pier before the summer,” the mayor said.")
    assert [q.speaker for q in _labelled(nlp, mayor, "Ingrid Kowalczyk", "ORG")] == ["Ingrid Kowalczyk"]
    leader = ("Finance Minister Olga Brandt said she would stay. The opposition leader, Tomas Vik, said the budget "
              "had failed. He told the radio station: “Families cannot wait another year for this.”")
    assert [q.speaker for q in direct(_labelled(nlp, leader, "Tomas Vik", "PRODUCT"))] == ["Tomas Vik"]
    owner = ("The owner, Kowalczyk Marine, closed the yard on Monday. “We will reopen when the pier is safe "
             "again,” the owner said.")
    assert [q.speaker for q in _labelled(nlp, owner, "Kowalczyk Marine", "ORG")] == ["owner"]


@pytest.mark.parametrize("text", [
    "The head teacher, Margaret Oduya, was close to tears. “We did everything the inspectors asked of us.”",
    "The new director of the city museum, Paul Renshaw, spent his first day among the packing crates.\n\n"
    "“Half of this collection has not been seen by the public for forty years.”",
])
def test_a_role_with_a_name_beside_it_introduces_the_quote_after(quotes, text):
    """A sentence about "the head teacher, Margaret Oduya" hands the untagged quotation after
    it to her, as one about "Margaret Oduya" does, also where the parse ties the name to the
    role's "of" phrase."""
    assert [q.speaker for q in direct(quotes(text))] == [text.split(", ")[1]]


def test_a_hyphenated_name_after_its_role_noun_is_read_whole(quotes):
    """"posted the comedian Rob Hendry-Price": the tag read by position keeps the hyphenated
    surname whole, and the noun right before the name is his role, even where the parse sets
    the two side by side as objects of the verb: "the comedian" later stands for him."""
    text = ("“Gutted,” posted the comedian Rob Hendry-Price on Instagram. “I played my first gig on that stage to "
            "eleven people and a dog.”\n\nThe venue will close in June after forty years. “It was the making of "
            "me,” the comedian said.")
    assert [q.speaker for q in direct(quotes(text))] == ["Rob Hendry-Price"] * 3


@pytest.mark.parametrize("text, speaker", [
    ("Maren Voss resigned on Friday. “I have made mistakes and I am sorry for them,” the 61-year-old told reporters.",
     "Maren Voss"),
    ("Coach Tom Hale was angry. “That was a foul, and everybody in the ground saw it,” the Scot said. “We lost.”",
     "Tom Hale"),
    ("Jon Ruddock, 18, scored twice. “I just hit it as hard as I could and hoped,” the teenager said.", "Jon Ruddock"),
    ("A 61-year-old man was arrested. Tom Hale said it was sad. “I did nothing wrong,” the 61-year-old told reporters.",
     "61-year-old"),
    ("A teenager was hurt. Tom Hale spoke on Friday. “I just want to go home to my family,” the teenager said.",
     "teenager"),
    ("Tom Hale spoke in Paris. “We will not sign the treaty this year,” the French said.", "French"),
])
def test_a_person_described_by_age_nationality_or_epithet_is_the_one_named_before(quotes, text, speaker):
    """"the 61-year-old", "the Scot", "the teenager" stand for the person the sentences before are
    about, unless the article brought in someone unnamed so ("A teenager was hurt"); "the
    French" are a people."""
    assert [q.speaker for q in direct(quotes(text))][:1] == [speaker]


def test_a_pronoun_after_a_described_person_goes_back_to_the_name(quotes):
    """"the Scot said … he added": "he" is the Scot, that is Hale; a name beside the subject
    ("Her father, Tom Hale,") is a subject too."""
    text = ("Coach Tom Hale was angry. “That was a foul,” the Scot said of the tackle by Jon Ruddock. "
            "“We were robbed of a win today,” he added. Her father, Brad Ellis, stood nearby. "
            "“It was a foul,” he said.")
    assert [q.speaker for q in direct(quotes(text))] == ["Tom Hale", "Tom Hale", "Brad Ellis"]


def test_an_owner_in_what_she_says_is_not_the_one_saying_it(quotes):
    """"Holt said she had accepted his resignation": "she" is Holt, so "his" is someone else and
    does not make Holt a man whom the next "he" could stand for."""
    text = ("Tom Hale resigned on Monday. Governor Karen Holt said she had accepted his resignation. "
            "The budget was cut by a third. “I have served this state for twenty years,” he told reporters.")
    assert [q.speaker for q in direct(quotes(text))] == ["Tom Hale"]


def test_a_reflexive_after_a_shared_surname_shows_whose_it_is(quotes):
    """"Clinton herself … she said": "herself" shows which Clinton, as a title would."""
    text = ("Hillary Clinton said she would campaign in Queens. Bill Clinton said he would rally voters in Brooklyn.\n\n"
            "Clinton herself also signaled that she is girding for a fight at the debate. "
            '"I have noticed that Sen. Sanders has had trouble answering questions," she said.')
    assert [q.speaker for q in direct(quotes(text))] == ["Hillary Clinton"]


def test_a_surname_the_tagger_missed_still_leads_a_pronoun_back_to_its_person(quotes):
    """"Haldorsen, for his part, …" is not tagged as a name; "he" after it is still Haldorsen,
    not the senator named last."""
    text = ("Last month I sat at a kitchen table in Stevens County with Jeremy Haldorsen, who milks 180 cows with "
            "his brother. He told me he had stopped planning ahead.\n\nSen. Rosa Delgado of New Mexico put it this "
            'way at a hearing in June: "We keep being told the bill is ninety percent done."\n\nNobody I spoke to '
            'expects a bill before the election. Haldorsen, for his part, has stopped waiting. "I quit watching '
            'C-SPAN," he said.')
    assert [q.speaker for q in direct(quotes(text))] == ["Rosa Delgado", "Jeremy Haldorsen"]


def test_a_description_after_a_quote_looks_past_the_quoted_sentences_to_its_person(quotes):
    """"The Democrat, a former state treasurer, accused …" after a quote paragraph: the
    sentences all in quotation marks are no narrative, so the one before them names her."""
    text = ("PHOENIX — Arizona gubernatorial candidate Maria Delgado told about 3,000 supporters on Saturday that "
            "water would be her first priority.\n\n“Every family deserves to turn on the tap,” Delgado said. “That is "
            "not a luxury. That is the bare minimum.”\n\nThe Democrat, a former state treasurer, accused her "
            "opponent, Carl Brandvold, of “looking the other way while the aquifers ran dry.”")
    assert [q.speaker for q in direct(quotes(text))] == ["Maria Delgado"] * 3
    paper = ("Al Gore will skip the convention, his spokeswoman said. The Tennessean first reported Gore's "
             "decision on Sunday.")
    assert [q.speaker for q in reported(quotes(paper))][-1] == "Tennessean"  # the paper, not Gore


def test_a_surname_titled_both_ways_is_not_the_one_person_named_in_full(quotes):
    """"Mr Ellery" and "Mrs Ellery" are two people, though only Tom Ellery was named in full:
    "Mrs Ellery" is not he, and does not teach him her gender."""
    text = ("Tom Ellery and his wife won the lottery on Saturday. “We are not going anywhere at all,” said Mr Ellery. "
            "Mrs Ellery said she had checked the ticket twenty times.")
    found = quotes(text)
    assert [q.speaker for q in direct(found)] == ["Tom Ellery"]
    assert [q.speaker for q in reported(found)] == ["Ellery"]


def test_a_reported_clause_keeps_the_signs_of_its_figures(quotes):
    """A per-cent sign is punctuation to the tokenizer but part of the figure: the statement
    must not shrink "by 10%" to "by 10", nor end on the paragraph's blank line."""
    text = ("Council leader Jane Smith said the plan would cut costs by 10%.\n\n"
            "Finance chief Tom Brown said the deficit had grown by 4%.\n\nThe vote is on Monday.")
    assert [q.text for q in reported(quotes(text))] == [
        "the plan would cut costs by 10%", "the deficit had grown by 4%"]


def test_a_quotation_left_unclosed_before_the_next_one_ends_at_its_tag(quotes):
    """A writer who forgets a closing mark ("…no choice, the negotiator told reporters. "They
    …") must not turn the tag into quoted words nor lose the next quotation: the first ends
    where its tag begins, the second opens at its own mark, and both have the tag's speaker."""
    text = ('"We did not want this, but they left us no choice, union negotiator Anna de Wit told reporters '
            'outside the terminal. "They want robots on every crane."\n\nThe strike began at dawn.')
    found = direct(quotes(text))
    assert [(q.text, q.speaker) for q in found] == [
        ("We did not want this, but they left us no choice", "Anna de Wit"),
        ("They want robots on every crane.", "Anna de Wit"),
    ]
    assert all(text[q.start:q.end] == q.text for q in found)


def test_transcript_lines_without_quotation_marks_are_their_speakers_words(quotes):
    """A transcript printed as "NAME: words" lines: each line is its speaker's, a surname label
    is the full name an earlier label or the prose gave ("TAPPER:" after "JAKE TAPPER:",
    "FALLIN:" after "Governor Mary Fallin"), and a heading such as "UPDATE:" is nobody."""
    text = ("Governor Mary Fallin spoke on Sunday.\n\nJAKE TAPPER: Do you think he has changed his tone?\n\n"
            "FALLIN: I think he is trying to bring the country together.\n\n"
            "TAPPER: Do you believe him?\n\nUPDATE: This story has been updated.")
    found = direct(quotes(text))
    assert [(q.text, q.speaker, q.mention) for q in found] == [
        ("Do you think he has changed his tone?", "Jake Tapper", "JAKE TAPPER"),
        ("I think he is trying to bring the country together.", "Mary Fallin", "FALLIN"),
        ("Do you believe him?", "Jake Tapper", "TAPPER"),
    ]


def test_a_transcript_of_two_speakers_named_only_by_their_labels(quotes):
    """Labels that each open two lines or more are speakers even where the prose names no one,
    and the first line is not taken for a dateline ("PARIS: ")."""
    text = ("TAPPER: Governor, can the state afford the new bridge this year?\n\n"
            "FALLIN: We have the money set aside and work starts in the spring.\n\n"
            "TAPPER: The opposition says the cost will double.\n\nFALLIN: They say that about every project.")
    found = direct(quotes(text))
    assert [(q.speaker, q.mention) for q in found] == [("Tapper", "TAPPER"), ("Fallin", "FALLIN")] * 2
    assert found[0].text == "Governor, can the state afford the new bridge this year?"


def test_an_interviews_answers_are_the_interviewees_words(quotes):
    """"Q:"/"A:" lines: each answer, and the paragraphs after it up to the next question, is the
    words of the person the lead-in names most; the questions and an editor's note after the
    last answer are nobody's quotes."""
    text = ("Health Minister Ana Lindqvist spoke with Herald reporter Tom Berg on Monday. Lindqvist has run "
            "the ministry since 2021.\n\nQ: Will the new hospital open on time next year?\n\n"
            "A: Yes. The builders are ahead of schedule and staff are being hired.\n\n"
            "And the old clinic will stay open until the move.\n\nQ: What about the cost?\n\n"
            "A: It is within the budget we set two years ago.\n\nThis interview has been edited for length.")
    found = direct(quotes(text))
    assert [(q.text, q.speaker, q.mention) for q in found] == [
        ("Yes. The builders are ahead of schedule and staff are being hired.", "Ana Lindqvist", "A"),
        ("And the old clinic will stay open until the move.", "Ana Lindqvist", "A"),
        ("It is within the budget we set two years ago.", "Ana Lindqvist", "A"),
    ]


def test_an_interview_with_an_unclear_guest_leaves_the_answers_without_a_speaker(quotes):
    text = ("Ana Lindqvist and Tom Berg both spoke on Monday.\n\nQ: Will the new hospital open on time?\n\n"
            "A: Yes. The builders are ahead of schedule and staff are being hired.")
    assert [(q.speaker, q.mention) for q in direct(quotes(text))] == [(None, None)]


def test_a_paper_the_tagger_takes_for_a_person_is_no_interview_guest(quotes):
    """"spoke to the Herald": a name after "the" is a paper or a body, never the guest."""
    text = ("Ana Lindqvist spoke to the Herald about the plan.\n\nQ: Will the hospital open on time?\n\n"
            "A: Yes. The builders are ahead of schedule and staff are being hired.")
    assert [q.speaker for q in direct(quotes(text))] in ([None], ["Ana Lindqvist"])


def test_a_lettered_list_is_no_interview(quotes):
    text = "The plan has two parts.\n\nA. The hospital will open in May next year.\n\nB. The old clinic will close in June."
    assert direct(quotes(text)) == []


def test_a_single_capitalised_heading_is_no_transcript(quotes):
    """One "LABEL: text" line, or labels that name no one, are headings, not a transcript."""
    text = "BREAKING: The council has voted to close the library.\n\nMORE SOON: Details to follow."
    assert direct(quotes(text)) == []


def test_capitalised_headings_that_name_no_one_are_no_transcript(quotes):
    """Two headings in capitals ("LIVE UPDATES:", "MORE SOON:") name no one the article names."""
    text = "LIVE UPDATES: The council has voted to close the library.\n\nMORE SOON: Details will follow tonight."
    assert direct(quotes(text)) == []


def test_an_inverted_tag_keeps_the_name_set_after_its_role(quotes):
    """""…," recalled her granddaughter, Elise Nye." — the name after the role and comma is
    who spoke; the role alone ("her granddaughter") would hide it."""
    text = ("Margaret Nye, who worked at the foundry for sixty years, died on Monday aged 94.\n\n"
            "“The foreman told her girls couldn’t stand the heat,” recalled her granddaughter, Elise Nye. "
            "“She stood in front of that furnace just to prove him wrong.”")
    found = direct(quotes(text))
    assert [(q.speaker, q.mention) for q in found] == [("Elise Nye", "her granddaughter, Elise Nye")] * 2


def test_the_organisation_noun_is_the_last_one_named_with_it(quotes):
    """"The campaign" is the campaign a phrase last said whose it was ("the Harwell campaign"),
    not a bare "campaign"; a possessive pronoun ("his campaign") says no one's."""
    text = ("Donna Harwell's campaign said on Monday it had raised $2 million in a week. "
            "The money came from small donors, his campaign manager added.\n\n"
            "“We will spend every cent of it in Ohio,” the campaign said.")
    assert [(q.speaker, q.mention) for q in direct(quotes(text))] == [("Donna Harwell's campaign", "the campaign")]


def test_the_organisation_noun_prefers_the_body_whose_name_has_that_word(quotes):
    """"The ministry" is the Defence Ministry, not the contractor named after it."""
    text = ("The Defence Ministry ordered two ships on Monday. Harland Marine, the contractor, said the first "
            "would be ready in 2027. “The schedule is realistic and the budget is fixed,” the ministry said.")
    assert [(q.speaker, q.mention) for q in direct(quotes(text))] == [("The Defence Ministry", "the ministry")]


def test_according_to_figures_someone_put_out_is_according_to_them(quotes):
    """"According to figures released by the auditor": the auditor's figures; but "emails obtained
    by the AP" are not the AP's words."""
    text = ("The city spent $71 million on police overtime last year, according to figures released this week by "
            "City Auditor Helen Brandauer.\n\nThe agency knew of the risk, according to emails obtained by The "
            "Associated Press.")
    assert [q.speaker for q in reported(quotes(text))] == ["Helen Brandauer", "emails"]


def test_a_role_held_by_two_is_the_one_the_story_is_about_there(quotes):
    """Two senators introduced: "the senator" right after a sentence about Hollis is Hollis,
    not the senator introduced last."""
    text = ("Sen. Margaret Hollis of Maine and Sen. Dale Pruett of Oklahoma questioned the nominee for two hours on "
            "Tuesday.\n\nHollis, for her part, said she was inclined to support the nomination. The senator said she "
            "expected a committee vote in early March.")
    assert [q.speaker for q in reported(quotes(text))] == ["Margaret Hollis", "Margaret Hollis"]


def test_a_party_member_from_a_place_is_the_person_named_before(quotes):
    text = ("Sen. Margaret Hollis of Maine and Sen. Dale Pruett of Oklahoma questioned the nominee for two hours on "
            "Tuesday.\n\nPruett was less committal. Asked by reporters after the hearing whether he would back "
            'Oduya, the Oklahoma Republican said: "Ask me after I read his written answers."')
    assert [(q.speaker, q.mention) for q in direct(quotes(text))] == [("Dale Pruett", "the Oklahoma Republican")]


def test_a_speaker_the_tagger_does_not_know_loses_its_age_and_date(quotes):
    """A name the tagger missed keeps no ", 32" as part of it, a campaign no "on Monday"; a
    role keeps the name set after it."""
    text = ('"We are going to keep fighting," Zimmerman, 32, told reporters outside the courthouse.\n\n'
            'The Sanders campaign on Monday said she is experienced "on paper" but not ready.\n\n'
            '"The town will rebuild," said the Bishop of Elmridge, the Rt Rev Catherine Obi.')
    found = quotes(text)
    assert [q.speaker for q in found][:2] == ["Zimmerman", "Sanders campaign"]
    assert "Catherine Obi" in found[-1].speaker


def test_the_company_is_not_the_firm_of_an_analyst_quoted_after_it(quotes):
    text = ("Halvorsen Foods cut its profit forecast on Tuesday. \"This was a tough quarter,\" Linda Sorensen, the "
            "company's chief executive, said on a call with analysts.\n\n\"Halvorsen has already raised prices "
            "three times in two years,\" said Greg Tamura, an analyst at Pinebrook Securities.\n\nRevenue for the "
            "quarter rose 2 percent to $3.4 billion, the company said.")
    assert reported(quotes(text))[-1].speaker == "Halvorsen Foods"


def test_the_union_is_the_body_named_as_a_guild(quotes):
    text = ("Nurses at three hospitals walked out on Monday, the Minnesota Nurses Guild said. North Star Health "
            "said it had hired replacement nurses and that all three hospitals would remain open.\n\n"
            "A federal mediator has scheduled new talks for Thursday, according to the union.")
    assert reported(quotes(text))[-1].speaker == "the Minnesota Nurses Guild"


def test_a_description_after_she_is_whom_she_stands_for(quotes):
    text = ("Sen. Elaine Moss, 61, a Vermont Democrat, praised the order but warned that a future president could "
            'reverse it.\n\n"An executive order is written in pencil," she said. "We need to write this in ink."\n\n'
            "The 61-year-old, who is not seeking re-election, said she would introduce legislation next month.")
    assert reported(quotes(text))[-1].speaker == "Elaine Moss"


def test_a_role_a_title_gave_is_the_one_so_titled(quotes):
    text = ("Superintendent Karen Whitcombe told the board that teenagers who start school later sleep more.\n\n"
            '"We are asking kids to do algebra at an hour when their brains are still asleep," the superintendent said.')
    assert direct(quotes(text))[0].speaker == "Karen Whitcombe"


def test_a_hyphenated_surname_leads_a_pronoun_back_to_its_person(quotes):
    """"Ruiz-Whitaker also said she …. Pressed …, she waved … “…,” she said": the tokenizer splits
    the surname in three; it is still Ruiz-Whitaker, not the woman quoted before her."""
    text = ("PHOENIX — Arizona gubernatorial candidate Dolores Ruiz-Whitaker told about 3,000 supporters on "
            "Saturday that water would be her first priority.\n\n"
            "Among those in the crowd was Marisol Ayala, 54, a school bus driver from Buckeye. \"We hauled "
            "water in jugs for three months,\" Ayala said.\n\n"
            "Ruiz-Whitaker also said she would ask the Legislature for $400 million to extend pipelines. "
            "Pressed on the cost by reporters, she waved off the question.\n\n"
            "\"The money is there if you stop giving it away,\" she said.")
    assert direct(quotes(text))[-1].speaker == "Dolores Ruiz-Whitaker"


def test_a_surname_the_tagger_takes_for_a_noun_still_leads_she_back(quotes):
    """"Sandoval anticipated …" may be tagged as a common noun opening the sentence; "she" after
    it is still Sandoval, not Baptiste, whose name the sentence only mentions."""
    text = ("Assistant U.S. Attorney Rebecca Sandoval told jurors that the records showed Gordon Pryce directing "
            "staff to inflate bills.\n\nSandoval spent much of her argument on the testimony of Linda Baptiste, the "
            "company's former chief financial officer, who pleaded guilty last year.\n\nSandoval anticipated the "
            "defense's attack on Baptiste's credibility. \"You don't have to like Linda Baptiste,\" she said.")
    assert direct(quotes(text))[-1].speaker == "Rebecca Sandoval"


def test_the_one_there_was_is_the_one_he_stands_for(quotes):
    """"First there was … Bret Stephens, who … said …. “…,” he said": Stephens, whom the
    sentence presents, not Trump, the last subject before him."""
    text = ("Donald Trump spoke to Sean Hannity on Monday night about the polls.\n\nFirst there was the editorial "
            "page editor Bret Stephens, who, after trading insults with Hannity over Trump, said on television that "
            'the party had become "an echo chamber of itself."\n\nThose who spend too much time "listening to '
            'certain cable shows," he said, "wind up in a debate divorced from reality."')
    assert [q.speaker for q in direct(quotes(text))][-2:] == ["Bret Stephens"] * 2


def test_an_age_with_a_role_describes_the_person_named_before(quotes):
    text = ("Nathan Pierce, who has run the district since 2019, told the board on Monday that enrollment had fallen "
            'by 18 percent.\n\n"I didn\'t come to this district to close schools," Pierce said. "But I also didn\'t '
            'come here to spend money on boilers."\n\nThe 51-year-old superintendent said no teachers would lose '
            "their jobs.")
    assert reported(quotes(text))[-1].speaker == "Nathan Pierce"


def test_a_hyphenated_name_speaks_whole(quotes):
    """"According to Météo-France": the tagger may name only "France"; the speaker is the
    whole hyphenated name."""
    text = "According to Météo-France, temperatures will reach 40C in the south on Friday."
    assert [q.speaker for q in reported(quotes(text))] == ["Météo-France"]


def test_an_unnamed_spokeswoman_speaks_for_the_body_her_title_names(quotes):
    """"a company spokeswoman said" gives the company's words: the company named last;
    a named spokesman stays himself."""
    text = ("Quillon Foods reported record sales on Tuesday. Asked about a sale, a company spokeswoman said "
            "Quillon “does not comment on market speculation at all.”\n\n"
            "“We are proud of the team,” said company spokesman Tom Reyes.")
    assert [q.speaker for q in direct(quotes(text))] == ["Quillon Foods", "Tom Reyes"]


def test_a_long_text_parsed_in_pieces_is_one_doc_with_the_same_text_and_quotes(nlp):
    """``parse`` cuts a long text at paragraph breaks and joins the pieces: the doc's text,
    sentences and entities are those of one parse, and so are the quotes and their speakers."""
    from summarise.models.nlp import parse

    paragraph = ("Mayor Ruth Okafor said on Monday that the bridge would reopen in May. “We have waited "
                 "long enough,” she told reporters outside City Hall.\n\n")
    text = text_for_parsing(paragraph * 12)
    whole, pieces = nlp(text), parse(nlp, text, piece_chars=600)
    assert pieces.text == text
    assert [s.start_char for s in pieces.sents] == [s.start_char for s in whole.sents]
    assert [(e.start_char, e.label_) for e in pieces.ents] == [(e.start_char, e.label_) for e in whole.ents]
    assert [(q.start, q.speaker) for q in extract_quotes(pieces)] == [(q.start, q.speaker) for q in extract_quotes(whole)]


def test_a_body_named_by_nationality_is_the_one_its_spokeswoman_speaks_for(quotes):
    """"The German finance ministry …. “…,” a ministry spokeswoman said": the ministry the
    article named, not the bank named before it."""
    text = ("The European Central Bank warned on Thursday that inflation could stay high.\n\n"
            "The German finance ministry took a more optimistic view. “The worst is behind us now,” "
            "a ministry spokeswoman said in Berlin.")
    assert [q.speaker for q in direct(quotes(text))] == ["German finance ministry"]


def test_a_fact_box_or_a_roundups_places_are_no_transcript(quotes):
    """Labels in capitals that name no person of the article ("WHEN:", "PARIS:") are not
    speakers, even where the prose uses the word ("When the run …", "Police in Paris …")."""
    fact_box = ("The fun run returns this weekend. When the run was last held, 400 people took part.\n\n"
                "WHAT: A 5k run for charity.\n\nWHEN: Saturday, starting at 9 a.m.\n\nWHERE: Central Park, east entrance.")
    roundup = ("Protests spread across Europe. Police in Paris and Berlin made arrests.\n\n"
               "LONDON: Thousands marched on Parliament.\n\nPARIS: Police used tear gas near the Louvre.\n\n"
               "BERLIN: A rally passed off peacefully.")
    assert direct(quotes(fact_box)) == [] and direct(quotes(roundup)) == []


def test_a_long_text_is_cut_after_a_whole_paragraph_break(nlp):
    """A cut that falls between the two newlines of a paragraph break moves past both: no
    sentence of a lone newline appears, and the sentences are those of one parse."""
    from summarise.models.nlp import parse

    text = "The council met on Monday.\n\nIt approved the budget without a vote.\n\nThe mayor was absent."
    whole = [s.start_char for s in nlp(text).sents]
    for size in range(20, len(text)):
        assert [s.start_char for s in parse(nlp, text, piece_chars=size).sents] == whole


def test_a_title_the_tagger_read_as_an_organisation_still_names_a_person(quotes):
    text = (
        "The teachers' strike entered its second week on Monday.\n\n"
        "Superintendent Nathan Pierce said the buses would run late.\n\n"
        "The union's president, Yolanda Birch, said the offer did nothing for class sizes.\n\n"
        "“Tuesday is a good sign for the children of this district,” the superintendent said."
    )
    found = quotes(text)
    assert found[0].speaker == "Nathan Pierce"
    assert direct(found)[0].speaker == "Nathan Pierce"


def test_reported_speech_around_a_said_aside(quotes):
    text = (
        "Police Chief Raymond Dominguez spoke after the vote on Tuesday. "
        "Officers, he said, would be paired with outreach workers from the county. "
        "The department hired 14 new officers in January, he said. "
        "“Only you, Dinesh,” she said, “would say that on a night like this one.”"
    )
    found = reported(quotes(text))
    assert [q.text for q in found] == [
        "Officers, he said, would be paired with outreach workers from the county",
        "The department hired 14 new officers in January",
    ]
    assert {q.speaker for q in found} == {"Raymond Dominguez"}


def test_quotes_under_name_lines_are_the_named_speakers(quotes):
    text = (
        "We asked three nurses who work nights to describe a year of shortages.\n\n"
        "Angela Ruiz, 41, intensive care unit, 16 years at St. Brendan’s\n\n"
        "“When I started, I had two patients a night. Now it is often three.\n\n"
        "“The part nobody sees is the charting, which I finish off the clock.”\n\n"
        "Marcus Hale, 29, emergency department\n\n"
        "“I have trained eleven travel nurses in four years, and they all left.”\n\n"
        "Deb Okonkwo-Meyers, 57, charge nurse\n\n"
        "“I am the one who tells a new graduate that she is taking six patients tonight.”"
    )
    found = direct(quotes(text))
    assert [q.speaker for q in found] == ["Angela Ruiz", "Angela Ruiz", "Marcus Hale", "Deb Okonkwo-Meyers"]


def test_it_is_the_organisation_named_before(quotes):
    text = (
        "The Ombudsman’s Office, an independent state agency, said the three people killed were civilians. "
        "It said it had opened its own inquiry into the deaths.\n\n"
        "Rep. Sanders read the report on Monday. It said the agency had missed two deadlines."
    )
    found = reported(quotes(text))
    assert found[1].speaker == "Ombudsman’s Office" and found[1].mention == "It"
    assert found[-1].speaker == "It"  # a report is not the one who speaks


def test_a_that_clause_after_a_time_or_place_is_what_was_said(quotes):
    text = (
        "Pierce told reporters after the meeting that he understood why families were angry. "
        "Police Chief Alan Morrow said at a separate briefing that the department would release the footage. "
        "The company reported earnings that analysts were looking for."
    )
    found = reported(quotes(text))
    assert [(q.speaker, q.text) for q in found][:2] == [
        ("Pierce", "that he understood why families were angry"),
        ("Alan Morrow", "that the department would release the footage"),
    ]
    assert not any("analysts were looking" in q.text and q.text.startswith("that") for q in found)


def test_more_verbs_of_reporting(quotes):
    text = (
        "The prosecutor reminded jurors that the witness had changed her story twice. "
        "The mayor assured residents that the water was safe to drink. "
        "Obuya said the biggest problem was supply. The country is short three million homes, she estimated."
    )
    found = reported(quotes(text))
    assert [q.cue for q in found] == ["reminded", "assured", "said", "estimated"]


def test_a_description_is_the_person_named_later_by_the_same_word(quotes):
    text = (
        "The records of four million patients were left exposed, according to an independent security "
        "researcher who found the data. The researcher, Noor Haddad, said she found the database in August."
    )
    found = reported(quotes(text))
    assert [q.speaker for q in found] == ["Noor Haddad", "Noor Haddad"]


def test_words_the_tagger_took_for_people_are_not_speakers(quotes):
    text = (
        "Chief Financial Officer Sameer Qureshi said the restructuring would cost $200 million.\n\n"
        "The union representing pilots at Skyhaven Airlines demanded an apology on Thursday.\n\n"
        "Residents in Knocknacarra, Co Galway, have vowed to fight plans for 400 homes.\n\n"
        "Skyhaven has cancelled more flights than any other carrier this summer.\n\n"
        "“I have been hearing about this for three years, and nobody has listened to us,” he said."
    )
    found = quotes(text)
    assert found[0].speaker != "Financial"
    assert direct(found)[0].speaker not in ("Skyhaven", "Co Galway")


def test_a_person_described_then_naming_themselves(quotes):
    text = (
        "Several parents spoke. The woman, who later identified herself as Danielle Pruitt, said she "
        "did not want to ban anything. “Put it behind the counter and let parents decide,” she said.\n\n"
        "\"The government says be patient. Patient with what?\" said the seller, who gave her name only as Wanjiku."
    )
    found = quotes(text)
    assert [q.speaker for q in found] == ["Danielle Pruitt", "Danielle Pruitt", "Wanjiku"]


def test_the_utility_and_the_airline_are_the_bodies_named_before(quotes):
    text = (
        "Investigators are looking at a power line owned by Northern Valley Power. "
        "The utility said it was cooperating fully with the inquiry.\n\n"
        "Skyhaven Airlines cancelled 40 flights on Sunday. The airline said crews had been short all week."
    )
    assert [q.speaker for q in reported(quotes(text))] == ["Northern Valley Power", "Skyhaven Airlines"]


def test_a_definite_description_named_only_later(quotes):
    text = (
        "The city's forestry supervisor, who oversees 18,000 trees, said he had reviewed the report.\n\n"
        "“I have to think about the worst case on a street full of children,” said the supervisor, Tom Reddick."
    )
    assert [q.speaker for q in quotes(text)] == ["Tom Reddick", "Tom Reddick"]


@pytest.mark.parametrize("text, speaker", [
    (  # "the congresswoman" is the representative
        "The bill's chief sponsor, Rep. Colleen Marchetti, said the vote was the first in a decade.\n\n"
        "The committee chairman, Dale Hutchins, said he expected a floor vote in the spring.\n\n"
        "“Three votes is a start, and we will find more of them,” the congresswoman said.",
        "Colleen Marchetti",
    ),
    (  # "the former governor" is not the sitting one
        "Miriam Stoltz, 63, a former two-term governor of Oregon, trails Gov. Anthony Reyes of Colorado in the polls.\n\n"
        "Reyes, campaigning in Concord, said he welcomed the competition.\n\n"
        "“I have been counted out before, and I won by four points,” the former governor said.",
        "Miriam Stoltz",
    ),
    (  # a signature's office is no part of the name
        "Our pick of the week's lines.\n\n"
        "“We will review the policy. We will not review it forever.”\n"
        "― Rail Minister Fiona Garside, on calls to scrap peak-time fares",
        "Fiona Garside",
    ),
])
def test_the_office_a_speaker_is_named_by(quotes, text, speaker):
    assert direct(quotes(text))[0].speaker == speaker


@pytest.mark.parametrize("text, not_the_speaker", [
    (  # the shadow home secretary is not the home secretary
        "The plans were announced by the Home Secretary on Tuesday.\n\n"
        "The shadow home secretary, Oliver Grant, said the Opposition supported them in principle.\n\n"
        "“I am a reasonable woman, whatever they say in this House,” the Home Secretary said.",
        "Oliver Grant",
    ),
    (  # "he" is never the one a role word shows to be a woman
        "The chairwoman of the county commission, Deborah Lattimore, said the county would seek restitution.\n\n"
        "One juror, a retired officer who asked that only his first name be used, said the panel took four hours.\n\n"
        "“It was the sticky notes in the desk drawer that decided it for most of us,” he said.",
        "Deborah Lattimore",
    ),
    (  # "she notes" shows Dana Pruitt's gender
        "Dana Pruitt estimates that the clinic loses money on every visit. "
        "Most patients, she notes, pay nothing at all.\n\n"
        "“We cannot keep the doors open on goodwill alone, not for another year,” he said.",
        "Dana Pruitt",
    ),
    (  # a body whose name starts with a title word is no person
        "Justice Department lawyers filed the motion on Friday.\n\n"
        "“The defendant poses a clear danger to the community,” he said.",
        "Department",
    ),
    (  # one who names someone else does not take that name
        "\"He was calm and walked right past me,\" said the witness, who identified the gunman as Marcus Hale.",
        "Marcus Hale",
    ),
    (  # a name that does not end its signature's name part signs nothing
        "The crowd grew louder.\n\n“Lock her up! Lock her up! Lock her up!” — Donald Trump supporters, chanting outside",
        "Donald Trump",
    ),
    (  # a byline over the first quotation is no label
        "Budget fight\n\nJane Smith, Political Correspondent\n\n"
        "“We will not back down on the budget, not now and not ever.”\n\nThat was the message on Monday.",
        "Jane Smith",
    ),
    (  # "the president" is not a former one
        "Former President Donald Trump criticised the plan. Biden defended it.\n\n"
        "“It is working, and the numbers show it every month,” the president said.",
        "Donald Trump",
    ),
    (  # another resident came between
        "“We were never warned about the flooding at all,” a resident said. Another resident disagreed.\n\n"
        "The resident, Mary Poole, said she had lived on the street for 40 years.",
        "Mary Poole",
    ),
])
def test_who_a_speaker_cannot_be(quotes, text, not_the_speaker):
    assert direct(quotes(text))[0].speaker != not_the_speaker


def test_it_after_a_report_is_not_the_body_that_obtained_it(quotes):
    text = "The BBC obtained a copy of the inspection report. It said the hospital had ignored warnings."
    assert reported(quotes(text))[-1].speaker != "BBC"
