#!/usr/bin/env python3
"""Make the bundled Chinese font: Noto Sans CJK SC cut down to what UN documents in Chinese use.

Why: the full Noto Sans CJK collection is ~19 MB per weight. We keep (~11 MB per weight):
  - every character of GB 2312 (decoded from the code table itself, no list to maintain),
  - every CJK Unified Ideograph of the basic block and Extension A: rare characters of personal names
    (镕, 喆, 堃, 赟, 䶮) and traditional forms (臺灣) must print,
  - CJK symbols and punctuation, full-width and half-width forms, general punctuation,
  - Basic Latin and Latin-1 (digits and Latin words inside Chinese lines keep one design),
  - U+25A1 and U+FFFD, the stand-ins for characters no bundled font has.
Characters outside the set fall back to the other bundled fonts, or are printed as U+25A1 with a warning.

Usage (needs `pip install fonttools` and Debian's fonts-noto-cjk):
    python3 crates/export/scripts/subset-cjk.py
Writes crates/export/fonts/NotoSansSC-{Regular,Bold}-Subset.otf.
"""
import pathlib
import subprocess
import sys
import tempfile

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
        (0x25A0, 0x25FF),  # Geometric Shapes: U+25A1 stands in for characters no bundled font has
        (0xFFFD, 0xFFFD),  # Replacement character
        (0x3400, 0x4DBF),  # CJK Unified Ideographs Extension A (rare name characters: 䶮)
        (0x4E00, 0x9FFF),  # CJK Unified Ideographs: every hanzi of the basic block, simplified and traditional
        (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    ]:
        keep.update(range(lo, hi + 1))
    return keep


def format12_cmap(path: pathlib.Path) -> None:
    """Replace the cmap's format 4 subtables with format 12 ones.

    A format 4 subtable has a 16-bit length; ~29,000 scattered mappings overflow it, and shapers then miss
    characters late in the table (通 came out as .notdef). Format 12 has no such limit.
    """
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

    font = TTFont(path)
    cmap = font["cmap"]
    mapping = cmap.getBestCmap()
    tables = []
    for platform, encoding in [(0, 4), (3, 10)]:
        table = CmapSubtable.newSubtable(12)
        table.platformID, table.platEncID, table.language = platform, encoding, 0
        table.cmap = dict(mapping)
        tables.append(table)
    cmap.tables = tables
    font.save(path)


def main() -> int:
    unicodes = sorted(gb2312() | ranges())
    # Too many for a command line: fontTools reads them from a file.
    listing = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False)
    listing.write("\n".join(f"U+{c:04X}" for c in unicodes))
    listing.close()
    for weight in ("Regular", "Bold"):
        src = SRC / f"NotoSansCJK-{weight}.ttc"
        out = OUT / f"NotoSansSC-{weight}-Subset.otf"
        subprocess.run(
            [
                sys.executable, "-m", "fontTools.subset", str(src),
                f"--font-number={SC_INDEX}",
                f"--unicodes-file={listing.name}",
                "--layout-features=*",
                "--name-IDs=*",
                "--name-languages=*",
                "--no-hinting",
                f"--output-file={out}",
            ],
            check=True,
        )
        format12_cmap(out)
        print(f"{out.name}: {out.stat().st_size} bytes, {len(unicodes)} code points")
    return 0


if __name__ == "__main__":
    sys.exit(main())
