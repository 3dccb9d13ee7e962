"""Timeline App: who does what to whom, and when, read from news articles."""

__version__ = "0.1.0"
