import json
from residents_src import ROWS
cl=[json.loads(l) for l in open('classify_residents.jsonl')]
A = {
"R01":"OK silent","R02":"OK #E33 created, 业主群 notified","R03":"OK #1 dispute·噪音 3号楼",
"R04":"SAME PROBLEM NOT JOINED: new #2 (3-1-1402 噪音) instead of joining #1 — staff get two tickets for one drill",
"R05":"OK silent","R06":"SIGN-UP MISSED: 接龙 (陈阿姨+孙女, 小美) got no reply and registered nobody (18:00 list shows only 老周)",
"R07":"OK #3 care(助残) 1-2-102; summary '她耳朵不好打电话老听不见' is a poor title",
"R08":"OK #4 inquiry 4-2","R09":"NON-EMERGENCY PAGED / WRONG CATEGORY: #5 【紧急】应急处理·被困, @刘值班, tip '按电梯内警铃…不要扒门' for movers hogging the lift",
"R10":"joined to #5 (OK join) but repeats the trapped-in-lift safety tip",
"R11":"OK #6 maintenance·照明 2-3 (楼到灯 understood)","R12":"OK silent (advert)","R13":"OK silent (rumour)","R14":"OK silent",
"R15":"OK #7 inquiry; title '需要什么材料'","R16":"OK #8 maintenance (sub 道路 odd) 3号楼","R17":"OK #9 dispute·邻里漏水 5-3-602",
"R18":"OK #10 maintenance·环境卫生, place 1号楼 (group default; 东门 landmark)","R19":"OK silent","R20":"OK joined #1 as 居民补充",
"R21":"OK 老周 x2 for #E33","R22":"OK silent (lost dog; nothing offered)","R23":"OK #11 门禁 6-2","R24":"OK #E34 to 4/5/6号楼居民群",
"R25":"OK 周先生 x3","R26":"OK joined #11","R27":"FOLLOW-UP LOST: progress news on #8 silently dropped",
"R28":"ALL-CLEAR LOST: '不客气' only; #4 stays open, staff not told","R29":"OK #12 emergency 走失 paged; headline '5号楼1单元 现在十二点多了还没回来' never says a CHILD is missing",
"R30":"OK forwarded as 线索 to #12","R31":"CLUE NOT JOINED / WRONG CATEGORY: sighting of the missing boy became new #13 矛盾调处·噪音 sent to 5号楼党小组 as a firecracker complaint",
"R32":"OK all-clear on #12","R33":"OK #14 电梯 1-1 (电体 understood)","R34":"OK #15 被困 paged","R35":"OK joined #15","R36":"OK all-clear #15",
"R37":"OK silent","R38":"OK #16 dispute·停车 2号楼","R39":"OK #17 care 6-3-501","R40":"OK #18 culture, to 社区党委工作群",
"R41":"OK-ish: #9 re-paged as 情况加重 水淹危险 (acceptable: water through a light fitting)","R42":"OK #19 inquiry 4-2-502",
"R43":"ALL-CLEAR LOST: thanks for the visit ignored; #3 stays open","R44":"ALL-CLEAR LOST: '车开走了 没事了' ignored; #16 stays open",
"R45":"OK 老郑 x1","R46":"OK #E35","R47":"OK 王大妈 x2","R48":"REQUEST MISSED: question about the talk (口罩) silently dropped",
"R49":"REQUEST MISSED: 孔明灯 rule question silently dropped","R50":"OK silent","R51":"OK #20 燃气泄漏 paged; room 301 dropped from place",
"R52":"SIGN-UP MISUNDERSTOOD: '小的发烧了去不了 就我跟老大' cancelled all 3 places ('已取消您的报名')",
"R53":"FOLLOW-UP MISAPPLIED: question '电梯修好了没啊…老娘下不来' reported to staff as 【工单 #14 居民称已恢复】 and resident told '谢谢告知'",
"R54":"OK all-clear #20","R55":"REQUEST MISSED: elderly woman alone and scared at night — silent","R56":"OK silent (advert)",
"R57":"OK all-clear #8","R58":"ALL-CLEAR MISAPPLIED: leak fixed news put on #12 (the missing-child ticket), grid+community told '工单 #12 居民称险情已解除 小何：602…不滴了'; #9 (still 紧急) untouched",
"R59":"SIGN-UP MISSED: 接龙 with 李大爷一家三口 ignored","R60":"SAME PROBLEM NOT JOINED: same resident, same lift-blocking → new #21 维修维护·电梯",
"R61":"OK all-clear #11","R62":"OK all-clear #14","R63":"SIGN-UP MISUNDERSTOOD (consequence of R06): '您目前没有报名近期的活动' — she was on the 接龙",
"R64":"ALL-CLEAR LOST: '终于不钻了 谢谢' ignored; #1 stays open","R65":"OK joined #6","R66":"OK event details",
"R67":"OK #22 火情 paged","R68":"OK joined #22 (not re-escalated although now 明火)","R69":"OK all-clear #22","R70":"OK silent","R71":"OK silent",
"R72":"WRONG PLACE: #23 paged as '【紧急 #23】1号楼 火苗窜得老高' — fire is at 东门外绿化带, not 1号楼; tip '沿楼梯撤离，不要乘电梯' for an outdoor fire",
"R73":"OK joined #23 across groups","R74":"OK all-clear #23","R75":"OK #24 打架 paged","R76":"OK all-clear #24","R77":"OK #25 噪音 3号楼1502",
"R78":"ALL-CLEAR LOST: medicine delivered, thanks ignored; #17 stays open","R79":"OK #26 照明 4号楼","R80":"REQUEST MISSED: 摔炮 nuisance silent (low stakes)",
"R81":"OK silent","R82":"FOLLOW-UP NOT JOINED: same resident 2 h later → new #27 instead of #25 (夜间已登记)",
"R83":"OK #28 急病 paged at night","R84":"OK #28 情况加重 re-paged","R85":"OK #29 夜间已登记, no page","R86":"OK #30 走失 paged; headline '3号楼2单元 到现在还没回来' (who?)",
"R87":"OK all-clear #28","R88":"OK 线索 #30","R89":"OK cross-group 线索 #30","R90":"OK all-clear #30","R91":"OK #31 火情 paged","R92":"OK #31 情况加重",
"R93":"ALL-CLEAR MISAPPLIED: '保安…用灭火器灭了' put on #23 (19:20 东门 fire) and held till 07:00; #31 left burning on paper, morning digest asks 1号楼 to close #23",
"R94":"OK #32 水淹危险 paged","R95":"OK #33 急病 paged","R96":"OK silent",
"R97":"ALL-CLEAR LOST: '送…去儿童医院了 孩子现在退了点' treated as plain 补充; resident told again '请立即拨打120，保持病人平躺'; grid/community not told",
"R98":"OK all-clear #32","R99":"OK #34 care 4号楼402 夜间已登记; title '老太太我问了她女儿' meaningless","R100":"OK event details (list lacks 周先生 family, see R52)",
"R101":"OK #35 急病 paged","R102":"OK joined #1","R103":"OK all-clear #35","R104":"OK silent","R105":"OK 郑太太 x1",
}
out=[]
for r,c in zip(ROWS,cl):
    out.append(f"{r[0]} {r[1][5:]} {r[2]} | {r[3]}: {r[4]}\n   label: {r[5]} {r[6]} b{r[7]}/u{r[8]}/r{r[9]} page={r[10]} {r[11]}\n   classify: {c['category']}/{c['subcategory']} em={c['emergency_level']} b{c['building']}/u{c['unit']}/r{c['room']}\n   shell: {A[r[0]]}\n")
open('annotated_residents.txt','w').write("\n".join(out))
print(sum(1 for v in A.values() if not v.startswith('OK')))
