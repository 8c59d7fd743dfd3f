#pragma once
// `mirador snapshot`'s time, layer and heatmap flags: declared on the command and turned into
// SnapshotOptions after parsing, with errors that quote the bad value.
#include <string>

#include "commands/Snapshot.hpp"

namespace CLI {
class App;
}

namespace mirador {

struct SnapshotFlagText {
    std::string from, to, layers, kernel = "quartic", normalize = "fixed", weight = "count", ramp = "inferno",
                engine = "auto";
    double radius_km = 25;
    float opacity = 0.8f, threshold = 0.02f;
};

void add_snapshot_flags(CLI::App& cmd, SnapshotFlagText& text);
// Fills options.window, layers, heatmap (and the choropleth measure when --layers names or
// omits "choropleth"). The error names the flag.
geo::Result<bool> apply_snapshot_flags(const SnapshotFlagText& text, SnapshotOptions& options);

}  // namespace mirador
