from playwright.sync_api import sync_playwright
from h import PW
B="http://127.0.0.1:8791"
with sync_playwright() as p:
    b=p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    ctx=b.new_context(); pg=ctx.new_page()
    pg.goto(B+"/c/xingfuli/login"); pg.fill("input[name=username]","xgrid2"); pg.fill("input[name=password]",PW['x']['xgrid2']); pg.click("button[type=submit]"); pg.wait_for_load_state()
    print("signed in:", pg.url)
    pg.goto(B+"/c/jinmao/docs", wait_until="commit")
    print("now on", pg.url)
    out=pg.evaluate("""async () => { const r = await fetch('/c/xingfuli/account'); const t = await r.text(); return r.status + ' ' + (t.match(/<dd>[^<]*<\\/dd>/g)||[]).slice(0,3).join(' '); }""")
    print("script running on /c/jinmao/docs fetched /c/xingfuli/account ->", out)
    b.close()
