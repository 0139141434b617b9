from h import *
import sys
cx,_=login('x','admin'); cj,_=login('j','admin')
def say(cl,s,g,who,t):
    r=cl.post(B+f"/c/{s}/playground/say", json={"group":g,"sender":who,"text":t}); print(s,'|',g,'|',who,'|',t,'->',r.status_code,r.text[:600]); return r
say(cj,'jinmao','幸福街道党工委工作群','孟书记','#1 接单')
say(cj,'jinmao','幸福街道党工委工作群','孟书记','#1 已处理 换了灯泡')
say(cx,'xingfuli','幸福街道党工委工作群','王书记','#2 接单')
say(cx,'xingfuli','幸福街道党工委工作群','李大爷','3号楼电梯里困了个老人')
say(cj,'jinmao','1号楼党小组','王书记','#1 已处理 换了灯泡')
say(cj,'jinmao','社区党委工作群','王书记','#1 非诉求')
say(cj,'jinmao','5号楼居民群','张阿姨','5号楼楼道灯坏了')
say(cj,'jinmao','第二网格党支部群','赵网格长','#1 接单')
say(cj,'jinmao','1号楼党小组','刘志强','#1 接单')
