from h import *
import requests, threading, time, concurrent.futures as cf, random, string, sys
N=int(sys.argv[1]) if len(sys.argv)>1 else 300
CONC=int(sys.argv[2]) if len(sys.argv)>2 else 50
target=sys.argv[3] if len(sys.argv)>3 else 'xingfuli'
cj=slogin('x','xcomm')
# baseline
def timed(f):
    t=time.time(); r=f(); return time.time()-t, r
base=[timed(lambda: cj.get(B+'/c/xingfuli/tickets'))[0] for _ in range(5)]
print('baseline xingfuli /tickets', [round(x,3) for x in base])
s=requests.Session(); t0=csrf(s.get(B+f'/c/{target}/login').text)
codes={}
def bad(i):
    u=''.join(random.choice(string.ascii_lowercase) for _ in range(8)) if i%2 else 'admin'
    t=time.time()
    try:
        r=requests.post(B+f'/c/{target}/login', data={'csrf_token':t0,'next':'/','username':u,'password':'wrong'+str(i)}, cookies=s.cookies, allow_redirects=False, timeout=120)
        c=r.status_code
    except Exception as e: c=str(type(e).__name__)
    codes[c]=codes.get(c,0)+1
    return time.time()-t
stop=False
probe=[]
def prober():
    while not stop:
        d,r=timed(lambda: cj.get(B+'/c/xingfuli/tickets', timeout=120)); probe.append(('page',round(d,3),r.status_code))
        d,r=timed(lambda: requests.get(B+'/healthz', timeout=120)); probe.append(('healthz',round(d,3),r.status_code))
        time.sleep(0.2)
th=threading.Thread(target=prober); th.start()
T=time.time()
with cf.ThreadPoolExecutor(CONC) as ex: durs=list(ex.map(bad, range(N)))
T=time.time()-T
# right-password login to jinmao during/after
d,(cl,r)=timed(lambda: login('x','xgrid2')); print('xingfuli xgrid2 login after flood', round(d,3), r.status_code, r.headers.get('location'))
d,(cl,r)=timed(lambda: login('j','jgrid1')); print('jinmao jgrid1 correct login after flood', round(d,3), r.status_code, r.headers.get('location'))
stop=True; th.join()
print('flood', N, 'in', round(T,2),'s codes', codes, 'max dur', round(max(durs),2), 'median', round(sorted(durs)[len(durs)//2],3))
pp=[p for p in probe if p[0]=='page']; hh=[p for p in probe if p[0]=='healthz']
print('xingfuli page during flood: n',len(pp),'max',max(p[1] for p in pp),'codes',set(p[2] for p in pp))
print('healthz during flood: n',len(hh),'max',max(p[1] for p in hh),'codes',set(p[2] for p in hh))
