# Generates residents.txt, staff.txt, labels.md, labels_staff.md (written before any run).
import datetime as dt

OUT = "/work/day34/out/"

# ---------------------------------------------------------------- resident day
# (id, group, speaker, text, type, category/sub, place, emergency, follows, expected)
# type: request | chatter | followup | allclear | signup | notice
# place: b/u/r as strings, '-' = not given; landmark noted in words
N = "notice"
R = []
def r(i, g, w, t, typ, cat, place, em, fol, exp, at=None):
    R.append(dict(id=i, g=g, w=w, t=t, typ=typ, cat=cat, place=place, em=em, fol=fol, exp=exp, at=at))

r("N01", "社区党委工作群", "王书记", "通知 4月9日9:00 便民理发义诊 地点:社区广场 对象:幸福里业主群 名额:20 时长:3小时",
  N, "-", "-", "no", "-", "event E? (predicted #E1) posted to 幸福里业主群")
r("N02", "第一网格党支部群", "李网格长", "通知 4月10日8:30 护绿植树志愿服务 地点:3号楼北侧绿地 对象:3号楼居民群 名额:8",
  N, "-", "-", "no", "-", "event (predicted #E2) posted to 3号楼居民群")
r("N03", "第二网格党支部群", "赵网格长", "通知 4月11日15:00 清明亲子手工课 地点:社区活动室 对象:5号楼居民群 名额:10",
  N, "-", "-", "no", "-", "event (predicted #E3) posted to 5号楼居民群")

