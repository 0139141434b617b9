from h import *
import time
cx,_=login('x','admin'); cj,_=login('j','admin')
def say(cl,s,g,who,t):
    r=cl.post(B+f"/c/{s}/playground/say", json={"group":g,"sender":who,"text":t}); print(s,g,who,t,'->',r.status_code,r.text[:300])
say(cx,'xingfuli','1号楼居民群','张阿姨','1号楼2单元楼道灯坏了')
say(cx,'xingfuli','3号楼居民群','李大爷','3号楼电梯里困了个老人')
say(cx,'xingfuli','5号楼居民群','王阿姨','5号楼3单元门口垃圾没人清理好几天了')
say(cx,'xingfuli','6号楼居民群','赵大妈','6号楼楼顶漏水了')
say(cj,'jinmao','1号楼居民群','张阿姨','1号楼2单元楼道灯坏了')
time.sleep(2)
print(cx.get(B+'/c/xingfuli/playground/transcript').text)
print(cj.get(B+'/c/jinmao/playground/transcript').text)
