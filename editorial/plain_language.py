"""A plain-English check for editors: reading ease, long sentences, long words and jargon.

Flesch reading ease is a rough guide made for English (60 or more reads easily; our readers
need 70 or more). It is a prompt to look again, never a verdict.
"""

import re
from dataclasses import dataclass, field

SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n{2,}|\n(?=[-*#]|\d+\.)")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
MARKDOWN_NOISE = re.compile(r"\]\([^)]*\)|[#*_>`\[\]]")
LONG_SENTENCE_WORDS = 20
LONG_WORD_SYLLABLES = 4
TARGET_EASE = 70


def syllables(word):
    """An estimate good enough for a reading score: vowel groups, less a silent final e."""
    word = word.lower().strip("'’-")
    if len(word) <= 3:
        return 1
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(count, 1)


@dataclass
class PlainLanguageReport:
    words: int = 0
    sentences: int = 0
    reading_ease: float | None = None
    long_sentences: list = field(default_factory=list)
    long_words: list = field(default_factory=list)
    jargon: list = field(default_factory=list)  # (term, plain alternative)

    @property
    def reads_easily(self):
        return self.reading_ease is not None and self.reading_ease >= TARGET_EASE


def check(text, jargon_terms=()):
    """Check English Markdown. ``jargon_terms``: (term, plain alternative) pairs."""
    plain = MARKDOWN_NOISE.sub(" ", text or "")
    sentences = [part.strip() for part in SENTENCE_END.split(plain) if WORD.search(part)]
    report = PlainLanguageReport(sentences=len(sentences))
    total_syllables = 0
    long_words = set()
    for sentence in sentences:
        words = WORD.findall(sentence)
        report.words += len(words)
        if len(words) > LONG_SENTENCE_WORDS:
            report.long_sentences.append(sentence)
        for word in words:
            count = syllables(word)
            total_syllables += count
            if count >= LONG_WORD_SYLLABLES and not word.isupper():
                long_words.add(word.lower())
    if report.words and report.sentences:
        report.reading_ease = round(
            206.835
            - 1.015 * (report.words / report.sentences)
            - 84.6 * (total_syllables / report.words),
            1,
        )
    report.long_words = sorted(long_words)
    lowered = plain.lower()
    report.jargon = [
        (term, alternative)
        for term, alternative in jargon_terms
        if re.search(rf"(?<![\w]){re.escape(term.lower())}(?![\w])", lowered)
    ]
    return report
