/* Admin: pick an organisation's position by clicking a map; typing coordinates moves the pin. */
(function () {
  "use strict";
  function init() {
    var latitude = document.querySelector("[data-map-latitude]");
    var longitude = document.querySelector("[data-map-longitude]");
    if (!latitude || !longitude || !window.L) return;
    var holder = document.createElement("div");
    holder.className = "admin-map";
    latitude.closest(".form-row").before(holder);
    var start = [parseFloat(latitude.value) || 52.4797, parseFloat(longitude.value) || -1.9026];
    var map = L.map(holder).setView(start, latitude.value ? 16 : 12);
    L.tileLayer(latitude.dataset.tileUrl, { maxZoom: 19 }).addTo(map);
    var marker = latitude.value ? L.marker(start).addTo(map) : null;
    function place(point) {
      if (marker) marker.setLatLng(point); else marker = L.marker(point).addTo(map);
    }
    map.on("click", function (event) {
      latitude.value = event.latlng.lat.toFixed(5);
      longitude.value = event.latlng.lng.toFixed(5);
      place(event.latlng);
    });
    [latitude, longitude].forEach(function (input) {
      input.addEventListener("change", function () {
        var point = [parseFloat(latitude.value), parseFloat(longitude.value)];
        if (!isNaN(point[0]) && !isNaN(point[1])) { place(point); map.panTo(point); }
      });
    });
  }
  document.addEventListener("DOMContentLoaded", init);
})();
