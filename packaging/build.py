"""Build the one-folder app (dist/TimelineApp/) and a .tar.gz of it with PyInstaller.

    python packaging/build.py [--clean] [--no-archive]

Run from any directory; paths are resolved from this file. Prints the build time and the
unpacked bundle size so that the figures in packaging/README.md can be checked again.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "timeline_app.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
APP_NAME = "TimelineApp"
LINUX_EXTRAS = ("timeline-app.desktop", "timeline-app-mime.xml", "install-desktop-entry.sh")


def app_dir(dist: Path = DIST) -> Path:
    return dist / APP_NAME


def executable(dist: Path = DIST) -> Path:
    suffix = ".exe" if sys.platform == "win32" else ""
    return app_dir(dist) / f"{APP_NAME}{suffix}"


def version() -> str:
    try:
        from importlib.metadata import version as installed_version

        return installed_version("timeline-app")
    except Exception:  # not installed: the archive name only loses its version
        return "0"


def archive_path(dist: Path = DIST) -> Path:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    return dist / f"{APP_NAME}-{version()}-{system}-{platform.machine().lower()}.tar.gz"


def run_pyinstaller(*, clean: bool) -> None:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    if clean:
        command.insert(3, "--clean")
    subprocess.run(command, check=True, cwd=ROOT)


def add_desktop_files(target: Path) -> None:
    """Linux: the .desktop entry, MIME type and icon beside the binary, with an installer."""
    for name in LINUX_EXTRAS:
        shutil.copy2(HERE / "linux" / name, target / name)
    (target / "install-desktop-entry.sh").chmod(0o755)
    shutil.copy2(ROOT / "resources" / "icons" / "timeline-app.svg", target / "timeline-app.svg")


def make_archive(source: Path, archive: Path) -> Path:
    """A gzip'd tar of the folder, with modes kept so the binary stays executable."""
    archive.unlink(missing_ok=True)
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(source, arcname=source.name)
    return archive


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clean", action="store_true",
                        help="drop PyInstaller's cache in build/ first (slower, from scratch)")
    parser.add_argument("--no-archive", action="store_true", help="skip the .tar.gz")
    args = parser.parse_args(argv)

    started = time.monotonic()
    run_pyinstaller(clean=args.clean)
    built = time.monotonic()
    target = app_dir()
    if sys.platform.startswith("linux"):
        add_desktop_files(target)
    print(f"built {executable()} in {built - started:.0f} s; "
          f"{folder_size(target) / 2**20:.0f} MB unpacked")
    if not args.no_archive and target.is_dir():
        archive = make_archive(target, archive_path())
        print(f"archive {archive} ({archive.stat().st_size / 2**20:.0f} MB) "
              f"in {time.monotonic() - built:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
