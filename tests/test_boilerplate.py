"""Boilerplate and captions are left out of ranking without touching the text."""

from summarise.boilerplate import content_sentences, is_boilerplate


def _texts(text: str) -> list[str]:
    found = content_sentences(text)
    for sentence in found:
        assert text[sentence.start : sentence.end] == sentence.text
    return [s.text for s in found]


def test_calls_to_action_and_bylines_are_dropped() -> None:
    for line in [
        "Read more: the full list of winners",
        "Follow @jsmith on Twitter.",
        "By . Jane Smith . PUBLISHED: 10:02 EST, 3 April 2015 .",
        "Click here to watch the match.",
    ]:
        assert is_boilerplate(line), line


def test_picture_captions_are_dropped() -> None:
    assert is_boilerplate("Wayne Rooney (right) scored a spectacular second.")
    assert is_boilerplate("Mr Waley-Cohen, pictured in 2014, rode to success at Aintree.")
    assert is_boilerplate("Guilty: Glenn Mason, 56, has said he will pay back the whole sum.")


def test_ordinary_sentences_are_kept() -> None:
    assert not is_boilerplate("The guards were pictured with the senator at a rally.")
    assert not is_boilerplate("He told supporters in Somerset: 'Go to Greece.'")
    assert not is_boilerplate("The council voted 7-2 to close the library on Friday.")


def test_scroll_down_lead_in_is_cut_and_the_sentence_kept() -> None:
    text = "Scroll down for video The new prince will be fourth in line to the throne."
    assert _texts(text) == ["The new prince will be fourth in line to the throne."]


def test_caption_glued_to_the_next_sentence_is_split_off() -> None:
    text = (
        "Crowds were angry. Father Arron Cutugno said he was disgusted by the choice of music"
        " He was taking his young daughter to her first ceremony. It ended at noon."
    )
    assert _texts(text) == [
        "Crowds were angry.",
        "He was taking his young daughter to her first ceremony.",
        "It ended at noon.",
    ]


def test_a_capital_after_a_capitalised_word_is_not_a_hidden_start() -> None:
    text = "Nurse A said he groped her. The court heard it at The Oval."
    assert _texts(text) == ["Nurse A said he groped her.", "The court heard it at The Oval."]


def test_a_determiner_before_a_name_is_not_a_hidden_sentence_start() -> None:
    text = "Sen. Lindsey Graham told The Huffington Post on Thursday that he would vote no."
    assert _texts(text) == [text]


def test_a_label_that_opens_like_prose_is_not_a_caption() -> None:
    assert not is_boilerplate("The implication is clear: the council must act now.")
    assert not is_boilerplate("Among them: a deduction for interest expenses.")
    assert is_boilerplate("Sleepy kid: Brock Guzman, 8, was last seen inside the car.")


def test_bylines_with_a_role_and_timestamps_are_dropped() -> None:
    for line in [
        "By Claire Martin, Europe correspondent",
        "By CLAIRE MARTIN",
        "By Jane Smith and John Doe in Paris",
        "By Anna Jansen, Business Correspondent · Published 3 June 2025",
        "*By Staff Reporter*",
        "Claire Martin, Europe correspondent",
        "Updated 14:32 GMT, 12 August 2025",
        "Last updated 3 hours ago",
        "Posted on Monday at 9 a.m.",
        "12 August 2025 | 14:32 BST",
    ]:
        assert is_boilerplate(line), line


def test_sentences_that_open_like_bylines_or_stamps_are_kept() -> None:
    for line in [
        "By Tuesday, the fire had spread to 3,000 hectares.",
        "By Monday, 40 ships were stranded",
        "By 2030, emissions must fall by half.",
        "By contrast, prices fell.",
        "Updated figures show a rise in unemployment.",
        "The correspondent said he was told to leave.",
    ]:
        assert not is_boilerplate(line), line


def test_title_byline_and_timestamp_above_the_lead_are_not_claims() -> None:
    from summarise.pipeline import ranking_sentences, text_for_parsing, title_span

    text = (
        "Wildfire forces thousands to flee homes in southern France\n\n"
        "By Claire Martin, Europe correspondent\n\n"
        "Updated 14:32 GMT, 12 August 2025\n\n"
        "MARSEILLE, France (AP) — A wildfire tore through pine forests on Monday, officials said.\n\n"
        "Firefighters battled the blaze through the night."
    )
    parse_text = text_for_parsing(text)
    assert len(parse_text) == len(text)
    found = [s.text for s in ranking_sentences(parse_text)]
    # the lead paragraph's dateline is blanked even though it is not the first paragraph
    assert found == [
        "A wildfire tore through pine forests on Monday, officials said.",
        "Firefighters battled the blaze through the night.",
    ]
    title = title_span(parse_text)
    assert title is not None and text[title.start : title.end].startswith("Wildfire forces")


def test_a_first_paragraph_that_is_a_sentence_is_not_a_title() -> None:
    from summarise.pipeline import ranking_sentences, text_for_parsing, title_span

    text = "The council voted to close the library.\n\nA petition against it has 900 names."
    assert title_span(text_for_parsing(text)) is None
    assert len(ranking_sentences(text_for_parsing(text))) == 2
    # a dateline in a later paragraph, after a real sentence, is left alone
    text = "The council voted to close it.\n\nPARIS (AP) — Paris did the same."
    assert text_for_parsing(text) == text


def test_a_transcript_label_opening_the_article_is_no_dateline() -> None:
    from summarise.pipeline import text_for_parsing

    transcript = "TAPPER: Will it pass?\n\nFALLIN: I think so.\n\nTAPPER: Why?"
    assert text_for_parsing(transcript) == transcript
    wire = "PARIS: Police used tear gas near the Louvre.\n\nBERLIN: A rally passed off peacefully."
    assert text_for_parsing(wire).startswith("       Police used tear gas")


def test_markdown_heading_and_emphasis_marks_are_blanked() -> None:
    from summarise.pipeline import ranking_sentences, text_for_parsing, title_span

    text = (
        "# Port strike halts Rotterdam\n\n*By Staff Reporter*\n\n"
        "ROTTERDAM (Wire) – Dock workers walked off the job on Tuesday.\n\n"
        "> The strike is expected to last 48 hours.\n"
    )
    parse_text = text_for_parsing(text)
    title = title_span(parse_text)
    assert title is not None and parse_text[title.start : title.end] == "Port strike halts Rotterdam"
    found = [s.text for s in ranking_sentences(parse_text)]
    assert found == ["Dock workers walked off the job on Tuesday.", "The strike is expected to last 48 hours."]
    for sentence in ranking_sentences(parse_text):
        assert text[sentence.start : sentence.end] == sentence.text
