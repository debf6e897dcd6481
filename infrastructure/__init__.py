"""Settings, logging, stores and everything else that touches the outside world."""
