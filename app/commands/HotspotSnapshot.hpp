#pragma once
// `--map PNG` of `mirador hotspots` and `mirador emerging`: the result drawn as the window draws
// it (through MapScene, headless), municipalities filled by class with the legend.
#include <string>
#include <vector>

#include "data/DataOptions.hpp"
#include "commands/HotspotInput.hpp"
#include "style/HotspotPalette.hpp"

namespace mirador {

// `unit_classes` per unit of `units` (municipalities, or states: each municipality takes its
// state's class). Returns the exit status; messages go to stderr.
int write_hotspot_png(const DataOptions& data, const UnitSet& units, HotspotMapKind kind,
                      const std::vector<int>& unit_classes, const std::string& title, const std::string& png,
                      const std::vector<std::string>& inputs, const char* command);

}  // namespace mirador
