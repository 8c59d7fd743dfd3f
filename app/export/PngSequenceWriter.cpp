#include "export/PngSequenceWriter.hpp"

#include <cstdio>
#include <filesystem>
#include <system_error>

#include "export/PngWriter.hpp"

namespace mirador {

geo::Result<PngSequenceWriter> PngSequenceWriter::open(const std::string& folder, const std::string& stem, double dpi) {
    if (stem.empty() || stem.find('/') != std::string::npos)
        return geo::make_error("a PNG sequence needs a file name stem without '/' (got '" + stem + "')");
    std::error_code ec;
    if (std::filesystem::exists(folder, ec) && !std::filesystem::is_directory(folder, ec))
        return geo::make_error(folder + ": is a file, not a folder for the PNG sequence");
    const bool made = std::filesystem::create_directories(folder, ec);
    if (ec) return geo::make_error(folder + ": cannot make the folder: " + ec.message());
    return PngSequenceWriter(folder, stem, dpi, made);
}

std::string PngSequenceWriter::path_of(int i) const {
    char number[16];
    std::snprintf(number, sizeof number, "%05d", i + 1);
    return (std::filesystem::path(folder_) / (stem_ + "-" + number + ".png")).string();
}

void PngSequenceWriter::discard() {
    std::error_code ec;
    for (int i = 0; i < count_; ++i) std::filesystem::remove(path_of(i), ec);
    count_ = 0;
    if (made_folder_ && std::filesystem::is_empty(folder_, ec)) std::filesystem::remove(folder_, ec);
}

geo::Result<std::string> PngSequenceWriter::add_frame(const Image& frame) {
    std::string path = path_of(count_);
    PngOptions options;
    options.dpi = dpi_;
    if (auto ok = write_png(path, frame, options); !ok) return geo::make_error(ok.error());
    ++count_;
    return path;
}

}  // namespace mirador
