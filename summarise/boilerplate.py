"""Keep page furniture out of the ranking: captions, bylines, "Scroll down for video".

News pages scraped to plain text keep picture captions and calls to action in
the body, often glued to the next sentence with no full stop between them
("… during the minute's silence Arron Cutugno, who was …"). Nothing here
edits the text: it returns the sentence spans worth ranking, each still a
verbatim ``text[start:end]`` of the article, so offsets stay valid.
"""

from __future__ import annotations

import re

from summarise.text import Sentence, sentences

# Calls to action and bylines, matched at the start of a sentence.
_FURNITURE = re.compile(
    r"""^(?:scroll\ down\ for\ (?:the\ )?videos?\b\W* | read\ more\b | click\ here\b
        | follow\ (?:@|us\b|him\b|her\b|the\b) | share\ this\b | sign\ up\b | advertisement\b
        | by\ \.\s | published:\s | updated:\s | last\ updated\b | daily\ mail\ reporter\b
        | (?:video|watch|photo|image|picture|pictured|credit|source)\s*:\s )""",
    re.IGNORECASE | re.VERBOSE,
)
# A byline: "By Claire Martin", "By CLAIRE MARTIN and Tom Reed, Europe correspondents",
# "By Anna Jansen · Published 3 June 2025". A name (capitalised words) after "By", then nothing,
# or a role or a date after a comma, a bar or a dot; never a sentence ("By Tuesday, the fire had
# spread." ends in a full stop, and a byline does not).
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|da|di|le|la|bin|al))*"
_BYLINE = re.compile(
    rf"""^By\s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*        # names
        (?:\s*(?:[,|·•/–—-]|\bin\b)\s*[^.!?]*)?$       # ", Europe correspondent", "· Published …"
    """,
    re.VERBOSE,
)
# "By Monday, …", "By Christmas": a time, not a writer.
_NOT_NAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "christmas", "easter", "then", "now", "today", "tomorrow", "tonight",
    "noon", "midnight", "dawn", "law", "contrast", "comparison", "far", "mid", "early", "late",
}
# A verb makes it a sentence: "By Tuesday, 40 ships were stranded".
_FINITE = re.compile(r"\b(?:is|are|was|were|had|has|have|will|would|could|can|did|does)\b", re.I)
# Any sentence naming the writer's job is a byline: "Claire Martin, Europe correspondent".
_ROLE = re.compile(
    r"^(?:by\s+)?[A-Z][^.!?]{0,60}\b(?:correspondent|reporter|editor|writer|columnist|"
    r"contributor|staff|bureau|news\s+desk)s?\b[^.!?]{0,40}$",
    re.IGNORECASE,
)
# A timestamp line: "Updated 14:32 GMT, 12 August 2025", "Posted on Monday at 9 a.m.",
# "12 August 2025 | 14:32": nothing but dates and times, maybe after "updated"/"published".
_STAMP_WORD = re.compile(
    r"""(?:\d[\d:./-]*(?:st|nd|rd|th|am|pm|h)?|[ap]\.?m\.?|gmt|utc|bst|cet|cest|[ecmp][sd]?t
        |jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?
        |oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?
        |thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|today|yesterday|on|at|ago
        |seconds?|mins?|minutes?|hours?|hrs?|days?|weeks?|months?|years?|an|a|last|first)\.?""",
    re.IGNORECASE | re.VERBOSE,
)
_STAMP_LEAD = re.compile(
    r"^(?:(?:last\s+|first\s+)?(?:updated|published|posted|modified|created|edited)(?:\s+on|\s+at)?"
    r"|date(?:d|line)?)\s*:?\s*",
    re.IGNORECASE,
)
# A lead-in that can be cut off, leaving a real sentence behind.
_CUTTABLE = re.compile(r"^(?:scroll down for (?:the )?videos?\b\W*)", re.IGNORECASE)
# Where a picture is: "(left)", "(pictured above)", "(file photo)", ", pictured in 2014,".
_PICTURE = re.compile(
    r"""\((?:pictured|above|below|left|right|centre|center|top|bottom|inset|far\ left|far\ right
              |second\ left|second\ right|l-r|r-l|file(?:\ photo|\ picture|\ image)?|stock)\b[^)]*\)
        | \bpictured\ (?:here|above|below|left|right|centre|center|in\ \d{4})
        | ,\ pictured\b | \b(?:left|right|centre|center),\ (?:is\ )?pictured\b""",
    re.IGNORECASE | re.VERBOSE,
)
# A caption's headword and colon: "Sleepy kid: Brock Guzman, 8, was last seen …".
_CAPTION_LABEL = re.compile(r"^[A-Z][\w'’!-]*(?:\s+[\w'’!-]+){0,3}\s*:\s+(?![\"'“‘])")
# A label that opens like prose is prose: "The implication is clear: …", "Among them: …".
_SENTENCE_OPENERS = {
    "the", "a", "an", "this", "that", "these", "those", "thus", "so", "another", "for", "among",
    "in", "on", "at", "but", "and", "one", "my", "our", "his", "her", "their", "its", "it", "there",
}
_SPEECH = re.compile(r"\b(?:said|says|told|tells|added|asked|wrote|tweeted|explained)\b", re.I)
# A sentence start hiding inside a run-on line: a lower-case word, then a word
# that only begins sentences. Captions end without a full stop, so this is
# where a caption meets the article's next sentence.
# A determiner before a capital starts a name, not a sentence ("told The Huffington Post").
_HIDDEN_START = re.compile(
    r"(?<=[a-z0-9%’'\)])\s+(?=(?:(?:He|She|They|It|We|But|However|Meanwhile|Now)\s"
    r"|(?:The|His|Her|Their|This|These|Those|A|An)\s+[a-z]))"
)
_LOWER_WORD = re.compile(r"(?:^|\s)([a-z0-9][^\s]*)$")
# No sentence ends on these, so a capital after them is a name ("at The Oval").
_NO_END = {"a", "an", "the", "at", "in", "on", "of", "for", "to", "from", "by", "with", "and",
           "or", "as", "into", "about", "named", "called", "dubbed"}
