from h import *
import sys, collections, urllib.parse
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(s): super().__init__(); s.urls=[]
    def handle_starttag(s, tag, attrs):
        for k,v in attrs:
            if k in ('href','src','action','formaction','data-root','data-url','data-src','poster','content') and v is not None:
                s.urls.append((tag,k,v))
c=sys.argv[1]; user=sys.argv[2]; s=SLUG[c]; pre=f"/c/{s}"
cl,r=login(c,user)
seen=set(); q=collections.deque([pre+"/"]); bad=collections.defaultdict(set); statuses={}
while q and len(seen)<3000:
    u=q.popleft()
    if u in seen: continue
    seen.add(u)
    r=cl.get(B+u, allow_redirects=False)
    statuses[u]=r.status_code
    if r.status_code in (301,302,303,307,308):
        loc=r.headers['location']
        if not (loc.startswith(pre+"/") or loc==pre): bad[('redirect',loc)].add(u)
        continue
    ct=r.headers.get('content-type','')
    if 'html' not in ct:
        # scan text for urls too
        continue
    p=P(); p.feed(r.text)
    for tag,k,v in p.urls:
        if k=='content': continue
        if k=='data-root':
            if v!=pre: bad[(tag,k,v)].add(u)
            continue
        pu=urllib.parse.urlsplit(v)
        if pu.scheme or pu.netloc:
            bad[(tag,k,v)].add(u); continue
        if v.startswith('#') or v=='' : continue
        path=urllib.parse.urljoin(u, v)
        pp=urllib.parse.urlsplit(path).path
        if not (pp.startswith(pre+"/") or pp==pre):
            bad[(tag,k,v)].add(u); continue
        if tag in ('a','link','script','img') and k in ('href','src'):
            full=urllib.parse.urljoin(u,v).split('#')[0]
            # limit explosion of query variants
            base=full.split('?')[0]
            if sum(1 for x in seen if x.split("?")[0]==base)<40:
                q.append(full)
print("pages", len(seen))
for u,sc in sorted(statuses.items()):
    if sc!=200: print("  status",sc,u)
print("OUTSIDE:")
for k,v in bad.items(): print(" ",k, "on", sorted(v)[:5])
open(f"crawl_{c}_{user}.txt","w").write("\n".join(f"{statuses[u]} {u}" for u in sorted(statuses)))
# text-level scan for URLs / paths
import collections
txt_hits=collections.Counter()
for u in list(seen):
    if statuses.get(u)!=200 or 'static' in u or u.endswith('.xlsx') or 'export' in u: continue
    t=cl.get(B+u).text
    for m in re.finditer(r'(https?://[^\s"<>]+|/calendar/[^\s"<>]+|/c/[a-z_0-9]+|/api/v1[^\s"<>]*|/open311[^\s"<>]*)', t):
        v=m.group(1)
        if v.startswith('/c/') and v==pre: continue
        txt_hits[(v[:80])]+=1
for k,n in txt_hits.most_common(40): print('  text', n, k)
