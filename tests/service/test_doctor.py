"""`claimlight doctor`: each failure names the command or setting that fixes it."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from claimlight.cli import doctor
from claimlight.settings.config import DEFAULT_EXTENSION_ID
from claimlight.service.manager import ServiceState

# A throwaway RSA public key and the id Chrome gives it, computed independently with
# `openssl rsa -pubout -outform DER | sha256sum | head -c32 | tr 0-9a-f a-p`.
KEY = (
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAznkIIuqrdyW5bn/qO2wM11rjM+7sgrPPL/leCI6YeIJV+C6J0/qW"
    "ZYdh0UEdbXAbQUVe1gP1+2Otm4kZHGvwhlN0fQwDei6qCnVJJ1MR5YjjvZzz7MZXaYJ9ERFT7o1S2shM+WEOctET3hNpSchp"
    "PF5LnIS3k9WRkg6sfcuf5/ZHAdkoypEhVJJM3sOB3v42RB0k6Sb5MEbNKD+Ll3rvwJn9/dTIdBrBwwxiFpMQO53RBnkOBCHC"
    "LpJDgHcQuEAcaAlRvPpfrOUkU8mVAvv+ehG9iaESkXqkrbRZbVrfdxbOMHwMiJG2wEnRF1QEqiGdj9MHBfxoZpVOJjOQhbB8"
    "SwIDAQAB"
)
KEY_ID = "biedhlbdcepgfleajmioeoaoplmainfg"


class FakeBackend:
    manager = "systemd --user"

    def __init__(self, state: ServiceState):
        self._state = state

    def state(self) -> ServiceState:
        return self._state


NOT_INSTALLED = FakeBackend(ServiceState("systemd --user", "/u/claimlight.service", False, False, False, "inactive"))


def _checkout(tmp_path: Path, *, built: bool = True, key: str | None = None) -> Path:
    root = tmp_path / "checkout"
    (root / "extension").mkdir(parents=True)
    if key is not None:
        (root / "extension" / "manifest.json").write_text(json.dumps({"manifest_version": 3, "key": key}))
    if built:
        (root / "extension" / "dist").mkdir()
        (root / "extension" / "dist" / "manifest.json").write_text("{}")
    return root


def _run(root: Path | None, environ: dict, backend=NOT_INSTALLED, loader=lambda name: None):
    checks = doctor.run_checks(environ=environ, root=root, backend=backend, model_loader=loader)
    return {c.name: c for c in checks}, doctor.format_checks(checks)


def _env(home: Path, port: int, **extra: str) -> dict:
    return {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "CLAIMLIGHT_PORT": str(port), **extra}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def silent_listener():
    """A port that accepts TCP connections but is not claimlight (it never speaks HTTP)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    yield sock.getsockname()[1]
    sock.close()


@pytest.fixture
def fake_claimlight():
    body = json.dumps({"status": "ok", "version": "0.1.0", "protocol": 1, "model": "en_x-1", "uptime_s": 1.0}).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200 if self.path == "/health" else 404)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_all_good(home: Path, tmp_path: Path, fake_claimlight: int) -> None:
    checks, text = _run(_checkout(tmp_path, key=KEY), _env(home, fake_claimlight, CLAIMLIGHT_ALLOWED_EXTENSION_IDS=KEY_ID))
    assert all(c.ok is not False for c in checks.values()), text
    assert "claimlight answers" in checks["port"].detail
    assert text.endswith("all good")


def test_port_taken_by_another_program(home: Path, silent_listener: int) -> None:
    checks, text = _run(None, _env(home, silent_listener))
    assert checks["port"].ok is False
    assert f"port = {silent_listener + 1}" in checks["port"].fix
    assert str(home / ".config" / "claimlight" / "config.toml") in checks["port"].fix
    assert "fix: " in text and text.endswith("1 problem found")


def test_free_port_is_fine(home: Path) -> None:
    checks, _ = _run(None, _env(home, _free_port()))
    assert checks["port"].ok is True and "free" in checks["port"].detail


