#!/usr/bin/env python3
"""coverage: which gold quotes a recall-tuned candidate generator covers.

usage (from the source tree's root, after a build):
    bench/coverage.py [--split dev|tune] [--list KIND] [CITATA]

Reads dev (corpus/dev) or tune (corpus/train, files whose number % 3 != 0:
never valid, never its gold) and its gold, runs `CITATA extract` on the
split, and sorts every gold quote into one of
    found     matched today (same rule as score-quotes: token overlap >= 0.5)
    covered   missed today, but some candidate overlaps its span
    none      missed today and no candidate overlaps it
The candidates, by kind (a gold quote counts under the first kind that
covers it, in this order):
    frame     a sentence holding a framing phrase (phrases.txt: frame,
              framep, ref, doc, docin, prev, prevc, topic)
    verb      a sentence holding a speech verb form of verbs.txt
    colon     a colon followed by a quote mark or a dash, to paragraph end
    quoted    a span in quote marks of 3 or more words
    dash      a paragraph that opens with a dash
    opinion   a sentence with an opinion verb or speech noun not in the
              lexicon (a fixed list below: recall only)
With --list KIND the missed gold quotes of that kind are printed (dev and
tune only), with their cue, to decide what rule or learned step keeps them.
"""
import json, os, re, subprocess, sys, tempfile
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")
KINDS = ("frame", "verb", "colon", "quoted", "dash", "opinion")
TOKEN = re.compile(r"\w+")
# opinion verbs and speech nouns the lexicon may lack (stems; recall only)
OPINION = re.compile(r"\b(?:счита|увер[еяо]н|полага|опаса|ожида|жд[её]т|ждут|"
                     r"предполож|предпола|вывод|убежд|надеж|надея|надее|"
                     r"призыв|призва|требова|потребова|обвин|назва|называ|"
                     r"предлож|предлага|пообещ|обеща|поздрав|попрос|проси|"
                     r"поруч|выраз|не исключ|отрица|раскритик|критику|"
                     r"благодар|советует|пригроз|угрожа|оцен|мнени|"
                     r"точки зрения|слова|заявлени|признал|признава|"
                     r"прокомментир|ответил|отвеча|пишет|написа|"
                     r"объясни|объясня|сообща|цитир|процитир|высказ|"
                     r"уверя|заверил|заверя|настаива|указал|указыва)", re.I)


def expand(form):
    m = re.search(r"\(([^)]*)\)", form)
    if not m:
        return [form]
    return [form[:m.start()] + alt + form[m.end():]
            for alt in m.group(1).split("|")]