r("R01", "1号楼居民群", "张阿姨", "早上好🌞 今天清明 出门扫墓的注意安全哈", "chatter", "none", "-", "no", "-", "no reply")
r("R02", "1号楼居民群", "老周", "1号楼3单元楼道灯不亮了 晚上下楼黑咕隆咚的", "request", "maintenance/照明", "b1 u3", "no", "-", "T1")
r("R03", "2号楼居民群", "王姐", "2号楼门口的杨絮堆了厚厚一层跟棉花似的 风一吹满天飞 能不能找人扫扫 万一着火了咋整", "request", "maintenance/环境卫生(清扫)", "b2", "no", "-", "T2 (looks like fire, is not)")
r("R04", "幸福里业主群", "清洗师傅老李", "【家电清洗】油烟机 空调 洗衣机深度清洗 清明特价99元 电话13812345678 欢迎咨询", "chatter", "none (advert)", "-", "no", "-", "no reply")
r("R05", "3号楼居民群", "豆豆妈", "3号楼2单元谁家的狗天天在电梯里撒尿 一股骚味 能不能管管自家狗", "request", "dispute/宠物", "b3 u2", "no", "-", "T3")
r("R06", "3号楼居民群", "刘大姐", "你看见是我家狗了？没证据别在群里乱说", "chatter", "none (quarrel)", "-", "no", "-", "no reply, no ticket")
r("R07", "3号楼居民群", "豆豆妈", "电梯里有监控的 物业一查就知道 就是那只白色泰迪", "followup", "dispute/宠物", "-", "no", "R05 (T3)", "more detail to T3, no new ticket")
r("R08", "5号楼居民群", "小林", "手工课算我一个 带我闺女一起", "signup", "culture (sign-up)", "-", "no", "N03", "sign up 小林 +1 person to N03")
r("R09", "4号楼居民群", "陈阿姨", "请问下孩子九月份上小学户口不在咱这边入学登记要准备啥材料啊", "request", "inquiry/入学", "- (group b4)", "no", "-", "T4")
r("R10", "1号楼居民群", "李大爷", "一号楼三单元的楼到灯晚上摸黑上楼 昨天我差点在楼梯上摔一跤", "followup", "maintenance/照明", "b1 u3", "no", "R02 (T1)", "same problem as T1: join/follow T1")
r("R11", "2号楼居民群", "小赵", "2号楼后面草坪上的杨絮着起来了 火顺着往自行车棚那边跑 有人拿盆在泼水", "request", "emergency/火情", "b2", "YES", "-", "T5 emergency, page")
r("R12", "幸福里业主群", "周先生", "2号楼那边咋冒黑烟了 车棚那边全是烟", "followup", "emergency/火情", "b2", "YES", "R11 (T5)", "same fire: join T5, no second page")
r("R13", "2号楼居民群", "王姐", "我早上就说杨絮要扫 这下好了吧", "chatter", "none (sarcastic remark)", "-", "no", "R03 (T2) loosely", "no new ticket")
r("R14", "6号楼居民群", "孙大爷的女儿", "我爸有点老年痴呆 早上七点多出去买菜到现在还没回来 手机也没带 穿的灰色夹克 6号楼的 大家帮忙看看", "request", "emergency/走失老人", "b6", "YES", "-", "T6 emergency, page")
r("R15", "3号楼居民群", "赵叔", "3号楼1单元地下室水管爆了 水哗哗往外喷 都快漫到电梯井了", "request", "emergency/爆管水漫", "b3 u1", "YES", "-", "T7 emergency, page")
r("R16", "1号楼居民群", "老周", "我们3单元的灯到现在还是不亮 还没人来看", "followup", "maintenance/照明", "b1 u3", "no", "R02 (T1)", "follow T1 (还没人来), no new ticket")
r("R17", "4号楼居民群", "小马", "今天下午搬家 货车能从东门进来吗 要不要登记", "request", "inquiry/车辆出入", "- (东门 landmark)", "no", "-", "T8")
r("R18", "5号楼居民群", "吴大妈", "5号楼2单元电梯卡在7楼8楼中间了 我孙子在里头拍门喊我 按了报警铃没人应", "request", "emergency/电梯困人", "b5 u2", "YES", "-", "T9 emergency, page")
r("R19", "6号楼居民群", "周阿姨", "孙大爷我刚在菜市场门口看见了 坐在台阶上 我先陪着他", "followup", "emergency/走失老人", "- (菜市场)", "no", "R14 (T6)", "clue to T6, no new ticket, no new page")
r("R20", "幸福里业主群", "热心大妈", "【紧急扩散】明天全市停水24小时！！请大家提前储水 转给家人朋友", "chatter", "none (forwarded rumour)", "-", "no", "-", "no ticket (at most a neutral note)")
r("R21", "2号楼居民群", "小赵", "火灭了 保安拿灭火器喷灭的 车棚烧了两辆自行车 没人受伤", "allclear", "emergency/火情", "-", "no", "R11 (T5)", "note on T5, ask staff to confirm; no new ticket")
r("R22", "3号楼居民群", "钱阿姨", "1单元地下室那个水还在往外冒 水电工来了没 楼梯口都湿了", "followup", "emergency/爆管水漫", "b3 u1", "no", "R15 (T7)", "follow T7 (still ongoing; at most re-alert), no new ticket")
r("R23", "5号楼居民群", "吴大妈", "孩子出来了 消防队来撬开的门 谢谢大家", "allclear", "emergency/电梯困人", "-", "no", "R18 (T9)", "note on T9, no new ticket")
r("R24", "4号楼居民群", "陈阿姨", "4号楼3单元一进楼道一股子煤气味儿 熏得眼睛疼 不晓得是哪家的", "request", "emergency/燃气", "b4 u3", "YES", "-", "T10 emergency, page")
r("R25", "4号楼居民群", "老杨", "我在三单元四楼也问到了 味儿挺冲的", "followup", "emergency/燃气", "b4 u3", "no", "R24 (T10)", "join T10, no second page")
r("R26", "1号楼居民群", "刘奶奶的儿子", "我妈住1号楼2单元302 一个人住 刚才邻居打电话说听见屋里咚的一声 然后一直喊哎哟 门反锁着进不去", "request", "emergency/老人摔倒", "b1 u2 r302", "YES", "-", "T11 emergency, page")
r("R27", "4号楼居民群", "陈阿姨", "煤气公司的人来了 是402家灶台阀门没关严 已经关了开窗通风了", "allclear", "emergency/燃气", "r402", "no", "R24 (T10)", "note on T10")
r("R28", "3号楼居民群", "张阿姨", "植树那个我报名", "signup", "culture (sign-up)", "-", "no", "N02", "sign up 张阿姨 to N02")
r("R29", "3号楼居民群", "李大爷", "+1", "signup", "culture (sign-up)", "-", "no", "N02", "sign up 李大爷 to N02 (only event in group)")
r("R30", "幸福里业主群", "宝妈小林", "有没有人看见一个穿红外套的小男孩 五岁左右 刚才在中心广场滑板车那儿玩 一转眼就不见了", "request", "emergency/走失儿童", "- (中心广场)", "YES", "-", "T12 emergency, page")
r("R31", "6号楼居民群", "孙大爷的女儿", "人接回来了 谢谢周阿姨 谢谢大家", "allclear", "emergency/走失老人", "-", "no", "R14 (T6)", "note on T6")
r("R32", "1号楼居民群", "刘奶奶的儿子", "邻居帮忙叫了开锁的 我妈摔在卫生间了 人是清醒的 120已经来了", "followup", "emergency/老人摔倒", "-", "no", "R26 (T11)", "note on T11 (not worse, not new)")
r("R33", "幸福里业主群", "宝妈小林", "找到了找到了 在超市门口 吓死我了 谢谢大家🙏", "allclear", "emergency/走失儿童", "-", "no", "R30 (T12)", "note on T12")
r("R34", "5号楼居民群", "钱大哥", "我家卫生间天花板往下滴水滴滴答答的楼上602敲门也没人开我是5号楼1单元502的", "request", "dispute/邻居漏水", "b5 u1 r502", "no", "-", "T13")
r("R35", "6号楼居民群", "老孙", "6号楼前面那几棵大杨树修剪完了 树枝子全扔在路边 没人拉走", "request", "maintenance/绿化", "b6", "no", "-", "T14")
r("R36", "6号楼居民群", "小郑", "6栋门口一地的树枝子 电动车都过不去了 谁来清一下", "followup", "maintenance/绿化", "b6", "no", "R35 (T14)", "join T14")
r("R37", "2号楼居民群", "小何", "2号楼1单元一楼电表箱里噼里啪啦的冒火花 还有一股焦糊味", "request", "emergency/电气火花", "b2 u1", "YES", "-", "T15 emergency, page (not joined to fire T5)")
r("R38", "4号楼居民群", "小马", "请问居住证到期了续签去哪里办 要带啥", "request", "inquiry/居住证", "-", "no", "-", "T16")
r("R39", "5号楼居民群", "钱大哥", "还没人来 水越滴越多了 拿盆接着呢 楼上还是没人", "followup", "dispute/邻居漏水", "-", "no", "R34 (T13)", "follow T13")
r("R40", "3号楼居民群", "王老师", "3号楼1单元楼道里堆了好多搬家剩下的纸箱泡沫 都三天了 消防通道都堵了", "request", "dispute/楼道堆物", "b3 u1", "no", "-", "T17 (not joined to burst pipe T7)")
r("R41", "幸福里业主群", "水果店老板", "新店开业 幸福里南门水果店 进群扫码领10元优惠券 草莓特价🍓🍓", "chatter", "none (advert)", "-", "no", "-", "no reply")
r("R42", "1号楼居民群", "小吴", "谢谢社区 刚才看见电工在修3单元的灯了", "chatter", "none (news/thanks)", "b1 u3", "no", "R02 (T1) news", "no ticket; must not close T1")
r("R43", "4号楼居民群", "老杨", "我爸今年满80了 高龄补贴咋申请 要去哪儿办", "request", "inquiry/高龄补贴", "-", "no", "-", "T18")
r("R44", "5号楼居民群", "吴大妈", "5号楼3单元101的刘奶奶一个人住 儿子在外地 这两天没见她下楼买菜 麻烦社区去看看她", "request", "care/独居老人", "b5 u3 r101", "no", "-", "T19 (care, not emergency)")
r("R45", "2号楼居民群", "小何", "电工来了 说是电表箱里钻进了杨絮加上线头老化 已经断电换了 没事了", "allclear", "emergency/电气火花", "-", "no", "R37 (T15)", "note on T15")
r("R46", "6号楼居民群", "小郑", "6号楼1单元电体按了没反应 等了十分钟也不下来 只能爬楼", "request", "maintenance/电梯", "b6 u1", "no", "-", "T20")
r("R47", "5号楼居民群", "小林", "手工课要自己带材料吗 几岁的孩子可以参加", "request", "culture/活动咨询", "-", "no", "N03 (question)", "T21 (activity question) or answered from event")
r("R48", "3号楼居民群", "豆豆妈", "今天电梯里又是一滩尿 我拍照了 2单元的 物业管不管", "followup", "dispute/宠物", "b3 u2", "no", "R05 (T3)", "follow T3")
r("R49", "幸福里业主群", "李大爷", "杨絮柳絮飘得跟下雪一样 阿嚏 我这鼻炎又犯了😂", "chatter", "none", "-", "no", "-", "no reply")
r("R50", "4号楼居民群", "小宋", "4号楼门口快递柜旁边那块地砖翘起来了 好几个人都绊了一跤", "request", "maintenance/道路地面", "b4", "no", "-", "T22")
r("R51", "幸福里业主群", "家长王先生", "开学了 早上送孩子走南门那段路坑坑洼洼的 一下雨全是水坑 孩子鞋都湿了", "request", "maintenance/道路", "- (南门)", "no", "-", "T23")
r("R52", "5号楼居民群", "钱大哥", "602的人回来了 是他家洗衣机水管脱了 已经关了阀门 不滴了", "allclear", "dispute/邻居漏水", "r602", "no", "R34 (T13)", "note on T13 (problem stopped)")
r("R53", "幸福里业主群", "张阿姨", "理发那个算我一个 我们老两口都去", "signup", "culture (sign-up)", "-", "no", "N01", "sign up 张阿姨 x2 to N01")
r("R54", "幸福里业主群", "周阿姨", "理发义诊接龙\\n1.张阿姨\\n2.李大爷\\n3.老孙\\n4.周阿姨", "signup", "culture (sign-up, 接龙)", "-", "no", "N01", "sign up 李大爷, 老孙, 周阿姨; 张阿姨 already in")
r("R55", "4号楼居民群", "小宋", "4号楼2单元谁家的狗 从早叫到晚 孩子在家写作业都静不下心", "request", "dispute/宠物噪音", "b4 u2", "no", "-", "T24")
r("R56", "3号楼居民群", "赵叔", "地下室水管总阀关了 水不往外冒了 就是地上还积着一层水", "allclear", "emergency/爆管水漫", "-", "no", "R15 (T7)", "note on T7")
r("R57", "2号楼居民群", "老钱", "清明每年都有人在路口烧纸 今年杨絮这么多 能不能贴个通知管一管", "request", "dispute/烧纸(不文明)", "- (group b2)", "no", "-", "T25 (not emergency, not joined to fire)")
r("R58", "6号楼居民群", "老孙", "树枝子还在路边躺着呢 说下午来拉也没来", "followup", "maintenance/绿化", "-", "no", "R35 (T14)", "follow T14 (还没人来)")
r("R59", "幸福里业主群", "小黄", "小区里一条大黄狗刚把一个小孩腿咬了 流了好多血 就在西门健身器材那儿 孩子妈妈吓哭了", "request", "emergency/受伤", "- (西门)", "YES", "-", "T26 emergency, page")
r("R60", "3号楼居民群", "刘大姐", "我去不了植树了 把我名字划掉吧", "signup", "culture (cancel)", "-", "no", "N02", "刘大姐 never signed up: say so")
r("R61", "5号楼居民群", "小林", "5号楼2单元电梯又停了 停在一楼不动 门也不开 里面没人", "request", "maintenance/电梯", "b5 u2", "no", "-", "T27 (not emergency, not joined to T9)")
r("R62", "幸福里业主群", "小黄", "孩子家长已经带去医院打疫苗了 狗主人也找到了", "allclear", "emergency/受伤", "-", "no", "R59 (T26)", "note on T26")
r("R63", "1号楼居民群", "刘奶奶的儿子", "我妈检查完了 骨裂 住院观察几天 谢谢邻居们", "allclear", "emergency/老人摔倒", "-", "no", "R26 (T11)", "note on T11 (not escalation)")
r("R64", "4号楼居民群", "陈阿姨", "4号楼3单元下水道往上返味儿 臭烘烘的 不是煤气那种味 是臭水沟那种", "request", "maintenance/给排水", "b4 u3", "no", "-", "T28 (not emergency, not joined to gas T10)")
r("R65", "2号楼居民群", "小何", "楼上的 晚上能不能别在阳台上抖被子 杨絮加灰全落我家晾的衣服上了 2单元", "request", "dispute/邻里", "b2 u2", "no", "-", "T29")
r("R66", "6号楼居民群", "周阿姨", "俺们6号楼2单元门禁卡刷了不开 得等别人出来才进得去 咋整啊", "request", "maintenance/门禁", "b6 u2", "no", "-", "T30")
r("R67", "幸福里业主群", "刘师傅", "东门那边两个人因为停车打起来了 一个手里拿着砖头 保安拉不住", "request", "emergency/打架", "- (东门)", "YES", "-", "T31 emergency, page")
r("R68", "幸福里业主群", "周先生", "东门打架那俩已经被民警带走了", "allclear", "emergency/打架", "-", "no", "R67 (T31)", "note on T31")
r("R69", "3号楼居民群", "王老师", "社区活动室周末能借吗 我们几个老姐妹想排练广场舞", "request", "culture/场地预约", "-", "no", "-", "T32")
r("R70", "5号楼居民群", "小林", "天热了 5号楼垃圾桶好几天没人清 苍蝇嗡嗡的", "request", "maintenance/垃圾", "b5", "no", "-", "T33")
r("R71", "1号楼居民群", "老周", "3单元的灯亮了 谢谢师傅", "allclear", "maintenance/照明", "b1 u3", "no", "R02 (T1)", "note on T1 (or rating); no new ticket")
r("R72", "幸福里业主群", "广场舞刘姐", "今晚7点半广场舞照常 新来的姐妹欢迎加入💃", "chatter", "none (announcement)", "-", "no", "-", "no reply")
r("R73", "4号楼居民群", "小宋", "我住2单元201 就是楼上301那家的狗", "followup", "dispute/宠物噪音", "b4 u2 r201/301", "no", "R55 (T24)", "detail to T24")
r("R74", "6号楼居民群", "小郑", "新搬来的 请问门禁卡去哪办 要带房产证还是租房合同", "request", "inquiry/门禁卡办理", "-", "no", "-", "T34 (not joined to 门禁 fault T30)")
r("R75", "2号楼居民群", "小赵", "车棚烧坏的那两辆车谁赔啊 监控能不能调出来看看是谁扔的烟头", "request", "inquiry/火灾善后", "- (车棚)", "no", "-", "T35 (not emergency, not re-page T5)")
r("R76", "幸福里业主群", "宝妈小林", "广场舞音响太大声了 4号楼这边窗户关着都震得慌 孩子写不了作业", "request", "dispute/噪音", "b4", "no", "-", "T36")
r("R77", "3号楼居民群", "李大爷", "植树那天要自己带铁锹不", "request", "culture/活动咨询", "-", "no", "N02 (question)", "T37 or answered from event")
r("R78", "5号楼居民群", "吴大妈", "刘奶奶我下午去看了 人挺好的 就是有点感冒 谢谢关心", "allclear", "care/独居老人", "-", "no", "R44 (T19)", "note on T19")
r("R79", "4号楼居民群", "老杨", "👍", "chatter", "none", "-", "no", "-", "no reply")
r("R80", "1号楼居民群", "小吴", "1号楼2单元302刘奶奶家门口的快递堆了好几个了 她住院了 谁能帮忙收一下", "request", "care/帮扶", "b1 u2 r302", "no", "-", "T38 (not joined to emergency T11)")
r("R81", "6号楼居民群", "周阿姨", "门禁好了 刚才又试了一下能刷开了", "allclear", "maintenance/门禁", "-", "no", "R66 (T30)", "note on T30")
r("R82", "5号楼居民群", "老刘", "谁看见一只橘猫 脖子上挂个铃铛 昨晚从5号楼1单元窗户跑出去的 找到必谢🙏", "chatter", "none (lost pet notice)", "b5 u1", "no", "-", "no ticket (a lost-pet notice to neighbours)")
r("R83", "3号楼居民群", "钱阿姨", "1单元地下室的积水还没人抽 一股霉味 楼梯口滑得很", "followup", "maintenance/积水", "b3 u1", "no", "R15 (T7)", "follow T7 (no new emergency page)")
r("R84", "2号楼居民群", "王姐", "杨絮到现在也没人扫 着过一次火了还不长记性", "followup", "maintenance/环境卫生", "-", "no", "R03 (T2)", "follow T2 (还没人来)")
r("R85", "幸福里业主群", "老孙", "请问清明假期社区服务站几点开门", "request", "inquiry/办公时间", "-", "no", "-", "T39")
r("R86", "5号楼居民群", "小林", "手工课我家俩孩子都去 再加一个", "signup", "culture (sign-up change)", "-", "no", "N03", "add one more person to 小林's N03 sign-up")
r("R87", "4号楼居民群", "陈阿姨", "晚安🌙", "chatter", "none", "-", "no", "-", "no reply")
# night block
r("R88", "3号楼居民群", "王老师", "楼上502又在拖椅子 咚咚咚的 都十点半了 我是3号楼2单元402", "request", "dispute/噪音", "b3 u2 r402(502)", "no", "-", "T40, night: only 夜间已登记 to resident", at="2027-04-05 22:30")
r("R89", "4号楼居民群", "小宋", "那狗又叫了 大半夜的 还让不让人睡了", "followup", "dispute/宠物噪音", "-", "no", "R55 (T24)", "follow T24 quietly", at="2027-04-05 22:50")
r("R90", "幸福里业主群", "夜班小李", "南门路灯坏了两盏 黑灯瞎火的 电动车差点撞花坛上", "request", "maintenance/照明", "- (南门)", "no", "-", "T41 night-registered; not joined to road T23", at="2027-04-05 23:10")
r("R91", "6号楼居民群", "小郑", "6号楼车棚里有辆电动车充着电在冒烟 烟越来越大 一股塑料烧焦味", "request", "emergency/火情", "b6", "YES", "-", "T42 emergency, page at night", at="2027-04-05 23:40")
r("R92", "6号楼居民群", "老孙", "我下去看了 冒的是白烟 旁边还有好几辆车在充电", "followup", "emergency/火情", "-", "no", "R91 (T42)", "detail on T42", at="2027-04-05 23:50")
r("R93", "6号楼居民群", "小郑", "保安把电闸拉了 拿灭火器喷了 不冒烟了", "allclear", "emergency/火情", "-", "no", "R91 (T42)", "note on T42", at="2027-04-06 00:10")
r("R94", "4号楼居民群", "小马", "隔壁502王爷爷家一直有人在哼哼 敲门没人开 他一个人住的 4号楼1单元", "request", "emergency/独居老人呼救", "b4 u1 r502", "YES", "-", "T43 emergency, page at night", at="2027-04-06 00:30")
r("R95", "4号楼居民群", "小马", "还没人来 里面声音越来越小了", "followup", "emergency/独居老人呼救", "-", "no", "R94 (T43)", "escalate T43 (worse), no new ticket", at="2027-04-06 00:50")
r("R96", "5号楼居民群", "夜归人阿强", "5号楼2单元楼梯口躺着个人 喊他没反应 头上好像有血", "request", "emergency/受伤昏迷", "b5 u2", "YES", "-", "T44 emergency, page at night", at="2027-04-06 01:10")
r("R97", "幸福里业主群", "失眠的张姐", "睡不着 有没有一起聊天的 哈哈", "chatter", "none", "-", "no", "-", "no reply", at="2027-04-06 01:30")
r("R98", "3号楼居民群", "李大爷", "广场上五点多就放那么大声的音乐晨练 能不能管管", "request", "dispute/噪音", "- (广场)", "no", "-", "T45 quiet hours: 夜间已登记", at="2027-04-06 05:40")
r("R99", "4号楼居民群", "小马", "王爷爷半夜送医院了 是低血糖 现在没事了 谢谢大家", "allclear", "emergency/独居老人呼救", "-", "no", "R94 (T43)", "note on T43", at="2027-04-06 06:20")
r("R100", "5号楼居民群", "夜归人阿强", "昨晚楼梯口那个人是喝多了摔的 120拉走了", "allclear", "emergency/受伤昏迷", "-", "no", "R96 (T44)", "note on T44", at="2027-04-06 06:40")

