"""The login page's one script, served same-origin as ``/platform/login/login.js`` (the page's CSP
allows ``script-src 'self'`` and nothing inline). Kept as a Python string so it ships in the
package like the rest of the page.

Once a second it reads ``/platform/login/state`` (the pre-login cookie goes along; the poll
token stays on the server) and updates the page: scanned, cancelled (with a button for a new
code), expired (it asks ``POST /platform/login/renew`` for a new task and swaps the QR), and on
confirmed it submits the page's CSRF form to ``/platform/login/finish``, which opens the session
and leads to the home page."""

SCRIPT = r"""
(function () {
  "use strict";
  var TEXT = {
    waiting: "请使用电子投标助手扫描二维码登录",
    scanned: "已扫描，请在电子投标助手上确认",
    confirmed: "已确认，正在登录…",
    cancelled: "已取消",
    expired: "二维码已过期，正在刷新…",
    gone: "本页已失效，请刷新页面重新获取二维码",
    offline: "暂时无法连接平台，正在重试…"
  };
  var $ = function (id) { return document.getElementById(id); };
  var finish = $("finish");
  var csrf = finish.elements.csrf.value;
  var busy = false, done = false, current = "waiting";

  function show(state, seconds) {
    $("status").textContent = TEXT[state] || "";
    $("status").dataset.state = state;
    current = state;
    if (typeof seconds === "number") { $("seconds").textContent = String(Math.max(0, seconds)); }
    $("countdown").hidden = !(state === "waiting" || state === "scanned");
    $("renew").hidden = state !== "cancelled";
  }

  function renew() {
    return fetch("/platform/login/renew", {
      method: "POST", cache: "no-store", credentials: "same-origin",
      headers: {"X-CSRF-Token": csrf}
    }).then(function (answer) {
      if (!answer.ok) { done = true; show("gone"); return null; }
      return answer.json().then(function (body) {
        $("qr").src = body.qr;
        show(body.state, body.expires_in);
      });
    });
  }

  function poll() {
    if (busy || done) { return Promise.resolve(); }
    busy = true;
    return fetch("/platform/login/state", {cache: "no-store", credentials: "same-origin"})
      .then(function (answer) {
        if (answer.status === 401) { done = true; show("gone"); return null; }
        if (!answer.ok) { show("offline"); return null; }
        return answer.json().then(function (body) {
          show(body.state, body.expires_in);
          if (body.state === "confirmed") { done = true; finish.submit(); }
          else if (body.state === "expired") { return renew(); }
          return null;
        });
      })
      .catch(function () { show("offline"); })
      .then(function () { busy = false; });
  }

  $("renew").addEventListener("click", function () {
    if (busy) { return; }
    busy = true;
    renew().catch(function () { show("offline"); }).then(function () { busy = false; });
  });
  // Once scanned, the holder is confirming: look four times a second, so the page follows at once.
  function tick() {
    poll().then(function () {
      if (!done) { setTimeout(tick, current === "scanned" ? 250 : 1000); }
    });
  }
  tick();
})();
"""
