#!/usr/bin/env python3
"""Plots of the benchmark tables (docs/bench/*.json) with gnuplot.

scripts/bench.sh runs it after the benchmarks; by hand:
    python3 scripts/bench_plots.py [--dir docs/bench]
writes
    linerate.png     delivered share of line rate by frame size: receive and
                     transmit through the whole core (10 GbE DataW 64, 25 GbE
                     DataW 128) and the 10 GbE MAC + PCS
    replication.png  copies delivered per second by fan-out (broadcast to N
                     queues)
    drr.png          transmit arbitration: frame shares under round-robin,
                     byte shares under DRR, against what each promises
    demo.png         vmq-demo's results (demo.json, committed from a run of
                     scripts/run.sh): delivered Gb/s and host ns per frame,
                     drawn by scripts/demo_chart.gp as run.sh draws them
A table that is missing is skipped with a note. Plain Python 3 and gnuplot.
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path


def load(d, name):
    p = d / name
    if not p.exists():
        print(f"bench_plots: {p} missing, its plot is skipped")
        return None
    return json.loads(p.read_text())


def gnuplot(script):
    r = subprocess.run(["gnuplot"], input=script, text=True, capture_output=True)
    if r.returncode != 0:
        sys.exit(f"bench_plots: gnuplot failed:\n{r.stderr}")


def line_plot(out, tmp, series, settings, width=900):
    """series: [(title, [(x, y)])], one data file and line each; settings:
    the gnuplot lines between the terminal and the plot command."""
    plots = []
    for i, (title, pts) in enumerate(series):
        f = tmp / f"{out.stem}{i}.dat"
        f.write_text("".join(f"{x} {y}\n" for x, y in pts))
        plots.append(f"'{f}' using 1:2 with linespoints lw 2 pt {i + 5} title '{title}'")
    gnuplot(f"""set terminal pngcairo size {width},520 font ",11"
set output '{out}'
{settings}
plot {", ".join(plots)}
""")
    return out


def linerate(d, tmp):
    series = []  # (title, [(bytes, pct)])
    rx = load(d, "rx.json")
    if rx:
        for g in sorted({r["port_gbps"] for r in rx}):
            pts = [(r["frame_bytes"], 100.0 * r["fraction"]) for r in rx
                   if r["port_gbps"] == g and not r.get("mode")]
            dw = next(r["data_w"] for r in rx if r["port_gbps"] == g)
            series.append((f"receive {g} GbE (DataW {dw})", sorted(pts)))
    tx = load(d, "tx.json")
    if tx:
        for g in sorted({r["line_gbps"] for r in tx}):
            pts = [(r["frame_bytes"], r["line_rate_pct"]) for r in tx if r["line_gbps"] == g and not r.get("mode")]
            dw = next(r["data_w"] for r in tx if r["line_gbps"] == g)
            series.append((f"transmit {g} GbE (DataW {dw})", sorted(pts)))
    eth = load(d, "eth.json")
    if eth:
        series.append(("10 GbE MAC + PCS", sorted((r["bytes"], r["line_pct"]) for r in eth["rows"])))
    if not series:
        return None
    return line_plot(d / "linerate.png", tmp, series, """set title "Line rate by frame size (scripts/bench.sh, docs/bench/*.md)"
set xlabel "frame bytes (no FCS)"
set ylabel "% of line rate"
set logscale x 2
set xtics (60, 128, 256, 512, 1024, 1514, 9000)
set yrange [90:101]
set grid
set key bottom right box opaque""")


def replication(d, tmp):
    rx = load(d, "rx.json")
    if not rx:
        return None
    rows = [r for r in rx if r.get("mode") == "bcast"]
    if not rows:
        return None
    keys = sorted({(r["port_gbps"], r["frame_bytes"]) for r in rows})
    series = [(f"{g} GbE, {b} B", sorted((r["copies"], r["copy_gbps"]) for r in rows
                                        if r["port_gbps"] == g and r["frame_bytes"] == b))
              for g, b in keys]
    return line_plot(d / "replication.png", tmp, series, """set title "Broadcast replication: copies delivered by fan-out (docs/bench/rx.md)"
