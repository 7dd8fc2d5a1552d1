"""Benchmarks of the MLIS advisor beside a stock ``rasa init`` bot measured in the same run.

``python -m bench`` (``make bench``) prints training time, start-up time, peak memory,
and throughput and latency percentiles under load, each with the ratio advisor / stock.
See docs/benchmarks.md for what the figures mean and what dominates them.
"""
