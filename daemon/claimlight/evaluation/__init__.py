"""Scoring the engine against gold annotations (`articles`, the metrics of shared/eval/FORMAT.md)."""

from .articles import Score, load_gold, score

__all__ = ["Score", "load_gold", "score"]
