"""Build ``static/geo/outlines.json``: the simplified base map the facility maps draw offline.

Run once by a developer when the outlines should change; the project only ships the result
(``static/geo/outlines.json``) and needs nothing of this at run time. Standard library only.

Sources (both public domain data, redistributed on npm under the ISC licence by Mike Bostock):

* Countries: ``world-atlas`` 2.0.2, ``countries-50m.json`` — Natural Earth 4.1.0 "Admin 0 –
  Countries", 1:50m (https://www.naturalearthdata.com, public domain).
* US states: ``us-atlas`` 3.0.1, ``states-10m.json`` — U.S. Census Bureau cartographic boundary
  files, 1:10m (public domain).

Steps::

    cd /tmp && npm pack world-atlas@2.0.2 us-atlas@3.0.1
    mkdir w u && tar xzf world-atlas-2.0.2.tgz -C w && tar xzf us-atlas-3.0.1.tgz -C u
    python scripts/build_outlines.py --countries /tmp/w/package/countries-50m.json \\
        --states /tmp/u/package/states-10m.json --out static/geo/outlines.json

What it does: decodes the TopoJSON arcs, simplifies each shared arc once with
Douglas–Peucker (so neighbouring outlines stay joined), rebuilds each feature's rings from its
arcs, rounds to 0.01° and drops rings that collapse. Output::

    {"source": "...", "licence": "...",
     "layers": {"countries": [{"id": "840", "name": "United States of America",
                               "rings": [[lon, lat, lon, lat, ...], ...]}, ...],
                "states": [...]}}

Canadian provinces are not included yet: no package reachable here ships Natural Earth's
admin-1 layer in a small form (see the note in ``companies/maps.py``).
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

SOURCE = (
    "Countries: Natural Earth 4.1.0 Admin 0, 1:50m (via the world-atlas 2.0.2 npm package). "
    "US states: U.S. Census Bureau cartographic boundaries, 1:10m (via us-atlas 3.0.1). "
    "Simplified by scripts/build_outlines.py."
)
LICENCE = (
    "Public domain (Natural Earth; U.S. Census Bureau). Packaging: ISC, Copyright 2013-2019 Michael Bostock."
)


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute ``(lon, lat)`` points of every arc of a quantized TopoJSON topology."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _segment_distance(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker, iterative; keeps both ends (so arcs still meet)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        start, end = stack.pop()
        best, index = 0.0, None
        for i in range(start + 1, end):
            d = _segment_distance(points[i], points[start], points[end])
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack.append((start, index))
            stack.append((index, end))
    return [p for p, k in zip(points, keep, strict=True) if k]


def ring_from_arcs(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        ring.extend(arc if not ring else arc[1:])
    return ring


def features(topology: dict, name: str, tolerance: float) -> list[dict]:
    arcs = [simplify(arc, tolerance) for arc in decode_arcs(topology)]
    result = []
    for geometry in topology["objects"][name]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = []
        for polygon in polygons:
            for ring_arcs in polygon:
                ring = ring_from_arcs(ring_arcs, arcs)
                flat = []
                previous = None
                for lon, lat in ring:
                    point = (round(lon, 2), round(lat, 2))
                    if point != previous:
                        flat.extend(point)
                        previous = point
                if len(flat) >= 8:  # at least a triangle plus the closing point
                    rings.append(flat)
        if rings:
            result.append(
                {
                    "id": str(geometry.get("id", "")),
                    "name": geometry.get("properties", {}).get("name", ""),
                    "rings": rings,
                }
            )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--countries", type=Path, required=True, help="world-atlas countries-50m.json")
    parser.add_argument("--states", type=Path, required=True, help="us-atlas states-10m.json")
    parser.add_argument("--out", type=Path, default=Path("static/geo/outlines.json"))
    parser.add_argument("--country-tolerance", type=float, default=0.03, help="degrees")
    parser.add_argument("--state-tolerance", type=float, default=0.015, help="degrees")
    args = parser.parse_args()

    countries = json.loads(args.countries.read_text())
    states = json.loads(args.states.read_text())
    data = {
        "source": SOURCE,
        "licence": LICENCE,
        "layers": {
            "countries": features(countries, "countries", args.country_tolerance),
            "states": features(states, "states", args.state_tolerance),
        },
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, separators=(",", ":")))
    points = sum(len(r) // 2 for layer in data["layers"].values() for f in layer for r in f["rings"])
    print(f"wrote {args.out}: {args.out.stat().st_size:,} bytes, {points:,} points")


if __name__ == "__main__":
    main()
