// localnhs place map: progressive enhancement over the server-rendered SVG maps.
// Without JavaScript the page shows the SVG panels and their legend. With it, a button
// offers an interactive Leaflet map of the same data (the JSON block #map-data). Markers
// carry the same numbers and letters as the legend and are named for screen readers;
// outlines are not focusable. No background tiles are fetched unless the reader switches
// the OpenStreetMap layer on, so nothing leaves this site by default.
(function () {
  "use strict";
  var el = document.getElementById("map");
  var staticMaps = document.getElementById("map-static");
  var dataEl = document.getElementById("map-data");
  if (!el || !staticMaps || !dataEl || typeof window.L === "undefined") {
    return;
  }
  var data;
  try {
    data = JSON.parse(dataEl.textContent);
  } catch (e) {
    return;
  }
  var L = window.L;
  var map = null;

  function draw() {
    map = L.map(el, { scrollWheelZoom: false, attributionControl: true });
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
      council: { color: "#ae2573", weight: 3, dashArray: "2 6", fill: false },
      sub_icb: { color: "#330072", weight: 2, dashArray: "6 4", fill: false },
      commissioner: { color: "#007f3b", weight: 3, fill: false },
    };
    var overlays = {};
    var layers = [];
    (data.outlines || []).forEach(function (o) {
      var style = outlineStyles[o.kind] || { color: "#005eb8" };
      style.interactive = false;
      var layer = L.geoJSON(o.geometry, { style: style, interactive: false });
      layers.push(layer);
      overlays[o.name] = layer;
      if (o.kind === "lsoa") {
        bounds.extend(layer.getBounds());
      }
    });
    var practice = 0;
    var trust = 0;
    // The place itself last, so it is drawn on top of any practice or trust at the same spot.
    var points = (data.points || []).slice().sort(function (a, b) {
      return (a.kind === "place") - (b.kind === "place");
    });
    points.forEach(function (p) {
      var symbol;
      var what;
      if (p.kind === "practice") {
        practice += 1;
        symbol = String(practice);
        what = "GP practice " + symbol + ": ";
      } else if (p.kind === "trust") {
        symbol = String.fromCharCode(65 + trust);
        trust += 1;
        what = "Trust " + symbol + ": ";
      } else {
        symbol = "\u2605";
        what = "Your place: ";
      }
      var label = what + p.name + (p.note ? " (" + p.note + ")" : "");
      var icon = L.divIcon({
        className: "app-map-marker app-map-marker--" + p.kind,
        html: "<span aria-hidden=\"true\">" + symbol + "</span>",
        iconSize: [26, 26],
      });
      var m = L.marker([p.lat, p.lon], { icon: icon, title: label, alt: label, keyboard: true });
      m.bindTooltip(label);
      m.on("add", function () {
        var node = m.getElement();
        if (node) {
          node.setAttribute("aria-label", label);
          node.setAttribute("role", "img");
        }
      });
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
    L.control.layers({ "No background map": blank, "OpenStreetMap (fetched from openstreetmap.org)": osm }, overlays,
      { collapsed: true }).addTo(map);
    L.control.scale({ imperial: false }).addTo(map);
    el.classList.add("app-map--ready");
  }

  var button = document.createElement("button");
  button.type = "button";
  button.className = "nhsuk-button nhsuk-button--secondary nhsuk-button--small app-map-toggle";
  button.setAttribute("aria-controls", "map");
  button.setAttribute("aria-expanded", "false");
  button.textContent = "Show an interactive map";
  staticMaps.parentNode.insertBefore(button, staticMaps);
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") === "true";
    if (open) {
      el.classList.remove("app-map--active");
      staticMaps.hidden = false;
      button.textContent = "Show an interactive map";
      button.setAttribute("aria-expanded", "false");
      return;
    }
    staticMaps.hidden = true;
    el.classList.add("app-map--active");
    button.textContent = "Show the maps as pictures";
    button.setAttribute("aria-expanded", "true");
    if (map === null) {
      draw();
    } else {
      map.invalidateSize();
    }
  });
})();