_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def content_sentences(text: str) -> list[Sentence]:
    """The article's sentences, less boilerplate and captions, as verbatim spans."""
    kept: list[Sentence] = []
    for sentence in sentences(text):
        for piece in _pieces(sentence):
            piece = _cut_lead_in(piece)
            if piece is not None and not is_boilerplate(piece.text):
                kept.append(piece)
    return kept


def is_boilerplate(sentence: str) -> bool:
    """True for a call to action, a byline or a picture caption."""
    if _FURNITURE.match(sentence) or _PICTURE.search(sentence):
        return True
    if is_byline(sentence) or is_timestamp(sentence):
        return True
    label = _CAPTION_LABEL.match(sentence)
    if not label or _SPEECH.search(label.group()):
        return False
    return label.group().split()[0].lower() not in _SENTENCE_OPENERS


def is_byline(sentence: str) -> bool:
    """"By Claire Martin, Europe correspondent", "By CLAIRE MARTIN", "Jo Reed, staff writer"."""
    line = sentence.strip().strip("*_").strip()
    if len(line.split()) > 16:
        return False
    if re.match(r"by\s", line, re.IGNORECASE) and _BYLINE.match("By" + line[2:]):
        first = line.split()[1].lower().strip(",.")
        return first not in _NOT_NAMES and not _FINITE.search(line)
    return bool(_ROLE.match(line))


def is_timestamp(sentence: str) -> bool:
    """A line of nothing but dates and times, maybe after "Updated"/"Published" (no colon needed).

    "Updated 14:32 GMT, 12 August 2025" is one; "Updated figures show a rise." is not.
    """
    line = sentence.strip().strip("*_").strip()
    lead = _STAMP_LEAD.match(line)
    rest = line[lead.end():] if lead else line
    words = [w for w in re.split(r"[\s,|·•()\[\]–—]+", rest) if w and w not in {"-", "/"}]
    if not words or len(words) > 12:
        return False
    if not all(_STAMP_WORD.fullmatch(w) for w in words):
        return False
    # a bare "May 2" or "At 9" is too little to be sure; with "Updated" or a digit it is a stamp
    return bool(lead) or any(ch.isdigit() for ch in rest)


def _pieces(sentence: Sentence) -> list[Sentence]:
    """Split a run-on line at hidden sentence starts; drop the pieces before them.

    A piece that ends without closing punctuation and runs straight into another
    sentence is a caption; the last piece is the article's own sentence.
    """
    text = sentence.text
    cuts = [m.end() for m in _HIDDEN_START.finditer(text) if _ends_a_sentence(text, m.start())]
    if not cuts:
        return [sentence]
    bounds = [0, *cuts, len(sentence.text)]
    pieces = []
    for first, last in zip(bounds, bounds[1:]):
        chunk = sentence.text[first:last].rstrip()
        is_last = last == len(sentence.text)
        if is_last or _END.search(chunk):
            start = sentence.start + first
            pieces.append(Sentence(chunk, start, start + len(chunk), sentence.paragraph))
    return pieces


def _ends_a_sentence(text: str, end: int) -> bool:
    """Whether the word before ``end`` can close a (caption) sentence."""
    word = _LOWER_WORD.search(text, 0, end)
    return bool(word) and word.group(1).lower() not in _NO_END


def _cut_lead_in(sentence: Sentence) -> Sentence | None:
    """"Scroll down for video The new prince …" → "The new prince …"."""
    match = _CUTTABLE.match(sentence.text)
    if not match:
        return sentence
    rest = sentence.text[match.end() :]
    if not rest.strip():
        return None
    return Sentence(rest, sentence.start + match.end(), sentence.end, sentence.paragraph)
