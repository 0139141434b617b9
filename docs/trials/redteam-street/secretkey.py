import h, requests, re
h.B='http://127.0.0.1:8792'
from h import csrf, decode, PW
B=h.B
def xlogin(u):
    s=requests.Session(); t=csrf(s.get(B+'/c/xingfuli/login').text)
    r=s.post(B+'/c/xingfuli/login', data={'csrf_token':t,'next':'/','username':u,'password':PW['x'][u]}, allow_redirects=False)
    return s
# xingfuli admin signs out once to move its epoch to jinmao admin's
s=xlogin('admin'); t=csrf(s.get(B+'/c/xingfuli/account').text)
print('logout', s.post(B+'/c/xingfuli/logout', data={'csrf_token':t}, allow_redirects=False).status_code)
s=xlogin('admin'); v=[c.value for c in s.cookies if c.path=='/c/xingfuli'][0]; print(decode(v))
j=requests.Session(); j.cookies.set('hongqiao_session', v, path='/c/jinmao')
r=j.get(B+'/c/jinmao/accounts', allow_redirects=False); print('jinmao /accounts', r.status_code, re.findall(r'<a href="/c/jinmao/account">([^<]*)', r.text))
# do an admin action in jinmao: note on ticket 1
r=j.get(B+'/c/jinmao/tickets/1'); t=csrf(r.text)
r=j.post(B+'/c/jinmao/tickets/1/note', data={'csrf_token':t,'note':'written with a xingfuli cookie'}, allow_redirects=False); print('note', r.status_code, r.headers.get('location'))
r=j.get(B+'/c/jinmao/tickets/1'); i=r.text.find('id="timeline"'); print(re.sub(r'\s+',' ',r.text[i:i+600]))
