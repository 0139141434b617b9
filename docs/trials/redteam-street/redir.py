from h import *
import requests, urllib.parse
nexts=["https://evil.example/","//evil.example/","///evil.example/","/\\evil.example/","\\\\evil.example","/c/jinmao/tickets","/c/xingfuli/tickets","/tickets","tickets","/../jinmao/","/..%2fjinmao/","%2F%2Fevil.example","/%2F%2Fevil.example","/%5Cevil.example","/%2e%2e/jinmao/","javascript:alert(1)","http:evil.example","/\tevil.example","/\r\nSet-Cookie: a=b","/c/../jinmao/","..","/..","/../../","https:/evil.example","\u3002evil","/%09/evil.example","//evil.example@x","@evil.example","/tickets?x=//evil","/tickets#//evil","/ /evil.example","/\\/evil.example"]
for c in 'xj':
    s=SLUG[c]
    for n in nexts:
        cl=requests.Session()
        r=cl.get(B+f"/c/{s}/login", params={"next":n}); t=csrf(r.text)
        m=re.search(r'name="next" value="([^"]*)"', r.text)
        r2=cl.post(B+f"/c/{s}/login", data={"csrf_token":t,"next":n,"username":"admin","password":PW[c]["admin"]}, allow_redirects=False)
        loc=r2.headers.get('location')
        flag = '' if (loc or '').startswith(f'/c/{s}/') else '  <<<<<'
        print(s, repr(n), 'form-next=',m and m.group(1), r2.status_code, repr(loc), flag)