lines = ["# Resident day 2027-04-05 (清明) and night into 04-06", "@clock 2027-04-05 07:00"]
first = True
for e in R:
    if e["at"]:
        lines.append(f"@clock {e['at']}")
    elif not first:
        lines.append("@clock +10m")
    first = False
    lines.append(f"# {e['id']}")
    lines.append(f"{e['g']} | {e['w']} | {e['t']}")
open(OUT + "residents.txt", "w").write("\n".join(lines) + "\n")

# compute times
t = dt.datetime(2027, 4, 5, 7, 0)
first = True
for e in R:
    if e["at"]:
        t = dt.datetime.strptime(e["at"], "%Y-%m-%d %H:%M")
    elif not first:
        t += dt.timedelta(minutes=10)
    first = False
    e["time"] = t.strftime("%m-%d %H:%M")

L = ["# Labels — resident day (written before running)", "",
     "Types: request (new problem) / followup (more about an earlier message) / allclear (earlier problem solved or over) / signup / chatter (none) / notice (staff event).",
     "Expected ticket numbers T1… are my prediction assuming every `request` opens one ticket in order and nothing else does; staff.txt uses these numbers.",
     "Place: b=building u=unit r=room; landmarks in brackets are not places.", "",
     "| id | time | group | speaker | message | type | category/sub | place | emergency | follows | expected |",
     "|---|---|---|---|---|---|---|---|---|---|---|"]
