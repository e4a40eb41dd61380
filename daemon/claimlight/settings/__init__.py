"""The daemon's settings: the `Config` model and where each value comes from (`config`), the commented
file `claimlight config init` writes (`template`), and the per-platform directories (`paths`)."""

from .config import Config, ConfigError, load_config, resolve_config

__all__ = ["Config", "ConfigError", "load_config", "resolve_config"]
