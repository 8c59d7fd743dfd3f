#include "mirador/geo/GdalRegistration.hpp"

#include <gdal_priv.h>

#include <mutex>

namespace mirador::geo {

void ensure_gdal_registered() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

}  // namespace mirador::geo
