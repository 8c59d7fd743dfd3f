#include "FixtureWriter.hpp"

#include <cpl_error.h>
#include <gdal_utils.h>

#include "mirador/geo/LayerLoader.hpp"

namespace mirador::test {

std::string vector_translate(const std::string& dst, const std::string& src, const std::vector<std::string>& args) {
    geo::ensure_gdal_registered();
    // "-oo NAME=VALUE" opens the source, as the ogr2ogr program does (the library form only
    // translates; it never sees how the source was opened).
    std::vector<char*> argv, open_options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-oo" && i + 1 < args.size()) {
            open_options.push_back(const_cast<char*>(args[++i].c_str()));
            continue;
        }
        argv.push_back(const_cast<char*>(args[i].c_str()));
    }
    argv.push_back(nullptr);
    open_options.push_back(nullptr);
    GDALVectorTranslateOptions* opts = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
    if (!opts) return "bad ogr2ogr options";
    GDALDatasetH in = GDALOpenEx(src.c_str(), GDAL_OF_VECTOR, nullptr, open_options.data(), nullptr);
    if (!in) {
        GDALVectorTranslateOptionsFree(opts);
        return "cannot open " + src;
    }
    int usage_error = 0;
    GDALDatasetH out = GDALVectorTranslate(dst.c_str(), nullptr, 1, &in, opts, &usage_error);
    std::string err = out ? "" : std::string("translate failed: ") + CPLGetLastErrorMsg();
    if (out) GDALClose(out);
    GDALClose(in);
    GDALVectorTranslateOptionsFree(opts);
    return err;
}

}  // namespace mirador::test
