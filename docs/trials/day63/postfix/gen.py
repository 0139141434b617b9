import datetime as dt
# (kind, group, speaker, message, expectation)
DAY = [
("R","幸福里业主群","小陈","这么冷的天 今晚吃火锅还是饺子 纠结半天了","none: silent, no ticket (还是=or)"),
("R","2号楼居民群","杨阿姨","我们单元的郭大爷刚才穿着秋衣拖鞋就出门了 叫他也不理 人糊里糊涂的 外头零下好几度","EMERG wandering confused elder -> full page (grid1+community+@duty), 2号楼; advice fits (search, call 110, describe clothes)"),
("R","2号楼居民群","邓姐","老郭头往东门那边去了 他闺女在单位一时赶不回来 大家出门帮着留意一下","JOIN wander ticket as lead/follow; no 2nd page, no new ticket"),
("S","2号楼党小组","陈桂兰","收到 我出去找","CLAIM wander ticket (only one open in group)"),
("R","5号楼居民群","蒋女士","3单元的 我家孩子把刚灌的暖壶碰倒了 胳膊上烫起了泡 一直哭","EMERG scald -> full page; advice: cool running water 15-20min, no toothpaste/ice/popping blisters; 5号楼3单元"),
("R","幸福里业主群","彭先生","前几天停水停了三天 这个月水费能不能少交点","inquiry ticket (fee), non-emergency; not maintenance-emergency"),
("S","5号楼党小组","周海","我这就过去 先让孩子胳膊放凉水底下冲着","CLAIM scald ticket"),
("R","3号楼居民群","冯叔","3号楼后头车棚边上有人在烧东西 黑烟一股一股往电动车那边飘","EMERG smoke near bikes -> full page; advice: keep away, 119 if spreading"),
("R","1号楼居民群","曹师傅","车棚那边烟越来越大了 离充电的电瓶车就几米远","JOIN smoke ticket (same place 车棚, other building group); no 2nd page"),
("S","2号楼党小组","陈桂兰","找着了 在菜市场门口 冻得直哆嗦 已经送回家了","RESOLVE wander ticket (plain all-clear), ask reporter if safe"),
("S","3号楼党小组","刘志强","我拎灭火器过去","CLAIM smoke ticket (if routed to 3号楼党小组)"),
("R","2号楼居民群","宋奶奶","那个走丢的郭大爷找回来了没","progress answer: found/done; no new ticket"),
("S","3号楼党小组","刘志强","火扑灭了 就烧了点杂物 车子没事","RESOLVE smoke ticket"),
("R","6号楼居民群","田大妈","1单元102的刘大爷好几天没见着人了 门口报纸牛奶堆了一摞 敲门也没动静","EMERG (可能紧急 acceptable) elder not seen for days, no answer -> paged; 6号楼1单元102"),
("R","幸福里业主群","小陈","上周停电把冰箱里的肉都放坏了 这损失该找谁赔啊","inquiry ticket, non-emergency"),
("S","6号楼党小组","吴敏","收到 我马上去敲门 敲不开就找开锁师傅","CLAIM not-seen ticket"),
("S","5号楼党小组","周海","冲了二十来分钟 家长带去医院看了 没大事","RESOLVE scald ticket"),
("R","4号楼居民群","孙阿姨","我家还烧煤炉子取暖 想换个电暖气 社区有补贴吗 去哪申请","inquiry ticket (coal->electric), NOT emergency"),
("R","5号楼居民群","蒋女士","谢谢周师傅 孩子上了药 不怎么疼了","rating: counted satisfied for scald ticket; no new ticket"),
("S","6号楼党小组","吴敏","开锁进去了 人摔在卫生间起不来 还有意识 120拉走了","RESOLVE not-seen ticket (送医院)"),
("R","1号楼居民群","黄姐","1单元三楼有个小孩站在窗台上 窗户大开着 家里好像没大人","EMERG child on window ledge -> full page; advice: don't shout/startle, get under/inside"),
("R","1号楼居民群","林阿姨","快看三楼那扇窗 孩子半个身子都探出来了","JOIN window ticket (maybe 情况加重 re-page), no new ticket"),
("S","1号楼党小组","张建国","我这就上楼 物业也叫了","CLAIM window ticket"),
("S","1号楼党小组","张建国","孩子抱下来了 没事 家长下楼取快递去了 说过他了","RESOLVE window ticket"),
("R","幸福里业主群","彭先生","水费那个到底能不能减 有人回一下吗","follow-up on own inquiry: progress/no new ticket"),
("S","社区党委工作群","王书记","停水那几天的水费 问过自来水公司了 按表上实际用量收 不会多收","ANSWER water-fee inquiry by words (or ask which); must not close fridge/other ticket"),
("R","2号楼居民群","杨阿姨","郭大爷找回来了 多亏陈桂兰她们 满意满意","rating satisfied wander ticket"),
("SEC","幸福里业主群","王书记","明天上午十点在社区活动室包饺子迎元旦 限20人 想来的在群里说一声","EVENT published tomorrow 10:00 社区活动室, capacity 20; not a ticket"),
("SU","幸福里业主群","宋奶奶","算我一个 带我家孙子","SIGNUP 2 people"),
("SU","幸福里业主群","曹师傅","几点开始来着 我也去","SIGNUP 1 + tell time 10:00"),
("SU","幸福里业主群","田大妈","我和老伴都去","SIGNUP 2 people"),
("SU","幸福里业主群","小陈","在哪包啊 面和馅儿要自己带吗","answer event details; no ticket; no signup"),
("SU","幸福里业主群","林阿姨","我也报个名","SIGNUP 1"),
("R","4号楼居民群","徐小妹","1单元楼道灯坏了一个礼拜了 晚上上楼黑咕隆咚的","maintenance ticket 4号楼1单元 -> 4号楼党小组"),
("R","4号楼居民群","孙阿姨","2单元一楼楼道有个人倒在地上 喊他也不应 脸煞白","EMERG collapsed not responding -> full page; advice: 120, check breathing, don't move"),
("R","4号楼居民群","吕师傅","2单元门口那个人还躺着呢 不知道是喝多了还是犯病了","JOIN collapse ticket; 还是 here is 'or', not a new issue"),
("S","4号楼党小组","孙丽","我这就过去 120已经叫了","CLAIM collapse ticket (not lamp) - two open in group, words 120 -> collapse, or ask"),
("R","幸福里业主群","邓姐","那个在4号楼楼道倒下的人咋样了","progress of collapse ticket; no new ticket"),
("S","4号楼党小组","孙丽","救护车拉走了 家属跟着去医院了","RESOLVE collapse ticket (not lamp)"),
("SU","幸福里业主群","曹师傅","明天孙女放假回来 包饺子我去不了了","CANCEL 曹师傅 signup"),
("R","3号楼居民群","冯叔","火灭了就好 刘师傅来得真快 给你们点赞","rating satisfied smoke ticket (冯叔 reporter)"),
("R","5号楼居民群","蒋女士","今晚吃饺子还是面条 孩子说都想吃","none: silent"),
("R","2号楼居民群","邓姐","2单元停电了 楼上王奶奶家的制氧机停了 老太太喘得厉害","EMERG oxygen machine stopped -> full page; advice: 120 if breathless, backup O2"),
("S","第一网格党支部群","李网格长","收到 我这就过去 电工也联系了","CLAIM oxygen ticket from grid group"),
("R","6号楼居民群","田大妈","刘大爷咋样了 住上院没","progress of not-seen ticket (closed: sent to hospital); no new ticket"),
("S","第一网格党支部群","李网格长","闸合上了 制氧机又转起来了 老太太缓过来了","RESOLVE oxygen ticket"),
("R","6号楼居民群","范大爷","3单元暖气片冰凉 屋里才十一二度 老伴冻感冒了","maintenance (heating) ticket 6号楼3单元, non-emergency (care acceptable)"),
("R","5号楼居民群","方阿姨","5号楼电梯停在三楼和四楼中间 里面有个老太太在拍门喊人","EMERG trapped in lift -> full page; advice: don't pry doors, keep calm"),
("R","5号楼居民群","蒋女士","电梯里是2单元的李奶奶 她说心慌","JOIN lift ticket (info/加重), no new ticket"),
("S","5号楼党小组","周海","电梯那个我去 物业维保也打电话了","CLAIM lift ticket"),
("S","物业服务中心群","钱经理","维保师傅到了 正往下放人","no ticket in property group: no close; harmless hint or note (not closing anything)"),
("S","5号楼党小组","周海","人放出来了 老太太坐了一会儿缓过来了","RESOLVE lift ticket"),
("R","6号楼居民群","范大爷","暖气的事有人管吗","follow-up own heating ticket; no new ticket"),
("S","6号楼党小组","吴敏","暖气的我去看看","CLAIM heating ticket"),
("R","3号楼居民群","马师傅","隔壁302老两口烧煤炉子 刚才说头晕想吐 门窗关得死死的","EMERG CO poisoning -> full page; advice: open windows, get out, 120; 3号楼302"),
("R","3号楼居民群","冯叔","302那家我敲开了 老头已经站不住了","JOIN CO ticket (加重)"),
("S","3号楼党小组","刘志强","我马上到 先把窗户都打开 120叫了","CLAIM CO ticket"),
("S","3号楼党小组","刘志强","两位老人都送医院了 煤炉子先灭了","RESOLVE CO ticket"),
("S","6号楼党小组","吴敏","暖气片里有空气 放完气热乎了","RESOLVE heating ticket"),
("R","6号楼居民群","范大爷","热乎了 谢谢","rating satisfied heating"),
("R","6号楼居民群","韦阿姨","6号楼门口结冰了 一个老头滑倒了 躺地上起不来 腿像是折了","EMERG fall injury -> full page; advice: don't move him, 120, keep warm"),
("S","第二网格党支部群","赵网格长","摔倒那个我去 120打了","CLAIM fall ticket (grid 2)"),
("S","第二网格党支部群","赵网格长","120接走了 门口的冰也撒上盐了","RESOLVE fall ticket"),
("R","2号楼居民群","杨阿姨","那个摔倒的大爷咋样了","progress of fall ticket (or list); no new ticket"),
("S","4号楼党小组","孙丽","楼道灯的我明天上午买了灯泡去换","CLAIM lamp ticket with schedule (not close)"),
("R","5号楼居民群","方阿姨","楼上这会儿还在剁馅儿 咚咚响 孩子睡不着","dispute ticket; night -> 夜间已登记, no staff push"),
("R","3号楼居民群","马师傅","3单元楼道里一股煤气味 越来越冲 好像是501那边","EMERG gas smell at night -> full page immediately; advice: no switches/flames, open windows, leave"),
("R","3号楼居民群","冯叔","我也闻着了 五楼最冲 敲501的门没人开","JOIN gas ticket"),
("S","社区党委工作群","刘值班","煤气味那个我去 燃气公司也打了","DUTY CLAIM gas ticket by words"),
("S","社区党委工作群","刘值班","燃气公司来了 501灶上阀门没关严 关上了 开窗把味散了","RESOLVE gas ticket"),
("R","3号楼居民群","马师傅","味儿散了 安全了 谢谢","safe/rating for gas ticket"),
]
STREET = [
("08:30","ST","幸福街道党工委工作群","周主任","幸福里5号楼2单元楼道堆了不少旧纸箱 周三前清完","X: finding -> ticket #1 5号楼2单元 to 5号楼党小组 (not emergency), reply says to whom; J: silent"),
("08:37","R","1号楼居民群","吕师傅","电梯卡在五楼和六楼中间了 里面关着个送外卖的小伙子 一个劲拍门","both: EMERG trapped -> page (X #2, J #1)"),
("08:43","ST","幸福街道党工委工作群","许干事","金茂3号楼一楼的消防栓箱门掉了 里头水带也不见了 这周五之前补上","J: finding -> ticket 3号楼 to 3号楼党小组; X: silent"),
("08:50","S","5号楼党小组","周海","收到 今天下午就叫保洁把纸箱清了","X: claim #1 + forward to street; J: (group absent) nothing"),
("08:56","S","1号楼党小组","张建国","我这就过去 物业电梯师傅也叫了","X: claim elevator; J: not staff there (artefact)"),
("09:02","S","1号楼党小组","何军","收到 我马上到电梯口","J: claim elevator; X: not staff there (artefact)"),
("09:10","ST","幸福街道党工委工作群","周主任","元旦前请各社区把消防台账准备好","both silent"),
("09:17","SECB","幸福街道党工委工作群","王书记","幸福里这边电梯关人的 物业已经把人放出来了 小伙子没事","both silent; X elevator NOT closed"),
("09:24","ST","幸福街道党工委工作群","许干事","两个社区一共多少件","both answer own counts with a clear period (or a combined figure)"),
("09:31","S","3号楼党小组","韩涛","收到 已经联系消防器材公司 周四上午来换箱门配水带","J: progress on fire-box ticket (not close) forwarded to street; X: artefact"),
("09:38","SECB","幸福街道党工委工作群","孟书记","金茂电梯关人那个 人已经接出来了 没受伤","both silent; J elevator NOT closed"),
("09:45","S","1号楼党小组","何军","人出来了 没受伤 电梯主板坏了 维保明天来修","J: resolve elevator (or safety check); X artefact"),
("09:52","S","1号楼党小组","张建国","人接出来了 没受伤 电梯先停用了","X: resolve elevator; J artefact"),
("10:00","ST","幸福街道党工委工作群","周主任","幸福里让周海今天下午三点前把5号楼的纸箱清干净","X: press (督促) recorded, to 5号楼党小组+社区群, not a street claim; J silent"),
("10:07","ST","幸福街道党工委工作群","许干事","金茂叫马网格长今天去3号楼看一眼消防栓","J: press to grid/3号楼; X silent"),
("10:15","S","第一网格党支部群","马网格长","好的 我十一点过去看","J: reply to press recorded, forwarded to street; X artefact"),
("14:30","S","5号楼党小组","周海","纸箱全清走了 楼道也扫干净了","X: resolve #1, street told, no rating request to street; J nothing"),
("14:40","ST","幸福街道党工委工作群","周主任","幸福里 #1 弄好了没","X: closed status only, no press; J silent"),
("14:48","ST","幸福街道党工委工作群","许干事","金茂消防栓那个现在什么情况","J: progress of fire-box ticket; X silent"),
("14:55","ST","幸福街道党工委工作群","周主任","幸福里还有哪些没办完的","X: list open (none or few); J silent"),
("15:03","ST","幸福街道党工委工作群","许干事","金茂2号楼门口的路灯杆歪了 快倒了 明天之前处理","J: finding ticket 2号楼 (not emergency); X silent"),
("15:10","S","2号楼党小组","罗芳","收到 我去看看 先拉了警戒线","J: claim lamp-pole ticket, forwarded to street; X artefact"),
("15:20","ST","幸福街道党工委工作群","周主任","两个社区今天怎么样","both: today's counts"),
("15:30","ST","幸福街道党工委工作群","许干事","昨晚两个社区有没有什么紧急情况","both: none since 27th 18:00"),
("15:40","ST","幸福街道党工委工作群","周主任","金茂 #1 弄好了没","J: closed status (if resolved); X silent"),
("15:50","SECB","幸福街道党工委工作群","孟书记","金茂这边今天就这些 消防台账下午报上去","both silent"),
("16:00","ST","幸福街道党工委工作群","许干事","好的 辛苦了","both silent"),
]
import itertools
steps = itertools.cycle([7,8,9,10,6,9,8,10,7,9])
t = dt.datetime(2026,12,28,13,5)
lines=[]; plan=["id\ttime\tkind\tgroup\tspeaker\tmessage\texpected"]
night = 65  # index (0-based) of first night line
for i,(k,g,s,m,e) in enumerate(DAY):
    if i==night: t = dt.datetime(2026,12,28,22,5)
    elif i>0: t += dt.timedelta(minutes=next(steps) if i<night else 8)
    lines.append(f"@clock {t:%Y-%m-%d %H:%M}")
    lines.append(f"{g} | {s} | {m}")
    plan.append(f"D{i+1}\t{t:%H:%M}\t{k}\t{g}\t{s}\t{m}\t{e}")
open('/tmp/post63check/day.txt','w').write("\n".join(lines)+"\n")
sl=[]
for i,(tm,k,g,s,m,e) in enumerate(STREET):
    sl.append(f"@clock 2026-12-28 {tm}"); sl.append(f"{g} | {s} | {m}")
    plan.append(f"S{i+1}\t{tm}\t{k}\t{g}\t{s}\t{m}\t{e}")
open('/tmp/post63check/street.txt','w').write("\n".join(sl)+"\n")
open('/tmp/post63check/plan.tsv','w').write("\n".join(plan)+"\n")
print(len(DAY), len(STREET), t)
