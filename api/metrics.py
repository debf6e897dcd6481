"""Prometheus metrics of one app instance, in a registry of its own."""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from infrastructure.projection_runner import ProjectionStatus


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "iplan_http_requests",
            "HTTP requests by route template and status",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "iplan_http_request_duration_seconds",
            "HTTP request latency by route template and status",
            ["method", "route", "status"],
            registry=self.registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
        )
        self.store_errors = Counter(
            "iplan_store_errors",
            "Requests that failed because the event store was unavailable",
            registry=self.registry,
        )

        self.projection_lag_events = Gauge(
            "iplan_projection_lag_events",
            "Entries recorded but not yet processed by a read model generation",
            ["projection", "version"],
            registry=self.registry,
        )
        self.projection_lag_seconds = Gauge(
            "iplan_projection_lag_seconds",
            "Age of the oldest entry a read model generation has not processed yet",
            ["projection", "version"],
            registry=self.registry,
        )

    def observe_projections(self, statuses: Iterable[ProjectionStatus]) -> None:
        """Sets the lag gauges at scrape time; generations no longer running disappear."""
        self.projection_lag_events.clear()
        self.projection_lag_seconds.clear()
        for s in statuses:
            self.projection_lag_events.labels(s.name, str(s.version)).set(s.lag_events)
            self.projection_lag_seconds.labels(s.name, str(s.version)).set(s.lag_seconds)

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route, str(status)).observe(seconds)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
