#!/usr/bin/env python3
"""factlint side by side with the peer prose linters, in one run.

Called by bench/compare.sh (which builds factlint, installs the peers and makes
the corpus). The measuring itself is ../shared/bench/bench.py, imported as a
module: every case goes through its `measure` (hyperfine -N -i for wall time,
/usr/bin/time -v for peak memory) and its `summarize`, exactly as for the peers
in ../shared/bench/PEERS.md. This file only chooses the cases and prints the
comparison.

  python3 bench/compare.py --bench-py ../shared/bench/bench.py --factlint BIN
                           [--corpus DIR] [--profile quick|full] [--no-peers]
                           [--only REGEX] [--out FILE.md]
"""
import argparse
import importlib.util
import json
import os
import re
import shlex
import subprocess
import sys
import time

LOC = r"^\s*--> .*:[0-9]+:[0-9]+\s*$"   # one per finding in the human format

# (case, runs, warm-up, /usr/bin/time runs); runs = 0: one timed run by
# /usr/bin/time only (for the slow peers on the 2,000 files).
PLANS = {
    "quick": {
        "peer": [("empty", 5, 1, 1), ("en-1m", 3, 0, 1), ("ar-1m", 2, 0, 1), ("en-small2000", 0, 0, 1)],
        # harper runs at about 0.03 MB/s: smaller inputs (MB/s stays comparable)
        "harper": [("empty", 3, 0, 1), ("en-100k", 2, 0, 1), ("ar-100k", 2, 0, 1), ("en-small20", 0, 0, 1)],
        "factlint": [("empty", 10, 2, 3), ("en-1m", 5, 1, 3), ("ar-1m", 5, 1, 3), ("en-small2000", 3, 0, 1),
                     ("en-10m", 0, 0, 1), ("ar-10m", 0, 0, 1)],   # one run each: Arabic is far from linear today
        "factlint-1core": [("empty", 5, 1, 1), ("en-1m", 3, 0, 1), ("ar-1m", 3, 0, 1), ("en-small2000", 2, 0, 1)],
    },
    "full": {
        "peer": [("empty", 10, 2, 3), ("en-1m", 5, 1, 3), ("ar-1m", 3, 1, 3), ("en-small2000", 3, 0, 1)],
        "harper": [("empty", 5, 1, 3), ("en-1m", 3, 0, 1), ("ar-1m", 3, 0, 1), ("en-small200", 2, 0, 1)],
        "factlint": [("empty", 20, 3, 5), ("en-1m", 10, 2, 5), ("ar-1m", 10, 2, 5), ("en-small2000", 5, 1, 3),
                     ("en-10m", 5, 1, 3), ("ar-10m", 5, 1, 3)],
        "factlint-1core": [("empty", 10, 2, 3), ("en-1m", 5, 1, 3), ("ar-1m", 5, 1, 3), ("en-small2000", 5, 1, 3)],
    },
}
COLUMNS = [("start-up", "empty"), ("English 1 MB", "en-1m"), ("Arabic 1 MB", "ar-1m"),
           ("2,000 small articles", "en-small2000")]
# a tool that ran a smaller stand-in for a column
STAND_IN = {"en-1m": ("en-100k",), "ar-1m": ("ar-100k",), "en-small2000": ("en-small20", "en-small200")}


def load_bench(path):
    spec = importlib.util.spec_from_file_location("peers_bench", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def machine():
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    model = re.search(r"Model name:\s*(.+)", lscpu)
    mem_kb = int(re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read()).group(1))
    return {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "cpu": model.group(1).strip() if model else "?",
        "cores": os.cpu_count(),
        "ram_gib": round(mem_kb / 1024 / 1024, 1),
        "kernel": os.uname().release,
        "load": open("/proc/loadavg").read().split()[:3],
    }


def fmt_mbps(s):
    if s["mbps"] != s["mbps"]:
        return "–"
    # min–max of MB/s come from max–min of the wall times
    return f"{s['mbps']:.3g} ({s['mb'] / s['wall_max']:.3g}–{s['mb'] / s['wall_min']:.3g})"


