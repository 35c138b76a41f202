"""sciapp: the register, meetings, votes and documents of a sister-city commission."""

__version__ = "0.1.0"
APP_NAME = "sciapp"