for e in R:
    L.append("| {id} | {time} | {g} | {w} | {t} | {typ} | {cat} | {place} | {em} | {fol} | {exp} |".format(**{k: (v.replace('|', '/') if isinstance(v, str) else v) for k, v in e.items()}))
nres = sum(1 for e in R if e["id"].startswith("R"))
nem = sum(1 for e in R if e["em"] == "YES" and e["typ"] == "request")
nreq = sum(1 for e in R if e["typ"] == "request")
L += ["", f"Resident messages: {nres}; new requests: {nreq}; emergencies (new): {nem}; night block (22:30–01:30): R88–R97; early morning: R98–R100."]
open(OUT + "labels.md", "w").write("\n".join(L) + "\n")
print("residents", nres, "requests", nreq, "emerg", nem, "last day time", [e['time'] for e in R if e['id']=='R87'])

# ---------------------------------------------------------------- staff day
S = []
def s(i, g, w, t, exp, at=None):
    S.append(dict(id=i, g=g, w=w, t=t, exp=exp, at=at))

c = iter(range(1, 200))
def S_(g, w, t, exp, at=None):
    s("S%02d" % next(c), g, w, t, exp, at)
pc = iter(range(1, 100))
def P_(g, w, t, exp, at=None):
    s("P%02d" % next(pc), g, w, t, exp, at)
