# Staff day (Sun 2027-02-21 08:00 -> Mon 07:40) on a copy of the residents' database.
# Ticket numbers come from out_residents.txt: #1 drilling 3号楼(李姐), #2 1402 drilling(王大妈, dup of #1), #3 孙奶奶 care,
# #4 门禁卡 inquiry, #5 movers hog lift (wrongly 紧急 被困), #6 楼道灯 2-3, #7 借读 inquiry, #8 铁皮, #9 602 leak,
# #10 东门垃圾房, #11 6-2 门禁, #12 missing boy, #13 bogus (boy sighting as 噪音), #14 1-1 电梯, #15 trapped lift,
# #16 消防通道, #17 钱阿姨 药, #18 灯谜 question, #19 装修时间 inquiry, #20 gas, #21 lift hog again (dup #5),
# #22 被子 fire, #23 东门 fire, #24 fight, #25 1502 跳绳, #26 4号楼路灯, #27 楼上还在跳 (dup #25), #28 402 fall,
# #29 烟花 noise, #30 missing 老头, #31 车棚 fire, #32 burst pipe, #33 convulsion, #34 cat care, #35 lift collapse.
# rows: (id, clock, group, sender, text, kind, expected)
# kind: cmd | transfer | takeback | signup | rating | resident | chatter | emergency | event
import datetime as dt
D = "2027-02-21 "
N = "2027-02-22 "
ROWS = [
("S01", D+"08:00", "3号楼党小组", "刘志强", "待办", "cmd", "list of 3号楼党小组 open tickets (#1 #2 #8 #15 #25 #27 #30)"),
("S02", D+"08:05", "3号楼党小组", "刘志强", "2号跟1号是一回事", "cmd", "#2 merged into #1; 王大妈 told"),
("S03", D+"08:08", "3号楼党小组", "刘志强", "27号跟25号是一回事", "cmd", "#27 merged into #25"),
("S04", D+"08:10", "3号楼党小组", "刘志强", "#1 收到我来", "cmd", "#1 claimed; 李姐 (and 王大妈) told 正在处理"),
("S05", D+"08:12", "5号楼党小组", "周海", "#12 孩子昨天中午就在菜场门口找到了 家长接回去了 已处理", "cmd", "#12 resolved; 何女士 asked to rate / 安全了"),
("S06", D+"08:15", "5号楼党小组", "周海", "#13 这个是吴大爷给找孩子提供的线索 不是投诉 非诉求", "cmd", "#13 closed as non-request, no resident notice"),
("S07", D+"08:18", "4号楼党小组", "孙丽", "#5 非紧急", "cmd", "#5 no longer emergency"),
("S08", D+"08:20", "4号楼党小组", "孙丽", "#5 改类 矛盾调处", "cmd", "#5 category -> dispute"),
("S09", D+"08:22", "4号楼党小组", "孙丽", "21号跟5号是一回事", "cmd", "#21 merged into #5"),
("S10", D+"08:25", "4号楼党小组", "孙丽", "好的 我去看看吧", "cmd", "several open tickets in 4号楼党小组 -> bot lists them and asks which (no guess)"),
("S11", D+"08:27", "4号楼党小组", "孙丽", "#5 接单", "cmd", "#5 claimed; 吴大爷, 张姐 told"),
("S12", D+"08:30", "5号楼党小组", "周海", "602家洗衣机的排水管接好了 楼下不滴了 9号 处理完毕", "cmd", "#9 resolved (number at end); 小何 asked to rate"),
("S13", D+"08:35", "5号楼居民群", "小何", "好了 不滴了 谢谢", "rating", "satisfied with #9"),
("S14", D+"08:40", "1号楼党小组", "张建国", "#10 东门垃圾房满了 床垫沙发太多 我们弄不了 转物业", "transfer", "#10 transferred to 物业服务中心群"),
("S15", D+"08:45", "物业服务中心群", "钱经理", "#10 收到我来", "cmd", "物业 claims #10"),
("S16", D+"08:50", "1号楼党小组", "张建国", "#3 上午去看望了孙奶奶 陪她聊了会天 帮她把药盒分好了 还买了米和油", "cmd", "#3 care resolved (visit = done)"),
("S17", D+"08:55", "1号楼居民群", "孙奶奶女儿", "谢谢张书记 我妈说你们去了她可高兴了", "rating", "satisfied with #3"),
("S18", D+"09:00", "1号楼党小组", "张建国", "14号 电梯维保换了个主板 修好了", "cmd", "#14 resolved"),
("S19", D+"09:02", "1号楼党小组", "张建国", "#23 东门的火昨晚消防灭的 绿化带烧了一小片 已处理", "cmd", "#23 resolved"),
("S20", D+"09:05", "1号楼党小组", "张建国", "#31 车棚的火是保安灭的 烧了两辆电动车 没人受伤 已经让物业检查充电线路了 已处理", "cmd", "#31 resolved"),
("S21", D+"09:10", "1号楼居民群", "老马", "👍", "rating", "老马 has #14 (reported) and #23 pending -> ask which or take own latest; must not be silently misapplied"),
("S22", D+"09:15", "物业服务中心群", "钱经理", "#10 垃圾已清运 床垫沙发都拉走了 已处理", "cmd", "#10 resolved by 物业; 老马 asked to rate"),
("S23", D+"09:20", "1号楼居民群", "老马", "不满意 #10 路上还有一地碎玻璃没人扫 小孩走路要扎脚", "rating", "#10 reopened"),
("S24", D+"09:25", "1号楼党小组", "张建国", "#10 收回", "takeback", "#10 back to 1号楼党小组"),
("S25", D+"09:28", "1号楼党小组", "张建国", "10号 我下去扫 马上去", "cmd", "#10 claimed by 张建国"),
("S26", D+"09:30", "2号楼党小组", "陈桂兰", "6号 灯泡全换了", "cmd", "#6 resolved"),
("S27", D+"09:35", "2号楼居民群", "赵叔", "亮了亮了 这下晚上回家不怕了 谢谢", "rating", "satisfied with #6"),
("S28", D+"09:38", "2号楼党小组", "陈桂兰", "#16 派出所把两个打架的都带走了 已处理", "cmd", "#16 resolved with the wrong text (staff slip, corrected next)"),
("S29", D+"09:40", "2号楼党小组", "陈桂兰", "写错了 刚才那个不是16 是24", "cmd", "note moves to #24 (resolved), #16 back to 处理中, 陈大姐 told the notice was wrong"),
("S30", D+"09:45", "2号楼党小组", "陈桂兰", "#16 货车昨天下午就开走了 跟物业说了以后搬家车停东门外 已处理", "cmd", "#16 resolved"),
("S31", D+"09:50", "2号楼党小组", "陈桂兰", "#33 早上打电话问了 孩子在儿童医院观察 已经退烧了 已处理", "cmd", "#33 resolved"),
("S32", D+"09:55", "2号楼居民群", "小陈妈妈", "安全了 谢谢社区 孩子下午就能出院", "rating", "#33 closed safe"),
("S33", D+"10:00", "第二网格党支部群", "赵网格长", "签到 #E34 老郑 郑太太 周先生", "event", "attendance recorded for 义剪 (周先生 was wrongly cancelled)"),
("S34", D+"10:05", "6号楼党小组", "吴敏", "#11 换了读卡器 门禁好了 已处理", "cmd", "#11 resolved"),
("S35", D+"10:08", "6号楼居民群", "郑先生", "门一刷就开了 这回满意", "rating", "satisfied #11"),
("S36", D+"10:10", "6号楼党小组", "吴敏", "#17 志愿者昨天送了药 今早又打电话问了 老爷子退烧了", "cmd", "#17 care resolved (own words, no 已处理)"),
("S37", D+"10:12", "6号楼党小组", "吴敏", "#20 燃气公司查过了 是灶台阀门没关严 误会一场 已处理", "cmd", "#20 resolved"),
("S38", D+"10:15", "6号楼党小组", "吴敏", "#29 非职责 燃放烟花归公安管 请拨打110反映", "cmd", "#29 not responsible; 小林 told 110"),
("S39", D+"10:18", "6号楼居民群", "小林", "那你们社区就不管了？半夜放炮谁受得了", "resident", "reply to non-responsibility: should not become a new unrelated ticket silently; at worst a dispute ticket"),
("S40", D+"10:20", "6号楼居民群", "钱阿姨", "药收到了 老头子好多了 满意", "rating", "satisfied #17"),
("S41", D+"10:25", "4号楼党小组", "孙丽", "#4 门禁卡在物业服务中心办 带身份证和租房合同 押金50元", "cmd", "inquiry #4 answered and closed, 小刘 gets answer"),
("S42", D+"10:28", "4号楼党小组", "孙丽", "#19 装修打孔时间是工作日8点到12点、14点到18点 周末和节假日不能打孔", "cmd", "inquiry #19 answered"),
("S43", D+"10:30", "4号楼党小组", "孙丽", "#26 路灯归物业管 转 物业", "transfer", "#26 to 物业"),
("S44", D+"10:33", "物业服务中心群", "钱经理", "26号 收到我来", "cmd", "物业 claims #26"),
("S45", D+"10:35", "4号楼党小组", "孙丽", "#28 老太太髋骨骨折住院了 女儿在陪护 已处理", "cmd", "#28 resolved"),
("S46", D+"10:38", "4号楼党小组", "孙丽", "#34 我去看看", "cmd", "#34 claimed"),
("S47", D+"10:40", "4号楼居民群", "孙先生", "谢谢 知道了 那我们周一再打孔", "rating", "satisfied #19 / or silent"),
("S48", D+"10:45", "5号楼党小组", "周海", "#7 借读带户口本、租房合同和孩子学籍卡 到新学校教务处办理", "cmd", "inquiry #7 answered"),
("S49", D+"10:48", "5号楼党小组", "周海", "32号 管子爆的是公共主管 得交物业处理", "transfer", "#32 to 物业"),
("S50", D+"10:50", "物业服务中心群", "钱经理", "#32 接单", "cmd", "物业 claims #32"),
("S51", D+"10:52", "5号楼党小组", "周海", "#22 保安灭的火 只烧了一床被子 已处理", "cmd", "#22 resolved"),
("S52", D+"10:55", "5号楼党小组", "周海", "#35 老人是低血糖 家属接上楼了 已处理", "cmd", "#35 resolved"),
("S53", D+"11:00", "5号楼居民群", "周先生", "谢谢 借读手续清楚了 👍", "rating", "satisfied #7"),
("S54", D+"11:05", "3号楼党小组", "刘志强", "#1 跟1402家沟通了 装修改到早上9点以后 已处理", "cmd", "#1 resolved; 李姐 + 王大妈 asked to rate"),
("S55", D+"11:10", "3号楼居民群", "李姐", "不满意 说了等于白说 明天早上肯定还钻", "rating", "#1 reopened"),
("S56", D+"11:15", "3号楼党小组", "刘志强", "#1 备注 已约物业下午一起上门 让业主签装修承诺书", "cmd", "note only"),
("S57", D+"11:20", "3号楼党小组", "刘志强", "#8 物业师傅把铁皮钉牢了 已处理", "cmd", "#8 resolved"),
("S58", D+"11:22", "3号楼党小组", "刘志强", "15号 人昨天就救出来了 维保查过了 办完了", "cmd", "#15 resolved"),
("S59", D+"11:25", "3号楼党小组", "刘志强", "#30 老爷子昨晚接回家了 今早又去看了 人没事 已处理", "cmd", "#30 resolved"),
("S60", D+"11:28", "3号楼居民群", "刘婶", "安全了 谢谢刘书记 铁皮那个也满意", "rating", "#30 safe + #8 satisfied"),
("S61", D+"11:30", "社区党委工作群", "王书记", "#18 小朋友可以参加 猜中有小灯笼做奖品", "cmd", "inquiry #18 answered (event is already over but answer goes through)"),
("S62", D+"11:35", "第一网格党支部群", "李网格长", "待办", "cmd", "grid list incl. overdue tickets of 1/2/3号楼"),
("S63", D+"11:40", "第一网格党支部群", "李网格长", "工单 #1", "cmd", "#1 history"),
("S64", D+"11:45", "社区党委工作群", "刘值班", "统计", "cmd", "this month's rates"),
("S65", D+"11:50", "4号楼党小组", "孙丽", "#5 跟搬家公司说好了 搬家只能用1号电梯 不许卡门 已处理", "cmd", "#5 resolved; 吴大爷 + 张姐 asked to rate"),
("S66", D+"11:55", "4号楼居民群", "吴大爷", "今天电梯总算能坐上了 满意", "rating", "satisfied #5"),
("S67", D+"12:00", "物业服务中心群", "钱经理", "#26 换了两个灯头 已处理", "cmd", "#26 resolved by 物业"),
("S68", D+"12:05", "物业服务中心群", "钱经理", "#32 主管换了一节 已经恢复供水 已处理", "cmd", "#32 resolved by 物业"),
("S69", D+"12:10", "1号楼党小组", "张建国", "碎玻璃扫干净了 还撒了水 搞定", "cmd", "no-number resolve of own claimed #10"),
("S70", D+"12:15", "1号楼居民群", "老马", "这回干净了 满意", "rating", "satisfied #10"),
("S71", D+"12:20", "4号楼居民群", "孙先生", "路灯亮了 谢谢物业", "rating", "satisfied #26"),
("S72", D+"12:25", "4号楼党小组", "孙丽", "#34 去喂了猫 跟她女儿说好了 这几天每天下午我去喂一次", "cmd", "note or resolve #34 (ongoing task: note is acceptable)"),
("S73", D+"12:30", "5号楼居民群", "何女士", "#12 进度", "resident", "status of #12"),
("S74", D+"12:35", "3号楼居民群", "李姐", "我的工单", "resident", "李姐's tickets"),
("S75", D+"13:00", "3号楼居民群", "刘婶", "讲座算我一个", "signup", "刘婶 x1 for #E35"),
("S76", D+"13:05", "3号楼居民群", "李姐", "我们老两口都去", "signup", "李姐 x2 for #E35"),
("S77", D+"13:10", "3号楼居民群", "王大妈", "老伴说他不去了 就我一个", "signup", "王大妈 2 -> 1 (keeps her own place)"),
("S78", D+"13:15", "3号楼居民群", "小吴", "讲座还有名额吗 我也报名", "signup", "小吴 x1"),
("S79", D+"13:20", "3号楼居民群", "小吴", "临时有事来不了了", "signup", "小吴 cancelled"),
("S80", D+"13:25", "3号楼居民群", "王大妈", "电梯去不了顶楼 按了18楼它不动", "resident", "maintenance ticket, NOT a sign-up cancel"),
("S81", D+"13:30", "3号楼党小组", "刘志强", "#1 物业贴了装修时间告示 1402业主签了承诺书 早9点前晚6点后不施工 已处理", "cmd", "#1 resolved again"),
("S82", D+"13:35", "3号楼居民群", "李姐", "这回满意", "rating", "satisfied #1"),
("S83", D+"13:40", "3号楼党小组", "刘志强", "我去看看", "cmd", "only the new lift ticket is pending -> claimed, bot says which"),
("S84", D+"14:00", "3号楼党小组", "刘志强", "电梯修好了 是18楼的按钮接触不良", "cmd", "no-number resolve of the lift ticket"),
("S85", D+"14:10", "3号楼居民群", "王大妈", "能上顶楼了 谢谢", "rating", "satisfied lift ticket (王大妈 has several pending: must pick lift one)"),
("S86", D+"16:40", "3号楼党小组", "刘志强", "签到 #E35 刘婶 李姐 王大妈", "event", "attendance recorded"),
("S87", D+"16:45", "3号楼党小组", "刘志强", "#25 去1502家说了 家长答应晚上九点后不让孩子跳绳", "cmd", "#25 resolved (own words)"),
("S88", D+"17:00", "社区党委工作群", "王书记", "#E33", "cmd", "灯谜 event details"),
("S89", D+"17:05", "社区党委工作群", "王书记", "签到 #E33 老周 陈阿姨 李大爷", "event", "attendance (陈阿姨 and 李大爷 were on the 接龙 the bot ignored)"),
("S90", D+"17:10", "幸福里业主群", "某业主", "以后元宵还有活动 提前在群里说一声哈", "chatter", "none, no ticket"),
# staff night
("S91", D+"22:20", "5号楼党小组", "周海", "大家辛苦了 今晚我值班 有事喊我", "chatter", "nothing"),
("S92", D+"22:35", "5号楼居民群", "楼下邻居", "5号楼2单元三楼楼道里堆的纸箱被烟头点着了 在冒黑烟 整个楼道都是烟", "emergency", "emergency, paged at night"),
("S93", D+"22:38", "5号楼党小组", "周海", "收到 我马上下楼看看楼道纸箱那个", "cmd", "claims the new fire ticket (no number)"),
("S94", D+"22:45", "3号楼居民群", "王大妈", "楼上又在跳绳了 都快十一点了", "resident", "followup to #25 (resolved) or new 夜间已登记; no page"),
("S95", D+"22:50", "5号楼党小组", "周海", "火扑灭了 纸箱烧了 没人受伤 楼道窗户都打开散烟了", "cmd", "no-number resolve of the fire ticket"),
("S96", D+"22:55", "5号楼居民群", "楼下邻居", "安全了 烟散得差不多了", "rating", "fire ticket safe"),
("S97", D+"23:00", "3号楼党小组", "刘志强", "#25 备注 明天白天再去1502家沟通一次", "cmd", "note only, no night noise to other groups"),
("S98", D+"23:05", "6号楼居民群", "小林", "今晚总算没人放炮了 睡个好觉", "chatter", "none"),
("S99", D+"23:10", "5号楼党小组", "周海", "晚安 早点休息", "chatter", "nothing"),
("S100", N+"07:30", "第二网格党支部群", "赵网格长", "待办", "cmd", "grid list"),
("S101", N+"07:35", "4号楼党小组", "孙丽", "统计", "cmd", "rates"),
("S102", N+"07:40", "3号楼党小组", "刘志强", "工单 #25", "cmd", "history"),
]

