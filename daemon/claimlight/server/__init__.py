"""The daemon: an aiohttp application on loopback (`app`), one `session` per WebSocket connection,
the checks every connection passes (`security`), and the analysis off the event loop (`pool`,
`worker`, `cache`, `pieces`). `run` serves it as `claimlight serve`."""
