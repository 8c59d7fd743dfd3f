#pragma once
// Small edits of a map document that render tests make again and again: show or hide a layer,
// frame a lon/lat box, pick a time window. They go through the same fields the window's panels
// and the command line write.
#include <catch2/catch.hpp>

#include <string>

#include "commands/Snapshot.hpp"
#include "document/MapDocument.hpp"

namespace mirador::test {

inline doc::Layer& layer_of(doc::MapDocument& d, doc::LayerKind kind) {
    doc::Layer* l = d.find(kind);
    REQUIRE(l != nullptr);
    return *l;
}

inline void show_layer(doc::MapDocument& d, doc::LayerKind kind, bool visible) { layer_of(d, kind).visible = visible; }

inline void frame_box(doc::MapDocument& d, const LonLatBox& box) {
    auto e = extent_for_bbox(box, d.view.crs);
    REQUIRE(e);
    d.view.extent = *e;
}

// The window from..to (ISO days, both inclusive), stepping by `spec`.
inline void set_days(doc::MapDocument& d, const std::string& from, const std::string& to,
                     geo::WindowSpec spec = geo::WindowSpec{}) {
    d.time.all_time = false;
    d.time.from = from;
    d.time.to = to;
    d.time.window = spec;
}

}  // namespace mirador::test
