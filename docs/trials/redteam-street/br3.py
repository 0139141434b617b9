from playwright.sync_api import sync_playwright
B="http://127.0.0.1:8791"
with sync_playwright() as p:
    b=p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    pg=b.new_page(); msgs=[]
    pg.on("console", lambda m: msgs.append(m.text))
    pg.goto(B+"/c/jinmao/")  # redirects to login
    pg.goto(B+"/c/jinmao/nope")
    pg.click("text=返回上一页"); pg.wait_for_timeout(1000)
    print("after click:", pg.url); print([m[:160] for m in msgs])
    pg.goto(B+"/c/jinmao/static/nope"); 
    print("static 404 css applied?", pg.evaluate("getComputedStyle(document.querySelector('header.top')).display"), pg.evaluate("document.styleSheets.length"), [l.get_attribute('href') for l in pg.query_selector_all('a')])
    b.close()
