"""Bulk builds pause the cycle collector and always give it back."""

from __future__ import annotations

import gc

import pytest

from timeline_app.domain.bulk import collector_paused


def test_collector_is_paused_inside_and_restored_after_errors():
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the outer pause still holds afterwards
            pass
        assert not gc.isenabled()
        raise RuntimeError("a damaged project")
    assert gc.isenabled()


def test_a_collector_the_caller_disabled_stays_disabled():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
