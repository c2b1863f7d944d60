#!/usr/bin/env python3
"""Times factlint on generated hostile inputs at two sizes, to find what
scales worse than linearly (a report, never a test: timings depend on the
machine).

    cargo build --release
    python3 scripts/hostile_sweep.py target/release/factlint [KIND ...]

Each kind of text (names by the thousand, near-identical names, figures,
dates, glued Arabic, one long word, digit and punctuation soups, Markdown
tables and lists, short lines, links and handles, ...) is written at 100 KB
and 1 MB to a temporary folder and checked on one thread. A kind whose time
grows more than one and a half times as fast as its bytes is marked
`superlinear`; one whose JSON report does, `report superlinear`, and one
whose report is over a thousand times its input, flagged too. The
fifty-fourth session found three defects with it: the masks' quadratic scan,
names inside links, and the memory of a paragraph without line breaks (see
bench/HISTORY.md).
"""
import os
import random
import subprocess
import sys
import tempfile
import time

AR = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
def ar_word(n=None): return "".join(random.choice(AR) for _ in range(n or random.randint(3,7)))
def lat_name(): return random.choice("ABCDEFGHIJKLMNOPRSTUVW")+"".join(random.choice("aeioulmnrstk") for _ in range(random.randint(4,8)))
gens = {}


class Acc(list):
    """A list of strings that keeps their total length."""

    total = 0

    def append(self, item):
        self.total += len(item)
        super().append(item)


def g(f): gens[f.__name__]=f; return f
@g
def distinct_names(n):  # many distinct capitalized two-word names
    out=Acc()
    while out.total<n: out.append(f"{lat_name()} {lat_name()} said the plan was good.")
    return " ".join(out)
@g
def near_names(n):  # many names at edit distance 1 from each other
    base="Montgomery"; out=Acc()
    while out.total<n:
        i=random.randrange(len(base)); w=base[:i]+random.choice("aeiou")+base[i+1:]
        out.append(f"{w} Smith met {base} Smith.")
    return " ".join(out)
@g
def one_name_many_forms(n):
    out=Acc(); forms=["OpenAI","Openai","Optai","OpenAi","Open AI"]
    while out.total<n: out.append(f"{random.choice(forms)} said it raised money.")
    return " ".join(out)
@g
def many_amounts(n):  # same subject, many different figures
    out=Acc()
    while out.total<n: out.append(f"The company raised ${random.randint(1,999)}.{random.randint(0,9)} billion in revenue.")
    return " ".join(out)
@g
def many_amounts_ar(n):
    out=Acc()
    while out.total<n: out.append(f"بلغت إيرادات الشركة {random.randint(1,999)} مليار دولار.")
    return " ".join(out)
@g
def many_dates(n):
    months=["January","February","March","April","May","June","July"]
    out=Acc()
    while out.total<n: out.append(f"On {random.randint(1,28)} {random.choice(months)} {random.randint(1990,2030)}, the talks began, a day after {random.randint(1,28)} {random.choice(months)} {random.randint(1990,2030)}.")
    return " ".join(out)
@g
def many_dates_ar(n):
    months=["يناير","فبراير","مارس","أبريل","مايو"]
    out=Acc()
    while out.total<n: out.append(f"في {random.randint(1,28)} {random.choice(months)} {random.randint(1990,2030)} بدأت المحادثات.")
    return " ".join(out)
@g
def glued_arabic(n):  # long arabic runs without spaces
    out=Acc()
    while out.total<n: out.append("".join(ar_word() for _ in range(random.randint(5,60))))
    return " ".join(out)