def script():
    out = []
    prev = None
    for r in ROWS:
        t = dt.datetime.strptime(r[1], "%Y-%m-%d %H:%M")
        if prev is None:
            out.append("@clock " + r[1])
        else:
            m = int((t - prev).total_seconds() // 60)
            if m:
                out.append(f"@clock +{m}m")
        prev = t
        out.append(f"# {r[0]} {r[5]} :: {r[6]}")
        out.append(f"{r[2]} | {r[3]} | {r[4]}")
    return "\n".join(out) + "\n"

STAFF = {"王书记","刘值班","李网格长","赵网格长","张建国","陈桂兰","刘志强","孙丽","周海","吴敏","钱经理"}
if __name__ == "__main__":
    open("staff.txt", "w").write(script())
    s = sum(1 for r in ROWS if r[3] in STAFF); print(len(ROWS), "staff", s, "resident", len(ROWS)-s)
    L=["# Labels — staff day (written before the run)\n","| id | time | group | sender | text | kind | expected |","|---|---|---|---|---|---|---|"]
    for r in ROWS: L.append(f"| {r[0]} | {r[1][5:]} | {r[2]} | {r[3]} | {r[4]} | {r[5]} | {r[6]} |")
    open("labels_staff.md","w").write("\n".join(L)+"\n")
