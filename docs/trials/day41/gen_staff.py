import sys
exec(open('staff_lines.py').read())
E = sys.argv[1]
with open('labels_staff.md','w') as f:
    f.write("# Labels — staff day (Sun 2027-02-07 08:00 → Mon 09:05), run on staff.db (copy of res.db)\n\nTicket numbers are from the residents' run (#1 楼道灯 R02 … #38 电梯 R95; see report). `#{E}` = the night emergency R130's ticket.\n\n| id | time | group | sender | text | kind | expected |\n|---|---|---|---|---|---|---|\n")
    for i,c,g,s,t,k,e in L:
        f.write(f"| {i} | {c} | {g} | {s} | {t} | {k} | {e} |\n")
with open('staff.txt','w') as f:
    for i,c,g,s,t,k,e in L:
        f.write(f"@clock {c}\n# {i} {k}\n{g} | {s} | {t.replace('{E}',E)}\n")
