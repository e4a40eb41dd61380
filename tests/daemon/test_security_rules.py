"""The handshake rules, the token file and log redaction, as plain functions."""

from __future__ import annotations

import logging
import stat

import pytest

from claimlight.server import security
from claimlight.server.logsafe import RedactingFilter, Throttle, describe_exception, redact

EXT = "kmkkphfbamihimlbikjgncnjghmnajnj"
ORIGINS = security.allowed_origins([EXT])
LOCAL = "local-token-0123456789abcdef"


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:47653", "localhost", "LOCALHOST:1", "[::1]", "[::1]:47653"])
def test_loopback_host_headers_are_allowed(host):
    assert security.host_allowed(host)


@pytest.mark.parametrize("host", [
    None, "", "evil.example", "evil.example:47653", "127.0.0.1.evil.example", "localhost.", "127.0.0.2",
    "0.0.0.0:47653", "[::2]", "::1", "127.0.0.1:99999", "127.0.0.1:", "127.0.0.1:abc", "user@127.0.0.1",
    "localhost:47653:1", "[::ffff:127.0.0.1]", "127.1",
])
def test_other_host_headers_are_refused(host):
    assert not security.host_allowed(host)


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "[::1]", "localhost"])
def test_loopback_listen_addresses_are_accepted(host):
    security.require_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "8.8.8.8"])
def test_listening_beyond_loopback_is_refused(host):
    with pytest.raises(security.SecurityError, match="loopback"):
        security.require_loopback(host)


def verdict(headers, required=None, local=LOCAL):
    base = {"Host": "127.0.0.1:47653"}
    return security.check_handshake({**base, **headers}, origins=ORIGINS, required_token=required, local_token=local)


@pytest.mark.parametrize("origin", [
    "https://evil.example", "http://127.0.0.1:47653", "http://localhost", "null", "",
    "chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", f"chrome-extension://{EXT}.evil", f"moz-extension://{EXT}",
    f"chrome-extension://{EXT}/", "file://",
])
def test_foreign_origins_are_forbidden(origin):
    assert verdict({"Origin": origin}).status == 403
    # A token does not make a web page trustworthy: the page could have been given it.
    assert verdict({"Origin": origin, "Authorization": f"Bearer {LOCAL}"}).status == 403


def test_allowed_extension_needs_no_token_unless_configured():
    assert verdict({"Origin": f"chrome-extension://{EXT}"}).ok
    assert verdict({"Origin": f"chrome-extension://{EXT.upper()}"}).ok
    assert verdict({"Origin": f"chrome-extension://{EXT}"}, required="configured-secret-123456").status == 401
    ok = {"Origin": f"chrome-extension://{EXT}", "Sec-WebSocket-Protocol": "claimlight.v1, claimlight.token.configured-secret-123456"}
    assert verdict(ok, required="configured-secret-123456").ok


def test_wrong_token_is_refused_even_when_none_is_needed():
    assert verdict({"Origin": f"chrome-extension://{EXT}", "Authorization": "Bearer wrong"}).status == 401


def test_missing_origin_needs_the_local_token():
    assert verdict({}).status == 401
    assert verdict({"Authorization": "Bearer nope"}).status == 401
    assert verdict({"Authorization": f"Bearer {LOCAL}"}).ok
    assert verdict({"Authorization": f"bearer  {LOCAL} "}).ok
    assert verdict({"Sec-WebSocket-Protocol": f"claimlight.token.{LOCAL}"}).ok
    assert verdict({"Authorization": f"Bearer {LOCAL}"}, local=None).status == 401
    assert verdict({"Authorization": f"Basic {LOCAL}"}).status == 401


def test_host_is_checked_before_anything_else():
    headers = {"Host": "evil.example:47653", "Origin": f"chrome-extension://{EXT}", "Authorization": f"Bearer {LOCAL}"}
    assert security.check_handshake(headers, origins=ORIGINS, required_token=None, local_token=LOCAL).status == 421


