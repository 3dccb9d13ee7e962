#!/bin/sh
# Register Timeline App with the desktop for the current user: menu entry, icon, "Open with"
# for article files and double-click for .tlproj projects. Run it from the unpacked folder;
# it points the entry at the TimelineApp binary beside it. Nothing outside ~/.local is touched.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/icons/hicolor/scalable/apps" "$data/mime/packages"
sed -e "s|^Exec=TimelineApp|Exec=\"$here/TimelineApp\"|" \
    -e "s|^TryExec=TimelineApp|TryExec=$here/TimelineApp|" \
    "$here/timeline-app.desktop" > "$data/applications/timeline-app.desktop"
cp "$here/timeline-app.svg" "$data/icons/hicolor/scalable/apps/timeline-app.svg"
cp "$here/timeline-app-mime.xml" "$data/mime/packages/timeline-app.xml"
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$data/icons/hicolor" 2>/dev/null || true
echo "Timeline App registered: $data/applications/timeline-app.desktop"
