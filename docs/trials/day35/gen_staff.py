# staff day 2027-05-02 (+ night to 05-03 07:xx); numbers taken only from grep of "工单 #"/"#E" in out_residents.txt
# assumed map (from numbers only): #1 R02 lift 5-2, #2 R06 积水, #3 R09, #4 R10(?), #5 R11, #6 R13 fire, #7 R16, #8 R20, #9 R21,
# #10 R22, #11 R24, #12 R25, #13 R26(?), #14 R29, #15 R30, #16 R32(?), #17 R34, #18 R35, #19 R41, #20 R42/R43, #21 R44, #22 R46(?),
# #23 R54, #24 R55, #25 R56, #26 R59, #27 R61, #28 R65, #29 R66, #30 R70, #31 R71, #32 R72, #33 R74/R75 lift trapped(?), #34 R77(?),
# #35 R79, #36 R80, #37 R81, #38 R84, #39 R85, #40 R86, #41 R88, #42 R89, #43 R92, #44 R93(?), #45 R94, #46 R96, #47 R98, #48 R100
# events: E32 荷花池 (业主群), E33 便民集市 (1-3号楼), E34 敬老院 (4,5号楼)
S = [
# (id, group, who, text, expected)
("S01","3号楼党小组","刘志强","待办","list open tickets of 3号楼党小组 (#2 #11 #12 #17 #19 #25 #34 #38 #42 …)"),
("S02","5号楼党小组","周海","待办","list 5号楼 tickets (#1 #23 #28 #33 …)"),
("S03","社区党委工作群","刘值班","待办","community to-do incl. emergencies still open / unattached groups"),
("S04","3号楼党小组","刘志强","积水的 2号 我去看看","claim #2 (number mid-sentence)"),
("S05","3号楼党小组","刘志强","4号跟2号是一回事","mark #4 duplicate of #2 (if #4 is R10's follow-up)"),
("S06","5号楼党小组","周海","#1 电梯年检完了 昨天下午就恢复了 已处理","resolve #1; ask 孙阿姨/小马 to rate"),
("P01","5号楼居民群","孙阿姨","电梯好着呢 谢谢周师傅","rating: satisfied for #1"),
("S07","1号楼党小组","张建国","快递那个我来处理","claim #5 by its words (several pending in 1号楼党小组: must pick 快递 one or ask)"),
("S08","1号楼党小组","张建国","秦奶奶的米我马上送上去 #21","claim #21"),
("S09","1号楼党小组","张建国","21号 米送到了 还帮她买了点青菜鸡蛋","resolve #21 (care: helped = done)"),
("P02","1号楼居民群","秦奶奶","米收到了 谢谢小张 好人啊","rating: satisfied for #21"),
("S10","4号楼党小组","孙丽","#7 楼上楼下已经自己协商好了 居民说不用管了 已处理","resolve #7"),
("S11","4号楼党小组","孙丽","＃20 燃气公司昨天已经把阀门关好了 今天上门回访 没问题","resolve emergency #20 (full-width #); ask 是否已经安全"),
("P03","4号楼居民群","韩叔","安全了","confirm safe → close #20"),
("S12","6号楼党小组","吴敏","#15 楼上漏水的我去协调","claim #15"),
("S13","6号楼党小组","吴敏","#18 楼顶水箱我们弄不了 转物业","transfer #18 to 物业服务中心群"),
("S14","物业服务中心群","钱经理","待办","property to-do shows #18"),
("S15","物业服务中心群","钱经理","18号 水箱的收到 下午派人上楼顶","property claims #18"),
("S16","6号楼党小组","吴敏","#27 单元门的 得交物业处理","transfer #27 to 物业"),
("S17","6号楼党小组","吴敏","39号工单 门口的鞭炮纸一早保洁就扫干净了","resolve #39 (说明 implies done; '39号工单' form)"),
("P04","6号楼居民群","郑先生","扫得挺干净 👍","rating: satisfied for #39"),
("S18","2号楼党小组","陈桂兰","#9 老年优待证带身份证和一张一寸照片到社区服务站一楼窗口办 当场就能拿","inquiry answer → forwarded to 赵老师, #9 resolved"),
("S19","4号楼党小组","孙丽","#3 服务站五一期间每天上午9点到12点有人值班 居住证明带户口本和身份证来开","inquiry answer → 何老师, #3 resolved"),
("S20","4号楼党小组","孙丽","#10 非职责 入学政策请咨询区教育局 或者拨打12345","not-responsible, resident told where to go"),
("S21","3号楼党小组","刘志强","#12 重复 #11","#12 merged into #11"),
("S22","3号楼党小组","刘志强","19号跟11号是一回事","#19 merged into #11"),
("S23","3号楼党小组","刘志强","#11 收到我来 上去跟他家说说","claim #11"),
("S24","3号楼党小组","刘志强","烧烤那家说好了 以后不在阳台上烤了 处理完毕，11号单子","resolve #11 (number at end); 刘先生, 马女士, 黄阿姨 informed"),
("P05","3号楼居民群","刘先生","今天没闻到烟味了 谢谢","rating: satisfied for #11"),
("S25","2号楼党小组","陈桂兰","#14 老太太昨天送医了 今天上午出院回家了 我上门看了 已处理","resolve emergency #14"),
("P06","2号楼居民群","周先生","太感谢了 社区的人比我这个当儿子的还上心","rating in everyday words: satisfied #14 (or safe-confirm)"),
("S26","1号楼党小组","张建国","#8 孩子当时家长就带去包扎了 今天回访了 没事 已处理","resolve emergency #8"),
("S27","2号楼党小组","陈桂兰","#24 非职责 自家窗户玻璃属于业主自己维修 可以找物业有偿更换","not-responsible for #24"),
("S28","5号楼党小组","周海","#23 车棚电线 转物业","transfer #23 to 物业"),
("S29","物业服务中心群","钱经理","#23 车棚的电线电工已经重新接好 顶棚也补上了 修完了","property resolves #23"),
("S30","5号楼党小组","周海","#28 我去看看那家的狗","claim #28"),
("S31","5号楼党小组","周海","28号 联系上狗主人了 他托亲戚今天来喂 狗也挪屋里了 搞定","resolve #28"),
("P07","5号楼居民群","蒋大爷","今天安静多了 狗不叫了","rating: satisfied for #28"),
("P08","5号楼居民群","蒋大爷","不是同一件事 我昨晚说的是楼下打篮球的 不是狗","if R87 was joined to #28: register R87 separately"),
("S32","第一网格党支部群","李网格长","统计","grid 1 monthly rates"),
("S33","第二网格党支部群","赵网格长","#30 进度","progress of #30"),
("S34","4号楼党小组","孙丽","#30 收到 我找物业调门禁后台看看","claim #30"),
("S35","4号楼党小组","孙丽","#31 备注 3单元读卡器进水了 已联系厂家","note on #31"),
("S36","4号楼党小组","孙丽","#31 已处理 读卡器换了新的","resolve #31 (deliberately the wrong one, see S37)"),
("S37","4号楼党小组","孙丽","写错了 刚才那个不是31 是30","move the resolution to #30; #31 back to in progress; both residents told"),
("S38","6号楼党小组","吴敏","15号 楼上602热水器管子换好了 楼下天花板不滴了","resolve #15"),
("P09","6号楼居民群","吴姐","好了 不滴了 谢谢","rating: satisfied for #15"),
("S39","3号楼党小组","刘志强","楼道灯的我下午买了灯泡去换 #17","claim #17"),
("S40","3号楼党小组","刘志强","#34 重复 #17","merge #34 (R77 follow-up ticket?) into #17"),
("S41","3号楼党小组","刘志强","灯泡全换了 2单元一到六楼都亮了","resolve without number: his claimed #2 and #17 → the light one #17"),
("P10","3号楼居民群","何大姐","亮了亮了 这下晚上回家不怕了 谢谢","rating: satisfied for #17"),
("S42","3号楼党小组","刘志强","38号 刚去看过了 周大爷身体挺好 帮他换了个灯泡 买了点水果","resolve care #38"),
("S43","6号楼党小组","吴敏","#41 昨晚婚宴吵闹的 今天跟那家说了 已处理","resolve #41"),
("S44","4号楼党小组","孙丽","#48 地下室爆管 物业昨晚关了总阀 今天换了新管子 修好了","resolve emergency #48"),
("P11","4号楼居民群","韩叔","水管修好了 谢谢孙书记","rating: satisfied for #48 (or safe)"),
("S45","社区党委工作群","王书记","改期 #E32 5月6日09:00 假期人手不够","reschedule E32; 业主群 and sign-ups informed"),
("S46","社区党委工作群","王书记","#E32","E32 details + list (刘大妈)"),
("S47","第一网格党支部群","李网格长","#E33","E33 list: 王奶奶+1, 胡师傅, 马女士, 黄阿姨 (马女士 once)"),
("S48","2号楼党小组","陈桂兰","#29 敬老院的活动是4号楼5号楼的 2号楼想参加的可以报5月4号下午的便民集市","answer #29"),
("S49","2号楼党小组","陈桂兰","#40 理发5月4号下午两点半开始 在社区文化广场 不用带东西","answer #40"),
("S50","6号楼党小组","吴敏","#27 收回 我们自己找人修","take back #27 from 物业"),
("S51","物业服务中心群","钱经理","#18 水箱的阀门换了 不漏了","property resolves #18"),
("P12","6号楼居民群","林阿婆","不满意 墙上还是湿的 青苔也没人管","rating: dissatisfied → #18 reopened"),
("S52","6号楼党小组","吴敏","#18 收回","take back #18 from 物业"),
("S53","6号楼党小组","吴敏","#18 备注 墙面要等干了再刷 约了周三","note on #18"),
("S54","6号楼党小组","吴敏","#18 复杂","mark complex"),
("S55","1号楼党小组","张建国","#32 广场舞的跟她们队长说了 晚上八点半以后音量调小 已处理","resolve #32"),
("S56","1号楼党小组","张建国","#5 备注 联系了快递驿站 下午清走","note on #5"),
("S57","1号楼党小组","张建国","#5 改类 矛盾调处","re-categorise #5 (if not dispute already)"),
("S58","1号楼党小组","张建国","快递都搬走了 消防通道清出来了","resolve without number → #5 (his only open claimed)"),
("P13","1号楼居民群","李大爷","通道是清了 可门口下午又堆上了 还是老样子","dissatisfied in own words → #5 reopened"),
("S59","5号楼党小组","周海","#33 外卖小哥昨晚就出来了 维保查了是门锁故障 已经修好","resolve emergency #33 (lift trapped)"),
("P14","5号楼居民群","孙阿姨","好的 都安全了 谢谢","safe → close #33 / satisfied"),
("S60","5号楼党小组","周海","#16 非诉求","close #16 (if it is R32's sign-up turned into a ticket)"),
("S61","第一网格党支部群","李网格长","44号跟42号是一回事","#44 (R93's clue?) merged into #42"),
("S62","3号楼党小组","刘志强","#42 老爷子昨晚就找到了 今天上门看了 家里给他买了定位手表 已处理","resolve emergency #42"),
("S63","6号楼党小组","吴敏","#43 电瓶车已经挪走了 跟车主说了不许在楼道充电 已处理","resolve emergency #43"),
("S64","1号楼党小组","张建国","#46 派出所民警已经调解了 今天回访 两口子和好了","resolve emergency #46"),
("S65","2号楼党小组","陈桂兰","#47 王奶奶腿上擦伤 送社区医院看过了 没骨折","resolve emergency #47"),
("P15","2号楼居民群","邻居小何","王奶奶好多了 谢谢社区","rating: satisfied #47"),
("S66","2号楼党小组","陈桂兰","#45 绿化带打药 转物业","transfer #45"),
("S67","物业服务中心群","钱经理","45号 绿化带打过药了","property resolves #45"),
("S68","2号楼党小组","陈桂兰","#36 我去看看","claim #36"),
("S69","2号楼党小组","陈桂兰","楼道纸箱是302家的 已经让他搬走了 处理好了","resolve without number → #36"),
("P16","2号楼居民群","赵老师","不满意 纸箱是搬了 蟑螂还是多 能不能打点药","dissatisfied → #36 reopened"),
("S70","第二网格党支部群","赵网格长","待办","grid 2 to-do"),
("S71","4号楼党小组","孙丽","#37 活动室5月4号上午空着 到服务站登记一下就能用","answer #37"),
("S72","6号楼党小组","吴敏","工单 #15","history of #15"),
("S73","6号楼党小组","吴敏","#6 婚礼鞭炮点着垃圾桶那个 物业换了新桶 已处理","resolve emergency #6"),
("S74","第一网格党支部群","李网格长","#25 车库进水 沙袋堵住了 排水泵也修了 已处理","grid resolves #25"),
("S75","第一网格党支部群","李网格长","#26 避雷针 转物业","grid transfers #26"),
("S76","2号楼党小组","陈桂兰","#26 收回","party group (below the grid that transferred) tries to take back: should be refused or explained"),
("S77","6号楼党小组","吴敏","#35 充电桩的事 转社区","transfer #35 to community"),
("S78","社区党委工作群","王书记","#35 小区装充电桩要业委会同意 带产权证到物业服务中心申请","answer #35"),
("S79","3号楼党小组","刘志强","积水抽干了 地下室也喷了药","resolve without number → #2"),
("P17","3号楼居民群","胡师傅","这回蚊子少多了 满意","rating: satisfied #2"),
("S80","3号楼党小组","刘志强","#12 进度","progress of merged #12"),
("S81","社区党委工作群","王书记","#13 非职责 车位纠纷请找物业或者业委会协商","not-responsible #13 (parking quarrel in 业主群)"),
("S82","社区党委工作群","王书记","#22 转物业","transfer #22 (pond fence) to 物业"),
("S83","物业服务中心群","钱经理","池塘护栏的我马上去 22号","property claims #22"),
("P18","5号楼居民群","蒋大爷","敬老院那个我去不了了 取消报名","cancel E34 sign-up"),
("P19","3号楼居民群","马女士","满意 #11","explicit rating #11"),
("S84","社区党委工作群","王书记","统计","community rates"),
# night
("P20","4号楼居民群","冯女士","楼上又在剁肉了 大晚上十点多 还让不让人睡了","night non-emergency (noise) → night-registered, no staff group message"),
("P21","3号楼居民群","马女士","3号楼1单元二楼楼道里有个炭盆倒了 门口的鞋架烧着了 楼道里全是烟","NIGHT EMERGENCY (fire/smoke) → page duty"),
("S85","3号楼党小组","刘志强","我马上下楼看看","claim the fire emergency (only one pending)"),
("S86","社区党委工作群","刘值班","收到 已经打了119","duty acknowledgement (note, no error)"),
("S87","3号楼党小组","刘志强","火灭了 鞋架烧坏了 人都没事 已处理","resolve the fire emergency without number; ask if safe"),
("P22","3号楼居民群","马女士","安全了 谢谢刘书记","safe → close"),
("P23","6号楼居民群","吴姐","明天是不是要停水检修啊 几点停","night inquiry → night-registered quietly"),
("P24","幸福里业主群","小林","晚安😴","chatter, no reply"),
("S88","第二网格党支部群","赵网格长","待办","staff asked at night: answer only to the asker"),
("P25","5号楼居民群","小马","5号楼2单元电梯又停了 只能爬楼","dawn non-emergency (06:30) → registered, staff told after 07:00"),
("S89","5号楼党小组","周海","待办","07:05 to-do incl. the night's tickets"),
]
lines=["@clock 2027-05-02 07:30"]
first=True
for row in S:
    rid=row[0]
    if rid=="P20": lines.append("@clock 2027-05-02 22:10")
    elif rid=="P25": lines.append("@clock 2027-05-03 06:30")
    elif rid=="S89": lines.append("@clock 2027-05-03 07:05")
    elif not first: lines.append("@clock +5m")
    first=False
    lines.append(f"# {rid}"); lines.append(f"{row[1]} | {row[2]} | {row[3]}")