def fmt_ms(s):
    return f"{s['wall_med'] * 1000:.0f} ms ({s['wall_min'] * 1000:.0f}–{s['wall_max'] * 1000:.0f})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench-py", required=True)
    ap.add_argument("--factlint", required=True)
    ap.add_argument("--corpus", default=None)
    ap.add_argument("--profile", choices=sorted(PLANS), default="quick")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--only", default=None, help="regex on 'tool case'")
    ap.add_argument("--out", default=None, help="also write the Markdown report here")
    ap.add_argument("--build", default="release", help="how the binary was built (said in the report)")
    ap.add_argument("--from-json", default=None, help="re-print a report from a results.json")
    a = ap.parse_args()

    bench = load_bench(a.bench_py)
    if a.corpus:
        bench.CORPUS = os.path.abspath(a.corpus)
    plan = PLANS[a.profile]
    fl = os.path.abspath(a.factlint)
    tools = {}   # name -> (argv prefix, findings regex, plan)
    if not a.no_peers:
        for name in bench.PEER_ORDER:
            argv, rx = bench.TOOLS[name]
            tools[name] = (argv, rx, plan.get(name, plan["peer"]))
    tools["factlint"] = ([fl, "check"], LOC, plan["factlint"])
    tools["factlint-1core"] = (["taskset", "-c", "0", fl, "check"], LOC, plan["factlint-1core"])
    only = re.compile(a.only) if a.only else None

    if a.from_json:
        data = json.load(open(a.from_json))
        meta, records = data["meta"], data["records"]
        meta.setdefault("results", a.from_json)
    else:
        outdir = os.path.join(bench.PEERS, "results", time.strftime("%Y%m%d-%H%M%S") + "-factlint-" + a.profile)
        os.makedirs(outdir, exist_ok=True)
        meta = {"profile": a.profile, "machine_before": machine(), "corpus": bench.CORPUS,
                "factlint": subprocess.run([fl, "--version"], capture_output=True, text=True).stdout.strip(),
                "build": a.build,
                "versions": open(os.path.join(bench.PEERS, "VERSIONS.txt")).read()
                if os.path.exists(os.path.join(bench.PEERS, "VERSIONS.txt")) else ""}
        records = []
        t0 = time.time()
        # case-major order, as bench.py does: every tool sees similar load
        cases = []
        for c in ("empty", "en-1m", "ar-1m", "en-small2000", "en-10m", "ar-10m"):
            for name, (argv, rx, steps) in tools.items():
                for step in steps:
                    col = step[0] if step[0] == c else next(
                        (k for k, v in STAND_IN.items() if step[0] in v), None)
                    if col == c:
                        cases.append((name, argv, rx) + step)
        for name, argv, rx, case, runs, warm, tvr in cases:
            if only and not only.search(f"{name} {case}"):
                continue
            files = bench.files_of(case)
            print(f"[compare] {name:15s} {case:13s} runs={runs} warmup={warm} time-v={tvr} "
                  f"load={open('/proc/loadavg').read().split()[0]}", file=sys.stderr, flush=True)
            records.append(bench.measure(name, case, files, argv + files, runs, warm, tvr, rx, outdir))
            with open(os.path.join(outdir, "results.json"), "w") as f:
                json.dump({"meta": meta, "records": records}, f, indent=1)
        meta["elapsed_s"] = round(time.time() - t0, 1)
        meta["machine_after"] = machine()
        with open(os.path.join(outdir, "results.json"), "w") as f:
            json.dump({"meta": meta, "records": records}, f, indent=1)
        meta["results"] = os.path.join(outdir, "results.json")
        with open(os.path.join(outdir, "table.md"), "w") as f:
            f.write(bench.table(records) + "\n")

    report = render(bench, meta, records, a.profile)
    print(report)
    if a.out:
        with open(a.out, "w") as f:
            f.write(report + "\n")


