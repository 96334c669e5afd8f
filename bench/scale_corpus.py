#!/usr/bin/env python3
"""Writes N articles in toasoan's import format (JSON Lines) on standard output.

    python3 bench/scale_corpus.py N [--shared DIR] [--seed S]

The first lines are the 12,500 corpus articles (../shared/corpus/articles.jsonl.xz) exactly
as they are in the corpus, then the model article (../shared/fixtures/seed-article.jsonl), as
it is; then N - 12,501 generated articles (none when N is at most 12,501):

- id "scale-000000123" (the line's number among the generated ones, from 1);
- category: the corpus's 12, in turn (article k gets category k mod 12), so they are even;
- title, lead and body recombined from sentences of corpus articles of the same category (so
  a search for a corpus phrase finds generated articles of the same topic, as on a real site):
  a title is one sentence cut to at most 120 characters at a word boundary, a lead 1-2
  sentences, a body 4-14 sentences in 2-5 paragraphs. A sentence holding the words of a
  sample query (../shared/corpus/sample-queries.jsonl) side by side, marks and case aside, is
  never used: each sample query keeps the one right answer it has in the corpus, so that
  recall at a million measures the search, not copies of the answer;
- published: uniform over 2007-01-01 00:00 .. 2026-11-30 23:59, Vietnam time (+07:00), to
  the minute;
- one in eight (at random) is written with `blocks`: a figure first, whose `image` is
  "scale/anh-K.jpg" (K in 1..500; the file need not exist: an image the media folder does not
  hold is stored as given, without touching the photo library), then the paragraphs; the
  others have `body`;
- one or two authors from a fixed list of 60 names.

Deterministic: random.Random(seed) drives everything, the corpus is read in file order, so
the same N (and seed) gives byte-identical output. Streaming: only the corpus's sentences are
held in memory (about 60 MB), never the articles written. Python 3 standard library only.
"""
import argparse
import json
import lzma
import os
import random
import re
import sys
import unicodedata
from datetime import datetime, timedelta, timezone

