"""The web page and JSON API for delegates (`sekretar serve`); see docs/web.md."""

from pipeline.web.app import create_app

__all__ = ["create_app"]
