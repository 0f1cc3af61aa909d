#!/usr/bin/env python3
"""Regenerates TraditionalFold.tsv: each traditional character and the simplified one the analyzer folds it to.

Run from the repository root:  python3 src/SpeechArchive.Core/Analysis/make-traditional-fold.py
Needs ICU's uconv (Debian: apt-get install icu-devtools). Every CJK character is transliterated alone with ICU's
Traditional-Simplified rules; a mapping is kept when its source is no character of simplified text (outside GB 2312),
or one of the few GB 2312 holds that simplified text writes otherwise (後, 於, 麽, 夥, 摺, 菸, 徵), and not one of KEEP. So
著 (显著), 乾 (乾隆), 俱 (与时俱进), 藉 (慰藉), 跤 (摔跤) and 瞭 (瞭望) stay as they are: folded, simplified text would change.
"""
import subprocess
import sys

ALSO = "後於麽夥摺菸徵"
# Outside GB 2312 but characters of today's simplified text (the 通用规范汉字表): 瞭 of 瞭望 (in 15 laws of the shared
# corpus: the only such character that two or more of its simplified files hold), 昇 of names.
KEEP = "瞭昇"
OUT = "src/SpeechArchive.Core/Analysis/TraditionalFold.tsv"


def simplified(c):
    try:
        c.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


chars = [chr(c) for c in list(range(0x3400, 0x4DC0)) + list(range(0x4E00, 0xA000))]
run = subprocess.run(["uconv", "-x", "Traditional-Simplified"], input="\n".join(chars).encode("utf-8"), capture_output=True, check=True)
icu = subprocess.run(["uconv", "--version"], capture_output=True).stdout.decode().strip()
folded = run.stdout.decode("utf-8").split("\n")
if len(folded) != len(chars):
    sys.exit(f"uconv gave {len(folded)} lines for {len(chars)} characters")

pairs = [(a, b) for a, b in zip(chars, folded) if a != b and len(b) == 1 and (not simplified(a) or a in ALSO) and a not in KEEP]
# A character folds straight to the end of its chain (薴 → 苧 → 苎), so folding twice changes nothing.
table = dict(pairs)
for i, (a, b) in enumerate(pairs):
    while b in table:
        b = table[b]
    pairs[i] = (a, b)

with open(OUT, "w", encoding="utf-8", newline="\n") as f:
    f.write("# Traditional character<TAB>the simplified one indexing and queries fold it to (TextNormalizer).\n")
    f.write(f"# Made by src/SpeechArchive.Core/Analysis/make-traditional-fold.py from ICU's Traditional-Simplified ({icu}): {len(pairs)} characters.\n")
    for a, b in pairs:
        f.write(f"{a}\t{b}\n")
print(f"{OUT}: {len(pairs)} characters")
