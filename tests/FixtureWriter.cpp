#include "FixtureWriter.hpp"

#include <cpl_error.h>
#include <gdal_utils.h>

#include "mirador/geo/LayerLoader.hpp"

namespace mirador::test {

std::string vector_translate(const std::string& dst, const std::string& src, const std::vector<std::string>& args) {
    geo::ensure_gdal_registered();
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    GDALVectorTranslateOptions* opts = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
    if (!opts) return "bad ogr2ogr options";
    GDALDatasetH in = GDALOpenEx(src.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
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