@g
def one_arabic_word(n): return ar_word(n//2)
@g
def one_latin_word(n): return "".join(random.choice("abcdefghijklmnop") for _ in range(n))
@g
def digits_spaces(n): return " ".join(str(random.randint(0,999)) for _ in range(n//4))
@g
def digit_dots(n): return ".".join(str(random.randint(0,99)) for _ in range(n//3))
@g
def digit_commas(n): return ",".join(str(random.randint(0,999)) for _ in range(n//4))
@g
def quotes_mixed(n): return " ".join(random.choice(['"a','b"','«c','d»','“e','f”','(g','h)','[i','j]']) for _ in range(n//3))
@g
def punctuation_soup(n): return "".join(random.choice(".,;:!?،؛ ()«»\"'-–—…%$€") for _ in range(n))
@g
def repeated_word(n): return " ".join(["the"]*(n//4))
@g
def repeated_word_ar(n): return " ".join(["في"]*(n//3))
@g
def mixed_script(n):
    return " ".join(random.choice([ar_word(), lat_name(), "et", "the", "وet", "Musk", "ماسك"]) for _ in range(n//6))
@g
def percent_soup(n): return " ".join(f"{random.randint(1,100)}% {random.randint(1,100)} percent" for _ in range(n//20))
@g
def markdown_table(n):
    rows=Acc(["| a | b | c |","|---|---|---|"])
    while rows.total<n: rows.append(f"| {random.randint(1,999)} million | {lat_name()} | {random.randint(1990,2030)} |")
    return "\n".join(rows)
@g
def markdown_links(n): return " ".join(f"[{lat_name()}](https://example.com/{random.randint(1,10**9)})" for _ in range(n//40))
@g
def nested_lists(n):
    lines=Acc(); d=0
    while lines.total<n:
        d=max(0,min(200,d+random.choice([-1,1,1]))); lines.append("  "*d+"- item "+lat_name())
    return "\n".join(lines)
@g
def short_lines(n): return "\n".join(lat_name()+" "+str(random.randint(1,100)) for _ in range(n//12))
@g
def blank_paragraphs(n): return "\n\n".join(f"{lat_name()} raised ${random.randint(1,9)} billion." for _ in range(n//30))
@g
def urls(n): return " ".join(f"https://{lat_name().lower()}.com/{'/'.join(lat_name() for _ in range(5))}?q={random.randint(1,9**9)}" for _ in range(n//60))
@g
def hashtags(n): return " ".join("#"+lat_name()+" @"+lat_name() for _ in range(n//20))
@g
def arabic_names_variants(n):
    forms=["ماسك","موسك","المسك","إيلون ماسك","ايلون موسك","أيلون ماسك"]
    out=Acc()
    while out.total<n: out.append(f"قال {random.choice(forms)} إن الشركة {ar_word()}.")
    return " ".join(out)
@g
def decimal_shift(n):
    out=Acc()
    while out.total<n:
        v=random.randint(100,999); out.append(f"Revenue was {v/10} billion, i.e. {v/100} billion dollars.")
    return " ".join(out)
@g
def many_sentences_one_para(n):
    out=Acc()
    while out.total<n: out.append(f"{lat_name()} {random.choice(['said','says','told'])} {random.randint(1,99)} people.")
    return " ".join(out)
@g
def ws_soup(n): return "".join(random.choice([" ","\t","\u00a0","\u200f","\u200e","\u202b","\u202c","\n"," a","ب"]) for _ in range(n//2))
@g
def combining(n): return "".join(random.choice(["a","\u0301","\u064b","\u0651","ب","\u0670","\u200d"]) for _ in range(n//2))
@g
def years_list(n): return ", ".join(str(random.randint(1900,2100)) for _ in range(n//6))
@g
def hijri(n):
    out=Acc()
    while out.total<n: out.append(f"{random.randint(1,29)} رمضان {random.randint(1400,1450)} هـ الموافق {random.randint(1,28)} مارس {random.randint(1990,2030)}")
    return " ، ".join(out)
@g
def weekday_dates(n):
    days=["Monday","Tuesday","Friday"]; months=["March","April"]
    out=Acc()
    while out.total<n: out.append(f"On {random.choice(days)}, {random.choice(months)} {random.randint(1,28)}, {random.randint(1990,2030)}, it rained.")
    return " ".join(out)
@g
def relative_dates(n):
    out=Acc()
    while out.total<n: out.append(random.choice(["yesterday","last week","on Monday","two days ago","tomorrow","next year","in 2019"])+" it rained.")
    return " ".join(out)


def run(binary, path):
    """Least wall time of three checks of `path` on one thread, and its
    peak RSS (MiB) as GNU time measures it: a child forked from this
    process would report this process's own peak instead (Linux keeps it
    across `exec`), and `time` is a small process of its own."""
    best = None
    for _ in range(3):
        with tempfile.NamedTemporaryFile("r") as rss:
            start = time.perf_counter()
            proc = subprocess.run(
                ["/usr/bin/time", "-f", "%M", "-o", rss.name, binary, "check", "-j1", path],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                check=False,
            )
            wall = time.perf_counter() - start
            peak = int(rss.read().split()[-1]) / 1024
        panicked = b"panicked" in proc.stderr
        if best is None or wall < best[0]:
            best = (wall, peak, proc.returncode, panicked)
    return best


def json_bytes(binary, path):
    """How many bytes the JSON report of `path` has (read as it is
    written, not kept): a report that grows faster than its input is a
    defect too (each date of a paragraph without a full stop once repeated
    the whole paragraph)."""
    proc = subprocess.Popen(
        [binary, "check", "-j1", "--format", "json", path],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    n = 0
    while chunk := proc.stdout.read(1 << 20):
        n += len(chunk)
    proc.wait()
    return n


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    kinds = sys.argv[2:] or list(gens)
    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, "empty.txt")
        open(empty, "w").close()
        # Start-up, taken off both times: it would hide growth at 100 KB.
        startup = run(binary, empty)[0]
        print(f"start-up {startup * 1000:.1f} ms (taken off the ratio)")
        print(f"{'kind':<24} {'100 KB':>16} {'1 MB':>16} {'ratio':>6} {'JSON 100 KB':>12} {'1 MB':>9}")
        for kind in kinds:
            random.seed(7)
            ext = "md" if kind.startswith(("markdown", "nested")) else "txt"
            cells, sizes, reports = [], [], []
            for size in (100_000, 1_000_000):
                path = os.path.join(tmp, f"{kind}-{size}.{ext}")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(gens[kind](size))
                sizes.append(os.path.getsize(path))
                cells.append(run(binary, path))
                reports.append(json_bytes(binary, path))
            (t1, m1, c1, p1), (t2, m2, c2, p2) = cells
            ratio = max(t2 - startup, 1e-3) / max(t1 - startup, 1e-3)
            flags = []
            if ratio > 1.5 * sizes[1] / sizes[0] and t2 > 0.2:
                flags.append("superlinear")
            if reports[1] > 1.5 * reports[0] * sizes[1] / sizes[0] and reports[1] > 10**7:
                flags.append("report superlinear")
            # A paragraph is checked in blocks of 64 KiB: a report quadratic
            # in a block's length is linear past it, with a constant that
            # gives it away (every finding a few hundred bytes of JSON, on
            # text that has at most one every few bytes).
            if reports[1] > 1000 * sizes[1]:
                flags.append(f"report {reports[1] // sizes[1]}x the input")
            if p1 or p2 or c1 not in (0, 1) or c2 not in (0, 1):
                flags.append(f"exit {c1}/{c2}{' panic' if p1 or p2 else ''}")
            print(
                f"{kind:<24} {t1:6.2f} s {m1:5.0f} MiB {t2:6.2f} s {m2:5.0f} MiB"
                f" {ratio:6.1f} {reports[0] / 1e6:9.1f} MB {reports[1] / 1e6:6.1f} MB"
                f" {' '.join(flags)}"
            )


if __name__ == "__main__":
    main()
