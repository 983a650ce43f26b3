// An old address of a response: go to its page at once, keeping the
// #section of the old link, which the page's meta refresh would lose.
// The page names its new address in data-moved-to on <html>.
(function () {
  "use strict";
  var to = document.documentElement.getAttribute("data-moved-to");
  if (to) {
    location.replace(to + location.hash);
  }
})();
