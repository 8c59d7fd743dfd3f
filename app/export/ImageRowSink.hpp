#pragma once
// Rows kept in memory, in an Image the caller owns: what an export renders when the caller wants the pixels
// rather than a file (render_snapshot for tests and the hot spot maps, thumbnails).
#include <cstring>

#include "export/Image.hpp"
#include "export/RowSink.hpp"

namespace mirador {

class ImageRowSink final : public RowSink {
public:
    // Fills `out` (which must outlive the sink), resized to width x height.
    ImageRowSink(Image& out, int width, int height) : image_(out) {
        image_.width = width;
        image_.height = height;
        image_.rgba.assign(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4, 0);
    }
    int width() const override { return image_.width; }
    int height() const override { return image_.height; }
    [[nodiscard]] geo::Result<bool> write_row(const std::uint8_t* rgba) override {
        if (rows_ >= image_.height) return geo::make_error("more rows than the image has");
        const std::size_t row = static_cast<std::size_t>(image_.width) * 4;
        std::memcpy(image_.rgba.data() + static_cast<std::size_t>(rows_) * row, rgba, row);
        ++rows_;
        return true;
    }
    [[nodiscard]] geo::Result<bool> finish() override {
        if (rows_ != image_.height) return geo::make_error("the image has rows missing");
        return true;
    }
private:
    Image& image_;
    int rows_ = 0;
};

}  // namespace mirador
