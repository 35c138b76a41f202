#!/usr/bin/env bash
# Install a built bundle (dist/sciapp) for the current user: the program, a `sciapp` command,
# the desktop entry, the icons at the usual sizes and the AppStream metadata.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
bundle="${1:-$here/dist/sciapp}"
prefix="${PREFIX:-$HOME/.local}"
rm -rf "$prefix/opt/sciapp"
mkdir -p "$prefix/opt" "$prefix/bin" "$prefix/share/applications" "$prefix/share/metainfo"
cp -a "$bundle" "$prefix/opt/sciapp"
ln -sf "$prefix/opt/sciapp/sciapp" "$prefix/bin/sciapp"
cp "$bundle/_internal/share/org.sciapp.sciapp.desktop" "$prefix/share/applications/"
cp "$bundle/_internal/share/org.sciapp.sciapp.metainfo.xml" "$prefix/share/metainfo/"
for size in 16 24 32 48 64 128 256 512; do
    dir="$prefix/share/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    cp "$bundle/_internal/resources/icons/sciapp-$size.png" "$dir/org.sciapp.sciapp.png"
done
mkdir -p "$prefix/share/icons/hicolor/scalable/apps"
cp "$bundle/_internal/resources/icons/sciapp.svg" "$prefix/share/icons/hicolor/scalable/apps/org.sciapp.sciapp.svg"
echo "sciapp installed under $prefix (run: sciapp)"