def test_bad_config_names_the_file(home: Path) -> None:
    config = home / ".config" / "claimlight" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("port = [\n")
    checks, text = _run(None, {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")})
    assert checks["config"].ok is False
    assert f"edit {config}" in checks["config"].fix
    assert "port" in checks  # the other checks still run, on defaults


def test_bad_environment_variable_names_it(home: Path) -> None:
    checks, _ = _run(None, _env(home, _free_port(), CLAIMLIGHT_WORKERS="0"))
    assert checks["config"].ok is False and "CLAIMLIGHT_WORKERS" in checks["config"].fix


def test_model_that_does_not_load(home: Path, tmp_path: Path) -> None:
    def broken(name):
        raise OSError(f"[E050] Can't find model '{name}'")

    checks, _ = _run(_checkout(tmp_path), _env(home, _free_port()), loader=broken)
    assert checks["spaCy model"].ok is False
    assert "make venv" in checks["spaCy model"].fix


def test_malformed_extension_id(home: Path) -> None:
    checks, _ = _run(None, _env(home, _free_port(), CLAIMLIGHT_ALLOWED_EXTENSION_IDS="not-an-id"))
    assert checks["extension id"].ok is False
    assert "allowed_extension_ids" in checks["extension id"].fix


def test_extension_id_must_match_the_pinned_key(home: Path, tmp_path: Path) -> None:
    checks, _ = _run(_checkout(tmp_path, key=KEY), _env(home, _free_port()))
    assert checks["extension id"].ok is False
    assert f'allowed_extension_ids = ["{KEY_ID}"]' in checks["extension id"].fix


def test_extension_id_from_key() -> None:
    assert doctor.extension_id_from_key(KEY) == KEY_ID


def test_missing_extension_build(home: Path, tmp_path: Path) -> None:
    root = _checkout(tmp_path, built=False)
    checks, _ = _run(root, _env(home, _free_port()))
    assert checks["extension build"].ok is False
    assert checks["extension build"].fix == f"cd {root} && make extension"


def test_no_build_check_outside_a_checkout(home: Path) -> None:
    checks, _ = _run(None, _env(home, _free_port()))
    assert "extension build" not in checks
    assert checks["extension id"].ok is True and DEFAULT_EXTENSION_ID in checks["extension id"].detail


@pytest.mark.parametrize("state, ok, fix", [
    (ServiceState("systemd --user", "/u", False, False, False), None, ""),
    (ServiceState("systemd --user", "/u", True, True, False, "failed"), False, "claimlight service start"),
    (ServiceState("systemd --user", "/u", True, False, False, "inactive"), False, "claimlight service install"),
    (ServiceState("systemd --user", "/u", True, True, True, "active"), True, ""),
    (ServiceState("systemd --user", "/u", True, None, None, "no bus"), None, ""),
])
def test_service_states(home: Path, state: ServiceState, ok, fix: str) -> None:
    checks, _ = _run(None, _env(home, _free_port()), backend=FakeBackend(state))
    assert checks["service"].ok is ok
    assert fix in checks["service"].fix


def test_cli_exit_status(home: Path, monkeypatch, capsys, silent_listener: int, fake_runner) -> None:
    from claimlight import cli
    from claimlight.service import manager as service_manager

    monkeypatch.setattr(service_manager, "run_command", fake_runner(default=(1, "", "Failed to connect to bus")))
    monkeypatch.setenv("CLAIMLIGHT_PORT", str(silent_listener))
    assert cli.main(["doctor", "--no-model"]) == 1
    out = capsys.readouterr().out
    assert "fix: find and stop the program holding it" in out


def _state_file(home: Path, port: int, pid: int = 4242) -> Path:
    folder = home / ".local" / "state" / "claimlight" / "running"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{pid}.json"
    path.write_text(json.dumps({"pid": pid, "host": "127.0.0.1", "port": port, "version": "0.1.0", "started": 0}))
    return path


def test_a_daemon_on_another_port_is_found_by_its_state_file(home: Path, fake_claimlight: int) -> None:
    configured = _free_port()
    _state_file(home, fake_claimlight)
    checks, text = _run(None, _env(home, configured))
    port = checks["port"]
    assert port.ok is None  # found, not a failure; the extension may need telling
    assert f"claimlight is running on port {fake_claimlight}, not the configured {configured}" in port.detail
    assert "pid 4242" in port.detail and "is free" not in port.detail


def test_stale_and_broken_state_files_are_ignored(home: Path) -> None:
    configured = _free_port()
    _state_file(home, _free_port(), pid=1)  # a killed daemon's leftover: nothing listens there
    (home / ".local" / "state" / "claimlight" / "running" / "2.json").write_text("{not json")
    checks, _ = _run(None, _env(home, configured))
    assert checks["port"].ok is True and "is free (the daemon is not running)" in checks["port"].detail


def test_configured_port_taken_while_claimlight_runs_elsewhere(home: Path, silent_listener: int, fake_claimlight: int) -> None:
    _state_file(home, fake_claimlight)
    checks, _ = _run(None, _env(home, silent_listener))
    assert checks["port"].ok is False
    assert f"claimlight is running on port {fake_claimlight}" in checks["port"].detail