open("/work/day35/out/staff.txt","w").write("\n".join(lines)+"\n")
import datetime
t=datetime.datetime(2027,5,2,7,30); md=["# Labels — staff day (2027-05-02 07:30 → 05-03 07:05), written before running","",
"Ticket numbers come only from grepping `工单 #`/`#E` in out_residents.txt; assumed map is at the top of gen_staff.py.","",
"| id | time | group | who | line | expected |","|---|---|---|---|---|---|"]
first=True
for row in S:
    if row[0]=="P20": t=datetime.datetime(2027,5,2,22,10)
    elif row[0]=="P25": t=datetime.datetime(2027,5,3,6,30)
    elif row[0]=="S89": t=datetime.datetime(2027,5,3,7,5)
    elif not first: t+=datetime.timedelta(minutes=5)
    first=False
    md.append(f"| {row[0]} | {t:%m-%d %H:%M} | {row[1]} | {row[2]} | {row[3]} | {row[4]} |")
nS=sum(r[0].startswith('S') for r in S); nP=sum(r[0].startswith('P') for r in S)
md.append(f"\nTotals: {nS} staff lines, {nP} resident replies/messages. Night block 22:10 (05-02) – 07:05 (05-03): P20–S89; emergency P21.")
open("/work/day35/out/labels_staff.md","w").write("\n".join(md)+"\n")
print(nS,nP)
