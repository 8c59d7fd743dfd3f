#include "mirador/geo/GdalRegistration.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <mutex>

namespace mirador::geo {

void ensure_gdal_registered() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

void ensure_shapefile_driver_registered() {
    static std::once_flag once;
    std::call_once(once, [] { RegisterOGRShape(); });
}

}  // namespace mirador::geo
