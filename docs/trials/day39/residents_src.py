# Residents' two days in 幸福里社区: Sat 2027-02-20 07:30 -> Sun 2027-02-21 07:55
# rows: (id, clock, group, sender, text, kind, category, building, unit, room, page, note)
# kind: chatter | request | emergency | dup (same problem, other resident) | followup | clue |
#       allclear | notice | signup | cancel
# page: Y = should page duty (emergency); note "->Rxx" names the ticket a follow-up belongs to.
import datetime as dt
S = "2027-02-20 "
U = "2027-02-21 "
ROWS = [
("R01", S+"07:30", "幸福里业主群", "老周", "元宵节快乐🏮🏮 大家今天记得吃汤圆哦", "chatter", "none", None, None, None, "N", ""),
("R02", S+"07:40", "社区党委工作群", "王书记", "通知 2月20日19:00 元宵猜灯谜 地点:社区广场 对象:幸福里业主群 名额:40 时长:2小时", "notice", "none", None, None, None, "N", "event E-灯谜"),
("R03", S+"07:50", "3号楼居民群", "李姐", "楼上大早上七点半就开始打电钻 周六啊 还让不让人睡觉了", "request", "dispute", None, None, None, "N", "renovation noise; group b3"),
("R04", S+"08:00", "3号楼居民群", "王大妈", "对对对 就是1单元1402那家 刚搬来装修的 吵死了", "dup", "dispute", None, "1", "1402", "N", "->R03 same drilling, names culprit"),
("R05", S+"08:10", "幸福里业主群", "小美", "👍👍", "chatter", "none", None, None, None, "N", ""),
("R06", S+"08:20", "幸福里业主群", "陈阿姨", "元宵猜灯谜接龙\\n1.陈阿姨+孙女\\n2.小美", "signup", "none", None, None, None, "N", "灯谜: 陈阿姨x2, 小美x1"),
("R07", S+"08:30", "1号楼居民群", "孙奶奶女儿", "我妈住1号楼2单元102 一个人 我们初八都回广州上班了 这两天降温 麻烦社区有空帮忙去看看她 她耳朵不好打电话老听不见", "request", "care", "1", "2", "102", "N", "elderly alone"),
("R08", S+"08:40", "4号楼居民群", "小刘", "你好 我是新搬来4号楼2单元的租户 门禁卡在哪里办啊 要带什么", "request", "inquiry", "4", "2", None, "N", ""),
("R09", S+"08:50", "4号楼居民群", "吴大爷", "搬家的把电梯占了一早上了 电梯门一直用纸箱卡着 我们老人下不了楼", "request", "dispute", None, None, None, "N", "movers block lift; group b4 (maintenance acceptable)"),
("R10", S+"09:00", "4号楼居民群", "张姐", "是的 2单元的电梯也被搬家公司霸占了 喊都喊不动", "dup", "dispute", None, "2", None, "N", "->R09 same nuisance (or possible-dup hint)"),
("R11", S+"09:10", "2号楼居民群", "赵叔", "2号楼3单元楼到灯 晚上不亮 黑咕隆咚的 上次老王就在那摔了一跤", "request", "maintenance", "2", "3", None, "N", "homophone 楼到灯"),
("R12", S+"09:20", "幸福里业主群", "微商小丽", "【元宵特惠】手工汤圆 黑芝麻 花生 五仁 10元一斤 小区内免费送货 需要的私聊我哦🥰", "chatter", "none", None, None, None, "N", "advert"),
("R13", S+"09:30", "6号楼居民群", "钱阿姨", "转发：紧急通知！！明天起全市停水三天 请大家提前储水 收到请转发给亲朋好友", "chatter", "none", None, None, None, "N", "forwarded rumour"),
("R14", S+"09:40", "6号楼居民群", "小林", "这个是谣言吧 自来水公司官网没说啊", "chatter", "none", None, None, None, "N", ""),
("R15", S+"09:50", "5号楼居民群", "周先生", "孩子下周一开学 转学过来的 请问借读要去哪里办手续 需要什么材料", "request", "inquiry", None, None, None, "N", "school"),
("R16", S+"10:00", "3号楼居民群", "刘婶", "风太大了 3号楼顶上有块铁皮被吹起来了 哐当哐当响了一早上 怕掉下来砸到人", "request", "maintenance", "3", None, None, "N", "spring wind; not falling yet (possible-emergency acceptable)"),
("R17", S+"10:10", "5号楼居民群", "小何", "5号楼3单元 楼上602家洗衣机漏水 滴到我家卫生间顶上了 敲门没人开 打电话也不接", "request", "dispute", "5", "3", "602", "N", "leak from neighbour who doesn't answer"),
("R18", S+"10:20", "1号楼居民群", "老马", "侬晓得伐 东门口那个垃圾房满出来了 搬家扔的床垫沙发堆到路上了 臭死", "request", "maintenance", None, None, None, "N", "dialect; landmark"),
("R19", S+"10:30", "2号楼居民群", "赵叔", "今天上午谢谢物业小哥帮我搬东西🙏", "chatter", "none", None, None, None, "N", "thanks"),
("R20", S+"10:40", "3号楼居民群", "李姐", "电钻停了一会又开始了 现在换成电锤了 整栋楼都在震", "followup", "dispute", None, None, None, "N", "->R03 same reporter"),
("R21", S+"10:50", "幸福里业主群", "老周", "+1 我跟老伴两个人", "signup", "none", None, None, None, "N", "灯谜: 老周x2"),
("R22", S+"11:00", "4号楼居民群", "张阿婆", "我家阿黄走丢了 黄色的小土狗 脖子上有红绳 最后在4号楼后面看到的 谁看见了跟我说一声 谢谢", "chatter", "none", "4", None, None, "N", "lost pet notice (no category fits; a ticket is tolerable)"),
("R23", S+"11:10", "6号楼居民群", "郑先生", "6号楼2单元 单元门门禁坏了 刷卡没反应 按门铃也不响 外卖员都进不来", "request", "maintenance", "6", "2", None, "N", ""),
("R24", S+"11:20", "第二网格党支部群", "赵网格长", "通知 2月21日09:30 开学前爱心义剪 地点:社区服务站 对象:4号楼居民群、5号楼居民群、6号楼居民群 名额:12", "notice", "none", None, None, None, "N", "event E-义剪"),
("R25", S+"11:30", "5号楼居民群", "周先生", "义剪我报一个 带两个娃去剪头 一共3个 开学前总算能剪了", "signup", "none", None, None, None, "N", "义剪: 周先生x3"),
("R26", S+"11:40", "6号楼居民群", "郑先生", "门禁还是坏的 快递小哥在门口等了半小时 什么时候来修啊", "followup", "maintenance", None, None, None, "N", "->R23"),
("R27", S+"11:50", "3号楼居民群", "刘婶", "铁皮那个 物业刚才来人上去看了 说下午弄", "followup", "none", None, None, None, "N", "->R16 progress news (not all-clear)"),
("R28", S+"12:00", "4号楼居民群", "小刘", "搞定了 门禁卡物业办好了 押金50 谢谢大家", "allclear", "none", None, None, None, "N", "->R08 answered"),
("R29", S+"12:10", "5号楼居民群", "何女士", "我儿子上午去上英语补习班 说好十一点半到家的 现在十二点多了还没回来 电话手表打不通 老师说11点就放了 5号楼1单元", "emergency", "emergency", "5", "1", None, "Y", "missing child"),
("R30", S+"12:20", "5号楼居民群", "何女士", "他穿蓝色羽绒服 背黑色书包 戴眼镜 九岁", "followup", "emergency", None, None, None, "N", "->R29 clothes, forward"),
("R31", S+"12:30", "4号楼居民群", "吴大爷", "5号楼何家孩子是不是戴眼镜的 我刚在菜场门口看见一个小孩在看人放鞭炮", "clue", "emergency", "5", None, None, "N", "->R29 sighting from other group"),
("R32", S+"12:40", "5号楼居民群", "何女士", "找到了找到了 在菜场门口看人家放炮 谢谢大家 吓死我了", "allclear", "none", None, None, None, "N", "->R29"),
("R33", S+"12:50", "1号楼居民群", "老马", "1号楼1单元电体又坏了 停在5楼不动 按钮按了没反应", "request", "maintenance", "1", "1", None, "N", "homophone 电体; nobody trapped"),
("R34", S+"13:00", "3号楼居民群", "小吴", "3号楼1单元电梯卡在7楼和8楼中间了 里面有个搬家的小伙子和一车箱子 在里面拍门喊人", "emergency", "emergency", "3", "1", None, "Y", "trapped"),
("R35", S+"13:10", "3号楼居民群", "王大妈", "我也听见了 那小伙子说里面有点闷", "dup", "emergency", None, None, None, "N", "->R34 other resident"),
("R36", S+"13:20", "3号楼居民群", "小吴", "人出来了 维保的师傅刚把门撬开 小伙子没事", "allclear", "none", None, None, None, "N", "->R34"),
("R37", S+"13:30", "幸福里业主群", "路人甲", "哈哈哈今天小区好热闹", "chatter", "none", None, None, None, "N", ""),
("R38", S+"13:40", "2号楼居民群", "陈大姐", "楼下搬家的货车把消防通道堵死了 一个多小时了 按喇叭也不挪 车牌沪B开头的", "request", "dispute", None, None, None, "N", "blocked fire lane; group b2"),
("R39", S+"13:50", "6号楼居民群", "钱阿姨", "我家老头子流感 烧了两天了 咳得厉害 我腿不好下不了楼 能不能请人帮忙去药店买点药送上来 6号楼3单元501", "request", "care", "6", "3", "501", "N", "spring flu"),
("R40", S+"14:00", "幸福里业主群", "小美", "猜灯谜小朋友能参加吗 有没有奖品啊", "request", "culture", None, None, None, "N", "question about event"),
("R41", S+"14:10", "5号楼居民群", "小何", "楼上还在漏 现在顺着灯泡往下滴了 我把总闸关了", "followup", "dispute", None, None, None, "N", "->R17 worse (escalation acceptable)"),
("R42", S+"14:20", "4号楼居民群", "孙先生", "4号楼2单元502 我们家今天搬进来 请问楼里装修有没有规定时间 几点到几点可以打孔", "request", "inquiry", "4", "2", "502", "N", ""),
("R43", S+"14:30", "1号楼居民群", "孙奶奶女儿", "谢谢社区 刚才网格员去了我妈家 说她挺好的 还帮她把药分好了 😊", "allclear", "none", None, None, None, "N", "->R07"),
("R44", S+"14:40", "2号楼居民群", "陈大姐", "车开走了 没事了", "allclear", "none", None, None, None, "N", "->R38"),
("R45", S+"14:50", "6号楼居民群", "老郑", "我要报名义剪 就我一个老头子", "signup", "none", None, None, None, "N", "义剪: 老郑x1"),
("R46", S+"15:00", "3号楼党小组", "刘志强", "通知 2月21日15:00 春季流感防护讲座 地点:社区活动室 对象:3号楼居民群 名额:30", "notice", "none", None, None, None, "N", "event E-讲座"),
("R47", S+"15:10", "3号楼居民群", "王大妈", "讲座我去 带上我家老头", "signup", "none", None, None, None, "N", "讲座: 王大妈x2"),
("R48", S+"15:20", "3号楼居民群", "李姐", "讲座有没有发口罩啊", "request", "culture", None, None, None, "N", "question about event"),
("R49", S+"15:30", "幸福里业主群", "老周", "听说今晚要放孔明灯 不是不让放吗 风这么大会不会烧到东西", "request", "inquiry", None, None, None, "N", "rule question"),
("R50", S+"15:40", "4号楼居民群", "张阿婆", "阿黄自己回来了 在楼下等我呢 谢谢大家关心", "allclear", "none", None, None, None, "N", "->R22"),
("R51", S+"15:45", "6号楼居民群", "郑先生", "6号楼2单元楼道里一股很浓的煤气味 好像是从301飘出来的 敲门没人应", "emergency", "emergency", "6", "2", "301", "Y", "gas"),
("R52", S+"15:50", "5号楼居民群", "周先生", "义剪那个 小的发烧了去不了 就我跟老大", "cancel", "none", None, None, None, "N", "义剪: 周先生 3->2"),
("R53", S+"16:00", "1号楼居民群", "老马", "电梯修好了没啊 我八十多的老娘在楼上下不来", "followup", "maintenance", None, None, None, "N", "->R33"),
("R54", S+"16:05", "6号楼居民群", "小林", "燃气公司的人来了 是301家灶上的阀门没关严 老人在里屋睡着了没听见 窗户都打开了 没事了", "allclear", "none", None, None, None, "N", "->R51"),
("R55", S+"16:10", "2号楼居民群", "刘奶奶", "我儿子儿媳妇今天早上走了 家里一下子空落落的 就剩我一个 晚上一个人有点怕", "request", "care", None, None, None, "N", "elderly alone after children left; group b2"),
("R56", S+"16:20", "6号楼居民群", "代办王", "专业代办居住证 社保 入学积分 包过 加V:abc123", "chatter", "none", None, None, None, "N", "advert"),
("R57", S+"16:30", "3号楼居民群", "刘婶", "铁皮弄好了 物业师傅钉牢了 终于不响了", "allclear", "none", None, None, None, "N", "->R16"),
("R58", S+"16:40", "5号楼居民群", "小何", "602的人回来了 是洗衣机管子脱了 已经修了 不滴了", "allclear", "none", None, None, None, "N", "->R17"),
("R59", S+"16:50", "幸福里业主群", "李大爷", "元宵猜灯谜接龙\\n1.陈阿姨+孙女\\n2.小美\\n3.李大爷一家三口", "signup", "none", None, None, None, "N", "灯谜: 李大爷x3 (others already in)"),
("R60", S+"17:00", "4号楼居民群", "吴大爷", "搬家公司又来了 电梯又被他们卡住了 今天第三家了", "followup", "dispute", None, None, None, "N", "->R09 same reporter"),
("R61", S+"17:10", "6号楼居民群", "郑先生", "门禁修好了 👍", "allclear", "none", None, None, None, "N", "->R23"),
("R62", S+"17:20", "1号楼居民群", "老马", "好了好了 电梯能用了", "allclear", "none", None, None, None, "N", "->R33"),
("R63", S+"17:30", "幸福里业主群", "小美", "我晚上临时要加班 灯谜去不了了 把我名字划掉吧", "cancel", "none", None, None, None, "N", "灯谜: 小美 out"),
("R64", S+"17:40", "3号楼居民群", "李姐", "终于不钻了 谢谢", "allclear", "none", None, None, None, "N", "->R03"),
("R65", S+"17:50", "2号楼居民群", "赵叔", "楼道灯还是不亮 天又快黑了", "followup", "maintenance", None, None, None, "N", "->R11"),
("R66", S+"18:00", "幸福里业主群", "老周", "灯谜几点开始来着 在哪", "request", "culture", None, None, None, "N", "question about event"),
("R67", S+"18:30", "5号楼居民群", "何女士", "5号楼3单元602阳台上晾的被子被孔明灯掉下来点着了 在冒烟 家里好像没人", "emergency", "emergency", "5", "3", "602", "Y", "fire"),
("R68", S+"18:40", "5号楼居民群", "小何", "602在冒明火了 烟往我家窗户里灌", "dup", "emergency", None, None, "602", "N", "->R67 worse, other resident"),
("R69", S+"18:50", "5号楼居民群", "何女士", "火灭了 保安拿灭火器上去喷灭的 就烧了一床被子 虚惊一场", "allclear", "none", None, None, None, "N", "->R67"),
("R70", S+"19:00", "幸福里业主群", "路人甲", "广场上灯笼好漂亮🏮📸", "chatter", "none", None, None, None, "N", ""),
("R71", S+"19:10", "幸福里业主群", "陈阿姨", "我孙女猜中了三个 领了个小兔子灯 开心😄", "chatter", "none", None, None, None, "N", ""),
("R72", S+"19:20", "1号楼居民群", "老马", "东门外绿化带有人放烟花 把枯草点着了 火苗窜得老高 快烧到停着的车了", "emergency", "emergency", None, None, None, "Y", "fire at 东门"),
("R73", S+"19:30", "幸福里业主群", "小美", "东门那里着火了 好多烟 有人打119了吗", "dup", "emergency", None, None, None, "N", "->R72 same place, other group"),
("R74", S+"19:40", "1号楼居民群", "老马", "消防车来了 火灭了 没烧到车", "allclear", "none", None, None, None, "N", "->R72"),
("R75", S+"19:50", "2号楼居民群", "陈大姐", "2号楼楼下两个搬家师傅为了抢车位打起来了 一个拿着扳手 有人头上流血了", "emergency", "emergency", "2", None, None, "Y", "fight"),
("R76", S+"20:00", "2号楼居民群", "赵叔", "警察来了 两个都带走了", "allclear", "none", None, None, None, "N", "->R75"),
("R77", S+"20:10", "3号楼居民群", "王大妈", "我家楼上1502小孩在屋里拍球跳绳 咚咚咚一晚上了 说了也不听", "request", "dispute", None, None, "1502", "N", "noise"),
("R78", S+"20:30", "6号楼居民群", "钱阿姨", "药有人送来了 是个小姑娘志愿者 真是太感谢了", "allclear", "none", None, None, None, "N", "->R39"),
("R79", S+"20:50", "4号楼居民群", "孙先生", "4号楼楼下的路灯坏了两个 黑漆漆的 晚上回来看不见路", "request", "maintenance", "4", None, None, "N", ""),
("R80", S+"21:10", "幸福里业主群", "某业主", "今天谁家孩子在楼道里放摔炮 吓死个人", "request", "dispute", None, None, None, "N", "nuisance, no place"),
("R81", S+"21:30", "1号楼居民群", "老马", "晚安各位", "chatter", "none", None, None, None, "N", ""),
("R82", S+"22:00", "3号楼居民群", "王大妈", "楼上还在跳 都十点了", "followup", "dispute", None, None, None, "N", "->R77 (quiet hours)"),
("R83", S+"22:35", "4号楼居民群", "小刘", "4号楼3单元楼上有人喊救命 听声音是402那个独居的老太太 敲门没人开 里面有东西摔倒的声音", "emergency", "emergency", "4", "3", "402", "Y", "night: elderly fall"),
("R84", S+"22:45", "4号楼居民群", "张姐", "我住她对门 喊她名字她在里面应了一声 说起不来了 门反锁的", "dup", "emergency", None, None, None, "N", "->R83 other resident"),
("R85", S+"22:55", "6号楼居民群", "小林", "楼下有人还在放烟花 炸得震天响 小孩都吓醒了 明天还要早起", "request", "dispute", None, None, None, "N", "night nuisance -> 夜间已登记, no page"),
("R86", S+"23:10", "3号楼居民群", "刘婶", "我家老头喝了酒说出去看烟花 到现在还没回来 他有高血压 手机关机了 3号楼2单元 七十八了", "emergency", "emergency", "3", "2", None, "Y", "night: missing elderly"),
("R87", S+"23:20", "4号楼居民群", "小刘", "120来了 开锁师傅把门打开了 老太太摔在卫生间 已经抬上车了", "allclear", "none", None, None, None, "N", "->R83 (sent to hospital)"),
("R88", S+"23:30", "3号楼居民群", "刘婶", "他穿灰色夹克 戴个鸭舌帽", "followup", "emergency", None, None, None, "N", "->R86 clothes"),
("R89", S+"23:45", "1号楼居民群", "老马", "3号楼刘婶家老爷子我刚在小区门口的烧烤摊看见了 跟人喝酒呢", "clue", "emergency", "3", None, None, "N", "->R86 sighting other group"),
("R90", S+"23:55", "3号楼居民群", "刘婶", "人接回来了 没事 喝多了 让大家操心了", "allclear", "none", None, None, None, "N", "->R86"),
("R91", U+"00:15", "1号楼居民群", "小马", "1号楼车棚电动车充电那里冒烟了 一股塑料烧焦的味道 有个电瓶在滋滋响", "emergency", "emergency", "1", None, None, "Y", "night: e-bike smoke"),
("R92", U+"00:25", "1号楼居民群", "老马", "烟越来越大了 已经看到火光了", "dup", "emergency", None, None, None, "N", "->R91 worse"),
("R93", U+"00:40", "1号楼居民群", "小马", "保安把电闸拉了 用灭火器灭了 烧坏了两辆车 没人受伤", "allclear", "none", None, None, None, "N", "->R91"),
("R94", U+"00:50", "5号楼居民群", "小何", "5号楼1单元地下室好像水管爆了 水哗哗往外冒 快淹到配电箱了", "emergency", "emergency", "5", "1", None, "Y", "night: burst pipe"),
("R95", U+"01:00", "2号楼居民群", "小陈妈妈", "我家孩子烧到四十度 刚才抽了一下 眼睛往上翻 老公出差了 我一个人不知道怎么办 2号楼3单元501", "emergency", "emergency", "2", "3", "501", "Y", "night: child convulsion"),
("R96", U+"01:10", "6号楼居民群", "夜猫子", "这么晚了还有人在群里说话啊 睡不着", "chatter", "none", None, None, None, "N", ""),
("R97", U+"01:20", "2号楼居民群", "小陈妈妈", "楼下邻居开车送我们去儿童医院了 孩子现在退了点 谢谢谢谢", "allclear", "none", None, None, None, "N", "->R95"),
("R98", U+"01:25", "5号楼居民群", "小何", "物业值班的把阀门关了 水不冒了 明天白天再来修管子", "allclear", "none", None, None, None, "N", "->R94 (danger over, repair pending)"),
("R99", U+"06:50", "4号楼居民群", "张姐", "402的老太太我问了她女儿 是髋骨骨折 要住院 家里的猫没人喂 能不能社区帮忙每天去喂一下", "request", "care", "4", None, "402", "N", "new care request (not the R83 emergency)"),
("R100", U+"07:05", "5号楼居民群", "周先生", "早上好☀️ 义剪是几点来着", "request", "culture", None, None, None, "N", "question about event"),
("R101", U+"07:15", "5号楼居民群", "楼下邻居", "5号楼2单元电梯里有个老人晕倒了 电梯门开着 人躺在地上叫不醒", "emergency", "emergency", "5", "2", None, "Y", "collapse"),
("R102", U+"07:25", "3号楼居民群", "李姐", "😭又开始打电钻了 今天礼拜天啊 七点二十五", "followup", "dispute", None, None, None, "N", "->R03 recurrence (join or new ticket both OK)"),
("R103", U+"07:35", "5号楼居民群", "楼下邻居", "老人醒了 说是没吃早饭低血糖 家里人接上去了", "allclear", "none", None, None, None, "N", "->R101"),
("R104", U+"07:45", "幸福里业主群", "老周", "昨天的灯谜太好玩了 明年还搞吗 谢谢社区👍", "chatter", "none", None, None, None, "N", ""),
("R105", U+"07:55", "6号楼居民群", "郑太太", "义剪还有名额吗 我也报个名", "signup", "none", None, None, None, "N", "义剪: 郑太太x1"),
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
        out.append(f"# {r[0]} {r[5]} {r[6]} {r[11]}")
        out.append(f"{r[2]} | {r[3]} | {r[4]}")
    return "\n".join(out) + "\n"

if __name__ == "__main__":
    open("residents.txt", "w").write(script())
    import collections
    c = collections.Counter(r[5] for r in ROWS)
    print(len(ROWS), dict(c), "emergencies night:", sum(1 for r in ROWS if r[5]=="emergency" and (r[1]>=S+"22:30" or r[1]<=U+"01:30") and r[1]>S+"12"))
