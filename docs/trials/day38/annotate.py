import re, sys, importlib
def segments(path):
    segs=[]; cur=None
    for line in open(path, encoding="utf-8"):
        line=line.rstrip("\n")
        if line.startswith("<- "): cur=[line,[]]; segs.append(cur)
        elif line.startswith("-> ") and cur: cur[1].append(line)
    return segs
def short(o, n=170): return o if len(o)<=n else o[:n]+"…"
def run(src, out, verdicts, dest, fields):
    rows=importlib.import_module(src).ROWS; segs=segments(out)
    assert len(rows)==len(segs),(len(rows),len(segs))
    with open(dest,"w",encoding="utf-8") as f:
        for r,(inp,outs) in zip(rows,segs):
            v=verdicts.get(r[0],"OK")
            f.write(f"[{r[0]}] {inp[3:]}\n  label: {fields(r)}\n")
            for o in outs: f.write("  "+short(o)+"\n")
            if not outs: f.write("  (no reply)\n")
            f.write(f"  => {v}\n\n")
RV={
"R002":"WRONG CATEGORY: 维修维护·供暖 for a question about when heating starts (label inquiry); staff get overdue nags for it.",
"R010":"OK (culture ticket); the 重阳 event was announced 10 min later, bot could not point to it yet.",
"R018":"OK (culture ticket #8).",
"R023":"MISS: follow-up on the 5号楼 fire from 业主群 got NO reply and was not joined to #11 (README promises same-place same-danger joining across groups).",
"R031":"OK (no ticket for a lost-cat appeal to neighbours).",
"R045":"WRONG: a sighting clue for missing 老爷子 (#20) became a NEW '可能紧急 #21' in 1号楼, @刘值班 paged again; clue not forwarded to 张大妈/3号楼党小组; #21 later nagged '超时未办结' after he was found.",
"R053":"WRONG: follow-up ('120已经打了 先没敢挪他') became NEW emergency #27 (1号楼, unit lost), duty paged a second time; #26 all-clear did not cover #27.",
"R057":"LOST: neighbour's news about 孙奶奶 (#22: she is fine) silently ignored, not noted on #22.",
"R060":"SIGN-UP MISSED: '扫落叶那个我报一个 带我儿子' became ticket #29 sent to 社区党委工作群; not registered for #E33.",
"R063":"CHATTER TICKETED: quarrel retort became ticket #31, with a bogus hint '可能与 #23（广场舞）相同'.",
"R065":"CHATTER TICKETED: quarrel retort became ticket #33 (separate from #32 it answers).",
"R073":"ALL-CLEAR WEAK: '120来了 老两口抬上车了 人是醒着的' handled as plain follow-up ('当前状态：待受理…有消息会告诉您'); grid/community not told danger is over; #37 nagged '超时未办结' in the morning.",
"R082":"ALL-CLEAR WEAK: '救护车来了 人醒了' handled as plain follow-up; at 01:25 a '超时上报 #41' still went to 社区党委工作群 and #41 nagged in the morning.",
"R085":"OK-ish: asker attached as follower to #37 (no new ticket).",
"R088":"NON-EMERGENCY PAGED: rain overflow from last night filed '可能紧急 #44 水淹危险', @刘值班, resident told to '关闭自家总水阀，切断电源' (label maintenance).",
"R091":"OK-ish: bot asked '请问是几号楼几单元' for a landmark, then filed #47 to 社区群 5 min later without telling the resident a number.",
"R095":"OK (ticket #48), but a false hint '可能与 #25（落叶）相同' to staff.",
"R097":"SIGN-UP MISSED: '我也报名包饺子 下午几点开始来着' → bot only showed event details; 老杨 NOT registered (list still 4 names).",
"R101":"OK: joined to still-open #5.",
}
def rf(r): return f"{r[5]} / {r[6]} / place {r[7] or '-'}-{r[8] or '-'}-{r[9] or '-'} / {'PAGE' if r[10] else 'no page'} / {r[11]}"
SV={
"S036":"OK: '明天再去' kept as note only, bot says #22 not closed.",
"S054":"STAFF COMMAND MISUNDERSTOOD: README's own form ('搞定了 是12号那个') refused; bot claims it 'sounds like #46（暖气管道在滴水）'. #10 stays open and overdue.",
"S055":"RATING IGNORED: resident's '好了 不返水了 谢谢' got no reply at all (consequence of S054).",
"S069":"OK-ish: question about vaccination event became inquiry ticket #50 (label culture; inquiry defensible).",
"S073":"OK (did exactly what was asked; #39 now carries the flowerpot note).",
"S074":"PARTLY: cannot undo a correction; asked which ticket (listed #12/#15) — acceptable fallback.",
"S082":"OK (neutral ack, no rating recorded).",
"S093":"OK: two tickets closed same day, bot asks which one.",
"S103":"OK-ish: '行吧 我们注意' not taken as rating (no reply).",
"S106":"OK (neutral; not recorded).",
"S111":"OK-ish: deferred to 07:00; but reply quotes stale '最新进展：602业主在外地…说下午回来' after the ticket was reopened.",
"S116":"WRONG: follow-up on the live fire #51 ('消防车到了 烟散了一些') answered '不客气！有需要随时说。' and NOT recorded on #51.",
"S119":"RATING IGNORED: '楼上今晚没剁馅 总算能睡了' (noise fixed, #36 awaiting rating) got no reply and no rating.",
"S121":"STAFF CHATTER MISREAD at 01:00: '5号楼的事处理完了 大家睡吧' → '@刘值班 请写明是哪张工单' (non-emergency message at night).",
"S120":"OK: #39 reopened (it had been closed with the flowerpot note).",
}
def sf(r): return f"{r[5]} / {r[6]}"
run("residents_src","out_residents.txt",RV,"annotated_residents.txt",rf)
run("staff_src","out_staff.txt",SV,"annotated_staff.txt",sf)
