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
    std::filesystem::create_directories(folder, ec);
    if (ec) return geo::make_error(folder + ": cannot make the folder: " + ec.message());
    return PngSequenceWriter(folder, stem, dpi);
}

std::string PngSequenceWriter::path_of(int i) const {
    char number[16];
    std::snprintf(number, sizeof number, "%05d", i + 1);
    return (std::filesystem::path(folder_) / (stem_ + "-" + number + ".png")).string();
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
