# generates residents.txt and labels.md from one table (written before any run)
# fields: id, group, speaker, message, kind(request/chatter/followup/notice), cat/sub, place(b,u,r), emergency, follows
R = [
("N01","社区党委工作群","王书记","通知 5月3日09:00 荷花池清理志愿服务 地点:小区荷花池边 对象:幸福里业主群 名额:8 时长:2小时","notice","-","-","no","-"),
("N02","第一网格党支部群","李网格长","通知 5月4日14:30 便民服务集市 免费理发量血压磨剪刀 地点:社区文化广场 对象:1号楼居民群、2号楼居民群、3号楼居民群","notice","-","-","no","-"),
("N03","第二网格党支部群","赵网格长","通知 5月5日09:30 敬老院慰问志愿服务 地点:阳光敬老院 对象:4号楼居民群；5号楼居民群 名额:6","notice","-","-","no","-"),
("R01","1号楼居民群","老周","早上好🌞 五一快乐各位邻居","chatter","none","-","no","-"),
("R02","5号楼居民群","孙阿姨","2单元电梯怎么又不动了 按了半天没反应 我买菜提着东西爬到9楼 腿都软了","request","maintenance/电梯","5,2,null","no","-"),
("R03","幸福里业主群","钱多多","【五一特惠】家电清洗 空调油烟机一口价99 上门服务 需要的加微信 hx8899 👉👉","chatter (advert)","none","-","no","-"),
("R04","5号楼居民群","小马","二单元电体是不是坏了 显示屏黑的 我妈腿不好下不了楼 啥时候能修好啊","request (same problem as R02, other words)","maintenance/电梯","5,2,null","no","same as R02 (duplicate → should join R02)"),
("R05","幸福里业主群","刘大妈","池塘清理的算我一个 我早上反正要去遛弯","sign-up","culture (sign-up N01 荷花池清理)","-","no","N01"),
("R06","3号楼居民群","胡师傅","我们3号楼2单元楼道里蚊子太多了 地下室那边积水好几天了 发臭 晚上咬得孩子一身包","request","maintenance/积水、蚊虫","3,2,null","no","-"),
("R07","2号楼居民群","陈姐","转发：紧急通知！！明天起全市停水三天 请大家赶紧储水 转发给亲朋好友","chatter (forwarded rumour)","none","-","no","-"),
("R08","2号楼居民群","小丁","这是谣言吧 自来水公司公众号没发啊 别乱转","chatter","none","-","no","(reply to R07)"),
("R09","4号楼居民群","何老师","请问五一放假期间社区服务站开门吗 我要开个居住证明 给孩子办入学用的","request","inquiry/办事时间、证明","4,null,null","no","-"),
("R10","3号楼居民群","胡师傅","补充一下 积水就在2单元地下室楼梯口那 一脚踩下去没过鞋面","follow-up (more details)","maintenance","3,2,null","no","R06"),
("R11","1号楼居民群","李大爷","我们1号楼门口快递堆成山了 都堆到消防通道上了 进出都要侧着身子 快递员也不管","request","dispute/堆物占道 (maintenance acceptable)","1,null,null","no","-"),
("R12","6号楼居民群","吴姐","楼下今天办喜事 恭喜恭喜🎉🎉","chatter","none","-","no","-"),
("R13","6号楼居民群","郑先生","婚车那边放鞭炮 把6号楼门口的垃圾桶点着了 黑烟冒得老高 旁边就是电动车棚","request","emergency/着火","6,null,null","YES","-"),
("R14","2号楼居民群","王奶奶","便民集市理发的我报个名 我跟老伴两个人","sign-up","culture (sign-up N02, 2 persons)","-","no","N02"),
("R15","5号楼居民群","孙阿姨","电梯还是不动 也没人来看看 贴个通知也好啊","follow-up (还没人来)","maintenance","5,2","no","R02"),
("R16","4号楼居民群","冯女士","我们家楼上天天早上六点就开始剁肉 咚咚咚的 放假都睡不了个懒觉 4栋2单元 我家301","request","dispute/噪音","4,2,301","no","-"),
("R17","6号楼居民群","郑先生","火扑灭了 几个保安拿灭火器喷的 垃圾桶烧化了一个","follow-up (all-clear)","none (news: over)","6","no","R13"),
("R18","幸福里业主群","小林","谁家的橘猫 胖胖的 戴个红项圈 在3号楼车库那蹲了一早上了","chatter (found pet)","none","-","no","-"),
("R19","3号楼居民群","黄阿姨","是阿拉屋里厢咪咪！！谢谢谢谢 我马上下去","chatter (thanks, dialect)","none","-","no","(reply to R18)"),
("R20","1号楼居民群","小宋","1号楼门口有个小男孩骑滑板车从坡上冲下来 撞石墩上了 额头一直流血 在那哭 家长不知道在哪","request","emergency/受伤","1,null,null","YES","-"),
("R21","2号楼居民群","赵老师","请问办老年优待证需要带什么材料 在哪办啊 我爸刚满60","request","inquiry/证件","2? (no place named; group 2)","no","-"),
("R22","4号楼居民群","何老师","还有就是孩子上小学报名 户口不在这边的话要什么材料","request","inquiry/入学","-","no","(same person as R09, new question)"),
("R23","5号楼居民群","孙阿姨","楼下贴通知了 说是电梯年检 要停到下午三点 早说嘛","chatter (news about R02)","none","-","no","R02 (news, not solved yet)"),
("R24","3号楼居民群","刘先生","三号楼一单元有人在阳台上烧烤 烟全往我家窗户里灌 衣服都晾不了 说了也不听","request","dispute/烧烤油烟","3,1,null","no","-"),
("R25","3号楼居民群","马女士","楼上谁家在烤串 一股炭火味 呛得我家老人直咳嗽 一单元的 能不能管管","request (same problem as R24)","dispute/烧烤油烟","3,1,null","no","same as R24 (should join)"),
("R26","幸福里业主群","大刘","你家那辆白色SUV天天横在我车位前面 说了多少次了 有本事别停","request (quarrel)","dispute/停车","-","no","-"),
("R27","幸福里业主群","小白","你说谁呢 车位画线就那么窄 你自己停歪了还怪别人😡","chatter (quarrel reply)","none (part of R26 quarrel; no new ticket)","-","no","R26"),
("R28","1号楼居民群","小宋","孩子家长来了 已经带去社区医院包扎了 没大事","follow-up (all-clear)","none (news: over)","1","no","R20"),
("R29","2号楼居民群","周先生","我在云南旅游 我妈一个人住2号楼1单元301 从早上打电话到现在都不接 家里监控看到她躺在厨房地上不动 谁能帮忙去敲下门","request","emergency/老人倒地","2,1,301","YES","-"),
("R30","6号楼居民群","吴姐","6号楼1单元502 我家卫生间天花板在滴水 楼上602装修 敲门没人应","request","dispute/楼上漏水","6,1,502","no","-"),
("R31","4号楼居民群","冯女士","上午说的那个剁肉的 现在又开始了 中午也不消停","follow-up","dispute","4,2,301","no","R16"),
("R32","5号楼居民群","蒋大爷","我们老两口都去敬老院那个","sign-up","culture (sign-up N03, 2 persons)","-","no","N03"),
("R33","2号楼居民群","邻居小何","我去了301 门从里面反锁 已经打了120 救护车在路上","follow-up (update)","emergency update","2,1,301","(same emergency)","R29"),
("R34","3号楼居民群","何大姐","3号楼2单元的楼到灯不亮好几天了 晚上上楼黑乎乎的","request (looks like R06: same unit, different problem)","maintenance/照明","3,2,null","no","- (NOT R06)"),
("R35","6号楼居民群","林阿婆","6号楼楼顶的水箱漏水 顺着外墙一直往下流 1单元那面墙都湿了","request (looks like R30, different problem)","maintenance/漏水(公共)","6,1,null","no","- (NOT R30)"),
("R36","幸福里业主群","转发侠","【转发】据说小区要拆迁了 每平补偿三万 消息可靠 大家先别装修","chatter (rumour)","none","-","no","-"),
("R37","4号楼居民群","何老师","谢谢 服务站的电话我查到了","chatter (thanks)","none","-","no","R09"),
("R38","1号楼居民群","李大爷","快递的事还没人管 现在连单元门都堵上了 老人轮椅推不出去","follow-up (还没人来)","dispute","1","no","R11"),
("R39","2号楼居民群","邻居小何","救护车把老太太拉走了 人是清醒的 说是中暑加低血糖","follow-up (all-clear)","none (news: over)","2,1,301","no","R29"),
("R40","5号楼居民群","小马","电梯还是没好 都两点了 不是说三点吗 算了再等等","follow-up","maintenance","5,2","no","R04/R02"),
("R41","3号楼居民群","黄阿姨","我家在3号楼1单元6楼 楼下烧烤的烟子还在往上冒 窗子都不敢开 硬是遭不住","request (same problem as R24, dialect)","dispute/烧烤油烟","3,1,null","no","same as R24"),
("R42","4号楼居民群","韩叔","4号楼3单元楼道里一股煤气味 越来越冲 402好像没人在家 敲门不应","request","emergency/煤气味","4,3,402(?)","YES","-"),
("R43","4号楼居民群","郭姐","四栋三单元这边天然气味好大 我在五楼都闻到了 是不是哪家漏气了","request (same emergency)","emergency/煤气味","4,3,null","YES","same as R42 (should join)"),
("R44","1号楼居民群","秦奶奶","我一个人住啊儿子一家出去旅游了家里米吃完了我腿脚不好下不了楼能不能有人帮我带袋米上来1号楼3单元201","request (voice run-on)","care/独居老人","1,3,201","no","-"),
("R45","5号楼居民群","蒋大爷","我老伴说她不去了 就我一个","sign-up change","culture (N03: one of 2 places freed)","-","no","R32"),
("R46","幸福里业主群","小林","小区池塘边的护栏断了一截 小孩子在那边玩很危险 能不能修一下","request","maintenance/护栏","null (landmark)","no","-"),
("R47","4号楼居民群","韩叔","燃气公司来人了 是402灶台上的阀门没关严 窗户打开散了 味道淡了","follow-up (all-clear)","none (news: over)","4,3","no","R42"),
("R48","5号楼居民群","孙阿姨","电梯好了 能用了 年检贴纸也贴上了","follow-up (已经好了)","none (news: solved)","5,2","no","R02"),
("R49","2号楼居民群","小丁","哈哈哈哈 这天热的 狗都趴着不动了🥵","chatter","none","-","no","-"),
("R50","6号楼居民群","吴姐","602的人回来了 说是他家热水器管子裂了 已经关阀门了 我家天花板还在滴 等他找人修","follow-up (partial)","dispute","6,1,502","no","R30"),
("R51","3号楼居民群","刘先生","这蚊子真是要命 一晚上打了十几个 2单元那个积水到底有人管没有","follow-up (还没人来; '要命' figure of speech)","maintenance","3,2","no","R06"),
("R52","幸福里业主群","李老板","新开的水果店 五一全场八折 幸福里业主凭门禁卡再送西瓜一块🍉","chatter (advert)","none","-","no","-"),
("R53","5号楼居民群","小马","外面突然打雷了 天一下子黑了","chatter","none","-","no","-"),
("R54","5号楼居民群","小马","下冰雹了 好大的冰雹 车棚顶给砸穿了 有根电线掉下来泡在水里 还在噼啪冒火花 5号楼车棚","request","emergency/电线火花","5,null,null","YES","-"),
("R55","2号楼居民群","陈姐","冰雹把我家窗户玻璃砸裂了 2号楼2单元801 雨往里灌","request","maintenance/门窗","2,2,801","no","-"),
("R56","3号楼居民群","何大姐","雨太大了 3号楼地下车库入口在往里灌水 已经漫到车轮一半了 有几辆车还在里面没挪出来","request","emergency/水漫","3,null,null (车库 landmark)","YES","-"),
("R57","1号楼居民群","老周","雨停了 出彩虹了 大家快看🌈","chatter","none","-","no","-"),
("R58","5号楼居民群","小马","物业把车棚的电闸拉了 不冒火花了","follow-up (all-clear)","none (news: over)","5","no","R54"),
("R59","2号楼居民群","小丁","2号楼楼顶的避雷针好像被风吹歪了 挂在那晃 会不会掉下来砸人","request","maintenance/楼顶设施 (possible danger)","2,null,null","no","-"),
("R60","3号楼居民群","何大姐","车库那边水退了 保安用沙袋堵住了","follow-up (all-clear)","none (news: over)","3","no","R56"),
("R61","6号楼居民群","郑先生","6号楼2单元的单元门关不上了 门禁一刷就响 门吸坏了","request","maintenance/门禁","6,2,null","no","-"),
("R62","4号楼居民群","冯女士","楼上邻居我已经上去好好说了 人家说以后七点以后再剁 谢谢大家","follow-up (resolved by herself)","none (news: solved)","4,2,301","no","R16"),
("R63","1号楼居民群","秦奶奶","有冇人帮下我啊 米还没人送来","follow-up (还没人来, Cantonese)","care","1,3,201","no","R44"),
("R64","幸福里业主群","业主小陈","我家的狗丢了 柯基 黄白色 叫豆豆 下午打雷吓跑的 在4号楼附近 看到的请联系我 必有重谢🙏","chatter (lost pet notice)","none","-","no","-"),
("R65","5号楼居民群","蒋大爷","5号楼1单元402那家出去旅游了 把狗关阳台上 从昨天叫到现在 也没人喂 听着怪可怜的 吵得我们也睡不好","request","dispute/宠物","5,1,402","no","-"),
("R66","2号楼居民群","赵老师","敬老院那个活动我们2号楼能报名吗","request (question about joining)","culture","-","no","N03 (not addressed to 2号楼)"),
("R67","3号楼居民群","胡师傅","便民集市接龙\\n1.胡师傅\\n2.马女士\\n3.黄阿姨","sign-up (roster)","culture (sign-up N02, 3 people)","-","no","N02"),
("R68","3号楼居民群","马女士","我也报名","sign-up (already on roster)","culture (should say already signed up)","-","no","R67"),
("R69","6号楼居民群","林阿婆","楼顶水箱那个 还在漏 墙上都长青苔了","follow-up","maintenance","6","no","R35"),
("R70","4号楼居民群","郭姐","4号楼1单元门禁坏了 刷卡没反应 只能等人开门","request","maintenance/门禁","4,1,null","no","-"),
("R71","4号楼居民群","小韩","3单元门禁也不行 刷了好几次都不开","request (looks like R70, other unit)","maintenance/门禁","4,3,null","no","- (NOT R70)"),
("R72","1号楼居民群","小宋","晚上小广场那边放音乐跳舞 音响开得震天响 孩子要写作业","request","dispute/噪音(广场舞)","1? (landmark)","no","-"),
("R73","2号楼居民群","周先生","谢谢各位邻居 我妈在医院挂着水呢 医生说没事了 多亏了小何 🙏🙏","chatter (thanks)","none","-","no","R29"),
("R74","5号楼居民群","孙阿姨","5号楼2单元电梯又卡住了 里面有人在拍门喊 卡在7楼和8楼中间","request (looks like R02, but danger)","emergency/电梯困人","5,2,null","YES","- (NOT R02)"),
("R75","5号楼居民群","小马","电梯里那个是送外卖的小哥 他说里面好闷 手机快没电了","follow-up","emergency update","5,2","(same)","R74"),
("R76","幸福里业主群","钱多多","有没有人要团购驱蚊液 一箱24瓶 便宜 接龙","chatter (advert)","none","-","no","-"),
("R77","3号楼居民群","刘先生","楼道灯晚上还是黑的 2单元 我老婆刚才差点摔了","follow-up","maintenance","3,2","no","R34"),
("R78","5号楼居民群","孙阿姨","外卖小哥出来了 维保的人来撬开的门 人没事","follow-up (all-clear)","none (news: over)","5,2","no","R74"),
("R79","6号楼居民群","小吴","请问我们小区可以装充电桩吗 要找谁申请","request","inquiry","-","no","-"),
("R80","2号楼居民群","赵老师","我们楼道里谁家堆了好多纸箱 2单元三楼到四楼的楼梯上 快递盒子 一股味 还招蟑螂","request","dispute/楼道堆物","2,2,null","no","-"),
("R81","4号楼居民群","何老师","活动室能借吗 五四那天我们想组织几个孩子在里面练练合唱","request","culture/活动室","-","no","-"),
("R82","1号楼居民群","李大爷","今天热得跟夏天似的 明天还有雨吗","chatter","none","-","no","-"),
("R83","幸福里业主群","业主小陈","豆豆找到了 在5号楼车棚下面躲着 谢谢大家帮忙转发❤️","chatter","none","-","no","R64"),
("R84","3号楼居民群","黄阿姨","我们这楼的独居老人周大爷 3号楼2单元101 好几天没见他下楼了 儿女都在外地 能不能请社区的人去看看","request","care/独居老人","3,2,101","no","-"),
("R85","6号楼居民群","郑先生","婚礼的流水席撤了 门口一地的鞭炮纸和垃圾 明天能不能早点来扫一下","request","maintenance/垃圾","6,null,null","no","-"),
("R86","2号楼居民群","陈姐","5月4号理发那个 几点开始啊 要带什么吗","request (question about event)","culture (inquiry acceptable); answerable from N02","-","no","N02"),
("R87","5号楼居民群","蒋大爷","晚上还有人在楼下打篮球 拍球的声音咚咚的","request","dispute/噪音","5","no","-"),
("R88","6号楼居民群","吴姐","婚宴的人还在楼下喝酒划拳 都十点半了 吵得孩子睡不着","request (night)","dispute/噪音","6","no","-"),
("R89","3号楼居民群","张阿婆","我家老头子晚饭后出去遛弯到现在还没回来 他有点老年痴呆 手机也没带 3号楼1单元的","request (night)","emergency/老人走失","3,1,null","YES","-"),
("R90","3号楼居民群","张阿婆","他穿的灰色夹克 蓝裤子 拄个拐杖","follow-up (clothing)","emergency update","3,1","(same)","R89"),
("R91","1号楼居民群","老周","晚安各位","chatter (night)","none","-","no","-"),
("R92","6号楼居民群","小吴","6号楼1单元一楼楼道里有人在充电瓶车 电瓶在冒白烟 一股塑料烧焦的味道","request (night)","emergency/冒烟","6,1,null","YES","-"),
("R93","幸福里业主群","夜猫子","3号楼那个老爷子我刚在东门看见了 往马路那边走了 我让保安去追了","follow-up (clue from another group)","emergency clue","-","(same)","R89"),
("R94","2号楼居民群","小何","蚊子太多了 2号楼下面绿化带能不能打点药","request (night)","maintenance/蚊虫","2","no","-"),
("R95","6号楼居民群","小吴","保安把电瓶拖到外面空地上了 没着起来 烟散了","follow-up (all-clear)","none (news: over)","6,1","no","R92"),
("R96","1号楼居民群","小宋","1号楼2单元楼上两口子在吵架 摔东西的声音 女的一直在哭喊 好像动手了","request (night)","emergency/打架","1,2,null","YES","-"),
("R97","3号楼居民群","张阿婆","老头子找到了 保安在路口把他领回来了 谢谢大家","follow-up (all-clear)","none (news: over)","3,1","no","R89"),
("R98","2号楼居民群","邻居小何","隔壁独居的王奶奶家刚才咚的一声 然后一直在哼哼 敲门不应 二号楼三单元五零二","request (night, voice digits)","emergency/老人倒地","2,3,502","YES","-"),
("R99","5号楼居民群","小马","敬老院那个活动在哪集合啊 几点","request (night question about event)","culture (inquiry acceptable)","-","no","N03"),
("R100","4号楼居民群","韩叔","地下室的水管爆了 水哗哗往外喷 已经淹到4号楼电梯井边上了","request (night)","emergency/爆管","4,null,null","YES","-"),
("R101","1号楼居民群","小宋","楼上不吵了 警察来过了","follow-up (all-clear)","none (news: over)","1,2","no","R96"),
("R102","2号楼居民群","邻居小何","王奶奶开门了 说是起夜摔了一跤 腿有点疼 我陪着她呢","follow-up (update; help arrived)","emergency update (not worse)","2,3,502","(same)","R98"),
("R103","幸福里业主群","大刘","谁在小区里放烟花 这都一点了","request (night)","dispute/噪音","-","no","-"),
("R104","4号楼居民群","韩叔","水还在往外冒 已经流到楼道里了 电梯停了","follow-up (worse)","emergency update (加重)","4","(same)","R100"),
("R105","2号楼居民群","陈姐","这么晚了群里还这么热闹 睡了睡了","chatter (night)","none","-","no","-"),
("R106","4号楼居民群","郭姐","物业来人把总阀关了 水停了","follow-up (all-clear)","none (news: over)","4","no","R100"),
]
lines = ["@clock 2027-05-01 07:00"]
first = True
for row in R:
    rid = row[0]
    if rid == "R88":
        lines.append("@clock 2027-05-01 22:30")
    elif not first:
        lines.append("@clock +10m")
    first = False
    lines.append(f"# {rid}")
    lines.append(f"{row[1]} | {row[2]} | {row[3]}")