qc = iter(range(1, 100))
def Q_(g, w, t, exp, at=None):
    s("Q%02d" % next(qc), g, w, t, exp, at)

S_("1号楼党小组", "张建国", "待办", "list open tickets of 1号楼党小组 (T1, T11, T38)")
S_("1号楼党小组", "张建国", "#1 昨天电工换了灯泡 3单元的灯都亮了 处理好了", "resolve T1, ask 老周 (and 李大爷) to rate")
P_("1号楼居民群", "老周", "好了 谢谢 灯亮堂堂的👍", "rating: satisfied T1")
S_("1号楼党小组", "张建国", "#11 刘奶奶骨裂住院了 家属在医院陪着 这件已处理", "resolve emergency T11; ask reporter if safe")
S_("1号楼党小组", "张建国", "38号 刘奶奶家门口的快递我都帮她收了 放我家了 等她出院送过去", "resolve care T38 (帮过就是办好了)")
S_("2号楼党小组", "陈桂兰", "待办", "list T2, T5, T15, T25, T29, T35")
S_("2号楼党小组", "陈桂兰", "杨絮那个我来处理 上午叫保洁去扫 #2", "claim T2 (number at end)")
S_("2号楼党小组", "陈桂兰", "#5 杨絮着火的 昨天保安扑灭了 车棚烧的两辆车也拖走了 已处理", "resolve emergency T5")
S_("2号楼党小组", "陈桂兰", "15号工单 电表箱换好了 电工说没问题了 已解决", "resolve emergency T15")
S_("3号楼党小组", "刘志强", "待办", "list T3, T7, T17, T32, T37, T40, T45")
S_("3号楼党小组", "刘志强", "3号工单 狗在电梯里撒尿的 我去找2单元养泰迪那家谈谈", "claim T3")
S_("3号楼党小组", "刘志强", "#7 地下室积水 我们弄不了 得交物业抽水 转物业", "transfer T7 to 物业 (in own words)")
S_("物业服务中心群", "钱经理", "待办", "list property tickets (T7)")
S_("物业服务中心群", "钱经理", "7号 收到 抽水泵马上拉过去", "claim T7 by property")
S_("4号楼党小组", "孙丽", "待办", "list T4, T8, T10, T16, T18, T22, T24, T28, T36?, T43")
S_("4号楼党小组", "孙丽", "#4 入学登记带户口本、房产证或租房合同、孩子的疫苗接种证，4月中旬看教育局通知到学区小学报名", "answer inquiry T4 -> resolved, answer relayed to 陈阿姨")
P_("4号楼居民群", "陈阿姨", "知道了 谢谢孙书记", "rating: satisfied T4 (only one resolved ticket of hers)")
S_("4号楼党小组", "孙丽", "10号 煤气味那个 402的阀门关好了 燃气公司也查过了没泄漏 处理好了", "resolve emergency T10")
S_("4号楼党小组", "孙丽", "8号工单 搬家的车走东门 在保安亭登记车牌就行", "answer inquiry T8")
P_("4号楼居民群", "小马", "满意 #8", "rating: satisfied T8")
S_("5号楼党小组", "周海", "待办", "list T9, T13, T19, T21, T27, T33, T44")
S_("5号楼党小组", "周海", "#9 电梯困人的 消防把孩子救出来了 物业也检修过了 办完了", "resolve emergency T9; ask 吴大妈 if safe")
P_("5号楼居民群", "吴大妈", "安全了 孩子没事 就是吓着了", "safe: close T9")
S_("5号楼党小组", "周海", "#13 楼上洗衣机水管的事 两家已经说开了 602答应给502刷墙 处理好了", "resolve T13")
P_("5号楼居民群", "钱大哥", "楼上答应给刷墙了 事情算了了 满意", "rating: satisfied T13")
S_("5号楼党小组", "周海", "#19 去看望了刘奶奶 陪她聊了会天 买了感冒药和水果", "resolve care T19")
P_("5号楼居民群", "吴大妈", "刘奶奶说药收到了 谢谢周书记", "rating: satisfied T19 (by content; T9 already closed as safe)")
S_("6号楼党小组", "吴敏", "待办", "list T6, T14, T20, T30, T34, T42")
S_("6号楼党小组", "吴敏", "6号工单 孙大爷已经找回来了 家里说以后给他戴定位手环 已处理", "resolve emergency T6")
P_("6号楼居民群", "孙大爷的女儿", "安全了 谢谢社区", "safe: close T6")
S_("6号楼党小组", "吴敏", "树枝的我来 联系了园林队上午来拉", "claim T14 by content (several pending in group)")
S_("6号楼党小组", "吴敏", "#20 电梯的 转物业", "transfer T20 to 物业")
S_("物业服务中心群", "钱经理", "收到", "plain 收到: NOT a claim (no reply or a hint)")
S_("物业服务中心群", "钱经理", "#20 维保师傅来了 是按钮板坏了 换了新的 修好了", "resolve T20 by property")
S_("第一网格党支部群", "李网格长", "统计", "grid 1 monthly figures")
S_("4号楼党小组", "孙丽", "16号 居住证续签带身份证和租房合同到社区服务站填表 当天能办", "answer inquiry T16")
S_("4号楼党小组", "孙丽", "高龄补贴那个 #18 带老人身份证、户口本和银行卡到服务站申请 满80每月100元", "answer inquiry T18")
S_("5号楼党小组", "周海", "#21 手工课的材料社区都准备好了 不用带 4岁以上的孩子都能参加", "answer culture question T21")
S_("4号楼党小组", "孙丽", "22号 快递柜旁边翘起来的地砖 我下午叫人来补", "claim T22")
S_("4号楼党小组", "孙丽", "#22 备注 已联系施工队 下午两点来", "note on T22, no state change")
S_("第一网格党支部群", "李网格长", "#23 进度", "progress of T23 (南门 road; may belong to 社区) — answer or say who handles it")
S_("4号楼党小组", "孙丽", "#24 备注 已上门跟301沟通 他们答应这两天给狗戴止吠项圈", "note on T24")
S_("2号楼党小组", "陈桂兰", "#25 烧纸的事 楼道里贴了文明祭扫的通知 社区清明期间也安排人巡查 办完了", "resolve T25")
S_("5号楼党小组", "周海", "27号 电梯停一楼那个 转物业", "transfer T27 to 物业")
S_("物业服务中心群", "钱经理", "27号单子 5号楼2单元电梯是停电保护 复位了 已经恢复运行 搞定了", "resolve T27 (own words, number first)")
S_("4号楼党小组", "孙丽", "#28 下水道返味 这个得物业疏通 转物业", "transfer T28 to 物业")
S_("物业服务中心群", "钱经理", "#28 非职责 是住户自家地漏没水封 不是公共管道 请住户自己找家政疏通", "property marks T28 not-responsible")
S_("4号楼党小组", "孙丽", "#28 收回 我们自己上门看看", "take back T28 to 4号楼党小组")
S_("2号楼党小组", "陈桂兰", "#29 抖被子的事跟楼上说过了 他们说以后注意 处理完了", "resolve T29")
S_("6号楼党小组", "吴敏", "#30 门禁居民说已经好了 我也去试过了 已解决", "resolve T30")
P_("6号楼居民群", "周阿姨", "门禁卡好使了 满意", "rating: satisfied T30")
S_("社区党委工作群", "王书记", "待办", "community to-do (landmark tickets T12, T23, T26, T31, T39, T41 + overdue below)")
S_("社区党委工作群", "王书记", "#12 孩子在超市门口找到了 处理完毕", "resolve emergency T12")
P_("幸福里业主群", "宝妈小林", "安全了 谢谢社区", "safe: close T12")
S_("社区党委工作群", "王书记", "#26 被狗咬的孩子打了疫苗 狗主人找到了 医药费也赔了 已处理", "resolve emergency T26")
S_("社区党委工作群", "王书记", "31号工单 东门打架的两个人民警带走了 处理完毕", "resolve emergency T31")
S_("3号楼党小组", "刘志强", "#32 活动室周六上午可以借 到服务站登记一下就行", "answer culture T32")
S_("5号楼党小组", "周海", "#33 垃圾桶的事 转物业", "transfer T33 to 物业")
S_("物业服务中心群", "钱经理", "33 收到我来 今天加一班清运", "claim T33 ('33 收到我来')")
S_("6号楼党小组", "吴敏", "#34 新住户办门禁卡带身份证和租房合同到物业服务中心办 工本费20元", "answer inquiry T34")
S_("2号楼党小组", "陈桂兰", "#35 非职责 车辆损失请找保险公司或报警处理 也可以打12345咨询", "T35 not responsible, resident told where to go")
S_("第二网格党支部群", "赵网格长", "#36 广场舞音量的事 我去跟领队刘姐说", "grid claims T36 (4号楼, grid 2)")
S_("3号楼党小组", "刘志强", "#37 植树不用带铁锹 社区统一准备工具和手套", "answer culture question T37")
S_("社区党委工作群", "王书记", "#39 清明假期服务站上午9点到11点半有人值班", "answer inquiry T39")
S_("3号楼党小组", "刘志强", "40号 拖椅子那个 早上去502说了 答应椅子腿包上毡垫 办好了", "resolve T40")
P_("3号楼居民群", "王老师", "昨晚后来没再拖椅子了 谢谢", "rating: satisfied T40 (noise one, not T17/T32)")
S_("社区党委工作群", "王书记", "41号工单 南门路灯 转物业", "transfer T41 to 物业")
S_("物业服务中心群", "钱经理", "南门那两盏路灯 电工换了灯头 已经修好了 41号", "resolve T41 (number at end)")
S_("第二网格党支部群", "赵网格长", "工单 #42", "show T42 record")
S_("6号楼党小组", "吴敏", "#42 昨晚冒烟的电动车拖走了 车棚充电桩断电检查过了 处理好了", "resolve emergency T42")
S_("4号楼党小组", "孙丽", "#43 王爷爷是低血糖 已送医院 女儿在陪护 处理好了", "resolve emergency T43")
S_("5号楼党小组", "周海", "44号 喝多摔倒那个 120拉走了 家属也联系上了 已处理", "resolve emergency T44")
S_("3号楼党小组", "刘志强", "#45 广场晨练放音乐的 不是咱楼的事 转网格", "transfer T45 to 第一网格")
S_("社区党委工作群", "王书记", "45号跟36号是一回事 都是广场音响扰民 一起处理", "mark T45 duplicate of T36")
S_("3号楼党小组", "刘志强", "3号 跟2单元养泰迪那家说好了 以后抱着狗进电梯 电梯也消毒了 完成", "resolve T3 ('3号' = ticket 3)")
P_("3号楼居民群", "豆豆妈", "电梯里干净了 谢谢刘组长", "rating: satisfied T3")
S_("3号楼党小组", "刘志强", "纸箱泡沫那个 我去看看", "claim T17 by content")
S_("物业服务中心群", "钱经理", "#7 地下室的水抽干了 处理好了", "property resolves T7")
P_("3号楼居民群", "赵叔", "不满意 地下室墙根还在往外渗水 一股霉味", "not satisfied T7 -> reopened")
S_("3号楼党小组", "刘志强", "#7 收回 我们找施工队来看墙根", "take back T7 from 物业 to 3号楼党小组")
S_("3号楼党小组", "刘志强", "纸箱泡沫都让收废品的拉走了 楼道清完了", "resolve T17 without number (own ticket matching 纸箱)")
S_("6号楼党小组", "吴敏", "树枝都拉走了 路也扫干净了 搞定了", "resolve T14 without number")
P_("6号楼居民群", "老孙", "树枝子拉走了 路通了 👍", "rating: satisfied T14")
P_("6号楼居民群", "小郑", "不满意 电梯今天又不动了 还得爬楼", "not satisfied T20 (elevator, not T14/T34/T42) -> reopened")
S_("6号楼党小组", "吴敏", "#20 收回 物业修了两次都不行 我们找电梯公司", "take back T20")
S_("2号楼党小组", "陈桂兰", "#2 保洁把杨絮都扫了 还洒了水 处理好了", "resolve T2")
P_("2号楼居民群", "王姐", "扫干净了 这回像个样子", "rating: satisfied T2")
S_("4号楼党小组", "孙丽", "#24 地砖补好了 已处理", "resolve T24 (wrong number, meant T22)")
S_("4号楼党小组", "孙丽", "写错了 刚才那个不是24 是22", "move resolution to T22, T24 back to in progress, both residents told")
S_("第一网格党支部群", "李网格长", "#E2", "event detail + sign-up list (张阿姨, 李大爷)")
S_("第一网格党支部群", "李网格长", "改期 #E2 4月17日8:30 周六有大风预警", "reschedule N02 to 4-17 08:30; 3号楼居民群 notified")
P_("3号楼居民群", "李大爷", "改到17号啊 那天我要去闺女家 去不了了", "cancel 李大爷's sign-up for N02")
S_("社区党委工作群", "王书记", "理发义诊那个报名的有几个人了", "sign-up list of N01 (张阿姨x2, 李大爷, 老孙, 周阿姨)")
P_("1号楼居民群", "小吴", "不是同一件事 我说的是帮刘奶奶收快递 不是她摔跤那个", "if R80 was merged into T11: split; else: say there is no merged ticket (T38 exists and is done)")
P_("5号楼居民群", "小林", "不是同一件事 我说的是电梯坏了停一楼 里面没人", "if R61 was merged into T9: split; else: say T27 is her own ticket")
P_("幸福里业主群", "家长王先生", "南门那段路啥时候修啊 孩子天天踩水坑", "follow-up / progress on T23, no new ticket")
S_("社区党委工作群", "王书记", "#23 南门的路 我们弄不了 转物业", "transfer T23 to 物业")
S_("物业服务中心群", "钱经理", "#23 备注 南门外那段是市政道路 已经打12345报了", "note on T23")
S_("社区党委工作群", "刘值班", "大家清明辛苦了 晚上值班我在 有事打我电话", "staff chatter: no reply")
S_("第二网格党支部群", "赵网格长", "统计", "grid 2 figures")
# staff night
Q_("3号楼居民群", "王老师", "楼上又开始拖椅子了 说好的毡垫呢 这都十点多了", "recurrence of T40 at night (non-emergency): note/reopen quietly, no staff group ping until morning", at="2027-04-06 22:10")
S_("6号楼党小组", "吴敏", "#20 备注 电梯公司明早8点来换主板", "note on T20 (reply to the staff member only)", at="2027-04-06 22:40")
Q_("2号楼居民群", "小何", "1单元电表箱那儿又在冒火花 啪啪直响 楼道灯一闪一闪的", "NEW EMERGENCY (T46) at night: page duty staff, safety tips", at="2027-04-06 23:20")
S_("2号楼党小组", "陈桂兰", "收到 我马上下楼看看电表箱", "claim T46 by content", at="2027-04-06 23:30")
S_("社区党委工作群", "刘值班", "待办", "community to-do incl. T46", at="2027-04-06 23:50")
S_("2号楼党小组", "陈桂兰", "电工来了把总闸拉了 明天换电表箱 人都没事 处理好了", "resolve own T46 without number", at="2027-04-07 00:20")
Q_("2号楼居民群", "小何", "安全了 谢谢陈姐", "safe: close T46", at="2027-04-07 00:30")
Q_("幸福里业主群", "夜猫子", "出二手婴儿车 九成新 要的私聊", "advert: no reply", at="2027-04-07 01:00")
Q_("4号楼居民群", "小宋", "那狗又叫上了 凌晨两点 👿", "follow-up T24 at night: quiet", at="2027-04-07 02:00")
Q_("1号楼居民群", "李大爷", "早上好 今天天气不错 出去遛弯了🌸", "chatter: no reply", at="2027-04-07 05:30")
Q_("5号楼居民群", "吴大妈", "5号楼2单元电梯门关的时候夹了我胳膊一下 不回弹 吓我一跳", "maintenance/电梯 T47 (non-emergency), night-registered", at="2027-04-07 06:10")
S_("社区党委工作群", "刘值班", "统计", "community figures (staff asked, reply OK)", at="2027-04-07 06:50")
S_("社区党委工作群", "王书记", "待办", "morning to-do", at="2027-04-07 07:05")

