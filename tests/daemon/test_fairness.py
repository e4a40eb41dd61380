"""The fair queue on its own: who a free worker serves next (claimlight.server.fairness)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimlight.server.fairness import CREDIT, FairQueue


def drain(queue: FairQueue) -> list:
    out = []
    while (item := queue.pop()) is not None:
        out.append(item)
    return out


def test_a_newcomer_goes_before_the_backlog_of_a_heavy_client():
    queue = FairQueue()
    for i in range(20):
        queue.push("heavy", "", f"h{i}", 6000)
    assert [queue.pop(), queue.pop()] == ["h0", "h1"]  # both workers busy with the heavy client
    queue.push("light", "", "l0", 4500)
    queue.push("light", "", "l1", 4500)
    # The light client's two pieces cost less than one more heavy piece: both go first.
    assert [queue.pop(), queue.pop(), queue.pop()] == ["l0", "l1", "h2"]


def test_equal_clients_take_turns_however_much_each_queued():
    queue = FairQueue()
    for i in range(6):
        queue.push("a", "", f"a{i}", 100)
    for i in range(2):
        queue.push("b", "", f"b{i}", 100)
    assert drain(queue) == ["a0", "b0", "a1", "b1", "a2", "a3", "a4", "a5"]


def test_pages_of_one_client_share_its_turn():
    queue = FairQueue()
    for i in range(4):
        queue.push("ext", "tab1", f"t1-{i}", 100)
    queue.push("ext", "tab2", "t2-0", 100)
    queue.push("other", "", "o0", 100)
    queue.push("other", "", "o1", 100)
    order = drain(queue)
    # Clients alternate; inside the extension's turns, its two tabs alternate.
    assert order[:4] == ["t1-0", "o0", "t2-0", "o1"]
    assert order[4:] == ["t1-1", "t1-2", "t1-3"]


def test_an_idle_client_earns_a_bounded_credit():
    queue = FairQueue()
    queue.push("a", "", "a0", 100)
    assert queue.pop() == "a0"
    for i in range(300):  # b works alone for a long while
        queue.push("b", "", f"b{i}", 100)
        assert queue.pop() == f"b{i}"
    for i in range(200):
        queue.push("b", "", f"B{i}", 100)
    for i in range(200):
        queue.push("a", "", f"A{i}", 100)
    order = drain(queue)
    # a goes first for its credit's worth (not for the 30,000 it was idle), then they take turns.
    burst = int(CREDIT // 100)
    assert order[:burst] == [f"A{i}" for i in range(burst)]
    assert 18 <= sum(x.startswith("A") for x in order[burst:burst + 40]) <= 22


def test_a_newcomers_article_goes_before_two_backlogged_floods_as_one():
    queue = FairQueue()
    for i in range(50):
        queue.push("flood1", "", f"f{i}", 2000)
        queue.push("flood2", "", f"g{i}", 2000)
    for _ in range(40):  # the floods have had the workers for a while
        queue.pop()
    # A 1,500-word article: its pieces (cut around lines parsed before) and its analysis.
    for i in range(7):
        queue.push("reader", "", f"r{i}", 1300)
    queue.push("reader", "", "analysis", 0.2 * 9000)
    nxt = [queue.pop() for _ in range(8)]
    assert nxt == [f"r{i}" for i in range(7)] + ["analysis"]


def test_a_client_back_at_once_has_only_the_credit_it_left():
    queue = FairQueue()
    for i in range(100):
        queue.push("flood", "", f"f{i}", 2000)
    for i in range(20):
        queue.pop()
    for i in range(5):  # a reader's 10,000 characters: most of its credit used
        queue.push("reader", "", f"r{i}", 2000)
    assert [queue.pop() for _ in range(5)] == [f"r{i}" for i in range(5)]
    queue.pop()  # a flood piece while the reader reads
    for i in range(5):  # and a second page straight away: no second credit, turns with the flood
        queue.push("reader", "", f"s{i}", 2000)
    nxt = [queue.pop() for _ in range(6)]
    assert sum(x.startswith("f") for x in nxt) >= 2


def test_remove_and_drain():
    queue = FairQueue()
    items = [object() for _ in range(3)]
    for item in items:
        queue.push("c", "p", item, 10)
    assert queue.remove("c", "p", items[1]) and not queue.remove("c", "p", items[1])
    assert not queue.remove("nobody", "p", items[0])
    assert len(queue) == 2
    assert queue.drain() == [items[0], items[2]] and len(queue) == 0 and queue.pop() is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2), st.integers(1, 5000)), max_size=60))
def test_every_item_comes_out_once_and_each_page_in_order(pushes):
    queue = FairQueue()
    for n, (client, page, cost) in enumerate(pushes):
        queue.push(client, page, (client, page, n), cost)
    order = drain(queue)
    assert sorted(order, key=lambda item: item[2]) == [(c, p, n) for n, (c, p, _) in enumerate(pushes)]
    for client in range(4):
        for page in range(3):
            mine = [n for c, p, n in order if (c, p) == (client, page)]
            assert mine == sorted(mine)


def test_a_client_with_many_requests_gets_no_more_than_its_share():
    queue = FairQueue()
    for i in range(100):
        queue.push("greedy", f"page{i}", f"g{i}", 1000)
    for i in range(5):
        queue.push("modest", "", f"m{i}", 1000)
    first_ten = [queue.pop() for _ in range(10)]
    assert sum(item.startswith("m") for item in first_ten) == 5


def test_items_a_worker_may_not_take_are_passed_over_and_keep_their_place():
    queue = FairQueue()
    queue.push("a", "", "A-long", 100)
    queue.push("a", "", "A-short", 100)
    queue.push("b", "", "B-short", 100)
    short_only = lambda item: not item.endswith("long")  # noqa: E731
    # a's next item is long: a waits (its short item stays behind it), b goes.
    assert queue.pop(short_only) == "B-short"
    assert queue.pop(short_only) is None
    assert queue.pop() == "A-long" and queue.pop() == "A-short"
