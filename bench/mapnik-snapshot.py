#!/usr/bin/python3
# Mapnik 3.1's side of bench_mapnik: the same map as `mirador snapshot --no-labels`, drawn from the
# same files, as a process of its own (Python start, Mapnik import, load, render, PNG).
#
#   mapnik-snapshot.py --municipalities 00mun.shp --states 00ent.shp --out map.png
#                      [--width 3840 --height 2160] [--points incidents.csv]
#
# The map: EPSG:6372 (the shapefiles' own CRS, so Mapnik reprojects nothing but the points), the
# whole extent of the municipalities fitted to the image, municipalities filled and outlined
# thinly, state borders over them, and with --points every incident as Mirador draws it (the
# CSV's lon/lat, reprojected from EPSG:4326 by Mapnik through PROJ; see the points style below).
# Sizes scale with the image as Mirador's do (x2 at 3840 wide). PNG as RGBA ("png32") at zlib
# level 3, the level Mirador's writer uses.
#
# Needs Debian's python3-mapnik (Mapnik 3.1), which is for this benchmark only: Mirador does not
# use it. Run with /usr/bin/python3 (the package's interpreter).
import argparse
import sys

try:
    import mapnik
except ImportError:
    sys.exit("mapnik-snapshot.py: no Mapnik for this Python (" + sys.executable +
             "): apt-get install python3-mapnik, and run it with /usr/bin/python3")


# Mirador's category colours (app/style/Palette.cpp), in its CSV's category names.
CATEGORY_COLOURS = [("armed clash", "#d65e00"), ("ambush", "#cc78a6"), ("massacre", "#8c001a"),
                    ("arrest/capture", "#0073b3"), ("attack on civilians", "#e69e00"),
                    ("prison escape", "#57b5e8"), ("disappearance", "#663399"),
                    ("military operation", "#009e73"), ("other", "#737373")]


def style(*symbolizers):
    s = mapnik.Style()
    r = mapnik.Rule()
    for sym in symbolizers:
        r.symbols.append(sym)
    s.rules.append(r)
    return s


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--municipalities", required=True)
    p.add_argument("--states", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--width", type=int, default=3840)
    p.add_argument("--height", type=int, default=2160)
    p.add_argument("--points")
    a = p.parse_args()

    m = mapnik.Map(a.width, a.height, "epsg:6372")
    m.background = mapnik.Color("#dfe6ea")

    fill = mapnik.PolygonSymbolizer()
    fill.fill = mapnik.Color("#efe9dc")
    outline = mapnik.LineSymbolizer()
    outline.stroke = mapnik.Color("#b9b2a5")
    outline.stroke_width = 0.6
    m.append_style("municipalities", style(fill, outline))
    border = mapnik.LineSymbolizer()
    border.stroke = mapnik.Color("#5f5a52")
    border.stroke_width = 1.6
    m.append_style("states", style(border))

    layers = [("municipalities", mapnik.Shapefile(file=a.municipalities), "epsg:6372"),
              ("states", mapnik.Shapefile(file=a.states), "epsg:6372")]
    if a.points:
        # As Mirador draws incidents: a disc per incident coloured by its category (the same
        # nine colours), its radius 3 px plus 1.6 x sqrt(fatalities) (at most 16 more), a thin
        # dark outline, no collision detection.
        points = mapnik.Style()
        for category, colour in CATEGORY_COLOURS:
            rule = mapnik.Rule()
            rule.filter = mapnik.Expression("[category] = '%s'" % category)
            dot = mapnik.MarkersSymbolizer()
            dot.fill = mapnik.Color(colour)
            size = mapnik.Expression("2 * (3 + min(1.6 * pow([fatalities], 0.5), 16))")
            dot.width = size
            dot.height = size
            dot.stroke = mapnik.Color("#222222")
            dot.stroke_width = 0.5
            dot.allow_overlap = True
            dot.ignore_placement = True
            rule.symbols.append(dot)
            points.rules.append(rule)
        m.append_style("points", points)
        layers.append(("points", mapnik.CSV(file=a.points), "epsg:4326"))
    for name, datasource, srs in layers:
        layer = mapnik.Layer(name, srs)
        layer.datasource = datasource
        layer.styles.append(name)
        m.layers.append(layer)

    m.zoom_to_box(m.layers[0].envelope())
    # Line widths and symbol sizes above are for a 1920-pixel-wide map; larger images scale them,
    # as Mirador scales its lines and symbols with the image.
    mapnik.render_to_file(m, a.out, "png32:z=3", max(1.0, a.width / 1920.0))


if __name__ == "__main__":
    main()
