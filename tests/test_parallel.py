import pytest

from framing.errors import SettingsError
from framing.parallel import available_cpus, resolve_workers


def test_given_workers_are_taken_as_they_are(monkeypatch):
    monkeypatch.setattr("framing.parallel.available_cpus", lambda: 4)
    assert resolve_workers(1, 1000, min_units=4) == 1
    assert resolve_workers(3, 1, min_units=4) == 3


@pytest.mark.parametrize("asked", [5, 10_000])
def test_more_workers_than_cpus_are_refused_naming_the_option(monkeypatch, asked):
    """Issue 10: --workers 10000 forked ten thousand processes at once (a traceback, then a hang)."""
    monkeypatch.setattr("framing.parallel.available_cpus", lambda: 4)
    with pytest.raises(SettingsError, match=rf"workers must be at most 4, the CPUs this process may run on "
                                            rf"\(--workers 4 or fewer; leave it out for every CPU\); got {asked:,}"):
        resolve_workers(asked, 10, min_units=1)


def test_none_uses_every_cpu_only_for_work_big_enough(monkeypatch):
    monkeypatch.setattr("framing.parallel.available_cpus", lambda: 4)
    assert resolve_workers(None, 3, min_units=4) == 1          # too small to pay for processes
    assert resolve_workers(None, 100, min_units=4) == 4
    assert resolve_workers(None, 5, min_units=2) == 4
    assert resolve_workers(None, 2, min_units=2) == 2          # never more processes than units


def test_available_cpus_is_at_least_one():
    assert available_cpus() >= 1


@pytest.mark.parametrize("bad", [0, -2, 1.5, "2", True])
def test_bad_workers_are_refused_with_what_to_give(bad):
    with pytest.raises(SettingsError, match=r"workers must be a whole number of processes, 1 or more \(--workers N"):
        resolve_workers(bad, 10, min_units=1)


def test_process_pool_runs_work_and_freezes_the_collector_only_meanwhile():
    import gc

    from framing.parallel import process_pool

    assert gc.get_freeze_count() == 0
    with process_pool(2) as pool:
        assert list(pool.map(abs, [-1, -2, 3])) == [1, 2, 3]
        assert gc.get_freeze_count() > 0        # this process's objects are out of the collector's way
    assert gc.get_freeze_count() == 0
