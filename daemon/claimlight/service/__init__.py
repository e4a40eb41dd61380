"""Running the daemon as a per-user service: the service definitions (`units`), installing and
controlling them (`manager`), readiness for systemd (`sdnotify`), the log (`logs`), and asking a
running daemon how it is (`probe`)."""
