"""Layouts that keep every actor where the reader last saw it.

A reader tracks actors by position; a graph that re-shuffles when the time window moves is
unreadable. Known nodes are therefore pinned and only newcomers are placed, next to their
neighbours, by a spring layout.
"""

from __future__ import annotations

import math
import random
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import networkx as nx

Positions = dict[str, tuple[float, float]]
GRAVITY = 1.5
SAMPLED_REPULSION = 400  # above this many nodes, repulsion from a random sample of this size


def stable_layout(
    graph: nx.Graph,
    previous: Positions | None = None,
    *,
    seed: int = 7,
    iterations: int = 60,
    pin_known: bool = True,
) -> Positions:
    """Positions for every node of `graph`, reusing `previous` ones.

    With `pin_known` nodes that already have a position do not move; otherwise they start
    there and settle. Coordinates are roughly within [-1, 1] times sqrt(n)/4 so node sizes in
    pixels stay readable at any graph size.
    """
    nodes = list(graph.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in graph.edges], np.int64).reshape(-1, 2)
    return layout_arrays(nodes, edges, previous, seed=seed, iterations=iterations,
                         pin_known=pin_known)


def layout_arrays(
    nodes: list[str],
    edges: np.ndarray,
    previous: Positions | None = None,
    *,
    seed: int = 7,
    iterations: int = 60,
    pin_known: bool = True,
) -> Positions:
    """`stable_layout` for nodes and (k, 2) edges given as indices into `nodes`.

    Direction does not matter; no networkx is needed, so the app can lay out a freshly
    loaded corpus without importing it.
    """
    previous = previous or {}
    if not nodes:
        return {}
    rng = random.Random(seed)
    scale = max(1.0, math.sqrt(len(nodes)) / 4)
    edges = np.asarray(edges, np.int64).reshape(-1, 2)
    edges = edges[edges[:, 0] != edges[:, 1]]
    undirected = np.unique(np.sort(edges, axis=1), axis=0) if len(edges) else edges
    neighbours: list[list[int]] = [[] for _ in nodes]
    for u, v in undirected.tolist():
        neighbours[u].append(v)
        neighbours[v].append(u)
    start: list[tuple[float, float] | None] = [previous.get(n) for n in nodes]
    for i in range(len(nodes)):
        if start[i] is not None:
            continue
        placed = [start[j] for j in neighbours[i] if start[j] is not None]
        if placed:
            cx = sum(p[0] for p in placed) / len(placed)
            cy = sum(p[1] for p in placed) / len(placed)
            jitter = 0.15 * scale
            start[i] = (cx + rng.uniform(-jitter, jitter), cy + rng.uniform(-jitter, jitter))
        else:
            start[i] = (rng.uniform(-scale, scale), rng.uniform(-scale, scale))
    pinned = np.array([pin_known and n in previous for n in nodes], bool)
    if pinned.all():
        return {n: (float(p[0]), float(p[1])) for n, p in zip(nodes, start, strict=True)}
    pos = np.array(start, float)
    pos = _force_directed(pos, undirected, pinned, iterations=iterations, scale=scale)
    return {n: (float(pos[i, 0]), float(pos[i, 1])) for i, n in enumerate(nodes)}


def _force_directed(pos: np.ndarray, edges: np.ndarray, pinned: np.ndarray, *,
                    iterations: int, scale: float) -> np.ndarray:
    """Fruchterman-Reingold with pinned nodes, in numpy (no scipy), chunked to bound memory.

    Above SAMPLED_REPULSION nodes each node is repelled by a fresh random sample of the others
    per step (scaled up to the whole), which keeps a 2,000-actor layout to seconds instead of
    a minute; the result differs from the exact one by noise the later steps smooth out.
    """
    n = len(pos)
    k = 2 * scale / np.sqrt(n)
    temperature = 0.2 * scale
    free = ~pinned
    rng = np.random.default_rng(len(pos))
    sampled = n > SAMPLED_REPULSION
    for step in range(iterations):
        disp = np.zeros_like(pos)
        others = rng.choice(n, SAMPLED_REPULSION, replace=False) if sampled else slice(None)
        weight = n / SAMPLED_REPULSION if sampled else 1.0
        chunk = max(1, 4_000_000 // (SAMPLED_REPULSION if sampled else n))
        for lo in range(0, n, chunk):
            hi = min(n, lo + chunk)
            delta = pos[lo:hi, None, :] - pos[None, others, :]
            dist2 = np.maximum((delta ** 2).sum(-1), 1e-4)
            disp[lo:hi] = (delta * (weight * k * k / dist2)[..., None]).sum(1)
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 1e-4)
            pull = delta * (dist / k)[:, None]
            np.add.at(disp, edges[:, 0], -pull)
            np.add.at(disp, edges[:, 1], pull)
        # A pull to the centre keeps unconnected actors from drifting off: without it they end
        # up ten times farther out than the connected core, which "fit" then shrinks to a dot.
        disp -= pos * (GRAVITY * k)
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        limited = disp * (np.minimum(length, temperature) / length)[:, None]
        pos[free] += limited[free]
        temperature *= 1 - 1 / (iterations - step + 1)
    return _separate(pos, free, min_dist=1.3 * k)


def _separate(pos: np.ndarray, free: np.ndarray, *, min_dist: float,
              rounds: int = 15) -> np.ndarray:
    """Push apart free nodes closer than `min_dist`, so no node is drawn on top of another."""
    n = len(pos)
    if n < 2 or not free.any():
        return pos
    if n > SAMPLED_REPULSION:
        rounds = 3  # each round is O(n²): in big graphs a few overlaps are accepted
    chunk = max(1, 4_000_000 // n)
    for _ in range(rounds):
        moved = False
        push = np.zeros_like(pos)
        for lo in range(0, n, chunk):
            hi = min(n, lo + chunk)
            delta = pos[lo:hi, None, :] - pos[None, :, :]
            dist = np.hypot(delta[..., 0], delta[..., 1])
            idx = np.arange(lo, hi)
            dist[idx - lo, idx] = np.inf
            close = dist < min_dist
            if not close.any():
                continue
            moved = True
            # Identical positions get a deterministic nudge direction.
            same = dist < 1e-9
            delta[same] = (0.01 * min_dist, 0.0)
            dist = np.maximum(dist, 1e-9)
            overlap = np.where(close, (min_dist - dist) / 2, 0.0)
            push[lo:hi] = (delta / dist[..., None] * overlap[..., None]).sum(1)
        if not moved:
            break
        pos[free] += push[free]
    return pos
