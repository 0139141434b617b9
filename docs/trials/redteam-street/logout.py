from h import *
import requests
cx,_=login('x','shared'); cj,_=login('j','shared')
vx=raw_cookie(cx,'/c/xingfuli'); vj=raw_cookie(cj,'/c/jinmao')
print('j GET logout', cj.get(B+'/c/jinmao/logout', allow_redirects=False).status_code)
tx=csrf(cx.get(B+'/c/xingfuli/account').text)
# jinmao logout with xingfuli token
r=cj.post(B+'/c/jinmao/logout', data={'csrf_token':tx}, allow_redirects=False); print('j logout w/ x csrf', r.status_code)
r=cx.post(B+'/c/xingfuli/logout', data={'csrf_token':tx}, allow_redirects=False); print('x logout', r.status_code, r.headers.get('location'), r.headers.get('set-cookie'))
print('x copied cookie after logout', requests.get(B+'/c/xingfuli/account', cookies={'hongqiao_session':vx}, allow_redirects=False).status_code)
print('j cookie after x logout', requests.get(B+'/c/jinmao/account', cookies={'hongqiao_session':vj}, allow_redirects=False).status_code)
# also admin: logout jinmao admin, check xingfuli admin
ca,_=login('x','admin'); cb,_=login('j','admin'); va=raw_cookie(ca,'/c/xingfuli')
tb=csrf(cb.get(B+'/c/jinmao/account').text)
r=cb.post(B+'/c/jinmao/logout', data={'csrf_token':tb}, allow_redirects=False); print('j admin logout', r.status_code, r.headers.get('location'))
print('x admin cookie after j admin logout', requests.get(B+'/c/xingfuli/account', cookies={'hongqiao_session':va}, allow_redirects=False).status_code)
