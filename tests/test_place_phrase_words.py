"""The prepositions in data/phrase_words.yaml: a case misspelt there would silently never fit."""

from pymorphy3.tagset import OpencorporaTag

from knowledge.places import phrases
from knowledge.places.tokens import Reading


def test_every_preposition_governs_cases_the_dictionaries_tag():
    for table in (phrases.LOCATION_PREPOSITIONS, phrases.FROM_PREPOSITIONS):
        for word, cases in table.items():
            assert cases is None or cases <= OpencorporaTag.CASES, word


def test_the_named_preposition_sets_hold_only_known_prepositions():
    known = {*phrases.LOCATION_PREPOSITIONS, *phrases.FROM_PREPOSITIONS}
    assert known >= phrases.COUNTRY_PREPOSITIONS
    assert known >= phrases.RECKONING_PREPOSITIONS


def test_a_preposition_s_case_decides_whether_a_place_fits():
    locative = Reading("москва", False, frozenset({"loct"}), False, False, True)
    assert phrases.case_fits("в", locative, ukrainian=False)
    assert not phrases.case_fits("из", locative, ukrainian=False)
    assert phrases.case_fits("in", None, ukrainian=False)
