/* Language chooser: highlight the visitor's preferred language. Never redirects. */
(function () {
  "use strict";
  var prefs = navigator.languages || [navigator.language || ""];
  var links = document.querySelectorAll("a[data-lang]");
  for (var i = 0; i < prefs.length; i++) {
    var pref = String(prefs[i]).toLowerCase();
    for (var j = 0; j < links.length; j++) {
      var code = (links[j].getAttribute("data-lang") || "").toLowerCase();
      if (code && (pref === code || pref.indexOf(code + "-") === 0)) {
        links[j].classList.add("is-preferred");
        return;
      }
    }
  }
})();
