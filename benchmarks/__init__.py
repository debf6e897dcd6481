"""Ratio benchmarks: each prints JSON comparing the product with a baseline in the same run."""
