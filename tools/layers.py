#!/usr/bin/env python3
"""Checks the engine's module layers (src/): no import circle between top-level modules and no
import from a lower layer to a higher one. Run by .ci/run; prints the graph with --graph.

A layer may import from its own layer's other modules only where listed, and from any lower
layer. Tests (`tests.rs`, `mod tests { … }`) are not counted."""
import os
import re
import sys

LAYERS = [
    # leaves: positions, text folding, words, readings, the build's parallel split
    ["span", "split", "words", "normalize", "sound"],
    # what the engine reports and how it fails
    ["violation", "error", "note"],
    # the pack model (TOML format, regex dialect, context lexicon) and claims in context
    ["pack", "context"],
    # the engine's own rule families
    ["format", "brief"],
    # the engine
    ["linter"],
    # what is built on the engine
    ["audit", "fix", "config", "batch", "image"],
    # output formats
    ["report"],
]
# imports allowed inside one layer (from -> to)
SAME_LAYER = {("sound", "normalize"), ("error", "violation"), ("note", "violation"), ("note", "span"),
              ("context", "pack"), ("brief", "format")}

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
layer = {m: i for i, ms in enumerate(LAYERS) for m in ms}
graph = {}
for d, _, files in os.walk(root):
    for f in files:
        if not f.endswith(".rs") or f == "tests.rs" or f == "lib.rs":
            continue
        rel = os.path.relpath(os.path.join(d, f), root)
        top = rel.split(os.sep)[0].removesuffix(".rs")
        text = open(os.path.join(d, f), encoding="utf-8").read()
        text = re.split(r"#\[cfg\(test\)\]\s*mod tests\s*\{", text)[0]
        text = "\n".join(l for l in text.splitlines() if not l.lstrip().startswith("//"))
        for m in re.findall(r"crate::([a-z_]+)", text):
            if m != top and m in layer:
                graph.setdefault(top, set()).add(m)
bad = []
for a, deps in sorted(graph.items()):
    if a not in layer:
        bad.append(f"src/{a}: not in any layer of tools/layers.py")
        continue
    for b in sorted(deps):
        if layer[b] > layer[a] or (layer[b] == layer[a] and (a, b) not in SAME_LAYER):
            bad.append(f"src/{a} imports src/{b} (layer {layer[a]} -> {layer[b]})")
if "--graph" in sys.argv:
    for a, deps in sorted(graph.items()):
        print(a, "->", " ".join(sorted(deps)))
for b in bad:
    print(b, file=sys.stderr)
sys.exit(1 if bad else 0)
