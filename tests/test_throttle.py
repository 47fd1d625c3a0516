"""Flood protection logic, with a controlled clock."""

from bot.throttle import Throttle


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_flood_gets_one_notice_then_silence_then_service_again() -> None:
    clock = Clock()
    throttle = Throttle(limit=5, window=10, silence=60, clock=clock)
    verdicts = []
    for _ in range(30):
        verdicts.append(throttle.check(1))
        clock.now += 0.1
    assert verdicts[:5] == ["ok"] * 5
    assert verdicts[5] == "notice"
    assert set(verdicts[6:]) == {"drop"}
    clock.now += 60
    assert throttle.check(1) == "ok"


def test_others_are_not_affected() -> None:
    clock = Clock()
    throttle = Throttle(limit=3, window=10, silence=60, clock=clock)
    for _ in range(10):
        throttle.check(1)
    assert throttle.check(2) == "ok"


def test_a_steady_pace_is_never_throttled() -> None:
    clock = Clock()
    throttle = Throttle(limit=5, window=10, silence=60, clock=clock)
    for _ in range(100):
        assert throttle.check(1) == "ok"
        clock.now += 2.5


def test_quiet_users_are_forgotten() -> None:
    clock = Clock()
    throttle = Throttle(limit=5, window=10, silence=60, clock=clock)
    for user in range(10_002):
        throttle.check(user)
    clock.now += 100
    throttle.check(99_999)
    assert len(throttle._users) < 100


def test_each_kind_has_its_own_budget() -> None:
    from bot.throttle import Kind

    clock = Clock()
    throttle = Throttle(clock=clock)
    inline = [throttle.check(1, Kind.INLINE) for _ in range(25)]  # a question typed keystroke by keystroke
    assert set(inline) == {"ok"}
    presses = [throttle.check(1, Kind.BUTTON) for _ in range(15)]
    assert set(presses) == {"ok"}
    assert throttle.check(1) == "ok"  # neither used up the message budget
    verdicts = [throttle.check(1) for _ in range(throttle.limit)]  # one past the budget
    assert verdicts[-1] == "notice"
    assert throttle.check(1, Kind.INLINE) == "ok"  # silenced for messages only
