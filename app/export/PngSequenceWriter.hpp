#pragma once
// A numbered PNG sequence in a folder (made if missing): STEM-00001.png, STEM-00002.png ...,
// each written atomically (write_png), for editing in other tools or for FFmpeg by hand.
#include <string>
#include <utility>

#include "export/Image.hpp"
#include "mirador/geo/Result.hpp"

namespace mirador {

class PngSequenceWriter {
public:
    [[nodiscard]] static geo::Result<PngSequenceWriter> open(const std::string& folder, const std::string& stem = "frame",
                                                            double dpi = 0);
    // Writes the next file; its path is returned.
    [[nodiscard]] geo::Result<std::string> add_frame(const Image& frame);
    int frames() const { return count_; }
    // The path frame i (0-based) has.
    std::string path_of(int i) const;

private:
    PngSequenceWriter(std::string folder, std::string stem, double dpi)
        : folder_(std::move(folder)), stem_(std::move(stem)), dpi_(dpi) {}
    std::string folder_, stem_;
    double dpi_ = 0;
    int count_ = 0;
};

}  // namespace mirador