def test_subprotocol_selection_never_needs_to_echo_the_token_when_v1_is_offered():
    both = {"Sec-WebSocket-Protocol": "claimlight.token.abc, claimlight.v1"}
    assert security.choose_subprotocols(both) == ("claimlight.v1",)
    only = {"Sec-WebSocket-Protocol": "claimlight.token.abc"}
    assert security.choose_subprotocols(only) == ("claimlight.v1", "claimlight.token.abc")
    assert security.choose_subprotocols({}) == ("claimlight.v1",)


def test_token_comparison():
    assert security.token_matches("abc", "abc")
    assert not security.token_matches("abc", "abd")
    assert not security.token_matches(None, "abc")
    assert not security.token_matches("abc", None)
    assert not security.token_matches("\udcff", "x")  # no exception on odd input


def test_token_file_is_created_private_and_reused(tmp_path):
    path = tmp_path / "state" / "claimlight" / "token"
    token = security.ensure_token_file(path)
    assert len(token) >= 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert security.ensure_token_file(path) == token
    assert security.read_token_file(path) == token


def test_token_file_with_loose_permissions_is_tightened(tmp_path):
    path = tmp_path / "token"
    path.write_text("A" * 43 + "\n")
    path.chmod(0o644)
    assert security.ensure_token_file(path) == "A" * 43
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_garbage_token_file_is_replaced(tmp_path):
    path = tmp_path / "token"
    path.write_text("short")
    token = security.ensure_token_file(path)
    assert token != "short" and security.read_token_file(path) == token


def test_token_file_location_follows_xdg(tmp_path):
    env = {"XDG_STATE_HOME": str(tmp_path / "s"), "HOME": str(tmp_path / "h")}
    assert security.token_file(env, "linux") == tmp_path / "s" / "claimlight" / "token"
    assert security.token_file({"HOME": str(tmp_path / "h")}, "darwin") == tmp_path / "h" / ".local/state/claimlight/token"
    assert security.token_file({**env, "CLAIMLIGHT_TOKEN_FILE": str(tmp_path / "t")}) == tmp_path / "t"


def test_client_token_prefers_configured_token(tmp_path):
    env = {"CLAIMLIGHT_TOKEN_FILE": str(tmp_path / "token")}
    assert security.client_token(None, env) is None
    file_token = security.ensure_token_file(tmp_path / "token")
    assert security.client_token(None, env) == file_token
    assert security.client_token("configured-secret-123456", env) == "configured-secret-123456"


def test_redaction_masks_tokens_in_any_form():
    line = "Client protocols ['claimlight.token.s3cr3t-XYZ'] / Authorization: Bearer abc.def / plain s3cr3t-XYZ"
    out = redact(line, ["s3cr3t-XYZ"])
    assert "s3cr3t" not in out and "abc.def" not in out


def test_redacting_filter_rewrites_records_and_tracebacks():
    record = logging.LogRecord("aiohttp.websocket", logging.WARNING, __file__, 1, "offered %r", (["claimlight.token.hunter2hunter2"],), None)
    try:
        raise ValueError("hunter2hunter2 in exception")
    except ValueError as exc:
        record.exc_info = (type(exc), exc, exc.__traceback__)
    assert RedactingFilter(["hunter2hunter2"]).filter(record)
    assert "hunter2" not in record.getMessage() and "hunter2" not in record.exc_text


def test_describe_exception_omits_the_message():
    try:
        raise ValueError("page text CANARY")
    except ValueError as exc:
        description = describe_exception(exc)
    assert description.startswith("ValueError at ") and "CANARY" not in description


def test_throttle_limits_refusal_lines():
    now = [0.0]
    throttle = Throttle(burst=2, window_s=10, clock=lambda: now[0])
    assert [throttle.allow()[0] for _ in range(5)] == [True, True, False, False, False]
    now[0] = 11
    assert throttle.allow() == (True, 3)
