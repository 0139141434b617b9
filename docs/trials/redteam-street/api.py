from h import *
import requests
def g(path, **kw):
    r=requests.get(B+path, allow_redirects=False, **kw); return r.status_code, r.text[:160].replace("\n"," ")
for tc,tu in [('x','admin'),('x','shared'),('x','xgrid1'),('j','admin'),('j','shared')]:
    t=TOK[tc][tu]
    for s in ['xingfuli','jinmao']:
        for p in ['/api/v1/me','/api/v1/tickets','/api/v1/tickets/1','/api/v1/tickets/3']:
            print(tc,tu,'->',s,p, *g(f'/c/{s}{p}', headers={'Authorization':'Bearer '+t}))
        for p in ['/open311/v2/requests.json','/open311/v2/requests/1.json']:
            print(tc,tu,'->',s,p,'api_key', *g(f'/c/{s}{p}', params={'api_key':t}))
            print(tc,tu,'->',s,p,'bearer', *g(f'/c/{s}{p}', headers={'Authorization':'Bearer '+t}))
# no-prefix paths
for p in ['/api/v1/me','/api/v1/tickets','/open311/v2/services.json','/open311/v2/requests.json','/calendar/1号楼党小组.ics','/playground','/playground/setup','/login','/tickets','/healthz/delivery','/docs','/openapi.json','/static/app.css','/static/playground.js']:
    print('root',p,*g(p, headers={'Authorization':'Bearer '+TOK['x']['admin']}))
