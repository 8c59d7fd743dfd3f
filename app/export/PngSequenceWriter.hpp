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
    // Removes the frames this writer wrote, and the folder when open() made it and it is left
    // empty: a cancelled or failed sequence leaves no partial set of frames behind.
    void discard();

private:
    PngSequenceWriter(std::string folder, std::string stem, double dpi, bool made_folder)
        : folder_(std::move(folder)), stem_(std::move(stem)), dpi_(dpi), made_folder_(made_folder) {}
    std::string folder_, stem_;
    double dpi_ = 0;
    bool made_folder_ = false;
    int count_ = 0;
};

}  // namespace mirador
