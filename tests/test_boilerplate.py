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
