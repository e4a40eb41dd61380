"""Running a real claimlight daemon for tests, benchmarks and tools: the process (`daemon`) and a
small WebSocket client for it (`client`). Not used by the daemon itself."""
