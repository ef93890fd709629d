"""The bounded reader: every input stops at its byte bound and its wall-clock bound."""

from __future__ import annotations

import io
import time

import pytest

from jobframe.inputs import Bound, InputTooLarge, InputTooSlow, read_all, read_chunks


def test_an_input_within_its_bound_is_read_whole() -> None:
    data = b"x" * 200_000
    assert read_all(io.BytesIO(data).read, Bound("a file", 200_000, 5)) == data


def test_an_input_over_its_bytes_is_refused_before_much_more_is_read() -> None:
    source = io.BytesIO(b"x" * 10_000_000)
    with pytest.raises(InputTooLarge, match="over 1,000 bytes"):
        read_all(source.read, Bound("a file", 1_000, 5))
    assert source.tell() <= 1_001


def test_a_dribbling_input_is_stopped_at_the_deadline_of_the_whole_read() -> None:
    def dribble(size: int) -> bytes:
        time.sleep(0.05)
        return b"x"

    started = time.monotonic()
    with pytest.raises(InputTooSlow, match=r"longer than 0\.3 s"):
        read_all(dribble, Bound("an answer", 1_000_000, 0.3))
    assert time.monotonic() - started < 0.5


def test_each_read_is_told_the_time_left() -> None:
    lefts: list[float] = []
    chunks = read_chunks(io.BytesIO(b"abc").read, Bound("a file", 10, 5), lefts.append)
    assert b"".join(chunks) == b"abc"
    assert lefts and all(0 < left <= 5 for left in lefts)


def test_a_read_that_times_out_is_too_slow() -> None:
    def silent(size: int) -> bytes:
        raise TimeoutError

    with pytest.raises(InputTooSlow):
        read_all(silent, Bound("an answer", 10, 5))
