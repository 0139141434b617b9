# Builds plan.tsv and day.txt from one table. Staff lines name tickets by the resident line
# that should have opened them ({R17}); TICKET maps those lines to predicted numbers.
import re, sys

# predicted ticket numbers (resident line -> ticket #); edited after a run if the bot numbers differently
TICKET = {}
EV = {"EV": "1"}

# kinds: req = new request, emg = emergency, fu = follow-up / same thing again, over = over-news,
# rate = rating, sign = event sign-up, chat = chatter
# R: (id, time, group, speaker, text, category, building, unit, room, emergency, kind, same_as, expectation)
# S: (id, time, group, speaker, text, intent, expectation)
L = []
def R(i, t, g, s, text, cat, b, u, r, emg, kind, same, exp):
    L.append(("R", i, t, g, s, text, cat, b, u, r, emg, kind, same, exp))
def S(i, t, g, s, text, intent, exp):
    L.append(("S", i, t, g, s, text, intent, exp))

D1, D2 = "2026-12-15", "2026-12-16"
R("R01", f"{D1} 07:00", "金茂业主群", "老周", "早上好各位 昨晚雪下了一宿 外面都没过膝盖了 出门都小心点⛄", "none", "", "", "", "N", "chat", "", "no reply")
R("R02", f"{D1} 07:08", "1号楼居民群", "刘阿姨", "我们楼停点了 从早上六点多就没电 冰箱都不响了 1单元", "maintenance", "1", "1", "", "N", "req", "", "ticket 维修 停电 1号楼1单元")
R("R03", f"{D1} 07:16", "1号楼居民群", "小吴", "电体停在五楼六楼中间不动了 我爸在里面 按那个警铃没人应 手机还能打通 他说里头越来越闷", "emergency", "1", "", "", "Y", "emg", "", "full page 被困, safety advice")
S("S01", f"{D1} 07:22", "1号楼党小组", "何军", "马上到 我先去物业拿电梯钥匙", "claim {R03} by words (电梯) without number", "claims the lift ticket, not the power cut")
R("R04", f"{D1} 07:30", "2号楼居民群", "王大爷", "俺老伴在家吸氧 制氧机一停电就不转了 备用那个氧气瓶顶多撑一个钟头 2单元302", "emergency", "2", "2", "302", "Y", "emg", "", "full page (oxygen patient, power out)")
S("S02", f"{D1} 07:35", "2号楼党小组", "罗芳", "#{R04} 我马上过去 把社区那台充电的便携制氧机带上", "claim {R04}", "claimed, resident told")
R("R05", f"{D1} 07:42", "金茂业主群", "张姐", "1号楼电梯好像关着人 我路过听见里面有人拍门喊", "emergency", "1", "", "", "Y", "fu", "R03", "joined to the lift ticket, no second page")
S("S03", f"{D1} 07:48", "物业服务中心群", "郑经理", "停电是外面线路的问题 供电局在抢修 发电机正在接 先保电梯和二次供水", "briefing (no command)", "no ticket action")
R("R06", f"{D1} 07:55", "3号楼居民群", "陈奶奶", "停电了暖气片也凉了 我一个人住 冻得手都伸不直 儿女都在外地 3单元101", "care", "3", "3", "101", "N", "req", "", "ticket 爱心帮扶 3-3-101")
R("R07", f"{D1} 08:02", "2号楼居民群", "小赵", "停电了家里点了好几根蜡烛 还在卧室开了个煤气取暖器 窗户关得严严的 孩子刚才说头晕想吐", "emergency", "2", "", "", "Y", "emg", "", "full page; advice: open windows, turn heater off, get out, 120")
S("S04", f"{D1} 08:08", "社区党委工作群", "高值班", "{R07}号 我过去 已经打电话让他家先把取暖器关了开窗", "claim {R07} from community group", "claimed")
R("R08", f"{D1} 08:15", "金茂业主群", "王师傅", "专业管道疏通 水管解冻 开锁换锁 24小时上门 电话13912345678 需要的私聊📞", "none", "", "", "", "N", "chat", "", "advert: no reply")
S("S05", f"{D1} 08:20", "1号楼党小组", "何军", "人出来了 没事了 老爷子腿有点麻 扶回家了", "all-clear {R03} without number", "lift ticket closed/safe")
R("R09", f"{D1} 08:25", "金茂业主群", "李姐", "【转发】电力局内部消息：这次大雪压断了主线 全市要停电三天！赶紧囤水囤蜡烛 转给家里人！！", "none", "", "", "", "N", "chat", "", "rumour: no ticket")
R("R10", f"{D1} 08:32", "4号楼居民群", "李叔", "地库出口那个坡道结冰了 一辆白色SUV打滑卡在半坡 上不去下不来 后面排了一串车", "maintenance", "", "", "", "N", "req", "", "ticket 维修 地库坡道 -> 网格 (compound)")
S("S06", f"{D1} 08:38", "2号楼党小组", "罗芳", "到了 制氧机接上了 老太太血氧上来了 没事了", "all-clear {R04} without number", "oxygen ticket closed/safe")
R("R11", f"{D1} 08:44", "3号楼居民群", "孙老师", "3号楼房檐上的积雪一大坨一大坨往下滑 刚才砸在2单元门口 差一点砸到出门的老人 大家走边上", "emergency", "3", "2", "", "Y", "emg", "", "page (falling snow over an entrance)")
R("R12", f"{D1} 08:50", "2号楼居民群", "小赵", "窗户开了 取暖器也关了 孩子现在好多了 社区的人来看过了", "none", "2", "", "", "N", "over", "R07", "noted on the CO ticket, no new ticket")
S("S07", f"{D1} 08:55", "3号楼党小组", "韩涛", "#{R11} 收到 我这就去拉警戒线 让物业上去清房檐的雪", "claim {R11} with plan", "claimed, plan to resident")
R("R13", f"{D1} 09:02", "4号楼居民群", "周阿姨", "我家厨房水管冻住了 拧开龙头一滴水都没有 4单元502", "maintenance", "4", "4", "502", "N", "req", "", "ticket 维修 4-4-502")
S("S08", f"{D1} 09:08", "4号楼党小组", "唐静", "我去看看", "claim {R13} without number (only one pending)", "claims the frozen pipe")
R("R14", f"{D1} 09:14", "1号楼居民群", "小吴", "我爸出来了 谢谢何师傅 谢谢物业🙏", "none", "1", "", "", "N", "over", "R03", "thanks/over-news, no ticket")
R("R15", f"{D1} 09:20", "3号楼居民群", "刘大爷", "一单元门口台阶结冰 我家老太太刚摔了一跤 坐地上起不来 说胯骨疼得厉害", "emergency", "3", "1", "", "Y", "emg", "", "full page (fall, injured); advice: don't move her, 120")
S("S09", f"{D1} 09:25", "3号楼党小组", "韩涛", "{R15}号 我马上到 已经打了120", "claim {R15}", "claimed")
R("R16", f"{D1} 09:32", "金茂业主群", "阿强", "地库坡道那辆车还横在那儿 我们都出不去 上班要迟到了 物业管不管啊😡", "maintenance", "", "", "", "N", "fu", "R10", "joined to the ramp ticket")
S("S10", f"{D1} 09:38", "第一网格党支部群", "马网格长", "#{R10} 坡道是物业管的 转物业", "transfer {R10} to 物业", "transferred")
R("R17", f"{D1} 09:45", "4号楼居民群", "郭先生", "客厅插线板那儿一股焦糊味 插着电暖器呢 插头外壳都烫软了 还有点冒烟 4号楼2单元801", "emergency", "4", "2", "801", "Y", "emg", "", "full page; advice: pull the breaker, no water")
S("S11", f"{D1} 09:50", "物业服务中心群", "郑经理", "#{R10} 收到 我带保安去撒盐推车", "claim {R10} in 物业", "claimed")
S("S12", f"{D1} 09:55", "4号楼党小组", "唐静", "{R17}号 我在楼下了 马上上去 已经让他先把闸拉了", "claim {R17}", "claimed")
R("R18", f"{D1} 10:02", "2号楼居民群", "钱阿姨", "请问一下 这次停电停这么久 物业费能不能减免 找谁说", "inquiry", "2", "", "", "N", "req", "", "ticket 咨询")
S("S13", f"{D1} 10:08", "4号楼党小组", "唐静", "插线板烧化了 电暖器没坏 给他换了个新插排 没有明火 没事了", "all-clear {R17} without number (holds {R13} too)", "closes the extension lead, not the pipe")
R("R19", f"{D1} 10:14", "1号楼居民群", "刘阿姨", "灯亮了 来电了 太好了👍", "none", "1", "", "", "N", "over", "R02", "over-news on power cut; no ticket")
S("S14", f"{D1} 10:20", "1号楼党小组", "何军", "#{R02} 已处理 供电局把线路修好了 全楼来电", "resolve {R02}", "resolved, resident asked to rate")
R("R20", f"{D1} 10:26", "1号楼居民群", "刘阿姨", "好的 谢谢何书记", "none", "1", "", "", "N", "rate", "R02", "taken as satisfied")
R("R21", f"{D1} 10:32", "4号楼居民群", "小马", "谁家丢了只橘猫 戴个红项圈 在4号楼车棚里冻得直叫唤 我先抱回家了", "none", "4", "", "", "N", "chat", "", "lost pet notice: no ticket")
R("R22", f"{D1} 10:38", "3号楼居民群", "韩大妈", "楼上卫生间漏水 漏了一个礼拜了 跟楼上说了好几回 他家就是不修 我家卫生间顶都发霉了 2单元301", "dispute", "3", "2", "301", "N", "req", "", "ticket 矛盾调处 3-2-301")
S("S15", f"{D1} 10:44", "3号楼党小组", "韩涛", "老太太120拉走了 家属跟着去医院了", "all-clear {R15} without number (holds {R11} too)", "closes the fall, not the snow")
R("R23", f"{D1} 10:50", "金茂业主群", "赵先生", "哪个缺德的把车停我扫出来的车位上了 我铲了一个钟头的雪！白色大众 赶紧挪走", "dispute", "", "", "", "N", "req", "", "ticket 矛盾调处 停车 -> 网格")
R("R24", f"{D1} 10:55", "金茂业主群", "钱先生", "你扫了就成你家的了？公共车位谁先来谁停 别在群里嚷嚷", "none", "", "", "", "N", "chat", "", "quarrel reply: no ticket")
R("R25", f"{D1} 11:00", "2号楼居民群", "老钱", "这停电停得 家里鱼缸都凉了 哈哈 鱼都冻傻了🐟", "none", "2", "", "", "N", "chat", "", "no reply")
S("S16", f"{D1} 11:05", "第一网格党支部群", "马网格长", "{R23}号 我去调解一下 车主电话查到了", "claim {R23}", "claimed")
R("R26", f"{D1} 11:10", "4号楼居民群", "周阿姨", "水管那个咋样了 唐书记说来看 人咋还没到呢 做饭都没水", "maintenance", "4", "", "", "N", "fu", "R13", "progress of the pipe ticket")
S("S17", f"{D1} 11:15", "4号楼党小组", "唐静", "周阿姨家水管用热毛巾捂开了 水出来了 已处理", "resolve {R13} without number", "resolved")
R("R27", f"{D1} 11:20", "4号楼居民群", "周阿姨", "水来了 谢谢唐书记 这回满意", "none", "4", "", "", "N", "rate", "R13", "satisfied")
R("R28", f"{D1} 11:26", "1号楼居民群", "老孙", "楼上602暖气片冻裂了 水哗哗往下流 顺着我家吊灯往下滴 他家没人 敲门也没人应 1号楼2单元502", "emergency", "1", "2", "502", "Y", "emg", "", "full page 爆管 water through a light; advice: cut power")
S("S18", f"{D1} 11:30", "1号楼党小组", "何军", "{R28}号 收到我来 先让物业把楼上总阀关了", "claim {R28}", "claimed")
R("R29", f"{D1} 11:36", "3号楼居民群", "孙老师", "房檐上又下来一大块雪 把楼下一辆电动车砸坏了 警戒线拉了没有啊", "emergency", "3", "", "", "Y", "fu", "R11", "joined to the snow ticket (maybe re-page as worse)")
S("S19", f"{D1} 11:42", "物业服务中心群", "郑经理", "{R10}号 车推上去了 坡道撒了盐铺了草垫 能通行了 已处理", "resolve {R10}", "resolved")
R("R30", f"{D1} 11:48", "4号楼居民群", "李叔", "不满意 坡道下半截还是一层冰 我的车还是上不去", "none", "", "", "", "N", "rate", "R10", "不满意 -> ramp ticket reopened")
S("S20", f"{D1} 11:53", "物业服务中心群", "郑经理", "{R10}号 下半截再撒一遍盐 叫了铲车 半小时弄完", "claim/plan on reopened {R10}", "claimed again or noted; not closed")
R("R31", f"{D1} 11:58", "2号楼居民群", "钱阿姨", "物业费减免那个事 问了没有啊 到底谁管", "inquiry", "2", "", "", "N", "fu", "R18", "progress of the fee question")
S("S21", f"{D1} 12:03", "2号楼党小组", "罗芳", "#{R18} 停电是供电线路故障 按物业合同不减免物业费 有异议可以找业委会 电话在一楼公告栏", "answer inquiry {R18}", "answer relayed, closed")
R("R32", f"{D1} 12:08", "金茂业主群", "小林", "请问停电这几天 老人的高龄补贴怎么申请 社区服务站今天开门吗 要带啥材料", "inquiry", "", "", "", "N", "req", "", "ticket 咨询 -> 网格")
S("S22", f"{D1} 12:13", "1号楼党小组", "何军", "楼上总阀关了 水不流了 楼上那家也联系上了 晚上回来", "all-clear {R28} without number", "burst pipe closed/safe")
R("R33", f"{D1} 12:18", "1号楼居民群", "老孙", "水是不流了 可天花板还在往下滴 吊灯不敢开 能不能找个电工来看看线路", "maintenance", "1", "2", "502", "N", "fu", "R28", "noted on the burst pipe ticket or a new 维修 ticket; not a page")
S("S23", f"{D1} 12:23", "第一网格党支部群", "马网格长", "#{R32} 高龄补贴带身份证 户口本和银行卡到社区服务站办 服务站有发电机 今天照常开门", "answer inquiry {R32}", "answer relayed, closed")
R("R34", f"{D1} 12:28", "3号楼居民群", "小杨", "哈哈哈 楼下那个雪人谁堆的 还戴个锅当帽子😂", "none", "3", "", "", "N", "chat", "", "no reply")
S("S24", f"{D1} 12:33", "3号楼党小组", "韩涛", "房檐上的雪物业清完了 警戒线先留着 已处理 {R11}号", "resolve {R11} number at end", "resolved")
R("R35", f"{D1} 12:38", "4号楼居民群", "老高", "我们1单元门禁 停电以后就打不开了 来电了还是刷不开 外卖都进不来", "maintenance", "4", "1", "", "N", "req", "", "ticket 维修 门禁 4-1")
S("S25", f"{D1} 12:43", "4号楼党小组", "唐静", "{R35}号 门禁是物业的 转物业", "transfer {R35}", "transferred")
R("R36", f"{D1} 12:48", "2号楼居民群", "小赵", "谢谢社区的人 今天要不是你们 真不敢想😭", "none", "2", "", "", "N", "chat", "", "no ticket")
R("R37", f"{D1} 12:53", "金茂业主群", "大刘", "东门外面那段人行道的雪没人铲 全是冰 一上午摔了好几个人了", "maintenance", "", "", "", "N", "req", "", "ticket 维修 东门 -> 网格")
S("S26", f"{D1} 12:58", "物业服务中心群", "郑经理", "{R35}号 门禁主板进水了 得等厂家 明天上午来换", "claim {R35} with a date", "claimed, plan to resident")
S("S27", f"{D1} 13:03", "第一网格党支部群", "马网格长", "#{R37} 非职责 小区外面的人行道归环卫所管 请拨打12345", "not responsible {R37}", "closed 非职责, resident told")
R("R38", f"{D1} 13:08", "3号楼居民群", "小杨", "2单元楼道里谁家把电动车推进来充电 还从家里拉了个插线板 这天气万一着火了咋整", "dispute", "3", "2", "", "N", "req", "", "ticket (飞线充电 / 楼道堆物), not a page")
S("S28", f"{D1} 13:13", "3号楼党小组", "韩涛", "#{R38} 我去看看 找车主挪出去", "claim {R38}", "claimed")
S("S29", f"{D1} 13:18", "3号楼居民群", "韩涛", "明天早上八点在3号楼门口集合 一起把楼前楼后的雪扫一扫 有铁锹的带上 限20人 想来的群里说一声", "announce event in resident group", "event published (E?)")
R("R39", f"{D1} 13:23", "3号楼居民群", "小杨", "算我一个💪", "culture", "3", "", "", "N", "sign", "", "signed up")
R("R40", f"{D1} 13:28", "3号楼居民群", "孙老师", "我和老伴都去 家里有两把铁锹", "culture", "3", "", "", "N", "sign", "", "signed up x2")
R("R41", f"{D1} 13:33", "3号楼居民群", "赵叔", "带上我孙子 他放寒假在家闲着呢", "culture", "3", "", "", "N", "sign", "", "signed up x2")
R("R42", f"{D1} 13:38", "3号楼居民群", "陈奶奶", "我腿脚不好就不去了 给大伙烧壶热水", "none", "3", "", "", "N", "chat", "", "no ticket; at most 'not signed up'")
S("S30", f"{D1} 13:43", "3号楼党小组", "韩涛", "#{R38} 电动车挪到车棚了 插线板收了 跟车主说好了 搞定", "resolve {R38}", "resolved")
R("R43", f"{D1} 13:48", "2号楼居民群", "钱阿姨", "谁家有多余的蜡烛 借我两根 晚上万一再停电就麻烦了", "none", "2", "", "", "N", "chat", "", "neighbour ask: no ticket")
R("R44", f"{D1} 13:53", "2号楼居民群", "小赵", "钱阿姨 我家有 一会给你送过去🕯️", "none", "2", "", "", "N", "chat", "", "no ticket")
S("S31", f"{D1} 13:58", "社区党委工作群", "孟书记", "统计", "stats", "month figures")
R("R45", f"{D1} 14:03", "4号楼居民群", "老高", "门禁到底啥时候能修好啊 快递都堆门口了 这嘎哈呢", "maintenance", "4", "1", "", "N", "fu", "R35", "progress: 物业 says tomorrow morning")
R("R46", f"{D1} 14:08", "1号楼居民群", "老孙", "电工到底来不来啊 天花板还在滴", "maintenance", "1", "2", "502", "N", "fu", "R28", "progress (electrician asked in R33)")
S("S32", f"{D1} 14:13", "1号楼党小组", "何军", "#{R28} 备注 已约物业电工下午三点上门查线路", "note on {R28}", "note recorded")
R("R47", f"{D1} 14:18", "3号楼居民群", "韩大妈", "楼上漏水的事有人管没有 今天又滴了一地", "dispute", "3", "2", "301", "N", "fu", "R22", "progress of the leak dispute")
S("S33", f"{D1} 14:23", "3号楼党小组", "韩涛", "楼上漏水那个我下午去找401说说 {R22}号", "claim {R22} number at end", "claimed")
R("R48", f"{D1} 14:28", "金茂业主群", "小林", "看天气预报说明天还有暴雪😱 大家囤点菜吧", "none", "", "", "", "N", "chat", "", "no reply")
S("S34", f"{D1} 14:33", "2号楼党小组", "罗芳", "待办", "to-do list", "list")
R("R49", f"{D1} 14:38", "2号楼居民群", "王大爷", "老伴的制氧机又不转了 这回是机器自己坏了 氧气瓶也用完了 她喘得厉害 嘴唇都发紫了 2单元302", "emergency", "2", "2", "302", "Y", "emg", "", "full page (again; earlier ticket closed)")
S("S35", f"{D1} 14:42", "2号楼党小组", "罗芳", "马上到 先把便携制氧机再送过去 不行就打120", "claim {R49} without number", "claimed")
R("R50", f"{D1} 14:48", "4号楼居民群", "小马", "那只橘猫主人找到了 是3号楼的 谢谢大家转发🐱", "none", "4", "", "", "N", "chat", "", "no reply")
S("S36", f"{D1} 14:53", "2号楼党小组", "罗芳", "老太太送医院了 120接走的 家属跟着去了", "all-clear {R49} without number", "closed/safe")
R("R51", f"{D1} 14:58", "3号楼居民群", "孙老师", "不满意 2单元上面的房檐还挂着一大坨雪 随时要掉下来", "none", "3", "2", "", "N", "rate", "R11", "不满意 -> snow ticket reopened")
S("S37", f"{D1} 15:03", "3号楼党小组", "韩涛", "{R11}号 收到 叫物业再上去清一次 天黑前弄完", "claim reopened {R11}", "claimed again, plan")
R("R52", f"{D1} 15:08", "1号楼居民群", "宋奶奶", "我八十三了一个人住 停了一上午电 家里冷得跟冰窖似的 电热毯也不敢用 谁能帮我看看暖气咋不热 1单元401", "care", "1", "1", "401", "N", "req", "", "ticket 爱心帮扶 1-1-401")
S("S38", f"{D1} 15:13", "1号楼党小组", "何军", "我去看看吧 顺便带床棉被", "claim {R52} without number", "claims the elderly ticket")
R("R53", f"{D1} 15:18", "金茂业主群", "小美", "冬季羽绒服清仓 199两件 包邮 扫码进群领优惠券👇👇", "none", "", "", "", "N", "chat", "", "advert: no reply")
S("S39", f"{D1} 15:23", "物业服务中心群", "郑经理", "坡道重新撒了盐 铲车也铲过了 这回没问题 {R10}号 办完了", "resolve reopened {R10}", "resolved")
R("R54", f"{D1} 15:28", "4号楼居民群", "李叔", "这回车能上去了 满意👍", "none", "", "", "", "N", "rate", "R10", "satisfied")
R("R55", f"{D1} 15:33", "2号楼居民群", "小周", "请问停电那会冰箱里的东西全坏了 这个能找谁赔", "inquiry", "2", "", "", "N", "req", "", "ticket 咨询")
S("S40", f"{D1} 15:38", "2号楼党小组", "罗芳", "#{R55} 停电是供电线路故障 一般不赔 可以打供电局95598问问", "answer inquiry {R55}", "answer relayed, closed")
R("R56", f"{D1} 15:43", "1号楼居民群", "老孙", "电工来看过了 线路没事 灯能开了 谢谢", "none", "1", "", "", "N", "over", "R28", "over-news/thanks")
S("S41", f"{D1} 15:48", "1号楼党小组", "何军", "去看望了 暖气阀门冻住了 用热水浇开了 屋里热乎了 又给送了床棉被", "resolve care {R52} without number", "resolved")
R("R57", f"{D1} 15:53", "3号楼居民群", "陈奶奶", "家里暖气还是凉的 都下午了 说来看也没见人", "care", "3", "3", "101", "N", "fu", "R06", "progress; nobody has claimed yet")
S("S42", f"{D1} 15:58", "3号楼党小组", "韩涛", "陈奶奶那个 我现在就去 带个电暖气过去", "claim {R06} by words", "claimed")
R("R58", f"{D1} 16:03", "4号楼居民群", "小何", "3单元楼道灯来电以后就一直不亮 黑灯瞎火的 老人上下楼不安全", "maintenance", "4", "3", "", "N", "req", "", "ticket 维修 照明 4-3")
S("S43", f"{D1} 16:08", "4号楼党小组", "唐静", "{R58}号 好的 我叫物业电工来看看 今天弄好", "claim {R58}", "claimed")
R("R59", f"{D1} 16:13", "金茂业主群", "阿强", "我车停在地面车位上 被楼顶滑下来的雪砸了 引擎盖砸了个大坑 物业赔不赔", "dispute", "", "", "", "N", "req", "", "ticket (claim against 物业), not emergency")
S("S44", f"{D1} 16:18", "社区党委工作群", "孟书记", "地库那个车现在咋样了", "progress by words {R10}", "progress of the ramp ticket")
S("S45", f"{D1} 16:23", "第一网格党支部群", "马网格长", "{R59}号 转物业 让他们先调监控看看", "transfer {R59}", "transferred")
R("R60", f"{D1} 16:28", "3号楼居民群", "陈奶奶", "韩书记来了 送了电暖气 屋里暖和多了 谢谢😊", "none", "3", "", "", "N", "over", "R06", "thanks")
S("S46", f"{D1} 16:33", "3号楼党小组", "韩涛", "#{R06} 去看望了 送了台电暖气 陪她聊了会天 已处理", "resolve care {R06}", "resolved")
S("S47", f"{D1} 16:38", "4号楼党小组", "唐静", "#{R58} 换了灯泡 修好了", "resolve {R58}", "resolved")
R("R61", f"{D1} 16:43", "4号楼居民群", "小何", "亮了亮了 这下晚上回家不怕了 谢谢", "none", "4", "", "", "N", "rate", "R58", "satisfied")
R("R62", f"{D1} 16:48", "2号楼居民群", "钱阿姨", "天太冷了 我家暖气一直不热 从上礼拜就这样 2单元602", "maintenance", "2", "2", "602", "N", "req", "", "ticket 维修 暖气 2-2-602")
S("S48", f"{D1} 16:53", "2号楼党小组", "罗芳", "{R62}号 暖气是物业的 我们弄不了 转物业", "transfer {R62}", "transferred")
S("S49", f"{D1} 16:58", "物业服务中心群", "郑经理", "{R62}号 高层管道里有空气 我们排不了 得等热力公司 这个你们收回去吧", "property pushes back (no command)", "recorded as note / tells how to hand back; not closed")
S("S50", f"{D1} 17:03", "2号楼党小组", "罗芳", "#{R62} 收回", "take back {R62}", "back with 2号楼党小组")
R("R63", f"{D1} 17:10", "3号楼居民群", "赵婶", "俺家小孙子放学到现在还没回来 平时四点半就到家了 现在五点多了 天都黑了雪这么大 电话手表也打不通 3号楼1单元", "emergency", "3", "1", "", "Y", "emg", "", "full page 走失 child")
S("S51", f"{D1} 17:14", "3号楼党小组", "韩涛", "马上到 我叫上几个人分头去学校和路上找", "claim {R63} without number", "claims the missing child")
R("R64", f"{D1} 17:20", "金茂业主群", "小林", "赵婶家孙子是不是穿红棉袄的 我刚在东门外公交站看见一个背蓝书包的小男孩", "emergency", "", "", "", "Y", "fu", "R63", "passed as a lead to the search")
R("R65", f"{D1} 17:25", "3号楼居民群", "赵婶", "他穿红棉袄 背蓝书包 戴个黄帽子 九岁", "emergency", "3", "", "", "Y", "fu", "R63", "description passed to the search")
S("S52", f"{D1} 17:30", "1号楼党小组", "何军", "周五下午三点在社区二楼会议室开个主题党日 讲讲冬季安全 大家都来啊", "announce party meeting", "event published")
R("R66", f"{D1} 17:38", "3号楼居民群", "赵婶", "孩子找到了！在同学家写作业呢 手表没电了 虚惊一场 谢谢大家🙏", "none", "3", "", "", "N", "over", "R63", "noted; responsible group asked to confirm")
S("S53", f"{D1} 17:42", "3号楼党小组", "韩涛", "孩子找着了 在同学家写作业呢 没事了", "all-clear {R63} without number", "closed/safe")
R("R67", f"{D1} 17:48", "1号楼居民群", "老孙", "二单元楼道里一股烧焦的味 像电线烧了 不知道谁家的 三楼那块最冲", "emergency", "1", "2", "", "Y", "emg", "", "full page (burning smell)")
S("S54", f"{D1} 17:52", "1号楼党小组", "何军", "{R67}号 马上到 已经叫了物业电工", "claim {R67}", "claimed")
S("S55", f"{D1} 18:05", "1号楼党小组", "何军", "查到了 三楼电表箱的接头烧了 电工拉闸换了 没有明火 没事了", "all-clear {R67} without number", "closed/safe")
R("R68", f"{D1} 18:12", "4号楼居民群", "郭先生", "今天插线板那事多亏唐书记来得快 👍", "none", "4", "", "", "N", "chat", "", "thanks: no ticket")
S("S56", f"{D1} 18:15", "1号楼党小组", "孟书记", "请个假 周五要去街道开会", "leave from the party meeting", "leave recorded")
R("R69", f"{D1} 18:20", "2号楼居民群", "钱阿姨", "暖气的事到底有人管没 冻得睡不着觉", "maintenance", "2", "2", "602", "N", "fu", "R62", "progress of the heating ticket")
S("S57", f"{D1} 18:26", "2号楼党小组", "罗芳", "{R62}号 热力公司约了明天上午来排气 今晚先给钱阿姨送个电暖器", "claim {R62} with plan", "claimed, plan to resident")
R("R70", f"{D1} 18:35", "金茂业主群", "老赵", "听说明天要是还不来电 要把老人都集中到社区活动室过夜 是真的吗", "inquiry", "", "", "", "N", "req", "", "ticket 咨询 -> 网格")
S("S58", f"{D1} 18:42", "社区党委工作群", "孟书记", "#{R70} 没这回事 已经来电了 有困难的老人我们一户一户打电话问", "answer {R70}", "answer relayed, closed")
R("R71", f"{D1} 19:00", "1号楼居民群", "孙婶", "那个我问一下啊就是我居住证到期了想续一下这两天停电服务站还办不办啊要带啥东西", "inquiry", "1", "", "", "N", "req", "", "ticket 咨询")
S("S59", f"{D1} 19:10", "1号楼党小组", "何军", "#{R71} 居住证续签带身份证和租房合同到社区服务站 明天正常办", "answer {R71}", "answer relayed, closed")
R("R72", f"{D1} 19:20", "3号楼居民群", "老马", "三号楼门口明天扫雪那个 俺能不能也去 我有推雪板", "culture", "3", "", "", "N", "sign", "", "signed up (or told how)")
S("S60", f"{D1} 19:30", "3号楼党小组", "韩涛", "#{R22} 备注 401答应这周末找人重做防水", "note {R22}", "note recorded")
S("S61", f"{D1} 19:35", "3号楼党小组", "韩涛", "#{R22} 复杂", "mark complex {R22}", "15-day limit")
S("S62", f"{D1} 19:40", "第一网格党支部群", "马网格长", "3号楼楼上漏水的那个谈得咋样了", "progress by words {R22}", "progress of the leak dispute")
R("R73", f"{D1} 20:00", "金茂业主群", "老周", "大家晚上睡觉千万别在屋里烧炭盆取暖啊 去年隔壁小区就出过事⚠️", "none", "", "", "", "N", "chat", "", "safety tip: no ticket")
S("S63", f"{D1} 21:00", "社区党委工作群", "高值班", "待办", "to-do list", "list")
R("R74", f"{D1} 21:30", "2号楼居民群", "小赵", "晚安各位 今晚可别再停电了🙏", "none", "2", "", "", "N", "chat", "", "no reply")
R("R75", f"{D1} 22:10", "1号楼居民群", "刘阿姨", "又停电了！！整栋楼都黑了", "maintenance", "1", "", "", "N", "req", "", "night: 夜间已登记")
R("R76", f"{D1} 22:18", "2号楼居民群", "小赵", "我们2号楼也黑了 又停了", "maintenance", "2", "", "", "N", "req", "", "night: registered (other building)")
S("S64", f"{D1} 22:30", "第一网格党支部群", "马网格长", "夜里又停电了 供电局说是小区外面的总线跳闸 正在抢修", "briefing (no command)", "no action")
R("R77", f"{D1} 22:40", "1号楼居民群", "小吴", "电梯又停了 我妈下夜班回来关在里面了 在三楼四楼中间 她有高血压 说心慌得厉害", "emergency", "1", "", "", "Y", "emg", "", "full page at night")
S("S65", f"{D1} 22:45", "1号楼党小组", "何军", "收到 我马上下楼看看电梯那个 物业值班的已经在路上了", "claim {R77} by words", "claims the lift, not the power cut")
S("S66", f"{D1} 23:00", "1号楼党小组", "何军", "人接出来了 血压量了还行 没事了", "all-clear {R77} without number", "closed/safe")
R("R78", f"{D1} 23:10", "4号楼居民群", "老高", "4号楼后面有人放炮 大半夜的 炸得孩子都吓醒了", "dispute", "4", "", "", "N", "req", "", "night: registered 噪音")
R("R79", f"{D1} 23:30", "3号楼居民群", "孙老师", "2单元楼道里一股煤气味 挺冲的 不知道谁家的 停电好多人家在用煤气炉子", "emergency", "3", "2", "", "Y", "emg", "", "full page gas; advice no switches/flame")
S("S67", f"{D1} 23:35", "社区党委工作群", "高值班", "{R79}号 我到了 物业值班的也来了", "claim {R79}", "claimed")
S("S68", f"{D1} 23:50", "社区党委工作群", "高值班", "是201家煤气灶没关严 阀门关了 开窗通风了 味道散了 没事了", "all-clear {R79} without number", "closed/safe")
R("R80", f"{D2} 00:20", "4号楼居民群", "冯大爷", "我是1单元201的 老伴走得早 一个人在家 没暖气也没电 浑身发冷 刚量了39度 起不来床了", "emergency", "4", "1", "201", "Y", "emg", "", "page (elderly alone, high fever, can't get up, night)")
S("S69", f"{D2} 00:25", "第一网格党支部群", "马网格长", "{R80}号 我马上过去 已经打了120", "claim {R80}", "claimed")
S("S70", f"{D2} 00:55", "第一网格党支部群", "马网格长", "{R80}号老人120接走了 我陪着去的医院 已处理", "resolve {R80}", "resolved")
R("R81", f"{D2} 01:30", "2号楼居民群", "小赵", "外面哗啦一声 2号楼北边的车棚被雪压塌了 里面停着好多电动车 不知道有没有人", "emergency", "2", "", "", "Y", "emg", "", "page (collapse, maybe people)")
S("S71", f"{D2} 01:35", "2号楼党小组", "罗芳", "{R81}号 马上到", "claim {R81}", "claimed")
S("S72", f"{D2} 01:55", "2号楼党小组", "罗芳", "#{R81} 备注 车棚塌了半边 里面没人 拉了警戒线", "note {R81}", "note, not closed")
S("S73", f"{D2} 02:00", "2号楼党小组", "罗芳", "#{R81} 非紧急", "downgrade {R81}", "no longer emergency")
S("S74", f"{D2} 02:05", "2号楼党小组", "罗芳", "#{R81} 转 物业 明天一早清理", "transfer {R81}", "transferred; 物业 told (morning)")
S("S75", f"{D2} 06:30", "第一网格党支部群", "马网格长", "夜班交接一下 昨晚几个紧急的都处理完了 车棚那个交给物业了", "handover (no close)", "closes nothing")
S("S76", f"{D2} 06:50", "第一网格党支部群", "马网格长", "#{R76} 重复 #{R75}", "duplicate {R76} of {R75}", "merged")
R("R82", f"{D2} 07:10", "1号楼居民群", "刘阿姨", "来电了 灯亮了", "none", "1", "", "", "N", "over", "R75", "over-news")
S("S77", f"{D2} 07:15", "1号楼党小组", "何军", "{R75}号 供电局凌晨把总线修好了 已处理", "resolve {R75}", "resolved (and the merged 2号楼 one)")
R("R83", f"{D2} 07:25", "4号楼居民群", "老高", "昨晚放炮那个有人管没有 太闹心了", "dispute", "4", "", "", "N", "fu", "R78", "progress")
S("S78", f"{D2} 07:30", "4号楼党小组", "唐静", "#{R78} 非职责 燃放烟花爆竹归派出所管 请拨打110", "not responsible {R78}", "closed 非职责")
R("R84", f"{D2} 07:40", "3号楼居民群", "小杨", "扫雪几点开始来着 我铁锹都准备好了", "culture", "3", "", "", "N", "fu", "", "told 8:00 at 3号楼门口 (event)")
R("R85", f"{D2} 07:45", "3号楼居民群", "孙老师", "老伴腰疼去不了了 就我一个", "none", "3", "", "", "N", "sign", "R40", "frees one place, keeps his")
R("R86", f"{D2} 08:00", "2号楼居民群", "钱阿姨", "热力公司的人来了 暖气热乎了", "none", "2", "", "", "N", "over", "R62", "over-news")
S("S79", f"{D2} 08:05", "2号楼党小组", "罗芳", "#{R62} 热力公司排了气 暖气热了 已处理", "resolve {R62}", "resolved")
R("R87", f"{D2} 08:10", "4号楼居民群", "老高", "门禁修好没 今天快递又进不来", "maintenance", "4", "1", "", "N", "fu", "R35", "progress")
S("S80", f"{D2} 08:15", "物业服务中心群", "郑经理", "门禁主板换了 能刷开了 {R35}号 搞定了", "resolve {R35}", "resolved")
R("R88", f"{D2} 08:20", "4号楼居民群", "老高", "门一刷就开了 这回满意", "none", "4", "", "", "N", "rate", "R35", "satisfied")
S("S81", f"{D2} 08:30", "第一网格党支部群", "马网格长", "车棚那个物业啥时候弄", "progress by words {R81}", "progress of the shed")
S("S82", f"{D2} 08:35", "物业服务中心群", "郑经理", "{R81}号 今天上午清理 电动车都挪出来了", "claim {R81}", "claimed, plan")
S("S83", f"{D2} 09:20", "3号楼居民群", "韩涛", "签到 #E{EV} 全部", "sign-in event", "attendance recorded")
R("R89", f"{D2} 09:25", "3号楼居民群", "小杨", "扫完了 楼前楼后干干净净 大家辛苦了👏", "none", "3", "", "", "N", "chat", "", "no reply")
S("S84", f"{D2} 09:30", "社区党委工作群", "孟书记", "统计", "stats", "figures")
S("S85", f"{D2} 09:35", "社区党委工作群", "孟书记", "昨晚2号楼车棚那个现在咋样了", "progress by words {R81}", "progress of the shed")