lines = ["# Staff day 2027-04-06 (same database as resident day)", "@clock 2027-04-06 07:30"]
first = True
t = dt.datetime(2027, 4, 6, 7, 30)
for e in S:
    if e["at"]:
        lines.append(f"@clock {e['at']}")
        t = dt.datetime.strptime(e["at"], "%Y-%m-%d %H:%M")
    elif not first:
        lines.append("@clock +5m")
        t += dt.timedelta(minutes=5)
    first = False
    e["time"] = t.strftime("%m-%d %H:%M")
    lines.append(f"# {e['id']}")
    lines.append(f"{e['g']} | {e['w']} | {e['t']}")
open(OUT + "staff.txt", "w").write("\n".join(lines) + "\n")

L = ["# Labels — staff day (written before running)", "",
     "Ticket numbers refer to the predicted numbering in labels.md (T1…T45; T46/T47 are new tickets of the staff night).",
     "S = staff line, P = resident reply (rating/safe/not-same/follow-up), Q = resident message in the staff night.", "",
     "| id | time | group | speaker | message | should do |", "|---|---|---|---|---|---|"]
for e in S:
    L.append("| {id} | {time} | {g} | {w} | {t} | {exp} |".format(**{k: (v.replace('|', '/') if isinstance(v, str) else v) for k, v in e.items()}))
ns = sum(1 for e in S if e["id"].startswith("S"))
np_ = sum(1 for e in S if e["id"].startswith("P"))
nq = sum(1 for e in S if e["id"].startswith("Q"))
L += ["", f"Staff lines: {ns}; resident replies: {np_}; resident messages in the staff night: {nq} (1 emergency: Q02)."]
open(OUT + "labels_staff.md", "w").write("\n".join(L) + "\n")
print("staff", ns, "P", np_, "Q", nq, "last day", [e['time'] for e in S if not e['at']][-1])
