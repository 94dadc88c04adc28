#!/usr/bin/env python3
"""Make the bundled Chinese font: Noto Sans CJK SC cut down to what UN documents in Chinese use.

Why: the full Noto Sans CJK collection is ~19 MB per weight. Simplified-Chinese meeting documents stay
within GB 2312 (6,763 hanzi, which cover >99.9% of modern running text) plus punctuation, so we keep:
  - every character of GB 2312 (decoded from the code table itself, no list to maintain),
  - CJK symbols and punctuation, full-width and half-width forms, general punctuation,
  - Basic Latin and Latin-1 (digits and Latin words inside Chinese lines keep one design).
Characters outside the set fall back to the other bundled fonts, or show as a missing glyph.

Usage (needs `pip install fonttools` and Debian's fonts-noto-cjk):
    python3 crates/export/scripts/subset-cjk.py
Writes crates/export/fonts/NotoSansSC-{Regular,Bold}-GB2312.otf.
"""
import pathlib
import subprocess
import sys

SRC = pathlib.Path("/usr/share/fonts/opentype/noto")
OUT = pathlib.Path(__file__).resolve().parent.parent / "fonts"
SC_INDEX = 2  # index of "Noto Sans CJK SC" inside the .ttc collection


def gb2312() -> set[int]:
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return chars


def ranges() -> set[int]:
    keep = set()
    for lo, hi in [
        (0x0020, 0x00FF),  # Basic Latin, Latin-1
        (0x2000, 0x206F),  # General Punctuation
        (0x3000, 0x303F),  # CJK Symbols and Punctuation
        (0xFF00, 0xFFEF),  # Half-width and Full-width Forms
    ]:
        keep.update(range(lo, hi + 1))
    return keep


def main() -> int:
    unicodes = sorted(gb2312() | ranges())
    listing = ",".join(f"U+{c:04X}" for c in unicodes)
    for weight in ("Regular", "Bold"):
        src = SRC / f"NotoSansCJK-{weight}.ttc"
        out = OUT / f"NotoSansSC-{weight}-GB2312.otf"
        subprocess.run(
            [
                sys.executable, "-m", "fontTools.subset", str(src),
                f"--font-number={SC_INDEX}",
                f"--unicodes={listing}",
                "--layout-features=*",
                "--name-IDs=*",
                "--name-languages=*",
                "--no-hinting",
                f"--output-file={out}",
            ],
            check=True,
        )
        print(f"{out.name}: {out.stat().st_size} bytes, {len(unicodes)} code points")
    return 0


if __name__ == "__main__":
    sys.exit(main())
