"""ASGI app: JSON API and server-rendered pages over query/."""