def lexicon(name, types=None):
    out = []
    with open(os.path.join(ROOT, "data", "lexicon", name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if types is not None and (len(parts) < 2 or parts[1] not in types):
                continue
            for pattern in [parts[0]]:
                # a phrase may hold several groups: expand them all
                todo, done = [pattern], []
                while todo:
                    p = todo.pop()
                    e = expand(p)
                    if e == [p]:
                        done.append(p)
                    else:
                        todo.extend(e)
                out.extend(done)
    return out


def word_re(forms):
    forms = sorted(set(f.lower() for f in forms if f), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)")


SENT_END = re.compile(r"(?<=[.!?…])[»\"”]?\s+(?=[«\"“„—–A-ZА-ЯЁ-])|\n+")


def sentences(text):
    start = 0
    for m in SENT_END.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def candidates(text, verb, frame):
    low = text.lower()
    out = []
    for a, b in sentences(text):
        s = low[a:b]
        if frame.search(s):
            out.append(("frame", a, b))
        if verb.search(s):
            out.append(("verb", a, b))
        if OPINION.search(s):
            out.append(("opinion", a, b))
    for m in re.finditer(r":\s*[«\"“„—–-]", text):
        end = text.find("\n", m.end())
        out.append(("colon", m.start(), end if end >= 0 else len(text)))
    for m in re.finditer(r"«[^»]*»|“[^”]*”|„[^“”]*[“”]|\"[^\"\n]*\"", text):
        if len(TOKEN.findall(m.group())) >= 3:
            out.append(("quoted", m.start(), m.end()))
    for m in re.finditer(r"(?m)^[ \t]*[—–-][^\n]*", text):
        out.append(("dash", m.start(), m.end()))
    return out


def tokens(s):
    return TOKEN.findall(s.lower().replace("ё", "е"))


def overlap(a, b):
    if not a or not b:
        return 0.0
    ca, cb = Counter(a), Counter(b)
    return sum(min(ca[t], cb[t]) for t in ca) / max(len(a), len(b))


def matched(gold, pred):
    """Indices of gold quotes matched as score-quotes matches them."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if p["_file"] == g["_file"]:
                o = overlap(g["_tok"], p["_tok"])
                if o >= 0.5:
                    pairs.append((o, gi, pi))
    pairs.sort(reverse=True)
    gm, pm = set(), set()
    for o, gi, pi in pairs:
        if gi not in gm and pi not in pm:
            gm.add(gi)
            pm.add(pi)
    return gm


def load(path, keep):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                q = json.loads(line)
                q["_file"] = os.path.basename(q.get("file", ""))
                if keep(q["_file"]):
                    q["_tok"] = tokens(q.get("text", ""))
                    out.append(q)
    return out


def main():
    args = sys.argv[1:]
    split, listing, binary = "dev", None, os.path.join(ROOT, "src", "citata")
    while args:
        a = args.pop(0)
        if a == "--split":
            split = args.pop(0)
        elif a == "--list":
            listing = args.pop(0)
        else:
            binary = a
    if split == "dev":
        d = os.path.join(CORPUS, "dev")
        keep = lambda n: True
    elif split == "tune":
        d = os.path.join(CORPUS, "train")
        keep = lambda n: int(n.split("_")[0]) % 3 != 0
    else:
        sys.exit("coverage: --split is dev or tune (valid's gold is never read)")
    files = sorted(n for n in os.listdir(d) if n.endswith(".txt") and keep(n))
    gold = load(os.path.join(d, "gold.jsonl"), keep)
    env = dict(os.environ, CITATA_DATADIR=os.path.join(ROOT, "data"))
    with tempfile.NamedTemporaryFile("w+", suffix=".jsonl") as t:
        subprocess.run([binary, "extract", "--format=jsonl"] +
                       [os.path.join(d, n) for n in files],
                       stdout=t, env=env, check=True)
        pred = load(t.name, keep)
    found = matched(gold, pred)
    verb = word_re(lexicon("verbs.txt"))
    frame = word_re(lexicon("phrases.txt", {"frame", "framep", "ref", "doc",
                                            "docin", "prev", "prevc", "topic"}))
    texts, cands = {}, {}
    for n in files:
        with open(os.path.join(d, n), encoding="utf-8") as f:
            texts[n] = f.read()
        cands[n] = candidates(texts[n], verb, frame)
    table = defaultdict(Counter)
    lists = defaultdict(list)
    for gi, g in enumerate(gold):
        kind = g.get("kind", "?")
        if gi in found:
            table[kind]["found"] += 1
            continue
        text = texts.get(g["_file"], "")
        a = text.find(g.get("text", ""))
        b = a + len(g.get("text", ""))
        hit = None
        if a >= 0:
            for k in KINDS:
                if any(c[0] == k and c[1] < b and a < c[2] for c in cands[g["_file"]]):
                    hit = k
                    break
        table[kind]["covered" if hit else "none"] += 1
        table[kind]["by " + (hit or "none")] += 1
        lists[hit or "none"].append(g)
    cols = ["found", "covered", "none"] + ["by " + k for k in KINDS]
    print(f"{split}: {len(gold)} gold quotes, {len(pred)} predicted")
    print("%-9s %6s " % ("kind", "gold") + " ".join("%9s" % c for c in cols))
    for kind in ("direct", "indirect"):
        r = table[kind]
        print("%-9s %6d " % (kind, sum(r[c] for c in ("found", "covered", "none")))
              + " ".join("%9d" % r[c] for c in cols))
    if listing:
        for g in lists[listing]:
            print(f"{g['_file']}\t{g.get('kind')}\t{g.get('cue')}\t"
                  f"[{g.get('speaker')}]\t{g.get('text', '')[:100]}")


if __name__ == "__main__":
    main()
