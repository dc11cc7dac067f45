"""The progress throttle: a few calls a second, never the final one dropped."""

from __future__ import annotations

import threading

from app.core.tasks import Throttle, throttled


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_passes_first_then_at_most_every_interval():
    seen, clock = [], Clock()
    progress = Throttle(lambda d, t: seen.append(d), 0.2, clock=clock)
    progress(0, 10)  # first: passes
    progress(1, 10)  # 0 s later: dropped
    clock.now += 0.19
    progress(2, 10)  # 0.19 s: dropped
    clock.now += 0.01
    progress(3, 10)  # 0.2 s after the last passed one: passes
    clock.now += 0.1
    progress(4, 10)
    assert seen == [0, 3]


def test_final_call_always_passes():
    seen, clock = [], Clock()
    progress = Throttle(lambda d, t: seen.append((d, t)), 5.0, clock=clock)
    progress(1, 3)
    progress(2, 3)
    progress(3, 3)  # final, at once
    progress(4, 3)  # past the end still counts as final
    assert seen == [(1, 3), (3, 3), (4, 3)]


def test_final_call_restarts_the_interval():
    seen, clock = [], Clock()
    progress = Throttle(lambda d, t: seen.append(d), 1.0, clock=clock)
    progress(5, 5)
    clock.now += 0.5
    progress(1, 9)  # a new run half a second after the final call: dropped
    clock.now += 0.5
    progress(2, 9)
    assert seen == [5, 2]


def test_real_threads_get_few_calls_and_the_final_one():
    seen, lock = [], threading.Lock()

    def record(done: int, total: int) -> None:
        assert lock.acquire(blocking=False), "the callback was entered twice at once"
        seen.append(done)
        lock.release()

    progress = throttled(record, 60.0)  # a long interval: only the first and the final pass
    total = 8 * 500
    counter = iter(range(1, total + 1))
    counter_lock = threading.Lock()

    def worker() -> None:
        for _ in range(500):
            with counter_lock:
                done = next(counter)
            progress(done, total)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 2 and seen[1] == total  # whichever call came first, then the final one
