// localnhs place map: progressive enhancement. Reads the JSON block #map-data (points and
// outlines rendered by the server) and draws them with Leaflet. No background tiles are
// fetched unless the reader switches the OpenStreetMap layer on, so the points and
// outlines work offline and nothing leaves this site by default.
(function () {
  "use strict";
  var el = document.getElementById("map");
  var dataEl = document.getElementById("map-data");
  if (!el || !dataEl || typeof window.L === "undefined") {
    return;
  }
  var data;
  try {
    data = JSON.parse(dataEl.textContent);
  } catch (e) {
    return;
  }
  var L = window.L;
  // Show the container before Leaflet measures it (hidden when scripts do not run).
  el.classList.add("app-map--active");
  var map = L.map(el, { scrollWheelZoom: false, attributionControl: true });
  map.attributionControl.setPrefix(false);
  var blank = L.layerGroup();
  var osm = L.tileLayer("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 19,
    attribution: "&copy; OpenStreetMap contributors",
  });
  blank.addTo(map);
  var bounds = L.latLngBounds([]);
  var outlineStyles = {
    lsoa: { color: "#d5281b", weight: 3, fillOpacity: 0.08 },
    sub_icb: { color: "#330072", weight: 2, dashArray: "6 4", fill: false },
    commissioner: { color: "#007f3b", weight: 3, fill: false },
  };
  var overlays = {};
  var layers = [];
  (data.outlines || []).forEach(function (o) {
    var layer = L.geoJSON(o.geometry, { style: outlineStyles[o.kind] || { color: "#005eb8" } });
    layer.bindTooltip(o.name, { sticky: true });
    layers.push(layer);
    overlays[o.name] = layer;
    if (o.kind === "lsoa") {
      bounds.extend(layer.getBounds());
    }
  });
  var colours = { practice: "#005eb8", trust: "#330072" };
  // The place itself last, so it is drawn on top of any practice or trust at the same spot.
  var points = (data.points || []).slice().sort(function (a, b) {
    return (a.kind === "place") - (b.kind === "place");
  });
  points.forEach(function (p) {
    var label = p.name + (p.note ? " (" + p.note + ")" : "");
    var m;
    if (p.kind === "place") {
      m = L.circleMarker([p.lat, p.lon], { radius: 9, color: "#212b32", weight: 3, fillColor: "#ffeb3b", fillOpacity: 1 });
    } else {
      m = L.circleMarker([p.lat, p.lon], { radius: 7, color: "#ffffff", weight: 2, fillColor: colours[p.kind] || "#4c6272", fillOpacity: 1 });
    }
    m.bindTooltip(label);
    layers.push(m);
    if (p.kind !== "trust") {
      bounds.extend([p.lat, p.lon]);
    }
  });
  if (bounds.isValid()) {
    map.fitBounds(bounds.pad(0.15));
  } else {
    map.setView([52.5, -1.5], 6);
  }
  // Add the layers once the map has a view (Leaflet clips paths to the visible bounds).
  layers.forEach(function (layer) {
    layer.addTo(map);
  });
  L.control.layers({ "No background map": blank, "OpenStreetMap": osm }, overlays, { collapsed: true }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);
  el.classList.add("app-map--ready");
})();
