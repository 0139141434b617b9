exec(open("mapids.py").read())
mp = {}
for bid, inl, reps in blocks:
    if bid.startswith("R"):
        for r in reps:
            m = re.search(r"已收到您反映的问题（工单 #(\d+)", r) or re.search(r"已登记.*?工单 #(\d+)", r)
            if m and "@" in r.split(":")[1][:3] + r:
                mp[bid] = int(m.group(1)); break
    if bid == "S40":
        for r in reps:
            m = re.search(r"#E(\d+)", r)
            if m: mp["EV1"] = int(m.group(1)); break
print(json.dumps(mp, ensure_ascii=False))
json.dump(mp, open("mapping.json", "w"))
