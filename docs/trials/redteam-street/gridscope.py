from h import *
import io, openpyxl, requests
cl,_=login('x','xgrid1')
needles=['5号楼','6号楼','王阿姨','赵大妈','垃圾','楼顶漏水','第二网格','赵网格长','孙丽','周海','吴敏']
pages=['/','/tickets','/tickets?building=5','/tickets?building=6','/tickets?grid=2','/tickets?q=垃圾','/tickets/3','/tickets/4','/charts','/consultations','/corrections','/data','/delivery','/members','/points','/visits','/wall','/wall?building=5','/wall?building=6','/account','/accounts','/playground','/playground/setup','/playground/transcript','/charts/data','/api/v1/tickets?building=5','/api/v1/stats','/api/v1/members','/api/v1/groups','/api/v1/buildings','/api/v1/events','/open311/v2/requests/3.json','/open311/v2/requests.json?service_request_id=3,4','/tickets/export.xlsx?building=5','/tickets/export.xlsx?grid=2','/reports/monthly.xlsx','/data/template.xlsx','/healthz','/healthz/delivery']
for p in pages:
    hdr={'Authorization':'Bearer '+TOK['x']['xgrid1']} if p.startswith(('/api','/open311')) else {}
    r=cl.get(B+'/c/xingfuli'+p, allow_redirects=False, headers=hdr)
    txt=r.text
    if 'spreadsheet' in r.headers.get('content-type',''):
        wb=openpyxl.load_workbook(io.BytesIO(r.content)); txt='\n'.join(str(row) for ws in wb for row in ws.iter_rows(values_only=True))
    hits=[n for n in needles if n in txt]
    print(r.status_code, p, hits)
