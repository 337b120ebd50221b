#!/usr/bin/env python3
"""messy: who said what on messy copies of dev and tune.

usage (from the source tree's root, after a build):
    bench/messy.py [CITATA]

Not a speed test: how much of the end-to-end F1 the extractor keeps when
its articles arrive the way crawls and feeds deliver them.  Reads dev
(corpus/dev) and tune (corpus/train, files whose number % 3 != 0: never
valid) with their gold, writes copies of the articles made messy in one
way each, runs `CITATA extract` on every copy and scores it with
../shared/tools/score-quotes against the same gold (the scorer compares
word tokens, so quotation marks and dashes do not count).  The copies:
    as-is     the articles as published
    join      every paragraph break lost: an article is one paragraph
    wrap      paragraphs wrapped at 72 columns with single line breaks
    nospace   no space after a sentence's point; "», — " as "»,— "
    curly     «» written “”
    low99     «» written „“
    straight  «» written ""
    single    «» written ‹›
    apos      «» written '' (wiki markup)
    hyphen    the dash of dialogue and attribution written -
    crlf      CR LF line ends
Prints per copy the end-to-end P / R / F1 and the recall of direct quotes.
"""
import json, os, re, subprocess, sys, tempfile, textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")
SCORER = os.path.join(ROOT, "..", "shared", "tools", "score-quotes")
PARA = re.compile(r"\s*\n\s*\n\s*")


def wrap(t):
    return "\n\n".join(p if p.startswith(" date") else textwrap.fill(p, 72)
                       for p in t.split("\n\n"))


VARIANTS = [
    ("as-is", lambda t: t),
    ("join", lambda t: PARA.sub(" ", t)),
    ("wrap", wrap),
    ("nospace", lambda t: re.sub(r"([.!?]) (?=[А-ЯЁ])", r"\1", t)
     .replace("», — ", "»,— ")),
    ("curly", lambda t: t.replace("«", "“").replace("»", "”")),
    ("low99", lambda t: t.replace("«", "„").replace("»", "“")),
    ("straight", lambda t: t.replace("«", '"').replace("»", '"')),
    ("single", lambda t: t.replace("«", "‹").replace("»", "›")),
    ("apos", lambda t: t.replace("«", "''").replace("»", "''")),
    ("hyphen", lambda t: t.replace(" — ", " - ").replace("— ", "- ")),
    ("crlf", lambda t: t.replace("\n", "\r\n")),
]


def articles():
    """(path, text) of dev and tune, and their gold lines."""
    paths, gold = [], []
    dev = os.path.join(CORPUS, "dev")
    paths += [os.path.join(dev, f) for f in sorted(os.listdir(dev))
              if f.endswith(".txt")]
    with open(os.path.join(dev, "gold.jsonl"), encoding="utf-8") as f:
        gold += [l for l in f if l.strip()]
    train = os.path.join(CORPUS, "train")
    paths += [os.path.join(train, f) for f in sorted(os.listdir(train))
              if f.endswith(".txt") and int(f.split("_")[0]) % 3 != 0]
    with open(os.path.join(train, "gold.jsonl"), encoding="utf-8") as f:
        gold += [l for l in f if l.strip() and
                 int(json.loads(l)["file"].split("_")[0]) % 3 != 0]
    return paths, gold


def main():
    citata = sys.argv[1] if len(sys.argv) > 1 else "./src/citata"
    if not os.path.exists(os.path.join(CORPUS, "dev")):
        print("messy: ../shared/corpus not found, nothing to measure")
        return 0
    env = dict(os.environ)
    env.setdefault("CITATA_DATADIR", os.path.join(ROOT, "data"))
    paths, gold = articles()
    with tempfile.TemporaryDirectory() as w:
        gpath = os.path.join(w, "gold.jsonl")
        with open(gpath, "w", encoding="utf-8") as f:
            f.writelines(gold)
        print("%-9s %-26s %s" % ("copy", "end-to-end", "direct recall"))
        for name, fn in VARIANTS:
            d = os.path.join(w, name)
            os.mkdir(d)
            files = []
            for p in paths:
                with open(p, encoding="utf-8", newline="") as f:
                    t = f.read()
                q = os.path.join(d, os.path.basename(p))
                with open(q, "w", encoding="utf-8", newline="") as f:
                    f.write(fn(t))
                files.append(q)
            pred = os.path.join(w, name + ".pred")
            with open(pred, "w", encoding="utf-8") as f:
                subprocess.run([citata, "extract", "--format=jsonl"] + files,
                               stdout=f, stderr=subprocess.DEVNULL, env=env,
                               check=True)
            out = subprocess.run([sys.executable, SCORER, gpath, pred],
                                 capture_output=True, text=True,
                                 check=True).stdout
            e2e = re.search(r"^end-to-end\s+(.*)$", out, re.M).group(1)
            rd = re.search(r"^recall direct\s+(.*)$", out, re.M).group(1)
            print("%-9s %-26s %s" % (name, e2e, rd))
    return 0


if __name__ == "__main__":
    sys.exit(main())