open("/work/day35/out/residents.txt","w").write("\n".join(lines)+"\n")
import datetime
t = datetime.datetime(2027,5,1,7,0)
md = ["# Labels — resident day (2027-05-01, 五一), written before running\n",
      "Place = building,unit,room (TAXONOMY Location; null = not said). Emergency YES = should page duty staff.\n",
      "| id | time | group | who | kind | category/sub | place | emergency | follows up |","|---|---|---|---|---|---|---|---|---|"]
first=True
for row in R:
    if row[0]=="R88": t = datetime.datetime(2027,5,1,22,30)
    elif not first: t += datetime.timedelta(minutes=10)
    first=False
    md.append(f"| {row[0]} | {t:%m-%d %H:%M} | {row[1]} | {row[2]} | {row[4]} | {row[5]} | {row[6]} | {row[7]} | {row[8]} |")
nR = sum(1 for r in R if r[0].startswith("R"))
nE = sum(1 for r in R if r[7]=="YES")
md.append(f"\nTotals: {nR} resident messages, {nE} emergency reports (incl. R43 = second report of R42's gas smell), 3 staff notices.")
md.append("Night block 22:30–01:30: R88–R106 (emergencies R89, R92, R96, R98, R100; non-emergencies R88, R94, R99, R103; chatter R91, R105).")
open("/work/day35/out/labels.md","w").write("\n".join(md)+"\n")
print(nR, nE)
