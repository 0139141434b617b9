exec(open("mapids.py").read())
want = sys.argv[2:] if len(sys.argv) > 2 else None
for bid, inl, reps in blocks:
    if want and bid not in want: continue
    print(f"[{bid}] {inl}")
    for r in reps: print("    " + r)
