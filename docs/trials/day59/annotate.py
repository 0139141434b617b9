import csv
plan=list(csv.DictReader(open('plan.tsv'),delimiter='\t'))
ren={r.split('\t')[0]:r.split('\t')[1] for r in open('renumber.tsv') if r.startswith('T')}
import re
def bot(s): return re.sub(r'T(\d+)', lambda m: '#'+ren.get('T'+m.group(1),m.group(1)), s)
V={
'R05':'FAIL same not joined: new #4 flagged "可能与 #3 相同"; #4 stays open, 林大爷 never told the slope was cleared',
'S02':'FAIL claim read as note ("已记下，但工单 #3 仍未办结，居民未收到通知"); #3 stays unclaimed, resident not told',
'S05':'PARTIAL claim ok but the arrangement is not passed to the resident ("唐静正在处理。")',
'S15':'FAIL resolution of an emergency (oxygen given, 120 took her to hospital) kept as note; #10 open all day',
'R19':'OK recorded on #10 as 险情已解除, asks staff to verify',
'S22':'PARTIAL claim ok but "下午两点带热力公司师傅上门" not passed to resident',
'S27':'PARTIAL claim ok but "下午换个新的" not passed to resident',
'S28':'FAIL promise ("我下班顺路去药店买了给您送上去") read as DONE: #21 resolved, 刘奶奶 asked to rate before anything was bought',
'R32':'WEAK emergency paged only as 【可能紧急】 ("不一定是紧急情况")',
'R33':'FAIL follow-up not joined: new possible-emergency #18 "我给他盖了件大衣", paged 3 groups, escalated to street 13:30, open all day',
'R34':'FAIL follow-up not joined: new #19 爱心帮扶·困难帮扶 + 包户 DM to 罗芳; open all day',
'R35':'OK (可能紧急 accepted in plan)',
'S38':'OK (cosmetic: "24号" prefix shown to resident)',
'S40':'FAIL take-back "收回来" read as note; #20 stays with 物业服务中心群',
'S44':'FAIL not-responsible ("不归社区管…打12345") read as 已办结; resident asked to rate as if fixed',
'R53':'FAIL unrelated joined + WEAK page: burst pipe in garage appended to #20 (tree branch) as 情况加重; re-page headline is the branch, category 电线, generic safety tip, sent only to 物业群 + community (not 3号楼党小组/grid)',
'S45':'OK claim (but 秦大爷, who reported the branch, is told "物业电工正在拉闸 总阀也在关")',
'R54':'FAIL same not joined: new possible-emergency #27, escalated to street 16:35, open all day',
'R55':'FAIL follow-up not joined + non-emergency paged: new 【可能紧急 #28】 急病 with 120 advice, escalated to street 16:45',
'S52':'OK as command, but it closes #20 (the branch ticket): 秦大爷 told his branch report was handled by "水抽干了…车库也恢复供电了"',
'R60':'FAIL (mild) follow-up not answered: silent; #27 (his garage report) stays open',
'S54':'FAIL refused: "工单 #21 已经是“已办结”状态，无需重复操作" (real completion not recorded)',
'S55':'FAIL transfer refused: "找不到“路灯是物业管的 转给物业了”。可以转给：物业…"',
'R63':'FAIL unrelated joined: thanks attached to #28 (赵师傅 ice/child ticket) as 险情已解除 to grid+community',
'S56':'FAIL silent: no reply at all (ticket #31 was never transferred)',
'R65':'OK joined #32 (no 情况加重 re-page, acceptable)',
'R71':'FAIL chatter ticketed + non-emergency paged: parcel became 【紧急 #35】 应急处理·走失, "请立即拨打110报警，并提供走失者照片", escalated to street',
'S69':'FAIL sign-up ignored (silent); meeting reminder asks 报名 #E6',
'S71':'FAIL (debatable) emergency resolution kept as note ("已记入工单 #38。"); #38 stays open overnight',
'S74':'FAIL night claim read as note; 07:00 早间汇总 still asks "接单请回复：#40 接单"',
'S75':'FAIL claim read as note; 黄小姐 not told someone comes at 8',
}
out=open('out.txt').read().split('\n')
res=[]; i=0
for line in out:
    if line.startswith('<- '):
        p=plan[i]; i+=1
        res.append(f"### {p['id']} exp={bot(p['exp_ticket'])} cat={p['category']} emerg={p['emergency']} place={p['place']} | {V.get(p['id'],'OK')}")
    res.append(line)
open('annotated.txt','w').write('\n'.join(res))
print(i,len(plan))
