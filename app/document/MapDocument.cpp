#include "document/MapDocument.hpp"

#include "document/EnumNames.hpp"

namespace mirador::doc {

std::vector<Layer> MapDocument::default_layers() {
    return {
        Layer{FillStyle{}},
        Layer{HotspotStyle{}, false},
        Layer{HeatmapStyle{}, false, 0.8f},
        Layer{BorderStyle{}},
        Layer{PointStyle{}, true, 0.9f},
        Layer{LabelStyle{}},
    };
}

Layer* MapDocument::find(LayerKind kind) {
    for (Layer& l : layers)
        if (l.kind() == kind) return &l;
    return nullptr;
}

const Layer* MapDocument::find(LayerKind kind) const {
    for (const Layer& l : layers)
        if (l.kind() == kind) return &l;
    return nullptr;
}

const char* to_string(LayerKind kind) { return enum_name(kind); }

}  // namespace mirador::doc