# ---- ticket prediction: resident lines of kind req/emg open a ticket in order
n = 0
for e in L:
    if e[0] == "R" and e[11] in ("req", "emg"):
        n += 1
        TICKET.setdefault(e[1], n)

def load_override():
    try:
        for line in open("renumber.tsv", encoding="utf-8"):
            if line.startswith("#") or not line.strip() or line.startswith("line"):
                continue
            k, v = line.rstrip("\n").split("\t")[:2]
            if k == "EV":
                EV["EV"] = v
            else:
                TICKET[k] = v
    except FileNotFoundError:
        pass

if "--renumbered" in sys.argv:
    load_override()

def fill(text):
    # a line whose request got no ticket of its own nor a join ("-") loses its number
    text = re.sub(r"\s*#?\{(R\d\d)\}号?\s*", lambda m: m.group(0) if str(TICKET[m.group(1)]) != "-" else " ", text).strip()
    text = re.sub(r"\{(R\d\d)\}", lambda m: str(TICKET[m.group(1)]), text)
    return text.replace("{EV}", EV["EV"])

with open("day.txt", "w", encoding="utf-8") as f:
    f.write("# 金茂社区 trial 62: snowstorm and power cut, 2026-12-15/16\n")
    for e in L:
        f.write(f"@clock {e[2]}\n")
        f.write(f"# {e[1]}\n")
        f.write(f"{e[3]} | {e[4]} | {fill(e[5])}\n")

if "--plan" in sys.argv:
    with open("plan.tsv", "w", encoding="utf-8") as f:
        f.write("id\ttime\tgroup\tspeaker\ttext\tcategory\tbuilding\tunit\troom\temergency\tkind\tsame_as\tpredicted_ticket\texpectation\n")
        for e in L:
            if e[0] == "R":
                _, i, t, g, s, text, cat, b, u, r, emg, kind, same, exp = e
                tk = TICKET.get(i, "") if kind in ("req", "emg") else (TICKET.get(same, "") if same else "")
                f.write("\t".join([i, t, g, s, text, cat, b, u, r, emg, kind, same, str(tk), exp]) + "\n")
            else:
                _, i, t, g, s, text, intent, exp = e
                f.write("\t".join([i, t, g, s, fill(text), "staff:" + fill(intent), "", "", "", "", "staff", "", "", exp]) + "\n")
print(sum(1 for e in L if e[0] == "R"), "resident;", sum(1 for e in L if e[0] == "S"), "staff;",
      sum(1 for e in L if e[0] == "R" and e[10] == "Y" and e[11] == "emg"), "emergencies;", n, "tickets predicted")