def render(bench, meta, records, profile):
    startups = {r["tool"]: bench.summarize(r)["wall_med"] for r in records if r["case"] == "empty"}
    S = {}   # (tool, case) -> summary
    for r in records:
        s = bench.summarize(r, startups.get(r["tool"]) if r["case"] != "empty" else None)
        s["mb"] = r["bytes"] / 1e6
        s["case"] = r["case"]
        s["findings"] = r.get("findings")
        S[(r["tool"], r["case"])] = s
    tools = list(dict.fromkeys(r["tool"] for r in records))
    peers = [t for t in tools if not t.startswith("factlint")]

    def cell(tool, col):
        if (tool, col) in S:
            return S[(tool, col)], ""
        for alt in STAND_IN.get(col, ()):
            if (tool, alt) in S:
                return S[(tool, alt)], f" [{alt}]"
        return None, ""

    mb0, ma = meta["machine_before"], meta.get("machine_after", meta["machine_before"])
    out = [f"Profile `{profile}`, {mb0['date']}; {meta.get('factlint', 'factlint')} ({meta.get('build', 'release')} build); corpus `{meta['corpus']}`.",
           "",
           f"Machine: {mb0['cpu']}, {mb0['cores']} cores, {mb0['ram_gib']} GiB RAM, Linux {mb0['kernel']}; "
           f"load average {' '.join(mb0['load'])} before and {' '.join(ma['load'])} after the run "
           f"({meta.get('elapsed_s', '?')} s of measuring).",
           "",
           "Wall time: hyperfine median (min–max) over the runs (column n of the raw table); MB/s = input bytes / "
           "10⁶ / median wall time, end to end (start-up included); peak memory: median maximum resident set "
           "size from `/usr/bin/time -v`. `factlint` may use both cores (several files spread over them, one long file split over them); `factlint-1core` "
           "runs under `taskset -c 0`. An input name in [brackets] after a figure: that tool ran this smaller "
           "stand-in input (harper is too slow for the full one).",
           "",
           "| tool | start-up (empty file) | English 1 MB, MB/s | Arabic 1 MB, MB/s | 2,000 small articles (11.4 MB), MB/s | peak RSS MB (largest input of the columns) |",
           "|---|---|---|---|---|---|"]
    for t in tools:
        row = [f"**{t}**" if t.startswith("factlint") else t]
        rss = []
        for _, col in COLUMNS:
            s, note = cell(t, col)
            if s is None:
                row.append("–")
                continue
            row.append((fmt_ms(s) if col == "empty" else fmt_mbps(s)) + note)
            rss.append((s["rss_med_mb"], s["case"]))
        big = max(rss, key=lambda x: x[0]) if rss else None
        row.append(f"{big[0]:.0f} ({big[1]})" if big else "–")
        out.append("| " + " | ".join(row) + " |")

    # factlint against the fastest peer, per column
    if peers and "factlint" in tools:
        out += ["", "factlint against the best peer of each column (from this run; stand-in inputs count):", "",
                "| column | best peer | its figure | factlint | factlint / best |", "|---|---|---|---|---|"]
        for label, col in COLUMNS:
            f, _ = cell("factlint", col)
            cands = [(p, cell(p, col)[0]) for p in peers if cell(p, col)[0] is not None]
            if f is None or not cands:
                continue
            if col == "empty":
                p, s = min(cands, key=lambda x: x[1]["wall_med"])
                out.append(f"| start-up | {p} | {s['wall_med'] * 1000:.0f} ms | {f['wall_med'] * 1000:.0f} ms | "
                           f"{s['wall_med'] / f['wall_med']:.2f}× faster |")
            else:
                p, s = max(cands, key=lambda x: x[1]["mbps"])
                out.append(f"| {label} | {p} | {s['mbps']:.3g} MB/s | {f['mbps']:.3g} MB/s | "
                           f"{f['mbps'] / s['mbps']:.2f}× |")
        cols = {c for _, c in COLUMNS} | {x for v in STAND_IN.values() for x in v}

        def peak(t):
            v = [x["rss_med_mb"] for (tt, c), x in S.items() if tt == t and c in cols]
            return max(v) if v else None

        ranked = sorted((peak(p), p) for p in peers if peak(p) is not None)
        if ranked and peak("factlint") is not None:
            pr, p = ranked[0]
            fr = peak("factlint")
            out.append(f"| peak memory (largest over the columns' inputs) | {p} | {pr:.0f} MB | {fr:.0f} MB | "
                       f"{fr / pr:.2f}× |")

    # linearity and cores
    def goal_mib(mb):
        # 3 x the input + 20 MB, in the unit the peak is measured in (MiB:
        # /usr/bin/time's kilobytes are KiB).
        return (3 * mb * 1e6 + 20 * 2**20) / 2**20

    extra = []
    for lang in ("en", "ar"):
        a, b = S.get(("factlint", f"{lang}-1m")), S.get(("factlint", f"{lang}-10m"))
        if a and b:
            one = fmt_ms(a) if a["wall_med"] < 0.1 else f"{a['wall_med']:.2f} s"
            net = (b["wall_med"] - startups.get("factlint", 0)) / max(a["wall_med"] - startups.get("factlint", 0), 1e-9)
            extra.append(f"| {lang}: 10 MB vs 1 MB | {one} → {b['wall_med']:.2f} s ({b['wall_min']:.2f}–{b['wall_max']:.2f}) | "
                         f"**{b['wall_med'] / a['wall_med']:.1f}×** for {b['mb'] / a['mb']:.1f}× the bytes "
                         f"(net of start-up: {net:.1f}×) | "
                         f"{b['rss_med_mb']:.1f} MiB for {b['mb']:.0f} MB of input "
                         f"(goal ≤ {goal_mib(b['mb']):.1f} MiB) |")
    for col in ("en-1m", "ar-1m", "en-small2000"):
        a, b = S.get(("factlint-1core", col)), S.get(("factlint", col))
        if a and b:
            extra.append(f"| {col}: 1 core vs {mb0['cores']} cores | {a['wall_med']:.2f} s → {b['wall_med']:.2f} s | "
                         f"speed-up **{a['wall_med'] / b['wall_med']:.2f}×** | 1 core: {a['rss_med_mb']:.0f} MB; "
                         f"all: {b['rss_med_mb']:.0f} MB |")
    if extra:
        out += ["", "factlint: linearity and cores", "", "| what | wall median | ratio | peak RSS |",
                "|---|---|---|---|"] + extra
    out += ["", "<details><summary>Raw table (bench.py format: every case, CPU, findings, exit codes)</summary>", "",
            bench.table(records), "", "</details>"]
    if meta.get("results"):
        out += ["", f"Raw per-run times: `{meta['results']}`."]
    return "\n".join(out)


if __name__ == "__main__":
    main()
