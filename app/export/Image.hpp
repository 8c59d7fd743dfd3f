#pragma once
// An image read back from the GPU: RGBA8, top row first, as every exporter takes it.
#include <cstdint>
#include <vector>

namespace mirador {

struct Image {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;  // top row first
    const std::uint8_t* at(int x, int y) const { return rgba.data() + (static_cast<std::size_t>(y) * width + x) * 4; }
    // Every pixel's alpha is 255: the file can drop the alpha channel.
    bool opaque() const {
        for (std::size_t i = 3; i < rgba.size(); i += 4)
            if (rgba[i] != 255) return false;
        return true;
    }
};

}  // namespace mirador
