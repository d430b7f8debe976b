/* Maps, only when the reader asks for one. Without JavaScript (or tiles) the list of places with
   addresses and directions links beside the map is the whole experience, and it is enough. */
(function () {
  "use strict";

  function loadLeaflet(section, done) {
    if (window.L) { done(); return; }
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = section.dataset.leafletCss;
    document.head.appendChild(css);
    var script = document.createElement("script");
    script.src = section.dataset.leafletJs;
    script.onload = done;
    document.head.appendChild(script);
  }

  function popupContent(place) {
    var link = document.createElement("a");
    link.href = place.dataset.url;
    link.textContent = place.dataset.name;  // text, never HTML
    link.dir = "auto";
    return link;
  }

  function draw(section) {
    var canvas = section.querySelector("[data-map-canvas]");
    var places = placesOf(section);
    canvas.hidden = false;
    var map = L.map(canvas, { zoomControl: false, scrollWheelZoom: false });
    L.control.zoom({
      zoomInTitle: section.dataset.zoomIn,
      zoomOutTitle: section.dataset.zoomOut,
      position: section.dataset.rtl ? "topright" : "topleft"
    }).addTo(map);
    L.tileLayer(section.dataset.tileUrl, {
      maxZoom: 19,
      attribution: section.dataset.attribution
    }).addTo(map);
    var bounds = [];
    places.forEach(function (place) {
      var point = [parseFloat(place.dataset.lat), parseFloat(place.dataset.lon)];
      bounds.push(point);
      L.marker(point, { title: place.dataset.name, alt: place.dataset.name })
        .addTo(map).bindPopup(popupContent(place));
    });
    if (bounds.length === 1) map.setView(bounds[0], 16);
    else map.fitBounds(bounds, { padding: [24, 24] });
  }

  function placesOf(section) {
    var from = section.dataset.placesFrom;
    var scope = from ? document.querySelector(from) : section;
    return scope ? scope.querySelectorAll("[data-lat]") : [];
  }

  document.querySelectorAll("[data-map]").forEach(function (section) {
    var button = section.querySelector("[data-map-open]");
    if (!button || !placesOf(section).length) return;
    button.hidden = false;
    section.querySelector("[data-map-note]").hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      loadLeaflet(section, function () {
        button.hidden = true;
        draw(section);
      });
    });
  });
})();
