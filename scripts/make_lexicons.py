#!/usr/bin/env python3
"""Regenerates rules/data/lexicon-{en,fr,ar}.txt from wordfreq.

    python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    /tmp/wf/bin/python scripts/make_lexicons.py

The lists are the most frequent words of each language (letters only, at
least two of them), lower case. factlint uses them to tell ordinary words
(`Open`, `apple`, `مسك`) from names. wordfreq's data is CC BY-SA 4.0.
"""
import re
from pathlib import Path

from wordfreq import top_n_list

NAMES = {"en": "English", "fr": "French", "ar": "Arabic"}
ROOT = Path(__file__).resolve().parent.parent

for lang, size in [("en", 40000), ("fr", 40000), ("ar", 40000)]:
    words = [w for w in top_n_list(lang, size)
             if len(w) >= 2 and re.fullmatch(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", w)]
    out = ROOT / "rules" / "data" / f"lexicon-{lang}.txt"
    with out.open("w", encoding="utf-8") as f:
        f.write(f"# The {len(words)} most frequent words of {NAMES[lang]} (lower case), from wordfreq 3.1.1\n")
        f.write("# (https://github.com/rspeer/wordfreq), whose data is licensed CC BY-SA 4.0 (c) Robyn Speer.\n")
        f.write("# Used to tell ordinary words from names: a word listed here is not taken for a misspelled name.\n")
        f.write("# Regenerate with scripts/make_lexicons.py.\n")
        for w in words:
            f.write(w + "\n")
    print(lang, len(words))
