#!/usr/bin/env python3
"""Generates src/normalize/spelled_table.rs: pack characters by the syllable that spells them.

People write one character of a watched word in pinyin (秒sha for 秒杀, 领juan for 领券, he作 for
合作, dao手价 for 到手价). The normaliser reads such a syllable back as the character where that
character completes a word of the packs with the Han character glued to the syllable (see
`src/normalize/spelled.rs`), so every rule, its regexes included, sees the word.

Sources: the characters of the terms and family words of the banned-word, prohibited-product
and advertorial packs (rules/*.toml; off-platform names are read by sound instead), each with the characters found beside it in some pack word; its main
reading from src/normalize/readings_table.rs (the `pinyin` crate's data, Unihan). Syllables of
one letter and the sentence particles and pronouns Latin text writes as often (a, ma, ne, wo,
ni...) are left out.

    python3 tools/gen_spelled.py [--check]   (--check: fail if the committed table is stale)
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
sys.path.insert(0, HERE)
from gen_splits import basic, neighbours, pack_words  # noqa: E402

OUT = os.path.join(ROOT, "src", "normalize", "spelled_table.rs")
TABLE = os.path.join(ROOT, "src", "normalize", "readings_table.rs")
# interjections, particles and pronouns, and English words that are syllables (he, me, a, an)
# Particles and interjections are read only inside a word, a Han character glued on both sides
# (血ya都降了, 唑pi坦): a particle ends its phrase (好ya, 是ma). English words never.
PARTICLES = set("ai ei ao ou an en er ang eng ah ha ho la le lo ma mo na ne ni nu ya yo wa wo ba de di da bi pa pi ye".split())
SKIP = PARTICLES | set("a o e he hi me no on in it is at as us am go so do to be we".split())


# Off-platform names are left to the readings (`crate::sound`): a platform named plainly is a
# mention, named in disguise (淘bao, wei信) an attempt to slip past review, and a fold would make
# the two look alike.
PACKS = ["banned-word.toml", "prohibited-product.toml", "advertorial.toml"]


def off_platform_pairs():
    """Two characters side by side in a word of the off-platform pack (天猫, 信群): a syllable
    beside such a neighbour, in the reading of either, is left to the readings, which tell a
    name in disguise from a mention."""
    text = open(os.path.join(ROOT, "rules", "off-platform.toml"), encoding="utf-8").read()
    pairs = set()
    for m in re.finditer(r"^(?:terms|words|disguised_terms) = \[(.*?)^\]", text, re.S | re.M):
        for w in re.findall(r'"([^"]+)"', m.group(1)):
            pairs.update(a + b for a, b in zip(w, w[1:]))
    return pairs


def pack_texts():
    """The text of every pack in rules/, in file-name order."""
    for name in sorted(os.listdir(os.path.join(ROOT, "rules"))):
        if name.endswith(".toml"):
            yield open(os.path.join(ROOT, "rules", name), encoding="utf-8").read()


def spelled_in_patterns():
    """A syllable written beside a character in a pack's regex (`fu\\s?刻` of P206): the pack
    reads that spelling itself, and means it only so (复刻 written plainly is a house's own
    re-issue). (character, syllable) and (syllable, character) pairs, left unfolded."""
    before, after = set(), set()
    for text in pack_texts():
        for m in re.finditer(r"^patterns = \[(.*?)^\]", text, re.S | re.M):
            body = "\n".join(line for line in m.group(1).splitlines() if not line.strip().startswith("#"))
            for p in re.findall(r"'([^']*)'", body):
                for syl, han in re.findall(r"([a-z]{2,6})(?:\\s\?)?([\u4e00-\u9fff])", p):
                    after.add((syl, han))
                for han, syl in re.findall(r"([\u4e00-\u9fff])(?:\\s\?)?([a-z]{2,6})", p):
                    before.add((han, syl))
                # (and a lone initial written before its character: q\s?f is no 祛 of 祛斑)
                for syl, han in re.findall(r"(?<![a-zA-Z\\])([a-z])(?:\\s\?)?([\u4e00-\u9fff])", p):
                    after.add((syl, han))
    return before, after


def kept_in_terms():
    """A syllable that a pack term holds as its own letters, glued to a character of it (bo托,
    hi体, 淘bao): (syllable, character after) and (character before, syllable) pairs. The fold
    never reads such a syllable where it stands so (打了bo托 must stay bo托, though 打玻 of 打玻尿酸
    would read bo after 打了 as 玻)."""
    after, before = set(), set()
    for text in pack_texts():
        for m in re.finditer(r"^(?:terms|disguised_terms) = \[(.*?)^\]", text, re.S | re.M):
            for w in re.findall(r'"([^"]+)"', m.group(1)):
                after.update(re.findall(r"(?<![a-z])([a-z]{1,6})([\u4e00-\u9fff])", w))
                before.update(re.findall(r"([\u4e00-\u9fff])([a-z]{2,6})(?![a-z])", w))
        # (a family's words, on one line, keep their lone initials: g家 is a house, not 国家;
        # their syllables, 血ya, are read by the fold as the family reads them. A lone initial
        # is read only before its character, so only the pairs with the character after count.)
        for m in re.finditer(r"^words = \[(.*)\]$", text, re.M):
            for w in re.findall(r'"([^"]+)"', m.group(1)):
                after.update(re.findall(r"(?<![a-z])([a-z])([\u4e00-\u9fff])", w))
    return sorted(after), sorted(before)


def main_readings():
    src = open(TABLE, encoding="utf-8").read()

    def array(name):
        m = re.search(r"static " + name + r": \[[^;]+; \d+\] = \[(.*?)\];", src, re.S)
        return m.group(1)

    names = re.findall(r'"([a-z]+)"', array("NAMES"))
    main = [int(x) for x in re.findall(r"\d+", array("MAIN"))]
    return {chr(0x3400 + i): names[m] for i, m in enumerate(main) if m != 65535}


def table(name, doc, rows):
    """One table's Rust source lines: its doc comment, then a row per line."""
    lines = [f"/// {line}" for line in doc]
    lines += ["#[rustfmt::skip]", f"pub(super) const {name}: &[(&str, char, &str, &str, &str, &str)] = &["]
    lines += [f'    ("{s}", \'{c}\', "{b}", "{a}", "{sb}", "{sa}"),' for s, c, b, a, sb, sa in rows]
    return lines + ["];"]


