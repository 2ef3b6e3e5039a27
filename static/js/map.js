/* Footprint facility map: a small, dependency-free SVG map.
 *
 * Reads the JSON that templates/companies/includes/_map.html writes with json_script
 * (companies/maps.py, FacilityMap.payload): the bounds to fit, the URL of the shipped outlines
 * (static/geo/outlines.json: Natural Earth countries, US states), an optional tile URL
 * template, and the points. Web Mercator, fitted to the bounds. Points are coloured by status
 * (the --status-* tokens of footprint.css), focusable, and open a popup on click, Enter or
 * Space; Escape closes it. Works with no network: tiles are drawn only when configured.
 */
(function () {
  "use strict";
  if (window.FootprintMap) {
    return;
  }
  var SVG_NS = "http://www.w3.org/2000/svg";
  var WIDTH = 960;
  var MAX_LAT = 85.05113;
  var DRAW_ORDER = { unknown: 0, planned: 1, sold: 2, closed: 3, open: 4, idled: 5 };
  var outlinesCache = {};

  function mercX(lon) {
    return (lon + 180) / 360;
  }

  function mercY(lat) {
    var clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
    var s = Math.sin((clamped * Math.PI) / 180);
    return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  }

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG_NS, name);
    Object.keys(attrs || {}).forEach(function (key) {
      node.setAttribute(key, attrs[key]);
    });
    if (parent) {
      parent.appendChild(node);
    }
    return node;
  }

  function html(name, className, text, parent) {
    var node = document.createElement(name);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    if (parent) {
      parent.appendChild(node);
    }
    return node;
  }

  /* A projection fitted to [west, south, east, north] in a WIDTH x height box. */
  function fit(bounds, height) {
    var x0 = mercX(bounds[0]);
    var x1 = mercX(bounds[2]);
    var y0 = mercY(bounds[3]);
    var y1 = mercY(bounds[1]);
    var scale = Math.min(WIDTH / Math.max(x1 - x0, 1e-6), height / Math.max(y1 - y0, 1e-6));
    var cx = (x0 + x1) / 2;
    var cy = (y0 + y1) / 2;
    return {
      scale: scale,
      cx: cx,
      cy: cy,
      height: height,
      x: function (lon) {
        return (mercX(lon) - cx) * scale + WIDTH / 2;
      },
      y: function (lat) {
        return (mercY(lat) - cy) * scale + height / 2;
      },
    };
  }

  function ringPath(ring, proj) {
    var parts = [];
    var minX = Infinity;
    var maxX = -Infinity;
    var minY = Infinity;
    var maxY = -Infinity;
    for (var i = 0; i < ring.length; i += 2) {
      var x = proj.x(ring[i]);
      var y = proj.y(ring[i + 1]);
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      parts.push((i ? "L" : "M") + x.toFixed(1) + " " + y.toFixed(1));
    }
    if (maxX < 0 || minX > WIDTH || maxY < 0 || minY > proj.height) {
      return "";
    }
    // Skip rings smaller than a pixel or so; they only add weight.
    if (maxX - minX < 0.8 && maxY - minY < 0.8) {
      return "";
    }
    return parts.join("") + "Z";
  }

  function drawLayer(features, proj, group, className) {
    features.forEach(function (feature) {
      var d = feature.rings
        .map(function (ring) {
          return ringPath(ring, proj);
        })
        .join("");
      if (d) {
        var path = el("path", { d: d, class: className }, group);
        if (feature.name) {
          el("title", {}, path).textContent = feature.name;
        }
      }
    });
  }

  function loadOutlines(url) {
    if (!outlinesCache[url]) {
      outlinesCache[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) {
          throw new Error("outlines " + response.status);
        }
        return response.json();
      });
    }
    return outlinesCache[url];
  }

  function drawTiles(template, proj, group) {
    // Zoom so a 256-unit tile is drawn about 256 units wide.
    var z = Math.max(0, Math.min(18, Math.round(Math.log2(proj.scale / 256))));
    var n = Math.pow(2, z);
    var size = proj.scale / n;
    var left = proj.cx - WIDTH / 2 / proj.scale;
    var top = proj.cy - proj.height / 2 / proj.scale;
    var right = proj.cx + WIDTH / 2 / proj.scale;
    var bottom = proj.cy + proj.height / 2 / proj.scale;
    for (var tx = Math.floor(left * n); tx <= Math.floor(right * n); tx++) {
      for (var ty = Math.max(0, Math.floor(top * n)); ty <= Math.min(n - 1, Math.floor(bottom * n)); ty++) {
        var wrapped = ((tx % n) + n) % n;
        var href = template.replace("{z}", z).replace("{x}", wrapped).replace("{y}", ty);
        el(
          "image",
          {
            href: href,
            x: ((tx / n - proj.cx) * proj.scale + WIDTH / 2).toFixed(1),
            y: ((ty / n - proj.cy) * proj.scale + proj.height / 2).toFixed(1),
            width: (size + 0.5).toFixed(1),
            height: (size + 0.5).toFixed(1),
            preserveAspectRatio: "none",
          },
          group
        );
      }
    }
  }

  /* Facilities at the same place are spread on a small circle so each can be reached. */
  function layout(points, proj, unit) {
    var spots = {};
    points.forEach(function (point) {
      point.px = proj.x(point.x);
      point.py = proj.y(point.y);
      var key = point.x.toFixed(4) + ":" + point.y.toFixed(4);
      (spots[key] = spots[key] || []).push(point);
    });
    Object.keys(spots).forEach(function (key) {
      var group = spots[key];
      if (group.length < 2) {
        return;
      }
      var radius = Math.max(9, group.length * 2.6) * unit;
      group.forEach(function (point, i) {
        var angle = (2 * Math.PI * i) / group.length - Math.PI / 2;
        point.px += radius * Math.cos(angle);
        point.py += radius * Math.sin(angle);
      });
    });
  }

  function FacilityMap(container, data) {
    this.container = container;
    this.data = data;
    this.popup = null;
    this.opener = null;
    this.render();
  }

  FacilityMap.prototype.render = function () {
    var self = this;
    var container = this.container;
    var pixels = container.clientWidth || WIDTH;
    var height = pixels < 600 ? Math.round(WIDTH * 0.8) : Math.round(WIDTH * 0.5);
    var unit = WIDTH / pixels; // viewBox units per CSS pixel, so markers keep their size
    var proj = fit(this.data.bounds, height);
    this.unit = unit;

    var svg = el("svg", {
      viewBox: "0 0 " + WIDTH + " " + height,
      class: "map__svg",
      role: "presentation",
      focusable: "false",
    });
    el("rect", { x: 0, y: 0, width: WIDTH, height: height, class: "map__sea" }, svg);
    var tiles = el("g", { class: "map__tiles" }, svg);
    var land = el("g", { class: "map__land", "stroke-width": (0.8 * unit).toFixed(2) }, svg);
    var states = el("g", { class: "map__states", "stroke-width": (0.6 * unit).toFixed(2) }, svg);
    var pointsLayer = el("g", { class: "map__points" }, svg);
    container.appendChild(svg);

    if (this.data.tiles) {
      drawTiles(this.data.tiles, proj, tiles);
      svg.classList.add("map__svg--tiles");
    }
    if (this.data.outlines) {
      loadOutlines(this.data.outlines).then(
        function (outlines) {
          drawLayer(outlines.layers.countries || [], proj, land, "map__country");
          drawLayer(outlines.layers.states || [], proj, states, "map__state");
        },
        function () {
          html("p", "map__note", "The base map could not be loaded; the points are still shown.", container);
        }
      );
    }

    var points = this.data.points.slice();
    points.sort(function (a, b) {
      return (DRAW_ORDER[a.s] || 0) - (DRAW_ORDER[b.s] || 0);
    });
    layout(points, proj, unit);
    // Smaller markers when there are many, so the map stays readable.
    var radius = points.length > 1000 ? 3.5 : points.length > 200 ? 5 : 6.5;
    points.forEach(function (point) {
      var label = point.n + ", " + point.c + ": " + point.l + (point.d ? " since " + point.d : "") + ", " + point.p;
      var circle = el(
        "circle",
        {
          cx: point.px.toFixed(1),
          cy: point.py.toFixed(1),
          r: (radius * unit).toFixed(2),
          "stroke-width": (1.5 * unit).toFixed(2),
          class: "map__point map__point--" + point.s,
          tabindex: "0",
          role: "button",
          "aria-label": label,
          "aria-haspopup": "dialog",
        },
        pointsLayer
      );
      el("title", {}, circle).textContent = point.n + " (" + point.l + ")";
      circle.addEventListener("click", function (event) {
        event.stopPropagation();
        self.open(point, circle);
      });
      circle.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          self.open(point, circle, true);
        }
      });
    });

    container.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && self.popup) {
        self.close(true);
      }
    });
    document.addEventListener("click", function (event) {
      if (self.popup && !self.popup.contains(event.target)) {
        self.close(false);
      }
    });
  };

  FacilityMap.prototype.open = function (point, circle, fromKeyboard) {
    this.close(false);
    var popup = html("div", "map-popup", "", null);
    popup.setAttribute("role", "dialog");
    popup.setAttribute("aria-label", point.n);
    var close = html("button", "map-popup__close", "×", popup);
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    html("p", "map-popup__name", point.n, popup);
    html("p", "map-popup__company", point.c, popup);
    html("p", "map-popup__place muted", point.p, popup);
    var status = html("p", "map-popup__status", "", popup);
    html("span", "status-badge status-" + point.s, point.l, status);
    if (point.d) {
      status.appendChild(document.createTextNode(" since " + point.d));
    }
    var link = html("a", "map-popup__link", "Facility page →", popup);
    link.href = point.u;
    var self = this;
    close.addEventListener("click", function () {
      self.close(true);
    });
    this.container.appendChild(popup);

    // Place it beside the point, kept inside the map.
    var box = this.container.getBoundingClientRect();
    var dot = circle.getBoundingClientRect();
    var x = dot.left + dot.width / 2 - box.left;
    var y = dot.top + dot.height / 2 - box.top;
    var left = Math.max(4, Math.min(x + 12, box.width - popup.offsetWidth - 4));
    if (x + 12 + popup.offsetWidth > box.width - 4 && x - 12 - popup.offsetWidth >= 4) {
      left = x - 12 - popup.offsetWidth;
    }
    var top = Math.max(4, Math.min(y - popup.offsetHeight / 2, box.height - popup.offsetHeight - 4));
    popup.style.left = left + "px";
    popup.style.top = top + "px";

    circle.setAttribute("aria-expanded", "true");
    circle.classList.add("is-active");
    this.popup = popup;
    this.opener = circle;
    if (fromKeyboard) {
      link.focus();
    }
  };

  FacilityMap.prototype.close = function (returnFocus) {
    if (!this.popup) {
      return;
    }
    this.popup.remove();
    this.popup = null;
    if (this.opener) {
      this.opener.removeAttribute("aria-expanded");
      this.opener.classList.remove("is-active");
      if (returnFocus) {
        this.opener.focus();
      }
    }
    this.opener = null;
  };

  function init() {
    var maps = document.querySelectorAll("[data-map]");
    Array.prototype.forEach.call(maps, function (container) {
      if (container.dataset.mapReady) {
        return;
      }
      var script = document.getElementById(container.dataset.map);
      if (!script) {
        return;
      }
      container.dataset.mapReady = "1";
      new FacilityMap(container, JSON.parse(script.textContent));
    });
  }

  window.FootprintMap = { init: init, mercX: mercX, mercY: mercY };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
