// The playground: pick a group and a sender, type, and see every group as a chat column.
// Bot messages look different from people's; emergency alerts are red and listed on top.
(function () {
  const $ = (id) => document.getElementById(id);
  const BOT = "红桥小助手";

  async function setup() {
    const s = await (await fetch("/playground/setup")).json();
    for (const g of s.groups) {
      const o = document.createElement("option");
      o.textContent = g.name;
      $("group").append(o);
    }
    if (s.groups.some((g) => g.name === "3号楼居民群")) $("group").value = "3号楼居民群";
    for (const p of s.people) {
      const o = document.createElement("option");
      o.value = p;
      $("people").append(o);
    }
    await refresh();
  }

  function time(iso) {
    const d = new Date(iso);
    return String(d.getHours()).padStart(2, "0") + ":" + String(d.getMinutes()).padStart(2, "0");
  }

  function bubble(m) {
    const d = document.createElement("div");
    d.className = "msg " + (m.sender ? "person" : "bot") + (m.urgent ? " urgent" : "");
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = (m.sender || BOT) + " · " + time(m.at);
    d.append(who, document.createTextNode(m.text));
    return d;
  }

  async function refresh() {
    const lines = await (await fetch("/playground/transcript")).json();
    if (!lines.length) return;
    const cols = new Map();
    for (const l of lines) {
      if (!cols.has(l.room)) cols.set(l.room, []);
      cols.get(l.room).push(l);
    }
    // Groups with an emergency come first.
    const rooms = [...cols.keys()].sort((a, b) =>
      Number(cols.get(b).some((m) => m.urgent)) - Number(cols.get(a).some((m) => m.urgent)));
    const root = $("columns");
    root.replaceChildren();
    for (const room of rooms) {
      const msgs = cols.get(room);
      const col = document.createElement("section");
      col.className = "pg-col" + (msgs.some((m) => m.urgent) ? " has-urgent" : "");
      const h = document.createElement("h2");
      h.textContent = room;
      col.append(h);
      for (const m of msgs) col.append(bubble(m));
      root.append(col);
    }
    const urgent = lines.filter((l) => l.urgent);
    $("alerts").hidden = !urgent.length;
    $("alert-list").replaceChildren(...urgent.slice(-5).reverse().map((l) => {
      const li = document.createElement("li");
      li.textContent = time(l.at) + " " + l.room + "：" + l.text.split("\n")[0];
      return li;
    }));
  }

  $("say").addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = $("text").value;
    if (!text.trim()) return;
    const r = await fetch("/playground/say", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ group: $("group").value, sender: $("sender").value, text: text }),
    });
    $("say-error").hidden = r.ok;
    if (!r.ok) return;
    $("text").value = "";
    await refresh();
  });
  setup();
  setInterval(refresh, 3000);
})();