def render(rows, inside, kept):
    """The Rust source of the tables."""
    lines = [
        "// @generated by tools/gen_spelled.py from the builtin packs' words and their main",
        "// readings (readings_table.rs). Do not edit.",
        "",
    ]
    lines += table("SPELLED", [
        "A syllable, a pack character whose main reading it is, the characters found before and",
        "after that character in some word of the packs (but an off-platform word), and those of",
        "them that a syllable spelled for it may complete a word with; sorted by syllable.",
    ], rows)
    lines.append("")
    lines += table("SPELLED_INSIDE", [
        "The same for syllables that are also particles (ya, di, pi): read only between two Han",
        "characters.",
    ], inside)
    lines.append("")
    lines += [
        "/// A syllable a pack term holds as its own letters and the character after it in that term",
        "/// (bo托): never read as a character there.",
        "#[rustfmt::skip]",
        "pub(super) const KEPT_AFTER: &[(&str, char)] = &[",
    ]
    lines += [f'    ("{a}", \'{b}\'),' for a, b in kept[0]]
    lines += ["];", "", "/// The same, with the character before the syllable (淘bao).", "#[rustfmt::skip]",
              "pub(super) const KEPT_BEFORE: &[(char, &str)] = &["]
    lines += [f'    (\'{a}\', "{b}"),' for a, b in kept[1]]
    lines += ["];"]
    return "\n".join(lines) + "\n"


def main():
    words = pack_words(PACKS)
    left, right = neighbours(words)
    # how many pack words hold each character: of two characters a syllable spells that
    # complete the very same words' neighbours (恰 and 掐 before 饭: 掐饭 is 恰饭 misspelt), the
    # one in more words is the reading, so that the tie does not leave the syllable unread
    count = {}
    for w in words:
        for ch in set(w):
            count[ch] = count.get(ch, 0) + 1
    reading = main_readings()
    off = off_platform_pairs()
    off_before = {(p[0], reading.get(p[1])) for p in off}
    off_after = {(reading.get(p[0]), p[1]) for p in off}
    in_patterns = spelled_in_patterns()
    off_before |= in_patterns[0]
    off_after |= in_patterns[1]
    rows, inside = [], []
    for c in sorted(set(left) | set(right)):
        s = reading.get(c)
        if not basic(c) or not s or len(s) < 2 or (s in SKIP and s not in PARTICLES):
            continue
        # the neighbours, but in an off-platform word; for a spelled syllable, not in one with
        # any character of the same reading either (天mao may be 天猫 as well as 飞天茅台's 茅)
        before = "".join(sorted(a for a in left.get(c, ()) if a + c not in off))
        after = "".join(sorted(b for b in right.get(c, ()) if c + b not in off))
        spelled_before = "".join(a for a in before if (a, s) not in off_before)
        spelled_after = "".join(b for b in after if (s, b) not in off_after)
        if before or after:
            (inside if s in PARTICLES else rows).append((s, c, before, after, spelled_before, spelled_after))

    def best_of(rows):
        best = {}
        for row in rows:
            key = (row[0], row[2], row[3])
            if key not in best or count.get(row[1], 0) > count.get(best[key][1], 0):
                best[key] = row
        return sorted(best.values())

    rows, inside = best_of(rows), best_of(inside)
    # a lone initial that a pack regex holds before a character is kept there too
    kept_after, kept_before = kept_in_terms()
    kept_after = sorted(set(kept_after) | {p for p in in_patterns[1] if len(p[0]) == 1})
    text = render(rows, inside, (kept_after, kept_before))
    if "--check" in sys.argv:
        current = open(OUT, encoding="utf-8").read() if os.path.exists(OUT) else ""
        if current != text:
            sys.exit(f"{os.path.relpath(OUT, ROOT)} is stale: run python3 tools/gen_spelled.py")
        return
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{len(rows)} + {len(inside)} pack characters by syllable -> {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
