"""The registry of word caches: answers are kept, and one call forgets them all."""

from phi_core.word_cache import clear_word_caches, word_cache


def test_an_answer_is_kept_until_the_caches_are_cleared():
    calls = []

    @word_cache(maxsize=8)
    def length(word: str) -> int:
        calls.append(word)
        return len(word)

    assert length("山田") == 2 and length("山田") == 2
    assert calls == ["山田"]
    clear_word_caches()
    assert length("山田") == 2
    assert calls == ["山田", "山田"]


def test_the_recognizers_word_answers_are_registered():
    from phi_core.extractors.recognition.name_parts import can_be_surname

    can_be_surname("佐藤")
    assert can_be_surname.cache_info().currsize >= 1
    clear_word_caches()
    assert can_be_surname.cache_info().currsize == 0
