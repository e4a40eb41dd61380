"""configure_logging: journald lines under systemd, stderr plus a rotating file elsewhere."""

from __future__ import annotations

import io
import logging
import logging.handlers
from pathlib import Path

import pytest

from claimlight.service import logs as logsetup
from claimlight.settings.config import Config


@pytest.fixture(autouse=True)
def restore_root_logger():
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    for h in root.handlers[:]:
        if h not in handlers:
            root.removeHandler(h)
            h.close()
    root.setLevel(level)


def _ours() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if getattr(h, logsetup._MARK, False)]


def test_under_systemd_plain_priority_lines_to_stderr_only(home: Path) -> None:
    stream = io.StringIO()
    logsetup.configure_logging(Config(log_level="debug"), environ={"INVOCATION_ID": "abc"}, stream=stream)
    assert len(_ours()) == 1
    logging.getLogger("claimlight.test").warning("careful")
    logging.getLogger("claimlight.test").debug("detail")
    assert stream.getvalue() == "<4>claimlight.test: careful\n<7>claimlight.test: detail\n"
    assert not (home / ".local" / "state" / "claimlight").exists()


def test_journal_stream_must_name_our_stderr(home: Path, tmp_path: Path) -> None:
    with open(tmp_path / "err", "w") as fh:
        import os

        st = os.fstat(fh.fileno())
        assert logsetup.under_journald({"JOURNAL_STREAM": f"{st.st_dev}:{st.st_ino}"}, fh)
        # Inherited by a child whose stderr goes elsewhere: not the journal.
        assert not logsetup.under_journald({"JOURNAL_STREAM": "1:2"}, fh)


def test_foreground_writes_stderr_and_a_rotating_file(home: Path) -> None:
    stream = io.StringIO()
    logsetup.configure_logging(Config(log_level="info"), environ={"HOME": str(home)}, stream=stream)
    handlers = _ours()
    files = [h for h in handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert len(handlers) == 2 and len(files) == 1
    expected = home / ".local" / "state" / "claimlight" / "claimlight.log"
    assert Path(files[0].baseFilename) == expected
    logging.getLogger("claimlight.test").info("hello")
    logging.getLogger("claimlight.test").debug("hidden")
    files[0].flush()
    assert "INFO claimlight.test: hello" in stream.getvalue() and "hidden" not in stream.getvalue()
    assert "claimlight.test: hello" in expected.read_text()


def test_reconfiguring_replaces_handlers_and_keeps_filters(home: Path) -> None:
    class Mask(logging.Filter):
        def filter(self, record):
            record.msg = str(record.msg).replace("secret", "[redacted]")
            return True

    stream = io.StringIO()
    env = {"INVOCATION_ID": "x"}
    logsetup.configure_logging(Config(), environ=env, stream=stream)
    _ours()[0].addFilter(Mask())
    logsetup.configure_logging(Config(log_level="warning"), environ=env, stream=stream)
    assert len(_ours()) == 1
    logging.getLogger("claimlight.test").warning("a secret")
    logging.getLogger("claimlight.test").info("quiet")
    assert stream.getvalue() == "<4>claimlight.test: a [redacted]\n"


def test_unwritable_log_dir_does_not_stop_the_daemon(home: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    stream = io.StringIO()
    logsetup.configure_logging(Config(), environ={}, stream=stream, log_file=blocker / "sub" / "claimlight.log")
    assert len(_ours()) == 1
    assert "not logging to" in stream.getvalue()


def test_no_stderr_under_pythonw(home: Path, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr("sys.stderr", None)
    logsetup.configure_logging(Config(), environ={}, log_file=tmp_path / "c.log")
    handlers = _ours()
    assert [type(h) for h in handlers] == [logging.handlers.RotatingFileHandler]
