"""Places where an SQLite file is at risk: cloud-sync folders and network shares.

Sync clients copy the file while it is being written and can bring back an old copy or a
"conflicted copy"; network file systems often break the locks SQLite relies on.
"""

from __future__ import annotations

import os
from pathlib import Path, PureWindowsPath

CLOUD_FOLDERS = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "icloud drive": "iCloud Drive",
    "icloud~": "iCloud Drive",
    "mobile documents": "iCloud Drive",
    "cloudstorage": "a cloud-storage provider",
    "box sync": "Box",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
}
NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "sshfs", "afpfs", "9p"}

CLOUD_RISK = (
    "{path} is in a {service} folder. Sync clients copy a database while it is being written "
    "and can bring back an old or conflicted copy, losing recent changes. Keep the database "
    "in a local folder (the default) and let sciapp's backups go to the synced folder instead."
)
NETWORK_RISK = (
    "{path} is on a network share ({what}). File locking over a network is unreliable, so two "
    "people changing it at once can damage it. Keep the database on this computer, or use a "
    "shared PostgreSQL server for several clerks."
)


def location_risk(path: Path, mounts: str | None = None) -> str | None:
    """A warning for a database kept where SQLite is not safe, or None."""
    for part in path.parts:
        lowered = part.casefold()
        for marker, service in CLOUD_FOLDERS.items():
            if lowered.startswith(marker):
                return CLOUD_RISK.format(path=path, service=service)
    windows = PureWindowsPath(str(path))
    if str(path).startswith(("\\\\", "//")) or windows.drive.startswith("\\\\"):
        return NETWORK_RISK.format(path=path, what="a Windows share")
    filesystem = _filesystem(path, mounts)
    if filesystem in NETWORK_FILESYSTEMS:
        return NETWORK_RISK.format(path=path, what=filesystem)
    return None


def _filesystem(path: Path, mounts: str | None) -> str | None:
    """The file-system type of the mount holding `path`, from /proc/mounts (Linux)."""
    if mounts is None:
        if not os.path.exists("/proc/mounts"):
            return None
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = str(path.absolute())
    best, kind = "", None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind
