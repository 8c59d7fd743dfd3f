#include "commands/HotspotSnapshot.hpp"

#include <cstdio>
#include <unordered_map>

#include "commands/Snapshot.hpp"
#include "export/PngWriter.hpp"
#include "mirador/geo/AtomicFile.hpp"
#include "platform/Report.hpp"

namespace mirador {

int write_hotspot_png(const DataOptions& data, const UnitSet& units, HotspotMapKind kind,
                      const std::vector<int>& unit_classes, const std::string& title, const std::string& png,
                      const std::vector<std::string>& inputs, const char* command) {
    if (units.kind == "hexagon") {
        eprint("%s: --map draws municipalities or states; hexagon results are in the .gpkg output\n", command);
        return 2;
    }
    if (auto same = geo::check_output_is_not_input(png, inputs, "--map"); !same) {
        eprint("%s: %s\n", command, same.error().c_str());
        return 2;
    }
    auto b = load_boundaries_verbose(data, true);
    if (!b) return eprint("%s: %s\n", command, b.error().c_str()), 1;
    std::unordered_map<std::string, int> by_code;
    for (std::size_t k = 0; k < units.codes.size(); ++k) by_code[units.codes[k]] = unit_classes[k];
    HotspotMap map;
    map.kind = kind;
    map.title = title;
    const auto& mun = (*b)->municipalities;
    for (std::size_t m = 0; m < mun.feature_count(); ++m) {
        const std::string& code = mun.attributes[m].code;
        const auto it = by_code.find(units.kind == "state" ? code.substr(0, 2) : code);
        map.classes.push_back(it == by_code.end() ? HotspotMap::kNoClass : it->second);
    }
    SnapshotOptions o;
    o.out = png;
    o.width = 1600;
    o.height = 1000;
    o.hotspot_map = map;
    doc::MapDocument document;
    document.sources.boundaries = data.boundaries;
    document.view.crs = data.crs;
    auto shot = render_snapshot(**b, document, o, nullptr);
    if (!shot) return eprint("%s: %s\n", command, shot.error().c_str()), 1;
    if (auto w = write_png(png, shot->image); !w) return eprint("%s: %s\n", command, w.error().c_str()), 1;
    eprint("%s: map -> %s\n", command, png.c_str());
    return 0;
}

}  // namespace mirador
