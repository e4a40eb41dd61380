"""What can go wrong with an analysis, as the pool reports it to a session.

One base class, so a caller can catch every analysis failure at once, and one subclass per outcome
the client is told about differently (`timeout` vs `internal`).
"""

from __future__ import annotations


class AnalysisError(Exception):
    """An analysis did not produce a result."""


class AnalysisTimeout(AnalysisError):
    """The analysis exceeded the request's deadline; a worker still running it was recycled."""


class WorkerCrashed(AnalysisError):
    """The worker process died (or the pool is shut down); the pool has been rebuilt."""


class AnalysisFailed(AnalysisError):
    """The engine raised; __cause__ holds the worker's exception."""


class ModelLoadError(AnalysisError):
    """A worker could not load the spaCy model or the engine; the message says which and why."""
