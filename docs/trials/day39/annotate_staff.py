from staff_src import ROWS
A = {
"S01":"OK list of 7 (emergencies first)","S02":"OK #2 merged into #1, 王大妈 told","S03":"OK #27 merged into #25","S04":"OK claimed; 李姐+王大妈 told",
"S05":"OK #12 resolved, 何女士 asked 安全了","S06":"OK #13 非诉求 closed silently","S07":"OK 非紧急 (auto → 维修维护·电梯)","S08":"OK 改类 → 矛盾调处·邻里纠纷",
"S09":"OK #21 merged into #5","S10":"OK lists 6 pending, asks which","S11":"OK claimed, both residents told","S12":"OK number-at-end resolve",
"S13":"OK taken as 安全了 for #9 (escalated ticket)","S14":"OK transfer to 物业 in a sentence","S15":"OK 物业 claimed","S16":"OK care visit = resolved",
"S17":"OK everyday thanks = 满意 #3","S18":"OK '14号 … 修好了' resolved","S19":"OK #23 resolved; both reporters (老马, 小美) asked","S20":"OK #31 resolved",
"S21":"OK 👍 = 满意 #14 (his own report; #23 still asks 安全了)","S22":"OK 物业 resolved","S23":"OK 不满意 → reopened to 物业","S24":"OK 收回 to 1号楼党小组",
"S25":"OK claimed","S26":"OK '6号 灯泡全换了'","S27":"OK 亮了亮了 = 满意 #6","S28":"as scripted: wrong text on #16 (staff slip)",
"S29":"OK 写错了: moved to #24, #16 reopened, 陈大姐 got a correction","S30":"OK","S31":"OK","S32":"OK 安全了 #33","S33":"OK attendance 3 (周先生 accepted though bot had cancelled him)",
"S34":"OK","S35":"OK 满意 #11","S36":"OK resolved without 已处理","S37":"OK","S38":"OK 非职责, 小林 told 110",
"S39":"MINOR: retort to 非职责 became new ticket #36 噪音 (tolerable, but staff see the same fireworks issue again)","S40":"OK 满意 #17",
"S41":"OK answer forwarded, #4 closed","S42":"OK answer forwarded","S43":"OK transfer","S44":"OK '26号 收到我来' by 物业","S45":"OK #28 resolved (小刘 asked 安全了)",
"S46":"OK claimed","S47":"OK 满意 #19","S48":"OK answer","S49":"OK '得交物业处理' transfer (sent to 物业 as 【紧急工单 #32】 though the danger was over)","S50":"OK",
"S51":"OK (both 何女士 and 小何 asked)","S52":"OK","S53":"OK 满意 #7","S54":"OK; 王大妈 (merged #2) also asked to rate","S55":"OK reopened","S56":"OK note","S57":"OK","S58":"OK","S59":"OK",
"S60":"RATING IGNORED: '安全了 谢谢刘书记 铁皮那个也满意' → '不客气！有需要随时说。' — neither #30 safe nor #8 满意 recorded",
"S61":"OK answer goes to 小美","S62":"? '没有待办工单' while #1 (reopened) and #25 (待受理 15 h) are open below; can't judge time limits","S63":"OK full history","S64":"OK month stats",
"S65":"OK","S66":"OK 满意 #5 (1 of 2)","S67":"OK","S68":"OK","S69":"OK no-number resolve of own #10","S70":"OK","S71":"OK 满意 #26 to 物业",
"S72":"OK resolved (acceptable); note lost its first words '去喂了猫'","S73":"OK","S74":"OK",
"S75":"OK x1","S76":"OK x2","S77":"OK 2→1 kept","S78":"OK","S79":"OK cancel","S80":"OK new #37 电梯, not a cancel","S81":"OK","S82":"OK 满意 #1",
"S83":"OK lists #25 and #37 (I mislabelled: #25 was still pending)","S84":"STAFF COMMAND MISUNDERSTOOD: '电梯修好了 是18楼的按钮接触不良' → '您说的是工单 #37（按了18楼它不动）吗？看不出是同一件事，没有办结' — it names the right ticket and still says it can't tell",
"S85":"consequence of S84: '不客气！有需要随时说。' — #37 stays open although resident confirms fixed (not misapplied to #1/#25: good)","S86":"OK attendance 3",
"S87":"OK #25 resolved","S88":"OK shows only 老周 — 接龙 of 陈阿姨/李大爷 lost (residents' R06/R59)","S89":"SIGN-UP consequence: '没有找到：陈阿姨、李大爷' — the two families who came via 接龙",
"S90":"OK silent","S91":"OK silent","S92":"OK paged (as 可能紧急) at night","S93":"OK no-number claim by description","S94":"OK: reopened #25 as 不满意, held till 07:00, no night page",
"S95":"OK no-number resolve","S96":"RATING IGNORED: '安全了 烟散得差不多了' got no reply at all; #38 not confirmed","S97":"OK note, no night noise","S98":"OK silent","S99":"OK silent",
"S100":"OK (no open tickets in grid 2)","S101":"OK building stats","S102":"OK history",
}
out=[]
for r in ROWS:
    out.append(f"{r[0]} {r[1][5:]} {r[2]} | {r[3]}: {r[4]}\n   expected: {r[6]}\n   bot: {A[r[0]]}\n")
open('annotated_staff.txt','w').write("\n".join(out))
