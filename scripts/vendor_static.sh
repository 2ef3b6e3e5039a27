#!/bin/sh
# Copy the map libraries' built files and licences from npm into static/vendor/, where they are
# committed: the site never loads anything from a CDN, and `make run` needs no Node.
# Run from the repository root after changing a version in package.json:
#   npm ci --ignore-scripts && sh scripts/vendor_static.sh
set -eu
test -d node_modules/leaflet || npm ci --ignore-scripts --no-audit --no-fund
out=static/vendor
rm -rf "$out/leaflet" "$out/leaflet.markercluster"
mkdir -p "$out/leaflet/images" "$out/leaflet.markercluster"
src=node_modules/leaflet
cp "$src/dist/leaflet.js" "$src/dist/leaflet.js.map" "$src/dist/leaflet.css" "$src/LICENSE" "$out/leaflet/"
cp "$src"/dist/images/*.png "$out/leaflet/images/"
src=node_modules/leaflet.markercluster
cp "$src/dist/leaflet.markercluster.js" "$src/dist/leaflet.markercluster.js.map" \
   "$src/dist/MarkerCluster.css" "$src/dist/MarkerCluster.Default.css" "$src/MIT-LICENCE.txt" \
   "$out/leaflet.markercluster/"
for pkg in leaflet leaflet.markercluster; do
  node -e "const p=require('./node_modules/$pkg/package.json');console.log(p.name+' '+p.version+' ('+p.license+') from the npm registry')" \
    > "$out/$pkg/VERSION"
done
echo "vendored into $out:"; cat "$out"/*/VERSION
