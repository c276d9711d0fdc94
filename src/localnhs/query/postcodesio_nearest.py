"""Nearest postcodes and outward codes to a point, for postcodes.io's reverse geocoding.

The store has no spatial index on its 1.7 million postcodes, so the live located ones are
read once into a k-d tree (scipy) on unit-sphere coordinates: chord distance orders points
exactly as great-circle distance does, and the distances reported are great-circle metres
(haversine, mean Earth radius), as postcodes.io reports metres on the spheroid.
Outward-code centres (the mean of their postcodes' points) come from the same read.
"""

from __future__ import annotations

import math
import random

import numpy as np
from scipy.spatial import cKDTree

from localnhs.store import postcodesio as store
from localnhs.query.per_connection import build_cache

EARTH_M = 6_371_008.8


def _unit(lat, lon):
    la, lo = np.radians(lat), np.radians(lon)
    return np.column_stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)])


def haversine_m(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_M * math.asin(min(1.0, math.sqrt(a)))


def _chord(metres: float) -> float:
    return 2 * math.sin(min(metres, math.pi * EARTH_M) / (2 * EARTH_M))


class Points:
    def __init__(self, conn):
        rows = store.live_points(conn)
        self.all = [r[0] for r in rows]
        located = [r for r in rows if r[1] is not None]
        self.pcd = np.array([r[0] for r in located], dtype=object)
        self.lat = np.array([r[1] for r in located])
        self.lon = np.array([r[2] for r in located])
        self.tree = cKDTree(_unit(self.lat, self.lon))
        outcodes = np.array([p.split(" ")[0] for p in self.pcd], dtype=object)
        names, inverse = np.unique(outcodes, return_inverse=True)
        counts = np.bincount(inverse)
        self.outcodes = names
        self.out_lat = np.bincount(inverse, self.lat) / counts
        self.out_lon = np.bincount(inverse, self.lon) / counts
        self.out_tree = cKDTree(_unit(self.out_lat, self.out_lon))

    def nearest(self, lat: float, lon: float, radius_m: float, limit: int) -> list[tuple[str, float]]:
        """(postcode, metres) within the radius, nearest first (ties by postcode), at most limit."""
        return self._within(self.tree, self.pcd, self.lat, self.lon, lat, lon, radius_m, limit)

    def nearest_outcodes(self, lat: float, lon: float, radius_m: float, limit: int) -> list[tuple[str, float]]:
        return self._within(self.out_tree, self.outcodes, self.out_lat, self.out_lon, lat, lon, radius_m, limit)

    def count_within(self, lat: float, lon: float, radius_m: float) -> int:
        return len(self.tree.query_ball_point(_unit([lat], [lon])[0], _chord(radius_m)))

    @staticmethod
    def _within(tree, keys, lats, lons, lat, lon, radius_m, limit):
        idx = tree.query_ball_point(_unit([lat], [lon])[0], _chord(radius_m))
        hits = [(keys[i], haversine_m(lat, lon, lats[i], lons[i])) for i in idx]
        hits = [(k, d) for k, d in hits if d <= radius_m]
        hits.sort(key=lambda kd: (kd[1], kd[0]))
        return hits[:limit]

    def random(self) -> str | None:
        return random.choice(self.all) if self.all else None


def points(conn) -> Points:
    """The index for a connection's build, built on first use (a few seconds and ~150 MB for Great Britain)."""
    return build_cache(conn).part("postcodesio_points", Points)
