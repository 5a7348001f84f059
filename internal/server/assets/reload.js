// Live reload for `tiendo serve`. It reloads the page after every good
// rebuild, and while the site has errors lays an overlay listing them over
// the page. Served only by the development server, never part of a built
// site. Error text is only ever set with textContent.
(function () {
  "use strict";

  var OVERLAY_ID = "tiendo-overlay";
  var CSS_ID = "tiendo-overlay-css";
  var placeholder = document.querySelector('meta[name="tiendo-placeholder"]') !== null;
  var build = null;

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text) {
      e.textContent = text;
    }
    return e;
  }

  function addStylesheet() {
    if (document.getElementById(CSS_ID)) {
      return;
    }
    var link = document.createElement("link");
    link.id = CSS_ID;
    link.rel = "stylesheet";
    link.href = "/__tiendo/overlay.css";
    (document.head || document.documentElement).appendChild(link);
  }

  function hide() {
    var o = document.getElementById(OVERLAY_ID);
    if (o) {
      o.parentNode.removeChild(o);
    }
  }

  function show(d) {
    hide();
    addStylesheet();
    var overlay = el("div", "tiendo-overlay");
    overlay.id = OVERLAY_ID;
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-labelledby", OVERLAY_ID + "-title");
    if (d.lang) {
      overlay.setAttribute("lang", d.lang);
    }
    var box = el("div", "tiendo-overlay__box");
    var title = el("h2", "tiendo-overlay__title", d.title);
    title.id = OVERLAY_ID + "-title";
    box.appendChild(title);
    box.appendChild(el("p", "tiendo-overlay__note", d.note));

    var list = el("ol", "tiendo-overlay__list");
    (d.errors || []).forEach(function (e) {
      var warning = e.severity === "warning";
      var item = el("li", "tiendo-overlay__item" + (warning ? " tiendo-overlay__item--warning" : ""));
      item.appendChild(el("code", "tiendo-overlay__pos", e.pos));
      if (warning) {
        item.appendChild(el("span", "tiendo-overlay__label", d.warningLabel + ": "));
      }
      item.appendChild(el("span", "tiendo-overlay__msg", e.message));
      if (e.hint) {
        var hint = el("p", "tiendo-overlay__hint");
        hint.appendChild(el("span", "tiendo-overlay__label", d.hintLabel + ": "));
        hint.appendChild(document.createTextNode(e.hint));
        item.appendChild(hint);
      }
      list.appendChild(item);
    });
    box.appendChild(list);
    box.appendChild(el("p", "tiendo-overlay__count", d.count));

    var close = el("button", "tiendo-overlay__close", d.close);
    close.type = "button";
    close.addEventListener("click", hide);
    box.appendChild(close);

    overlay.appendChild(box);
    document.body.appendChild(overlay);
    close.focus();
  }

  if (typeof EventSource === "undefined") {
    return;
  }
  var events = new EventSource("/__tiendo/events");
  events.addEventListener("hello", function (ev) {
    var d = JSON.parse(ev.data);
    // A new build since this page loaded (the server restarted, or the
    // page is the stand-in shown before the first good build): reload.
    if (placeholder || (build !== null && d.build !== build)) {
      window.location.reload();
      return;
    }
    build = d.build;
    hide();
  });
  // This page's path as the server names pages: the folder, without
  // index.html.
  function here() {
    return decodeURI(window.location.pathname).replace(/index\.html$/, "");
  }

  events.addEventListener("reload", function (ev) {
    var d = JSON.parse(ev.data);
    // A partial rebuild lists the pages it changed; the others stay as
    // they are, and only lose the overlay of a failed build.
    if (d.all || placeholder || (d.pages || []).indexOf(here()) >= 0) {
      window.location.reload();
      return;
    }
    build = d.build;
    hide();
  });
  events.addEventListener("errors", function (ev) {
    show(JSON.parse(ev.data));
  });
})();
