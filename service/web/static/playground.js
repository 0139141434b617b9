// The playground: pick a group and a sender, type, and see every group as a chat column.
// Bot messages look different from people's; emergency alerts are red and listed on top.
// Each column shows its latest messages with a button for earlier ones; on a phone only the
// group one is typing in and groups with an emergency start unfolded.
(function () {
  const $ = (id) => document.getElementById(id);
  const BOT = "红桥小助手";
  const root = document.body.dataset.root || ""; // "/c/jinmao" when mounted in a street
  const LATEST = 8;
  const phone = window.matchMedia("(max-width: 640px)").matches;
  const shown = new Map(); // room -> how many messages to show
  const folded = new Map(); // room -> folded by the person (true) or unfolded (false)

  async function setup() {
    const s = await (await fetch(root + "/playground/setup")).json();
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

  function bubble(m) {
    const d = document.createElement("div");
    d.className = "msg " + (m.sender ? "person" : "bot") + (m.urgent ? " urgent" : "");
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = (m.sender || BOT) + " · " + m.time;
    d.append(who, document.createTextNode(m.text));
    return d;
  }

  function column(room, msgs) {
    const urgent = msgs.some((m) => m.urgent);
    const col = document.createElement("details");
    col.className = "pg-col" + (urgent ? " has-urgent" : "");
    const open = folded.has(room) ? !folded.get(room) : !phone || urgent || room === $("group").value;
    col.open = open;
    col.addEventListener("toggle", () => folded.set(room, !col.open));
    const head = document.createElement("summary");
    head.textContent = room + "（" + msgs.length + " 条）";
    if (urgent) {
      const b = document.createElement("span");
      b.className = "badge urgent";
      b.textContent = "紧急";
      head.append(" ", b);
    }
    col.append(head);
    const count = Math.min(msgs.length, shown.get(room) || LATEST);
    if (count < msgs.length) {
      const more = document.createElement("button");
      more.type = "button";
      more.className = "secondary more";
      more.textContent = "显示更早的消息（还有 " + (msgs.length - count) + " 条）";
      more.addEventListener("click", () => { shown.set(room, count + 20); refresh(); });
      col.append(more);
    }
    for (const m of msgs.slice(msgs.length - count)) col.append(bubble(m));
    return col;
  }

  async function refresh() {
    const lines = await (await fetch(root + "/playground/transcript")).json();
    if (!lines.length) return;
    const cols = new Map();
    for (const l of lines) {
      if (!cols.has(l.room)) cols.set(l.room, []);
      cols.get(l.room).push(l);
    }
    // Groups with an emergency come first.
    const rooms = [...cols.keys()].sort((a, b) =>
      Number(cols.get(b).some((m) => m.urgent)) - Number(cols.get(a).some((m) => m.urgent)));
    $("columns").replaceChildren(...rooms.map((room) => column(room, cols.get(room))));
    const urgent = lines.filter((l) => l.urgent);
    $("alerts").hidden = !urgent.length;
    $("alert-list").replaceChildren(...urgent.slice(-5).reverse().map((l) => {
      const li = document.createElement("li");
      li.textContent = l.time + " " + l.room + "：" + l.text.split("\n")[0] + " ";
      const number = /#(\d+)/.exec(l.text);
      if (number) {
        const a = document.createElement("a");
        a.href = root + "/tickets/" + number[1];
        a.textContent = "打开工单 #" + number[1];
        li.append(a);
      }
      return li;
    }));
  }

  $("say").addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = $("text").value;
    if (!text.trim()) return;
    const r = await fetch(root + "/playground/say", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ group: $("group").value, sender: $("sender").value, text: text }),
    });
    $("say-error").hidden = r.ok;
    if (!r.ok) return;
    $("text").value = "";
    folded.set($("group").value, false);
    await refresh();
  });
  setup();
  setInterval(refresh, 3000);
})();