set xlabel "copies per frame (queues the broadcast goes to)"
set ylabel "Gb/s of copies delivered"
set logscale x 2
set xtics (1, 2, 4, 8, 16)
set xrange [0.9:18]
set yrange [0:*]
set grid
set key outside right""", width=1000)


def drr(d, tmp):
    """Measured shares of four backlogged queues (frames of 64/512/1514/9000
    bytes) per arbitration setting: the frame share under round-robin, the byte
    share under DRR, each with the share it promises as a point."""
    tx = load(d, "tx.json")
    rows = [r for r in tx or [] if r.get("mode") in ("rr", "drr")]
    if not rows:
        return None
    dat = tmp / "drr.dat"
    lines = []
    for r in rows:
        got = r["byte_share"] if r["mode"] == "drr" else r["frame_share"]
        what = "bytes" if r["mode"] == "drr" else "frames"
        label = f'{r["line_gbps"]:g}G {r["name"]} ({what})'
        lines.append(f'"{label}" ' + " ".join(f"{100 * x:.2f}" for x in got) + " "
                     + " ".join(f"{100 * x:.2f}" for x in r["target_share"]) + "\n")
    dat.write_text("".join(lines))
    sizes = rows[0]["queue_frame_bytes"]
    bars = [f"{'' if q == 0 else chr(39) * 2} using {2 + q}{':xtic(1)' if q == 0 else ''} "
            f"title 'queue {q} ({sizes[q]} B)'" for q in range(4)]
    # points at the bar centres of a clustered histogram (4 bars, gap 1: width 0.2)
    pts = [f"'' using ($0 + {(q - 1.5) * 0.2:.2f}):{6 + q} with points pt 7 ps 1.2 lc rgb 'black' "
           + ("title 'promised share'" if q == 0 else "notitle") for q in range(4)]
    bars, pts = ", ".join(bars), ", ".join(pts)
    out = d / "drr.png"
    gnuplot(f"""set terminal pngcairo size 1100,560 font ",11"
set output '{out}'
set title "Transmit arbitration: shares of four backlogged queues (docs/bench/tx.md)"
set ylabel "% of frames (round-robin) or bytes (DRR)"
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set boxwidth 1
set yrange [0:60]
set xtics rotate by -20 font ",9"
set grid ytics
set key top left box opaque
plot '{dat}' {bars}, {pts}
""")
    return out


def demo(d, tmp):
    js = load(d, "demo.json")
    if not js:
        return None
    runs = js["runs"]
    dat = tmp / "demo.dat"
    rows = []
    for sw in runs:
        if sw["mode"] != "swswitch":
            continue
        vm = next(r for r in runs if r["mode"] == "vmdq" and r["port_gbps"] == sw["port_gbps"]
                  and r["frame_bytes"] == sw["frame_bytes"])
        line = sw["port_gbps"] * sw["frame_bytes"] / (sw["frame_bytes"] + 24)
        rows.append(f'"{sw["port_gbps"]:.0f}G {sw["frame_bytes"]}B" {sw["total_gbps"]:.3f} '
                    f'{vm["total_gbps"]:.3f} {line:.3f} {sw["host_ns_per_frame"]:.1f} {vm["host_ns_per_frame"]:.1f}\n')
    dat.write_text("".join(rows))
    out = d / "demo.png"
    gp = Path(__file__).resolve().parent / "demo_chart.gp"
    r = subprocess.run(["gnuplot", "-e", f"dat='{dat}'; png='{out}'", str(gp)], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"bench_plots: gnuplot failed on {gp}:\n{r.stderr}")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", type=Path, default=Path(__file__).resolve().parent.parent / "docs" / "bench")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as t:
        for f in (linerate, replication, drr, demo):
            out = f(a.dir, Path(t))
            if out:
                print(f"bench_plots: wrote {out}")


if __name__ == "__main__":
    main()
