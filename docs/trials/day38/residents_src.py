# Residents' two days in 幸福里社区, Sat 2026-10-24 07:30 -> Sun 2026-10-25 09:40
# row: (id, clock, group, sender, text, kind, category, building, unit, room, page, note)
# kind: chatter / request / emergency / followup / allclear / clue / signup / cancel / notice
# category: TAXONOMY label of the message itself; page: True when duty must be paged
G1,G2,G3,G4,G5,G6,GO="1号楼居民群","2号楼居民群","3号楼居民群","4号楼居民群","5号楼居民群","6号楼居民群","幸福里业主群"
W="社区党委工作群"
N=None
ROWS = [
("R001","10-24 07:30",G3,"王阿姨","早上好各位邻居🌞 今天降温了 大家多穿点 别冻着","chatter","none",N,N,N,False,""),
("R002","10-24 07:40",G3,"老李头","降温了降温了 家里暖气片冰凉冰凉的 今年啥时候开始供暖啊","request","inquiry","3",N,N,False,"question about heating start, nothing broken"),
("R003","10-24 07:50",G5,"小陈妈妈","5号楼2单元一楼大厅全是快递箱子 双十一还没到就堆成山了 轮椅婴儿车都过不去","request","dispute","5","2",N,False,"clutter in corridor"),
("R004","10-24 08:00",GO,"快递驿站小王","【转发】丰巢柜今天起超时收费啦‼️扫码领取免费取件券👉 http://t.cn/xx 转发三个群即可领取","chatter","none",N,N,N,False,"advert/spam"),
("R005","10-24 08:10",G2,"赵奶奶","我家老头子昨晚一直喊冷 家里就我们老两口 空调也不会开 有没有人能来帮着看看 2单元301","request","care","2","2","301",False,"elderly couple need help"),
("R006","10-24 08:20",G4,"刘先生","楼上又漏水了 卫生间天花板滴答滴答的 上去敲门也没人开 4栋1单元602","request","dispute","4","1","602",False,"neighbour upstairs leak, no answer"),
("R007","10-24 08:30",G4,"孙姐","这个天漏水可真烦人 我家去年也是","chatter","none",N,N,N,False,""),
("R008","10-24 08:40",G6,"退休老周","六号楼的电体又停了 停在十二楼不动 按了半天没反应","request","maintenance","6",N,N,False,"homophone 电体; nobody trapped"),
("R009","10-24 08:50",G6,"小吴","对 我刚才也是从十二楼走下来的 电梯显示屏都黑了","followup","maintenance","6",N,N,False,"same lift as R008 -> join R008"),
("R010","10-24 09:00",G1,"李大爷","请问重阳节社区有没有给老年人的活动啊 我们老两口想参加","request","culture","1",N,N,False,"asking to join activity"),
("R011","10-24 09:10",W,"王书记","通知 10月25日15:00 重阳节敬老包饺子 地点:社区活动室 对象:1号楼居民群、2号楼居民群 名额:20","notice","none",N,N,N,False,"staff event notice E(jiaozi), two target groups"),
("R012","10-24 09:20",G1,"李大爷","+1 我和老伴两个人","signup","none",N,N,N,False,"sign up jiaozi x2"),
("R013","10-24 09:30",G3,"小刘","3单元楼道里一股煤气味 好像是502家传出来的 敲门没人应","emergency","emergency","3","3","502",True,"gas smell"),
("R014","10-24 09:35",G3,"王阿姨","我也闻到了 在四楼都闻得到 是不是该打燃气公司电话","followup","emergency","3","3",N,False,"same gas smell -> join R013, no second page"),
("R015","10-24 09:45",G1,"张桂芬","接龙 重阳包饺子\\n1. 张桂芬\\n2. 刘淑珍\\n3. 马大爷","signup","none",N,N,N,False,"jielong 3 names jiaozi"),
("R016","10-24 09:55",G3,"小刘","燃气公司的师傅来了 是502家热水器接口松了 阀门已经关了 没事了 谢谢大家","allclear","none",N,N,N,False,"all-clear for R013"),
("R017","10-24 10:05",G2,"赵奶奶","包饺子那个算我一个","signup","none",N,N,N,False,"sign up jiaozi"),
("R018","10-24 10:15",G2,"钱阿姨","请问包饺子要自己带面和馅吗 我想带我家小孙子去可以吗","request","culture","2",N,N,False,"question about the event (culture) - may also be a sign-up question"),
("R019","10-24 10:25",GO,"热心肠老马","今天永辉超市鸡蛋打折 4块9一斤 限量 快去快去","chatter","none",N,N,N,False,"news/advert"),
("R020","10-24 10:35",G1,"小马","1号楼门口的快递柜屏幕坏了 取件码输进去没反应 一堆人在那干等","request","maintenance","1",N,N,False,"parcel locker broken"),
("R021","10-24 10:45",G2,"小赵","2单元下水道堵了 一楼厨房往外返水 臭死了","request","maintenance","2","2",N,False,""),
("R022","10-24 10:55",G5,"陈大姐","五号楼门口电动车棚冒黑烟了 好像是有车充电烧起来了 火苗窜得老高","emergency","emergency","5",N,N,True,"e-bike fire"),
("R023","10-24 11:00",GO,"阿强","5号楼车棚那边怎么那么大烟 消防车叫了没有","followup","emergency","5",N,N,False,"same fire, other group -> join R022, no second page"),
("R024","10-24 11:20",G5,"陈大姐","火灭了 保安拿灭火器扑灭的 就烧了一辆车 人都没事 虚惊一场","allclear","none",N,N,N,False,"all-clear R022"),
("R025","10-24 11:30",G3,"老李头","那个什么我跟你说啊就是我们家那个楼道里面的那个灯啊它就是一闪一闪的好几天了你们谁给物业说一下嘛二单元的","request","maintenance","3","2",N,False,"voice run-on lamp"),
("R026","10-24 11:40",G6,"阿芳","又是谁家的狗在电梯里拉屎了 一进去差点踩上 能不能管管","request","dispute","6",N,N,False,"pet droppings"),
("R027","10-24 11:50",G4,"孙姐","👍👍","chatter","none",N,N,N,False,""),
("R028","10-24 12:00",G6,"小吴","谢谢物业师傅 电梯修好了 能坐了👍","allclear","none",N,N,N,False,"all-clear news for R008 (lift), resident not reporter"),
("R029","10-24 12:30",G2,"小赵","2号楼3单元电梯卡在7楼和8楼中间了 里面有个老太太带着小孩 在里面拍门哭","emergency","emergency","2","3",N,True,"trapped in lift"),
("R030","10-24 12:50",G2,"小赵","出来了出来了 物业师傅把门打开了 老太太吓坏了但是没受伤","allclear","none",N,N,N,False,"all-clear R029"),
("R031","10-24 13:00",G3,"张阿姨","我家的猫丢了 橘色的 胖胖的 昨天窗户被风吹开跑出去了 有看到的告诉我一声 3单元","chatter","none",N,N,N,False,"lost pet appeal to neighbours (accept care/none)"),
("R032","10-24 13:10",G1,"马大爷","我腰疼去不了了 把我名字划掉吧","cancel","none",N,N,N,False,"cancel jiaozi (was on R015 jielong)"),
("R033","10-24 13:20",G4,"刘先生","还在滴 桶都接满一个了 楼上到底有没有人啊","followup","dispute","4","1","602",False,"follow-up R006 -> join"),
("R034","10-24 13:30",GO,"快递驿站小王","专业疏通下水道 开锁换锁 上门安装 电话138****6677 随叫随到","chatter","none",N,N,N,False,"advert"),
("R035","10-24 13:40",G3,"老李头","楼上阳台的花盆被风吹下来了 砸在我家雨棚上 咣的一声 幸好没砸到人 楼上七楼的也不收一收","request","dispute","3",N,N,False,"falling from balcony (caused by neighbour), already fallen"),
("R036","10-24 14:00",G6,"阿芳","楼下花坛旁边有人在烧落叶 烟都飘进我家了 火苗挺大的 旁边停着好几辆电动车","emergency","emergency","6",N,N,True,"open burning next to e-bikes"),
("R037","10-24 14:20",G6,"阿芳","保安过去把火踩灭了 是保洁大爷烧的 没事了","allclear","none",N,N,N,False,"all-clear R036"),
("R038","10-24 14:30",G2,"钱阿姨","哈哈哈 我家孙子说饺子他要包小兔子的","chatter","none",N,N,N,False,""),
("R039","10-24 14:40",G5,"小陈妈妈","我家孩子流感发烧了 大人下午都要上班 有没有人能帮着看一下午 5号楼1单元","request","care","5","1",N,False,"child without care"),
("R040","10-24 15:00",GO,"杨老师","社区卫生站的流感疫苗还有吗 六十岁以上老人打是免费的吗","request","inquiry",N,N,N,False,""),
("R041","10-24 15:30",G4,"孙姐","大风把4号楼2单元901的窗户吹开了 有块玻璃掉下来砸在楼下 另一扇还在晃 快掉了 楼下有小孩在玩","emergency","emergency","4","2","901",True,"falling glass now"),
("R042","10-24 15:40",G4,"刘先生","我下去把小孩都叫开了 楼下拉了警戒线 901家里没人","followup","emergency","4","2","901",False,"follow-up R041 -> join, no re-page"),
("R043","10-24 16:00",G4,"孙姐","901家里人回来了 把窗户关上了 玻璃渣也扫了 没事了","allclear","none",N,N,N,False,"all-clear R041"),
("R044","10-24 16:30",GO,"张大妈","我家老爷子下午三点出门买菜到现在没回来 他有点糊涂 穿灰色夹克 戴蓝帽子 电话也不接 我们住3号楼1单元","emergency","emergency","3","1",N,True,"missing elderly"),
("R045","10-24 16:40",G1,"老杨","刚才在东门超市门口看见一个戴蓝帽子的老爷子 在那转来转去的 不知道是不是","clue","emergency",N,N,N,False,"clue for R044 -> forward to finder's group"),
("R046","10-24 17:10",GO,"张大妈","找到了找到了 在菜市场门口台阶上坐着呢 谢谢大家帮忙找","allclear","none",N,N,N,False,"all-clear R044"),
("R047","10-24 17:30",G4,"孙奶奶家邻居","4号楼3单元101的孙奶奶一个人住 好几天没见她下楼倒垃圾了 天这么冷 谁能去看看她","request","care","4","3","101",False,"not seen for days -> care"),
("R048","10-24 17:40",G2,"小赵","楼下广场舞的音响开得震天响 孩子写作业一个字都写不进去","request","dispute","2",N,N,False,"noise"),
("R049","10-24 17:50",G1,"张桂芬","收到","chatter","none",N,N,N,False,""),
("R050","10-24 18:00",G5,"老郑","谁的白色大众堵在5号楼门口消防通道上 打挪车电话也不接 我车出不去了","request","dispute","5",N,N,False,"parking block"),
("R051","10-24 18:10",G6,"退休老周","小区里的落叶好几天没人扫了 都堆在路边 一刮风满天飞","request","maintenance","6",N,N,False,"leaves not swept"),
("R052","10-24 18:30",G1,"小马","1号楼2单元楼梯口有个老人摔倒了 头在流血 叫他也不太应","emergency","emergency","1","2",N,True,"injured collapsed"),
("R053","10-24 18:35",G1,"小马","120已经打了 我们先没敢挪他 有没有懂急救的","followup","emergency","1","2",N,False,"follow-up R052 -> join"),
("R054","10-24 18:55",G1,"小马","救护车把人拉走了 是6楼的刘爷爷 家属跟着去了","allclear","none",N,N,N,False,"all-clear R052"),
("R055","10-24 19:10",G3,"张阿姨","侬好 阿拉屋里厢格水龙头关勿牢 一直滴 嗲人来修修伐 3单元402","request","maintenance","3","3","402",False,"Shanghainese"),
("R056","10-24 19:20",GO,"阿强","双十一有没有一起拼满减的 差两百","chatter","none",N,N,N,False,""),
("R057","10-24 19:30",G4,"刘先生","孙奶奶家我刚去敲了门 她说她挺好的 就是腿疼懒得下楼 大家放心","allclear","none",N,N,N,False,"news on R047 (care) - not reporter; note, don't close"),
("R058","10-24 19:40",W,"王书记","通知 10月31日9:00 秋季落叶清扫志愿服务 地点:小区中心花园 对象:幸福里业主群 名额:10","notice","none",N,N,N,False,"staff event notice E(leaves)"),
("R059","10-24 19:50",GO,"热心肠老马","+1","signup","none",N,N,N,False,"sign up leaves"),
("R060","10-24 20:00",GO,"杨老师","扫落叶那个我报一个 带我儿子一起 他要志愿时长","signup","none",N,N,N,False,"sign up leaves x2"),
("R061","10-24 20:10",G1,"李大爷","老伴说她不去了 就我一个","cancel","none",N,N,N,False,"partial cancel jiaozi (R012 x2 -> x1)"),
("R062","10-24 20:20",G2,"小赵","你家孩子天天晚上在楼道里拍球 咚咚咚的 我说了多少次了 楼下老人心脏不好","request","dispute","2",N,N,False,"noise quarrel"),
("R063","10-24 20:30",G2,"钱阿姨","小孩子拍个球怎么了 你家装修的时候吵了三个月我说什么了吗","chatter","none",N,N,N,False,"quarrel reply (part of R062 dispute; no new ticket)"),
("R064","10-24 20:40",G4,"孙姐","谁家把快递纸箱堆在消防通道 我都说三次了 再不搬我就当垃圾扔了 4号楼2单元","request","dispute","4","2",N,False,"clutter"),
("R065","10-24 21:00",G4,"小宋","你扔一个试试 那是我刚签收的还没拆 你凭什么动我东西","chatter","none",N,N,N,False,"quarrel reply (part of R064)"),
("R066","10-24 21:30",G1,"杨老师","我爸瘫痪在床 天冷了想给他申请社区上门送餐 有这个服务吗 1号楼3单元201","request","care","1","3","201",False,"meal delivery for disabled father"),
# ---- night block ----
("R067","10-24 22:40",G3,"王阿姨","隔壁301的老太太一个人住 刚才听见咚的一声 然后一直在里面喊人 敲门也不开","emergency","emergency","3",N,"301",True,"fall, alone"),
("R068","10-24 22:50",G3,"王阿姨","我打电话叫了她儿子 说十分钟到 里面还在哼哼","followup","emergency","3",N,"301",False,"follow-up R067"),
("R069","10-24 23:00",G1,"李大爷","楼上又在剁馅 咚咚咚的 这么晚了还让不让人睡了","request","dispute","1",N,N,False,"night noise - non-urgent at night"),
("R070","10-24 23:20",G3,"王阿姨","她儿子来开门了 老太太在卫生间滑倒了 扶起来了 送医院拍个片子 虚惊一场","allclear","none",N,N,N,False,"all-clear R067"),
("R071","10-24 23:35",G5,"小陈妈妈","5号楼2单元102老两口关着门窗烧炭盆取暖 我路过闻到一股怪味 敲了半天门才有人应 说话迷迷糊糊的","emergency","emergency","5","2","102",True,"charcoal CO"),
("R072","10-24 23:50",GO,"热心肠老马","大家晚安 明天还要降温 被子盖厚点","chatter","none",N,N,N,False,""),
("R073","10-25 00:05",G5,"小陈妈妈","门窗都打开了 120来了 老两口抬上车了 人是醒着的","allclear","none",N,N,N,False,"all-clear R071 (moved to hospital)"),
("R074","10-25 00:15",G6,"小吴","六号楼一单元一楼配电箱在噼里啪啦冒火花 一股焦糊味 整个单元都停电了","emergency","emergency","6","1",N,True,"sparks"),
("R075","10-25 00:20",G6,"退休老周","我家也停电了 黑乎乎的 楼道里焦味挺重","followup","emergency","6",N,N,False,"same sparks -> join R074"),
("R076","10-25 00:30",G3,"小刘","3号楼的声控灯又不亮了 摸黑上楼差点摔一跤","request","maintenance","3",N,N,False,"night non-urgent; only '夜间已登记'"),
("R077","10-25 00:40",G4,"刘先生","4号楼门口两个喝醉的在打架 一个拿着酒瓶子 已经见血了","emergency","emergency","4",N,N,True,"fight"),
("R078","10-25 00:55",G6,"小吴","电工来了 把总闸拉了 不冒火花了 明天再修","allclear","none",N,N,N,False,"all-clear R074"),
("R079","10-25 01:00",G6,"阿芳","半夜风好大 阳台上的花盆被吹得直晃 我都收进来了 大家也收一下","chatter","none",N,N,N,False,"warning to neighbours, not a request"),
("R080","10-25 01:05",G4,"刘先生","警察来了 两个人都带走了 地上还有血和碎玻璃","allclear","none",N,N,N,False,"all-clear R077"),
("R081","10-25 01:10",G2,"小赵","我家燃气热水器好像漏气 我老婆洗澡晕在浴室里了 我把她拖出来了 叫不醒 2号楼1单元402","emergency","emergency","2","1","402",True,"CO/gas collapse"),
("R082","10-25 01:25",G2,"小赵","救护车来了 人醒了 吸着氧呢 谢谢刚才打电话的邻居","allclear","none",N,N,N,False,"all-clear R081"),
# ---- Sunday morning ----
("R083","10-25 07:10",GO,"阿强","【紧急扩散】明天开始全市天然气停供三天 大家赶紧储水储气！！转给家里老人","chatter","none",N,N,N,False,"rumour"),
("R084","10-25 07:20",GO,"退休老周","假的吧 上次也这么传 别转了","chatter","none",N,N,N,False,""),
("R085","10-25 07:30",G5,"老郑","昨晚那个烧炭的老两口怎么样了 有人知道吗","chatter","none",N,N,N,False,"asks news; no new ticket"),
("R086","10-25 07:40",G2,"钱阿姨","请问老年证在哪里办 要带什么材料 我妈刚满六十","request","inquiry","2",N,N,False,""),
("R087","10-25 07:50",G6,"阿芳","我想问一下 居住证到期了 续签是去派出所还是来社区","request","inquiry","6",N,N,False,""),
("R088","10-25 08:00",G3,"老李头","楼顶的落叶把下水口堵死了 昨晚一下雨 水漫到顶楼走廊了 3号楼1单元","request","maintenance","3","1",N,False,"roof drain"),
("R089","10-25 08:10",G4,"刘先生","4号楼3单元门禁坏了 刷卡不开 老人买菜回来进不去","request","maintenance","4","3",N,False,""),
("R090","10-25 08:15",G5,"小陈妈妈","5号楼1单元701 暖气管道在滴水 还没供暖呢就开始漏了","request","maintenance","5","1","701",False,""),
("R091","10-25 08:20",GO,"杨老师","小区东门的路灯又不亮了 晚上遛弯黑漆漆的","request","maintenance",N,N,N,False,"landmark, no building"),
("R092","10-25 08:25",G4,"刘先生","602楼上还在滴 物业说要找到业主才行 到底谁来管","followup","dispute","4","1","602",False,"follow-up R006 -> join"),
("R093","10-25 08:30",G1,"小马","早","chatter","none",N,N,N,False,""),
("R094","10-25 08:35",G2,"赵奶奶","我家老头子今天好多了 谢谢小区里的好心人来帮着调了空调 热乎了","allclear","none",N,N,N,False,"news on R005 (reporter) -> satisfaction/close-ish"),
("R095","10-25 08:40",G6,"小吴","我哋嗰度啲垃圾成日冇人收 臭到死 6号楼后面个垃圾桶","request","maintenance","6",N,N,False,"Cantonese rubbish"),
("R096","10-25 08:45",GO,"热心肠老马","扫落叶那个算了 我31号要去喝喜酒 取消报名","cancel","none",N,N,N,False,"cancel leaves"),
("R097","10-25 08:50",G1,"老杨","我也报名包饺子 下午几点开始来着","signup","none",N,N,N,False,"sign up jiaozi + question"),
("R098","10-25 08:55",G3,"张阿姨","猫找到了！在地下车库躲着呢 谢谢邻居们😊","chatter","none",N,N,N,False,"lost pet found"),
("R099","10-25 09:00",G5,"小陈妈妈","1单元电梯里贴满了双十一快递广告 还有人把快递盒扔在电梯里不拿走","request","dispute","5","1",N,False,"clutter in lift"),
("R100","10-25 09:10",G3,"老李头","二单元那个灯还是一闪一闪的 有人管没有","followup","maintenance","3","2",N,False,"follow-up R025 -> join"),
("R101","10-25 09:20",G6,"退休老周","电梯又坏了 今天早上又停在十二楼 昨天刚修的","request","maintenance","6",N,N,False,"lift again (R008 closed by news?) -> new or join"),
("R102","10-25 09:30",G2,"钱阿姨","我报名包饺子 带上我孙子 我们俩","signup","none",N,N,N,False,"sign up jiaozi x2"),
("R103","10-25 09:40",G1,"张桂芬","谢谢社区 王书记辛苦了🙏","chatter","none",N,N,N,False,""),
]

if __name__ == "__main__":
    import datetime
    out = []
    prev = None
    for r in ROWS:
        t = datetime.datetime.strptime("2026-" + r[1], "%Y-%m-%d %H:%M")
        if prev is None:
            out.append("@clock " + t.strftime("%Y-%m-%d %H:%M"))
        else:
            d = int((t - prev).total_seconds() // 60)
            if d > 0:
                out.append(f"@clock +{d}m")
        prev = t
        out.append(f"# {r[0]}")
        out.append(f"{r[2]} | {r[3]} | {r[4]}")
    open("residents.txt", "w").write("\n".join(out) + "\n")
    import collections
    print(len(ROWS), collections.Counter(r[5] for r in ROWS), collections.Counter(r[6] for r in ROWS))
