#!/usr/bin/env python3
"""silver: who said what on 180 pool articles nobody tuned the rules for.

usage (from the source tree's root, after a build):
    bench/silver.py [CITATA] [--verbose]

bench/silver/silver.tsv holds who-said-what annotations of 180 articles
of ../shared/corpus/pool (none of them in corpus/dev or corpus/train),
written blind from corpus/GUIDELINES.md and the decisions in
corpus/train/README.md (see bench/silver/README).  The file keeps no
text of the articles: each article is named by the sha256 of its record
in the pool, each quote by its byte offsets in it; this program rebuilds
the articles and the gold from the pool, runs `CITATA extract` on them
and scores it with ../shared/tools/score-quotes, split in two:
    tune   96 articles, 488 quotes: rules may be fitted to their errors
    hold   84 articles, 367 quotes: read the figures, never the errors
--verbose prints the errors of tune only.
"""
import hashlib, json, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
POOL = os.path.join(ROOT, "..", "shared", "corpus", "pool", "articles.txt")
SCORER = os.path.join(ROOT, "..", "shared", "tools", "score-quotes")
TSV = os.path.join(HERE, "silver", "silver.tsv")
RECORD = re.compile(r"\n\n(?= date \d{4}-\d\d-\d\d )")


def pool_records():
    """The pool's records by the first 16 hex of their sha256."""
    with open(POOL, encoding="utf-8") as f:
        text = f.read()
    out = {}
    for r in RECORD.split(text):
        r = r.strip("\n") + "\n"
        out[hashlib.sha256(r.encode()).hexdigest()[:16]] = r
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    verbose = "--verbose" in sys.argv
    citata = args[0] if args else os.path.join(ROOT, "src", "citata")
    if not os.access(citata, os.X_OK):
        sys.exit(f"silver: no executable {citata}")
    if not os.path.exists(POOL):
        sys.exit(f"silver: {POOL}: no pool to rebuild the articles from")
    env = dict(os.environ)
    env.setdefault("CITATA_DATADIR", os.path.join(ROOT, "data"))
    recs = pool_records()
    arts, gold = {}, {"tune": [], "hold": []}
    with tempfile.TemporaryDirectory() as tmp:
        with open(TSV, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.startswith("#") or not line.strip():
                    continue
                c = line.rstrip("\n").split("\t")
                if c[0] == "A":
                    split, num, sha = c[1], c[2], c[3]
                    if sha not in recs:
                        sys.exit(f"silver: {TSV}:{n}: article {sha} is "
                                 "not in the pool")
                    name = f"{num}_{sha}.txt"
                    with open(os.path.join(tmp, name), "w",
                              encoding="utf-8") as o:
                        o.write(recs[sha])
                    arts[num] = (split, name, recs[sha].encode())
                elif c[0] == "Q":
                    num, s, e, kind, speaker, cue = c[1:7]
                    split, name, raw = arts[num]
                    text = raw[int(s):int(e)].decode("utf-8")
                    gold[split].append({"file": name, "speaker": speaker,
                                        "kind": kind, "text": text,
                                        "cue": cue})
                else:
                    sys.exit(f"silver: {TSV}:{n}: a line of no kind")
        print("split  end-to-end | detection | attribution")
        for split in ("tune", "hold"):
            files = sorted(os.path.join(tmp, a[1]) for a in arts.values()
                           if a[0] == split)
            gpath = os.path.join(tmp, split + ".gold")
            ppath = os.path.join(tmp, split + ".pred")
            with open(gpath, "w", encoding="utf-8") as o:
                for q in gold[split]:
                    o.write(json.dumps(q, ensure_ascii=False) + "\n")
            with open(ppath, "w") as o:
                r = subprocess.run([citata, "extract", "--format=jsonl"] +
                                   files, stdout=o, env=env)
            if r.returncode != 0:
                sys.exit(f"silver: {citata} extract failed on {split}")
            cmd = [SCORER, gpath, ppath]
            if verbose and split == "tune":
                cmd.append("--verbose")
            out = subprocess.run(cmd, capture_output=True, text=True,
                                 check=True).stdout
            fig = {}
            for l in out.splitlines():
                for key in ("end-to-end", "detection", "attribution"):
                    if l.startswith(key):
                        fig[key] = l[len(key):].strip()
                if verbose and split == "tune" and (
                        l.startswith("MISSED") or l.startswith("WRONG") or
                        l.startswith("EXTRA")):
                    print(l)
            attr = fig.get("attribution", "").split()[0:1]
            print(f"{split:6} {fig.get('end-to-end', '')} | "
                  f"{fig.get('detection', '')} | "
                  f"attribution {attr[0] if attr else '?'}")


if __name__ == "__main__":
    main()
