import re, json, io, contextlib
g = {}
with contextlib.redirect_stdout(io.StringIO()):
    exec(open("gen.py").read(), g)
S, pred, mp = g["S"], g["pred"], g["mp"]
def f(t, m): return re.sub(r"\{(R\d+|EV1)\}", lambda x: str(m.get(x.group(1), "?")), t)
with open("renumber.tsv", "w") as out:
    out.write("line\tticket_of\tpredicted\tfinal\tpredicted_text\tfinal_text\treason\n")
    for s in S:
        refs = re.findall(r"\{(R\d+|EV1)\}", s["text"])
        for r in refs:
            a, b = pred.get(r, "none"), mp.get(r)
            reason = ""
            if r in ("R24", "R68"): reason = "bot folded this line into an existing ticket; staff use that ticket's number"
            if s["id"] == "S35": reason = "template changed R18->R40: bot opened a new emergency #20 for the recurrence, staff answer the new page"
            if a != b or reason:
                out.write(f"{s['id']}\t{r}\t{a}\t{b}\t{f(s['text'], pred)}\t{f(s['text'], mp)}\t{reason or 'bot numbering differed (R08 duplicate opened #5, R39/R49/R54/R83 opened tickets)'}\n")
