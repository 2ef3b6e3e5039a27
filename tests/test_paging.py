"""companies.paging: paginators over known counts, lookahead pages and links that keep the query."""

from django.core.cache import cache
from django.http import QueryDict

from companies.paging import CountedPaginator, LookaheadPage, page_links, page_number, window


def test_counted_paginator_takes_its_count_and_clamps_page_numbers():
    paginator = CountedPaginator(51, 25)
    assert (paginator.count, paginator.num_pages) == (51, 3)
    assert [paginator.number(raw) for raw in ("2", "99", "x", None, "0")] == [2, 3, 1, 1, 3]
    assert paginator.offset(3) == 50
    page = paginator.page_for(3, ["last"])
    assert (page.start_index(), page.end_index(), page.has_next()) == (51, 51, False)
    assert CountedPaginator(0, 25).number("5") == 1


def test_lookahead_page_reads_one_row_more_than_it_shows():
    rows = list(range(1, 8))
    first = LookaheadPage.read(rows, 1, 3)
    assert (first.rows, first.has_next, first.has_previous) == ([1, 2, 3], True, False)
    last = LookaheadPage.read(rows, 3, 3)
    assert (last.rows, last.has_next, last.start_index, last.end_index) == ([7], False, 7, 7)
    assert LookaheadPage.read(rows, 9, 3).rows == []


def test_page_number_is_between_one_and_the_maximum():
    assert [page_number(v) for v in ("3", None, "-2", "abc")] == [3, 1, 1, 1]
    assert page_number("99999999") == 10_000


def test_links_change_only_their_own_parameter():
    params = QueryDict("as_of=2020-01-01&open_page=2&timeline_page=3&format=csv")
    page = CountedPaginator(100, 25).page_for(2, [])
    links = page_links(params, page, param="open_page", label="Open", fragment="group-open")
    assert links.previous == "?as_of=2020-01-01&timeline_page=3#group-open"  # page 1 drops the parameter
    assert links.next == "?as_of=2020-01-01&open_page=3&timeline_page=3#group-open"
    assert links.last.startswith("?as_of=2020-01-01&open_page=4") and links.shown
    lookahead = page_links(params, LookaheadPage([1], 1, 25, False), param="timeline_page")
    assert not lookahead.shown and lookahead.num_pages is None


def test_window_finds_the_lists_a_page_of_rows_falls_in():
    sizes = [("a", 3), ("b", 0), ("c", 4), ("d", 1), ("e", 5)]
    rows = [key for key, n in sizes for _ in range(n)]  # the lists laid end to end
    for start in range(0, 14):
        for size in (1, 2, 5):
            keys, skip = window(sizes, start, size)
            shown = [key for key, n in sizes if key in keys for _ in range(n)][skip : skip + size]
            assert shown == rows[start : start + size], (start, size)
    assert window(sizes, 13, 5) == ([], 0)
    assert window([], 0, 25) == ([], 0)


def test_remember_computes_a_missing_answer_once_for_threads_asking_at_once():
    import threading
    import time

    from companies import cached
    from companies.paging import remember

    calls = []

    def slow():
        calls.append(1)
        time.sleep(0.2)
        return 42

    answers = []
    threads = [threading.Thread(target=lambda: answers.append(remember("test-slow", slow))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [42] * 4 and len(calls) == 1
    cached.forget()  # a new generation: asked again, computed again
    assert remember("test-slow", slow) == 42 and len(calls) == 2


def test_remember_gives_a_stale_answer_while_another_request_renews_it(monkeypatch):
    from companies import cached, paging
    from companies.paging import remember

    now = [1_000_000.0]
    monkeypatch.setattr(paging.time, "time", lambda: now[0])
    calls = []

    def count():
        calls.append(1)
        return len(calls)

    assert remember("test-stale", count) == 1
    now[0] += cached.SECONDS - 1
    assert remember("test-stale", count) == 1 and len(calls) == 1  # fresh
    now[0] += 2
    key = cached._key("test-stale")
    assert cache.add(f"{key}:renewing", True)  # another request (or worker) is renewing it
    assert remember("test-stale", count) == 1 and len(calls) == 1  # stale, given meanwhile
    cache.delete(f"{key}:renewing")
    assert remember("test-stale", count) == 2  # this request renews it
    assert remember("test-stale", count) == 2 and len(calls) == 2
    cached.forget()  # a status changed: nothing stale is given, the answer is computed again
    assert remember("test-stale", count) == 3
