"""Boosted shallow trees over the decision's evidence, fitted in numpy (no model library).

A weight a feature says "more coverage, likelier right" everywhere; a tree of two questions
can say it only where the question is short, or only where no other fact scores as high. Each
round fits one tree to the logistic loss's gradient (a Newton step for each leaf's value,
shrunk by RATE), the leaves' values added to the log-odds. Splits are read at each feature's
quantiles (BINS of them), so a fit of two thousand examples takes a fraction of a second.

Which way a feature may move the decision (fitting.SIGNS, TREES_HELD) holds for the trees: a split on
such a feature only where the side it favours gets the higher value, and a tree whose first
split is on one is kept as a stump when its deeper leaves would break that order.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from knowledge.language.decision import FEATURES, Tree

ROUNDS = 40
DEPTH = 2
RATE = 0.1
L2 = 1.0  # on each leaf's value, against leaves fitted to a few examples
MIN_LEAF = 20  # examples in a leaf at least
BINS = 32


def _edges(x: np.ndarray) -> list[np.ndarray]:
    """Each feature's candidate split points: midpoints of its values, or its quantiles."""
    edges = []
    for column in x.T:
        values = np.unique(column)
        if len(values) <= BINS:
            edges.append((values[:-1] + values[1:]) / 2)
        else:
            edges.append(np.unique(np.quantile(column, np.linspace(0, 1, BINS + 1)[1:-1])))
    return edges


class _Grower:
    def __init__(self, x: np.ndarray, signs: Mapping[str, int]) -> None:
        self.edges = _edges(x)
        self.binned = np.stack(
            [np.searchsorted(e, x[:, j], side="right") for j, e in enumerate(self.edges)], 1
        )
        self.signs = np.array([signs.get(name, 0) for name in FEATURES])

    def split(self, g: np.ndarray, h: np.ndarray, idx: np.ndarray) -> tuple[int, int] | None:
        """The (feature, bin) that most lowers the loss among `idx`, or None."""
        total_g, total_h = g[idx].sum(), h[idx].sum()
        parent = total_g**2 / (total_h + L2)
        best, found = 0.0, None
        for j, edges in enumerate(self.edges):
            if not len(edges):
                continue
            b = self.binned[idx, j]
            left_g = np.cumsum(np.bincount(b, g[idx], len(edges) + 1))[:-1]
            left_h = np.cumsum(np.bincount(b, h[idx], len(edges) + 1))[:-1]
            left_n = np.cumsum(np.bincount(b, None, len(edges) + 1))[:-1]
            right_g, right_h, right_n = total_g - left_g, total_h - left_h, len(idx) - left_n
            gain = left_g**2 / (left_h + L2) + right_g**2 / (right_h + L2) - parent
            allowed = (left_n >= MIN_LEAF) & (right_n >= MIN_LEAF)
            if self.signs[j]:
                low, high = -left_g / (left_h + L2), -right_g / (right_h + L2)
                allowed &= self.signs[j] * (high - low) >= 0
            gain = np.where(allowed, gain, -1.0)
            k = int(np.argmax(gain))
            if gain[k] > best:
                best, found = float(gain[k]), (j, k)
        return found

    def grow(self, g: np.ndarray, h: np.ndarray, idx: np.ndarray, depth: int) -> Tree:
        leaf = float(-RATE * g[idx].sum() / (h[idx].sum() + L2))
        found = self.split(g, h, idx) if depth else None
        if found is None:
            return leaf
        j, k = found
        below = self.binned[idx, j] <= k
        low = self.grow(g, h, idx[below], depth - 1)
        high = self.grow(g, h, idx[~below], depth - 1)
        if self.signs[j] and not _ordered(low, high, self.signs[j]):
            low = float(-RATE * g[idx[below]].sum() / (h[idx[below]].sum() + L2))
            high = float(-RATE * g[idx[~below]].sum() / (h[idx[~below]].sum() + L2))
        return (j, float(self.edges[j][k]), low, high)


def _leaves(tree: Tree) -> list[float]:
    return [tree] if isinstance(tree, float) else [*_leaves(tree[2]), *_leaves(tree[3])]


def _ordered(low: Tree, high: Tree, sign: int) -> bool:
    """Every leaf on the side the feature favours at least every leaf on the other."""
    below, above = _leaves(low), _leaves(high)
    return min(above) >= max(below) if sign > 0 else max(above) <= min(below)


def values(trees: tuple[Tree, ...], x: np.ndarray) -> np.ndarray:
    """The trees' summed values for each row of x."""
    out = np.zeros(len(x))
    for tree in trees:
        out += _value(tree, x, np.arange(len(x)))
    return out


def _value(tree: Tree, x: np.ndarray, rows: np.ndarray) -> np.ndarray:
    if isinstance(tree, float):
        return np.full(len(rows), tree)
    j, at_most, low, high = tree
    below = x[rows, j] <= at_most
    out = np.empty(len(rows))
    out[below] = _value(low, x, rows[below])
    out[~below] = _value(high, x, rows[~below])
    return out


def boost(
    x: np.ndarray, y: np.ndarray, signs: Mapping[str, int], rounds: int = ROUNDS
) -> tuple[float, tuple[Tree, ...]]:
    """The bias (the log-odds of the share right) and the trees fitted after it."""
    share = float(np.clip(y.mean(), 1e-6, 1 - 1e-6))
    bias = float(np.log(share / (1 - share)))
    grower, z, trees = _Grower(x, signs), np.full(len(y), bias), []
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-z))
        tree = grower.grow(p - y, p * (1 - p), np.arange(len(y)), DEPTH)
        trees.append(tree)
        z += _value(tree, x, np.arange(len(x)))
    return bias, tuple(trees)
