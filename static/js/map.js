/* Footprint facility maps: Leaflet + Leaflet.markercluster (static/vendor/), no network beyond
 * this site.
 *
 * templates/companies/includes/_map.html renders a container with data-geojson (the points:
 * companies/maps.py streams them as a GeoJSON FeatureCollection with foreign members limit,
 * truncated and unlocated), data-outlines (static/geo/outlines.json, Natural Earth countries and
 * US states, drawn as the base layer so the map works offline) and, when configured,
 * data-tiles. Points are clustered with their counts; a point is a focusable button coloured by
 * status (the --status-* tokens of footprint.css) whose popup links to the facility page.
 * Keyboard: Tab moves between clusters and points, Enter zooms into a cluster or opens a
 * popup (focus moves to its link), Escape closes it and returns focus to the point.
 */
(function () {
  "use strict";
  if (!window.L || window.FootprintMap) {
    return;
  }
  var outlinesCache = {};
  var numberFormat = new Intl.NumberFormat("en-US");

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(
      function (response) {
        if (!response.ok) {
          throw new Error(url + ": HTTP " + response.status);
        }
        return response.json();
      }
    );
  }

  function outlines(url) {
    if (!outlinesCache[url]) {
      outlinesCache[url] = getJSON(url);
    }
    return outlinesCache[url];
  }

  /* outlines.json rings are flat [lon, lat, lon, lat, ...] arrays. A ring that crosses the
   * antimeridian (Russia, Fiji) jumps from +180 to -180: keep its longitudes continuous, or
   * the polygon draws a line across the whole world. */
  function ringLatLngs(ring) {
    var latlngs = [];
    var shift = 0;
    var previous = null;
    for (var i = 0; i < ring.length; i += 2) {
      var lon = ring[i];
      if (previous !== null && Math.abs(lon + shift - previous) > 180) {
        shift += lon + shift > previous ? -360 : 360;
      }
      previous = lon + shift;
      latlngs.push([ring[i + 1], previous]);
    }
    return latlngs;
  }

  function drawOutlines(map, data, hasTiles) {
    // One canvas for the ~300 outlines: far cheaper than an SVG path each.
    var pane = map.createPane("outlines");
    pane.style.zIndex = 250; // above tiles (200), below markers
    pane.style.pointerEvents = "none";
    var renderer = L.canvas({ padding: 0.5, pane: "outlines" });
    var styles = {
      countries: { color: "#9aa4ae", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: hasTiles ? 0 : 1 },
      states: { color: "#b9c0c7", weight: 0.6, fill: false },
    };
    ["countries", "states"].forEach(function (layer) {
      if (hasTiles && layer === "states") {
        return;
      }
      (data.layers[layer] || []).forEach(function (feature) {
        L.polygon(feature.rings.map(ringLatLngs), L.extend({ renderer: renderer, pane: "outlines", interactive: false }, styles[layer])).addTo(map);
      });
    });
  }

  function pointTitle(p) {
    var status = p.status_label + (p.status_since ? " since " + p.status_since : "");
    return p.name + ", " + p.place + " — " + p.company + ": " + status;
  }

  function popupContent(p) {
    var box = document.createElement("div");
    box.className = "map-popup";
    [
      ["map-popup__name", p.name],
      ["", p.company],
      ["", p.place],
      ["", p.status_label + (p.status_since ? " since " + p.status_since : "")],
    ].forEach(function (line) {
      var el = document.createElement("p");
      el.className = line[0];
      el.textContent = line[1];
      box.appendChild(el);
    });
    var link = document.createElement("a");
    link.href = p.url;
    link.textContent = "Facility page";
    var last = document.createElement("p");
    last.appendChild(link);
    box.appendChild(last);
    return box;
  }

  function pointMarker(feature) {
    var p = feature.properties;
    var c = feature.geometry.coordinates;
    var marker = L.marker([c[1], c[0]], {
      icon: L.divIcon({ className: "map-marker map-marker--" + (p.status || "unknown"), iconSize: [14, 14] }),
      title: pointTitle(p),
      keyboard: true,
      riseOnHover: true,
    });
    marker.bindPopup(function () {
      return popupContent(p);
    });
    marker.on("popupopen", function (event) {
      var container = event.popup.getElement();
      container.setAttribute("role", "dialog");
      container.setAttribute("aria-label", p.name);
      var icon = marker.getElement();
      if (icon) {
        icon.setAttribute("aria-expanded", "true");
      }
      var link = container.querySelector(".map-popup a");
      if (link) {
        link.focus({ preventScroll: true });
      }
    });
    marker.on("popupclose", function () {
      var icon = marker.getElement();
      if (icon) {
        icon.setAttribute("aria-expanded", "false");
        if (icon.ownerDocument.activeElement === icon.ownerDocument.body || marker._footprintFocusBack) {
          icon.focus({ preventScroll: true });
        }
      }
      marker._footprintFocusBack = false;
    });
    return marker;
  }

  function clusterIcon(cluster) {
    var n = cluster.getChildCount();
    var size = n < 10 ? "small" : n < 100 ? "medium" : "large";
    var label = numberFormat.format(n);
    // The count is what the eye reads; the hidden text is the button's name for a screen reader.
    return L.divIcon({
      html: '<div><span aria-hidden="true">' + label + '</span><span class="visually-hidden">Cluster of ' + label + " facilities; Enter zooms in</span></div>",
      className: "marker-cluster marker-cluster-" + size,
      iconSize: L.point(40, 40),
    });
  }

  function describe(status, data, count) {
    var text;
    if (!count) {
      text = "No facilities with coordinates to map.";
    } else {
      text = "The map shows " + numberFormat.format(count) + " facilit" + (count === 1 ? "y" : "ies") + ", clustered where they are close; zoom in to separate them.";
    }
    if (data.truncated) {
      text += " Only the first " + numberFormat.format(data.limit) + " matching facilities are mapped; narrow the filters to map the rest.";
    }
    if (data.unlocated) {
      text += " " + numberFormat.format(data.unlocated) + " without coordinates " + (data.unlocated === 1 ? "is" : "are") + " listed on the page only.";
    }
    status.textContent = text;
  }

  function init(container) {
    var status = document.getElementById(container.id + "-status");
    var hasTiles = !!container.dataset.tiles;
    var map = L.map(container, {
      center: [30, 0],
      zoom: 1,
      minZoom: 1,
      maxZoom: 14,
      zoomSnap: 0.5,
      worldCopyJump: false,
      maxBounds: [[-85, -200], [85, 200]],
      attributionControl: hasTiles,
    });
    // The smallest zoom shows the world once across the map's width (not a small world in a
    // wide box).
    map.setMinZoom(Math.max(1, Math.ceil(Math.log2(container.clientWidth / 256) * 2) / 2));
    container.setAttribute("tabindex", "0");
    if (hasTiles) {
      L.tileLayer(container.dataset.tiles, { attribution: container.dataset.attribution || "" }).addTo(map);
    }
    // Escape in a popup: close it and give focus back to its point.
    map.on("popupopen", function (event) {
      var popupEl = event.popup.getElement();
      popupEl.addEventListener("keydown", function (e) {
        if (e.key === "Escape") {
          event.popup._source._footprintFocusBack = true;
          map.closePopup();
          e.stopPropagation();
        }
      });
    });
    var base = outlines(container.dataset.outlines).then(function (data) {
      drawOutlines(map, data, hasTiles);
    });
    var points = getJSON(container.dataset.geojson).then(function (data) {
      var markers = data.features.map(pointMarker);
      // Fit the view from the points themselves: with thousands of them the cluster group is
      // still adding them (in chunks, so the page stays responsive) when the map needs a view.
      if (markers.length) {
        var bounds = L.latLngBounds(markers.map(function (m) {
          return m.getLatLng();
        }));
        map.fitBounds(bounds.pad(0.15), { maxZoom: 6, animate: false });
      }
      describe(status, data, markers.length);
      container.setAttribute("aria-label", container.getAttribute("aria-label").replace(/^Map of facilities/, "Map of " + numberFormat.format(markers.length) + " facilit" + (markers.length === 1 ? "y" : "ies")));
      container.dataset.points = String(markers.length);
      return new Promise(function (resolve) {
        var clusters = L.markerClusterGroup({
          chunkedLoading: true,
          chunkProgress: function (processed, total) {
            if (processed === total) {
              resolve();
            }
          },
          showCoverageOnHover: false,
          maxClusterRadius: 45,
          spiderfyOnMaxZoom: true,
          iconCreateFunction: clusterIcon,
        });
        map.addLayer(clusters);
        clusters.addLayers(markers);
        if (!markers.length) {
          resolve();
        }
      });
    });
    Promise.all([base, points])
      .then(function () {
        container.dataset.ready = "true";
      })
      .catch(function (error) {
        status.textContent = "The map could not be drawn (" + error.message + "); the facilities are listed on this page.";
        container.dataset.ready = "error";
      });
  }

  window.FootprintMap = { init: init };

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".map[data-geojson]"), init);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
