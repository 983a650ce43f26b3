// foilog preview: reloads the page after every rebuild and shows build
// errors and warnings in an overlay. Served only by `foilog serve`, at
// <base>_foilog/reload.js; a built site never contains it.
//
// Everything is built with DOM APIs and styled by _foilog/overlay.css, so
// the strict Content-Security-Policy of the site holds (no inline style or
// script). Messages arrive as server-sent events from _foilog/events:
// "hello" when connecting and "build" after each build, both carrying the
// server's Status as JSON (see internal/server/status.go).
(function () {
  "use strict";

  // The build this page was served from: {session, good, base}.
  var page = /*PAGE*/{};
  var NOTICE_KEY = "foilog-preview-notice";

  var latest = null;        // the latest Status received
  var overlay = null;       // the overlay element shown, if any
  var returnFocus = null;   // where focus goes when a modal overlay closes
  var dismissed = -1;       // the build whose overlay the reader dismissed

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  // sitePath returns the page's path below the base path: "" for the home
  // page, "responses/x/" for a response.
  function sitePath(base) {
    var p = location.pathname;
    try { p = decodeURI(p); } catch (e) { /* keep it encoded */ }
    if (p.indexOf(base) === 0) {
      p = p.slice(base.length);
    } else if (p + "/" === base) {
      p = "";
    }
    return p.replace(/(^|\/)index\.html$/, "$1");
  }

  function addStyleSheet() {
    if (document.getElementById("foilog-overlay-css")) return;
    var link = document.createElement("link");
    link.id = "foilog-overlay-css";
    link.rel = "stylesheet";
    link.href = page.base + "_foilog/overlay.css";
    document.head.appendChild(link);
  }

  // follow loads the page again after a successful build, going where the
  // page's content went when it moved or disappeared.
  function follow(st) {
    var here = sitePath(page.base);
    var moved = (st.moved || []).filter(function (m) { return m.from === here; })[0];
    if (moved) {
      location.replace(st.base + moved.to + location.hash);
      return;
    }
    if ((st.removed || []).indexOf(here) >= 0) {
      try {
        sessionStorage.setItem(NOTICE_KEY, JSON.stringify({ path: page.base + here, trigger: st.trigger }));
      } catch (e) { /* storage disabled: no notice */ }
      location.replace(st.base);
      return;
    }
    if (st.base !== page.base) {
      location.replace(st.base + here + location.search + location.hash);
      return;
    }
    location.reload();
  }

  function position(p) {
    var s = p.path;
    if (p.line > 0) {
      s += ":" + p.line;
      if (p.col > 0) s += ":" + p.col;
    }
    return s;
  }

  function sourceBlock(p) {
    var pre = el("pre", "foilog-source");
    var first = p.source[0].number, last = p.source[p.source.length - 1].number;
    pre.setAttribute("aria-label", "Lines " + first + " to " + last + " of " + p.path);
    pre.tabIndex = 0; // scrollable by keyboard
    var code = el("code");
    p.source.forEach(function (l) {
      var line = el(l.mark ? "mark" : "span", "foilog-source__line" + (l.mark ? " foilog-source__line--mark" : ""));
      line.appendChild(el("span", "foilog-source__number", String(l.number)));
      line.appendChild(document.createTextNode(l.text === "" ? " " : l.text));
      code.appendChild(line);
      code.appendChild(document.createTextNode("\n"));
      if (l.mark && p.col > 0) {
        // A caret under the column, keeping tabs so it lines up.
        var pad = Array.from(l.text).slice(0, p.col - 1).map(function (c) { return c === "\t" ? "\t" : " "; }).join("");
        var caret = el("span", "foilog-source__caret", pad + "^");
        caret.setAttribute("aria-hidden", "true");
        var blank = el("span", "foilog-source__number", "");
        var row = el("span", "foilog-source__line");
        row.setAttribute("aria-hidden", "true");
        row.appendChild(blank);
        row.appendChild(caret);
        code.appendChild(row);
        code.appendChild(document.createTextNode("\n"));
      }
    });
    pre.appendChild(code);
    return pre;
  }

  function problemList(list) {
    var ul = el("ul", "foilog-problems");
    list.forEach(function (p) {
      var li = el("li", "foilog-problem foilog-problem--" + p.severity);
      var where = el("p", "foilog-problem__where");
      where.appendChild(el("strong", "foilog-problem__severity", p.severity === "error" ? "Error" : "Warning"));
      where.appendChild(document.createTextNode(" in "));
      where.appendChild(el("code", "foilog-problem__file", position(p)));
      li.appendChild(where);
      li.appendChild(el("p", "foilog-problem__message", p.message));
      if (p.hint) li.appendChild(el("p", "foilog-problem__hint", "Hint: " + p.hint));
      if (p.source && p.source.length) li.appendChild(sourceBlock(p));
      (p.related || []).forEach(function (r) {
        var rel = el("p", "foilog-problem__related");
        rel.appendChild(el("code", null, position(r)));
        rel.appendChild(document.createTextNode(": " + r.message));
        li.appendChild(rel);
      });
      ul.appendChild(li);
    });
    return ul;
  }

  function closeButton(what) {
    var b = el("button", "foilog-overlay__close", "Close");
    b.type = "button";
    b.setAttribute("aria-label", "Close " + what);
    b.setAttribute("aria-keyshortcuts", "Escape");
    b.addEventListener("click", dismiss);
    return b;
  }

  function head(id, title, label) {
    var h = el("div", "foilog-overlay__head");
    var t = el("h2", "foilog-overlay__title", title);
    t.id = id;
    h.appendChild(t);
    h.appendChild(closeButton(label));
    return h;
  }

  function warningDetails(warnings, total) {
    var d = el("details", "foilog-warnings");
    d.appendChild(el("summary", "foilog-warnings__summary",
      plural(total, "warning", "warnings") + ": the site builds, but check before publishing"));
    d.appendChild(problemList(warnings));
    return d;
  }

  function truncated(st) {
    if (st.problems.length >= st.errors + st.warnings) return null;
    return el("p", "foilog-overlay__note", "Only the first " + st.problems.length +
      " problems are shown here; the terminal lists all " + (st.errors + st.warnings) + ".");
  }

  // errorDialog is shown when the latest build failed: a modal alert
  // dialog over the last good page, inside a complementary landmark.
  function errorDialog(st, errors, warnings) {
    var root = el("aside", "foilog-overlay foilog-overlay--error");
    root.id = "foilog-overlay";
    root.setAttribute("aria-label", "Preview build report");
    var panel = el("div", "foilog-overlay__panel");
    panel.id = "foilog-dialog";
    panel.setAttribute("role", "alertdialog");
    panel.setAttribute("aria-modal", "true");
    panel.setAttribute("aria-labelledby", "foilog-overlay-title");
    panel.setAttribute("aria-describedby", "foilog-overlay-desc");
    panel.tabIndex = -1;
    panel.appendChild(head("foilog-overlay-title",
      "The site did not build: " + plural(st.errors, "error", "errors"), "the build errors"));
    var desc = el("p", "foilog-overlay__desc",
      "This page shows the last version that built. Fix the file and save it: this message goes away by itself. " +
      "Press Escape to hide it for now.");
    desc.id = "foilog-overlay-desc";
    panel.appendChild(desc);
    panel.appendChild(problemList(errors));
    var note = truncated(st);
    if (note) panel.appendChild(note);
    if (warnings.length) panel.appendChild(warningDetails(warnings, st.warnings));
    root.appendChild(panel);
    return root;
  }

  // warningPanel is shown when the build succeeded with warnings: a small
  // panel in a corner that does not block the page, folded by default.
  function warningPanel(st, warnings) {
    var root = el("aside", "foilog-overlay foilog-overlay--warning");
    root.id = "foilog-overlay";
    root.setAttribute("aria-labelledby", "foilog-overlay-title");
    root.tabIndex = -1;
    var panel = el("div", "foilog-overlay__panel");
    panel.appendChild(head("foilog-overlay-title", "Build warnings", "the build warnings"));
    panel.appendChild(warningDetails(warnings, st.warnings));
    var note = truncated(st);
    if (note) panel.appendChild(note);
    root.appendChild(panel);
    return root;
  }

  // dialogOf returns the modal dialog inside an overlay, or null.
  function dialogOf(e) {
    return e ? e.querySelector('[aria-modal="true"]') : null;
  }

  function isModal(e) {
    return !!dialogOf(e);
  }

  function close() {
    if (!overlay) return;
    var wasModal = isModal(overlay);
    overlay.remove();
    overlay = null;
    if (wasModal && returnFocus && document.contains(returnFocus)) returnFocus.focus();
    if (wasModal) returnFocus = null;
  }

  function dismiss() {
    if (latest) dismissed = latest.build;
    if (overlay) {
      close();
      return;
    }
    var notice = document.getElementById("foilog-notice");
    if (notice) notice.remove();
  }

  // show replaces the overlay with one for st's problems, or removes it.
  function show(st) {
    var errors = [], warnings = [];
    (st.problems || []).forEach(function (p) { (p.severity === "error" ? errors : warnings).push(p); });
    var next = null;
    if (dismissed !== st.build) {
      if (!st.ok && errors.length) next = errorDialog(st, errors, warnings);
      else if (warnings.length) next = warningPanel(st, warnings);
    }
    var focusWasInside = overlay && overlay.contains(document.activeElement);
    if (isModal(next) && !returnFocus) {
      returnFocus = focusWasInside ? null : document.activeElement;
    }
    if (overlay && isModal(next)) {
      overlay.remove(); // keep returnFocus for the new dialog
      overlay = null;
    } else {
      close();
    }
    if (!next) return;
    overlay = next;
    document.body.appendChild(overlay);
    if (isModal(overlay)) dialogOf(overlay).focus();
  }

  function trapTab(e) {
    var dialog = dialogOf(overlay);
    var focusable = Array.prototype.slice.call(dialog.querySelectorAll(
      "button, summary, a[href], [tabindex]:not([tabindex='-1'])"));
    if (!focusable.length) {
      e.preventDefault();
      return;
    }
    var first = focusable[0], last = focusable[focusable.length - 1];
    var active = document.activeElement;
    if (!dialog.contains(active) || active === dialog) {
      e.preventDefault();
      (e.shiftKey ? last : first).focus();
    } else if (e.shiftKey && active === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  }

  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" || e.key === "Esc") {
      if (overlay || document.getElementById("foilog-notice")) {
        e.preventDefault();
        dismiss();
      }
      return;
    }
    if (e.key === "Tab" && isModal(overlay)) trapTab(e);
  });

  // showNotice tells a reader brought to the home page why.
  function showNotice() {
    var raw = null;
    try {
      raw = sessionStorage.getItem(NOTICE_KEY);
      sessionStorage.removeItem(NOTICE_KEY);
    } catch (e) { return; }
    if (!raw) return;
    var n;
    try { n = JSON.parse(raw); } catch (e) { return; }
    var box = el("aside", "foilog-notice");
    box.id = "foilog-notice";
    box.setAttribute("aria-label", "Preview notice");
    var alert = el("div", "foilog-notice__body");
    alert.setAttribute("role", "alert");
    alert.appendChild(el("p", "foilog-notice__text",
      "The page " + n.path + " no longer exists after the last change (" + n.trigger +
      "), so the preview brought you to the home page."));
    box.appendChild(alert);
    box.appendChild(closeButton("this notice"));
    document.body.appendChild(box);
  }

  function handle(kind, st) {
    latest = st;
    document.documentElement.setAttribute("data-foilog-build", String(st.build));
    if (kind === "hello") {
      // A build finished after this page was served, or the server restarted.
      if (st.good > 0 && (st.session !== page.session || st.good !== page.good)) {
        location.reload();
        return;
      }
    } else if (st.ok && st.reload) {
      follow(st);
      return;
    }
    show(st);
  }

  function connect() {
    if (!window.EventSource) return;
    var source = new EventSource(page.base + "_foilog/events");
    ["hello", "build"].forEach(function (kind) {
      source.addEventListener(kind, function (e) {
        var st;
        try { st = JSON.parse(e.data); } catch (err) { return; }
        handle(kind, st);
      });
    });
    window.addEventListener("pagehide", function () { source.close(); });
    // A page restored from the back-forward cache has lost its stream and
    // may be out of date.
    window.addEventListener("pageshow", function (e) { if (e.persisted) location.reload(); });
  }

  addStyleSheet();
  showNotice();
  connect();
})();
