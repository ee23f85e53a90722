#!/usr/bin/env python3
"""Generates src/words/dict.bin, the word table behind src/words.rs, from jieba's dictionary.

Source: `src/data/dict.txt` of the jieba-rs crate (MIT licence, the dictionary of the jieba
project, github.com/fxsjy/jieba, MIT), about 350,000 `word frequency tag` lines. By default
it is found in the cargo registry (`~/.cargo/registry/src/*/jieba-rs-<version>/`); pass a path
to use another copy.

    python3 tools/gen_words.py [path/to/dict.txt]

Format (all integers little-endian), read without any parsing or allocation at run time:
    b"RLW1", u32 n, u64 total (sum of every line's frequency, as jieba counts it),
    u32 offsets[n + 1] into the word bytes, u32 freqs[n], then the words, sorted by their
    UTF-8 bytes. A word listed twice keeps its last frequency (as jieba's trie does).
"""

import glob
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "words", "dict.bin")


def find_dict():
    home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    found = sorted(glob.glob(os.path.join(home, "registry/src/*/jieba-rs-0.11.*/src/data/dict.txt")))
    if not found:
        sys.exit("jieba-rs's dict.txt not found in the cargo registry: pass its path")
    return found[-1]


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else find_dict()
    words = {}
    total = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            freq = int(parts[1]) if len(parts) > 1 else 0
            total += freq
            words[parts[0]] = freq
    items = sorted((w.encode("utf-8"), fr) for w, fr in words.items())
    blob = b"".join(w for w, _ in items)
    offsets = [0]
    for w, _ in items:
        offsets.append(offsets[-1] + len(w))
    with open(OUT, "wb") as out:
        out.write(b"RLW1")
        out.write(struct.pack("<IQ", len(items), total))
        out.write(struct.pack(f"<{len(offsets)}I", *offsets))
        out.write(struct.pack(f"<{len(items)}I", *(fr for _, fr in items)))
        out.write(blob)
    print(f"{path}: {len(items)} words, total {total}, {os.path.getsize(OUT)} bytes -> {OUT}")


if __name__ == "__main__":
    main()
