"""PyInstaller entry script: the frozen app starts exactly as the `timeline-app` command does."""

from timeline_app.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
