/* Count a welcome video's first play, by language only: no cookie, no identifier. */
(function () {
  "use strict";
  document.querySelectorAll("video[data-played-url]").forEach(function (video) {
    video.addEventListener("play", function () {
      if (navigator.sendBeacon) navigator.sendBeacon(video.dataset.playedUrl);
    }, { once: true });
  });
})();
