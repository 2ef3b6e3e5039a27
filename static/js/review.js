/* The release review page: autocomplete for place and company fields, and the link between a
   row and its numbered evidence. Without it every form still works: a typed place is read
   on the server ("Jay, Maine"), a typed company is matched or created. */
(function () {
  "use strict";

  var DELAY_MS = 150;
  var MIN_CHARS = 2;

  function sources(root) {
    return {
      // The gazetteer: {results: [{label, description, geonames_id}]}.
      place: function (term) {
        return fetch(root.dataset.placesUrl + "?q=" + encodeURIComponent(term), {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            return data.results.map(function (r) {
              return { label: r.label, description: r.description, value: r.geonames_id };
            });
          });
      },
      // Existing companies, through the admin's own autocomplete for the release's company.
      company: function (term) {
        var query = "?app_label=companies&model_name=release&field_name=company&term=" + encodeURIComponent(term);
        return fetch(root.dataset.companiesUrl + query, { credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            return data.results.map(function (r) { return { label: r.text, description: r.text, value: r.id }; });
          });
      },
    };
  }

  function autocomplete(input, search) {
    var list = document.createElement("ul");
    var timer = null;
    var items = [];
    var active = -1;
    var multiple = input.dataset.multiple === "1";
    var idInput = input.dataset.idInput ? document.getElementById(input.dataset.idInput) : null;

    list.className = "place-suggestions";
    list.id = input.id + "-suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.insertAdjacentElement("afterend", list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (li, i) {
        li.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      if (index >= 0) input.setAttribute("aria-activedescendant", list.children[index].id);
    }

    function choose(item) {
      if (multiple) {
        addPick(input, item);
        input.value = "";
      } else {
        input.value = item.label;
        if (idInput) idInput.value = item.value;
      }
      close();
      input.focus();
    }

    function show(results) {
      items = results;
      list.textContent = "";
      results.forEach(function (item, i) {
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.textContent = item.description;
        // mousedown, not click: the input's blur would close the list before a click lands.
        li.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(item);
        });
        list.appendChild(li);
      });
      list.hidden = results.length === 0;
      input.setAttribute("aria-expanded", results.length ? "true" : "false");
      highlight(results.length ? 0 : -1);
    }

    input.addEventListener("input", function () {
      if (idInput) idInput.value = ""; // the text no longer names the place picked
      clearTimeout(timer);
      var term = input.value.trim();
      if (term.length < MIN_CHARS) {
        close();
        return;
      }
      timer = setTimeout(function () {
        search(term).then(function (results) {
          if (input.value.trim() === term) show(results);
        });
      }, DELAY_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : -1;
        highlight((active + step + items.length) % items.length);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        choose(items[active]);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", close);
    // A suggestion that arrives after the form is sent has nothing left to do.
    if (input.form) {
      input.form.addEventListener("submit", function () {
        clearTimeout(timer);
        close();
      });
    }
  }

  // A place added to a list of several (the "add an event" form): shown as a chip that holds
  // "<GeoNames id>|<label>" for the form, with a button to take it out again.
  function addPick(input, item) {
    var picks = document.getElementById(input.dataset.picks);
    var value = item.value + "|" + item.label;
    var exists = Array.prototype.some.call(picks.querySelectorAll("input"), function (hidden) {
      return hidden.value === value;
    });
    if (exists) return;
    var li = document.createElement("li");
    var hidden = document.createElement("input");
    var remove = document.createElement("button");
    li.textContent = item.label + " ";
    hidden.type = "hidden";
    hidden.name = input.dataset.pickName;
    hidden.value = value;
    remove.type = "button";
    remove.textContent = "\u00d7";
    remove.setAttribute("aria-label", "Remove " + item.label);
    remove.addEventListener("click", function () { li.remove(); });
    li.appendChild(hidden);
    li.appendChild(remove);
    picks.appendChild(li);
  }

  // Clicking a numbered sentence points at its row; following a row's number points at the text.
  function linkRowsAndText() {
    document.querySelectorAll(".review-body mark[data-n]").forEach(function (mark) {
      mark.addEventListener("click", function () {
        var first = mark.dataset.n.split(" ")[0];
        var row = document.querySelector('.review-row[data-row="' + first + '"]');
        if (!row) return;
        document.querySelectorAll(".review-row.is-current").forEach(function (r) { r.classList.remove("is-current"); });
        row.classList.add("is-current");
        row.scrollIntoView({ block: "nearest" });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var root = document.querySelector(".review[data-places-url]");
    if (!root) return;
    var search = sources(root);
    document.querySelectorAll("input[data-autocomplete]").forEach(function (input) {
      var source = search[input.dataset.autocomplete];
      if (source) autocomplete(input, source);
    });
    linkRowsAndText();
  });
})();
