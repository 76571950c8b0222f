#!/usr/bin/env python3
"""Regret of simulate runs on one yardstick: the best selection of the same size among the arms other than rewrite.

Usage: rewrite-yardstick.py FULL_INFO.csv ...   (files written by `ltrr simulate --export-full-info`)

Per round: sum of the |S| largest o_a over the arms other than `rewrite`, minus the sum of o_a over the chosen S
(the rewrite arm's o_a included when it was chosen). A run without the rewrite arm gets its usual cumulative regret;
a run with it is measured against the same best selection, so it can go below 0 when the rewrite arm serves
searches better than any other arm would have. Also prints, for runs with the arm, the rounds whose query had a
known rewrite (rewrite.p > 0), the rounds the arm was chosen, and the rounds it earned a click.
"""
import csv
import sys

for path in sys.argv[1:]:
    with open(path, newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        oracle = [(i, c[2:]) for i, c in enumerate(header) if c.startswith("o_")]
        chosen_col = header.index("chosen")
        p_col = header.index("rewrite.p")
        reward_col = header.index("reward_rewrite") if "reward_rewrite" in header else None
        regret, known, chosen, rewarded = 0.0, 0, 0, 0
        for row in rows:
            o = {arm: float(row[i]) for i, arm in oracle}
            s = [a for a in row[chosen_col].split(";") if a]
            others = sorted((v for a, v in o.items() if a != "rewrite"), reverse=True)
            regret += sum(others[:len(s)]) - sum(o[a] for a in s)
            known += float(row[p_col]) > 0
            if "rewrite" in s:
                chosen += 1
                rewarded += reward_col is not None and row[reward_col] not in ("", "0.0")
    print(f"{path}\tregret_vs_other_arms={regret:.1f}\trewrite_known={known}\trewrite_chosen={chosen}"
          f"\trewrite_rewarded={rewarded}")
