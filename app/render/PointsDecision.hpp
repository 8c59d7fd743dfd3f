#pragma once
// How the points are drawn, when a frame says so instead of deciding it: the tiles of one
// export draw them as the whole image does (binned or one by one, and the bins' colour scale),
// not as each tile alone would decide. The bins' cells are anchored to the map, so a tile's bins
// are the image's.

namespace mirador {

struct PointsDecision {
    bool set = false;  // false: each frame decides from what it shows
    bool aggregated = false;
    float max_count = 0;  // the fullest bin, for the colour scale
    bool operator==(const PointsDecision&) const = default;
};

}  // namespace mirador