CORPUS_ARTICLES = 12_500
TITLE_MAX = 120
# Uniform over twenty years, to the minute, Vietnam time.
VN = timezone(timedelta(hours=7))
T_START = datetime(2007, 1, 1, 0, 0, tzinfo=VN)
T_END = datetime(2026, 11, 30, 23, 59, tzinfo=VN)
SPAN_MINUTES = int((T_END - T_START).total_seconds() // 60)
IMAGES = 500
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
GIVEN = ["Minh Anh", "Thu Hà", "Quốc Huy", "Thanh Tùng", "Hồng Nhung", "Đức Thắng", "Lan Phương",
         "Văn Nam", "Bích Ngọc", "Hải Đăng"]

# A sentence ends at . ! ? or … (a closing quote may follow), then spaces, then an uppercase
# letter, a digit or an opening quote. "TP. HCM", "Q. 1", "Mr. X", "3. Nhả chân ga": a
# capitalised word of at most two letters, or a number, before the dot does not end one.
END = re.compile(r'([.!?…]["”»]?)\s+(?=[“"«0-9]|[^\W\d_])')


def sentences(text):
    out, start = [], 0
    for m in END.finditer(text):
        nxt = text[m.end()]
        if not (nxt.isupper() or nxt.isdigit() or nxt in '“"«'):
            continue
        head = text[start:m.start()]
        word = head[head.rfind(" ") + 1:]
        if m.group(1) == "." and (word.isdigit() or (len(word) <= 2 and word[:1].isupper())):
            continue
        s = text[start:m.end(1)].strip()
        if s:
            out.append(s)
        start = m.end()
    s = text[start:].strip()
    if s:
        out.append(s)
    return out


def folded_words(s):
    """s as its words folded (no marks, đ → d, lower case) between single spaces, with a space at
    each end, so that a phrase's words side by side are a substring."""
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    s = s.replace("đ", "d").replace("Đ", "d").lower()
    return " " + " ".join(re.findall(r"\w+", s)) + " "


def query_phrases(path):
    """A pattern that finds any sample query in folded_words() text, or None without the file."""
    if not os.path.exists(path):
        return None
    phrases = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                phrases.add(folded_words(json.loads(line)["query"]))
    phrases.discard("  ")
    return re.compile("|".join(re.escape(p) for p in sorted(phrases))) if phrases else None


def cut_title(s):
    s = s.strip().rstrip(".!?…:;, ")
    if len(s) <= TITLE_MAX:
        return s
    cut = s[:TITLE_MAX + 1]
    sp = cut.rfind(" ")
    return (cut[:sp] if sp > 40 else s[:TITLE_MAX]).rstrip(".,;:-–( ")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="articles to write (at least the corpus and the model article)")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--shared", default=os.environ.get("TOASOAN_SHARED", os.path.join(here, "..", "..", "shared")),
                    help="the shared folder (corpus/ and fixtures/); env TOASOAN_SHARED")
    ap.add_argument("--seed", type=int, default=20070101)
    a = ap.parse_args()
    corpus = os.path.join(a.shared, "corpus", "articles.jsonl.xz")
    model = os.path.join(a.shared, "fixtures", "seed-article.jsonl")
    answers = query_phrases(os.path.join(a.shared, "corpus", "sample-queries.jsonl"))
    out = sys.stdout.buffer

    # The corpus: written as it is, and cut into sentences by category.
    cats, pools = [], {}
    with lzma.open(corpus, "rb") as f:
        for raw in f:
            out.write(raw if raw.endswith(b"\n") else raw + b"\n")
            d = json.loads(raw)
            c = d["category"]
            if c not in pools:
                cats.append(c)
                pools[c] = []
            pool = pools[c]
            for t in [d.get("lead") or ""] + (d.get("body") or "").split("\n\n"):
                pool.extend(s for s in sentences(t)
                            if 20 <= len(s) <= 600 and not (answers and answers.search(folded_words(s))))
    with open(model, "rb") as f:
        for raw in f:
            if raw.strip():
                out.write(raw if raw.endswith(b"\n") else raw + b"\n")
    cats.sort()  # file order of first sight is fixed too, but a sorted list reads better
    out.flush()

    rng = random.Random(a.seed)
    authors = [f"{s} {g}" for s in SURNAMES for g in GIVEN[:5]]  # 60 names
    pick = rng.choice
    rand = rng.randrange
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    buf = []
    for k in range(1, max(0, a.n - CORPUS_ARTICLES - 1) + 1):
        cat = cats[k % len(cats)]
        pool = pools[cat]
        while True:
            title = cut_title(pick(pool))
            lead = " ".join(pick(pool) for _ in range(1 + rand(2)))
            n_sent = 4 + rand(11)
            n_par = min(n_sent, 2 + rand(4))
            sents = [pick(pool) for _ in range(n_sent)]
            # Paragraph sizes: n_sent sentences cut at n_par - 1 distinct points.
            cuts = sorted(rng.sample(range(1, n_sent), n_par - 1))
            paras = [" ".join(sents[i:j]) for i, j in zip([0] + cuts, cuts + [n_sent])]
            # Two sentences side by side can still make a sample query between them (the index
            # reads no punctuation): such an article is drawn again.
            if not answers or not (answers.search(folded_words(lead)) or answers.search(folded_words(" ".join(sents)))):
                break
        when = T_START + timedelta(minutes=rand(SPAN_MINUTES + 1))
        art = {"id": f"scale-{k:09d}", "title": title, "lead": lead}
        if rand(8) == 0:
            fig = {"type": "figure", "image": f"scale/anh-{1 + rand(IMAGES)}.jpg", "width": 1200, "height": 800,
                   "caption": cut_title(pick(pool)), "alt": cut_title(title)}
            art["blocks"] = [fig] + [{"type": "paragraph", "text": p} for p in paras]
        else:
            art["body"] = "\n\n".join(paras)
        art["authors"] = [pick(authors)] if rand(3) else rng.sample(authors, 2)
        art["category"] = cat
        art["published"] = when.strftime("%Y-%m-%dT%H:%M:00+07:00")
        buf.append(dumps(art))
        if len(buf) == 1000:
            out.write(("\n".join(buf) + "\n").encode())
            buf.clear()
    if buf:
        out.write(("\n".join(buf) + "\n").encode())
    out.flush()


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        # The reader stopped (head, a failed import): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
