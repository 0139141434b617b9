import requests, re, json, base64
B="http://127.0.0.1:8791"
PW={"x":{"admin":"REDACTED","xcomm":"REDACTED","xgrid1":"REDACTED","xgrid2":"REDACTED","shared":"REDACTED"},
    "j":{"admin":"REDACTED","jcomm":"REDACTED","jgrid1":"REDACTED","shared":"REDACTED"}}
TOK={"x":{"admin":"hq_REDACTED","xcomm":"hq_REDACTED","xgrid1":"hq_REDACTED","xgrid2":"hq_REDACTED","shared":"hq_REDACTED"},
     "j":{"admin":"hq_REDACTED","jcomm":"hq_REDACTED","jgrid1":"hq_REDACTED","shared":"hq_REDACTED"}}
SLUG={"x":"xingfuli","j":"jinmao"}
def csrf(html):
    m=re.search(r'name="csrf_token" value="([^"]+)"',html); return m and m.group(1)
def login(c, user, next_="/"):
    s=SLUG[c]; cl=requests.Session()
    r=cl.get(B+f"/c/{s}/login"); t=csrf(r.text)
    r=cl.post(B+f"/c/{s}/login", data={"csrf_token":t,"next":next_,"username":user,"password":PW[c][user]}, allow_redirects=False)
    return cl, r
def raw_cookie(cl, path):
    for ck in cl.cookies:
        if ck.name=="hongqiao_session" and ck.path==path: return ck.value
def decode(v):
    p=v.split(".")[0]; p+="="*(-len(p)%4); return base64.b64decode(p)
import os, pickle
def slogin(c, user):
    """login once and cache the session cookies on disk"""
    f=f"/work/rt51/notes/.sess_{c}_{user}.pkl"
    if os.path.exists(f):
        cl=requests.Session(); cl.cookies.update(pickle.load(open(f,'rb')))
        r=cl.get(B+f"/c/{SLUG[c]}/account", allow_redirects=False)
        if r.status_code==200: return cl
    cl,r=login(c,user)
    assert r.status_code==303, (r.status_code, re.findall(r'flash error[^>]*>([^<]*)', r.text))
    pickle.dump(cl.cookies, open(f,'wb')); return cl
